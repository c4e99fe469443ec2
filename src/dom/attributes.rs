//! Where the browser layer reads the elements' attributes (the list and the typed options
//! are `crate::attributes`): the options of a render, the feed URLs, and the settings a
//! request or the colour scheme takes. Nothing else in `dom` reads them.

use super::zone;
#[cfg(feature = "timeline")]
use crate::attributes::TimelineOptions;
use crate::attributes::{BannerOptions, Shared};
use crate::feed::Quoted;
use crate::i18n::Lang;
use core::time::Duration;
use web_sys::HtmlElement;

/// The attributes both elements read, for a render now.
fn shared(el: &HtmlElement) -> Shared {
    Shared::read(
        &|name| el.get_attribute(name),
        lang_of(el),
        crate::clock::now(),
    )
}

/// A banner's options for a render now.
pub fn banner(el: &HtmlElement) -> BannerOptions {
    BannerOptions::read(&|name| el.get_attribute(name), shared(el))
}

/// A timeline's options for a render now.
#[cfg(feature = "timeline")]
pub fn timeline(el: &HtmlElement) -> TimelineOptions {
    TimelineOptions::read(&|name| el.get_attribute(name), shared(el))
}

/// The URLs of the `src` attribute (whitespace-separated), resolved against the document;
/// each one once, the invalid ones warned of and left out.
pub fn src_urls(el: &HtmlElement) -> Vec<String> {
    let src = el.get_attribute("src").unwrap_or_default();
    let mut urls: Vec<String> = Vec::new();
    for part in src.split_whitespace() {
        match absolute(part) {
            Some(u) if !urls.contains(&u) => urls.push(u),
            Some(_) => {}
            None => super::warn(&format!("{} in src is not a valid URL", Quoted(part))),
        }
    }
    urls
}

/// `src` resolved against the document's base URL.
pub fn absolute(src: &str) -> Option<String> {
    if src.trim().is_empty() {
        return None;
    }
    let base = web_sys::window()?.document()?.base_uri().ok()??;
    web_sys::Url::new_with_base(src.trim(), &base)
        .ok()
        .map(|u| u.href())
}

/// The reader's language: the nearest `lang`, then the document's, then Korean.
pub fn lang_of(el: &HtmlElement) -> Lang {
    let nearest = el
        .closest("[lang]")
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute("lang"));
    let document = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("lang"));
    nearest
        .as_deref()
        .and_then(Lang::from_tag)
        .or_else(|| document.as_deref().and_then(Lang::from_tag))
        .unwrap_or(Lang::Ko)
}

/// Warns of an unknown `time-zone` when the element connects or the attribute changes, not
/// at each render: views are rebuilt at every poll and page button, and each would warn again.
pub fn check_time_zone(el: &HtmlElement) {
    if let Some(name) = el.get_attribute("time-zone") {
        if zone::of_attribute(&name).is_none() {
            super::warn(&format!(
                "unknown time-zone {}; using the feed's zone",
                Quoted(&name)
            ));
        }
    }
}

/// `poll`: the time between checks (`None`: never), as `crate::poll::interval` reads it.
pub fn poll(el: &HtmlElement) -> Option<Duration> {
    crate::poll::interval(el.get_attribute("poll").as_deref())
}

/// `timeout` in seconds, when it is a positive number.
pub fn timeout(el: &HtmlElement) -> Option<f64> {
    crate::poll::number(&el.get_attribute("timeout")?).filter(|&secs| secs > 0.0)
}

/// `max-bytes`, when it is a whole number.
pub fn max_bytes(el: &HtmlElement) -> Option<u64> {
    el.get_attribute("max-bytes")?.trim().parse().ok()
}

/// `theme` as written (`view::scheme` decides what it means).
pub fn theme(el: &HtmlElement) -> Option<String> {
    el.get_attribute("theme")
}
