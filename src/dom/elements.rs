//! `<incident-banner>` and `<incident-timeline>`: attributes, per-element state, loading.
//!
//! Attributes resolve like the platform does: `lang` from the element or its nearest
//! ancestor, then the document, then Korean; `time-zone` from the element, else the feed
//! publisher's zone. Invalid values fall back to the default instead of throwing.

use super::fetch::{self, LoadError};
use super::zone::IntlZone;
use super::{render, style};
use crate::feed::Feed;
use crate::i18n::{Labels, Lang};
use crate::time::{FixedZone, Instant, Zone};
use crate::view::{banner, timeline, Context};
use chrono::{DateTime, TimeDelta};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

/// What one connected element knows.
struct State {
    el: HtmlElement,
    /// Bumped by every load, so a slow response for an old `src` is dropped.
    seq: u32,
    /// The last good feed for the current `src`.
    feed: Option<Rc<Feed>>,
    /// The last failure, shown beside the last good feed.
    error: Option<LoadError>,
}

thread_local! {
    static ELEMENTS: RefCell<Vec<State>> = const { RefCell::new(Vec::new()) };
}

fn with_state<T>(el: &HtmlElement, f: impl FnOnce(&mut State) -> T) -> Option<T> {
    ELEMENTS.with(|all| all.borrow_mut().iter_mut().find(|s| s.el == *el).map(f))
}

fn warn(message: &str) {
    web_sys::console::warn_1(&format!("incident-banner: {message}").into());
}

/// Called by the element's `connectedCallback`.
#[wasm_bindgen(js_name = elementConnected)]
pub fn element_connected(el: HtmlElement) {
    if shadow(&el).is_none() {
        warn("could not attach a shadow root");
        return;
    }
    ELEMENTS.with(|all| {
        let mut all = all.borrow_mut();
        if !all.iter().any(|s| s.el == el) {
            all.push(State {
                el: el.clone(),
                seq: 0,
                feed: None,
                error: None,
            });
        }
    });
    start_load(&el);
}

/// Called by the element's `disconnectedCallback`: forget it, so nothing leaks.
#[wasm_bindgen(js_name = elementDisconnected)]
pub fn element_disconnected(el: HtmlElement) {
    ELEMENTS.with(|all| all.borrow_mut().retain(|s| s.el != el));
}

/// Called by the element's `attributeChangedCallback` while connected.
#[wasm_bindgen(js_name = elementAttributeChanged)]
pub fn element_attribute_changed(el: HtmlElement, name: String) {
    if name == "src" {
        with_state(&el, |s| {
            s.feed = None;
            s.error = None;
        });
        start_load(&el);
    } else {
        render(&el);
    }
}

/// The head-snippet mode: loads `src` and inserts a banner at the top of `<body>` only when
/// there is something to announce.
#[wasm_bindgen(js_name = autoBanner)]
pub fn auto_banner(src: String) {
    let Some(url) = absolute(&src) else { return };
    wasm_bindgen_futures::spawn_local(async move {
        match fetch::load(&url).await {
            Ok(feed) => {
                if banner::select(&feed, &now_from(None), banner::DEFAULT_HORIZON).is_empty() {
                    return;
                }
                if let Err(e) = insert_banner(&url) {
                    warn(&format!("could not insert the banner: {e:?}"));
                }
            }
            Err(e) => warn(&format!("{url}: {}", e.detail())),
        }
    });
}

fn insert_banner(url: &str) -> Result<(), JsValue> {
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let body = doc.body().ok_or("no body")?;
    let el = doc.create_element("incident-banner")?;
    el.set_attribute("src", url)?;
    body.prepend_with_node_1(&el)
}

fn shadow(el: &HtmlElement) -> Option<ShadowRoot> {
    if let Some(root) = el.shadow_root() {
        return Some(root);
    }
    let init = ShadowRootInit::new(ShadowRootMode::Open);
    let root = el.attach_shadow(&init).ok()?;
    style::adopt(&root);
    Some(root)
}

/// Resolves `src` against the document's base URL.
fn absolute(src: &str) -> Option<String> {
    let base = web_sys::window()?.document()?.base_uri().ok()??;
    web_sys::Url::new_with_base(src.trim(), &base)
        .ok()
        .map(|u| u.href())
}

