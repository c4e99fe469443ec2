//! Built elements into the page: the structure comes from [`markup`](crate::view::markup)
//! as [`Nodes`], and `nodes.js` builds it in one call. Focus survives a re-render.

use crate::view::nodes::Nodes;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement};

#[wasm_bindgen(module = "/src/dom/nodes.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = buildNodes)]
    fn build_nodes(container: &Element, ops: &[u8], strings: &str) -> Result<(), JsValue>;
}

/// Replaces everything in `container` with `nodes`; an `Err` when the browser refused.
pub fn show(container: &Element, nodes: &Nodes) -> Result<(), JsValue> {
    debug_assert!(nodes.is_complete());
    build_nodes(container, nodes.ops(), nodes.strings())
}

/// What can hold focus in the widget: links, buttons, and what takes it only from script
/// (the timeline and its incidents, `tabindex="-1"`), so a re-render keeps it there too.
const FOCUSABLE: &str = "a, button, [tabindex]";

/// Which focusable element inside `container` has focus, if any, by position.
pub fn focused_index(container: &Element) -> Option<u32> {
    let root = container
        .get_root_node()
        .dyn_into::<web_sys::ShadowRoot>()
        .ok()?;
    let active = root.active_element()?;
    let all = container.query_selector_all(FOCUSABLE).ok()?;
    (0..all.length()).find(|&i| all.item(i).is_some_and(|n| n.is_same_node(Some(&active))))
}

/// Focuses the focusable element at position `index` (or the last one) after a re-render,
/// so a keyboard user is not thrown out of the widget by a poll.
pub fn restore_focus(container: &Element, index: u32) {
    let Ok(all) = container.query_selector_all(FOCUSABLE) else {
        return;
    };
    let target = all.item(index.min(all.length().saturating_sub(1)));
    if let Some(e) = target.and_then(|n| n.dyn_into::<HtmlElement>().ok()) {
        let _ = e.focus();
    }
}
