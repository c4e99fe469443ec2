//! Banner selection and content, with the clock pinned.

use incident_banner::feed;
use incident_banner::i18n::Lang;
use incident_banner::time::{FixedZone, Instant};
use incident_banner::view::banner::{self, Dismissible, Options, Role, DEFAULT_HORIZON};
use incident_banner::view::{Context, Tone};

fn at(s: &str) -> Instant {
    chrono::DateTime::parse_from_rfc3339(s).unwrap()
}

fn feed_of(incidents: &[&str]) -> feed::Feed {
    feed::parse(&format!(
        r#"{{"version":1,"publisher":{{"name":"p","url":"https://example.org"}},
        "services":[{{"id":"gov24","name":{{"ko":"정부24","en":"Gov24"}}}},{{"id":"saeol","name":"새올"}}],
        "incidents":[{}]}}"#,
        incidents.join(",")
    ))
    .unwrap()
}

fn ids(f: &feed::Feed, now: &str) -> Vec<String> {
    banner::select(f, &at(now), DEFAULT_HORIZON)
        .iter()
        .map(|i| i.id.clone())
        .collect()
}

const NOTICE: &str = r#"{"id":"notice","kind":"notice","severity":"critical","status":"identified","title":"n","started_at":"2023-11-19T08:00:00+09:00"}"#;
const UPCOMING: &str = r#"{"id":"upcoming","kind":"maintenance","status":"scheduled","title":"u","scheduled":{"from":"2023-11-21T00:00:00+09:00","until":"2023-11-21T06:00:00+09:00"}}"#;
const FAR: &str = r#"{"id":"far","kind":"maintenance","status":"scheduled","title":"f","scheduled":{"from":"2023-12-21T00:00:00+09:00"}}"#;
const IN_PROGRESS: &str = r#"{"id":"working","kind":"maintenance","status":"scheduled","title":"w","scheduled":{"from":"2023-11-19T18:00:00+09:00","until":"2023-11-19T20:00:00+09:00"}}"#;
const MINOR: &str = r#"{"id":"minor","kind":"outage","severity":"minor","status":"investigating","title":"m","started_at":"2023-11-19T18:00:00+09:00"}"#;
const CRITICAL: &str = r#"{"id":"critical","kind":"outage","severity":"critical","status":"identified","title":{"ko":"행정전산망 장애","en":"Network outage"},"started_at":"2023-11-19T16:00:00+09:00",
  "impacts":[{"service":"gov24","status":"down","until":"2023-11-19T17:00:00+09:00"},{"service":"saeol","status":"down"}],
  "expected_end":{"at":"2023-11-20T09:00:00+09:00","text":"월요일 중 정상화 목표"},
  "updates":[{"at":"2023-11-19T18:10:00+09:00","text":"복구 중"},{"at":"2023-11-19T17:00:00+09:00","text":"정부24 재개"}]}"#;
const RESOLVED: &str = r#"{"id":"resolved","kind":"outage","severity":"critical","status":"resolved","title":"r","started_at":"2023-11-19T18:00:00+09:00"}"#;
const NOW: &str = "2023-11-19T18:42:00+09:00";

#[test]
fn banner_prefers_active_outage_over_maintenance_over_notice() {
    let f = feed_of(&[NOTICE, UPCOMING, IN_PROGRESS, MINOR, FAR, RESOLVED]);
    assert_eq!(ids(&f, NOW), ["minor", "working", "upcoming", "notice"]);
}

#[test]
fn within_a_kind_higher_severity_then_most_recent() {
    let newer_major = r#"{"id":"newer","kind":"outage","status":"identified","title":"x","started_at":"2023-11-19T18:30:00+09:00"}"#;
    let older_major = r#"{"id":"older","kind":"outage","status":"identified","title":"x","started_at":"2023-11-19T10:00:00+09:00"}"#;
    let f = feed_of(&[MINOR, older_major, CRITICAL, newer_major]);
    assert_eq!(ids(&f, NOW), ["critical", "newer", "older", "minor"]);
}

#[test]
fn nothing_to_announce_when_all_is_resolved_or_far_away() {
    let f = feed_of(&[RESOLVED, FAR]);
    let zone = FixedZone::kst();
    let cx = Context {
        lang: Lang::Ko,
        zone: &zone,
        now: at(NOW),
    };
    assert_eq!(banner::build(&f, &cx, &Options::default()), None);
}

#[test]
fn maintenance_is_upcoming_only_within_the_horizon_and_past_after_its_window() {
    let f = feed_of(&[UPCOMING]);
    assert_eq!(
        ids(&f, "2023-11-17T23:59:00+09:00"),
        Vec::<String>::new(),
        "73 h ahead: not yet"
    );
    assert_eq!(
        ids(&f, "2023-11-18T00:00:00+09:00"),
        ["upcoming"],
        "72 h ahead"
    );
    assert_eq!(
        ids(&f, "2023-11-21T06:00:00+09:00"),
        Vec::<String>::new(),
        "window over"
    );
}

