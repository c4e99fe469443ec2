//! Input formats other than our own feed, mapped into the same [`Feed`] types, and the one
//! entry point that tells them apart by looking at the document itself (never the URL).

pub mod statuspage;

use crate::feed::{self, ErrorKind, Feed, Node, ParseError, ParseErrors, Positions, Top};

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
pub fn read_node<'de, N: Node<'de>>(root: N) -> Result<Document, ParseErrors> {
    read_top(feed::top_of(root)?)
}

/// Recognises and reads any supported document from the members of its top level.
fn read_top<'de, N: Node<'de>>(top: Top<N>) -> Result<Document, ParseErrors> {
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

/// Recognises and reads any supported document from its bytes, as they arrive, with
/// serde_json (the command-line tool and native tests; the browser uses
/// [`read_with_own_reader`]).
///
/// ```
/// use incident_banner::adapters::{read, Format};
/// let doc = read(br#"{"page":{"id":"x","name":"Example"},"status":{"indicator":"none"}}"#).unwrap();
/// assert_eq!(doc.format, Format::Statuspage);
/// ```
#[cfg(feature = "cli")]
pub fn read(bytes: &[u8]) -> Result<Document, ParseErrors> {
    read_node(feed::json_value(feed::text(bytes)?)?)
}

/// Recognises and reads any supported document from its bytes with the crate's own JSON
/// reader ([`feed::json`]): what the browser does, with the same result as [`read`].
pub fn read_with_own_reader(bytes: &[u8]) -> Result<Document, ParseErrors> {
    let text = feed::text(bytes)?;
    // Reading the top level reads past every member, which checks the whole text's syntax:
    // no separate pass. It stops at the first problem, though, so after any other error
    // (not an object, a repeated member) the rest of the text is checked before that error
    // is said.
    let top = feed::json::from_str::<Top<feed::json::Raw>>(text);
    let syntax = match &top {
        Ok(_) => None,
        Err(e) => e.syntax_error().or_else(|| feed::json::check(text).err()),
    };
    match (top, syntax) {
        (Ok(top), _) => read_top(top),
        (Err(_), Some(e)) => {
            let (line, column) = feed::line_and_column(text, e.at);
            Err(feed::not_json(line, column, e.message))
        }
        (Err(_), None) => read_node(feed::json::Raw(text)),
    }
}
