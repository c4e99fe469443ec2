//! What can be wrong with a feed: structural errors (the feed is rejected) and semantic
//! warnings (the feed still renders). Each carries the JSON path of the offending value,
//! such as `incidents[0].started_at`, and a message written for the person editing the feed.

use core::fmt;

/// A structural problem: the feed cannot be trusted as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// JSON path of the value, e.g. `incidents[2].impacts[0].from`; empty for the document.
    pub path: String,
    pub kind: ErrorKind,
}

/// The kinds of structural problems.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorKind {
    /// The text is not JSON at all (an HTML error page, a truncated body). `line` and
    /// `column` count from 1; 0 when the reader did not say where (some browsers do not).
    NotJson {
        line: usize,
        column: usize,
        detail: String,
    },
    /// A required field is absent or `null`.
    Missing,
    /// The value has the wrong JSON type.
    WrongType {
        expected: &'static str,
        found: &'static str,
    },
    /// A timestamp without an offset: we refuse to guess the zone.
    NoOffset { value: String },
    /// A timestamp that is not RFC 3339, or names a day that does not exist.
    BadTimestamp { value: String },
    /// A value outside a closed list, e.g. a `kind` of `"earthquake"`.
    UnknownValue { value: String, allowed: Vec<String> },
    /// A `version` this widget does not understand.
    UnsupportedVersion { found: String },
    /// A text field that is empty or only white space.
    EmptyText,
    /// Anything else a reader said (an array of the wrong length, a number too large).
    Other { message: String },
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::NotJson {
                line,
                column,
                detail,
            } if *line > 0 => write!(
                f,
                "not valid JSON at line {line}, column {column}: {detail}"
            ),
            ErrorKind::NotJson { detail, .. } => write!(f, "not valid JSON: {detail}"),
            ErrorKind::Missing => write!(f, "required field is missing"),
            ErrorKind::WrongType { expected, found } => {
                write!(f, "expected {expected}, found {found}")
            }
            ErrorKind::NoOffset { value } => write!(f, "{}{value}{}", NO_OFFSET.0, NO_OFFSET.1),
            ErrorKind::BadTimestamp { value } => {
                write!(f, "{}{value}{}", BAD_TIMESTAMP.0, BAD_TIMESTAMP.1)
            }
            ErrorKind::UnknownValue { value, allowed } => {
                write!(f, "{} is not one of: {}", Quoted(value), allowed.join(", "))
            }
            ErrorKind::UnsupportedVersion { found } => write!(
                f,
                "{}{found}{}",
                UNSUPPORTED_VERSION.0, UNSUPPORTED_VERSION.1
            ),
            ErrorKind::EmptyText => write!(f, "{EMPTY_TEXT}"),
            ErrorKind::Other { message } => write!(f, "{message}"),
        }
    }
}

const EMPTY_TEXT: &str = "text is empty";
const NO_OFFSET: (&str, &str) = (
    "timestamp \"",
    "\" has no UTC offset; write it like \"2023-11-17T13:55:00+09:00\"",
);
const BAD_TIMESTAMP: (&str, &str) = (
    "\"",
    "\" is not an RFC 3339 timestamp such as \"2023-11-17T13:55:00+09:00\"",
);
const UNSUPPORTED_VERSION: (&str, &str) = (
    "feed version ",
    " is not supported; this widget reads version 1",
);

/// The inside of `text` between `frame`'s two ends, if it has them.
fn framed<'a>(text: &'a str, (start, end): (&str, &str)) -> Option<&'a str> {
    text.strip_prefix(start)?.strip_suffix(end)
}

/// What a text must be, as error messages say it.
pub(super) const TEXT_EXPECTED: &str = "a string or an object of language → string";

/// What `version` must be, as error messages say it.
pub(super) const VERSION_EXPECTED: &str = "the number 1";

/// The JSON type a serde "unexpected" value names (`string "x"`, `integer `3``, `map`).
fn json_type(unexpected: &str) -> &'static str {
    let first = unexpected.split([' ', '`']).next().unwrap_or("");
    match first {
        "string" | "character" => "a string",
        "integer" | "floating" => "a number",
        "boolean" => "a boolean",
        "sequence" | "tuple" => "an array",
        "map" | "struct" => "an object",
        _ => "null",
    }
}

