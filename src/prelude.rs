//! The names std's prelude would give every module, which a `no_std` crate imports itself
//! (`use crate::prelude::*;`). Like std's, it is a set: a build that happens not to use
//! one of its names (`Box` natively) is not a mistake.

#![allow(unused_imports)]

pub use alloc::borrow::ToOwned;
pub use alloc::boxed::Box;
pub use alloc::format;
pub use alloc::string::{String, ToString};
pub use alloc::vec;
pub use alloc::vec::Vec;
