//! Ids in a list: which repeat an earlier one, and where one is, in O(n log n). A feed can
//! declare 40,000 services; scanning the list once per id would freeze the page.

/// For each of `ids`, whether an earlier one in the list is the same, and the positions of
/// `ids` in sorted order (for [`first`]).
pub fn repeats(ids: &[&str]) -> (Vec<bool>, Vec<usize>) {
    // Stable: of equal ids, the earliest comes first and is the one not repeated.
    let order = crate::sort::order(ids.len(), &|a, b| ids[a].cmp(ids[b]));
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
