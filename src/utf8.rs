//! A body's bytes as text, checked in pieces.
//!
//! Why pieces: the engine first runs wasm through its baseline compiler and swaps in
//! optimised code only when a function is entered again (there is no on-stack replacement
//! for wasm). One `from_utf8` over a 10 MB body ran entirely in baseline code: 13 ms on a
//! cold page against 3 ms once optimised. In 32 KB pieces the checker is entered ~300
//! times and the optimised code takes over after the first few.

/// Bytes per piece.
const PIECE: usize = 32 * 1024;

/// The bytes as a `String` (without copying them), or the offset of the first byte that is
/// not valid UTF-8.
pub fn text(bytes: Vec<u8>) -> Result<String, usize> {
    check_in_pieces(&bytes, PIECE)?;
    // Checked once more in one call, now in optimised code (~3 ms for 10 MB): the bytes
    // become the string as they are, with no second 10 MB buffer and no `unsafe`.
    String::from_utf8(bytes).map_err(|e| e.utf8_error().valid_up_to())
}

/// `piece` must be at least 4, the longest character, so that every piece makes progress.
fn check_in_pieces(bytes: &[u8], piece: usize) -> Result<(), usize> {
    let mut at = 0;
    while at < bytes.len() {
        let end = (at + piece).min(bytes.len());
        match std::str::from_utf8(&bytes[at..end]) {
            Ok(_) => at = end,
            // A character cut by the end of the piece: the next piece starts with it.
            Err(e) if e.error_len().is_none() && end < bytes.len() => at += e.valid_up_to(),
            Err(e) => return Err(at + e.valid_up_to()),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_cut_by_a_piece_boundary_are_kept_whole() {
        // 한 is three bytes; shifting the text moves a boundary through every byte of one.
        for shift in 0..3 {
            let s = format!("{}{}", "a".repeat(shift), "한".repeat(PIECE));
            assert_eq!(text(s.clone().into_bytes()), Ok(s));
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Whatever the bytes and wherever the pieces end: the same verdict, or the same
        /// offset, as checking the whole at once.
        #[test]
        fn pieces_agree_with_one_check(
            chars in proptest::collection::vec(proptest::char::any(), 0..40),
            noise in proptest::collection::vec((0usize..200, proptest::num::u8::ANY), 0..3),
            piece in 4usize..9,
        ) {
            let mut bytes = chars.into_iter().collect::<String>().into_bytes();
            for (at, b) in noise {
                if let Some(slot) = bytes.get_mut(at) {
                    *slot = b;
                }
            }
            let whole = std::str::from_utf8(&bytes).map(|_| ()).map_err(|e| e.valid_up_to());
            proptest::prop_assert_eq!(check_in_pieces(&bytes, piece), whole);
        }
    }

    #[test]
    fn the_offset_of_an_invalid_byte_counts_from_the_start() {
        let mut bytes = "a".repeat(PIECE + 10).into_bytes();
        bytes[PIECE + 5] = 0xff;
        assert_eq!(text(bytes), Err(PIECE + 5));
        // Cut short at the very end: there is no next piece to complete it.
        let mut cut = "a".repeat(PIECE * 2).into_bytes();
        cut.extend_from_slice(&"한".as_bytes()[..2]);
        assert_eq!(text(cut), Err(PIECE * 2));
        assert_eq!(text(Vec::new()), Ok(String::new()));
    }
}
