//! One feed request: no cookies, conditional (`If-None-Match` / `If-Modified-Since`), with a
//! timeout and a size limit, and every failure returned as a value.

use crate::prelude::*;

use super::timer::Timeout;
use crate::poll;
use crate::view::notice::Problem;
use alloc::rc::Rc;
use core::cell::Cell;
use core::time::Duration;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, Headers, RequestCache, RequestCredentials, RequestInit, Response};

#[wasm_bindgen]
extern "C" {
    /// A request `define.js` started for an element already in the page while the wasm was
    /// still loading: the same unconditional, cookie-free GET this module would send.
    type Prefetched;

    #[wasm_bindgen(method, getter)]
    fn response(this: &Prefetched) -> js_sys::Promise;

    #[wasm_bindgen(method, getter)]
    fn controller(this: &Prefetched) -> AbortController;

    /// The page's `fetch`, called directly: the request needs nothing a wrapper adds.
    #[wasm_bindgen(js_name = fetch)]
    fn fetch_with_init(url: &str, init: &RequestInit) -> js_sys::Promise;

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
    r.headers().get(name).ok().flatten()
}

/// The `message` of a rejection (a `TypeError` from `fetch`, an `AbortError`), for the
/// developer's detail.
fn message(e: &JsValue) -> String {
    js_sys::Reflect::get(e, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_default()
}

/// The cookie-free GET, conditional when `validators` has anything. `define.js` sends the
/// same GET (unconditional: a new page has no validators) before the wasm is loaded.
fn send(url: &str, validators: &Validators, signal: &web_sys::AbortSignal) -> js_sys::Promise {
    let init = RequestInit::new();
    init.set_credentials(RequestCredentials::Omit);
    // We revalidate ourselves; the browser's cache must not answer in our place.
    init.set_cache(RequestCache::NoStore);
    init.set_signal(Some(signal));
    if let Ok(headers) = Headers::new() {
        if let Some(etag) = &validators.etag {
            let _ = headers.set("If-None-Match", etag);
        }
        if let Some(lm) = &validators.last_modified {
            let _ = headers.set("If-Modified-Since", lm);
        }
        init.set_headers(&headers);
    }
    fetch_with_init(url, &init)
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
    let fail = |e: JsValue| {
        if timed_out.get() {
            Failure::new(
                Problem::Timeout,
                format!("no complete answer within {} s", timeout.as_secs()),
            )
        } else {
            Failure::new(Problem::Network, format!("request failed: {}", message(&e)))
        }
    };

    let sent = match prefetched {
        Some(p) => p.response(),
        None => send(url, validators, &controller.signal()),
    };
    let response: Response = JsFuture::from(sent).await.map_err(&fail)?.unchecked_into();
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
    let declared =
        header(&response, "content-length").and_then(|v| crate::decimal::integer(v.trim()));
    if declared.is_some_and(|n| n > max_bytes) {
        controller.abort();
        return Err(too_large());
    }
    let body = response.array_buffer().map_err(&fail)?;
    let bytes = js_sys::Uint8Array::new(&JsFuture::from(body).await.map_err(&fail)?).to_vec();
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
