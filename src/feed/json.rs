//! The crate's JSON reader: a strict RFC 8259 reader of text that is a serde `Deserializer`,
//! so the derived feed types read themselves from it as they do from serde_json.
//!
//! It is what the browser reads feeds with (natively serde_json does). Why not the engine's
//! `JSON.parse` and serde-wasm-bindgen: walking the engine's objects cost a JavaScript call
//! per field and a string copy per value; the big feed took twice as long to show as with
//! this reader, for 1.6 KB gzip more wasm, and syntax errors had a line and column only in
//! some engines (BENCHMARKS.md, issue 18). Here:
//!
//! - strings borrow from the text unless they hold escapes, and nothing is built but the
//!   feed's own values;
//! - an entry is read from its own text ([`Raw`]): the top level is read member by member
//!   and each incident on its own, so one bad entry is left out instead of the feed;
//! - every error knows its JSON path (`updates[1].at`), recorded as the error travels out,
//!   so nothing is tracked while reading goes well;
//! - numbers are whole numbers: the feed has no fractional field. Others reach a visitor as
//!   an approximate `f64`, without the float parser and printer that exact conversion and
//!   serde's "floating point `1.5`" messages would link (the printer alone ~17 KB raw).
//!
//! Checked against serde_json on every feed and fixture (tests/feed_json.rs) and by the
//! fuzz target.

use super::read::{Misfit, Node};
use serde::de::{self, DeserializeSeed, Expected, IntoDeserializer, Unexpected, Visitor};
use serde::Deserialize;
use std::borrow::Cow;
use std::fmt;

/// Arrays and objects nested this deep are refused, so a hostile document cannot exhaust
/// the stack (serde_json's limit too: 127 levels read, the 128th refused).
pub const MAX_DEPTH: usize = 128;

/// Where a text stops being JSON: the byte offset, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub at: usize,
    pub message: &'static str,
}

/// Checks that `text` is one JSON document (white space around it allowed, nothing else).
pub fn check(text: &str) -> Result<(), SyntaxError> {
    let mut reader = Reader::new(text);
    reader
        .skip()
        .and_then(|()| reader.end())
        .map_err(|e| SyntaxError {
            at: e.at.unwrap_or(reader.pos),
            message: e.syntax.unwrap_or("invalid JSON"),
        })
}

/// Reads a `T` from JSON text.
///
/// A member named twice in one object counts once, with its last value in the place of the
/// first, as serde_json's `Value` and the engines' `JSON.parse` have it. Reading goes
/// straight through the text, so a derived type would call a repeated member a "duplicate
/// field", or fail at a first value that a later one replaces: after any error but a
/// syntax error, the text is read again with each object's members gathered first (only
/// values that do not fit pay for it).
pub fn from_str<'de, T: Deserialize<'de>>(text: &'de str) -> Result<T, Error> {
    match read(text, false) {
        Err(e) if e.syntax.is_none() => read(text, true),
        other => other,
    }
}

/// Reads a `T` from JSON text, with objects' members gathered first or not. Never inlined:
/// both calls of [`from_str`] share one copy of `T`'s reading code.
#[inline(never)]
fn read<'de, T: Deserialize<'de>>(text: &'de str, gather: bool) -> Result<T, Error> {
    let mut reader = Reader::new(text);
    reader.gather = gather;
    let value = T::deserialize(&mut reader)?;
    reader.end()?;
    Ok(value)
}

/// The text of one JSON value inside a document, not yet read into a type: the unit a bad
/// entry is left out by. Only this reader makes one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Raw<'a>(pub &'a str);

/// The name under which [`Raw`] asks the reader for a value's text (as serde_json's
/// `RawValue` does).
const RAW: &str = "$incident_banner::json::Raw";

impl<'de> Deserialize<'de> for Raw<'de> {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct RawVisitor;
        impl<'de> Visitor<'de> for RawVisitor {
            type Value = Raw<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Raw<'de>, E> {
                Ok(Raw(text))
            }
        }
        d.deserialize_newtype_struct(RAW, RawVisitor)
    }
}

