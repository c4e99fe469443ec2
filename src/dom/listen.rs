//! One listener per page for a page-wide event (the system's colour scheme, the tab's
//! visibility, the address's `#fragment`), whatever the number of elements.

use super::local::Local;
use core::cell::Cell;
use wasm_bindgen::prelude::*;
use web_sys::EventTarget;

/// Whether a page-wide listener was added already: one flag per event, in a `static`.
pub type Added = Local<Cell<bool>>;

/// A flag for [`page_wide`], not added yet.
pub const fn not_added() -> Added {
    Local::new(Cell::new(false))
}

/// Calls `on_event` at every `event` on the target `target()` finds (`None`: nothing to
/// listen to), once per page: later calls with the same `added` do nothing, not even look the
/// target up. The listener lives as long as the page.
pub fn page_wide(added: &Added, target: fn() -> Option<EventTarget>, event: &str, on_event: fn()) {
    if added.with(|a| a.replace(true)) {
        return;
    }
    let Some(target) = target() else {
        return;
    };
    let listener = Closure::<dyn FnMut()>::new(on_event);
    if target
        .add_event_listener_with_callback(event, listener.as_ref().unchecked_ref())
        .is_ok()
    {
        listener.forget();
    }
}
