//! The wasm heap: talc, growing the linear memory by a quarter at a time.
//!
//! Talc's own wasm source grows the memory by just enough pages for the allocation that did
//! not fit. Reading a 9 MB feed takes ~35 MB, so that was ~550 `memory.grow` calls, each a
//! trip into the engine (and, for the JavaScript glue, a new `ArrayBuffer`). Growing by at
//! least a quarter of the current size (and at least 1 MB) makes it ~15. Grown pages that
//! are never written are never touched, so the slack costs address space, not memory.

use core::alloc::Layout;
use core::arch::wasm32::{memory_grow, memory_size};
use core::ptr::NonNull;
use talc::base::binning::Binning;
use talc::base::{Talc, CHUNK_UNIT};
use talc::cell::TalcSyncCell;
use talc::source::Source;
use talc::wasm::WasmBinning;

const PAGE: usize = 64 * 1024;
/// The smallest growth: 1 MB.
const MIN_PAGES: usize = 16;

/// Talc instead of the default dlmalloc: 2.6 KB gzip smaller, with big-feed parse times the
/// same within noise (BENCHMARKS.md, "Bundle size" and "Big feeds").
#[global_allocator]
static ALLOCATOR: TalcSyncCell<GrowByQuarter, WasmBinning> =
    TalcSyncCell::new_wasm(GrowByQuarter { end: None });

/// The memory source: the end of the one heap, extended at the top of the linear memory.
#[derive(Debug)]
pub struct GrowByQuarter {
    end: Option<NonNull<u8>>,
}

// SAFETY: it hands talc only pages that `memory.grow` just added, which nothing else uses,
// and it allocates nothing itself.
unsafe impl Source for GrowByQuarter {
    fn acquire<B: Binning>(talc: &mut Talc<Self, B>, layout: Layout) -> Result<(), ()> {
        // The chunk, its tag, and alignment padding, as talc's own source reckons it.
        let needed = layout.size() + layout.align() + 4 * CHUNK_UNIT;
        let pages = needed
            .div_ceil(PAGE)
            .max(MIN_PAGES)
            .max(memory_size::<0>() / 4);
        let old_pages = memory_grow::<0>(pages);
        if old_pages == usize::MAX {
            return Err(());
        }
        let base = (old_pages * PAGE) as *mut u8;
        let end = base.wrapping_add(pages * PAGE);
        talc.source.end = match talc.source.end.take() {
            // SAFETY: the heap ended where the new pages begin, so this extends it.
            Some(old_end) if old_end.as_ptr() == base => Some(unsafe { talc.extend(old_end, end) }),
            // SAFETY: the pages are new and unused.
            _ => unsafe { talc.claim(base, pages * PAGE) },
        };
        Ok(())
    }
}
