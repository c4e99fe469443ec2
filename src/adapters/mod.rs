//! Input formats other than our own feed, mapped into the same [`Feed`] types, and the one
//! entry point that tells them apart by looking at the document itself (never the URL).

pub mod statuspage;

use crate::feed::{self, ErrorKind, Feed, Node, ParseError, ParseErrors, Positions};

/// The format a document was recognised as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Our feed, version 1.
    FeedV1,
    /// An Atlassian Statuspage v2 public API document.
    Statuspage,
}

/// A document read into a feed: what it was, and the entries left out.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub feed: Feed,
    pub format: Format,
    /// One error per service or incident that could not be read (ours only: the Statuspage
    /// mapping is lenient throughout).
    pub skipped: Vec<ParseError>,
    /// Where the entries kept stood in the document (for warnings' paths).
    pub positions: Positions,
}

/// Recognises and reads any supported document, already parsed into a [`Node`].
pub fn read_node<N: Node>(root: N) -> Result<Document, ParseErrors> {
    let top = feed::top_of(root)?;
    if top.version.is_some() {
        let read = feed::read(top)?;
        return Ok(Document {
            feed: read.feed,
            format: Format::FeedV1,
            skipped: read.skipped,
            positions: read.positions,
        });
    }
    if top
        .page
        .as_ref()
        .is_some_and(|p| p.json_type() == "an object")
    {
        return Ok(Document {
            feed: statuspage::convert(top),
            format: Format::Statuspage,
            skipped: Vec::new(),
            positions: Positions::default(),
        });
    }
    Err(ParseErrors(vec![ParseError {
        path: "version".into(),
        kind: ErrorKind::Missing,
    }]))
}

/// Recognises and reads any supported document from its bytes, as they arrive (natively:
/// serde_json reads the text; the browser uses the engine's `JSON.parse`).
///
/// ```
/// use incident_banner::adapters::{read, Format};
/// let doc = read(br#"{"page":{"id":"x","name":"Example"},"status":{"indicator":"none"}}"#).unwrap();
/// assert_eq!(doc.format, Format::Statuspage);
/// ```
#[cfg(feature = "json")]
pub fn read(bytes: &[u8]) -> Result<Document, ParseErrors> {
    read_node(feed::json_value(feed::text(bytes)?)?)
}
