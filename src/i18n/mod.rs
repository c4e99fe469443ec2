//! Every word the widget shows that does not come from the feed, in Korean and English.
//!
//! [`Messages`] is implemented once per language ([`ko::Ko`], [`en::En`]); the view model
//! asks [`Lang::messages`] and never spells a word itself. The banner's words are apart from
//! the timeline's (`TimelineMessages`, `Lang::timeline`, with the `timeline` feature), so the
//! banner module carries none of the timeline's.

pub mod en;
pub mod ko;
pub mod problems;

#[cfg(feature = "timeline")]
use crate::feed::{ImpactLevel, Status};
use crate::feed::{Kind, Severity, Text};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};

/// A language the widget speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Ko,
    En,
}

impl Lang {
    /// Reads a BCP 47 tag (`ko`, `ko-KR`, `en-GB`); `None` for languages we do not speak.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "ko" => Some(Lang::Ko),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The primary language subtag, as feeds write it.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Ko => "ko",
            Lang::En => "en",
        }
    }

    /// The words and formats of this language.
    pub fn messages(self) -> &'static dyn Messages {
        match self {
            Lang::Ko => &ko::Ko,
            Lang::En => &en::En,
        }
    }

    /// The timeline's words and formats in this language.
    #[cfg(feature = "timeline")]
    pub fn timeline(self) -> &'static dyn TimelineMessages {
        match self {
            Lang::Ko => &ko::Ko,
            Lang::En => &en::En,
        }
    }

    /// Which incidents the timeline shows, for its live region after a page button:
    /// `16–30번째 사건 표시 중 (모두 60건)` / `Showing incidents 16–30 of 60`. One function
    /// for both languages (only the words differ): a `format!` per language cost ~200 B.
    #[cfg(feature = "timeline")]
    pub fn showing(self, from: usize, to: usize, total: usize) -> String {
        let [a, b, c, d] = self.timeline().labels().showing;
        let (from, to, total) = (thousands(from), thousands(to), thousands(total));
        [a, &from, b, &to, c, &total, d].concat()
    }
}

impl Text {
    /// The words for a reader of `lang`: that language, else Korean, else English, else the
    /// first by tag. Feeds are Korean first, so Korean is the sensible fallback.
    pub fn pick(&self, lang: Lang) -> &str {
        match self {
            Text::Plain(s) => s,
            Text::Localized(map) => {
                let find = |want: &str| {
                    map.iter()
                        .find(|(tag, _)| Lang::from_tag(tag).map(Lang::tag) == Some(want))
                        .map(|(_, s)| s.as_str())
                };
                find(lang.tag())
                    .or_else(|| find("ko"))
                    .or_else(|| find("en"))
                    .or_else(|| map.first().map(|(_, s)| s.as_str()))
                    .unwrap_or("")
            }
        }
    }
}

/// Days, hours and minutes of a duration, floored to the minute; the parts both languages
/// build on. Only the two largest units are shown: `3일 2시간`, `1시간 26분`, `45분`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DurationParts {
    pub days: i64,
    pub hours: i64,
    pub minutes: i64,
}

impl DurationParts {
    /// Splits `d`; negative durations count as zero.
    pub fn of(d: TimeDelta) -> Self {
        let total = d.num_minutes().max(0);
        let days = total / 1440;
        let hours = (total % 1440) / 60;
        let minutes = if days > 0 { 0 } else { total % 60 };
        DurationParts {
            days,
            hours,
            minutes,
        }
    }

    /// True when the duration is under a minute.
    pub fn is_zero(&self) -> bool {
        self.days == 0 && self.hours == 0 && self.minutes == 0
    }

