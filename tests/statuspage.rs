//! Statuspage v2 documents mapped into our feed, checked against hand-written fixtures
//! (tests/fixtures/statuspage/) and rendered through the same view models.

use incident_banner::adapters::{read, Format};
use incident_banner::feed::{Feed, ImpactLevel, Kind, Severity, Status};
use incident_banner::i18n::Lang;
use incident_banner::time::{FixedZone, Instant};
use incident_banner::view::{banner, timeline, Context};

fn fixture(name: &str) -> Feed {
    let path = format!(
        "{}/tests/fixtures/statuspage/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let incident_banner::adapters::Document { feed, format, .. } =
        read(&std::fs::read(path).unwrap()).unwrap();
    assert_eq!(format, Format::Statuspage, "{name}");
    feed
}

fn at(s: &str) -> Instant {
    chrono::DateTime::parse_from_rfc3339(s).unwrap()
}

#[test]
fn format_is_detected_from_the_document_not_the_url() {
    let ours = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/www/feeds/news-2023-07-18.json"
    ))
    .unwrap();
    assert_eq!(read(ours.as_bytes()).unwrap().format, Format::FeedV1);
    assert_eq!(
        read(br#"{"page":{"id":"x","name":"n"}}"#).unwrap().format,
        Format::Statuspage
    );
    let unknown = read(br#"{"hello":"world"}"#).unwrap_err();
    assert_eq!(
        unknown.first().path,
        "version",
        "an unknown object is named as a missing version"
    );
    assert!(read(b"[1,2]").is_err());
}

#[test]
fn summary_maps_page_components_groups_and_incidents() {
    let f = fixture("summary.json");
    assert_eq!(f.publisher.name.pick(Lang::En), "Kakao Status (fixture)");
    assert_eq!(f.publisher.time_zone.as_deref(), Some("Asia/Seoul"));
    let names: Vec<&str> = f.services.iter().map(|s| s.name.pick(Lang::En)).collect();
    assert_eq!(
        names,
        [
            "Messaging",
            "Messaging › KakaoTalk for PC",
            "Messaging › KakaoTalk mobile",
            "Daum portal login",
            "KakaoPay"
        ]
    );
    let ids: Vec<&str> = f.incidents.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["p31zjtct2jer", "odd1", "mnt-active", "mnt-upcoming"]);

    let login = &f.incidents[0];
    assert_eq!(
        (login.kind, login.severity(), login.status),
        (Kind::Outage, Severity::Major, Status::Identified)
    );
    assert_eq!(login.started_at, Some(at("2023-07-18T10:54:00+09:00")));
    assert_eq!(login.links[0].url, "https://stspg.example/abc");
    let updates: Vec<&str> = login
        .updates
        .iter()
        .map(|u| u.text.pick(Lang::En))
        .collect();
    assert_eq!(
        updates[0], "Some users cannot log in to KakaoTalk for PC and Daum.",
        "updates in time order"
    );
    assert!(
        updates[1].contains("\nEngineers are rerouting traffic.\n\n"),
        "line breaks kept"
    );
    // Transitions: Daum went partial at 10:58 and improved to degraded at 11:40, still open.
    let daum = login.impacts.iter().find(|i| i.service == "daum").unwrap();
    assert_eq!(
        (daum.level, daum.from, daum.until),
        (
            ImpactLevel::Partial,
            Some(at("2023-07-18T10:58:00+09:00")),
            None
        )
    );

    let odd = &f.incidents[1];
    assert_eq!(
        (odd.status, odd.severity()),
        (Status::Other, Severity::Info),
        "unknown status shown neutrally"
    );
    assert!(odd.updates.is_empty() && odd.impacts.is_empty() && odd.links.is_empty());

    let active = &f.incidents[2];
    assert_eq!(
        (active.kind, active.status),
        (Kind::Maintenance, Status::InProgress)
    );
    let window = active.scheduled.as_ref().unwrap();
    assert_eq!(
        (window.from, window.until),
        (
            at("2023-07-18T02:00:00+09:00"),
            Some(at("2023-07-18T14:00:00+09:00"))
        )
    );
    assert_eq!(active.impacts[0].level, ImpactLevel::Maintenance);
}

#[test]
fn resolved_incidents_get_recovery_times_from_their_updates() {
    let f = fixture("incidents.json");
    let old = f.incidents.iter().find(|i| i.id == "r7tq0kx8w2lm").unwrap();
    assert_eq!(
        old.status,
        Status::Resolved,
        "postmortem counts as resolved"
    );
    assert_eq!(old.ended_at, Some(at("2023-05-08T14:50:00+09:00")));
    let mobile = &old.impacts[0];
    // No display_at on the first update: created_at is used.
    assert_eq!(mobile.from, Some(at("2023-05-08T14:12:00+09:00")));
    assert_eq!(mobile.until, Some(at("2023-05-08T14:50:00+09:00")));
    assert_eq!(mobile.level, ImpactLevel::Degraded);
}

