//! The widget's colour scheme on a page (the decision is `view::scheme`'s): read from the
//! page and the system, applied as the `dark` class of the shadow root's content, and applied
//! again to every element when the system's scheme changes.

use super::listen::{self, Added};
use crate::view::scheme::is_dark;
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

static LISTENING: Added = listen::not_added();

/// One listener for the page: a reader who switches the system to dark (or back) sees
/// every element follow, where its page lets it (`on_change` applies each one's again).
pub fn listen(on_change: fn()) {
    let query = web_sys::window().and_then(|w| w.match_media(SYSTEM_DARK).ok().flatten());
    listen::page_wide(&LISTENING, query.map(Into::into), "change", on_change);
}
