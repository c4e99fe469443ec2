//! Instants, display zones and elapsed time.
//!
//! The core never reads the clock: `now` is always a parameter, so every test pins it.
//! It ships no time-zone database either: a [`Zone`] answers "what is the offset and the
//! short name at this instant?". In the browser the answer comes from `Intl`; natively,
//! and for feeds without a named zone, it is a [`FixedZone`].

use chrono::{DateTime, FixedOffset, NaiveDateTime, TimeDelta};

/// A point in time as written in a feed: RFC 3339 with its offset kept.
pub type Instant = DateTime<FixedOffset>;

/// A display zone: where the reader should see wall-clock times.
pub trait Zone {
    /// The UTC offset (seconds east) and the abbreviation readers know, at instant `t`.
    fn at(&self, t: &Instant) -> ZoneInfo;
}

/// What a [`Zone`] says about one instant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZoneInfo {
    /// Seconds east of UTC.
    pub offset_seconds: i32,
    /// Short name shown after times, e.g. `KST`, `PST`, `UTC+5:30`.
    pub abbr: String,
}

/// A zone with one offset all year: Korea, Japan, UTC, or a feed without a named zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FixedZone {
    pub offset_seconds: i32,
    pub abbr: String,
}

impl FixedZone {
    /// A fixed zone named by its offset (`UTC+9`), for feeds that give no zone name.
    pub fn from_offset(offset_seconds: i32) -> Self {
        FixedZone {
            offset_seconds,
            abbr: offset_abbr(offset_seconds),
        }
    }

    /// Korea Standard Time, the zone of every seed incident.
    pub fn kst() -> Self {
        FixedZone {
            offset_seconds: 9 * 3600,
            abbr: "KST".into(),
        }
    }
}

impl Zone for FixedZone {
    fn at(&self, _t: &Instant) -> ZoneInfo {
        ZoneInfo {
            offset_seconds: self.offset_seconds,
            abbr: self.abbr.clone(),
        }
    }
}

/// A wall-clock reading of an instant in a display zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalTime {
    pub datetime: NaiveDateTime,
    pub abbr: String,
}

/// Reads instant `t` on the wall clock of `zone`.
pub fn local(t: &Instant, zone: &dyn Zone) -> LocalTime {
    let info = zone.at(t);
    let offset = FixedOffset::east_opt(info.offset_seconds)
        .unwrap_or_else(|| FixedOffset::east_opt(0).expect("zero offset is valid"));
    LocalTime {
        datetime: t.with_timezone(&offset).naive_local(),
        abbr: info.abbr,
    }
}

/// Zones that have kept one offset since a known instant: their names, the abbreviation
/// readers know, the offset (seconds east of UTC) and the first Unix second it holds from.
const STEADY_ZONES: [(&[&str], &str, i32, i64); 3] = [
    // Korea's last daylight saving time ended on 9 October 1988.
    (&["Asia/Seoul", "ROK"], "KST", 9 * 3600, 592_333_200),
    // Japan's ended in September 1951.
    (&["Asia/Tokyo", "Japan"], "JST", 9 * 3600, -577_962_000),
    (
        &["UTC", "Etc/UTC", "Etc/GMT", "GMT", "Etc/Universal"],
        "UTC",
        0,
        i64::MIN,
    ),
];

/// A named zone whose offset has not changed since `since` (Unix seconds): for any later
/// instant the browser needs no `Intl` call, whose first use costs a cold page load about
/// 17 ms before the banner can show.
pub fn steady_zone(iana: &str) -> Option<(FixedZone, i64)> {
    let (_, abbr, offset_seconds, since) = STEADY_ZONES
        .iter()
        .find(|(names, ..)| names.contains(&iana))?;
    let zone = FixedZone {
        offset_seconds: *offset_seconds,
        abbr: (*abbr).into(),
    };
    Some((zone, *since))
}

/// The abbreviation readers expect for zones whose browser name is only `GMT+9`.
///
/// Only zones without daylight saving time are listed: their name never changes.
pub fn known_abbreviation(iana: &str) -> Option<&'static str> {
    STEADY_ZONES
        .iter()
        .find(|(names, ..)| names.contains(&iana))
        .map(|(_, abbr, ..)| *abbr)
}

