//! Invariants of the core over generated feeds: the view model never panics, durations are
//! never negative, and the banner's ordering is a total order that ignores feed order.
#![cfg(not(target_arch = "wasm32"))]

use incident_banner::feed::{self, Feed};
use incident_banner::i18n::{DurationParts, Lang};
use incident_banner::time::{elapsed, FixedZone, Instant};
use incident_banner::view::phase::phase;
use incident_banner::view::{banner, start_of, timeline, Context};
use proptest::prelude::*;

/// A timestamp within a few weeks of November 2023, in a few offsets.
fn stamp() -> impl Strategy<Value = String> {
    (
        0i64..40 * 24 * 60,
        prop::sample::select(vec!["+09:00", "Z", "-05:00", "+05:30"]),
    )
        .prop_map(|(m, off)| {
            let t = chrono::DateTime::parse_from_rfc3339("2023-11-01T00:00:00Z").unwrap()
                + chrono::TimeDelta::minutes(m);
            let off_t = chrono::DateTime::parse_from_rfc3339(&format!("2000-01-01T00:00:00{off}"))
                .unwrap()
                .timezone();
            t.with_timezone(&off_t).to_rfc3339()
        })
}

fn opt_stamp() -> impl Strategy<Value = String> {
    prop::option::of(stamp()).prop_map(|s| {
        s.map(|s| format!("\"{s}\""))
            .unwrap_or_else(|| "null".into())
    })
}

/// The format's names for kinds, severities and statuses (`www/schema/feed-v1.json`).
const KINDS: [&str; 3] = ["outage", "maintenance", "notice"];
const SEVERITIES: [&str; 4] = ["critical", "major", "minor", "info"];
const STATUSES: [&str; 7] = [
    "investigating",
    "identified",
    "monitoring",
    "resolved",
    "scheduled",
    "in_progress",
    "completed",
];

fn incident() -> impl Strategy<Value = String> {
    (
        (0usize..3, 0usize..4, 0usize..7, opt_stamp(), opt_stamp()),
        (prop::option::of((stamp(), opt_stamp())), prop::collection::vec((opt_stamp(), opt_stamp()), 0..3)),
        prop::collection::vec(stamp(), 0..3),
    )
        .prop_map(|((k, s, st, started, ended), (window, impacts), updates)| {
            let window = window
                .map(|(from, until)| format!(r#","scheduled":{{"from":"{from}","until":{until}}}"#))
                .unwrap_or_default();
            let impacts: Vec<String> = impacts
                .iter()
                .enumerate()
                .map(|(i, (f, u))| format!(r#"{{"service":"s{i}","status":"down","from":{f},"until":{u}}}"#))
                .collect();
            let updates: Vec<String> = updates.iter().map(|a| format!(r#"{{"at":"{a}","text":"u"}}"#)).collect();
            format!(
                r#"{{"id":"ID","kind":"{}","severity":"{}","status":"{}","title":"t","started_at":{started},"ended_at":{ended}{window},"impacts":[{}],"updates":[{}]}}"#,
                KINDS[k], SEVERITIES[s], STATUSES[st], impacts.join(","), updates.join(",")
            )
        })
}

fn feed_text() -> impl Strategy<Value = String> {
    prop::collection::vec(incident(), 0..8).prop_map(|incs| {
        let incs: Vec<String> = incs
            .iter()
            .enumerate()
            .map(|(i, s)| s.replace("\"ID\"", &format!("\"i{i}\"")))
            .collect();
        format!(
            r#"{{"version":1,"publisher":{{"name":"p"}},"incidents":[{}]}}"#,
            incs.join(",")
        )
    })
}

fn parse(text: &str) -> Feed {
    feed::parse(text).unwrap_or_else(|e| panic!("generated feed must parse: {e}\n{text}"))
}

fn now_from(minutes: i64) -> Instant {
    chrono::DateTime::parse_from_rfc3339("2023-11-01T00:00:00+09:00").unwrap()
        + chrono::TimeDelta::minutes(minutes)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// The order of the top level's members does not matter: incidents written before
    /// `version` give the same feed as after it.
    #[test]
    fn member_order_does_not_change_the_feed(text in feed_text()) {
        let head = r#"{"version":1,"publisher":{"name":"p"},"#;
        let incidents = text.strip_prefix(head).and_then(|r| r.strip_suffix('}')).unwrap();
        let whole = format!(r#"{{{incidents},"version":1,"publisher":{{"name":"p"}}}}"#);
        prop_assert_eq!(parse(&text), parse(&whole));
    }

    #[test]
    fn view_model_never_panics_and_durations_are_never_negative(text in feed_text(), minutes in 0i64..60 * 24 * 60, offset in -12i32..14) {
        let f = parse(&text);
        let zone = FixedZone::from_offset(offset * 3600);
        for lang in [Lang::Ko, Lang::En] {
            let cx = Context { lang, zone: &zone, now: now_from(minutes) };
            let b = banner::build(&f, &cx, &banner::Options::default());
            // A lasting duration (`…째`, `for …`) never goes negative; other timings name a
            // zone, which may be `UTC-5`.
            let timing = b.and_then(|b| b.timing).unwrap_or_default();
            if timing.ends_with('째') || timing.starts_with("for ") {
                prop_assert!(!timing.contains('-'), "{}", timing);
            }
            for day in timeline::build(&f, &cx).days {
                for inc in day.incidents {
                    for row in inc.impacts {
                        prop_assert!(!row.duration.contains('-'), "{}", row.duration);
                    }
                }
            }
        }
    }

    #[test]
    fn elapsed_and_duration_parts_are_never_negative(a in stamp(), b in stamp()) {
        let (a, b) = (chrono::DateTime::parse_from_rfc3339(&a).unwrap(), chrono::DateTime::parse_from_rfc3339(&b).unwrap());
        let d = elapsed(&a, &b);
        prop_assert!(d >= chrono::TimeDelta::zero());
        let p = DurationParts::of(b - a);
        prop_assert!(p.days >= 0 && p.hours >= 0 && p.minutes >= 0);
    }

    #[test]
    fn banner_order_is_total_and_independent_of_feed_order(text in feed_text(), minutes in 0i64..60 * 24 * 60, seed in any::<u64>()) {
        let f = parse(&text);
        let now = now_from(minutes);
        let horizon = banner::DEFAULT_HORIZON;
        let key = |inc: &feed::Incident| {
            let p = phase(inc, &now, horizon);
            (p, std::cmp::Reverse(inc.severity()), start_of(inc).map(|t| t.timestamp()))
        };
        let order: Vec<_> = banner::select(&f, &now, horizon).into_iter().map(key).collect();
        // Within a phase and severity, most recent first (soonest first for upcoming work).
        for pair in order.windows(2) {
            prop_assert!((pair[0].0, pair[0].1) <= (pair[1].0, pair[1].1), "{:?}", order);
        }
        let mut shuffled = f.clone();
        let mut s = seed;
        for i in (1..shuffled.incidents.len()).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            shuffled.incidents.swap(i, (s >> 33) as usize % (i + 1));
        }
        let again: Vec<_> = banner::select(&shuffled, &now, horizon).into_iter().map(key).collect();
        prop_assert_eq!(order, again);
    }
}
