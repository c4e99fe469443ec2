//! The crate's own JSON reader (`feed::json`, what the browser reads feeds with) against
//! serde_json (what the command-line tool reads them with): the same documents, the same
//! entries left out with the same paths, the same syntax errors at the same places.
#![cfg(not(target_arch = "wasm32"))]

use incident_banner::adapters::{self, Document};
use incident_banner::feed::{ErrorKind, ParseErrors};

/// Every JSON file under `dir`, recursively.
fn json_files(dir: &str, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            json_files(path.to_str().unwrap(), out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

/// Both readers' results, with syntax errors compared by line only: the two word and count
/// columns differently.
fn both(bytes: &[u8]) -> (Result<Document, ParseErrors>, Result<Document, ParseErrors>) {
    let lines = |r: Result<Document, ParseErrors>| {
        r.map_err(|mut e| {
            for error in &mut e.0 {
                if let ErrorKind::NotJson { line, .. } = error.kind {
                    error.kind = ErrorKind::NotJson {
                        line,
                        column: 0,
                        detail: String::new(),
                    };
                }
            }
            e
        })
    };
    (
        lines(adapters::read_with_own_reader(bytes)),
        lines(adapters::read(bytes)),
    )
}

#[test]
fn every_feed_and_fixture_reads_the_same_with_both_readers() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut files = Vec::new();
    for dir in ["www/feeds", "tests/fixtures", "tests/adversarial"] {
        json_files(&format!("{root}/{dir}"), &mut files);
    }
    assert!(files.len() > 30, "{files:?}");
    let (mut read, mut refused) = (0, 0);
    for file in &files {
        let bytes = std::fs::read(file).unwrap();
        let (own, serde_json) = both(&bytes);
        assert_eq!(own, serde_json, "{}", file.display());
        if own.is_ok() {
            read += 1;
        } else {
            refused += 1;
        }
    }
    assert!(read > 20 && refused > 3, "{read} read, {refused} refused");
}

#[test]
fn bad_entries_are_left_out_with_the_same_paths() {
    let text = r#"{"version":1,"publisher":{"name":"p"},"incidents":[
        {"id":"a","kind":"outage","status":"identified","title":"정부24"},
        {"id":"b","kind":"outage","status":"identified","title":{"ko":5}},
        {"id":"c","kind":"outage","status":"identified","title":"t","updates":[{"at":"2023-11-17T08:40:00+09:00","text":"x"},{"at":"2023-11-31T08:40:00+09:00","text":"y"}]},
        {"id":"d","kind":"outage","status":"identified"},
        {"id":"e","kind":"outage","status":"identified","title":"렌트홈","impacts":"gov24"},
        {"id":"f","kind":"earthquake","status":"identified","title":"t"},
        {"id":"g","kind":"outage","status":"identified","title":"t","impacts":[{"service":"s","status":"down","from":"2023-11-17 08:40"}]},
        {"id":"h","kind":"outage","status":"identified","title":"\u0020 "}]}"#;
    let (own, serde_json) = both(text.as_bytes());
    let own = own.unwrap();
    assert_eq!(Ok(&own), serde_json.as_ref());
    let ids: Vec<&str> = own.feed.incidents.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["a"]);
    let skipped: Vec<(&str, String)> = own
        .skipped
        .iter()
        .map(|e| (e.path.as_str(), e.kind.to_string()))
        .collect();
    assert_eq!(
        skipped,
        [
            ("incidents[1].title.ko", "expected a string, found a number".into()),
            (
                "incidents[2].updates[1].at",
                "\"2023-11-31T08:40:00+09:00\" is not an RFC 3339 timestamp such as \"2023-11-17T13:55:00+09:00\"".into()
            ),
            ("incidents[3].title", "required field is missing".into()),
            ("incidents[4].impacts", "expected an array, found a string".into()),
            (
                "incidents[5].kind",
                "\"earthquake\" is not one of: outage, maintenance, notice".into()
            ),
            (
                "incidents[6].impacts[0].from",
                "timestamp \"2023-11-17 08:40\" has no UTC offset; write it like \"2023-11-17T13:55:00+09:00\"".into()
            ),
            ("incidents[7].title", "text is empty".into()),
        ]
    );
}