/// A zone from a name that needs no time-zone database: an offset (`+09:00`, `-05:30`,
/// `Z`), or a zone with one offset all year (`Asia/Seoul`, `Asia/Tokyo`, `UTC`). Used where
/// no browser answers, as in the command-line tool.
pub fn fixed_zone(name: &str) -> Option<FixedZone> {
    let name = name.trim();
    if let Some((zone, _)) = steady_zone(name) {
        return Some(zone);
    }
    if name == "Z" {
        return Some(FixedZone::from_offset(0));
    }
    let (sign, rest) = match (name.strip_prefix('+'), name.strip_prefix('-')) {
        (Some(rest), _) => (1, rest),
        (_, Some(rest)) => (-1, rest),
        _ => return None,
    };
    let (h, m) = rest.split_once(':').unwrap_or((rest, "0"));
    let (h, m) = (small_number(h)? as i32, small_number(m)? as i32);
    if h > 14 || m > 59 {
        return None;
    }
    Some(FixedZone::from_offset(sign * (h * 3600 + m * 60)))
}

/// `UTC`, `UTC+9`, `UTC-3:30`: a name for a bare offset.
pub fn offset_abbr(offset_seconds: i32) -> String {
    if offset_seconds == 0 {
        return "UTC".into();
    }
    let sign = if offset_seconds < 0 { '-' } else { '+' };
    let minutes = offset_seconds.unsigned_abs() / 60;
    let (h, m) = (minutes / 60, minutes % 60);
    if m == 0 {
        format!("UTC{sign}{h}")
    } else {
        format!("UTC{sign}{h}:{m:02}")
    }
}

/// RFC 3339 with the instant's own offset and whole seconds, e.g. `2023-11-17T13:55:00+09:00`,
/// for `<time datetime>`. Written by hand: chrono's formatter would be linked into the wasm.
pub fn rfc3339(t: &Instant) -> String {
    use chrono::{Datelike, Timelike};
    let offset = t.offset().local_minus_utc();
    let sign = if offset < 0 { '-' } else { '+' };
    let minutes = offset.unsigned_abs() / 60;
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
        minutes / 60,
        minutes % 60
    )
}

/// Reads an RFC 3339 timestamp (`2023-11-17T08:40:00+09:00`, `…T23:40:00.5Z`), keeping its
/// offset: chrono's parser.
pub fn parse_rfc3339(s: &str) -> Option<Instant> {
    DateTime::parse_from_rfc3339(s).ok()
}

/// Reads an HTTP date (`Sun, 06 Nov 1994 08:49:37 GMT`, RFC 9110's IMF-fixdate, the form
/// servers send in `Retry-After`).
///
/// Its parts are put in RFC 3339's order for chrono's RFC 3339 parser, which the feed needs
/// anyway: chrono's RFC 2822 parser brought its whole format-item machinery (~9 KB of wasm,
/// ~2.5 KB gzip) into the banner module for this one header. The weekday is not checked
/// (a wrong one changes nothing about when to come back).
pub fn parse_http_date(s: &str) -> Option<Instant> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let (_weekday, rest) = s.trim().split_once(", ")?;
    let mut parts = rest.split(' ');
    let (day, month, year, time, zone) = (
        parts.next()?,
        parts.next()?,
        parts.next()?,
        parts.next()?,
        parts.next()?,
    );
    if parts.next().is_some() || zone != "GMT" || day.len() != 2 || year.len() != 4 {
        return None;
    }
    let month = MONTHS.iter().position(|m| *m == month)? + 1;
    parse_rfc3339(&format!("{year}-{month:02}-{day}T{time}Z"))
}