#[test]
fn critical_outage_banner_in_korean() {
    let f = feed_of(&[CRITICAL, MINOR, UPCOMING]);
    let zone = FixedZone::kst();
    let cx = Context {
        lang: Lang::Ko,
        zone: &zone,
        now: at(NOW),
    };
    let b = banner::build(&f, &cx, &Options::default()).unwrap();
    assert_eq!(b.role, Role::Alert);
    assert_eq!(b.tone, Tone::Critical);
    assert_eq!(b.badge, "심각 · 장애");
    assert_eq!(b.title, "행정전산망 장애");
    assert_eq!(b.timing.as_deref(), Some("2시간 42분째"));
    assert_eq!(b.more.as_deref(), Some("외 2건"));
    let facts: Vec<(&str, &str)> = b
        .facts
        .iter()
        .map(|f| (f.label, f.value.as_str()))
        .collect();
    assert_eq!(
        facts,
        [
            ("영향 서비스", "새올"),
            (
                "복구 예상",
                "2023년 11월 20일 (월) 오전 9시 KST · 월요일 중 정상화 목표"
            ),
            ("최근 업데이트", "11월 19일 오후 6시 10분 — 복구 중"),
        ]
    );
    assert_eq!(b.link.unwrap().url.as_deref(), Some("https://example.org"));
}

#[test]
fn minor_outage_banner_in_english_is_a_status() {
    let f = feed_of(&[MINOR]);
    let zone = FixedZone::kst();
    let cx = Context {
        lang: Lang::En,
        zone: &zone,
        now: at(NOW),
    };
    let b = banner::build(&f, &cx, &Options::default()).unwrap();
    assert_eq!(b.role, Role::Status);
    assert_eq!(b.badge, "Minor · Outage");
    assert_eq!(b.timing.as_deref(), Some("for 42 min"));
    assert_eq!(b.more, None);
}

