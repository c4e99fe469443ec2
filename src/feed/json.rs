//! A small, strict JSON reader: the document tree that the feed parser and the Statuspage
//! adapter walk.
//!
//! Why not serde_json's `Value`: its objects are B-trees (about 600 bytes for a three-key
//! object) and every string is copied, so a 9 MB feed took 90 MB of wasm memory and most of
//! its parse time went to the allocator; its parser and float code were also a good share of
//! the wasm. Here strings borrow from the text unless they contain escapes, objects are
//! short vectors, and numbers keep their text (a feed only ever compares `version` with 1).
//! The grammar is RFC 8259's, checked against serde_json by a differential fuzz target.
//!
//! It reads bytes, not a `str`: outside strings JSON is ASCII (any other byte is a syntax
//! error), so only strings' contents need checking as UTF-8, and they are checked as they
//! are taken. Checking a whole 10 MB body first, as a `String` must be, cost a pass over
//! every byte in the engine's cold baseline code; now most bytes are looked at once.

use crate::prelude::*;

use alloc::borrow::Cow;

/// A JSON value borrowing from the text it was read from.
#[derive(Debug, Clone, PartialEq)]
pub enum Json<'a> {
    Null,
    Bool(bool),
    /// The number as written (checked against JSON's grammar, never converted).
    Number(&'a str),
    String(Cow<'a, str>),
    Array(Vec<Json<'a>>),
    /// Members in document order. With a repeated key the last one counts, as in serde_json.
    Object(Vec<(Cow<'a, str>, Json<'a>)>),
}

/// The [`SyntaxError`] message for bytes that are not UTF-8, so that a reader of the error
/// (the command-line tool) can suggest the right fix.
pub const INVALID_UTF8: &str = "invalid UTF-8";

/// Arrays and objects nested deeper than this are refused, so a hostile document cannot
/// exhaust the stack (serde_json's limit too).
pub const MAX_DEPTH: usize = 128;

/// Why the text is not JSON (or not UTF-8), and where (1-based line and column, columns
/// in bytes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: usize,
    pub column: usize,
    pub message: &'static str,
}

impl<'a> Json<'a> {
    /// The member `key` of an object (the last, if repeated); `None` for other values.
    pub fn get(&self, key: &str) -> Option<&Json<'a>> {
        match self {
            Json::Object(members) => member(members, key),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }

    pub fn is_object(&self) -> bool {
        matches!(self, Json::Object(_))
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json<'a>]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }
}

/// The member `key` of an object's members; with a repeated key the last one counts.
pub fn member<'v, 'a>(members: &'v [(Cow<'a, str>, Json<'a>)], key: &str) -> Option<&'v Json<'a>> {
    members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
}

/// Reads one JSON document (surrounding whitespace allowed, nothing else) from UTF-8 bytes.
pub fn read(text: &[u8]) -> Result<Json<'_>, SyntaxError> {
    Reader::new(text, None).document()
}

/// Where a document's big array goes instead of its tree: see [`read_streaming`].
pub struct Stream<'s, 'a> {
    /// The top-level member whose array items are handed over as they are read.
    pub key: &'static str,
    /// Only once this top-level member has been read: it decides how items are understood.
    pub after: &'static str,
    /// `None` when an array of `key` starts (a repeated key starts over: the last counts),
    /// then each of its items in order.
    pub item: &'s mut dyn FnMut(Option<Json<'a>>),
    /// Whether the last `key` member was handed over (its place in the tree is then an
    /// empty array).
    pub used: bool,
}

/// Reads one document like [`read`], except that the items of the top-level array `key`,
/// when it comes after the member `after`, go to `stream.item` one by one as they are read
/// instead of into the tree. A feed's 10,000 incidents are then converted (and their trees
/// freed) one at a time, instead of all of them being held as a tree first.
pub fn read_streaming<'a>(
    text: &'a [u8],
    stream: &mut Stream<'_, 'a>,
) -> Result<Json<'a>, SyntaxError> {
    Reader::new(text, Some(stream)).document()
}

/// `bytes[from..to]` as text, for a range the caller has seen to be all ASCII.
///
/// Why not `str::from_utf8`: most of a feed's strings (keys, ids, timestamps, closed-list
/// names) are short and ASCII, and checking each again cost a call and a second pass per
/// string (~13 % of a big feed's parse instructions natively).
fn ascii(bytes: &[u8], from: usize, to: usize) -> &str {
    let text = bytes.get(from..to).unwrap_or_default();
    debug_assert!(text.is_ascii());
    // SAFETY: the caller or-ed every byte of `from..to` together and found no byte at or
    // above 0x80; ASCII bytes are valid UTF-8 on their own.
    unsafe { core::str::from_utf8_unchecked(text) }
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

struct Reader<'a, 's, 'r> {
    bytes: &'a [u8],
    pos: usize,
    depth: usize,
    /// Items of the arrays being read, innermost last: each array is then moved out in
    /// one exact-size allocation instead of a vector grown (and copied) item by item.
    items: Vec<Json<'a>>,
    /// Members of the objects being read, likewise.
    members: Vec<(Cow<'a, str>, Json<'a>)>,
    /// Where one top-level array's items go instead of `items` ([`read_streaming`]).
    stream: Option<&'r mut Stream<'s, 'a>>,
}

