//! The desk's actions (the CLI's `init`, `new`, `update`, `resolve`), replayed on the 18 July
//! 2023 Work24 outage, and every refusal leaving the draft as it was.

use incident_banner::desk::{self, ActionError, Field, NewIncident, PostUpdate, Resolve};
use incident_banner::feed;
use incident_banner::i18n::Lang;
use incident_banner::time::{parse_rfc3339, Instant};
use serde_json::{json, Value};

fn now() -> Instant {
    // 00:15 UTC is 09:15 in Seoul.
    parse_rfc3339("2023-07-18T00:15:00Z").unwrap()
}

fn opened() -> Value {
    let doc = desk::init("고용노동부", "Asia/Seoul").unwrap();
    let new = NewIncident {
        id: "work24".into(),
        kind: "outage".into(),
        severity: "critical".into(),
        title: "고용24 접속 장애".into(),
        title_en: "Work24 outage".into(),
        services: vec!["고용24".into(), "워크넷".into()],
        at: String::new(),
        text: "접속 장애 확인, 원인 분석 중".into(),
    };
    desk::new_incident(&doc, &new, now()).unwrap()
}

#[test]
fn init_writes_a_valid_empty_feed_in_the_publishers_zone() {
    let doc = desk::init("고용노동부", "").unwrap();
    assert_eq!(
        doc["publisher"],
        json!({ "name": "고용노동부", "time_zone": "Asia/Seoul" })
    );
    assert_eq!(doc["incidents"], json!([]));
    assert!(feed::parse(&desk::to_text(&doc)).is_ok());
    assert_eq!(
        desk::init("  ", "Asia/Seoul"),
        Err(ActionError::Missing {
            what: Field::PublisherName
        })
    );
    // The message names it as before; the desk's form field is found from the type.
    let err = desk::init("  ", "Asia/Seoul").unwrap_err();
    assert_eq!(err.message(Lang::En), "publisher name is required");
    assert_eq!(Field::PublisherName.form_name(), "publisher");
}

#[test]
fn a_new_outage_starts_now_in_the_publishers_zone_with_its_services_declared() {
    let doc = opened();
    let inc = &doc["incidents"][0];
    assert_eq!(
        inc["started_at"], "2023-07-18T09:15:00+09:00",
        "now, with the offset"
    );
    assert_eq!(inc["status"], "investigating");
    assert_eq!(
        inc["title"],
        json!({ "ko": "고용24 접속 장애", "en": "Work24 outage" })
    );
    assert_eq!(
        doc["services"],
        json!([{ "id": "고용24", "name": "고용24" }, { "id": "워크넷", "name": "워크넷" }])
    );
    assert_eq!(
        inc["impacts"][1],
        json!({ "service": "워크넷", "status": "down", "from": "2023-07-18T09:15:00+09:00" })
    );
    assert_eq!(inc["updates"][0]["text"], "접속 장애 확인, 원인 분석 중");
    // Named again, a service is found by its name or id: no second declaration.
    let again = desk::new_incident(
        &doc,
        &NewIncident {
            id: "second".into(),
            kind: "notice".into(),
            title: "안내".into(),
            services: vec!["워크넷".into(), "고용24".into()],
            at: "2023-07-18 10:00".into(),
            ..Default::default()
        },
        now(),
    )
    .unwrap();
    assert_eq!(again["services"].as_array().unwrap().len(), 2);
    assert_eq!(
        again["incidents"][1]["started_at"],
        "2023-07-18T10:00:00+09:00"
    );
}

