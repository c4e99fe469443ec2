//! The hand-written timestamp readers agree with chrono's parsers (which stay out of the
//! wasm): RFC 3339 on near-valid and arbitrary strings, HTTP dates on every IMF-fixdate.
#![cfg(not(target_arch = "wasm32"))]

use chrono::DateTime;
use incident_banner::time::{parse_http_date, parse_rfc3339};
use proptest::prelude::*;

fn same_as_chrono(s: &str) -> Result<(), TestCaseError> {
    let ours = parse_rfc3339(s);
    let chrono = DateTime::parse_from_rfc3339(s).ok();
    prop_assert_eq!(ours, chrono, "{:?}", s);
    if let (Some(a), Some(b)) = (ours, chrono) {
        prop_assert_eq!(a.offset(), b.offset(), "{:?}", s);
    }
    Ok(())
}

proptest! {
    #[test]
    fn rfc3339_shaped_strings(s in "[0-9]{4}-[0-1][0-9]-[0-3][0-9][Tt x][0-2][0-9]:[0-6][0-9]:[0-6][0-9](\\.[0-9]{0,11})?(Z|z|[+-][0-2][0-9]:[0-6][0-9]|[+-][0-9]{4}|)") {
        same_as_chrono(&s)?;
    }

    #[test]
    fn arbitrary_strings(s in "[0-9:.TZ+\\- ]{0,30}") {
        same_as_chrono(&s)?;
    }

    #[test]
    fn every_instant_round_trips(secs in -2_000_000_000i64..4_000_000_000, offset in -23 * 60..24 * 60i32) {
        let offset = chrono::FixedOffset::east_opt(offset * 60).unwrap();
        let t = DateTime::from_timestamp(secs, 0).unwrap().with_timezone(&offset);
        same_as_chrono(&t.to_rfc3339())?;
        same_as_chrono(&incident_banner::time::rfc3339(&t))?;
        let http = t.to_utc().format("%a, %d %b %Y %H:%M:%S GMT").to_string();
        prop_assert_eq!(parse_http_date(&http), DateTime::parse_from_rfc2822(&http).ok(), "{}", http);
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
        "Sun, 19 Nov 2023 09:00:30",
        "19 Nov 2023 09:00:30 GMT",
        "Sun, 19 Foo 2023 09:00:30 GMT",
        "Sun, 19 Nov 2023 9:00 GMT",
    ] {
        assert_eq!(parse_http_date(bad), None, "{bad}");
    }
}