impl<'a> Node<'a> for Raw<'a> {
    fn read<T: Deserialize<'a>>(self) -> Result<T, Misfit> {
        from_str(self.0).map_err(|e| Misfit {
            path: e.path(),
            message: e.message,
        })
    }

    fn read_plain<T: Deserialize<'a>>(self) -> Result<T, String> {
        from_str(self.0).map_err(|e| e.message)
    }

    fn json_type(&self) -> &'static str {
        match self.0.trim_start().as_bytes().first() {
            Some(b'n') | None => "null",
            Some(b't' | b'f') => "a boolean",
            Some(b'"') => "a string",
            Some(b'[') => "an array",
            Some(b'{') => "an object",
            Some(_) => "a number",
        }
    }
}

/// One step of a JSON path.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(usize),
}

/// Why a text or value could not be read: the message (in serde's words, which
/// [`super::ErrorKind::from_message`] reads back), and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub message: String,
    /// Innermost step first: each is added as the error leaves a level.
    steps: Vec<Step>,
    /// The byte offset of a syntax error.
    at: Option<usize>,
    /// The message of a syntax error.
    syntax: Option<&'static str>,
}

impl Error {
    /// Where and why the text is not JSON, when that is the problem (the byte offset is
    /// within the text given to [`from_str`]).
    pub fn syntax_error(&self) -> Option<SyntaxError> {
        Some(SyntaxError {
            at: self.at?,
            message: self.syntax?,
        })
    }

    /// The JSON path inside the value read, written as feed paths are: `updates[1].at`.
    pub fn path(&self) -> String {
        let mut out = String::new();
        for step in self.steps.iter().rev() {
            match step {
                Step::Index(i) => {
                    out.push('[');
                    out.push_str(&i.to_string());
                    out.push(']');
                }
                Step::Key(k) => super::read::join(&mut out, k),
            }
        }
        out
    }

    fn within(mut self, step: Step) -> Self {
        self.steps.push(step);
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// A value as serde's messages name its kind (`invalid type: string, expected …`), without
/// the value itself: serde's own wording prints numbers, which links the float printer.
fn kind_of(unexpected: &Unexpected) -> &'static str {
    match unexpected {
        Unexpected::Bool(_) => "boolean",
        Unexpected::Unsigned(_) | Unexpected::Signed(_) => "integer",
        Unexpected::Float(_) => "floating point",
        Unexpected::Char(_) | Unexpected::Str(_) => "string",
        Unexpected::Unit | Unexpected::Option => "null",
        Unexpected::Seq => "sequence",
        Unexpected::Map => "map",
        _ => "value",
    }
}

impl de::Error for Error {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Error {
            message: message.to_string(),
            steps: Vec::new(),
            at: None,
            syntax: None,
        }
    }

    fn invalid_type(unexpected: Unexpected, expected: &dyn Expected) -> Self {
        let kind = kind_of(&unexpected);
        Error::custom(format_args!("invalid type: {kind}, expected {expected}"))
    }

    fn invalid_value(unexpected: Unexpected, expected: &dyn Expected) -> Self {
        let kind = kind_of(&unexpected);
        Error::custom(format_args!("invalid value: {kind}, expected {expected}"))
    }
}

/// Bytes a string's text can hold as they are: all but `"`, `\` and control characters.
const PLAIN: [bool; 256] = {
    let mut table = [true; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = false;
        b += 1;
    }
    table[b'"' as usize] = false;
    table[b'\\' as usize] = false;
    table
};

/// The end of the run of plain string characters (see [`PLAIN`]) that starts at `pos`.
///
/// Eight bytes at a time while none of them can end the run: most of a feed's bytes are in
/// strings, and this made reading the big feed about a third faster than a byte at a time.
fn plain_run(bytes: &[u8], mut pos: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // Bytes of `word` below `n` (n ≤ 0x80), marked by their high bit; exact for ASCII bytes,
    // and bytes at or above 0x80 are excluded by `!word`.
    let below = |word: u64, n: u8| word.wrapping_sub(ONES * u64::from(n)) & !word & HIGHS;
    while let Some(chunk) = bytes.get(pos..pos + 8) {
        let mut eight = [0; 8];
        eight.copy_from_slice(chunk);
        let word = u64::from_le_bytes(eight);
        let stop =
            below(word, 0x20) | below(word ^ (ONES * 0x22), 1) | below(word ^ (ONES * 0x5c), 1);
        if stop != 0 {
            break;
        }
        pos += 8;
    }
    while let Some(&b) = bytes.get(pos) {
        if !PLAIN[usize::from(b)] {
            break;
        }
        pos += 1;
    }
    pos
}

