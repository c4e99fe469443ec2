//! The widget's colour scheme on a page (the decision is `view::scheme`'s): read from the
//! page and the system, applied as the `dark` class of the shadow root's content, and applied
//! again to every element when the system's scheme changes.

use super::local::Local;
use crate::view::scheme::is_dark;
use core::cell::Cell;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement};

const SYSTEM_DARK: &str = "(prefers-color-scheme: dark)";

/// Sets `content`'s `dark` class for `el` as it is now.
pub fn apply(el: &HtmlElement, content: &Element) {
    let dark = is_dark(
        super::attributes::theme(el).as_deref(),
        &page_scheme(el),
        system_dark(),
    );
    let _ = content.class_list().toggle_with_force("dark", dark);
    listen();
}

/// The page's colour scheme where `el` is (`color-scheme` on its parent: the element's own
/// is reset by the widget's `:host { all: initial }`), else the page's
/// `<meta name="color-scheme">`, else `normal`.
fn page_scheme(el: &HtmlElement) -> String {
    let Some(window) = web_sys::window() else {
        return String::new();
    };
    let around = el
        .parent_element()
        .or_else(|| window.document().and_then(|d| d.document_element()));
    let inherited = around
        .and_then(|a| window.get_computed_style(&a).ok().flatten())
        .and_then(|s| s.get_property_value("color-scheme").ok())
        .unwrap_or_default();
    if !inherited.is_empty() && inherited != "normal" {
        return inherited;
    }
    window
        .document()
        .and_then(|d| {
            d.query_selector(r#"meta[name="color-scheme"]"#)
                .ok()
                .flatten()
        })
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or(inherited)
}

fn system_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media(SYSTEM_DARK).ok().flatten())
        .is_some_and(|m| m.matches())
}

static LISTENING: Local<Cell<bool>> = Local::new(Cell::new(false));

/// One listener for the page: a reader who switches the system to dark (or back) sees
/// every element follow, where its page lets it.
fn listen() {
    if LISTENING.with(|l| l.replace(true)) {
        return;
    }
    let Some(query) = web_sys::window().and_then(|w| w.match_media(SYSTEM_DARK).ok().flatten())
    else {
        return;
    };
    let on_change = Closure::<dyn FnMut()>::new(super::elements::apply_schemes);
    if query
        .add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref())
        .is_ok()
    {
        // Lives as long as the page, as the query object the browser keeps for it.
        on_change.forget();
    }
}
