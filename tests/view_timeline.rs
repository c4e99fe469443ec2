//! The timeline of the seed incidents: the reporters' tables, rebuilt from the demo feeds.

use incident_banner::feed;
use incident_banner::i18n::Lang;
use incident_banner::time::{FixedZone, Instant};
use incident_banner::view::timeline::{self, TimelineView};
use incident_banner::view::Context;

fn at(s: &str) -> Instant {
    chrono::DateTime::parse_from_rfc3339(s).unwrap()
}

fn demo(name: &str) -> feed::Feed {
    let path = format!("{}/www/feeds/{name}", env!("CARGO_MANIFEST_DIR"));
    feed::parse(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn build(name: &str, lang: Lang, zone: &FixedZone, now: &str) -> TimelineView {
    let f = demo(name);
    timeline::build(
        &f,
        &Context {
            lang,
            zone,
            now: at(now),
        },
    )
}

#[test]
fn news_timeline_rebuilds_the_seed_tables_in_korean() {
    let t = build(
        "news-2023-07-18.json",
        Lang::Ko,
        &FixedZone::kst(),
        "2026-11-24T09:00:00+09:00",
    );
    assert_eq!(t.zone, "KST");
    let labels: Vec<&str> = t.days.iter().map(|d| d.label.as_str()).collect();
    assert_eq!(labels, ["2023년 7월 18일 (화)", "2023년 5월 8일 (월)"]);
    let day = &t.days[0];
    // Newest first: KakaoTalk (10:54) before Work24 (09:15).
    assert_eq!(day.incidents[0].title, "카카오톡 PC버전·다음 로그인 장애");
    let kakao = &day.incidents[0].impacts[0];
    assert_eq!(kakao.service.text, "카카오톡 PC버전");
    assert_eq!(
        (kakao.start.as_str(), kakao.recovery.as_str()),
        ("오전 10시 54분", "오후 12시 20분")
    );
    assert_eq!(kakao.duration, "1시간 26분");
    assert_eq!(
        kakao.recurrence.as_deref(),
        Some("지난 90일 동안 2번째 장애")
    );
    assert_eq!(
        day.incidents[0].impacts[1].recurrence, None,
        "Daum had no earlier outage"
    );

    let work24 = &day.incidents[1];
    let row = &work24.impacts[0];
    assert_eq!(row.service.text, "고용24");
    assert_eq!(row.service.url.as_deref(), Some("https://www.work24.go.kr"));
    assert_eq!(
        (
            row.start.as_str(),
            row.recovery.as_str(),
            row.duration.as_str()
        ),
        ("오전 9시 15분", "오전 11시 57분", "2시간 42분")
    );
    assert_eq!(row.level, "접속 불가");
    let facts: Vec<(&str, &str)> = work24
        .facts
        .iter()
        .map(|f| (f.label, f.value.as_str()))
        .collect();
    assert!(
        facts.contains(&("원인", "데이터베이스 서버 2대 중 1대 멈춤")),
        "{facts:?}"
    );
    assert!(facts.contains(&("총 지속 시간", "2시간 42분")), "{facts:?}");
    assert_eq!(work24.status, "복구 완료");
    assert_eq!(work24.workarounds.len(), 2);
    let update_times: Vec<&str> = work24.updates.iter().map(|u| u.at.as_str()).collect();
    assert_eq!(
        update_times,
        ["오전 9시 40분", "오전 11시", "오전 11시 57분"],
        "oldest first"
    );
}

#[test]
fn news_timeline_in_english() {
    let t = build(
        "news-2023-07-18.json",
        Lang::En,
        &FixedZone::kst(),
        "2026-11-24T09:00:00+09:00",
    );
    assert_eq!(t.days[0].label, "Tue 18 Jul 2023");
    let kakao = &t.days[0].incidents[0];
    assert_eq!(kakao.badge, "Major · Outage");
    assert_eq!(kakao.impacts[0].duration, "1 h 26 min");
    assert_eq!(
        kakao.impacts[0].recurrence.as_deref(),
        Some("2nd outage in 90 days")
    );
    assert_eq!(kakao.impacts[0].start, "10:54 AM");
}

#[test]
fn day_grouping_follows_the_display_zone() {
    // In UTC the 09:15 KST outage began on 18 July at 00:15, but the 10:54 KST one too;
    // in UTC-10 (Hawaii) both fall on 17 July.
    let hst = FixedZone {
        offset_seconds: -10 * 3600,
        abbr: "HST".into(),
    };
    let t = build(
        "news-2023-07-18.json",
        Lang::En,
        &hst,
        "2026-11-24T09:00:00+09:00",
    );
    assert_eq!(t.days[0].label, "Mon 17 Jul 2023");
    assert_eq!(t.days[0].incidents[1].impacts[0].start, "2:15 PM");
    assert_eq!(t.zone, "HST");
}

#[test]
fn times_on_another_day_than_the_group_carry_their_date() {
    // 정부24 went down on 17 Nov and came back on 18 Nov at 09:00.
    let t = build(
        "mois-2023-11.json",
        Lang::Ko,
        &FixedZone::kst(),
        "2023-11-19T18:40:00+09:00",
    );
    let inc = &t.days[0].incidents[0];
    let gov24 = inc
        .impacts
        .iter()
        .find(|r| r.service.text == "정부24")
        .unwrap();
    assert_eq!(
        (gov24.start.as_str(), gov24.recovery.as_str()),
        ("오후 1시 55분", "11월 18일 오전 9시")
    );
    assert_eq!(gov24.duration, "19시간 5분");
    let saeol = inc
        .impacts
        .iter()
        .find(|r| r.service.text == "새올행정시스템")
        .unwrap();
    assert_eq!(saeol.recovery, "복구 중");
    assert_eq!(saeol.duration, "2일 10시간째");
    let facts: Vec<(&str, &str)> = inc
        .facts
        .iter()
        .map(|f| (f.label, f.value.as_str()))
        .collect();
    assert!(
        facts.contains(&(
            "복구 예상",
            "2023년 11월 20일 (월) 오전 9시 KST · 월요일 중 정상화 목표"
        )),
        "{facts:?}"
    );
    assert!(facts.contains(&("지속 시간", "2일 10시간째")), "{facts:?}");
}

#[test]
fn durations_across_midnight_and_month_end() {
    let f = feed::parse(
        r#"{"version":1,"publisher":{"name":"p"},"incidents":[
      {"id":"a","kind":"outage","status":"resolved","title":"t",
       "started_at":"2023-10-31T23:30:00+09:00","ended_at":"2023-11-01T00:45:00+09:00",
       "impacts":[{"service":"s","status":"down"}]}]}"#,
    )
    .unwrap();
    let zone = FixedZone::kst();
    let t = timeline::build(
        &f,
        &Context {
            lang: Lang::Ko,
            zone: &zone,
            now: at("2023-11-02T00:00:00+09:00"),
        },
    );
    assert_eq!(t.days[0].label, "2023년 10월 31일 (화)");
    let row = &t.days[0].incidents[0].impacts[0];
    assert_eq!(
        (
            row.start.as_str(),
            row.recovery.as_str(),
            row.duration.as_str()
        ),
        ("오후 11시 30분", "11월 1일 오전 12시 45분", "1시간 15분")
    );
}

