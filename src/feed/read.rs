//! A document → [`Feed`], through serde, from any reader of JSON values.
//!
//! The top level is read member by member, then each service and incident on its own: a
//! wrong top level (no `version`, no `incidents` array, no `publisher`) refuses the feed,
//! while an entry that does not fit its type is left out and reported, so one bad
//! incident does not hide the others. Unknown fields are ignored so the format can grow.
//!
//! The values come from a [`Node`]: serde_json's `Value` natively ([`parse`]), the text of a
//! value ([`super::json::Raw`]) for the crate's own reader, which the browser uses.

use super::error::{ErrorKind, ParseError, ParseErrors};
use super::fields::{Timestamp, Version};
use super::{Feed, Incident, Publisher, Service};
use serde::Deserialize;

/// Why a value did not fit its type: where inside it (`updates[0].text`, empty for the value
/// itself) and the reader's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Misfit {
    pub path: String,
    pub message: String,
}

impl Misfit {
    /// A problem with the value itself, not with a part of it.
    pub fn here(message: String) -> Self {
        Misfit {
            path: String::new(),
            message,
        }
    }
}

/// One JSON value not yet read into a type: the unit a bad entry is left out by. `'de` is
/// the document's text, for values that borrow from it.
pub trait Node<'de>: Sized + Deserialize<'de> {
    /// This value as `T`, or where and why it does not fit.
    fn read<T: Deserialize<'de>>(self) -> Result<T, Misfit>;
    /// This value as `T`, or why not, without the path: for values whose path is known
    /// (a list's items) or not needed (the lenient Statuspage mapping).
    fn read_plain<T: Deserialize<'de>>(self) -> Result<T, String>;
    /// Its JSON type as messages name it: `null`, `a boolean`, `a number`, `a string`, `an
    /// array` or `an object`.
    fn json_type(&self) -> &'static str;
}

/// `path` (as serde_path_to_error records it) written the way feed paths are:
/// `updates[0].text`.
#[cfg(feature = "cli")]
pub fn render_path(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } => join(&mut out, key),
            Segment::Enum { variant } => join(&mut out, variant),
            Segment::Unknown => join(&mut out, "?"),
        }
    }
    out
}

/// Appends member `key` to a feed path (`a` → `a.key`; `key` alone at the start).
pub(super) fn join(path: &mut String, key: &str) {
    if !path.is_empty() {
        path.push('.');
    }
    path.push_str(key);
}

/// The members of a top level that either input format uses, each still a [`Node`].
#[derive(Deserialize)]
#[serde(bound = "N: Node<'de>")]
pub struct Top<N> {
    #[serde(default)]
    pub version: Option<N>,
    #[serde(default)]
    pub publisher: Option<N>,
    #[serde(default)]
    pub updated_at: Option<N>,
    #[serde(default)]
    pub services: Option<N>,
    #[serde(default)]
    pub incidents: Option<N>,
    // Statuspage v2 (src/adapters/statuspage.rs).
    #[serde(default)]
    pub page: Option<N>,
    #[serde(default)]
    pub status: Option<N>,
    #[serde(default)]
    pub components: Option<N>,
    #[serde(default)]
    pub scheduled_maintenances: Option<N>,
}

/// A feed read leniently: the entries that fit, and the problems of those left out.
#[derive(Debug, Clone, PartialEq)]
pub struct Read {
    pub feed: Feed,
    /// One error per service or incident left out, with its path.
    pub skipped: Vec<ParseError>,
    /// Where each entry kept stood in the document, for the paths of later warnings.
    pub positions: Positions,
}

/// The position in the document of each service and incident of a feed (they differ from
/// the feed's own once an entry was left out). Empty lists mean "the same".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Positions {
    pub services: Vec<usize>,
    pub incidents: Vec<usize>,
}

impl Positions {
    /// The document position of the `i`-th service.
    pub fn service(&self, i: usize) -> usize {
        self.services.get(i).copied().unwrap_or(i)
    }

    /// The document position of the `i`-th incident.
    pub fn incident(&self, i: usize) -> usize {
        self.incidents.get(i).copied().unwrap_or(i)
    }
}

/// The problem `m` found inside the value at `at`, as a feed error.
pub fn misfit_at(at: &str, m: Misfit) -> ParseError {
    let (field, kind) = ErrorKind::from_message(&m.message);
    let mut path = at.to_string();
    if m.path.starts_with('[') {
        path.push_str(&m.path);
    } else if !m.path.is_empty() {
        join(&mut path, &m.path);
    }
    if let Some(field) = field {
        join(&mut path, &field);
    }
    ParseError { path, kind }
}

fn missing(path: &str) -> ParseError {
    ParseError {
        path: path.to_string(),
        kind: ErrorKind::Missing,
    }
}

/// The entries of a list member, each read on its own; the list itself must be an array.
fn entries<'de, N: Node<'de>, T: Deserialize<'de>>(
    list: Option<N>,
    key: &str,
    fatal: &mut Vec<ParseError>,
    skipped: &mut Vec<ParseError>,
) -> (Vec<T>, Vec<usize>) {
    let Some(list) = list.filter(|l| l.json_type() != "null") else {
        return (Vec::new(), Vec::new());
    };
    if list.json_type() != "an array" {
        fatal.push(ParseError {
            path: key.to_string(),
            kind: ErrorKind::WrongType {
                expected: "an array",
                found: list.json_type(),
            },
        });
        return (Vec::new(), Vec::new());
    }
    let items: Vec<N> = match list.read_plain() {
        Ok(items) => items,
        Err(message) => {
            fatal.push(misfit_at(key, Misfit::here(message)));
            return (Vec::new(), Vec::new());
        }
    };
    let mut out = Vec::with_capacity(items.len());
    let mut positions = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        match item.read() {
            Ok(entry) => {
                out.push(entry);
                positions.push(i);
            }
            Err(m) => skipped.push(misfit_at(&format!("{key}[{i}]"), m)),
        }
    }
    (out, positions)
}