    /// The non-zero parts with their unit words, `[day, hour, minute]`, e.g. `3일 2시간`
    /// with `["일", "시간", "분"]` or `1 h 26 min` with `[" d", " h", " min"]`.
    pub fn spell(&self, units: [&str; 3]) -> String {
        let parts = [self.days, self.hours, self.minutes];
        let words: Vec<String> = parts
            .iter()
            .zip(units)
            .filter(|(n, _)| **n > 0)
            .map(|(n, unit)| format!("{n}{unit}"))
            .collect();
        words.join(" ")
    }
}

/// The widget's vocabulary and formats in one language.
pub trait Messages {
    fn severity(&self, s: Severity) -> &'static str;
    fn kind(&self, k: Kind) -> &'static str;

    /// `2023년 7월 18일 (화)` / `Tue 18 Jul 2023`.
    fn date(&self, d: NaiveDate) -> String;
    /// `오전 10시 54분` / `10:54 AM`.
    fn time(&self, t: NaiveTime) -> String;
    /// Date and time with the zone: `2023년 7월 18일 (화) 오전 10시 54분 KST`.
    fn datetime(&self, dt: NaiveDateTime, zone: &str) -> String;
    /// A short date and time for a table cell on another day: `7월 19일 오전 9시`.
    fn day_time(&self, dt: NaiveDateTime) -> String;
    /// `1시간 26분` / `1 h 26 min`.
    fn duration(&self, d: TimeDelta) -> String;
    /// An ongoing duration: `2시간 42분째` / `for 2 h 42 min`.
    fn lasting(&self, d: TimeDelta) -> String;
    /// `외 2건` / `+2 more`.
    fn more(&self, n: usize) -> String;
    /// After the banner's list of affected services when it is cut short: `외 12개` /
    /// `and 12 more`.
    fn more_services(&self, n: usize) -> String;
    /// Beside a feed some of whose entries could not be read and were left out:
    /// `1건의 항목을 표시하지 못했습니다` / `1 entry could not be shown`.
    fn skipped(&self, n: usize) -> String;
    /// How long ago: `방금`, `3분 전`, `2시간 전` / `just now`, `3 min ago`.
    fn ago(&self, d: TimeDelta) -> String;

    /// The banner's labels (and those the timeline shares with it).
    fn labels(&self) -> &'static Labels;
}

/// The timeline's, chart's and chronology's own vocabulary: apart from [`Messages`] so the
/// banner module (built without `timeline`) carries none of it.
#[cfg(feature = "timeline")]
pub trait TimelineMessages {
    fn status(&self, s: Status) -> &'static str;
    fn impact(&self, i: ImpactLevel) -> &'static str;
    /// `지난 90일 동안 2번째 장애` / `2nd outage in 90 days`.
    fn recurrence(&self, nth: usize, days: i64) -> String;
    /// The timeline's button: `더 보기 (9,980건 남음)` / `Show more (9,980 left)`.
    fn show_more(&self, remaining: usize) -> String;
    /// The timeline's button above, once "더 보기" has dropped newer incidents from the top:
    /// `최근 사건 보기 (20건 남음)` / `Show newer (20 left)`.
    fn show_newer(&self, hidden: usize) -> String;
    /// Under a list cut short in the widget: `12건 더 있음 (표시하지 않음)` /
    /// `12 more not shown`.
    fn not_shown(&self, hidden: usize) -> String;
    /// A short axis label for a time of day: `9시`, `9:30` / `9:00`, `9:30`.
    fn axis_time(&self, t: NaiveTime) -> String;
    /// A short axis label for a day: `7월 19일` / `19 Jul`.
    fn axis_day(&self, d: NaiveDate) -> String;
    /// The timeline's own labels.
    fn labels(&self) -> &'static TimelineLabels;
}