impl<'a, 's, 'r> Reader<'a, 's, 'r> {
    fn new(bytes: &'a [u8], stream: Option<&'r mut Stream<'s, 'a>>) -> Self {
        Reader {
            bytes,
            pos: 0,
            depth: 0,
            items: Vec::new(),
            members: Vec::new(),
            stream,
        }
    }

    fn document(mut self) -> Result<Json<'a>, SyntaxError> {
        let value = self.value()?;
        self.skip_whitespace();
        if self.pos < self.bytes.len() {
            return Err(self.error("trailing characters"));
        }
        Ok(value)
    }

    /// The text between two positions, which must be UTF-8: the error, at the first byte
    /// that is not, otherwise. (`get` rather than `[from..to]`: the positions are always in
    /// order and in bounds, and `get` has no panic path to link.)
    fn slice(&self, from: usize, to: usize) -> Result<&'a str, SyntaxError> {
        let bytes = self.bytes.get(from..to).unwrap_or_default();
        core::str::from_utf8(bytes).map_err(|e| self.error_at(from + e.valid_up_to(), INVALID_UTF8))
    }

    fn error(&self, message: &'static str) -> SyntaxError {
        self.error_at(self.pos, message)
    }

    fn error_at(&self, pos: usize, message: &'static str) -> SyntaxError {
        let before = &self.bytes[..pos.min(self.bytes.len())];
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        SyntaxError {
            line: 1 + before.iter().filter(|&&b| b == b'\n').count(),
            column: 1 + before.len() - line_start,
            message,
        }
    }

    /// Always inlined: the size-optimised build otherwise calls it for every byte outside
    /// strings (~15 % of a big feed's parse instructions, natively), and inlined it is
    /// smaller too.
    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.pos += 1;
        }
    }

    fn value(&mut self) -> Result<Json<'a>, SyntaxError> {
        self.skip_whitespace();
        match self.peek() {
            None => Err(self.error("EOF while parsing a value")),
            Some(b'{') => self.object(),
            Some(b'[') => self.array(false),
            Some(b'"') => self.string().map(Json::String),
            Some(b't') => self.literal("true", Json::Bool(true)),
            Some(b'f') => self.literal("false", Json::Bool(false)),
            Some(b'n') => self.literal("null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("expected value")),
        }
    }

    fn literal(&mut self, word: &'static str, value: Json<'a>) -> Result<Json<'a>, SyntaxError> {
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.error("expected value"))
        }
    }

    fn enter(&mut self) -> Result<(), SyntaxError> {
        self.depth += 1;
        self.pos += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error("recursion limit exceeded"));
        }
        Ok(())
    }

    /// Hands the stream an item, or (`None`) the start of its array.
    fn give(&mut self, item: Option<Json<'a>>) {
        if let Some(s) = self.stream.as_mut() {
            (s.item)(item);
        }
    }

    /// An array; with `streamed`, its items go to the stream as they are read and it leaves
    /// an empty array in the tree.
    fn array(&mut self, streamed: bool) -> Result<Json<'a>, SyntaxError> {
        if streamed {
            self.give(None);
        }
        self.enter()?;
        let mark = self.items.len();
        self.skip_whitespace();
        if self.peek() != Some(b']') {
            loop {
                let item = self.value()?;
                if streamed {
                    self.give(Some(item));
                } else {
                    self.items.push(item);
                }
                self.skip_whitespace();
                match self.peek() {
                    Some(b',') => {
                        self.pos += 1;
                        self.skip_whitespace();
                        if self.peek() == Some(b']') {
                            return Err(self.error("trailing comma"));
                        }
                    }
                    Some(b']') => break,
                    None => return Err(self.error("EOF while parsing a list")),
                    Some(_) => return Err(self.error("expected `,` or `]`")),
                }
            }
        }
        self.pos += 1;
        self.depth -= 1;
        Ok(Json::Array(self.items.split_off(mark)))
    }

    fn object(&mut self) -> Result<Json<'a>, SyntaxError> {
        self.enter()?;
        let mark = self.members.len();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            self.depth -= 1;
            return Ok(Json::Object(Vec::new()));
        }
        loop {
            match self.peek() {
                Some(b'"') => {}
                None => return Err(self.error("EOF while parsing an object")),
                Some(_) => return Err(self.error("key must be a string")),
            }
            let key = self.string()?;
            self.skip_whitespace();
            match self.peek() {
                Some(b':') => self.pos += 1,
                None => return Err(self.error("EOF while parsing an object")),
                Some(_) => return Err(self.error("expected `:`")),
            }
            let value = match &self.stream {
                Some(s) if self.depth == 1 && key == s.key => {
                    let after = s.after;
                    let ready = self.members[mark..].iter().any(|(k, _)| k == after);
                    self.skip_whitespace();
                    let streamed = ready && self.peek() == Some(b'[');
                    if let Some(s) = self.stream.as_mut() {
                        s.used = streamed;
                    }
                    if streamed {
                        self.array(true)?
                    } else {
                        self.value()?
                    }
                }
                _ => self.value()?,
            };
            self.members.push((key, value));
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => {
                    self.pos += 1;
                    self.skip_whitespace();
                    if self.peek() == Some(b'}') {
                        return Err(self.error("trailing comma"));
                    }
                }
                Some(b'}') => break,
                None => return Err(self.error("EOF while parsing an object")),
                Some(_) => return Err(self.error("expected `,` or `}`")),
            }
        }
        self.pos += 1;
        self.depth -= 1;
        Ok(Json::Object(self.members.split_off(mark)))
    }

    /// A string starting at the opening quote; borrowed when it has no escapes.
    fn string(&mut self) -> Result<Cow<'a, str>, SyntaxError> {
        self.pos += 1;
        let start = self.pos;
        let mut owned: Option<String> = None;
        // Every byte the scans below passed over, or-ed together: below 0x80, all ASCII.
        let mut high = 0u8;
        let mut run = start; // start of the text not yet copied into `owned`
        loop {
            // Skip plain characters in one tight scan: one table look-up per byte.
            let mut pos = self.pos;
            while let Some(&b) = self.bytes.get(pos) {
                if !PLAIN[usize::from(b)] {
                    break;
                }
                high |= b;
                pos += 1;
            }
            self.pos = pos;
            // The scan stops only at these (see `PLAIN`).
            match self.peek() {
                None => return Err(self.error("EOF while parsing a string")),
                Some(b'"') => {
                    let end = self.pos;
                    self.pos += 1;
                    return Ok(match owned {
                        None if high < 0x80 => Cow::Borrowed(ascii(self.bytes, start, end)),
                        None => Cow::Borrowed(self.slice(start, end)?),
                        Some(mut s) => {
                            s.push_str(self.slice(run, end)?);
                            Cow::Owned(s)
                        }
                    });
                }
                Some(b'\\') => {
                    let s = owned.get_or_insert_with(String::new);
                    s.push_str(self.slice(run, self.pos)?);
                    self.pos += 1;
                    s.push(self.escape()?);
                    run = self.pos;
                }
                Some(_) => {
                    return Err(self
                        .error("control character (\\u0000-\\u001F) found while parsing a string"))
                }
            }
        }
    }

    /// The character of an escape whose backslash has been read.
    fn escape(&mut self) -> Result<char, SyntaxError> {
        let Some(b) = self.peek() else {
            return Err(self.error("EOF while parsing a string"));
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
                match first {
                    0xD800..=0xDBFF => {
                        if !self.bytes[self.pos..].starts_with(b"\\u") {
                            return Err(self.error("lone leading surrogate in hex escape"));
                        }
                        self.pos += 2;
                        let second = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&second) {
                            return Err(self.error("lone leading surrogate in hex escape"));
                        }
                        let c = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                        char::from_u32(c).ok_or_else(|| self.error("invalid unicode code point"))?
                    }
                    0xDC00..=0xDFFF => return Err(self.error("invalid unicode code point")),
                    c => {
                        char::from_u32(c).ok_or_else(|| self.error("invalid unicode code point"))?
                    }
                }
            }
            _ => {
                self.pos -= 1;
                return Err(self.error("invalid escape"));
            }
        })
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let mut n = 0;
        for _ in 0..4 {
            let digit = match self.peek() {
                None => return Err(self.error("EOF while parsing a string")),
                Some(b) => (b as char).to_digit(16),
            };
            let Some(d) = digit else {
                return Err(self.error("invalid escape"));
            };
            n = n * 16 + d;
            self.pos += 1;
        }
        Ok(n)
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, kept as text.
    fn number(&mut self) -> Result<Json<'a>, SyntaxError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.error("invalid number")),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error("invalid number"));
            }
            self.digits();
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error("invalid number"));
            }
            self.digits();
        }
        Ok(Json::Number(self.slice(start, self.pos)?))
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
    }
}
