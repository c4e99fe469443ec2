//! Documents in the browser: a feed's bytes read by the engine's `JSON.parse`, or an object
//! a page hands over (`element.feed = …`), read into the feed types by serde-wasm-bindgen.
//!
//! The engine's parser is the fastest JSON reader a page has, and serde-wasm-bindgen is
//! needed anyway for the page's own objects: one path for both keeps the wasm small.

use super::locate;
use crate::adapters::{self, Document};
use crate::feed::{self, Misfit, Node, ParseErrors};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};
use wasm_bindgen::prelude::*;

/// A JavaScript value not yet read into a type.
pub struct JsNode(pub JsValue);

impl<'de> Deserialize<'de> for JsNode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        serde_wasm_bindgen::preserve::deserialize(d).map(JsNode)
    }
}

impl Node for JsNode {
    fn read<T: DeserializeOwned>(self) -> Result<T, Misfit> {
        let read = |v: JsValue| T::deserialize(serde_wasm_bindgen::Deserializer::from(v));
        read(self.0.clone()).map_err(|e| {
            let text = message(e);
            let path = locate::locate(&self.0, &text, &|v| read(v).err().map(message));
            Misfit {
                path,
                message: text,
            }
        })
    }

    fn read_plain<T: DeserializeOwned>(self) -> Result<T, String> {
        serde_wasm_bindgen::from_value(self.0).map_err(message)
    }

    fn json_type(&self) -> &'static str {
        let v = &self.0;
        if v.is_null() || v.is_undefined() {
            "null"
        } else if v.as_bool().is_some() {
            "a boolean"
        } else if v.as_f64().is_some() {
            "a number"
        } else if v.is_string() {
            "a string"
        } else if js_sys::Array::is_array(v) {
            "an array"
        } else if v.is_object() {
            "an object"
        } else {
            "another type"
        }
    }
}

/// A reader's message: serde-wasm-bindgen's errors are JavaScript `Error`s, written
/// "Error: …".
fn message(e: serde_wasm_bindgen::Error) -> String {
    let text = e.to_string();
    text.strip_prefix("Error: ").unwrap_or(&text).to_string()
}

/// Reads any supported document from a value the page holds.
pub fn from_value(value: JsValue) -> Result<Document, ParseErrors> {
    adapters::read_node(JsNode(value))
}

/// Reads any supported document from its bytes, as they arrive.
pub fn from_bytes(bytes: &[u8]) -> Result<Document, ParseErrors> {
    let text = feed::text(bytes)?;
    let value = js_sys::JSON::parse(text).map_err(|e| syntax_error(text, &e))?;
    from_value(value)
}

/// The engine's `SyntaxError` as a feed error, with its line and column where the engine
/// says where it broke: V8 gives a position (`… at position 12`), Firefox a line and a
/// column (`… at line 2 column 5 of the JSON data`), WebKit neither.
fn syntax_error(text: &str, e: &JsValue) -> ParseErrors {
    let message = js_sys::Reflect::get(e, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_default();
    let number_after = |marker: &str| -> Option<usize> {
        let (_, rest) = message.split_once(marker)?;
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        digits.parse().ok()
    };
    let (line, column) = match (number_after("at line "), number_after(" column ")) {
        (Some(line), Some(column)) => (line, column),
        _ => match number_after("position ") {
            Some(units) => feed::line_and_column(text, byte_at_utf16(text, units)),
            None => (0, 0),
        },
    };
    feed::not_json(line, column, message)
}

/// The byte offset of UTF-16 unit `units` of `text` (JavaScript counts string positions in
/// UTF-16 units).
fn byte_at_utf16(text: &str, units: usize) -> usize {
    let mut seen = 0;
    for (i, c) in text.char_indices() {
        if seen >= units {
            return i;
        }
        seen += c.len_utf16();
    }
    text.len()
}
