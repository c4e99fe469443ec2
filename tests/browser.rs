//! The DOM layer in headless Chromium (wasm-bindgen-test): display zones from `Intl`, and
//! view models rendered into shadow roots exactly as a reader would see them.
#![cfg(target_arch = "wasm32")]

use incident_banner::dom::{render, style, zone, zone::IntlZone};
use incident_banner::feed;
use incident_banner::i18n::Lang;
use incident_banner::time::{Instant, Zone};
use incident_banner::view::{banner, markup, timeline, Context};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, ShadowRoot, ShadowRootInit, ShadowRootMode};

wasm_bindgen_test_configure!(run_in_browser);

fn at(s: &str) -> Instant {
    chrono::DateTime::parse_from_rfc3339(s).unwrap()
}

/// A shadow root with the widget's stylesheet, and the container views render into.
fn shadow_host() -> (ShadowRoot, Element) {
    let doc = web_sys::window().unwrap().document().unwrap();
    let host = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&host).unwrap();
    let root = host
        .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
        .unwrap();
    style::adopt(&root);
    let content = doc.create_element("div").unwrap();
    root.append_child(&content).unwrap();
    (root, content)
}

fn query(root: &ShadowRoot, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
}

fn all_text(root: &ShadowRoot, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

/// Feed text that looks like markup, and links with unsafe schemes.
const XSS_FEED: &str = include_str!("fixtures/hostile-feed.json");

#[wasm_bindgen_test]
fn intl_zone_names_korea_and_follows_daylight_saving_elsewhere() {
    let seoul = IntlZone::new(Some("Asia/Seoul")).expect("Chromium knows Asia/Seoul");
    let info = seoul.at(&at("2023-07-18T01:54:00Z"));
    assert_eq!((info.offset_seconds, info.abbr.as_str()), (9 * 3600, "KST"));
    let ny = IntlZone::new(Some("America/New_York")).unwrap();
    assert_eq!(ny.at(&at("2023-07-18T12:00:00Z")).offset_seconds, -4 * 3600);
    assert_eq!(ny.at(&at("2023-01-18T12:00:00Z")).abbr, "EST");
    let india = IntlZone::new(Some("Asia/Kolkata")).unwrap();
    assert_eq!(india.at(&at("2023-01-18T12:00:00Z")).abbr, "UTC+5:30");
    assert!(
        IntlZone::new(Some("Mars/Olympus_Mons")).is_none(),
        "unknown zones fall back"
    );
}

#[wasm_bindgen_test]
fn steady_zones_agree_with_intl_after_and_before_their_last_change() {
    let named = zone::named(Some("Asia/Seoul")).unwrap();
    let intl = IntlZone::new(Some("Asia/Seoul")).unwrap();
    // Today without Intl; in Korea's 1988 summer time (UTC+10) through it.
    for t in [
        "2023-07-18T01:54:00Z",
        "1988-07-01T00:00:00Z",
        "1988-10-08T16:59:59Z",
    ] {
        assert_eq!(named.at(&at(t)), intl.at(&at(t)), "{t}");
    }
    assert_eq!(
        named.at(&at("1988-07-01T00:00:00Z")).offset_seconds,
        10 * 3600
    );
    assert!(zone::named(Some("Mars/Olympus_Mons")).is_none());
}

#[wasm_bindgen_test]
fn banner_renders_feed_text_as_text_with_the_right_role() {
    let f = feed::parse(XSS_FEED).unwrap();
    let zone = IntlZone::new(Some("Asia/Seoul")).unwrap();
    let cx = Context {
        lang: Lang::Ko,
        zone: &zone,
        now: at("2023-11-19T18:42:00+09:00"),
    };
    let view = banner::build(&f, &cx, &banner::Options::default()).unwrap();
    let (root, content) = shadow_host();
    render::show(
        &content,
        &markup::banner(Some(&view), Lang::Ko.messages().labels(), None),
    )
    .unwrap();
    // The head alone is the live region: one short line, not every fact.
    let head = query(&root, ".head");
    assert_eq!(head.get_attribute("role").as_deref(), Some("alert"));
    assert_eq!(query(&root, "section").get_attribute("role"), None);
    assert_eq!(
        query(&root, ".title").text_content().as_deref(),
        Some("<img src=x onerror=alert(1)>")
    );
    assert!(
        root.query_selector("img").unwrap().is_none(),
        "no element from feed text"
    );
    assert_eq!(
        query(&root, ".timing").text_content().as_deref(),
        Some("2시간 42분째")
    );
    assert!(
        root.query_selector("a").unwrap().is_none(),
        "javascript: publisher URL is not linked"
    );
    let title = query(&root, ".title")
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap();
    assert!(
        title.offset_height() > 0,
        "the stylesheet leaves the title visible"
    );
}

#[wasm_bindgen_test]
fn empty_banner_renders_nothing_in_place_of_the_last_one() {
    let (_, content) = shadow_host();
    render::show(&content, &markup::message("…", "notice")).unwrap();
    assert_eq!(content.child_element_count(), 1);
    render::show(
        &content,
        &markup::banner(None, Lang::En.messages().labels(), None),
    )
    .unwrap();
    assert_eq!(content.child_element_count(), 0);
}

#[wasm_bindgen_test]
fn timeline_renders_a_table_and_only_http_links() {
    let f = feed::parse(XSS_FEED).unwrap();
    let zone = IntlZone::new(Some("Asia/Seoul")).unwrap();
    let cx = Context {
        lang: Lang::En,
        zone: &zone,
        now: at("2023-11-19T18:42:00+09:00"),
    };
    let (root, content) = shadow_host();
    let view = timeline::build(&f, &cx);
    let nodes = markup::timeline(&view, Lang::En, Some("Last update failed"));
    render::show(&content, &nodes).unwrap();
    assert_eq!(
        content.query_selector_all("*").unwrap().length() as usize,
        nodes.elements(),
        "the page holds the elements the markup counts (its budget), no more"
    );
    assert_eq!(all_text(&root, "h2"), ["Sun 19 Nov 2023"]);
    assert_eq!(
        all_text(&root, "thead th"),
        [
            "Service",
            "Status",
            "Failed (KST)",
            "Recovered (KST)",
            "Duration"
        ]
    );
    assert_eq!(all_text(&root, "tbody th"), ["<b>서비스</b>"]);
    assert_eq!(
        all_text(&root, "tbody td"),
        ["Down", "4:00 PM", "Ongoing", "for 2 h 42 min"]
    );
    let hrefs: Vec<String> = {
        let list = root.query_selector_all("a").unwrap();
        (0..list.length())
            .map(|i| {
                list.item(i)
                    .unwrap()
                    .dyn_into::<Element>()
                    .unwrap()
                    .get_attribute("href")
                    .unwrap()
            })
            .collect()
    };
    assert_eq!(
        hrefs,
        ["#incident-x", "https://www.gov.kr", "https://www.gov.kr"],
        "the incident's own link, then the service and the good workaround"
    );
    assert_eq!(all_text(&root, ".error"), ["Last update failed"]);
}

/// The heap grows the linear memory a quarter (at least 1 MB) at a time: 32 MB allocated in
/// 64 KB pieces takes a handful of `memory.grow` calls, not one per piece (talc's own wasm
/// source took ~500, a measurable part of reading a 9 MB feed).
#[wasm_bindgen_test]
fn the_heap_grows_the_memory_in_large_steps() {
    let pages = || core::arch::wasm32::memory_size::<0>();
    let before = pages();
    let (mut grows, mut last) = (0, before);
    let mut kept: Vec<Vec<u8>> = Vec::new();
    for _ in 0..512 {
        kept.push(vec![1; 64 * 1024 - 64]);
        if pages() != last {
            grows += 1;
            last = pages();
        }
    }
    assert!(
        last - before >= 500,
        "32 MB allocated: {before} → {last} pages"
    );
    assert!(grows <= 20, "{grows} memory.grow calls for 32 MB");
    assert_eq!(
        kept.iter().map(|v| v.len()).sum::<usize>(),
        512 * (64 * 1024 - 64)
    );
}

/// Every demo feed and fixture, as text.
const FEEDS: [&str; 9] = [
    include_str!("../www/feeds/archive.json"),
    include_str!("../www/feeds/kakao-2023-07.json"),
    include_str!("../www/feeds/moel-2023-07-18.json"),
    include_str!("../www/feeds/mois-2023-11.json"),
    include_str!("../www/feeds/mois-maintenance.json"),
    include_str!("../www/feeds/news-2023-07-18.json"),
    include_str!("../www/feeds/test/xss.json"),
    include_str!("fixtures/hostile-feed.json"),
    include_str!("fixtures/statuspage/summary.json"),
];

#[wasm_bindgen_test]
fn the_browsers_reader_and_serde_json_read_the_same_feeds() {
    use incident_banner::dom::document;
    for text in FEEDS {
        let native = incident_banner::adapters::read(text.as_bytes()).unwrap();
        // The bytes as the widget reads a response, and the object as a page hands it over.
        let from_bytes = document::from_bytes(text.as_bytes()).unwrap();
        let object = js_sys::JSON::parse(text).unwrap();
        let from_value = document::from_value(object).unwrap();
        assert_eq!(from_bytes, native);
        assert_eq!(from_value, native);
        assert!(!native.feed.incidents.is_empty());
    }
}

#[wasm_bindgen_test]
fn a_page_object_json_cannot_say_is_an_error_not_an_exception() {
    use incident_banner::dom::document;
    let cycle = js_sys::Object::new();
    js_sys::Reflect::set(&cycle, &"self".into(), &cycle).unwrap();
    let e = document::from_value(cycle.into()).unwrap_err();
    assert!(
        matches!(e.first().kind, feed::ErrorKind::NotJson { .. }),
        "{e}"
    );
    let e = document::from_value(wasm_bindgen::JsValue::UNDEFINED).unwrap_err();
    assert_eq!(e.to_string(), "expected an object, found another type");
}

#[wasm_bindgen_test]
fn an_unreadable_incident_is_left_out_with_its_path_in_the_browser_too() {
    use incident_banner::dom::document;
    let text = r#"{"version":1,"publisher":{"name":"p"},"incidents":[
        {"id":"a","kind":"outage","status":"identified","title":"정부24"},
        {"id":"b","kind":"outage","status":"identified","title":{"ko":5}},
        {"id":"c","kind":"outage","status":"identified","title":"t","updates":[{"at":"2023-11-17T08:40:00+09:00","text":"x"},{"at":"2023-11-31T08:40:00+09:00","text":"y"}]},
        {"id":"d","kind":"outage","status":"identified"},
        {"id":"e","kind":"outage","status":"identified","title":"렌트홈","impacts":"gov24"}]}"#;
    // The paths and messages are checked natively (tests/feed_json.rs); here, that the
    // wasm finds the same, from bytes and from the page's object.
    let doc = document::from_bytes(text.as_bytes()).unwrap();
    let paths: Vec<&str> = doc.skipped.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "incidents[1].title.ko",
            "incidents[2].updates[1].at",
            "incidents[3].title",
            "incidents[4].impacts"
        ]
    );
    assert_eq!(
        incident_banner::adapters::read(text.as_bytes()).unwrap(),
        doc
    );
    let object = js_sys::JSON::parse(text).unwrap();
    assert_eq!(document::from_value(object).unwrap(), doc);
}

#[wasm_bindgen_test]
fn a_body_that_is_not_json_says_where_it_broke() {
    // The same reader as natively (tests/feed_json.rs has the cases): here, that the wasm
    // counts the column in characters too (장애 is two characters but six bytes).
    let e = incident_banner::dom::document::from_bytes("{\"장애\" 1}".as_bytes()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "not valid JSON at line 1, column 7: expected `:`"
    );
}
