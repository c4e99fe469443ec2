//! JSON text → [`Feed`], strict about structure, lenient about additions.
//!
//! Unknown fields are ignored so the format can grow; every structural problem is
//! collected (not just the first) so an author fixes a feed in one pass.

use crate::prelude::*;

use super::error::{ErrorKind, ParseError, ParseErrors};
use super::json::{self as reader, Json};
use super::*;
use alloc::borrow::Cow;

/// An object's members, as the reader gives them.
type Map<'a> = [(Cow<'a, str>, Json<'a>)];

/// Parses and structurally checks a feed document.
///
/// ```
/// let feed = incident_banner::feed::parse(r#"{"version":1,"publisher":{"name":"행정안전부"},"incidents":[]}"#).unwrap();
/// assert!(feed.incidents.is_empty());
/// ```
pub fn parse(text: &str) -> Result<Feed, ParseErrors> {
    let (value, incidents) = json(text.as_bytes())?;
    from_parts(&value, incidents)
}

/// A feed's incidents, converted while its text was read (see [`json()`]), with their errors.
#[derive(Debug)]
pub struct Incidents {
    list: Vec<Incident>,
    errors: Vec<ParseError>,
}

/// Reads JSON text, as UTF-8 bytes (a leading byte-order mark is ignored), for any of the
/// input formats. Bytes that are not UTF-8 are a syntax error (see [`reader`]).
///
/// When the document is one of our feeds whose `incidents` array follows its `version` (as
/// our writer and schema examples order them), each incident is converted as soon as it is
/// read and its tree dropped at once: they come back beside the tree, whose `incidents` is
/// then an empty array. Holding 10,000 incidents' trees at once and walking them afterwards
/// was most of a big feed's memory and a good part of its parse time. Any other document,
/// or order, is read whole into the tree as before.
pub fn json(text: &[u8]) -> Result<(Json<'_>, Option<Incidents>), ParseErrors> {
    // A byte-order mark is common in hand-edited files and harmless.
    let text = text.strip_prefix("\u{feff}".as_bytes()).unwrap_or(text);
    let mut cx = Cx::default();
    let mut list = Vec::new();
    let mut n = 0;
    let root = Path::Root;
    let base = root.key("incidents");
    let mut item = |v: Option<Json>| match v {
        // An `incidents` array starts: a repeated key starts over, as the last one counts.
        None => {
            list.clear();
            cx.errors.clear();
            n = 0;
        }
        Some(v) => {
            list.extend(cx.incident(&v, &Path::Index(&base, n)));
            n += 1;
        }
    };
    let mut stream = reader::Stream {
        key: "incidents",
        after: "version",
        item: &mut item,
        used: false,
    };
    let value = reader::read_streaming(text, &mut stream).map_err(|e| {
        ParseErrors(vec![ParseError {
            path: String::new(),
            kind: ErrorKind::NotJson {
                line: e.line,
                column: e.column,
                detail: e.message.to_string(),
            },
        }])
    })?;
    let incidents = stream.used.then_some(Incidents {
        list,
        errors: cx.errors,
    });
    Ok((value, incidents))
}

/// Structurally checks an already parsed feed document.
pub fn from_value(value: &Json) -> Result<Feed, ParseErrors> {
    from_parts(value, None)
}

/// Structurally checks a feed document whose incidents may have been converted while it
/// was read ([`json()`]).
pub fn from_parts(value: &Json, incidents: Option<Incidents>) -> Result<Feed, ParseErrors> {
    let mut cx = Cx {
        errors: Vec::new(),
        streamed: incidents,
    };
    let feed = cx.feed(value);
    match feed {
        Some(feed) if cx.errors.is_empty() => Ok(feed),
        _ => Err(ParseErrors(cx.errors)),
    }
}

fn type_name(v: &Json) -> &'static str {
    match v {
        Json::Null => "null",
        Json::Bool(_) => "a boolean",
        Json::Number(_) => "a number",
        Json::String(_) => "a string",
        Json::Array(_) => "an array",
        Json::Object(_) => "an object",
    }
}

