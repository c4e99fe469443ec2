//! One feed request through gloo-net: no cookies, conditional (`If-None-Match` /
//! `If-Modified-Since`), with a timeout and a size limit, and every failure returned as a
//! value.

use super::timer::Timeout;
use crate::poll;
use crate::view::notice::Problem;
use core::cell::Cell;
use core::time::Duration;
use gloo_net::http::{Request, Response};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, RequestCache, RequestCredentials};

#[wasm_bindgen]
extern "C" {
    /// A request `define.js` started for an element already in the page while the wasm was
    /// still loading: the same unconditional, cookie-free GET this module would send.
    type Prefetched;

    #[wasm_bindgen(method, getter)]
    fn response(this: &Prefetched) -> js_sys::Promise;

    #[wasm_bindgen(method, getter)]
    fn controller(this: &Prefetched) -> AbortController;

    // Defined in `define.js` (the same ES module as the glue); `catch` covers builds without
    // it, such as the wasm-bindgen tests.
    #[wasm_bindgen(catch, js_name = takePrefetched)]
    fn take_prefetched(url: &str) -> Result<Option<Prefetched>, JsValue>;
}

/// Default request timeout (`timeout` attribute, seconds).
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);
/// Default size limit (`max-bytes` attribute).
pub const DEFAULT_MAX_BYTES: u64 = 5 * 1024 * 1024;

/// The validators of the last good response, sent back to let the origin answer `304`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// A successful answer.
#[derive(Debug)]
pub enum Fetched {
    /// `304 Not Modified`.
    NotModified { max_age: Option<Duration> },
    /// A body, not yet parsed (nor checked as UTF-8: the parser does that as it reads).
    Body {
        bytes: Vec<u8>,
        validators: Validators,
        max_age: Option<Duration>,
    },
}

/// A failed request: what the reader is told, the developer's detail, and the server's
/// `Retry-After`.
#[derive(Debug, Clone)]
pub struct Failure {
    pub problem: Problem,
    pub detail: String,
    pub retry_after: Option<Duration>,
}

impl Failure {
    fn new(problem: Problem, detail: impl Into<String>) -> Self {
        Failure {
            problem,
            detail: detail.into(),
            retry_after: None,
        }
    }
}

fn header(r: &Response, name: &str) -> Option<String> {
    r.headers().get(name)
}

/// The `message` of a rejection (an `AbortError`), for the developer's detail.
fn message(e: &JsValue) -> String {
    js_sys::Reflect::get(e, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_default()
}

/// The cookie-free GET, conditional when `validators` has anything. `define.js` sends the
/// same GET (unconditional: a new page has no validators) before the wasm is loaded.
async fn send(
    url: &str,
    validators: &Validators,
    signal: &web_sys::AbortSignal,
) -> Result<Response, gloo_net::Error> {
    let mut request = Request::get(url)
        .credentials(RequestCredentials::Omit)
        // We revalidate ourselves; the browser's cache must not answer in our place.
        .cache(RequestCache::NoStore)
        .abort_signal(Some(signal));
    if let Some(etag) = &validators.etag {
        request = request.header("If-None-Match", etag);
    }
    if let Some(lm) = &validators.last_modified {
        request = request.header("If-Modified-Since", lm);
    }
    request.send().await
}

/// Requests `url`; `now` (for `Retry-After` dates) is the reader's clock.
pub async fn fetch(
    url: &str,
    validators: &Validators,
    timeout: Duration,
    max_bytes: u64,
    now: &crate::time::Instant,
) -> Result<Fetched, Failure> {
    // Only the first request of a page can have been started early, and it carried no
    // validators (none are kept across page loads).
    let prefetched = take_prefetched(url).ok().flatten();
    let controller = match &prefetched {
        Some(p) => p.controller(),
        None => AbortController::new()
            .map_err(|_| Failure::new(Problem::Network, "no AbortController"))?,
    };
    let timed_out = Rc::new(Cell::new(false));
    let _deadline = {
        let (controller, timed_out) = (controller.clone(), timed_out.clone());
        Timeout::new(timeout.as_millis() as f64, move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    let fail = |detail: String| {
        if timed_out.get() {
            Failure::new(
                Problem::Timeout,
                format!("no complete answer within {} s", timeout.as_secs()),
            )
        } else {
            Failure::new(Problem::Network, format!("request failed: {detail}"))
        }
    };

    let response: Response = match prefetched {
        // A promise of the page's own `Response`, which gloo-net wraps as it is.
        Some(p) => JsFuture::from(p.response())
            .await
            .map(|r| Response::from(r.unchecked_into::<web_sys::Response>()))
            .map_err(|e| fail(message(&e)))?,
        None => send(url, validators, &controller.signal())
            .await
            .map_err(|e| fail(e.to_string()))?,
    };
    let max_age = header(&response, "cache-control")
        .as_deref()
        .and_then(poll::parse_max_age);
    match response.status() {
        304 => return Ok(Fetched::NotModified { max_age }),
        200..=299 => {}
        status => {
            controller.abort();
            return Err(Failure {
                problem: Problem::Http(status),
                detail: format!("server answered HTTP {status}"),
                retry_after: header(&response, "retry-after")
                    .and_then(|v| poll::parse_retry_after(&v, now)),
            });
        }
    }
    let too_large = || {
        Failure::new(
            Problem::TooLarge,
            format!("the feed is larger than {max_bytes} bytes"),
        )
    };
    let declared = header(&response, "content-length").and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > max_bytes) {
        controller.abort();
        return Err(too_large());
    }
    let bytes = response.binary().await.map_err(|e| fail(e.to_string()))?;
    if bytes.len() as u64 > max_bytes {
        return Err(too_large());
    }
    Ok(Fetched::Body {
        bytes,
        validators: Validators {
            etag: header(&response, "etag"),
            last_modified: header(&response, "last-modified"),
        },
        max_age,
    })
}