/// The reader: a position in the text. As a `Deserializer` it reads one value there.
struct Reader<'de> {
    text: &'de str,
    bytes: &'de [u8],
    pos: usize,
    depth: usize,
    /// Objects' members gathered before they are visited, each name once (see [`from_str`]).
    gather: bool,
}

type Out<T> = Result<T, Error>;

/// An object's members as [`Reader::gather`] finds them: each name once, and where its value
/// starts.
type Gathered<'de> = Vec<(Cow<'de, str>, usize)>;

impl<'de> Reader<'de> {
    fn new(text: &'de str) -> Self {
        Reader {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            depth: 0,
            gather: false,
        }
    }

    fn fail(&self, message: &'static str) -> Error {
        Error {
            message: message.to_string(),
            steps: Vec::new(),
            at: Some(self.pos),
            syntax: Some(message),
        }
    }

    /// Nothing but white space left.
    fn end(&mut self) -> Out<()> {
        self.skip_whitespace();
        if self.pos < self.bytes.len() {
            return Err(self.fail("trailing characters"));
        }
        Ok(())
    }

    /// Always inlined: the size-optimised build otherwise calls it for every byte outside
    /// strings, and inlined it is smaller too.
    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.pos += 1;
        }
    }

    /// The first byte of the next value.
    fn start(&mut self) -> Out<u8> {
        self.skip_whitespace();
        self.peek()
            .ok_or_else(|| self.fail("EOF while parsing a value"))
    }

    /// Text between two positions that the reader found at ASCII bytes (so at character
    /// boundaries). `get`: no panic path to link.
    fn slice(&self, from: usize, to: usize) -> &'de str {
        self.text.get(from..to).unwrap_or_default()
    }

    fn literal(&mut self, word: &'static str) -> Out<()> {
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(())
        } else {
            Err(self.fail("expected value"))
        }
    }

    /// Steps into an array or object at its opening bracket.
    fn enter(&mut self) -> Out<()> {
        self.depth += 1;
        self.pos += 1;
        if self.depth >= MAX_DEPTH {
            return Err(self.fail("recursion limit exceeded"));
        }
        Ok(())
    }

    /// Whether another entry follows before `close`, consuming the comma before it; at
    /// `close` it stays put.
    fn has_next(&mut self, close: u8, first: &mut bool) -> Out<bool> {
        self.skip_whitespace();
        if core::mem::take(first) {
            return Ok(self.peek() != Some(close));
        }
        match self.peek() {
            Some(b',') => {
                self.pos += 1;
                self.skip_whitespace();
                if self.peek() == Some(close) {
                    return Err(self.fail("trailing comma"));
                }
                Ok(true)
            }
            Some(c) if c == close => Ok(false),
            None if close == b']' => Err(self.fail("EOF while parsing a list")),
            None => Err(self.fail("EOF while parsing an object")),
            Some(_) if close == b']' => Err(self.fail("expected `,` or `]`")),
            Some(_) => Err(self.fail("expected `,` or `}`")),
        }
    }

    /// An object member's key and the colon after it.
    fn key(&mut self) -> Out<Cow<'de, str>> {
        match self.peek() {
            Some(b'"') => {}
            None => return Err(self.fail("EOF while parsing an object")),
            Some(_) => return Err(self.fail("key must be a string")),
        }
        let key = self.string()?;
        self.skip_whitespace();
        match self.peek() {
            Some(b':') => self.pos += 1,
            None => return Err(self.fail("EOF while parsing an object")),
            Some(_) => return Err(self.fail("expected `:`")),
        }
        Ok(key)
    }

    /// Skips the entries a visitor left unread, then the closing bracket.
    fn close(&mut self, close: u8, first: &mut bool) -> Out<()> {
        while self.has_next(close, first)? {
            if close == b'}' {
                self.key()?;
            }
            self.skip()?;
        }
        self.pos += 1;
        self.depth -= 1;
        Ok(())
    }

    /// Reads past one value, checking its syntax.
    fn skip(&mut self) -> Out<()> {
        match self.start()? {
            b @ (b'[' | b'{') => {
                self.enter()?;
                self.close(if b == b'[' { b']' } else { b'}' }, &mut true)
            }
            b'"' => self.string().map(drop),
            b'n' => self.literal("null"),
            b't' => self.literal("true"),
            b'f' => self.literal("false"),
            _ => self.number().map(drop),
        }
    }

    /// A string starting at the opening quote; borrowed when it has no escapes.
    fn string(&mut self) -> Out<Cow<'de, str>> {
        self.pos += 1;
        let mut owned: Option<String> = None;
        let mut run = self.pos; // start of the text not yet copied into `owned`
        loop {
            self.pos = plain_run(self.bytes, self.pos);
            match self.peek() {
                None => return Err(self.fail("EOF while parsing a string")),
                Some(b'"') => {
                    let tail = self.slice(run, self.pos);
                    self.pos += 1;
                    return Ok(match owned {
                        None => Cow::Borrowed(tail),
                        Some(mut s) => {
                            s.push_str(tail);
                            Cow::Owned(s)
                        }
                    });
                }
                Some(b'\\') => {
                    let s = owned.get_or_insert_with(String::new);
                    s.push_str(self.slice(run, self.pos));
                    self.pos += 1;
                    s.push(self.escape()?);
                    run = self.pos;
                }
                Some(_) => {
                    return Err(self
                        .fail("control character (\\u0000-\\u001F) found while parsing a string"))
                }
            }
        }
    }

    /// The character of an escape whose backslash has been read.
    fn escape(&mut self) -> Out<char> {
        let Some(b) = self.peek() else {
            return Err(self.fail("EOF while parsing a string"));
        };
        self.pos += 1;
        Ok(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4()?;
                let code = match first {
                    0xD800..=0xDBFF => {
                        if !self.bytes[self.pos..].starts_with(b"\\u") {
                            return Err(self.fail("lone leading surrogate in hex escape"));
                        }
                        self.pos += 2;
                        let second = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&second) {
                            return Err(self.fail("lone leading surrogate in hex escape"));
                        }
                        0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                    }
                    c => c,
                };
                char::from_u32(code).ok_or_else(|| self.fail("invalid unicode code point"))?
            }
            _ => {
                self.pos -= 1;
                return Err(self.fail("invalid escape"));
            }
        })
    }

    fn hex4(&mut self) -> Out<u32> {
        let mut n = 0;
        for _ in 0..4 {
            let Some(b) = self.peek() else {
                return Err(self.fail("EOF while parsing a string"));
            };
            let Some(d) = (b as char).to_digit(16) else {
                return Err(self.fail("invalid escape"));
            };
            n = n * 16 + d;
            self.pos += 1;
        }
        Ok(n)
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, as text.
    fn number(&mut self) -> Out<&'de str> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ if self.pos == start => return Err(self.fail("expected value")),
            _ => return Err(self.fail("invalid number")),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.fail("invalid number"));
            }
            self.digits();
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.fail("invalid number"));
            }
            self.digits();
        }
        let number = self.slice(start, self.pos);
        // As serde_json: a number too large for any float is not JSON it reads.
        if (self.pos - start > 300 || number.contains(['e', 'E']))
            && approximate(number).is_infinite()
        {
            self.pos = start;
            return Err(self.fail("number out of range"));
        }
        Ok(number)
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
    }

    /// What the next value is, for a visitor that does not take it.
    fn unexpected(&mut self) -> Out<Unexpected<'static>> {
        Ok(match self.start()? {
            b'"' => Unexpected::Str(""),
            b'[' => Unexpected::Seq,
            b'{' => Unexpected::Map,
            b't' | b'f' => Unexpected::Bool(false),
            b'n' => Unexpected::Unit,
            _ => Unexpected::Unsigned(0),
        })
    }

    /// An object's members, each name once with its last value where it first stood; the
    /// reader is inside the object, and then at its closing brace.
    fn gather(&mut self) -> Out<Gathered<'de>> {
        let mut gathered: Vec<(Cow<'de, str>, usize)> = Vec::new();
        let mut first = true;
        while self.has_next(b'}', &mut first)? {
            let key = self.key()?;
            self.skip_whitespace();
            let value_at = self.pos;
            self.skip()?;
            match gathered.iter_mut().find(|(k, _)| *k == key) {
                Some(member) => member.1 = value_at,
                None => gathered.push((key, value_at)),
            }
        }
        Ok(gathered)
    }

    /// The error for a value of the wrong type, read past: a lenient caller that takes the
    /// error as "absent" (the Statuspage mapping) reads on after it. Not generic and never
    /// inlined: one copy for every visitor (it was ~280 B of wasm per visitor).
    #[inline(never)]
    fn wrong(&mut self, expected: &dyn Expected) -> Error {
        let unexpected = match self.unexpected() {
            Ok(unexpected) => unexpected,
            Err(e) => return e,
        };
        match self.skip() {
            Ok(()) => de::Error::invalid_type(unexpected, expected),
            Err(e) => e,
        }
    }

    /// Steps into an object for a visitor: the members gathered first when asked (see
    /// [`from_str`]) and where the members start. Out of line, like [`Reader::leave_object`]:
    /// the part of `deserialize_map` that does not depend on the visitor, in one copy.
    #[inline(never)]
    fn enter_object(&mut self) -> Out<(Option<Gathered<'de>>, usize)> {
        self.enter()?;
        let gathered = if self.gather {
            Some(self.gather()?)
        } else {
            None
        };
        Ok((gathered, self.pos))
    }

    /// Leaves an object a visitor has read: back to the members' start when they were
    /// gathered, then past what the visitor left unread.
    #[inline(never)]
    fn leave_object(&mut self, end: usize, mut first: bool, gathered: bool) -> Out<()> {
        if gathered {
            self.pos = end;
        }
        self.close(b'}', &mut first)
    }

    /// At a value: `null` read past (`true`), or anything else left to read (`false`).
    #[inline(never)]
    fn null(&mut self) -> Out<bool> {
        if self.start()? == b'n' {
            self.literal("null")?;
            return Ok(true);
        }
        Ok(false)
    }
}

