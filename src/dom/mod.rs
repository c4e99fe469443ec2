//! The only part of the crate that touches the browser: custom elements, fetching,
//! display zones from `Intl`, and turning view models into Shadow DOM nodes.
//!
//! The element classes themselves are a few lines of JavaScript (`define.js`, appended to
//! wasm-bindgen's module by the build) that forward lifecycle callbacks to [`elements`].

pub mod elements;
pub mod events;
pub mod fetch;
pub mod render;
pub mod source;
pub mod storage;
pub mod style;
pub mod timer;
pub mod zone;

/// Talc instead of the default dlmalloc: about half the bytes in the wasm and faster on the
/// many small allocations of a big feed (see BENCHMARKS.md).
#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
