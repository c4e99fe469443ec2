//! Parsing and validation: every structural error names its JSON path; semantic problems
//! are warnings and the feed still parses.

use incident_banner::feed::{self, ErrorKind, Kind, Severity, Status, Text, WarningKind};

fn minimal(incidents: &str) -> String {
    format!(r#"{{"version":1,"publisher":{{"name":"행정안전부"}},"incidents":[{incidents}]}}"#)
}

fn outage(extra: &str) -> String {
    minimal(&format!(
        r#"{{"id":"a","kind":"outage","status":"investigating","title":"장애"{extra}}}"#
    ))
}

fn errors(text: &str) -> Vec<(String, ErrorKind)> {
    feed::parse(text)
        .expect_err("feed should be rejected")
        .0
        .into_iter()
        .map(|e| (e.path, e.kind))
        .collect()
}

#[test]
fn minimal_feed_parses_with_defaults() {
    let f = feed::parse(&outage("")).unwrap();
    let inc = &f.incidents[0];
    assert_eq!(inc.kind, Kind::Outage);
    assert_eq!(inc.severity(), Severity::Major, "outages default to major");
    assert_eq!(inc.status, Status::Investigating);
    assert_eq!(inc.title, Text::Plain("장애".into()));
}

#[test]
fn not_json_reports_line_and_column() {
    let e = errors("<html><body>502 Bad Gateway</body></html>");
    assert!(
        matches!(
            e[0].1,
            ErrorKind::NotJson {
                line: 1,
                column: 1,
                ..
            }
        ),
        "{e:?}"
    );
    let e = errors("{\"version\": 1,\n \"publisher\": ");
    assert!(
        matches!(e[0].1, ErrorKind::NotJson { line: 2, .. }),
        "{e:?}"
    );
}

#[test]
fn empty_and_null_documents_are_rejected() {
    assert!(matches!(errors("")[0].1, ErrorKind::NotJson { .. }));
    assert_eq!(
        errors("null"),
        vec![(
            String::new(),
            ErrorKind::WrongType {
                expected: "an object",
                found: "null"
            }
        )]
    );
}

#[test]
fn byte_order_mark_is_ignored() {
    assert!(feed::parse(&format!("\u{feff}{}", outage(""))).is_ok());
}

#[test]
fn missing_required_fields_are_all_listed() {
    // Every missing member of the top level, then each incident that cannot be read, at
    // its first missing field.
    let e = errors(
        r#"{"incidents":[{"kind":"outage"},{"id":"b","kind":"outage","status":"identified"}]}"#,
    );
    let paths: Vec<&str> = e.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        [
            "version",
            "publisher",
            "incidents[0].id",
            "incidents[1].title"
        ]
    );
    assert!(e.iter().all(|(_, k)| *k == ErrorKind::Missing));
}

#[test]
fn unsupported_version_is_named() {
    let text = outage("").replace("\"version\":1", "\"version\":2");
    assert_eq!(
        errors(&text),
        vec![(
            "version".into(),
            ErrorKind::UnsupportedVersion { found: "2".into() }
        )]
    );
    let text = outage("").replace("\"version\":1", "\"version\":\"1\"");
    assert_eq!(
        errors(&text),
        vec![(
            "version".into(),
            ErrorKind::WrongType {
                expected: "the number 1",
                found: "a string"
            }
        )]
    );
}

