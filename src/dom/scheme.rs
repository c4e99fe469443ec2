//! The widget's colour scheme on a page (the decision is `view::scheme`'s): read from the
//! page (its design system's mode, its `color-scheme`) and the system, applied as the `dark`
//! and `contrast` classes of the shadow root's content, and applied again to every element
//! when the system's scheme or the page's mode changes.

use super::listen::{self, Added};
use super::local::Local;
use crate::view::scheme::{scheme, Declared, Scheme};
use core::cell::OnceCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, MutationObserver, MutationObserverInit};

const SYSTEM_DARK: &str = "(prefers-color-scheme: dark)";

/// Sets `content`'s `dark` class (and `contrast`, for high contrast) for `el` as it is now.
pub fn apply(el: &HtmlElement, content: &Element) {
    let declaring = el.closest(DECLARING).ok().flatten();
    let attr = |name: &str| declaring.as_ref().and_then(|d| d.get_attribute(name));
    let (krds_mode, bs_theme) = (attr("data-krds-mode"), attr("data-bs-theme"));
    let declared = Declared {
        krds_mode: krds_mode.as_deref(),
        bs_theme: bs_theme.as_deref(),
        dark_class: declaring.is_some_and(|d| d.class_list().contains("dark")),
    };
    let shown = scheme(
        super::attributes::theme(el).as_deref(),
        &declared,
        &page_scheme(el),
        system_dark(),
    );
    let classes = content.class_list();
    let _ = classes.toggle_with_force("dark", shown != Scheme::Light);
    let _ = classes.toggle_with_force("contrast", shown == Scheme::HighContrast);
}

/// The elements that declare a page's mode in a design system's convention: KRDS,
/// Bootstrap 5.3, Tailwind.
const DECLARING: &str = "[data-krds-mode],[data-bs-theme],.dark";

/// What may change a page's mode: those conventions, `color-scheme` (set by a class or a
/// style), and the `<meta name="color-scheme">`.
const MODE_ATTRIBUTES: [&str; 5] = [
    "data-krds-mode",
    "data-bs-theme",
    "class",
    "style",
    "content",
];

static OBSERVER: Local<OnceCell<Option<MutationObserver>>> = Local::new(OnceCell::new());

/// Follows the page's mode where `el` is: a reader toggling it, or a script flipping an
/// attribute, a class or `color-scheme` on any of its ancestors (or the colour-scheme
/// `<meta>`), calls `on_change` in the same frame. One observer for the page, watching only
/// those attributes of those elements: no polling.
pub fn follow_page(el: &HtmlElement, on_change: fn()) {
    OBSERVER.with(|cell| {
        let observer = cell.get_or_init(|| {
            let callback = Closure::<dyn FnMut()>::new(on_change);
            let observer = MutationObserver::new(callback.as_ref().unchecked_ref()).ok();
            // Lives as long as the page, as the observer does.
            callback.forget();
            observer
        });
        let Some(observer) = observer else {
            return;
        };
        let options = MutationObserverInit::new();
        options.set_attributes(true);
        options.set_attribute_filter(
            &MODE_ATTRIBUTES
                .iter()
                .map(|a| JsValue::from_str(a))
                .collect::<js_sys::Array>(),
        );
        let mut at = el.parent_element();
        while let Some(ancestor) = at {
            let _ = observer.observe_with_options(&ancestor, &options);
            at = ancestor.parent_element();
        }
        let meta = web_sys::window().and_then(|w| w.document()).and_then(|d| {
            d.query_selector(r#"meta[name="color-scheme"]"#)
                .ok()
                .flatten()
        });
        if let Some(meta) = meta {
            let _ = observer.observe_with_options(&meta, &options);
        }
    });
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
    let query = || {
        web_sys::window()?
            .match_media(SYSTEM_DARK)
            .ok()?
            .map(Into::into)
    };
    listen::page_wide(&LISTENING, query, "change", on_change);
}
