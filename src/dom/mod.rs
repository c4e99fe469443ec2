//! The only part of the crate that touches the browser: custom elements, fetching,
//! display zones from `Intl`, and turning view models into Shadow DOM nodes.
//!
//! The element classes themselves are a few lines of JavaScript (`define.js`, appended to
//! wasm-bindgen's module by the build) that forward lifecycle callbacks to [`elements`].

pub mod attributes;
mod banner;
#[cfg(feature = "timeline")]
pub mod check;
mod data_block;
pub mod document;
pub mod elements;
pub mod events;
pub mod fetch;
#[cfg(not(target_feature = "atomics"))]
mod heap;
mod listen;
mod local;
pub mod render;
pub mod scheme;
mod shown;
pub mod source;
pub mod storage;
pub mod style;
#[cfg(feature = "timeline")]
mod timeline;
pub mod timer;
pub mod zone;

/// A problem for the page's developer, on the console: never thrown, never on the page.
pub fn warn(message: &str) {
    web_sys::console::warn_1(&format!("incident-banner: {message}").into());
}
