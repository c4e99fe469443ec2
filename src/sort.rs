//! One stable sort for the whole crate.
//!
//! `slice::sort_by` is generic, so every call site with its own element type or comparator
//! got its own copy of the standard library's sort: seven copies, about 26 KB of wasm. Here
//! the comparison goes through one `&mut dyn FnMut(usize, usize) -> bool` on positions, so
//! the binary holds a single merge sort; only the thin wrappers below are generic.

use crate::prelude::*;

/// Sorts `items` stably (equal items keep their order) by `less(a, b)`: "`a` goes before
/// `b`". O(n log n) comparisons, like `slice::sort_by`.
pub fn sort_by<T>(items: &mut Vec<T>, less: impl Fn(&T, &T) -> bool) {
    if items.len() < 2 {
        return;
    }
    let order = stable_order(items.len(), &mut |a, b| less(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = core::mem::take(items).into_iter().map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// Sorts `items` stably by ascending `key`, like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a) < key(b));
}

/// For each of `ids`, whether an earlier one in the list is the same, and the positions of
/// `ids` in sorted order (for lookups by binary search). O(n log n): the duplicate checks of
/// a big feed's ids, and the dedupe of its services, would be quadratic by scanning, and a
/// hash set's hashing code would be 4.6 KB of wasm.
pub fn repeats(ids: &[&str]) -> (Vec<bool>, Vec<usize>) {
    let order = stable_order(ids.len(), &mut |a, b| ids[a] < ids[b]);
    let mut repeated = vec![false; ids.len()];
    for pair in order.windows(2) {
        if ids[pair[0]] == ids[pair[1]] {
            repeated[pair[1]] = true;
        }
    }
    (repeated, order)
}

/// The position of the first of `ids` equal to `id`, by binary search over `order` (the
/// positions in sorted order, as [`repeats`] gives them).
pub fn first(ids: &[&str], order: &[usize], id: &str) -> Option<usize> {
    let k = *order.get(order.partition_point(|&k| ids[k] < id))?;
    (ids[k] == id).then_some(k)
}

/// The positions `0..len` in stable order: a bottom-up merge sort on indices that takes from
/// the left run unless the right one is strictly less.
fn stable_order(len: usize, less: &mut dyn FnMut(usize, usize) -> bool) -> Vec<usize> {
    let mut from: Vec<usize> = (0..len).collect();
    let mut to = vec![0; len];
    let mut width = 1;
    while width < len {
        let mut start = 0;
        while start < len {
            let mid = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            let (mut left, mut right) = (start, mid);
            for slot in &mut to[start..end] {
                if left < mid && (right >= end || !less(from[right], from[left])) {
                    *slot = from[left];
                    left += 1;
                } else {
                    *slot = from[right];
                    right += 1;
                }
            }
            start = end;
        }
        core::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_keys_keep_their_order() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, vec![(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
    }

    #[test]
    fn repeats_marks_every_later_copy_of_an_id() {
        let ids = ["b", "a", "b", "c", "a", "b"];
        let (repeated, order) = repeats(&ids);
        assert_eq!(repeated, [false, false, true, false, true, true]);
        assert_eq!(order, [1, 4, 0, 2, 5, 3]);
        assert!(repeats(&[]).0.is_empty());
        let find = |id| first(&ids, &order, id);
        assert_eq!(
            [find("a"), find("b"), find("c")],
            [Some(1), Some(0), Some(3)]
        );
        assert_eq!([find(""), find("bb"), find("d")], [None, None, None]);
    }

    #[test]
    fn descending_comparator_sorts_descending() {
        let mut v = vec![3, 9, 1, 7];
        sort_by(&mut v, |a, b| a > b);
        assert_eq!(v, vec![9, 7, 3, 1]);
    }
}
