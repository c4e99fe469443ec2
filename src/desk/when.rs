//! Times as a publisher types them at 2 a.m.: `2023-11-17 08:40` is read in the publisher's
//! zone, `2023-11-17T08:40:00+09:00` keeps its own offset, and the result always carries
//! its offset, as the feed requires.

use crate::time::{parse_rfc3339, FixedZone, Instant};

/// Why a typed time was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WhenError {
    /// Not a date and time at all, or one that does not exist (`2023-11-31 08:40`).
    NotATime { typed: String },
    /// A time without an offset, and a publisher zone this code cannot convert without a
    /// time-zone database (only fixed-offset zones such as `Asia/Seoul` are known).
    ZoneUnknown { typed: String, zone: String },
}

/// The zone a draft's typed times are read in: the publisher's, `Asia/Seoul` when it names
/// none. `Err` with the zone's name when it is one this code cannot convert.
pub fn zone_of(publisher_zone: Option<&str>) -> Result<FixedZone, String> {
    let name = publisher_zone.unwrap_or("Asia/Seoul");
    crate::time::fixed_zone(name).ok_or_else(|| name.to_string())
}

/// Reads `typed`: RFC 3339 with an offset as it is; a local date and time (`2023-11-17
/// 08:40`, `2023-11-17T08:40`, seconds optional) in `zone`, the publisher's (`Err` holds
/// its name when it could not be had).
pub fn read(typed: &str, zone: &Result<FixedZone, String>) -> Result<Instant, WhenError> {
    let t = typed.trim();
    if let Some(at) = parse_rfc3339(t).or_else(|| parse_rfc3339(&t.replacen(' ', "T", 1))) {
        return Ok(at);
    }
    let not_a_time = || WhenError::NotATime {
        typed: typed.to_string(),
    };
    let local = t.replacen(' ', "T", 1);
    // A local time is one that only lacks its offset: ask the RFC 3339 parser with one.
    let with_seconds = match local.split_once('T') {
        Some((_, clock)) if clock.len() == 5 => format!("{local}:00"),
        Some(_) => local,
        None => return Err(not_a_time()),
    };
    if parse_rfc3339(&format!("{with_seconds}Z")).is_none() {
        return Err(not_a_time());
    }
    let zone = zone.as_ref().map_err(|name| WhenError::ZoneUnknown {
        typed: typed.to_string(),
        zone: name.clone(),
    })?;
    parse_rfc3339(&format!("{with_seconds}{}", offset(zone))).ok_or_else(not_a_time)
}

/// `now` expressed in `zone` (the same instant, with the publisher's offset), or as it is
/// when the zone is unknown.
pub fn now_in(now: Instant, zone: &Result<FixedZone, String>) -> Instant {
    match zone
        .as_ref()
        .ok()
        .and_then(|z| chrono::FixedOffset::east_opt(z.offset_seconds))
    {
        Some(offset) => now.with_timezone(&offset),
        None => now,
    }
}

/// `+09:00`, `-05:30`: the zone's offset as RFC 3339 writes it.
fn offset(zone: &FixedZone) -> String {
    let seconds = zone.offset_seconds;
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.unsigned_abs() / 60;
    format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seoul() -> Result<FixedZone, String> {
        zone_of(Some("Asia/Seoul"))
    }

    #[test]
    fn a_local_time_is_read_in_the_publishers_zone_and_keeps_its_offset() {
        let at = read("2023-11-17 08:40", &seoul()).unwrap();
        assert_eq!(crate::time::rfc3339(&at), "2023-11-17T08:40:00+09:00");
        let at = read("2023-11-17T08:40:30", &seoul()).unwrap();
        assert_eq!(crate::time::rfc3339(&at), "2023-11-17T08:40:30+09:00");
        let at = read("2023-11-17 08:40", &zone_of(Some("+05:30"))).unwrap();
        assert_eq!(crate::time::rfc3339(&at), "2023-11-17T08:40:00+05:30");
    }

    #[test]
    fn a_time_with_an_offset_is_kept_as_typed() {
        let at = read("2023-11-17T08:40:00Z", &seoul()).unwrap();
        assert_eq!(crate::time::rfc3339(&at), "2023-11-17T08:40:00+00:00");
        let at = read("2023-11-17 08:40:00-05:00", &seoul()).unwrap();
        assert_eq!(crate::time::rfc3339(&at), "2023-11-17T08:40:00-05:00");
    }

    #[test]
    fn impossible_days_and_words_are_refused() {
        for typed in [
            "2023-11-31 08:40",
            "2023-02-29 10:00",
            "2023-11-17 25:00",
            "어제",
            "",
            "2023-11-17",
        ] {
            assert_eq!(
                read(typed, &seoul()),
                Err(WhenError::NotATime {
                    typed: typed.into()
                }),
                "{typed}"
            );
        }
    }

    #[test]
    fn a_zone_without_a_fixed_offset_needs_the_offset_typed() {
        let zone = zone_of(Some("America/New_York"));
        assert_eq!(zone, Err("America/New_York".to_string()));
        assert_eq!(
            read("2023-11-17 08:40", &zone),
            Err(WhenError::ZoneUnknown {
                typed: "2023-11-17 08:40".into(),
                zone: "America/New_York".into()
            })
        );
        assert!(read("2023-11-17T08:40:00-05:00", &zone).is_ok());
        assert_eq!(
            zone_of(None),
            seoul(),
            "Asia/Seoul when the feed names none"
        );
    }

    #[test]
    fn now_is_written_with_the_publishers_offset() {
        let utc = parse_rfc3339("2023-11-17T23:40:00Z").unwrap();
        let local = now_in(utc, &seoul());
        assert_eq!(crate::time::rfc3339(&local), "2023-11-18T08:40:00+09:00");
        assert_eq!(local, utc, "the same instant");
    }
}