#[test]
fn unsafe_links_become_plain_text() {
    let f = feed::parse(r#"{"version":1,"publisher":{"name":"p"},"incidents":[
      {"id":"a","kind":"notice","status":"identified","title":"t",
       "workarounds":[{"text":"w","url":"javascript:alert(1)"},{"text":"ok","url":"https://www.gov.kr"}],
       "links":[{"title":"d","url":"data:text/html,<script>alert(1)</script>"}]}]}"#).unwrap();
    let zone = FixedZone::kst();
    let t = timeline::build(
        &f,
        &Context {
            lang: Lang::Ko,
            zone: &zone,
            now: at("2023-11-02T00:00:00+09:00"),
        },
    );
    let inc = &t.days[0].incidents[0];
    assert_eq!(t.days[0].label, "", "no time at all: an unlabelled group");
    assert_eq!(inc.workarounds[0].url, None);
    assert_eq!(
        inc.workarounds[1].url.as_deref(),
        Some("https://www.gov.kr")
    );
    assert_eq!(inc.links[0].url, None);
}

#[test]
fn big_feeds_are_shown_a_page_at_a_time() {
    let incidents: Vec<String> = (0..10_000)
        .map(|i| {
            format!(
                r#"{{"id":"i{i}","kind":"outage","status":"resolved","title":"장애 {i}","started_at":"2023-01-01T00:00:00+09:00","ended_at":"2023-01-01T01:00:00+09:00","impacts":[{{"service":"s","status":"down"}}]}}"#
            )
        })
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
        now: at("2023-11-19T18:40:00+09:00"),
    };
    let started = std::time::Instant::now();
    let t = timeline::build_page(&f, &cx, 1);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(2),
        "a page of a 10,000-incident feed is cheap"
    );
    let shown: usize = t.days.iter().map(|d| d.incidents.len()).sum();
    // Each with a row in the day's chart, besides its card: fewer than the most a page holds.
    assert!(shown > 10 && shown <= timeline::PAGE, "{shown} incidents");
    assert_eq!(
        t.more,
        Some(format!(
            "더 보기 ({}건 남음)",
            incident_banner::i18n::thousands(10_000 - shown)
        ))
    );
    let all = timeline::build_page(
        &f,
        &Context {
            lang: Lang::En,
            ..cx
        },
        2,
    );
    assert_eq!(
        all.more,
        Some(format!(
            "Show more ({} left)",
            incident_banner::i18n::thousands(10_000 - 2 * shown)
        ))
    );
    assert_eq!(
        timeline::build(
            &feed::parse(r#"{"version":1,"publisher":{"name":"p"},"incidents":[]}"#).unwrap(),
            &cx
        )
        .more,
        None
    );
}