#[test]
fn syntax_errors_name_the_line_and_the_column_in_characters() {
    let not_json = |bytes: &[u8]| match adapters::read_with_own_reader(bytes)
        .unwrap_err()
        .0
        .remove(0)
        .kind
    {
        ErrorKind::NotJson {
            line,
            column,
            detail,
        } => (line, column, detail),
        other => panic!("{other:?}"),
    };
    // 장애 is two characters but six bytes.
    assert_eq!(
        not_json("{\"장애\" 1}".as_bytes()),
        (1, 7, "expected `:`".into())
    );
    assert_eq!(
        not_json(b"{\"a\":\n 1 2}"),
        (2, 4, "expected `,` or `}`".into())
    );
    assert_eq!(
        not_json(b"{\"version\": 1,\n \"publisher\": }"),
        (2, 15, "expected value".into())
    );
    assert_eq!(not_json(b"<html>"), (1, 1, "expected value".into()));
    // Not an object, and not JSON after that either: the text is not JSON.
    assert_eq!(not_json(b"1 {"), (1, 3, "trailing characters".into()));
    assert_eq!(
        not_json(b"{\"a\": 1"),
        (1, 8, "EOF while parsing an object".into())
    );
    let e = adapters::read_with_own_reader(b"{\"x\": \"\xff\"}").unwrap_err();
    assert!(e.to_string().contains("invalid UTF-8"), "{e}");
}

#[test]
fn versions_are_read_as_numbers_whatever_their_spelling() {
    let feed = |version: &str| {
        format!(r#"{{"version":{version},"publisher":{{"name":"p"}},"incidents":[]}}"#)
    };
    for ok in ["1", "1.0", "1e0", "10e-1", "0.1e1"] {
        let (own, serde_json) = both(feed(ok).as_bytes());
        assert!(own.is_ok(), "{ok}: {own:?}");
        assert_eq!(own, serde_json, "{ok}");
    }
    for bad in ["2", "1.5", "-1", "1e300", "\"1\"", "99999999999999999999"] {
        let (own, serde_json) = both(feed(bad).as_bytes());
        assert!(own.is_err(), "{bad}");
        assert_eq!(own, serde_json, "{bad}");
    }
}

#[test]
fn nesting_is_refused_at_the_same_depth() {
    // The top-level object is the first level.
    let feed = |depth: usize| {
        format!(
            r#"{{"version":1,"publisher":{{"name":"p"}},"incidents":[],"x":{}{}}}"#,
            "[".repeat(depth - 1),
            "]".repeat(depth - 1)
        )
    };
    for (depth, ok) in [(127, true), (128, false), (5000, false)] {
        let (own, serde_json) = both(feed(depth).as_bytes());
        assert_eq!(own.is_ok(), ok, "{depth}: {own:?}");
        assert_eq!(own, serde_json, "{depth}");
    }
}

#[test]
fn a_member_named_twice_counts_once_with_its_last_value() {
    let text = r#"{"version":1,"publisher":{"name":"p"},"publisher":{"name":"q"},"incidents":[
        {"id":"a","kind":"outage","status":"identified","title":"t","id":"b",
         "impacts":[{"service":"s","status":"scheduled","from":"bad","status":"down"}]},
        {"id":"c","kind":"earthquake","status":"identified","title":"t","kind":"outage"},
        {"id":"d","kind":"outage","status":"identified","title":"t","kind":"earthquake"}]}"#;
    let (own, serde_json) = both(text.as_bytes());
    let own = own.unwrap();
    assert_eq!(Ok(&own), serde_json.as_ref());
    assert_eq!(
        own.feed.publisher.name,
        incident_banner::feed::Text::Plain("q".into())
    );
    let ids: Vec<&str> = own.feed.incidents.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["c"]);
    let skipped: Vec<&str> = own.skipped.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(
        skipped,
        ["incidents[0].impacts[0].from", "incidents[2].kind"]
    );
}