fn start_load(el: &HtmlElement) {
    let src = el.get_attribute("src").unwrap_or_default();
    let Some(seq) = with_state(el, |s| {
        s.seq += 1;
        s.seq
    }) else {
        return;
    };
    render(el);
    if src.trim().is_empty() {
        warn("the element has no src attribute");
        return;
    }
    let Some(url) = absolute(&src) else {
        warn(&format!("{src:?} is not a valid URL"));
        return;
    };
    let el = el.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let result = fetch::load(&url).await;
        let current = with_state(&el, |s| {
            if s.seq != seq {
                return false;
            }
            match result {
                Ok(feed) => {
                    s.feed = Some(feed);
                    s.error = None;
                }
                Err(e) => {
                    warn(&format!("{url}: {}", e.detail()));
                    s.error = Some(e);
                }
            }
            true
        });
        if current == Some(true) {
            render(&el);
        }
    });
}

/// The reader's language: the nearest `lang`, then the document's, then Korean.
fn lang_of(el: &HtmlElement) -> Lang {
    let nearest = el
        .closest("[lang]")
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute("lang"));
    let document = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("lang"));
    nearest
        .as_deref()
        .and_then(Lang::from_tag)
        .or_else(|| document.as_deref().and_then(Lang::from_tag))
        .unwrap_or(Lang::Ko)
}

/// The display zone: the `time-zone` attribute (`local` = the reader's), else the
/// publisher's zone, else the offset the feed's own timestamps use.
fn zone_of(el: &HtmlElement, feed: &Feed) -> Box<dyn Zone> {
    if let Some(name) = el.get_attribute("time-zone") {
        let zone = match name.trim() {
            "local" => IntlZone::new(None),
            other => IntlZone::new(Some(other)),
        };
        match zone {
            Some(z) => return Box::new(z),
            None => warn(&format!(
                "unknown time-zone {name:?}; using the feed's zone"
            )),
        }
    }
    if let Some(z) = feed
        .publisher
        .time_zone
        .as_deref()
        .and_then(|n| IntlZone::new(Some(n)))
    {
        return Box::new(z);
    }
    let first = feed
        .incidents
        .iter()
        .find_map(crate::view::start_of)
        .or(feed.updated_at);
    match first {
        Some(t) => Box::new(FixedZone::from_offset(t.offset().local_minus_utc())),
        None => IntlZone::new(None)
            .map(|z| Box::new(z) as Box<dyn Zone>)
            .unwrap_or_else(|| Box::new(FixedZone::kst())),
    }
}

/// The current instant, or the `now` attribute for demos of past incidents.
fn now_from(attr: Option<String>) -> Instant {
    if let Some(t) = attr.and_then(|a| DateTime::parse_from_rfc3339(a.trim()).ok()) {
        return t;
    }
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64)
        .unwrap_or_default()
        .fixed_offset()
}

/// The `horizon` attribute in hours, else 72 h.
fn horizon_of(el: &HtmlElement) -> TimeDelta {
    el.get_attribute("horizon")
        .and_then(|h| h.trim().parse::<f64>().ok())
        .filter(|h| h.is_finite() && *h >= 0.0 && *h < 24.0 * 365.0 * 10.0)
        .map(|h| TimeDelta::minutes((h * 60.0) as i64))
        .unwrap_or(banner::DEFAULT_HORIZON)
}

fn error_text(e: &LoadError, l: &Labels) -> String {
    match e {
        LoadError::Network(_) => l.error_fetch.to_string(),
        LoadError::Http(status) => l.error_http.replace("{status}", &status.to_string()),
        LoadError::Feed(errors) => {
            let path = &errors.first().path;
            if path.is_empty() {
                l.error_feed.to_string()
            } else {
                format!("{} ({path})", l.error_feed)
            }
        }
    }
}

/// Renders `el` from its state; failures are reported once to the console, never thrown.
fn render(el: &HtmlElement) {
    let Some(root) = el.shadow_root() else { return };
    let Some((feed, error)) = with_state(el, |s| (s.feed.clone(), s.error.clone())) else {
        return;
    };
    let lang = lang_of(el);
    let labels = lang.messages().labels();
    let is_banner = el.local_name() == "incident-banner";
    let notice = error.as_ref().map(|e| error_text(e, labels));
    let result = match feed {
        None => match (&notice, is_banner) {
            (Some(n), _) => render::message(&root, n, "error"),
            (None, true) => render::banner(&root, None, labels, None),
            (None, false) => render::message(&root, labels.loading, "notice"),
        },
        Some(feed) => {
            let zone = zone_of(el, &feed);
            let cx = Context {
                lang,
                zone: zone.as_ref(),
                now: now_from(el.get_attribute("now")),
            };
            if is_banner {
                let view = banner::build(&feed, &cx, horizon_of(el));
                render::banner(&root, view.as_ref(), labels, notice.as_deref())
            } else {
                render::timeline(
                    &root,
                    &timeline::build(&feed, &cx),
                    labels,
                    notice.as_deref(),
                )
            }
        }
    };
    if let Err(e) = result {
        warn(&format!("rendering failed: {e:?}"));
    }
}