/// One incident of `n` updates, impacts, workarounds and links each (a feed no publisher
/// should write, and one the widget must survive).
fn crowded_incident(id: usize, n: usize) -> String {
    let list = |f: &dyn Fn(usize) -> String| (0..n).map(f).collect::<Vec<_>>().join(",");
    format!(
        r#"{{"id":"c{id}","kind":"outage","status":"identified","title":"붐비는 장애 {id}","started_at":"2023-01-01T00:00:00+09:00",
        "impacts":[{}],"workarounds":[{}],"links":[{}],"updates":[{}]}}"#,
        list(&|i| format!(r#"{{"service":"s{i}","status":"down"}}"#)),
        list(&|i| format!(r#"{{"text":"방법 {i}"}}"#)),
        list(&|i| format!(r#"{{"title":"자료 {i}","url":"https://example.org/{i}"}}"#)),
        list(&|i| format!(
            r#"{{"at":"2023-01-01T{:02}:{:02}:00+09:00","text":"업데이트 {i}"}}"#,
            i / 60 % 24,
            i % 60
        )),
    )
}

/// The day after the crowded incidents began, in `lang`.
fn after_crowding(zone: &FixedZone, lang: Lang) -> Context<'_> {
    Context {
        lang,
        zone,
        now: at("2023-01-02T00:00:00+09:00"),
    }
}

/// The ids of the incidents a timeline shows, in order.
fn ids(t: &TimelineView) -> Vec<String> {
    t.incidents().map(|i| i.id.clone()).collect()
}

fn crowded_feed(incidents: usize, n: usize) -> feed::Feed {
    let list: Vec<String> = (0..incidents).map(|i| crowded_incident(i, n)).collect();
    feed::parse(&format!(
        r#"{{"version":1,"publisher":{{"name":"p"}},"incidents":[{}]}}"#,
        list.join(",")
    ))
    .unwrap()
}

#[test]
fn long_lists_show_their_first_rows_and_the_latest_updates_with_a_count_of_the_rest() {
    let f = crowded_feed(1, 1_000);
    let zone = FixedZone::kst();
    let cx = after_crowding(&zone, Lang::Ko);
    let page = timeline::build_page(&f, &cx, 1);
    let inc = &page.days[0].incidents[0];
    assert_eq!(inc.impacts.len(), timeline::LIST_ROWS);
    assert_eq!(inc.impacts[0].service.text, "s0");
    assert_eq!(inc.updates.len(), timeline::LIST_ROWS);
    assert_eq!(
        inc.updates[0].text, "업데이트 980",
        "the latest 20, oldest first"
    );
    assert_eq!(inc.updates[19].text, "업데이트 999");
    assert_eq!(
        inc.first_update, 981,
        "the list counts on from the updates left out"
    );
    let lines = &inc.not_shown;
    for line in [
        &lines.impacts,
        &lines.workarounds,
        &lines.updates,
        &lines.links,
    ] {
        assert_eq!(line.as_deref(), Some("980건 더 있음 (표시하지 않음)"));
    }
    assert!(inc.elements() < timeline::PAGE_ELEMENTS);
    // The command-line tool's static page keeps every row.
    let all = timeline::build(&f, &cx);
    let inc = &all.days[0].incidents[0];
    assert_eq!((inc.updates.len(), inc.impacts.len()), (1_000, 1_000));
    assert_eq!(inc.not_shown, Default::default());
    assert_eq!(all.last_page, 1, "no pages: past the one incident");
}

#[test]
fn pages_before_those_shown_are_measured_as_their_views() {
    // The incidents of dropped pages are measured without building their views (debug
    // builds check each shown view against that measure). Lists one row under, at and over
    // the limit: only the last has a line counting the rest.
    let zone = FixedZone::kst();
    let cx = after_crowding(&zone, Lang::Ko);
    for n in [
        timeline::LIST_ROWS - 1,
        timeline::LIST_ROWS,
        timeline::LIST_ROWS + 1,
    ] {
        let f = crowded_feed(9, n);
        let first = timeline::build_page(&f, &cx, 1);
        let per_page = ids(&first).len();
        assert!((1..4).contains(&per_page), "{n} rows: {per_page} per page");
        let lines = &first.days[0].incidents[0].not_shown;
        assert_eq!(lines.updates.is_some(), n > timeline::LIST_ROWS, "{n} rows");
        assert_eq!(lines.impacts.is_some(), n > timeline::LIST_ROWS, "{n} rows");
        for page in 2..=4 {
            let shown = ids(&timeline::build_page(&f, &cx, page));
            let expected: Vec<String> = (per_page * (page - 2)..(per_page * page).min(9))
                .map(|i| format!("c{i}"))
                .collect();
            assert_eq!(shown, expected, "{n} rows, page {page}");
        }
    }
}

#[test]
fn a_page_ends_before_its_element_budget_runs_out() {
    let f = crowded_feed(30, 40);
    let zone = FixedZone::kst();
    let cx = after_crowding(&zone, Lang::En);
    let shown = |t: &TimelineView| -> Vec<usize> { t.incidents().map(|i| i.elements()).collect() };
    let first = shown(&timeline::build_page(&f, &cx, 1));
    assert!(
        first.len() < timeline::PAGE,
        "crowded incidents: fewer per page ({})",
        first.len()
    );
    assert!(first.iter().sum::<usize>() <= timeline::PAGE_ELEMENTS);
    let two = timeline::build_page(&f, &cx, 2);
    let second = shown(&two);
    assert_eq!(
        second.len(),
        2 * first.len(),
        "each page the same size here"
    );
    assert_eq!(
        two.more,
        Some(format!("Show more ({} left)", 30 - second.len()))
    );
}

#[test]
fn past_two_pages_the_newest_page_is_dropped_and_offered_back() {
    let f = crowded_feed(30, 40);
    let zone = FixedZone::kst();
    let cx = after_crowding(&zone, Lang::Ko);
    let elements = |t: &TimelineView| -> usize { t.incidents().map(|i| i.elements()).sum() };
    let pages: Vec<TimelineView> = (1..=4).map(|p| timeline::build_page(&f, &cx, p)).collect();
    let per_page = ids(&pages[0]).len();
    assert!(
        per_page > 0 && per_page < 15,
        "several pages here: {per_page} per page"
    );
    assert_eq!(pages[0].newer, None);
    assert_eq!(pages[1].newer, None, "two pages still show the newest");
    // Where reading goes on after "더 보기": the last page's first incident.
    let last_pages: Vec<usize> = pages.iter().map(|p| p.last_page).collect();
    assert_eq!(last_pages, [0, per_page, per_page, per_page]);
    assert_eq!(
        ids(&pages[3])[per_page],
        ids(&timeline::build_page(&f, &cx, 5))[0],
        "page 4 begins where page 5's view begins"
    );
    assert_eq!(ids(&pages[1])[..per_page], ids(&pages[0])[..]);
    // Page 3: pages 2 and 3 shown, page 1 offered back above.
    assert_eq!(
        ids(&pages[2]),
        ids(&pages[1])[per_page..]
            .to_vec()
            .into_iter()
            .chain(ids(&pages[3])[..per_page].iter().cloned())
            .collect::<Vec<_>>()
    );
    assert_eq!(
        pages[2].newer.as_deref(),
        Some(format!("최근 사건 보기 ({per_page}건 남음)").as_str())
    );
    // What the live region says after the button: which incidents are shown now.
    assert_eq!(
        pages[0].showing,
        Some(format!("1–{per_page}번째 사건 표시 중 (모두 30건)"))
    );
    assert_eq!(
        pages[2].showing,
        Some(format!(
            "{}–{}번째 사건 표시 중 (모두 30건)",
            per_page + 1,
            3 * per_page
        ))
    );
    let en = timeline::build_page(
        &f,
        &Context {
            lang: Lang::En,
            ..cx
        },
        2,
    );
    assert_eq!(
        en.showing,
        Some(format!("Showing incidents 1–{} of 30", 2 * per_page))
    );
    assert_eq!(
        timeline::build(&f, &cx).showing,
        None,
        "the static page has no buttons"
    );
    assert_eq!(
        pages[3].more,
        Some(format!("더 보기 ({}건 남음)", 30 - 4 * per_page))
    );
    for (i, page) in pages.iter().enumerate() {
        assert!(
            elements(page) <= timeline::PAGES_SHOWN * timeline::PAGE_ELEMENTS,
            "page {}: {} elements",
            i + 1,
            elements(page)
        );
    }
    // However far the reader goes, the same bound.
    let far = timeline::build_page(&f, &cx, 1_000);
    assert!(elements(&far) <= timeline::PAGES_SHOWN * timeline::PAGE_ELEMENTS);
    assert_eq!(far.more, None);
    assert!(!ids(&far).is_empty(), "the last pages, not nothing");
    assert_eq!(
        far.page,
        30_usize.div_ceil(per_page),
        "the feed's last page, not 1,000"
    );
    assert_eq!(pages[3].page, 4);
}

#[test]
fn recurrence_counts_outages_up_to_exactly_ninety_days_before() {
    let outage = |id: &str, start: &str| {
        format!(
            r#"{{"id":"{id}","kind":"outage","status":"resolved","title":"t","started_at":"{start}",
            "impacts":[{{"service":"s","status":"down"}}]}}"#
        )
    };
    let feed_of = |earlier: &str| {
        feed::parse(&format!(
            r#"{{"version":1,"publisher":{{"name":"p"}},"services":[{{"id":"s","name":"s"}}],
            "incidents":[{},{}]}}"#,
            outage("now", "2023-07-18T10:54:00+09:00"),
            outage("before", earlier)
        ))
        .unwrap()
    };
    let zone = FixedZone::kst();
    let cx = Context {
        lang: Lang::En,
        zone: &zone,
        now: at("2023-07-19T00:00:00+09:00"),
    };
    let recurrence = |earlier: &str| {
        let t = timeline::build(&feed_of(earlier), &cx);
        let now = t.incidents().find(|i| i.id == "now");
        now.unwrap().impacts[0].recurrence.clone()
    };
    assert_eq!(
        recurrence("2023-04-19T10:54:00+09:00").as_deref(),
        Some("2nd outage in 90 days"),
        "exactly 90 days before"
    );
    assert_eq!(
        recurrence("2023-04-19T10:53:59+09:00"),
        None,
        "a second more"
    );
    assert_eq!(recurrence("2023-07-18T10:54:01+09:00"), None, "later");
    // The same instant in another offset: neither began before the other.
    assert_eq!(
        recurrence("2023-07-18T01:54:00Z"),
        None,
        "at the same instant"
    );
}

