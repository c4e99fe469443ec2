//! String joining for the core: `[T]::join` and `concat` without the standard library's
//! generic copier, which the wasm held twice (once for `&str`, once for `String` parts,
//! ~2 KB of code each) for a dozen short labels.

use crate::prelude::*;

/// `parts` with `sep` between them, like `parts.join(sep)`.
pub fn join<S: AsRef<str>>(parts: &[S], sep: &str) -> String {
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(part.as_ref());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::join;
    use crate::prelude::*;

    #[test]
    fn joins_like_the_standard_library() {
        let cases: [&[&str]; 4] = [&[], &["a"], &["a", "b"], &["", "한", ""]];
        for parts in cases {
            assert_eq!(join(parts, " · "), parts.join(" · "));
            assert_eq!(join(parts, ""), parts.concat());
            let owned: Vec<String> = parts.iter().map(|p| p.to_string()).collect();
            assert_eq!(join(&owned, ", "), parts.join(", "));
        }
    }
}