/// A number's approximate value: whole numbers beyond `i64` and `u64`, or with a fraction,
/// which no member of the feed holds (`version` 1.0 is 1 exactly).
fn approximate(number: &str) -> f64 {
    let (mantissa, exponent) = number.split_once(['e', 'E']).unwrap_or((number, "0"));
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let fraction = fraction.trim_end_matches('0');
    let exponent: i32 =
        exponent
            .parse()
            .unwrap_or(if exponent.starts_with('-') { -400 } else { 400 });
    let digits = whole
        .bytes()
        .chain(fraction.bytes())
        .filter(u8::is_ascii_digit);
    let value = digits.fold(0.0, |n: f64, d| n * 10.0 + f64::from(d - b'0'));
    let scale = exponent
        .saturating_sub(fraction.len() as i32)
        .clamp(-400, 400);
    let value = if scale < 0 {
        value / 10f64.powi(-scale)
    } else {
        value * 10f64.powi(scale)
    };
    if whole.starts_with('-') {
        -value
    } else {
        value
    }
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Out<V::Value> {
        match self.start()? {
            b'n' => {
                self.literal("null")?;
                visitor.visit_unit()
            }
            b't' => {
                self.literal("true")?;
                visitor.visit_bool(true)
            }
            b'f' => {
                self.literal("false")?;
                visitor.visit_bool(false)
            }
            b'"' => match self.string()? {
                Cow::Borrowed(s) => visitor.visit_borrowed_str(s),
                Cow::Owned(s) => visitor.visit_string(s),
            },
            b'[' => self.deserialize_seq(visitor),
            b'{' => self.deserialize_map(visitor),
            _ => {
                let number = self.number()?;
                if let Ok(n) = number.parse::<u64>() {
                    visitor.visit_u64(n)
                } else if let Ok(n) = number.parse::<i64>() {
                    visitor.visit_i64(n)
                } else {
                    visitor.visit_f64(approximate(number))
                }
            }
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Out<V::Value> {
        if self.null()? {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Out<V::Value> {
        if self.start()? == b'"' {
            self.deserialize_any(visitor)
        } else {
            Err(self.wrong(&visitor))
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Out<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Out<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Out<V::Value> {
        if self.start()? != b'[' {
            return Err(self.wrong(&visitor));
        }
        self.enter()?;
        let mut items = Items {
            reader: self,
            first: true,
            index: 0,
        };
        let value = visitor.visit_seq(&mut items)?;
        let mut first = items.first;
        self.close(b']', &mut first)?;
        Ok(value)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Out<V::Value> {
        if self.start()? != b'{' {
            return Err(self.wrong(&visitor));
        }
        let (gathered, end) = self.enter_object()?;
        let mut members = Members {
            reader: self,
            first: true,
            key: Cow::Borrowed(""),
            gathered: gathered.map(Vec::into_iter),
            value_at: 0,
        };
        let value = visitor.visit_map(&mut members)?;
        let (first, gathered) = (members.first, members.gathered.is_some());
        self.leave_object(end, first, gathered)?;
        Ok(value)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Out<V::Value> {
        self.deserialize_map(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Out<V::Value> {
        // The feed's enums are closed lists of names: a string.
        if self.start()? != b'"' {
            return Err(self.wrong(&visitor));
        }
        let name: Cow<'de, str> = self.string()?;
        visitor.visit_enum(name.into_deserializer())
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Out<V::Value> {
        self.skip()?;
        visitor.visit_unit()
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Out<V::Value> {
        if name != RAW {
            return visitor.visit_newtype_struct(self);
        }
        self.start()?;
        let start = self.pos;
        self.skip()?;
        visitor.visit_borrowed_str(self.slice(start, self.pos))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char bytes byte_buf unit
        unit_struct tuple tuple_struct
    }
}

/// The items of an array, for a visitor.
struct Items<'r, 'de> {
    reader: &'r mut Reader<'de>,
    first: bool,
    index: usize,
}

impl<'de> de::SeqAccess<'de> for &mut Items<'_, 'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Out<Option<T::Value>> {
        if !self.reader.has_next(b']', &mut self.first)? {
            return Ok(None);
        }
        let index = self.index;
        self.index += 1;
        seed.deserialize(&mut *self.reader)
            .map(Some)
            .map_err(|e| e.within(Step::Index(index)))
    }
}

/// The members of an object, for a visitor: as they come, or as [`Reader::gather`] found
/// them (one type for both, so that each visitor is instantiated once).
struct Members<'r, 'de> {
    reader: &'r mut Reader<'de>,
    first: bool,
    /// The key of the member whose value comes next, for its path.
    key: Cow<'de, str>,
    /// The gathered members still to visit: names and where their values start.
    gathered: Option<std::vec::IntoIter<(Cow<'de, str>, usize)>>,
    value_at: usize,
}

impl<'de> Members<'_, 'de> {
    /// The next member's name, or `None` after the last.
    fn advance(&mut self) -> Out<Option<Cow<'de, str>>> {
        let key = match &mut self.gathered {
            Some(gathered) => match gathered.next() {
                Some((key, value_at)) => {
                    self.value_at = value_at;
                    key
                }
                None => return Ok(None),
            },
            None if self.reader.has_next(b'}', &mut self.first)? => self.reader.key()?,
            None => return Ok(None),
        };
        self.key = key.clone();
        Ok(Some(key))
    }
}

impl<'de> de::MapAccess<'de> for &mut Members<'_, 'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Out<Option<K::Value>> {
        match self.advance()? {
            Some(key) => seed.deserialize(key.into_deserializer()).map(Some),
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Out<V::Value> {
        if self.gathered.is_some() {
            self.reader.pos = self.value_at;
        }
        seed.deserialize(&mut *self.reader)
            .map_err(|e| e.within(Step::Key(self.key.to_string())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_whole_or_approximate() {
        assert_eq!(approximate("1.0"), 1.0);
        assert_eq!(approximate("10e-1"), 1.0);
        assert_eq!(approximate("-2.50"), -2.5);
        assert_eq!(approximate("1e400"), f64::INFINITY);
        assert_eq!(check("[1e400]").unwrap_err().message, "number out of range");
        assert!(check("[1e-400, 1e300]").is_ok());
        assert_eq!(from_str::<u64>(" 18446744073709551615 ").unwrap(), u64::MAX);
        assert_eq!(from_str::<i64>("-9").unwrap(), -9);
    }

    #[test]
    fn syntax_errors_say_where() {
        let at = |text: &str| check(text).unwrap_err();
        assert_eq!(at("{\"a\" 1}").at, 5);
        assert_eq!(at("[1,]").message, "trailing comma");
        assert_eq!(at("[1] x").message, "trailing characters");
        assert_eq!(
            at("\"\\ud800\"").message,
            "lone leading surrogate in hex escape"
        );
        assert_eq!(at(&"[".repeat(200)).message, "recursion limit exceeded");
        assert!(check(" {\"a\": [1, -2.5e3, true, null, \"\\u00e9\"]} ").is_ok());
    }

    #[test]
    fn errors_carry_the_path_they_left() {
        let e = from_str::<Vec<std::collections::BTreeMap<String, Vec<u8>>>>(
            r#"[{"a": [1]}, {"b": [2, "x"]}]"#,
        )
        .unwrap_err();
        assert_eq!(e.path(), "[1].b[1]");
        assert_eq!(e.message, "invalid type: string, expected u8");
    }
}
