//! The crate's one stable sort (`incident_banner::sort`) orders exactly like the standard
//! library's stable sort, ties included.
#![cfg(not(target_arch = "wasm32"))]

use incident_banner::sort::{sort_by, sort_by_key};
use proptest::prelude::*;

proptest! {
    #[test]
    fn same_order_as_std_sort_by_key(keys in prop::collection::vec(0u8..8, 0..300)) {
        // Few distinct keys, so ties are common and stability is what is checked.
        let tagged: Vec<(u8, usize)> = keys.into_iter().enumerate().map(|(i, k)| (k, i)).collect();
        let mut ours = tagged.clone();
        sort_by_key(&mut ours, |p| p.0);
        let mut std_sorted = tagged;
        std_sorted.sort_by_key(|p| p.0);
        prop_assert_eq!(ours, std_sorted);
    }

    #[test]
    fn same_order_as_std_sort_by_descending(keys in prop::collection::vec(any::<i32>(), 0..300)) {
        let mut ours = keys.clone();
        sort_by(&mut ours, |a, b| a > b);
        let mut std_sorted = keys;
        std_sorted.sort_by(|a, b| b.cmp(a));
        prop_assert_eq!(ours, std_sorted);
    }
}