#[test]
fn the_outage_of_18_july_updated_and_resolved_one_service_at_a_time() {
    let doc = opened();
    let doc = desk::post_update(
        &doc,
        "work24",
        &PostUpdate {
            status: "identified".into(),
            text: "데이터베이스 서버 2대 중 1대 멈춤 확인".into(),
            at: "2023-07-18 11:00".into(),
            expected_end: "2023-07-18 12:00".into(),
            expected_text: "정오 전 정상화 목표".into(),
            workaround: "고용센터에서 수기로 접수".into(),
            link_title: "보도자료".into(),
            link_url: "https://www.moel.go.kr".into(),
        },
        now(),
    )
    .unwrap();
    let inc = &doc["incidents"][0];
    assert_eq!(inc["status"], "identified");
    assert_eq!(
        inc["expected_end"],
        json!({ "at": "2023-07-18T12:00:00+09:00", "text": "정오 전 정상화 목표" })
    );
    assert_eq!(inc["updates"].as_array().unwrap().len(), 2);
    assert_eq!(
        inc["workarounds"],
        json!([{ "text": "고용센터에서 수기로 접수" }])
    );
    assert_eq!(
        inc["links"],
        json!([{ "title": "보도자료", "url": "https://www.moel.go.kr" }])
    );

    // 워크넷 back first: the incident goes on.
    let doc = desk::resolve(
        &doc,
        "work24",
        &Resolve {
            services: vec!["워크넷".into()],
            at: "2023-07-18 11:50".into(),
            text: String::new(),
        },
        now(),
    )
    .unwrap();
    let inc = &doc["incidents"][0];
    assert_eq!(inc["impacts"][1]["until"], "2023-07-18T11:50:00+09:00");
    assert!(inc["impacts"][0].get("until").is_none());
    assert_eq!(inc["status"], "identified");
    assert!(inc.get("ended_at").is_none());

    // Then the rest: the incident ends, resolved, with its closing update.
    let doc = desk::resolve(
        &doc,
        "work24",
        &Resolve {
            services: vec![],
            at: "2023-07-18 11:57".into(),
            text: "정상 운영 재개".into(),
        },
        now(),
    )
    .unwrap();
    let inc = &doc["incidents"][0];
    assert_eq!(inc["impacts"][0]["until"], "2023-07-18T11:57:00+09:00");
    assert_eq!(
        inc["impacts"][1]["until"], "2023-07-18T11:50:00+09:00",
        "kept"
    );
    assert_eq!(inc["ended_at"], "2023-07-18T11:57:00+09:00");
    assert_eq!(inc["status"], "resolved");
    assert!(inc.get("expected_end").is_none());
    assert_eq!(
        inc["updates"][2],
        json!({ "at": "2023-07-18T11:57:00+09:00", "status": "resolved", "text": "정상 운영 재개" })
    );
    // What the widget shows for it: 2 h 42 min.
    let f = feed::parse(&desk::to_text(&doc)).unwrap();
    assert_eq!(
        (f.incidents[0].ended_at.unwrap() - f.incidents[0].started_at.unwrap()).num_minutes(),
        162
    );
}

#[test]
fn maintenance_is_scheduled_and_completes() {
    let doc = desk::init("행정안전부", "Asia/Seoul").unwrap();
    let doc = desk::new_incident(
        &doc,
        &NewIncident {
            id: "pm".into(),
            kind: "maintenance".into(),
            title: "정기 점검".into(),
            services: vec!["정부24".into()],
            at: "2023-11-25 00:00".into(),
            ..Default::default()
        },
        now(),
    )
    .unwrap();
    assert_eq!(
        doc["incidents"][0]["scheduled"],
        json!({ "from": "2023-11-25T00:00:00+09:00" })
    );
    assert_eq!(doc["incidents"][0]["status"], "scheduled");
    let doc = desk::resolve(
        &doc,
        "pm",
        &Resolve {
            at: "2023-11-25 06:00".into(),
            ..Default::default()
        },
        now(),
    )
    .unwrap();
    assert_eq!(doc["incidents"][0]["status"], "completed");
    assert_eq!(
        doc["incidents"][0]["scheduled"]["until"],
        "2023-11-25T06:00:00+09:00"
    );
}

#[test]
fn members_this_version_does_not_know_are_kept() {
    let mut doc = opened();
    doc["x-newsroom"] = json!({ "desk": "사회부" });
    doc["incidents"][0]["x-ticket"] = json!("INC-42");
    let doc = desk::post_update(
        &doc,
        "work24",
        &PostUpdate {
            status: "monitoring".into(),
            text: "복구 확인 중".into(),
            ..Default::default()
        },
        now(),
    )
    .unwrap();
    assert_eq!(doc["x-newsroom"], json!({ "desk": "사회부" }));
    assert_eq!(doc["incidents"][0]["x-ticket"], "INC-42");
    // And in the text written, in the order they were.
    let text = desk::to_text(&doc);
    assert!(text.ends_with("}\n"));
    assert!(text.find("\"version\"").unwrap() < text.find("\"x-newsroom\"").unwrap());
}

