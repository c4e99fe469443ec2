//! Events for host pages: `incident-banner:update` after what the element shows changed, and
//! `incident-banner:error` when a feed failed to load. Both bubble and are `composed`, so a
//! host can listen on `document` and show its own alert bar.

use crate::view::banner::BannerView;
use crate::view::timeline::TimelineView;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

fn set(o: &Object, key: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(o, &key.into(), &value.into());
}

fn dispatch(el: &HtmlElement, name: &str, detail: &Object) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = el.dispatch_event(&event);
    }
}

/// The summary of a banner: `{ kind: "banner", visible, id, title, severity, role, more, stale }`.
pub fn banner_updated(el: &HtmlElement, view: Option<&BannerView>, stale: bool) {
    let d = Object::new();
    set(&d, "kind", "banner");
    set(&d, "visible", view.is_some());
    set(&d, "stale", stale);
    if let Some(v) = view {
        set(&d, "id", v.incident_id.as_str());
        set(&d, "title", v.title.as_str());
        set(&d, "severity", v.tone.name());
        set(&d, "role", v.role.name());
        set(
            &d,
            "more",
            v.more
                .as_deref()
                .map(JsValue::from)
                .unwrap_or(JsValue::NULL),
        );
    }
    dispatch(el, "incident-banner:update", &d);
}

/// The summary of a timeline: `{ kind: "timeline", incidents: [{ id, title, status }], stale }`.
pub fn timeline_updated(el: &HtmlElement, view: &TimelineView, stale: bool) {
    let d = Object::new();
    set(&d, "kind", "timeline");
    set(&d, "stale", stale);
    let list = Array::new();
    for inc in view.incidents() {
        let o = Object::new();
        set(&o, "id", inc.id.as_str());
        set(&o, "title", inc.title.as_str());
        set(&o, "status", inc.status.as_str());
        list.push(&o);
    }
    set(&d, "incidents", list);
    dispatch(el, "incident-banner:update", &d);
}

/// A failed load: `{ url, message }` (the message as the reader sees it).
pub fn failed(el: &HtmlElement, url: &str, message: &str) {
    let d = Object::new();
    set(&d, "url", url);
    set(&d, "message", message);
    dispatch(el, "incident-banner:error", &d);
}
