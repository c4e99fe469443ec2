//! One chronology across publishers: the 18 July 2023 story from the two demo feeds.

use incident_banner::feed::{self, Feed};
use incident_banner::i18n::Lang;
use incident_banner::time::{FixedZone, Instant};
use incident_banner::view::{chronology, Context};

fn at(s: &str) -> Instant {
    chrono::DateTime::parse_from_rfc3339(s).unwrap()
}

fn seeds() -> Feed {
    let read = |name: &str| {
        feed::parse(
            &std::fs::read_to_string(format!("{}/www/feeds/{name}", env!("CARGO_MANIFEST_DIR")))
                .unwrap(),
        )
        .unwrap()
    };
    let (moel, kakao) = (read("moel-2023-07-18.json"), read("kakao-2023-07.json"));
    feed::merge(&[&moel, &kakao]).unwrap().into_owned()
}

/// Each line as `time what: incident [services] — text (publisher)`.
fn lines(view: &chronology::ChronologyView) -> Vec<String> {
    view.days
        .iter()
        .flat_map(|d| d.entries.iter().map(move |e| (d, e)))
        .map(|(d, e)| {
            format!(
                "{} {} {}: {} [{}] {} ({})",
                d.label, e.at, e.what, e.incident, e.services, e.text, e.publisher
            )
        })
        .collect()
}

#[test]
fn the_18_july_story_in_time_order_across_two_publishers() {
    let zone = FixedZone::kst();
    let cx = Context {
        lang: Lang::Ko,
        zone: &zone,
        now: at("2023-07-18T15:00:00+09:00"),
    };
    let view = chronology::build(&seeds(), &cx);
    let all = lines(&view);
    let day: Vec<&String> = all
        .iter()
        .filter(|l| l.starts_with("2023년 7월 18일"))
        .collect();
    // Starts and recoveries in the order a reporter would tell them.
    let find = |needle: &str| {
        day.iter()
            .position(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("{needle} in {day:#?}"))
    };
    let work24_down = find("오전 9시 15분 장애 시작: 고용24·워크넷·고용보험 접속 장애");
    let kakao_down = find("오전 10시 54분 장애 시작: 카카오톡 PC버전·다음 로그인 장애");
    let work24_back = find("오전 11시 57분 복구: 고용24·워크넷·고용보험 접속 장애");
    let kakao_back = find("오후 12시 20분 복구: 카카오톡 PC버전·다음 로그인 장애");
    assert!(
        work24_down < kakao_down && kakao_down < work24_back && work24_back < kakao_back,
        "{day:#?}"
    );
    // Who said it, and about which services.
    assert!(
        day[work24_down].ends_with("(고용노동부 (데모))"),
        "{}",
        day[work24_down]
    );
    assert!(
        day[work24_down].contains("[고용24, 워크넷, 고용보험"),
        "{}",
        day[work24_down]
    );
    assert!(
        day[kakao_back].ends_with("(카카오 (데모))"),
        "{}",
        day[kakao_back]
    );
    // The official updates are in it, each at its time.
    assert!(
        day.iter().any(|l| l.contains("원인 조사 중")
            && l.contains("고용24 등 고용·취업 사이트 접속 장애 확인")),
        "{day:#?}"
    );
    // Days in order, the May incident first.
    assert_eq!(view.days.first().unwrap().label, "2023년 5월 8일 (월)");
    assert_eq!(view.zone, "KST");
    assert_eq!(view.earlier, None);
    // Sorted: every line's instant is no earlier than the one before.
    let isos: Vec<Instant> = view
        .days
        .iter()
        .flat_map(|d| d.entries.iter().map(|e| at(&e.iso)))
        .collect();
    assert!(isos.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn a_recovery_not_yet_reached_is_not_told_and_another_zone_moves_the_days() {
    let zone = FixedZone::kst();
    // At 11:00 in Seoul, nothing was back yet.
    let cx = Context {
        lang: Lang::Ko,
        zone: &zone,
        now: at("2023-07-18T11:00:00+09:00"),
    };
    let all = lines(&chronology::build(&seeds(), &cx));
    assert!(
        !all.iter()
            .any(|l| l.starts_with("2023년 7월 18일") && l.contains(" 복구:")),
        "{all:#?}"
    );
    // In Los Angeles (UTC-7 in July), 09:15 KST is 17:15 the day before.
    let la = FixedZone::from_offset(-7 * 3600);
    let cx = Context {
        lang: Lang::En,
        zone: &la,
        now: at("2023-07-18T15:00:00+09:00"),
    };
    let view = chronology::build(&seeds(), &cx);
    let day = view
        .days
        .iter()
        .find(|d| d.entries.iter().any(|e| e.at == "5:15 PM"))
        .unwrap();
    assert_eq!(day.iso, "2023-07-17");
}

#[test]
fn a_huge_feed_shows_its_latest_lines() {
    let incidents: Vec<String> = (0..300)
        .map(|i| format!(r#"{{"id":"i{i}","kind":"outage","status":"resolved","title":"장애 {i}","started_at":"2023-07-{:02}T09:00:00+09:00","ended_at":"2023-07-{:02}T10:00:00+09:00"}}"#, i % 28 + 1, i % 28 + 1))
        .collect();
    let f = feed::parse(&format!(
        r#"{{"version":1,"publisher":{{"name":"p"}},"incidents":[{}]}}"#,
        incidents.join(",")
    ))
    .unwrap();
    let zone = FixedZone::kst();
    let cx = Context {
        lang: Lang::Ko,
        zone: &zone,
        now: at("2023-08-01T00:00:00+09:00"),
    };
    let view = chronology::build(&f, &cx);
    let shown: usize = view.days.iter().map(|d| d.entries.len()).sum();
    assert_eq!(shown, chronology::ENTRIES_SHOWN);
    assert!(view.earlier.is_some());
    assert_eq!(
        view.days.last().unwrap().iso,
        "2023-07-28",
        "the latest kept"
    );
}
