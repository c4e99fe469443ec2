//! Instants, display zones and elapsed time.
//!
//! The core never reads the clock: `now` is always a parameter, so every test pins it.
//! It ships no time-zone database either: a [`Zone`] answers "what is the offset and the
//! short name at this instant?". In the browser the answer comes from `Intl`; natively,
//! and for feeds without a named zone, it is a [`FixedZone`].

use crate::prelude::*;

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

/// Reads an RFC 3339 timestamp (`2023-11-17T08:40:00+09:00`, `…T23:40:00.5Z`; `t` or a
/// space for `T`, `z` for `Z`, a leap second as chrono has it). Written by hand, with a
/// differential test against chrono's parser: chrono's would link its whole
/// format-parsing machinery (about 15 KB) into the wasm.
pub fn parse_rfc3339(s: &str) -> Option<Instant> {
    let b = s.as_bytes();
    let num = |range: core::ops::Range<usize>| -> Option<u32> {
        let digits = b.get(range)?;
        digits.iter().try_fold(0u32, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let sep = |i: usize, c: &[u8]| b.get(i).is_some_and(|x| c.contains(x));
    if !(sep(4, b"-") && sep(7, b"-") && sep(10, b"Tt ") && sep(13, b":") && sep(16, b":")) {
        return None;
    }
    let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (hour, minute, second) = (num(11..13)?, num(14..16)?, num(17..19)?);
    let mut i = 19;
    let mut nanos = 0u32;
    if b.get(i) == Some(&b'.') {
        let digits = b[i + 1..].iter().take_while(|d| d.is_ascii_digit()).count();
        if digits == 0 {
            return None;
        }
        for k in 0..9 {
            let d = if k < digits {
                u32::from(b[i + 1 + k] - b'0')
            } else {
                0
            };
            nanos = nanos * 10 + d;
        }
        i += 1 + digits;
    }
    let offset = match b.get(i)? {
        b'Z' | b'z' if i + 1 == b.len() => 0,
        sign @ (b'+' | b'-') if i + 6 == b.len() && b[i + 3] == b':' => {
            let (h, m) = (num(i + 1..i + 3)?, num(i + 4..i + 6)?);
            if h > 23 || m > 59 {
                return None;
            }
            let secs = (h * 3600 + m * 60) as i32;
            if *sign == b'-' {
                -secs
            } else {
                secs
            }
        }
        _ => return None,
    };
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    // A leap second is the last second's nanoseconds running past one second, as in chrono.
    let (second, nanos) = if second == 60 {
        (59, nanos.checked_add(1_000_000_000)?)
    } else {
        (second, nanos)
    };
    let date = chrono::NaiveDate::from_ymd_opt(year as i32, month, day)?;
    let time = chrono::NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)?;
    let offset = FixedOffset::east_opt(offset)?;
    NaiveDateTime::new(date, time)
        .checked_sub_offset(offset)
        .map(|utc| DateTime::from_naive_utc_and_offset(utc, offset))
}

/// Plain digits up to 999,999 (hours, days, years), else `None`.
fn small_number(s: &str) -> Option<u32> {
    crate::decimal::integer(s)
        .filter(|&n| n < 1_000_000)
        .map(|n| n as u32)
}

/// Reads an HTTP date in its one current form, IMF-fixdate (`Sun, 06 Nov 1994 08:49:37
/// GMT`), as servers send in `Retry-After`.
pub fn parse_http_date(s: &str) -> Option<Instant> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let mut parts = s.split_ascii_whitespace();
    let _weekday = parts.next()?.strip_suffix(',')?;
    let day = small_number(parts.next()?)?;
    let month_name = parts.next()?;
    let month = MONTHS.iter().position(|m| *m == month_name)? as u32 + 1;
    let year = small_number(parts.next()?)? as i32;
    let mut hms = parts.next()?.split(':').map(small_number);
    let (h, m, sec) = (hms.next()??, hms.next()??, hms.next()??);
    if parts.next()? != "GMT" || parts.next().is_some() || hms.next().is_some() {
        return None;
    }
    let date = chrono::NaiveDate::from_ymd_opt(year, month, day)?;
    let time = chrono::NaiveTime::from_hms_opt(h, m, sec)?;
    Some(DateTime::from_naive_utc_and_offset(
        NaiveDateTime::new(date, time),
        FixedOffset::east_opt(0)?,
    ))
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