/// Where a value sits in the document. Rendered (`incidents[3].updates[0].at`) only when an
/// error needs it: building that string for every value visited cost more than the parse
/// itself on a feed of 100,000 updates.
#[derive(Clone, Copy)]
enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    fn key(&'a self, key: &'a str) -> Path<'a> {
        Path::Key(self, key)
    }

    fn render(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self {
            Path::Root => {}
            Path::Key(parent, key) => {
                parent.write(out);
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Path::Index(parent, i) => {
                parent.write(out);
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }
}

/// Collects errors while walking the document.
#[derive(Default)]
struct Cx {
    errors: Vec<ParseError>,
    /// The incidents already converted while the text was read, if they were.
    streamed: Option<Incidents>,
}

impl Cx {
    fn error(&mut self, path: String, kind: ErrorKind) {
        self.errors.push(ParseError { path, kind });
    }

    fn wrong(&mut self, path: String, expected: &'static str, v: &Json) {
        self.error(
            path,
            ErrorKind::WrongType {
                expected,
                found: type_name(v),
            },
        );
    }

    /// `obj[key]` when present and not null.
    fn field<'v>(obj: &'v Map<'v>, key: &str) -> Option<&'v Json<'v>> {
        reader::member(obj, key).filter(|v| !v.is_null())
    }

    fn required<'v>(&mut self, obj: &'v Map<'v>, path: &Path, key: &str) -> Option<&'v Json<'v>> {
        let v = Self::field(obj, key);
        if v.is_none() {
            self.error(path.key(key).render(), ErrorKind::Missing);
        }
        v
    }

    fn object<'v>(&mut self, v: &'v Json<'v>, path: &Path) -> Option<&'v Map<'v>> {
        match v {
            Json::Object(m) => Some(m),
            other => {
                self.wrong(path.render(), "an object", other);
                None
            }
        }
    }

    /// The string `v`, borrowed: timestamps and names from closed lists are only read, so
    /// copying each (some 200,000 in a big feed) would be wasted allocations.
    fn str<'v>(&mut self, v: &'v Json, path: &Path) -> Option<&'v str> {
        match v {
            Json::String(s) => Some(s),
            other => {
                self.wrong(path.render(), "a string", other);
                None
            }
        }
    }

    fn string(&mut self, v: &Json, path: &Path) -> Option<String> {
        self.str(v, path).map(str::to_string)
    }

    fn opt_string(&mut self, obj: &Map, path: &Path, key: &str) -> Option<String> {
        Self::field(obj, key).and_then(|v| self.string(v, &path.key(key)))
    }

    fn req_string(&mut self, obj: &Map, path: &Path, key: &str) -> Option<String> {
        self.required(obj, path, key)
            .and_then(|v| self.string(v, &path.key(key)))
    }

    /// A string, or an object of language → string.
    fn text(&mut self, v: &Json, path: &Path) -> Option<Text> {
        match v {
            Json::String(s) if s.trim().is_empty() => {
                self.error(path.render(), ErrorKind::EmptyText);
                None
            }
            Json::String(s) => Some(Text::Plain(s.to_string())),
            Json::Object(m) => {
                // Sorted by language, a repeated one counting once (its last value).
                let mut out: Vec<(String, String)> = Vec::with_capacity(m.len());
                for (lang, s) in m {
                    if let Some(s) = self.string(s, &path.key(lang)) {
                        match out.iter_mut().find(|(l, _)| l == lang) {
                            Some(entry) => entry.1 = s,
                            None => out.push((lang.to_string(), s)),
                        }
                    }
                }
                crate::sort::sort_by(&mut out, |a, b| a.0 < b.0);
                if m.is_empty() {
                    self.error(path.render(), ErrorKind::EmptyText);
                    return None;
                }
                Some(Text::Localized(out))
            }
            other => {
                self.wrong(
                    path.render(),
                    "a string or an object of language → string",
                    other,
                );
                None
            }
        }
    }

    fn opt_text(&mut self, obj: &Map, path: &Path, key: &str) -> Option<Text> {
        Self::field(obj, key).and_then(|v| self.text(v, &path.key(key)))
    }

    fn req_text(&mut self, obj: &Map, path: &Path, key: &str) -> Option<Text> {
        self.required(obj, path, key)
            .and_then(|v| self.text(v, &path.key(key)))
    }

    fn instant(&mut self, v: &Json, path: &Path) -> Option<Instant> {
        let s = self.str(v, path)?;
        match crate::time::parse_rfc3339(s) {
            Some(t) => Some(t),
            None => {
                let value = s.to_string();
                let kind = if looks_offsetless(s) {
                    ErrorKind::NoOffset { value }
                } else {
                    ErrorKind::BadTimestamp { value }
                };
                self.error(path.render(), kind);
                None
            }
        }
    }

    fn opt_instant(&mut self, obj: &Map, path: &Path, key: &str) -> Option<Instant> {
        Self::field(obj, key).and_then(|v| self.instant(v, &path.key(key)))
    }

    fn req_instant(&mut self, obj: &Map, path: &Path, key: &str) -> Option<Instant> {
        self.required(obj, path, key)
            .and_then(|v| self.instant(v, &path.key(key)))
    }

    /// A value from a closed list: one of `T::NAMES`.
    fn one_of<T: Named>(&mut self, v: &Json, path: &Path) -> Option<T> {
        let s = self.str(v, path)?;
        match T::NAMES.iter().position(|n| *n == s) {
            Some(i) => Some(T::VALUES[i]),
            None => {
                self.error(
                    path.render(),
                    ErrorKind::UnknownValue {
                        value: s.to_string(),
                        allowed: T::NAMES,
                    },
                );
                None
            }
        }
    }

    /// Every element of an optional array field, parsed with `item`; absent or null is empty.
    fn array<T>(
        &mut self,
        obj: &Map,
        path: &Path,
        key: &str,
        mut item: impl FnMut(&mut Self, &Json, &Path) -> Option<T>,
    ) -> Vec<T> {
        let path = path.key(key);
        match Self::field(obj, key) {
            None => Vec::new(),
            Some(Json::Array(items)) => {
                // Sized up front: most items parse, and growing 100,000 updates' worth of
                // vectors item by item copies them several times over.
                let mut out = Vec::with_capacity(items.len());
                for (i, v) in items.iter().enumerate() {
                    out.extend(item(self, v, &Path::Index(&path, i)));
                }
                out
            }
            Some(other) => {
                self.wrong(path.render(), "an array", other);
                Vec::new()
            }
        }
    }

    fn feed(&mut self, v: &Json) -> Option<Feed> {
        let obj = self.object(v, &Path::Root)?;
        self.version(obj);
        let publisher = self
            .required(obj, &Path::Root, "publisher")
            .and_then(|v| self.publisher(v, &Path::Root.key("publisher")));
        let updated_at = self.opt_instant(obj, &Path::Root, "updated_at");
        let services = self.array(obj, &Path::Root, "services", Self::service);
        if Self::field(obj, "incidents").is_none() {
            self.error("incidents".into(), ErrorKind::Missing);
        }
        let incidents = match self.streamed.take() {
            Some(streamed) => {
                self.errors.extend(streamed.errors);
                streamed.list
            }
            None => self.array(obj, &Path::Root, "incidents", Self::incident),
        };
        Some(Feed {
            publisher: publisher?,
            updated_at,
            services,
            incidents,
        })
    }

    fn version(&mut self, obj: &Map) {
        match self.required(obj, &Path::Root, "version") {
            Some(Json::Number("1")) => {}
            Some(Json::Number(n)) => self.error(
                "version".into(),
                ErrorKind::UnsupportedVersion {
                    found: n.to_string(),
                },
            ),
            Some(other) => self.wrong("version".into(), "the number 1", other),
            None => {}
        }
    }

    fn publisher(&mut self, v: &Json, path: &Path) -> Option<Publisher> {
        let obj = self.object(v, path)?;
        let name = self.req_text(obj, path, "name");
        let url = self.opt_string(obj, path, "url");
        let time_zone = self.opt_string(obj, path, "time_zone");
        Some(Publisher {
            name: name?,
            url,
            time_zone,
        })
    }

    fn service(&mut self, v: &Json, path: &Path) -> Option<Service> {
        let obj = self.object(v, path)?;
        let id = self.req_string(obj, path, "id");
        let name = self.req_text(obj, path, "name");
        let url = self.opt_string(obj, path, "url");
        Some(Service {
            id: id?,
            name: name?,
            url,
        })
    }

    fn incident(&mut self, v: &Json, path: &Path) -> Option<Incident> {
        let obj = self.object(v, path)?;
        let id = self.req_string(obj, path, "id");
        let kind = self
            .required(obj, path, "kind")
            .and_then(|v| self.one_of(v, &path.key("kind")));
        let severity =
            Self::field(obj, "severity").and_then(|v| self.one_of(v, &path.key("severity")));
        let status = self
            .required(obj, path, "status")
            .and_then(|v| self.one_of(v, &path.key("status")));
        let title = self.req_text(obj, path, "title");
        let summary = self.opt_text(obj, path, "summary");
        let started_at = self.opt_instant(obj, path, "started_at");
        let ended_at = self.opt_instant(obj, path, "ended_at");
        let scheduled =
            Self::field(obj, "scheduled").and_then(|v| self.window(v, &path.key("scheduled")));
        let expected_end = Self::field(obj, "expected_end")
            .and_then(|v| self.expected_end(v, &path.key("expected_end")));
        let region = self.opt_text(obj, path, "region");
        let cause = self.opt_text(obj, path, "cause");
        let impacts = self.array(obj, path, "impacts", Self::impact);
        let workarounds = self.array(obj, path, "workarounds", Self::workaround);
        let updates = self.array(obj, path, "updates", Self::update);
        let links = self.array(obj, path, "links", Self::link);
        let kind = kind?;
        Some(Incident {
            id: id?,
            kind,
            // An outage with no stated severity is still serious; other kinds are information.
            severity: severity.unwrap_or(match kind {
                Kind::Outage => Severity::Major,
                _ => Severity::Info,
            }),
            status: status?,
            title: title?,
            summary,
            started_at,
            ended_at,
            scheduled,
            expected_end,
            region,
            cause,
            impacts,
            workarounds,
            updates,
            links,
            publisher: None,
        })
    }

    fn window(&mut self, v: &Json, path: &Path) -> Option<Window> {
        let obj = self.object(v, path)?;
        let from = self.req_instant(obj, path, "from");
        let until = self.opt_instant(obj, path, "until");
        Some(Window { from: from?, until })
    }

    fn expected_end(&mut self, v: &Json, path: &Path) -> Option<ExpectedEnd> {
        let obj = self.object(v, path)?;
        let at = self.opt_instant(obj, path, "at");
        let text = self.opt_text(obj, path, "text");
        Some(ExpectedEnd { at, text })
    }

    fn impact(&mut self, v: &Json, path: &Path) -> Option<Impact> {
        let obj = self.object(v, path)?;
        let service = self.req_string(obj, path, "service");
        let level = self
            .required(obj, path, "status")
            .and_then(|v| self.one_of(v, &path.key("status")));
        let from = self.opt_instant(obj, path, "from");
        let until = self.opt_instant(obj, path, "until");
        Some(Impact {
            service: service?,
            level: level?,
            from,
            until,
        })
    }

    fn workaround(&mut self, v: &Json, path: &Path) -> Option<Workaround> {
        let obj = self.object(v, path)?;
        let text = self.req_text(obj, path, "text");
        let url = self.opt_string(obj, path, "url");
        Some(Workaround { text: text?, url })
    }

    fn update(&mut self, v: &Json, path: &Path) -> Option<Update> {
        let obj = self.object(v, path)?;
        let at = self.req_instant(obj, path, "at");
        let status = Self::field(obj, "status").and_then(|v| self.one_of(v, &path.key("status")));
        let text = self.req_text(obj, path, "text");
        Some(Update {
            at: at?,
            status,
            text: text?,
        })
    }

    fn link(&mut self, v: &Json, path: &Path) -> Option<Link> {
        let obj = self.object(v, path)?;
        let title = self.req_text(obj, path, "title");
        let url = self.req_string(obj, path, "url");
        Some(Link {
            title: title?,
            url: url?,
        })
    }
}

/// True when `s` is a valid local date-time that only lacks its offset (seconds optional).
/// Reuses the RFC 3339 parser: strftime patterns would link chrono's formatter into the wasm.
fn looks_offsetless(s: &str) -> bool {
    [format!("{s}Z"), format!("{s}:00Z")]
        .iter()
        .any(|candidate| crate::time::parse_rfc3339(candidate).is_some())
}
