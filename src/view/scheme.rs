//! Light or dark: the widget sits inside someone else's page, so by default it follows the
//! page's colour scheme, not the reader's system alone. A light article in a dark system
//! keeps a light widget (a dark box in a white page looks broken); a page that declares it
//! can be dark (`color-scheme: light dark`) gets the system's choice.

/// How the widget is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    Light,
    Dark,
    /// Dark with full-strength text and borders (text at least 7:1), for a page in KRDS's
    /// high-contrast mode.
    HighContrast,
}

/// The colour mode a page declares with a design system's convention, on the nearest
/// ancestor that declares one (else `<html>`), as written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Declared<'a> {
    /// KRDS's `data-krds-mode`: `high-contrast`, `theme` (the system's), or light.
    pub krds_mode: Option<&'a str>,
    /// Bootstrap 5.3's `data-bs-theme`: `dark`, `light` or `auto`.
    pub bs_theme: Option<&'a str>,
    /// Tailwind's `dark` class.
    pub dark_class: bool,
}

/// How the widget is drawn on this page.
/// - `theme`: the element's `theme` attribute: `light` and `dark` force; anything else
///   (missing, `auto`) follows the page.
/// - `declared`: the page's mode in a design system's convention (KRDS, Bootstrap,
///   Tailwind), which comes before its `color-scheme`.
/// - `page_scheme`: the page's `color-scheme` as the element inherits it (`normal`, `light`,
///   `light dark`, `dark`, `only light`), else its `<meta name="color-scheme">`.
/// - `system_dark`: the reader's system asks for dark (`prefers-color-scheme: dark`).
pub fn scheme(
    theme: Option<&str>,
    declared: &Declared,
    page_scheme: &str,
    system_dark: bool,
) -> Scheme {
    let dark = |yes: bool| if yes { Scheme::Dark } else { Scheme::Light };
    let word = |w: Option<&str>| w.map(|t| t.trim().to_ascii_lowercase());
    match word(theme).as_deref() {
        Some("dark") => return Scheme::Dark,
        Some("light") => return Scheme::Light,
        _ => {}
    }
    if let Some(mode) = word(declared.krds_mode) {
        return match mode.as_str() {
            "high-contrast" => Scheme::HighContrast,
            "theme" => dark(system_dark),
            _ => Scheme::Light,
        };
    }
    if let Some(mode) = word(declared.bs_theme) {
        return match mode.as_str() {
            "dark" => Scheme::Dark,
            "auto" => dark(system_dark),
            _ => Scheme::Light,
        };
    }
    if declared.dark_class {
        return Scheme::Dark;
    }
    let words: Vec<String> = page_scheme
        .split_whitespace()
        .map(str::to_ascii_lowercase)
        .collect();
    let has = |w: &str| words.iter().any(|x| x == w);
    match (has("light"), has("dark")) {
        (true, true) => dark(system_dark),
        (false, true) => Scheme::Dark,
        _ => Scheme::Light,
    }
}

#[cfg(test)]
mod tests {
    use super::{scheme, Declared, Scheme};

    /// Dark, for a page that declares no mode but its `color-scheme`.
    fn is_dark(theme: Option<&str>, page_scheme: &str, system_dark: bool) -> bool {
        scheme(theme, &Declared::default(), page_scheme, system_dark) == Scheme::Dark
    }

    #[test]
    fn design_systems_modes_come_before_color_scheme() {
        let krds = |m| Declared {
            krds_mode: Some(m),
            ..Declared::default()
        };
        assert_eq!(
            scheme(None, &krds("high-contrast"), "normal", false),
            Scheme::HighContrast
        );
        assert_eq!(scheme(None, &krds("theme"), "normal", true), Scheme::Dark);
        assert_eq!(scheme(None, &krds("theme"), "normal", false), Scheme::Light);
        assert_eq!(scheme(None, &krds("light"), "dark", true), Scheme::Light);
        let bs = |m| Declared {
            bs_theme: Some(m),
            ..Declared::default()
        };
        assert_eq!(scheme(None, &bs("dark"), "normal", false), Scheme::Dark);
        assert_eq!(scheme(None, &bs(" Light "), "dark", true), Scheme::Light);
        assert_eq!(scheme(None, &bs("auto"), "normal", true), Scheme::Dark);
        let tailwind = Declared {
            dark_class: true,
            ..Declared::default()
        };
        assert_eq!(scheme(None, &tailwind, "normal", false), Scheme::Dark);
        // The element's own attribute still wins.
        assert_eq!(
            scheme(Some("light"), &krds("high-contrast"), "dark", true),
            Scheme::Light
        );
        assert_eq!(
            scheme(Some("dark"), &bs("light"), "light", false),
            Scheme::Dark
        );
    }

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