/// What serde's "expected …" names, in the feed's words.
fn expected_type(expected: &str) -> &'static str {
    match expected {
        TEXT_EXPECTED => TEXT_EXPECTED,
        VERSION_EXPECTED => VERSION_EXPECTED,
        "a sequence" => "an array",
        "a string" | "variant identifier" => "a string",
        "a boolean" => "a boolean",
        e if e.starts_with("struct ") || e.starts_with("a map") => "an object",
        e if e.starts_with("enum ") => "a string",
        e if e.starts_with('u') || e.starts_with('i') || e.starts_with('f') => "a number",
        _ => "another type",
    }
}

/// The names between backticks in `text`: serde's list of allowed variants.
fn backticked(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

impl ErrorKind {
    /// Reads a deserializer's message back into a kind, with the field it names (serde
    /// reports a missing field at its object). Messages serde writes (`missing field`,
    /// `invalid type`, `unknown variant`) and the ones `fields` writes from an `ErrorKind`
    /// come back as themselves; anything else is [`ErrorKind::Other`].
    pub fn from_message(message: &str) -> (Option<String>, ErrorKind) {
        let m = message;
        if let Some(rest) = m.strip_prefix("missing field `") {
            let field = rest.split('`').next().unwrap_or("");
            return (Some(field.to_string()), ErrorKind::Missing);
        }
        if let Some(rest) = m.strip_prefix("invalid type: ") {
            let (found, expected) = rest.rsplit_once(", expected ").unwrap_or((rest, ""));
            let found = json_type(found);
            if found == "null" {
                return (None, ErrorKind::Missing);
            }
            let expected = expected_type(expected);
            return (None, ErrorKind::WrongType { expected, found });
        }
        if let Some(rest) = m.strip_prefix("unknown variant `") {
            let (value, allowed) = rest.split_once('`').unwrap_or((rest, ""));
            return (
                None,
                ErrorKind::UnknownValue {
                    value: value.to_string(),
                    allowed: backticked(allowed),
                },
            );
        }
        let kind = if m == EMPTY_TEXT {
            ErrorKind::EmptyText
        } else if let Some(value) = framed(m, NO_OFFSET) {
            ErrorKind::NoOffset {
                value: value.to_string(),
            }
        } else if let Some(value) = framed(m, BAD_TIMESTAMP) {
            ErrorKind::BadTimestamp {
                value: value.to_string(),
            }
        } else if let Some(found) = framed(m, UNSUPPORTED_VERSION) {
            ErrorKind::UnsupportedVersion {
                found: found.to_string(),
            }
        } else {
            ErrorKind::Other {
                message: m.to_string(),
            }
        };
        (None, kind)
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.kind)
        } else {
            write!(f, "{}: {}", self.path, self.kind)
        }
    }
}

/// Every structural problem found in one feed (never empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseErrors(pub Vec<ParseError>);

impl ParseErrors {
    /// The first problem: the one a reader-facing message names.
    pub fn first(&self) -> &ParseError {
        &self.0[0]
    }
}

impl fmt::Display for ParseErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl core::error::Error for ParseErrors {}

/// A semantic problem: the feed renders, but its author should fix this.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub path: String,
    pub kind: WarningKind,
}

/// The kinds of semantic problems.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WarningKind {
    /// An impact or filter names a service the feed does not declare.
    UnknownService { id: String },
    /// An end (`ended_at`, `until`) is before its start.
    EndsBeforeStart,
    /// Two incidents, or two services, share an id.
    DuplicateId { id: String },
    /// A URL that is not `http:` or `https:`; it is shown as text, never as a link.
    NotHttpUrl { value: String },
}

/// A value from the feed or the page in double quotes, for messages. Not `{:?}`: its
/// escaping machinery and Unicode tables were 4 KB of wasm for a handful of messages.
pub struct Quoted<'a>(pub &'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\"{}\"", self.0)
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.path)?;
        match &self.kind {
            WarningKind::UnknownService { id } => write!(
                f,
                "service {} is not declared in \"services\"; its id is shown instead of a name",
                Quoted(id)
            ),
            WarningKind::EndsBeforeStart => write!(f, "the end is before the start"),
            WarningKind::DuplicateId { id } => {
                write!(f, "id {} is used more than once", Quoted(id))
            }
            WarningKind::NotHttpUrl { value } => {
                write!(
                    f,
                    "{} is not an http(s) URL; it will not be linked",
                    Quoted(value)
                )
            }
        }
    }
}