/// True when `s` is a valid local date-time that only lacks its offset (seconds optional):
/// the feed's author forgot it, and the message says how to add it.
///
/// It asks the RFC 3339 parser with an offset added: a strftime pattern would bring
/// chrono's format-string machinery (~10 KB) into the wasm for this one message.
pub fn lacks_offset(s: &str) -> bool {
    let s = s.replacen(' ', "T", 1);
    [format!("{s}Z"), format!("{s}:00Z")]
        .iter()
        .any(|candidate| parse_rfc3339(candidate).is_some())
}

/// Hours or minutes of an offset name: plain digits below 100.
fn small_number(s: &str) -> Option<u32> {
    s.parse::<u32>()
        .ok()
        .filter(|&n| n < 100 && !s.starts_with('+'))
}

/// Time from `from` to `to`, never negative (a bad feed can put the end first).
pub fn elapsed(from: &Instant, to: &Instant) -> TimeDelta {
    let d = to.signed_duration_since(*from);
    if d < TimeDelta::zero() {
        TimeDelta::zero()
    } else {
        d
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Instant {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    #[test]
    fn local_reads_utc_instant_in_korea() {
        let t = at("2023-07-18T01:54:00Z");
        let l = local(&t, &FixedZone::kst());
        assert_eq!(l.datetime.to_string(), "2023-07-18 10:54:00");
        assert_eq!(l.abbr, "KST");
    }

    #[test]
    fn rfc3339_keeps_the_offset() {
        assert_eq!(
            rfc3339(&at("2023-11-17T13:55:00+09:00")),
            "2023-11-17T13:55:00+09:00"
        );
        assert_eq!(
            rfc3339(&at("2023-11-17T13:55:07.5-03:30")),
            "2023-11-17T13:55:07-03:30"
        );
        assert_eq!(
            rfc3339(&at("2023-11-17T04:55:00Z")),
            "2023-11-17T04:55:00+00:00"
        );
    }

    #[test]
    fn offset_abbr_names_half_hours_and_negatives() {
        assert_eq!(offset_abbr(0), "UTC");
        assert_eq!(offset_abbr(9 * 3600), "UTC+9");
        assert_eq!(offset_abbr(-(3 * 3600 + 1800)), "UTC-3:30");
        assert_eq!(offset_abbr(5 * 3600 + 1800), "UTC+5:30");
    }

    #[test]
    fn elapsed_is_never_negative() {
        let a = at("2023-07-18T10:00:00+09:00");
        let b = at("2023-07-18T09:00:00+09:00");
        assert_eq!(elapsed(&a, &b), TimeDelta::zero());
        assert_eq!(elapsed(&b, &a), TimeDelta::hours(1));
    }

    #[test]
    fn fixed_zones_from_names_and_offsets() {
        assert_eq!(fixed_zone("Asia/Seoul"), Some(FixedZone::kst()));
        assert_eq!(
            fixed_zone("+05:30").map(|z| z.offset_seconds),
            Some(5 * 3600 + 1800)
        );
        assert_eq!(fixed_zone("-05:00").map(|z| z.abbr), Some("UTC-5".into()));
        assert_eq!(fixed_zone("UTC").map(|z| z.offset_seconds), Some(0));
        assert_eq!(
            fixed_zone("America/New_York"),
            None,
            "has daylight saving: needs a database"
        );
        assert_eq!(fixed_zone("+25:00"), None);
    }

    #[test]
    fn steady_zones_hold_from_the_end_of_their_last_daylight_saving_time() {
        let (seoul, since) = steady_zone("Asia/Seoul").unwrap();
        assert_eq!(seoul, FixedZone::kst());
        // 1988-10-09 02:00 KST, the first hour after Korea's last summer time.
        let end = DateTime::parse_from_rfc3339("1988-10-09T02:00:00+09:00").unwrap();
        assert_eq!(since, end.timestamp());
        assert_eq!(steady_zone("UTC").map(|(_, since)| since), Some(i64::MIN));
        assert_eq!(steady_zone("America/New_York"), None);
    }

    #[test]
    fn known_abbreviation_covers_korea_only_for_fixed_zones() {
        assert_eq!(known_abbreviation("Asia/Seoul"), Some("KST"));
        assert_eq!(known_abbreviation("America/New_York"), None);
    }
}