#[test]
fn timestamp_without_offset_is_an_error_not_a_guess() {
    let e = errors(&outage(r#","started_at":"2023-11-17T08:40:00""#));
    assert_eq!(
        e,
        vec![(
            "incidents[0].started_at".into(),
            ErrorKind::NoOffset {
                value: "2023-11-17T08:40:00".into()
            }
        )]
    );
    assert!(
        e[0].1.to_string().contains("+09:00"),
        "message suggests a fix: {}",
        e[0].1
    );
}

#[test]
fn impossible_dates_are_rejected() {
    let e = errors(&outage(r#","started_at":"2023-02-30T10:00:00+09:00""#));
    assert!(
        matches!(&e[0].1, ErrorKind::BadTimestamp { value } if value.starts_with("2023-02-30"))
    );
    let e = errors(&outage(r#","ended_at":"yesterday""#));
    assert_eq!(e[0].0, "incidents[0].ended_at");
}

#[test]
fn unknown_enum_values_list_the_allowed_ones() {
    let text = outage("").replace("\"outage\"", "\"earthquake\"");
    let e = errors(&text);
    assert_eq!(e[0].0, "incidents[0].kind");
    assert_eq!(
        e[0].1.to_string(),
        "\"earthquake\" is not one of: outage, maintenance, notice"
    );
    let e = errors(&outage(r#","severity":"apocalyptic""#));
    assert_eq!(e[0].0, "incidents[0].severity");
    let e = errors(&outage(r#","impacts":[{"service":"x","status":"gone"}]"#));
    assert_eq!(e[0].0, "incidents[0].impacts[0].status");
}

#[test]
fn wrong_types_name_expected_and_found() {
    let e = errors(&outage(r#","impacts":{"service":"x"}"#));
    assert_eq!(
        e,
        vec![(
            "incidents[0].impacts".into(),
            ErrorKind::WrongType {
                expected: "an array",
                found: "an object"
            }
        )]
    );
    let e = errors(&outage(
        r#","updates":[{"at":"2023-11-17T08:40:00+09:00","text":42}]"#,
    ));
    assert_eq!(e[0].0, "incidents[0].updates[0].text");
    assert!(e[0].1.to_string().contains("found a number"));
}

#[test]
fn empty_title_is_rejected() {
    let text = outage("").replace("\"장애\"", "\"  \"");
    assert_eq!(
        errors(&text),
        vec![("incidents[0].title".into(), ErrorKind::EmptyText)]
    );
}

#[test]
fn localized_text_and_unknown_fields_are_accepted() {
    let text = outage(r#","summary":{"ko":"요약","en":"Summary"},"future_field":{"x":[1,2]}"#);
    let f = feed::parse(&text).unwrap();
    assert_eq!(
        f.incidents[0].summary,
        Some(Text::Localized(vec![
            ("en".into(), "Summary".into()),
            ("ko".into(), "요약".into())
        ]))
    );
}

#[test]
fn error_display_includes_the_path() {
    let e = feed::parse(&outage(r#","started_at":"2023-11-17 08:40""#)).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("incidents[0].started_at: timestamp"),
        "{e}"
    );
}

#[test]
fn semantic_problems_are_warnings_and_the_feed_still_parses() {
    let text = r#"{"version":1,"publisher":{"name":"p","url":"javascript:alert(1)"},
      "services":[{"id":"gov24","name":"정부24"},{"id":"gov24","name":"again"}],
      "incidents":[
        {"id":"a","kind":"outage","status":"resolved","title":"t",
         "started_at":"2023-11-17T10:00:00+09:00","ended_at":"2023-11-17T09:00:00+09:00",
         "impacts":[{"service":"nope","status":"down","from":"2023-11-17T10:00:00+09:00","until":"2023-11-17T09:00:00+09:00"}],
         "links":[{"title":"x","url":"data:text/html,hi"}]},
        {"id":"a","kind":"notice","status":"identified","title":"t2"}]}"#;
    let f = feed::parse(text).unwrap();
    let w: Vec<(String, WarningKind)> = feed::validate(&f)
        .into_iter()
        .map(|w| (w.path, w.kind))
        .collect();
    assert_eq!(
        w,
        vec![
            (
                "publisher.url".into(),
                WarningKind::NotHttpUrl {
                    value: "javascript:alert(1)".into()
                }
            ),
            (
                "services[1].id".into(),
                WarningKind::DuplicateId { id: "gov24".into() }
            ),
            ("incidents[0].ended_at".into(), WarningKind::EndsBeforeStart),
            (
                "incidents[0].impacts[0].service".into(),
                WarningKind::UnknownService { id: "nope".into() }
            ),
            (
                "incidents[0].impacts[0].until".into(),
                WarningKind::EndsBeforeStart
            ),
            (
                "incidents[0].links[0].url".into(),
                WarningKind::NotHttpUrl {
                    value: "data:text/html,hi".into()
                }
            ),
            (
                "incidents[1].id".into(),
                WarningKind::DuplicateId { id: "a".into() }
            ),
        ]
    );
}

#[test]
fn impacts_name_unknown_services_whatever_the_order_services_are_declared_in() {
    // Declared out of order: the lookup sorts them, and must still find the first, the
    // last and a repeated id, and report ids that sort before, between and after them.
    let text = r#"{"version":1,"publisher":{"name":"p"},
      "services":[{"id":"m","name":"M"},{"id":"z","name":"Z"},{"id":"a","name":"A"},
                  {"id":"m","name":"M again"}],
      "incidents":[{"id":"i","kind":"outage","status":"resolved","title":"t",
        "impacts":[{"service":"a","status":"down"},{"service":"0","status":"down"},
                   {"service":"m","status":"down"},{"service":"n","status":"down"},
                   {"service":"z","status":"down"},{"service":"zz","status":"down"}]}]}"#;
    let f = feed::parse(text).unwrap();
    let unknown: Vec<(String, String)> = feed::validate(&f)
        .into_iter()
        .filter_map(|w| match w.kind {
            WarningKind::UnknownService { id } => Some((w.path, id)),
            _ => None,
        })
        .collect();
    assert_eq!(
        unknown,
        [
            (
                "incidents[0].impacts[1].service".to_string(),
                "0".to_string()
            ),
            (
                "incidents[0].impacts[3].service".to_string(),
                "n".to_string()
            ),
            (
                "incidents[0].impacts[5].service".to_string(),
                "zz".to_string()
            ),
        ]
    );
}

#[test]
fn demo_feeds_parse_without_warnings() {
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/www/feeds")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let f = feed::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(feed::validate(&f), vec![], "{}", path.display());
    }
}

#[test]
fn every_invalid_fixture_is_rejected() {
    // The same files must fail the JSON Schema (tests/e2e/schema.test.mjs).
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/invalid");
    let mut count = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            feed::parse(&text).is_err(),
            "{} should be rejected",
            path.display()
        );
        count += 1;
    }
    assert!(count >= 10, "fixtures found: {count}");
}

/// One feed written twice: `incidents` after `version` and before it.
fn both_orders(incidents: &str) -> [String; 2] {
    [
        format!(r#"{{"version":1,"publisher":{{"name":"행정안전부"}},"incidents":{incidents}}}"#),
        format!(r#"{{"incidents":{incidents},"publisher":{{"name":"행정안전부"}},"version":1}}"#),
    ]
}

#[test]
fn member_order_does_not_change_the_feed_or_its_errors() {
    let good = r#"[{"id":"a","kind":"outage","status":"identified","title":"장애",
        "updates":[{"at":"2023-11-17T08:40:00+09:00","text":"확인"}]},
        {"id":"c","kind":"notice","status":"resolved","title":{"ko":"공지","en":"Notice"}}]"#;
    let [streamed, whole] = both_orders(good);
    let feed = feed::parse(&streamed).unwrap();
    assert_eq!(feed.incidents.len(), 2);
    assert_eq!(feed, feed::parse(&whole).unwrap());

    // Errors: the same paths, in the same order, whichever way the members are written.
    // Each unreadable incident is named once, at its first problem.
    let bad = r#"[{"id":"a","kind":"outage","status":"identified","title":"장애"},
        {"kind":"nope","id":"b","title":"","updates":[{"at":"yesterday"}]},
        {"id":"c","kind":"outage","status":"identified","title":"t","updates":[{"at":"yesterday","text":"x"}]}]"#;
    let [streamed, whole] = both_orders(bad);
    let e = errors(&streamed);
    assert_eq!(e, errors(&whole));
    let paths: Vec<&str> = e.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(paths, ["incidents[1].kind", "incidents[2].updates[0].at"]);
    // A feed-level error still comes before the incidents' ones.
    let e = errors(&streamed.replace(r#""publisher":{"name":"행정안전부"},"#, ""));
    assert_eq!(e[0].0, "publisher");
    assert_eq!(e[1].0, "incidents[1].kind");
}

#[test]
fn a_repeated_incidents_member_counts_once_its_last() {
    let a = r#"{"id":"a","kind":"outage","status":"identified","title":"a"}"#;
    let bad = r#"{"id":"x"}"#;
    let head = r#""version":1,"publisher":{"name":"p""#;
    // Only the last array counts, errors included.
    let f = feed::parse(&format!(
        r#"{{{head}}},"incidents":[{bad}],"incidents":[{a}]}}"#
    ))
    .unwrap();
    assert_eq!(f.incidents.len(), 1);
    assert_eq!(f.incidents[0].id, "a");
    // An array, then null: the null counts, so there are no incidents at all.
    let e = errors(&format!(
        r#"{{{head}}},"incidents":[{a}],"incidents":null}}"#
    ));
    assert_eq!(e, [("incidents".to_string(), ErrorKind::Missing)]);
    // An array, then not an array: that one counts, and is wrong.
    let e = errors(&format!(r#"{{{head}}},"incidents":[{a}],"incidents":5}}"#));
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].0, "incidents");
    assert!(matches!(e[0].1, ErrorKind::WrongType { .. }), "{e:?}");
    // Before `version` and after it: the last one counts.
    let f = feed::parse(&format!(
        r#"{{"incidents":[{bad}],{head}}},"incidents":[{a},{a}]}}"#
    ))
    .unwrap();
    assert_eq!(f.incidents.len(), 2);
}

#[test]
fn broken_json_after_good_incidents_is_only_a_json_error() {
    let text = r#"{"version":1,"publisher":{"name":"p"},"incidents":[{"id":"x"},{"id":"#;
    let e = errors(text);
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(matches!(e[0].1, ErrorKind::NotJson { .. }), "{e:?}");
}