#[test]
fn each_row_counts_every_earlier_outage_of_its_service_once() {
    let outage = |id: &str, kind: &str, start: &str, services: &[&str]| {
        let impacts: Vec<String> = services
            .iter()
            .map(|s| format!(r#"{{"service":"{s}","status":"down"}}"#))
            .collect();
        format!(
            r#"{{"id":"{id}","kind":"{kind}","status":"resolved","title":"t","started_at":"{start}",
            "impacts":[{}]}}"#,
            impacts.join(",")
        )
    };
    let f = feed::parse(&format!(
        r#"{{"version":1,"publisher":{{"name":"p"}},
        "services":[{{"id":"a","name":"A"}},{{"id":"b","name":"B"}},{{"id":"a","name":"A again"}}],
        "incidents":[{}]}}"#,
        [
            outage(
                "now",
                "outage",
                "2023-07-18T10:00:00Z",
                &["a", "b", "a", "c", "z"]
            ),
            outage("e1", "outage", "2023-07-17T10:00:00Z", &["a", "a", "b"]),
            outage("e2", "outage", "2023-07-16T10:00:00Z", &["b", "z"]),
            outage("work", "maintenance", "2023-07-15T10:00:00Z", &["c"]),
            // The same id again (validation warns): the same outage, not an earlier one.
            outage("now", "outage", "2023-07-14T10:00:00Z", &["b"]),
            outage("old", "outage", "2023-03-01T10:00:00Z", &["c"]),
        ]
        .join(",")
    ))
    .unwrap();
    let zone = FixedZone::kst();
    let cx = Context {
        lang: Lang::En,
        zone: &zone,
        now: at("2023-07-19T00:00:00Z"),
    };
    for t in [timeline::build(&f, &cx), timeline::build_page(&f, &cx, 1)] {
        let now = t.incidents().find(|i| i.id == "now").unwrap();
        let rows: Vec<(&str, Option<&str>)> = now
            .impacts
            .iter()
            .map(|r| (r.service.text.as_str(), r.recurrence.as_deref()))
            .collect();
        assert_eq!(
            rows,
            [
                ("A", Some("2nd outage in 90 days")),
                ("B", Some("3rd outage in 90 days")),
                ("A", Some("2nd outage in 90 days")),
                ("c", None),
                ("z", Some("2nd outage in 90 days")),
            ],
            "e1 lists a twice and counts once; maintenance, outages before the window and \
             the outage's own id again do not count; the first declaration of a name wins; \
             undeclared ids read as is"
        );
    }
}

