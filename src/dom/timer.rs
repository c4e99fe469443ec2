//! `setTimeout` owned by a value: dropping a [`Timeout`] clears it, so a removed element or
//! an abandoned request can never leave a timer behind.

use js_sys::Function;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    // Our own bindings: web-sys types the handle as i32, but a handle is any JS value (fake
    // clocks in tests use ids past 2^31), and a truncated handle clears the wrong timer.
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(callback: &Function, millis: f64) -> JsValue;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(handle: &JsValue);
}

/// A pending `setTimeout`.
pub struct Timeout {
    handle: JsValue,
    _callback: Closure<dyn FnMut()>,
}

impl Timeout {
    /// Runs `f` once after `millis`.
    pub fn new(millis: f64, f: impl FnOnce() + 'static) -> Option<Timeout> {
        let mut f = Some(f);
        let callback = Closure::<dyn FnMut()>::new(move || {
            if let Some(f) = f.take() {
                f();
            }
        });
        let handle = set_timeout(
            callback.as_ref().unchecked_ref(),
            millis.clamp(0.0, i32::MAX as f64),
        );
        Some(Timeout {
            handle,
            _callback: callback,
        })
    }
}

impl Drop for Timeout {
    fn drop(&mut self) {
        clear_timeout(&self.handle);
    }
}
