//! Fetching a feed: no cookies, errors as values, a short-lived cache so that a banner and
//! a timeline on the same page (or the head-snippet banner) share one request.

use crate::feed::{self, Feed, ParseErrors};
use gloo_net::http::Request;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use web_sys::RequestCredentials;

/// How long a fetched feed is reused by other elements asking for the same URL.
const REUSE_MS: f64 = 5_000.0;

/// Why a feed could not be shown.
#[derive(Debug, Clone)]
pub enum LoadError {
    /// The request failed: offline, DNS, CORS, blocked by CSP.
    Network(String),
    /// The server answered with an error status.
    Http(u16),
    /// The body is not a valid feed.
    Feed(ParseErrors),
}

impl LoadError {
    /// The detail for the developer console.
    pub fn detail(&self) -> String {
        match self {
            LoadError::Network(e) => format!("request failed: {e}"),
            LoadError::Http(status) => format!("server answered HTTP {status}"),
            LoadError::Feed(e) => format!("invalid feed:\n{e}"),
        }
    }
}

thread_local! {
    static RECENT: RefCell<HashMap<String, (f64, Rc<Feed>)>> = RefCell::new(HashMap::new());
}

/// Fetches and parses the feed at absolute URL `url`.
pub async fn load(url: &str) -> Result<Rc<Feed>, LoadError> {
    let now = js_sys::Date::now();
    let cached = RECENT.with(|r| {
        r.borrow()
            .get(url)
            .filter(|(at, _)| now - at < REUSE_MS)
            .map(|(_, f)| f.clone())
    });
    if let Some(f) = cached {
        return Ok(f);
    }
    let response = Request::get(url)
        .credentials(RequestCredentials::Omit)
        .send()
        .await
        .map_err(|e| LoadError::Network(e.to_string()))?;
    if !response.ok() {
        return Err(LoadError::Http(response.status()));
    }
    let text = response
        .text()
        .await
        .map_err(|e| LoadError::Network(e.to_string()))?;
    let parsed = Rc::new(feed::parse(&text).map_err(LoadError::Feed)?);
    for w in feed::validate(&parsed) {
        web_sys::console::warn_1(&format!("incident-banner: {url}: {w}").into());
    }
    RECENT.with(|r| {
        r.borrow_mut()
            .insert(url.to_string(), (now, parsed.clone()))
    });
    Ok(parsed)
}