/// Fixed phrases, one struct per language so a missing translation fails to compile.
#[derive(Debug)]
pub struct Labels {
    pub affected: &'static str,
    pub expected_end: &'static str,
    pub latest_update: &'static str,
    pub starts: &'static str,
    pub ends: &'static str,
    pub more_info: &'static str,
    /// Said (not shown) after the name of every link, which opens in a new window (KWCAG
    /// asks that a reader be told): `새 창` / `opens in a new window`.
    pub new_window: &'static str,
    pub loading: &'static str,
    pub error_fetch: &'static str,
    pub error_http: &'static str,
    pub error_feed: &'static str,
    pub banner: &'static str,
    /// `마지막 확인` / `Last checked`.
    pub last_checked: &'static str,
    pub update_failed: &'static str,
    /// The banner's close button.
    pub dismiss: &'static str,
    /// Prefix of live-region announcements: `업데이트` / `Update`.
    pub update: &'static str,
    pub error_timeout: &'static str,
    pub error_too_large: &'static str,
    /// Short reasons for the stale line.
    pub reason_network: &'static str,
    pub reason_timeout: &'static str,
    pub reason_http: &'static str,
    pub reason_too_large: &'static str,
    pub reason_invalid: &'static str,
}

/// The timeline's fixed phrases (see [`Labels`]).
#[cfg(feature = "timeline")]
#[derive(Debug)]
pub struct TimelineLabels {
    /// The words around the three numbers of [`Lang::showing`].
    pub showing: [&'static str; 4],
    pub region: &'static str,
    pub cause: &'static str,
    pub publisher: &'static str,
    pub service: &'static str,
    pub impact: &'static str,
    pub start: &'static str,
    pub recovery: &'static str,
    pub duration: &'static str,
    pub ongoing: &'static str,
    pub total_duration: &'static str,
    pub workarounds: &'static str,
    pub updates: &'static str,
    pub links: &'static str,
    pub no_incidents: &'static str,
    pub timeline: &'static str,
    /// The name of `view="chronology"`: every start, update and recovery in time order.
    pub chronology: &'static str,
    /// The accessible name of an incident's own link (`#incident-<id>`).
    pub permalink: &'static str,
    /// The button copying that link: `링크 복사` / `Copy link`.
    pub copy_link: &'static str,
    /// Said once the link is copied.
    pub copied: &'static str,
    /// The chart's name, first in its text alternative: `장애 시간 그래프`.
    pub chart: &'static str,
    /// The words around the zone's name under the chart's axis: `KST 기준` / `Times in KST`.
    pub times_in: [&'static str; 2],
    /// Between a window's two times: `~` / `–`.
    pub between: &'static str,
    /// The chart's row of official updates: `공식 발표` / `Official updates`.
    pub official_updates: &'static str,
}

/// `9980` → `9,980`: both languages group thousands with commas.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(9980), "9,980");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn lang_reads_region_tags() {
        assert_eq!(Lang::from_tag("ko-KR"), Some(Lang::Ko));
        assert_eq!(Lang::from_tag("EN_gb"), Some(Lang::En));
        assert_eq!(Lang::from_tag("ja"), None);
        assert_eq!(Lang::from_tag(""), None);
    }

    #[test]
    fn text_falls_back_to_korean_then_english_then_first() {
        let t = Text::Localized(vec![
            ("en".into(), "Down".into()),
            ("ko-KR".into(), "장애".into()),
        ]);
        assert_eq!(t.pick(Lang::En), "Down");
        assert_eq!(t.pick(Lang::Ko), "장애");
        let only_en = Text::Localized(vec![("en".into(), "Down".into())]);
        assert_eq!(only_en.pick(Lang::Ko), "Down");
        let only_ja = Text::Localized(vec![("ja".into(), "障害".into())]);
        assert_eq!(only_ja.pick(Lang::En), "障害");
    }

    #[test]
    fn duration_parts_keep_two_largest_units() {
        let p = DurationParts::of(TimeDelta::minutes(3 * 1440 + 2 * 60 + 59));
        assert_eq!((p.days, p.hours, p.minutes), (3, 2, 0));
        let p = DurationParts::of(TimeDelta::seconds(-5));
        assert!(p.is_zero());
    }
}
