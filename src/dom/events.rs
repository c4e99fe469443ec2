//! Events for host pages: `incident-banner:update` after what the element shows changed, and
//! `incident-banner:error` when a feed failed to load or some of its entries could not be
//! read. Both bubble and are `composed`, so a host can listen on `document` and show its own
//! alert bar. Their `detail`s are plain objects written from the Rust types below by
//! serde-wasm-bindgen.

use crate::feed::ParseError;
use crate::i18n::Lang;
use crate::view::banner::BannerView;
#[cfg(feature = "timeline")]
use crate::view::chronology::ChronologyView;
#[cfg(feature = "timeline")]
use crate::view::timeline::TimelineView;
use serde::Serialize;
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

/// A value as a plain JavaScript object (`null` for `None`, objects for maps), as pages
/// expect JSON-like data.
pub fn plain<T: Serialize + ?Sized>(value: &T) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

fn dispatch<T: Serialize>(el: &HtmlElement, name: &str, detail: &T) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&plain(detail));
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = el.dispatch_event(&event);
    }
}

/// `detail` of a banner's update: `{ kind: "banner", visible, stale, id, title, severity,
/// role, more }` (the last five only while visible; `more` is `null` without others).
#[derive(Serialize)]
struct BannerDetail<'a> {
    kind: &'static str,
    visible: bool,
    stale: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    severity: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    more: Option<Option<&'a str>>,
}

/// Tells the page what the banner shows now.
pub fn banner_updated(el: &HtmlElement, view: Option<&BannerView>, stale: bool) {
    let detail = BannerDetail {
        kind: "banner",
        visible: view.is_some(),
        stale,
        id: view.map(|v| v.incident_id.as_str()),
        title: view.map(|v| v.title.as_str()),
        severity: view.map(|v| v.tone.name()),
        role: view.map(|v| v.role.name()),
        more: view.map(|v| v.more.as_deref()),
    };
    dispatch(el, "incident-banner:update", &detail);
}

/// One incident in a timeline's update.
#[cfg(feature = "timeline")]
#[derive(Serialize)]
struct TimelineIncident<'a> {
    id: &'a str,
    title: &'a str,
    status: &'a str,
}

/// `detail` of a timeline's update: `{ kind: "timeline", stale, incidents: [{ id, title,
/// status }] }`.
#[cfg(feature = "timeline")]
#[derive(Serialize)]
struct TimelineDetail<'a> {
    kind: &'static str,
    stale: bool,
    incidents: Vec<TimelineIncident<'a>>,
}

/// Tells the page which incidents the timeline shows now.
#[cfg(feature = "timeline")]
pub fn timeline_updated(el: &HtmlElement, view: &TimelineView, stale: bool) {
    let detail = TimelineDetail {
        kind: "timeline",
        stale,
        incidents: view
            .incidents()
            .map(|inc| TimelineIncident {
                id: &inc.id,
                title: &inc.title,
                status: &inc.status,
            })
            .collect(),
    };
    dispatch(el, "incident-banner:update", &detail);
}

/// One line of a chronology's update.
#[cfg(feature = "timeline")]
#[derive(Serialize)]
struct ChronologyLine<'a> {
    at: &'a str,
    what: &'a str,
    incident: &'a str,
    services: &'a str,
    publisher: &'a str,
}

/// `detail` of a chronology's update: `{ kind: "chronology", stale, entries: [{ at, what,
/// incident, services, publisher }] }`, oldest first, `at` in RFC 3339: a page can tell a
/// new line from the last one it saw (for its own "new" marker or notification).
#[cfg(feature = "timeline")]
#[derive(Serialize)]
struct ChronologyDetail<'a> {
    kind: &'static str,
    stale: bool,
    entries: Vec<ChronologyLine<'a>>,
}

/// Tells the page which lines the chronology shows now.
#[cfg(feature = "timeline")]
pub fn chronology_updated(el: &HtmlElement, view: &ChronologyView, stale: bool) {
    let detail = ChronologyDetail {
        kind: "chronology",
        stale,
        entries: view
            .days
            .iter()
            .flat_map(|d| &d.entries)
            .map(|e| ChronologyLine {
                at: &e.iso,
                what: &e.what,
                incident: &e.incident,
                services: &e.services,
                publisher: &e.publisher,
            })
            .collect(),
    };
    dispatch(el, "incident-banner:update", &detail);
}

/// An entry of a feed that could not be read: where, and why (for the page's developer).
#[derive(Serialize)]
pub struct Entry {
    pub path: String,
    pub message: String,
}

impl From<&ParseError> for Entry {
    fn from(e: &ParseError) -> Self {
        Entry {
            path: e.path.clone(),
            message: e.kind.to_string(),
        }
    }
}

/// `detail` of `incident-banner:error`: `{ url, message, entries }`.
#[derive(Serialize)]
struct ErrorDetail<'a> {
    /// The feed's URL; empty for a feed the page set as `element.feed`.
    url: &'a str,
    /// What the reader is told, in their language.
    message: &'a str,
    /// The entries left out, each with its path and why; empty when the whole feed failed.
    entries: Vec<Entry>,
}

/// A failed load, or entries left out (`entries`), with the message as the reader sees it.
pub fn failed(el: &HtmlElement, url: &str, message: &str, entries: &[ParseError]) {
    let detail = ErrorDetail {
        url,
        message,
        entries: entries.iter().map(Entry::from).collect(),
    };
    dispatch(el, "incident-banner:error", &detail);
}

/// The entries left out of a feed shown, if any were: which, and why.
pub fn skipped(el: &HtmlElement, url: &str, entries: &[ParseError], lang: Lang) {
    if !entries.is_empty() {
        failed(el, url, &lang.messages().skipped(entries.len()), entries);
    }
}
