//! The banner's room of the browser layer: what a banner shows from a feed, its nodes, the
//! in-place update of its ticking duration, and where focus goes after a dismissal.

use super::storage;
use crate::attributes::BannerOptions;
use crate::feed::Feed;
use crate::i18n::Lang;
use crate::time::FixedZone;
use crate::view::banner::{self, BannerView, Options};
use crate::view::nodes::Nodes;
use crate::view::{markup, Context};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// What a banner shows: the most important item now (`None`: nothing to announce), and the
/// notice beside it. A page with nothing to announce stays quiet, unless entries were left
/// out (`skipped`: one of them may be the outage to announce).
pub fn view(
    feed: &Feed,
    cx: &Context,
    options: &BannerOptions,
    notice: Option<String>,
    skipped: bool,
) -> (Option<BannerView>, Option<String>) {
    let options = Options {
        horizon: options.horizon,
        dismissible: options.dismissible,
        dismissed: storage::dismissed(),
    };
    let view = banner::build(feed, cx, &options);
    let notice = notice.filter(|_| view.is_some() || skipped);
    (view, notice)
}

/// The banner's nodes, with the notice beside it.
pub fn nodes(view: Option<&BannerView>, notice: Option<&str>, lang: Lang) -> Nodes {
    markup::banner(view, lang.messages().labels(), notice)
}

/// The new duration when two banners differ only in it: patched in place, outside any live
/// region, instead of re-inserting an alert.
pub fn only_timing_differs(a: &BannerView, b: &BannerView) -> Option<String> {
    if a.timing == b.timing {
        return None;
    }
    let same = BannerView {
        timing: b.timing.clone(),
        ..a.clone()
    } == *b;
    same.then(|| b.timing.clone().unwrap_or_default())
}

/// Whether a head-snippet banner for `feed` has something to announce now (in the reader's
/// language, with no attributes of its own).
pub fn announces(feed: &Feed, lang: Lang) -> bool {
    let zone = FixedZone::kst();
    let cx = Context {
        lang,
        zone: &zone,
        now: crate::clock::now(),
    };
    let options = Options {
        dismissed: storage::dismissed(),
        ..Options::default()
    };
    banner::build(feed, &cx, &options).is_some()
}

/// The dismissal key of the close button a click landed on, if it did.
pub fn dismissed_by(target: Option<&Element>) -> Option<String> {
    target?
        .closest("[data-dismiss]")
        .ok()
        .flatten()?
        .get_attribute("data-dismiss")
}

/// After a dismissal, keeps keyboard users in the widget: the next banner's close button,
/// if any; else what follows the element on the page, rather than losing focus to `<body>`.
pub fn move_focus_after_dismissal(el: &HtmlElement) {
    let next = el
        .shadow_root()
        .and_then(|r| r.query_selector("[data-dismiss]").ok().flatten())
        .and_then(|b| b.dyn_into::<HtmlElement>().ok());
    match next {
        Some(next) => {
            let _ = next.focus();
        }
        None => focus_after(el),
    }
}

/// Focuses the first focusable element after `el` in the document.
fn focus_after(el: &HtmlElement) {
    const FOCUSABLE: &str =
        "a[href],button,input,select,textarea,[tabindex]:not([tabindex=\"-1\"])";
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(candidates) = doc.query_selector_all(FOCUSABLE) else {
        return;
    };
    for i in 0..candidates.length() {
        let Some(node) = candidates.item(i) else {
            continue;
        };
        let follows =
            el.compare_document_position(&node) & web_sys::Node::DOCUMENT_POSITION_FOLLOWING != 0;
        if !follows || el.contains(Some(&node)) {
            continue;
        }
        if let Ok(next) = node.dyn_into::<HtmlElement>() {
            let _ = next.focus();
            // Hidden or disabled ones take no focus: go on to the next.
            if doc.active_element().is_some_and(|a| a == *next) {
                return;
            }
        }
    }
}
