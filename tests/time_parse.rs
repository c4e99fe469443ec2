//! The timestamp readers (chrono's parsers, as the feed and `Retry-After` use them) and the
//! crate's RFC 3339 writer for `<time datetime>` agree on every instant.
#![cfg(not(target_arch = "wasm32"))]

use chrono::DateTime;
use incident_banner::time::{lacks_offset, parse_http_date, parse_rfc3339};
use proptest::prelude::*;

proptest! {
    #[test]
    fn every_instant_round_trips(secs in -2_000_000_000i64..4_000_000_000, offset in -23 * 60..24 * 60i32) {
        let offset = chrono::FixedOffset::east_opt(offset * 60).unwrap();
        let t = DateTime::from_timestamp(secs, 0).unwrap().with_timezone(&offset);
        let written = incident_banner::time::rfc3339(&t);
        let back = parse_rfc3339(&written);
        prop_assert_eq!(back, Some(t), "{}", written);
        prop_assert_eq!(back.map(|b| *b.offset()), Some(*t.offset()), "{}", written);
        let http = t.to_utc().format("%a, %d %b %Y %H:%M:%S GMT").to_string();
        prop_assert_eq!(parse_http_date(&http), Some(t), "{}", http);
    }
}

#[test]
fn known_values() {
    let t = parse_rfc3339("2023-11-17T08:40:00+09:00").unwrap();
    assert_eq!(t.to_rfc3339(), "2023-11-17T08:40:00+09:00");
    assert_eq!(
        parse_rfc3339("2016-12-31T23:59:60Z"),
        DateTime::parse_from_rfc3339("2016-12-31T23:59:60Z").ok()
    );
    for bad in [
        "2023-11-17T08:40:00",
        "2023-02-30T00:00:00Z",
        "2023-11-17T24:00:00Z",
        "2023-11-17T08:40:00+09",
        "",
        "2023-11-17T08:40:00.Z",
    ] {
        assert_eq!(parse_rfc3339(bad), None, "{bad}");
    }
    assert_eq!(
        parse_http_date("Sun, 19 Nov 2023 09:00:30 GMT"),
        DateTime::parse_from_rfc3339("2023-11-19T09:00:30Z").ok()
    );
    for bad in [
        "Sun, 19 Foo 2023 09:00:30 GMT",
        "tomorrow",
        "",
        "2023-11-19T09:00:30Z",
    ] {
        assert_eq!(parse_http_date(bad), None, "{bad}");
    }
}

#[test]
fn a_timestamp_that_only_lacks_its_offset_is_told_apart() {
    for s in [
        "2023-11-17T08:40:00",
        "2023-11-17 08:40",
        "2023-11-17T08:40",
        "2023-11-17T08:40:00.5",
    ] {
        assert!(lacks_offset(s), "{s}");
    }
    for s in ["2023-11-31T08:40:00", "yesterday", "2023-11-17", ""] {
        assert!(!lacks_offset(s), "{s}");
    }
}
