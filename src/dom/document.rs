//! Documents in the browser: a feed's bytes, or an object a page hands over
//! (`element.feed = …`), read into the feed types by the crate's JSON reader
//! ([`crate::feed::json`]).
//!
//! A page's object is written out by the engine's `JSON.stringify` and read like a
//! response: one reader, one set of errors (BENCHMARKS.md, issue 18, says why not
//! serde-wasm-bindgen's reader of JavaScript values).

use crate::adapters::{self, Document};
use crate::feed::{self, ErrorKind, ParseError, ParseErrors};
use wasm_bindgen::prelude::*;

/// Reads any supported document from a value the page holds.
pub fn from_value(value: JsValue) -> Result<Document, ParseErrors> {
    from_bytes(text_of(value)?.as_bytes())
}

/// A value the page holds as JSON text, as the engine's `JSON.stringify` writes it.
pub fn text_of(value: JsValue) -> Result<String, ParseErrors> {
    match js_sys::JSON::stringify(&value) {
        // `undefined`, a function: nothing JSON can say.
        Ok(text) => match text.as_string() {
            Some(text) => Ok(text),
            None => Err(ParseErrors(vec![ParseError {
                path: String::new(),
                kind: ErrorKind::WrongType {
                    expected: "an object",
                    found: "another type",
                },
            }])),
        },
        // A cycle, a BigInt: the engine's own words.
        Err(e) => {
            let detail = js_sys::Reflect::get(&e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or_default();
            Err(feed::not_json(0, 0, detail))
        }
    }
}

/// Reads any supported document from its bytes, as they arrive.
pub fn from_bytes(bytes: &[u8]) -> Result<Document, ParseErrors> {
    adapters::read_with_own_reader(bytes)
}
