//! incident-banner: an outage and maintenance banner and timeline for any web page.
//!
//! The pure core (`feed`, `time`, `i18n`, `view`) has no browser dependency and is tested
//! natively; `dom` is the thin layer that turns view models into Shadow DOM nodes.
//!
//! The feed format is a set of serde types (`feed`): serde_json reads them natively, and in
//! the browser the crate's own reader does (`feed::json`, a serde `Deserializer`).

pub mod adapters;
pub mod attributes;
#[cfg(target_arch = "wasm32")]
pub mod clock;
#[cfg(feature = "cli")]
pub mod desk;
pub mod feed;
pub mod i18n;
pub mod ids;
pub mod poll;
pub mod sort;
pub mod time;
pub mod view;

#[cfg(all(target_arch = "wasm32", feature = "desk-page"))]
pub mod desk_page;
#[cfg(all(target_arch = "wasm32", feature = "widget"))]
pub mod dom;
