//! The view model: what the banner and the timeline show, as plain data with every word
//! already localised and every time already formatted. The DOM layer only builds nodes.

pub mod announce;
pub mod banner;
#[cfg(feature = "timeline")]
pub mod chart;
#[cfg(feature = "timeline")]
pub mod chronology;
#[cfg(feature = "timeline")]
pub mod html;
pub mod markup;
pub mod nodes;
pub mod notice;
pub mod phase;
pub mod scheme;
pub mod services;
#[cfg(feature = "cli")]
pub mod snapshot;
#[cfg(feature = "timeline")]
pub mod timeline;

use crate::feed::{Incident, Kind, Severity};
use crate::i18n::Lang;
use crate::time::{self, Instant, Zone};

/// Everything a view needs besides the feed: who reads, where, and when.
pub struct Context<'a> {
    pub lang: Lang,
    /// The display zone.
    pub zone: &'a dyn Zone,
    /// The current instant, passed in so tests can pin it.
    pub now: Instant,
}

impl Context<'_> {
    /// `2023년 7월 18일 (화) 오전 10시 54분 KST` in the display zone.
    pub fn datetime(&self, t: &Instant) -> String {
        let l = time::local(t, self.zone);
        self.lang.messages().datetime(l.datetime, &l.abbr)
    }

    /// Only the wall-clock time when `t` falls on `day` in the display zone, else a short
    /// day and time: table cells stay short without hiding a change of date.
    pub fn time_on(&self, t: &Instant, day: Option<chrono::NaiveDate>) -> String {
        let l = time::local(t, self.zone).datetime;
        let m = self.lang.messages();
        if Some(l.date()) == day {
            m.time(l.time())
        } else {
            m.day_time(l)
        }
    }
}

/// A label and its value, such as `원인: 네트워크 장비 장애`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    pub label: &'static str,
    pub value: String,
}

/// Words with an optional safe (`http(s)`) link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkedText {
    pub text: String,
    /// Only ever an `http:` or `https:` URL; anything else is dropped here, once.
    pub url: Option<String>,
}

impl LinkedText {
    /// Keeps `url` only when it is safe to put in an `href`.
    pub fn new(text: String, url: Option<&str>) -> Self {
        let url = url
            .filter(|u| crate::feed::validate::is_http_url(u))
            .map(|u| u.trim().to_string());
        LinkedText { text, url }
    }
}

/// The colour family of an item: severity for outages and notices, its own for maintenance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Critical,
    Major,
    Minor,
    Info,
    Maintenance,
}

impl Tone {
    /// The tone of an incident.
    pub fn of(inc: &Incident) -> Tone {
        match (inc.kind, inc.severity()) {
            (Kind::Maintenance, s) if s < Severity::Major => Tone::Maintenance,
            (_, Severity::Critical) => Tone::Critical,
            (_, Severity::Major) => Tone::Major,
            (_, Severity::Minor) => Tone::Minor,
            (_, Severity::Info) => Tone::Info,
        }
    }

    /// The CSS class and `part` name suffix for this tone.
    pub fn name(self) -> &'static str {
        match self {
            Tone::Critical => "critical",
            Tone::Major => "major",
            Tone::Minor => "minor",
            Tone::Info => "info",
            Tone::Maintenance => "maintenance",
        }
    }

    /// The tone's colour (the widget's defaults), for HTML that may have no stylesheet and
    /// for the chart's bars.
    pub fn colour(self) -> &'static str {
        match self {
            Tone::Critical => "#b3261e",
            Tone::Major => "#b93a0b",
            Tone::Minor => "#7a5600",
            Tone::Info => "#1f5fa8",
            Tone::Maintenance => "#5b3fa0",
        }
    }
}

/// When an incident began, as best the feed tells: its start, its window, its first impact
/// or its first update.
pub fn start_of(inc: &Incident) -> Option<Instant> {
    inc.started_at
        .or(inc.scheduled.as_ref().map(|w| w.from))
        .or_else(|| inc.impacts.iter().filter_map(|i| i.from).min())
        .or_else(|| inc.updates.iter().map(|u| u.at).min())
}

/// The most characters of a title the banner shows: more than any real title (a long Korean
/// one is about 60), few enough that a feed's 50,000-character title keeps the banner a few
/// lines tall. The timeline shows the whole text.
pub const TITLE_SHOWN: usize = 200;

/// The most characters of a fact (the latest update, the list of services) the banner
/// shows; the stylesheet clamps it further to three lines.
pub const FACT_SHOWN: usize = 400;

/// `text` whole when it has at most `max` characters, else its first `max - 1` and `…`: the
/// banner stays bounded whatever one string in a feed does.
pub fn clip(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        None => text.to_string(),
        Some(_) => {
            let end = text
                .char_indices()
                .nth(max - 1)
                .map_or(text.len(), |(i, _)| i);
            [text[..end].trim_end(), "…"].concat()
        }
    }
}

/// The address fragment of one incident, `incident-<id>` (the id percent-encoded), which a
/// page's address can carry to open the timeline at that incident.
pub fn incident_fragment(id: &str) -> String {
    let mut out = String::from("incident-");
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            // By hand: `{:02X}` would link the integer formatter into the wasm.
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.push('%');
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 15)] as char);
        }
    }
    out
}

/// A badge such as `심각 · 장애`: severity, then kind.
pub fn badge(inc: &Incident, lang: Lang) -> String {
    let m = lang.messages();
    format!("{} · {}", m.severity(inc.severity()), m.kind(inc.kind))
}

#[cfg(test)]
mod tests {
    use super::{clip, incident_fragment};

    #[test]
    fn an_incident_fragment_cannot_carry_anything_but_its_id() {
        assert_eq!(incident_fragment("work24-0718"), "incident-work24-0718");
        assert_eq!(
            incident_fragment("고용24"),
            "incident-%EA%B3%A0%EC%9A%A9%32%34".replace("%32%34", "24")
        );
        assert_eq!(
            incident_fragment("a b\"<x>#"),
            "incident-a%20b%22%3Cx%3E%23"
        );
    }

    #[test]
    fn clip_keeps_short_text_and_cuts_long_text_at_a_character() {
        assert_eq!(clip("행정전산망 장애", 8), "행정전산망 장애");
        assert_eq!(
            clip("행정전산망 장애", 7),
            "행정전산망…",
            "a cut before a space drops it"
        );
        assert_eq!(
            clip("장애".repeat(25_000).as_str(), 200).chars().count(),
            200
        );
        assert!(clip("장애".repeat(25_000).as_str(), 200).ends_with("장…"));
        assert_eq!(clip("", 3), "");
    }
}
