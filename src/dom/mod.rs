//! The only part of the crate that touches the browser: custom elements, fetching,
//! display zones from `Intl`, and turning view models into Shadow DOM nodes.
//!
//! The element classes themselves are a few lines of JavaScript (`define.js`, appended to
//! wasm-bindgen's module by the build) that forward lifecycle callbacks to [`elements`].

#[cfg(feature = "timeline")]
pub mod check;
pub mod document;
pub mod elements;
pub mod events;
pub mod fetch;
#[cfg(not(target_feature = "atomics"))]
mod heap;
mod local;
pub mod render;
pub mod scheme;
pub mod source;
pub mod storage;
pub mod style;
pub mod timer;
pub mod zone;