/// Reads our feed format from its top level (which has a `version`).
pub fn read<'de, N: Node<'de>>(top: Top<N>) -> Result<Read, ParseErrors> {
    let mut fatal = Vec::new();
    let mut skipped = Vec::new();
    match top.version {
        None => fatal.push(missing("version")),
        Some(v) => {
            if let Err(m) = v.read::<Version>() {
                fatal.push(misfit_at("version", m));
            }
        }
    }
    let publisher = match top.publisher {
        None => {
            fatal.push(missing("publisher"));
            None
        }
        Some(p) => p
            .read::<Publisher>()
            .map_err(|m| fatal.push(misfit_at("publisher", m)))
            .ok(),
    };
    let updated_at = top.updated_at.and_then(|t| {
        t.read::<Timestamp>()
            .map_err(|m| fatal.push(misfit_at("updated_at", m)))
            .ok()
    });
    let (services, service_positions): (Vec<Service>, _) =
        entries(top.services, "services", &mut fatal, &mut skipped);
    if top
        .incidents
        .as_ref()
        .is_none_or(|i| i.json_type() == "null")
    {
        fatal.push(missing("incidents"));
    }
    let (incidents, incident_positions): (Vec<Incident>, _) =
        entries(top.incidents, "incidents", &mut fatal, &mut skipped);
    match publisher {
        Some(publisher) if fatal.is_empty() => Ok(Read {
            feed: Feed {
                publisher,
                updated_at: updated_at.map(|t| t.0),
                services,
                incidents,
            },
            skipped,
            positions: Positions {
                services: service_positions,
                incidents: incident_positions,
            },
        }),
        _ => {
            fatal.extend(skipped);
            Err(ParseErrors(fatal))
        }
    }
}

/// Said of bytes that are not UTF-8 (the CLI suggests saving the file as UTF-8).
pub const INVALID_UTF8: &str = "invalid UTF-8";

/// A document that is not JSON at all, with where it broke (0, 0 when unknown).
pub fn not_json(line: usize, column: usize, detail: impl Into<String>) -> ParseErrors {
    ParseErrors(vec![ParseError {
        path: String::new(),
        kind: ErrorKind::NotJson {
            line,
            column,
            detail: detail.into(),
        },
    }])
}

/// The line and column (from 1, in characters) of byte `at` of `text`.
pub fn line_and_column(text: &str, at: usize) -> (usize, usize) {
    let before = text.get(..at).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, column)
}

/// Bytes as they arrive, as text: UTF-8, without a leading byte-order mark (common in
/// hand-edited files and harmless).
pub fn text(bytes: &[u8]) -> Result<&str, ParseErrors> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    core::str::from_utf8(bytes).map_err(|e| {
        let valid = core::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or("");
        let (line, column) = line_and_column(valid, valid.len());
        not_json(line, column, INVALID_UTF8)
    })
}

#[cfg(feature = "cli")]
impl<'de> Node<'de> for serde_json::Value {
    fn read<T: Deserialize<'de>>(self) -> Result<T, Misfit> {
        serde_path_to_error::deserialize(self).map_err(|e| Misfit {
            path: render_path(e.path()),
            message: e.into_inner().to_string(),
        })
    }

    fn read_plain<T: Deserialize<'de>>(self) -> Result<T, String> {
        T::deserialize(self).map_err(|e| e.to_string())
    }

    fn json_type(&self) -> &'static str {
        use serde_json::Value;
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }
}

/// JSON text → its value, or where it is not JSON.
#[cfg(feature = "cli")]
pub fn json_value(text: &str) -> Result<serde_json::Value, ParseErrors> {
    serde_json::from_str(text).map_err(|e| {
        // serde_json's message ends with the position, which the error says on its own.
        let message = e.to_string();
        let detail = message
            .rsplit_once(" at line ")
            .map_or(message.as_str(), |(d, _)| d);
        not_json(e.line(), e.column(), detail)
    })
}

/// Parses and checks a feed document strictly, as its author needs it: every problem, and
/// an error when any entry is unreadable (the widget leaves such entries out instead).
///
/// ```
/// let feed = incident_banner::feed::parse(r#"{"version":1,"publisher":{"name":"행정안전부"},"incidents":[]}"#).unwrap();
/// assert!(feed.incidents.is_empty());
/// ```
#[cfg(feature = "cli")]
pub fn parse(text: &str) -> Result<Feed, ParseErrors> {
    let value = json_value(text.strip_prefix('\u{feff}').unwrap_or(text))?;
    let top = top_of(value)?;
    match read(top)? {
        Read { feed, skipped, .. } if skipped.is_empty() => Ok(feed),
        Read { skipped, .. } => Err(ParseErrors(skipped)),
    }
}

/// The top level of a document, which must be an object.
pub fn top_of<'de, N: Node<'de>>(root: N) -> Result<Top<N>, ParseErrors> {
    let found = root.json_type();
    let wrong = || {
        ParseErrors(vec![ParseError {
            path: String::new(),
            kind: ErrorKind::WrongType {
                expected: "an object",
                found,
            },
        }])
    };
    if found != "an object" {
        return Err(wrong());
    }
    root.read_plain()
        .map_err(|message| ParseErrors(vec![misfit_at("", Misfit::here(message))]))
}