#[test]
fn every_endpoint_reads() {
    assert_eq!(fixture("unresolved.json").incidents.len(), 1);
    assert_eq!(
        fixture("upcoming.json").incidents[0].status,
        Status::Scheduled
    );
    assert_eq!(
        fixture("active.json").incidents[0].status,
        Status::InProgress
    );
    assert!(fixture("empty.json").incidents.is_empty());
    let status = fixture("status.json");
    assert_eq!(
        status.incidents.len(),
        1,
        "a page-wide indicator becomes a notice"
    );
    assert_eq!(
        (status.incidents[0].kind, status.incidents[0].severity()),
        (Kind::Notice, Severity::Minor)
    );
    assert_eq!(
        status.incidents[0].title.pick(Lang::Ko),
        "Minor Service Outage"
    );
}

#[test]
fn statuspage_documents_render_like_our_feeds() {
    let f = fixture("summary.json");
    let zone = FixedZone::kst();
    let cx = Context {
        lang: Lang::Ko,
        zone: &zone,
        now: at("2023-07-18T12:00:00+09:00"),
    };
    let b = banner::build(&f, &cx, &banner::Options::default()).unwrap();
    assert_eq!(b.title, "PC login failures");
    assert_eq!(b.timing.as_deref(), Some("1시간 6분째"));
    assert_eq!(b.more.as_deref(), Some("외 3건"));
    let t = timeline::build(&f, &cx);
    let login = t.incidents().find(|i| i.id == "p31zjtct2jer").unwrap();
    let row = &login.impacts[0];
    assert_eq!(
        (row.service.text.as_str(), row.start.as_str()),
        ("Messaging › KakaoTalk for PC", "오전 10시 58분")
    );
    assert_eq!(login.status, "원인 파악");
}

#[test]
fn tolerates_nulls_missing_fields_and_long_histories() {
    let mut incidents = Vec::new();
    for i in 0..500 {
        incidents.push(format!(
            r#"{{"id":"i{i}","name":null,"status":null,"impact":"weird","created_at":"2023-01-01T00:00:00Z","resolved_at":null,
               "incident_updates":[{{"status":"resolved","body":null,"created_at":"bad date"}}],"components":[{{"id":null}}]}}"#
        ));
    }
    let doc = format!(
        r#"{{"page":{{"name":null}},"components":null,"incidents":[{}]}}"#,
        incidents.join(",")
    );
    let incident_banner::adapters::Document {
        feed: f, format: _, ..
    } = read(doc.as_bytes()).unwrap();
    assert_eq!(f.incidents.len(), 500);
    assert_eq!(f.incidents[0].title.pick(Lang::En), "—");
    assert_eq!(f.publisher.name.pick(Lang::En), "Statuspage");
}

#[test]
fn components_and_incidents_are_taken_once_each_the_first_of_each_id() {
    // A component listed twice; a group named only inside an incident (not a group, then);
    // an incident in both lists; components without an id.
    let doc = r#"{"page":{"name":"P"},
      "components":[{"id":"g","name":"Group"},{"id":"b","name":"B","group_id":"g"},
                    {"id":"a","name":"A"},{"id":"b","name":"B again"}],
      "incidents":[{"id":"x","name":"X","status":"identified","impact":"minor",
                    "created_at":"2023-11-17T08:40:00Z",
                    "components":[{"id":"z","name":"Z","group_id":"y"},{"id":"y","name":"Y"},
                                  {"id":"a","name":"A from x"},{"id":"","name":"blank"},{"name":"none"}]}],
      "scheduled_maintenances":[{"id":"x","name":"X again","status":"scheduled",
                    "scheduled_for":"2023-11-18T08:40:00Z","components":[{"id":"m","name":"M","group_id":"b"}]},
                    {"id":"w","name":"W","status":"scheduled","scheduled_for":"2023-11-18T08:40:00Z"}]}"#;
    let incident_banner::adapters::Document {
        feed: f, format: _, ..
    } = read(doc.as_bytes()).unwrap();
    let services: Vec<(&str, &str)> = f
        .services
        .iter()
        .map(|s| (s.id.as_str(), s.name.pick(Lang::En)))
        .collect();
    assert_eq!(
        services,
        [
            ("g", "Group"),
            ("b", "Group › B"),
            ("a", "A"),
            ("z", "Z"),
            ("y", "Y"),
            ("m", "B › M"),
        ]
    );
    let incidents: Vec<(&str, &str)> = f
        .incidents
        .iter()
        .map(|i| (i.id.as_str(), i.title.pick(Lang::En)))
        .collect();
    assert_eq!(incidents, [("x", "X"), ("w", "W")]);
}