#[test]
fn affected_services_are_named_once_and_at_most_twenty_then_counted() {
    // 1,250 services; the outage lists each twice (once per region), plus two ids that share
    // one name. The banner names the first 20 ids' services once each, in feed order.
    let services: Vec<String> = (0..1_250)
        .map(|i| format!(r#"{{"id":"s{i}","name":"서비스{i}"}}"#))
        .chain([
            r#"{"id":"api-kr","name":"API"}"#.into(),
            r#"{"id":"api-jp","name":"API"}"#.into(),
        ])
        .collect();
    let impacts: Vec<String> = ["api-kr".to_string(), "api-jp".to_string()]
        .into_iter()
        .chain((0..1_250).flat_map(|i| [format!("s{i}"), format!("s{i}")]))
        .map(|id| format!(r#"{{"service":"{id}","status":"down"}}"#))
        .collect();
    let f = feed::parse(&format!(
        r#"{{"version":1,"publisher":{{"name":"p"}},"services":[{}],
        "incidents":[{{"id":"wide","kind":"outage","status":"identified","title":"t",
          "started_at":"2023-11-19T16:00:00+09:00","impacts":[{}]}}]}}"#,
        services.join(","),
        impacts.join(",")
    ))
    .unwrap();
    let zone = FixedZone::kst();
    let affected = |lang| {
        let cx = Context {
            lang,
            zone: &zone,
            now: at(NOW),
        };
        let b = banner::build(&f, &cx, &Options::default()).unwrap();
        b.facts[0].value.clone()
    };
    let listed: Vec<String> = (0..18).map(|i| format!("서비스{i}")).collect();
    assert_eq!(
        affected(Lang::Ko),
        format!("API, {} 외 1,232개", listed.join(", "))
    );
    assert!(affected(Lang::En).ends_with("서비스17 and 1,232 more"));
}

#[test]
fn upcoming_maintenance_says_when_it_starts_and_ends() {
    let f = feed_of(&[UPCOMING]);
    let zone = FixedZone::kst();
    let cx = Context {
        lang: Lang::Ko,
        zone: &zone,
        now: at(NOW),
    };
    let b = banner::build(&f, &cx, &Options::default()).unwrap();
    assert_eq!(b.tone, Tone::Maintenance);
    assert_eq!(
        b.timing.as_deref(),
        Some("시작 예정: 2023년 11월 21일 (화) 오전 12시 KST")
    );
    assert_eq!(b.facts[0].value, "2023년 11월 21일 (화) 오전 6시 KST");
}

#[test]
fn feed_text_is_never_interpreted() {
    let xss = r#"{"id":"x","kind":"outage","status":"identified","title":"<img src=x onerror=alert(1)>","started_at":"2023-11-19T18:00:00+09:00","links":[{"title":"bad","url":"javascript:alert(1)"}]}"#;
    let f = feed::parse(&format!(
        r#"{{"version":1,"publisher":{{"name":"p","url":" JavaScript:alert(2)"}},"incidents":[{xss}]}}"#
    ))
    .unwrap();
    let zone = FixedZone::kst();
    let cx = Context {
        lang: Lang::Ko,
        zone: &zone,
        now: at(NOW),
    };
    let b = banner::build(&f, &cx, &Options::default()).unwrap();
    assert_eq!(b.title, "<img src=x onerror=alert(1)>");
    assert_eq!(b.link, None, "no javascript: link survives");
}

#[test]
fn dismissal_hides_until_a_new_update_or_a_severity_rise() {
    let zone = FixedZone::kst();
    let cx = Context {
        lang: Lang::Ko,
        zone: &zone,
        now: at(NOW),
    };
    let f = feed_of(&[CRITICAL, MINOR]);
    let first = banner::build(&f, &cx, &Options::default()).unwrap();
    let key = first.dismiss_key.clone().unwrap();
    let closed = Options {
        dismissed: vec![key.clone()],
        ..Options::default()
    };
    let next = banner::build(&f, &cx, &closed).unwrap();
    assert_eq!(
        next.incident_id, "minor",
        "the next current item takes its place"
    );
    assert_eq!(next.more, None);

    let updated = feed_of(&[
        &CRITICAL.replace(
            r#""text":"복구 중"}"#,
            r#""text":"복구 중"},{"at":"2023-11-19T18:40:00+09:00","text":"새 소식"}"#,
        ),
        MINOR,
    ]);
    assert_eq!(
        banner::build(&updated, &cx, &closed).unwrap().incident_id,
        "critical",
        "a new update brings it back"
    );

    let minor_key = banner::dismiss_key(&f.incidents[1]);
    let raised = feed_of(&[&MINOR.replace(r#""severity":"minor""#, r#""severity":"major""#)]);
    let closed_minor = Options {
        dismissed: vec![minor_key],
        ..Options::default()
    };
    assert!(
        banner::build(&raised, &cx, &closed_minor).is_some(),
        "a severity rise brings it back"
    );
}

#[test]
fn critical_outages_can_be_kept_on_screen() {
    let zone = FixedZone::kst();
    let cx = Context {
        lang: Lang::Ko,
        zone: &zone,
        now: at(NOW),
    };
    let f = feed_of(&[CRITICAL]);
    let key = banner::dismiss_key(&f.incidents[0]);
    let options = Options {
        dismissible: Dismissible::NonCritical,
        dismissed: vec![key],
        ..Options::default()
    };
    let b = banner::build(&f, &cx, &options).unwrap();
    assert_eq!(
        b.incident_id, "critical",
        "a stale dismissal does not hide it"
    );
    assert_eq!(b.dismiss_key, None, "no close button");
    assert_eq!(
        Dismissible::from_attr(Some("non-critical")),
        Dismissible::NonCritical
    );
    assert_eq!(Dismissible::from_attr(Some("none")), Dismissible::Never);
    assert_eq!(Dismissible::from_attr(None), Dismissible::All);
}

#[test]
fn one_huge_string_keeps_the_banner_bounded() {
    let title = "장".repeat(50_000);
    let update = "업데이트".repeat(70_000 / 4);
    let huge = format!(
        r#"{{"id":"huge","kind":"outage","severity":"critical","status":"identified","title":"{title}","started_at":"2023-11-19T16:00:00+09:00",
        "updates":[{{"at":"2023-11-19T18:10:00+09:00","text":"{update}"}}]}}"#
    );
    let f = feed_of(&[&huge]);
    let zone = FixedZone::kst();
    let cx = Context {
        lang: Lang::Ko,
        zone: &zone,
        now: at(NOW),
    };
    let b = banner::build(&f, &cx, &Options::default()).unwrap();
    assert_eq!(b.title.chars().count(), incident_banner::view::TITLE_SHOWN);
    assert!(b.title.starts_with("장장장") && b.title.ends_with('…'));
    let latest = &b.facts.last().unwrap().value;
    assert_eq!(latest.chars().count(), incident_banner::view::FACT_SHOWN);
    assert!(latest.starts_with("11월 19일 오후 6시 10분 — 업데이트"));
    // A real title is shown whole.
    let f = feed_of(&[CRITICAL]);
    assert_eq!(
        banner::build(&f, &cx, &Options::default()).unwrap().title,
        "행정전산망 장애"
    );
}
