//! incident-banner: an outage and maintenance banner and timeline for any web page.
//!
//! The pure core (`feed`, `time`, `i18n`, `view`) has no browser dependency and is tested
//! natively; `dom` is the thin layer that turns view models into Shadow DOM nodes.
//!
//! The crate is `no_std` (with `alloc`). Built for wasm without the default `std` feature, as
//! the published bundle is, the standard library is not linked at all: a panic traps at once
//! instead of going through std's panic hook and message formatting, 2 KB gzip that a page
//! would download and never run usefully (wasm32-unknown-unknown has no stderr).
//! Natively, and in the browser tests, std is linked as usual.

#![no_std]

extern crate alloc;
// Natively std is always there (a native cdylib needs its allocator and panic handler).
#[cfg(any(feature = "std", not(target_arch = "wasm32")))]
extern crate std;

mod prelude;

pub mod adapters;
pub mod decimal;
pub mod feed;
pub mod i18n;
pub mod poll;
pub mod sort;
pub mod text;
pub mod time;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod dom;

/// Without std nothing else handles a panic: trap, as `panic = "abort"` does with std (whose
/// message would go to a stderr that wasm32-unknown-unknown does not have).
#[cfg(all(target_arch = "wasm32", not(feature = "std")))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}
