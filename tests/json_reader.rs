//! The feed's own JSON reader agrees with serde_json: on every document serde_json writes,
//! and on accept/reject for arbitrary strings built from JSON's own characters and for
//! documents with stray bytes (not UTF-8) anywhere.
#![cfg(not(target_arch = "wasm32"))]

use incident_banner::feed::json::{self, Json, SyntaxError, MAX_DEPTH};
use proptest::prelude::*;
use serde_json::Value;

/// Our tree as serde_json's, for comparison (numbers through serde_json's own parser).
fn to_value(j: &Json) -> Value {
    match j {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(n) => serde_json::from_str(n).expect("a number serde_json reads"),
        Json::String(s) => Value::String(s.to_string()),
        Json::Array(items) => Value::Array(items.iter().map(to_value).collect()),
        Json::Object(members) => {
            let mut map = serde_json::Map::new();
            for (k, v) in members {
                map.insert(k.to_string(), to_value(v)); // the last repeated key wins, as in serde_json
            }
            Value::Object(map)
        }
    }
}

fn read(text: &str) -> Result<Json<'_>, SyntaxError> {
    json::read(text.as_bytes())
}

/// Either both read `text` as the same document or both refuse it. serde_json alone refuses
/// numbers beyond f64's range; we keep numbers as text, so those are left out.
fn agrees(text: &str) -> Result<(), TestCaseError> {
    agrees_on_bytes(text.as_bytes())
}

/// [`agrees`] for bytes that may not be UTF-8 (serde_json's `from_slice` checks strings'
/// contents, as ours does, and refuses any other byte above ASCII as a syntax error).
fn agrees_on_bytes(text: &[u8]) -> Result<(), TestCaseError> {
    let ours = json::read(text);
    let theirs = serde_json::from_slice::<Value>(text);
    match (&ours, &theirs) {
        (Ok(a), Ok(b)) => prop_assert_eq!(&to_value(a), b, "{:?}", text),
        (Err(_), Err(_)) => {}
        (Ok(_), Err(e)) if e.to_string().contains("number out of range") => {}
        _ => prop_assert!(false, "{text:?}: ours {ours:?}, serde_json {theirs:?}"),
    }
    Ok(())
}

fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (-1e12f64..1e12).prop_map(Value::from),
        "\\PC{0,12}".prop_map(Value::String),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("\\PC{0,6}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn reads_what_serde_json_writes(v in value()) {
        let compact = serde_json::to_string(&v).unwrap();
        let pretty = serde_json::to_string_pretty(&v).unwrap();
        // Compared with serde_json's reading of the same text: its float parsing does not
        // always round-trip its own float printing, and ours leaves numbers as text.
        for text in [compact, pretty] {
            prop_assert_eq!(to_value(&read(&text).unwrap()), serde_json::from_str::<Value>(&text).unwrap());
        }
    }

    #[test]
    fn accepts_and_refuses_what_serde_json_does(text in "[ \\[\\]{}\",:0-9.eE+\\-\\\\utrfnlsa\n\u{1}가]{0,24}") {
        agrees(&text)?;
    }

    #[test]
    fn mangled_documents_agree(v in value(), cut in any::<prop::sample::Index>(), insert in "[\\[\\]{}\",:0\\\\ ]") {
        let text = serde_json::to_string(&v).unwrap();
        let at = cut.index(text.len() + 1);
        if text.is_char_boundary(at) {
            agrees(&text[..at])?;
            agrees(&format!("{}{insert}{}", &text[..at], &text[at..]))?;
        }
    }

    #[test]
    fn stray_bytes_agree(v in value(), cut in any::<prop::sample::Index>(), byte in any::<u8>()) {
        // Any byte anywhere, also inside a character: a lone continuation byte, a cut
        // sequence, 0xff, or (as often as not) a harmless one.
        let mut bytes = serde_json::to_string(&v).unwrap().into_bytes();
        bytes.insert(cut.index(bytes.len() + 1), byte);
        agrees_on_bytes(&bytes)?;
    }
}

#[test]
fn bytes_that_are_not_utf8_are_refused_where_they_are() {
    let mut doc = br#"{"a": "ok",
  "b": "caf"#
        .to_vec();
    doc.extend_from_slice(&[0xc3, b'"', b'}']); // é cut after its first byte
    let e = json::read(&doc).unwrap_err();
    assert_eq!((e.line, e.column, e.message), (2, 12, "invalid UTF-8"));
    // Outside a string, a non-ASCII byte is simply not JSON.
    assert_eq!(
        json::read(b"[1,\xea\xb0\x80]").unwrap_err().message,
        "expected value"
    );
    // The same text, whole: read as it is, borrowed.
    assert_eq!(
        json::read("\"카페\"".as_bytes()).unwrap(),
        Json::String("카페".into())
    );
}

#[test]
fn escapes_surrogates_and_borrowing() {
    let doc = read(r#"{"a":"plain","b":"tab\there \u00e9 \ud83d\ude00 \"q\" \/"}"#).unwrap();
    assert!(matches!(
        doc.get("a"),
        Some(Json::String(std::borrow::Cow::Borrowed("plain")))
    ));
    assert_eq!(
        doc.get("b").and_then(Json::as_str),
        Some("tab\there é 😀 \"q\" /")
    );
    for bad in [
        r#""\ud83d""#,
        r#""\ude00""#,
        r#""\ud83d\u0041""#,
        r#""\x""#,
        "\"a\u{1}\"",
        r#""\u12"#,
    ] {
        agrees(bad).unwrap();
        assert!(read(bad).is_err(), "{bad:?}");
    }
}

#[test]
fn numbers_keep_their_text() {
    assert_eq!(read("1").unwrap(), Json::Number("1"));
    assert_eq!(read(" -0.5e+3 ").unwrap(), Json::Number("-0.5e+3"));
    for bad in ["01", "1.", ".5", "-", "1e", "+1", "0x10", "NaN", "Infinity"] {
        assert!(read(bad).is_err(), "{bad:?}");
        agrees(bad).unwrap();
    }
}

#[test]
fn repeated_keys_last_wins() {
    let doc = read(r#"{"k":1,"k":2}"#).unwrap();
    assert_eq!(doc.get("k"), Some(&Json::Number("2")));
}

#[test]
fn errors_say_where() {
    let e = read("{\n  \"a\": 1,\n  \"b\" 2\n}").unwrap_err();
    assert_eq!((e.line, e.column, e.message), (3, 7, "expected `:`"));
    assert_eq!(read("[1,]").unwrap_err().message, "trailing comma");
    assert_eq!(read("{} x").unwrap_err().message, "trailing characters");
    assert_eq!(
        read("\"abc").unwrap_err().message,
        "EOF while parsing a string"
    );
}

#[test]
fn nesting_is_bounded() {
    let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
    assert!(read(&ok).is_ok());
    let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
    assert_eq!(read(&deep).unwrap_err().message, "recursion limit exceeded");
    // Far deeper than any stack would survive with unbounded recursion.
    assert!(read(&"[{\"a\":".repeat(100_000)).is_err());
}