#[test]
fn refusals_name_the_problem_and_change_nothing() {
    let doc = opened();
    let before = doc.clone();
    let update = |status: &str, at: &str| PostUpdate {
        status: status.into(),
        text: "t".into(),
        at: at.into(),
        ..Default::default()
    };
    let cases: Vec<(Result<Value, ActionError>, ActionError)> = vec![
        (
            desk::post_update(&doc, "nope", &update("identified", ""), now()),
            ActionError::UnknownIncident { id: "nope".into() },
        ),
        (
            desk::post_update(&doc, "work24", &update("fixed", ""), now()),
            ActionError::UnknownWord {
                what: "status",
                word: "fixed".into(),
            },
        ),
        (
            desk::post_update(
                &doc,
                "work24",
                &update("identified", "2023-11-31 08:40"),
                now(),
            ),
            ActionError::Time(desk::when::WhenError::NotATime {
                typed: "2023-11-31 08:40".into(),
            }),
        ),
        (
            desk::new_incident(
                &doc,
                &NewIncident {
                    id: "work24".into(),
                    kind: "outage".into(),
                    title: "x".into(),
                    ..Default::default()
                },
                now(),
            ),
            ActionError::IdTaken {
                id: "work24".into(),
            },
        ),
        (
            desk::resolve(
                &doc,
                "work24",
                &Resolve {
                    services: vec!["정부24".into()],
                    ..Default::default()
                },
                now(),
            ),
            ActionError::UnknownService {
                incident: "work24".into(),
                service: "정부24".into(),
            },
        ),
    ];
    for (got, want) in cases {
        assert_eq!(got, Err(want));
    }
    assert_eq!(doc, before);
    // A recovery before the start would be a new warning: refused.
    let early = desk::resolve(
        &doc,
        "work24",
        &Resolve {
            at: "2023-07-18 08:00".into(),
            ..Default::default()
        },
        now(),
    );
    match early {
        Err(ActionError::Worse { warnings }) => {
            assert!(warnings.iter().any(|w| w.path.starts_with("incidents[0]")))
        }
        other => panic!("{other:?}"),
    }
    // Resolving twice says so.
    let done = desk::resolve(&doc, "work24", &Resolve::default(), now()).unwrap();
    assert_eq!(
        desk::resolve(&done, "work24", &Resolve::default(), now()),
        Err(ActionError::AlreadyResolved {
            id: "work24".into()
        })
    );
}

#[test]
fn messages_are_in_korean_and_english() {
    let e = ActionError::Time(desk::when::WhenError::NotATime {
        typed: "2023-11-31 08:40".into(),
    });
    assert_eq!(
        e.message(Lang::Ko),
        "\"2023-11-31 08:40\"은(는) 없는 시각입니다: 2023-11-17 08:40 처럼 쓰세요"
    );
    assert_eq!(
        e.message(Lang::En),
        "\"2023-11-31 08:40\" is not a time that exists: write it as 2023-11-17 08:40"
    );
    let e = ActionError::UnknownWord {
        what: "status",
        word: "fixed".into(),
    };
    assert!(e.message(Lang::En).contains("investigating, identified"));
}

#[test]
fn service_ids_are_made_from_names_and_stay_unique() {
    use incident_banner::desk::actions::service_id;
    assert_eq!(service_id("KakaoTalk PC", &[]), "kakaotalk-pc");
    assert_eq!(service_id("고용24", &[]), "고용24");
    assert_eq!(
        service_id("직업훈련포털(HRD-Net)", &[]),
        "직업훈련포털-hrd-net"
    );
    assert_eq!(service_id("고용24", &["고용24"]), "고용24-2");
    assert_eq!(service_id("···", &[]), "service");
}

#[test]
fn a_statuspage_document_opens_converted_and_our_feed_opens_as_it_is() {
    let summary = include_str!("fixtures/statuspage/summary.json");
    let doc = desk::open(summary).unwrap();
    assert_eq!(doc["version"], 1, "converted to our feed");
    assert!(feed::parse(&doc.to_string()).is_ok());
    let ours = r#"{"version":1,"publisher":{"name":"p"},"incidents":[],"x-extra":true}"#;
    assert_eq!(desk::open(ours).unwrap()["x-extra"], true);
    assert_eq!(desk::open("[1]"), Err(ActionError::NotAFeed));
    assert_eq!(desk::open("{"), Err(ActionError::NotAFeed));
}
