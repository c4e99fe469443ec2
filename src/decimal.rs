//! Non-negative decimal numbers as pages and servers write them: attributes (`poll="90"`,
//! `horizon="1.5"`) read in thousandths without the float parser (`f64::from_str` and its
//! tables were 6 KB of wasm for three attributes), and plain integers (headers, dates)
//! through one reader instead of a `str::parse` per integer type.

/// Plain ASCII digits as a number: no sign, no spaces, `None` when empty or too large.
pub fn integer(s: &str) -> Option<u64> {
    if s.is_empty() {
        return None;
    }
    s.bytes().try_fold(0u64, |n, b| {
        let digit = b.is_ascii_digit().then(|| u64::from(b - b'0'))?;
        n.checked_mul(10)?.checked_add(digit)
    })
}

/// `digits[.digits]` (either part may be empty, not both) in thousandths of its unit:
/// `"1.5"` → 1,500. Digits past the third decimal are dropped; values too large for `u64`
/// saturate (every caller caps them). Surrounding spaces are ignored; signs, exponents and
/// anything else give `None`.
pub fn thousandths(s: &str) -> Option<u64> {
    let s = s.trim();
    let (whole, fraction) = s.split_once('.').unwrap_or((s, ""));
    let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if whole.len() + fraction.len() == 0 || !digits(whole) || !digits(fraction) {
        return None;
    }
    let whole = whole.bytes().fold(0u64, |n, b| {
        n.saturating_mul(10).saturating_add(u64::from(b - b'0'))
    });
    let fraction = fraction
        .bytes()
        .chain(core::iter::repeat(b'0'))
        .take(3)
        .fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
    Some(whole.saturating_mul(1000).saturating_add(fraction))
}

#[cfg(test)]
mod tests {
    use super::thousandths;

    #[test]
    fn reads_whole_and_fractional_numbers() {
        assert_eq!(thousandths("90"), Some(90_000));
        assert_eq!(thousandths(" 1.5 "), Some(1_500));
        assert_eq!(thousandths(".25"), Some(250));
        assert_eq!(thousandths("2."), Some(2_000));
        assert_eq!(thousandths("0.0019"), Some(1));
        assert_eq!(thousandths("0"), Some(0));
        assert_eq!(thousandths("99999999999999999999999"), Some(u64::MAX));
    }

    #[test]
    fn integers_are_plain_digits() {
        use super::integer;
        assert_eq!(integer("0"), Some(0));
        assert_eq!(integer("0042"), Some(42));
        assert_eq!(integer("18446744073709551615"), Some(u64::MAX));
        for bad in ["", "18446744073709551616", "+1", "-1", " 1", "1.0", "1a"] {
            assert_eq!(integer(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn rejects_what_is_not_a_plain_decimal() {
        for bad in [
            "", ".", "-1", "+1", "1e3", "inf", "NaN", "1.2.3", "1 5", "١٢",
        ] {
            assert_eq!(thousandths(bad), None, "{bad:?}");
        }
    }
}
