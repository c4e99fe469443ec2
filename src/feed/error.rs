//! What can be wrong with a feed: structural errors (the feed is rejected) and semantic
//! warnings (the feed still renders). Each carries the JSON path of the offending value,
//! such as `incidents[0].started_at`, and a message written for the person editing the feed.

use crate::prelude::*;

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
    /// The text is not JSON at all (an HTML error page, a truncated body).
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
    UnknownValue {
        value: String,
        allowed: &'static [&'static str],
    },
    /// A `version` this widget does not understand.
    UnsupportedVersion { found: String },
    /// A text field that is empty or only white space.
    EmptyText,
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::NotJson {
                line,
                column,
                detail,
            } => write!(
                f,
                "not valid JSON at line {line}, column {column}: {detail}"
            ),
            ErrorKind::Missing => write!(f, "required field is missing"),
            ErrorKind::WrongType { expected, found } => {
                write!(f, "expected {expected}, found {found}")
            }
            ErrorKind::NoOffset { value } => write!(
                f,
                "timestamp {} has no UTC offset; write it like \"2023-11-17T13:55:00+09:00\"",
                Quoted(value)
            ),
            ErrorKind::BadTimestamp { value } => write!(
                f,
                "{} is not an RFC 3339 timestamp such as \"2023-11-17T13:55:00+09:00\"",
                Quoted(value)
            ),
            ErrorKind::UnknownValue { value, allowed } => {
                write!(
                    f,
                    "{} is not one of: {}",
                    Quoted(value),
                    crate::text::join(allowed, ", ")
                )
            }
            ErrorKind::UnsupportedVersion { found } => {
                write!(
                    f,
                    "feed version {found} is not supported; this widget reads version 1"
                )
            }
            ErrorKind::EmptyText => write!(f, "text is empty"),
        }
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
