//! The page's state, kept in `static`s: the page's wasm has one thread.

/// A value with one owner, the page's one wasm thread. wasm32 without the `atomics` target
/// feature has no other thread (the crate refuses to build with it, below), so sharing a
/// `static` needs no lock; this wrapper states that to the compiler.
pub struct Local<T>(T);

// SAFETY: without `atomics`, wasm32 code runs on one thread only, so no two threads can
// reach the value.
unsafe impl<T> Sync for Local<T> {}

#[cfg(target_feature = "atomics")]
compile_error!("dom::local assumes one thread: build without the `atomics` target feature");

impl<T> Local<T> {
    pub const fn new(value: T) -> Self {
        Local(value)
    }

    /// Runs `f` with the value; named as `thread_local!`'s keys' method was.
    pub fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        f(&self.0)
    }
}
