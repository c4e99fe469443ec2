//! Light or dark: the widget sits inside someone else's page, so by default it follows the
//! page's colour scheme, not the reader's system alone. A light article in a dark system
//! keeps a light widget (a dark box in a white page looks broken); a page that declares it
//! can be dark (`color-scheme: light dark`) gets the system's choice.

/// Whether the widget is drawn dark.
/// - `theme`: the element's `theme` attribute: `light` and `dark` force; anything else
///   (missing, `auto`) follows the page.
/// - `page_scheme`: the page's `color-scheme` as the element inherits it (`normal`, `light`,
///   `light dark`, `dark`, `only light`), else its `<meta name="color-scheme">`.
/// - `system_dark`: the reader's system asks for dark (`prefers-color-scheme: dark`).
pub fn is_dark(theme: Option<&str>, page_scheme: &str, system_dark: bool) -> bool {
    match theme.map(|t| t.trim().to_ascii_lowercase()).as_deref() {
        Some("dark") => return true,
        Some("light") => return false,
        _ => {}
    }
    let words: Vec<String> = page_scheme
        .split_whitespace()
        .map(str::to_ascii_lowercase)
        .collect();
    let has = |w: &str| words.iter().any(|x| x == w);
    match (has("light"), has("dark")) {
        (true, true) => system_dark,
        (false, true) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::is_dark;

    #[test]
    fn a_page_that_has_not_opted_into_dark_keeps_a_light_widget() {
        for page in ["normal", "", "light", "only light"] {
            assert!(!is_dark(None, page, true), "{page:?} in a dark system");
            assert!(!is_dark(Some("auto"), page, true), "{page:?}");
        }
    }

    #[test]
    fn a_page_that_can_be_dark_follows_the_system() {
        assert!(is_dark(None, "light dark", true));
        assert!(!is_dark(None, "light dark", false));
        assert!(is_dark(None, "dark light", true));
        assert!(is_dark(None, "dark", false), "a dark-only page");
        assert!(is_dark(None, "only dark", false));
    }

    #[test]
    fn the_attribute_forces_either() {
        assert!(is_dark(Some("dark"), "light", false));
        assert!(is_dark(Some(" DARK "), "normal", false));
        assert!(!is_dark(Some("light"), "light dark", true));
        assert!(!is_dark(Some("light"), "dark", true));
        assert!(
            !is_dark(Some("sepia"), "normal", true),
            "unknown words are auto"
        );
    }
}
