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

/// Talc instead of the default dlmalloc: 2.6 KB gzip smaller, with big-feed parse times the
/// same within noise (BENCHMARKS.md, "Bundle size" and "Big feeds").
#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