#[test]
fn page_of_finds_the_page_that_shows_an_incident() {
    let f = incident_banner::feed::parse(include_str!("../www/feeds/archive.json")).unwrap();
    let zone = incident_banner::time::FixedZone::kst();
    let cx = incident_banner::view::Context {
        lang: incident_banner::i18n::Lang::Ko,
        zone: &zone,
        now: chrono::DateTime::parse_from_rfc3339("2023-12-31T00:00:00+09:00").unwrap(),
    };
    let mut pages_seen = 0;
    for inc in &f.incidents {
        let page = timeline::page_of(&f, &cx, &inc.id).unwrap();
        let view = timeline::build_page(&f, &cx, page);
        assert!(
            view.incidents().any(|v| v.id == inc.id),
            "{} on page {page}",
            inc.id
        );
        pages_seen = pages_seen.max(page);
    }
    assert!(pages_seen >= 3, "the archive spans pages");
    assert_eq!(timeline::page_of(&f, &cx, "no-such-incident"), None);
}

#[test]
fn a_days_chart_is_counted_even_when_its_first_incident_has_no_services() {
    // The newest incident of the day is a notice without services; the rest have `k`
    // services each, so the day's chart exists and its frame must count against the page's
    // budget. Some `k` leave less room on a full page than the frame takes.
    for k in 1..=12 {
        let outage = |i: usize| {
            let impacts: Vec<String> = (0..k)
                .map(|s| format!(r#"{{"service":"s{s}","status":"down"}}"#))
                .collect();
            format!(
                r#"{{"id":"o{i}","kind":"outage","status":"resolved","title":"장애 {i}","started_at":"2023-01-01T{:02}:00:00+09:00","ended_at":"2023-01-01T{:02}:30:00+09:00","impacts":[{}]}}"#,
                i % 20,
                i % 20,
                impacts.join(",")
            )
        };
        let mut incidents: Vec<String> = (0..19).map(outage).collect();
        incidents.push(
            r#"{"id":"n","kind":"notice","status":"resolved","title":"안내","started_at":"2023-01-01T23:00:00+09:00"}"#
                .to_string(),
        );
        let f = feed::parse(&format!(
            r#"{{"version":1,"publisher":{{"name":"p"}},"incidents":[{}]}}"#,
            incidents.join(",")
        ))
        .unwrap();
        let zone = FixedZone::kst();
        let cx = Context {
            lang: Lang::Ko,
            zone: &zone,
            now: at("2023-01-02T00:00:00+09:00"),
        };
        let page = timeline::build_page(&f, &cx, 1);
        assert_eq!(page.incidents().next().map(|i| i.id.as_str()), Some("n"));
        assert!(page.days[0].chart.is_some());
        let counted: usize = page.incidents().map(|i| i.elements()).sum::<usize>()
            + incident_banner::view::chart::FRAME;
        assert!(
            counted <= timeline::PAGE_ELEMENTS,
            "{k} services each: {} incidents, {counted} elements",
            page.incidents().count()
        );
        let last = page.incidents().last().unwrap().id.clone();
        assert_eq!(
            timeline::page_of(&f, &cx, &last),
            Some(1),
            "page_of agrees with build_page"
        );
    }
}
