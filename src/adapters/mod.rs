//! Input formats other than our own feed, mapped into the same [`Feed`] types, and the one
//! entry point that tells them apart by looking at the document itself (never the URL).

use crate::prelude::*;

pub mod statuspage;

use crate::feed::{self, ErrorKind, Feed, ParseError, ParseErrors};

/// The format a document was recognised as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Our feed, version 1.
    FeedV1,
    /// An Atlassian Statuspage v2 public API document.
    Statuspage,
}

/// Recognises and reads any supported document.
///
/// ```
/// use incident_banner::adapters::{read, Format};
/// let (_, format) = read(br#"{"page":{"id":"x","name":"Example"},"status":{"indicator":"none"}}"#).unwrap();
/// assert_eq!(format, Format::Statuspage);
/// ```
///
/// The document comes as bytes, as it arrives: it must be UTF-8, which the JSON reader
/// checks where it matters (see [`feed::json()`]).
pub fn read(text: &[u8]) -> Result<(Feed, Format), ParseErrors> {
    let (value, incidents) = feed::json(text)?;
    if value.get("version").is_some() {
        return Ok((feed::from_parts(&value, incidents)?, Format::FeedV1));
    }
    if statuspage::detect(&value) {
        return Ok((statuspage::convert(&value), Format::Statuspage));
    }
    if value.is_object() {
        return Err(ParseErrors(vec![ParseError {
            path: "version".into(),
            kind: ErrorKind::Missing,
        }]));
    }
    // Not an object at all: let the feed parser say so with its usual message.
    feed::from_value(&value).map(|f| (f, Format::FeedV1))
}
