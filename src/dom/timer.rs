//! `setTimeout` owned by a value: dropping a [`Timeout`] clears it, so a removed element or
//! an abandoned request can never leave a timer behind.

use wasm_bindgen::prelude::*;

/// A pending `setTimeout`.
pub struct Timeout {
    id: i32,
    _callback: Closure<dyn FnMut()>,
}

impl Timeout {
    /// Runs `f` once after `millis`; `None` when there is no window (never in a page).
    pub fn new(millis: f64, f: impl FnOnce() + 'static) -> Option<Timeout> {
        let mut f = Some(f);
        let callback = Closure::<dyn FnMut()>::new(move || {
            if let Some(f) = f.take() {
                f();
            }
        });
        let delay = millis.clamp(0.0, i32::MAX as f64) as i32;
        let id = web_sys::window()?
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                callback.as_ref().unchecked_ref(),
                delay,
            )
            .ok()?;
        Some(Timeout {
            id,
            _callback: callback,
        })
    }
}

impl Drop for Timeout {
    fn drop(&mut self) {
        if let Some(w) = web_sys::window() {
            w.clear_timeout_with_handle(self.id);
        }
    }
}
