//! The publisher's desk: a draft feed and the three things that happen to it during an
//! outage (a new incident, an update, a recovery), as pure functions on the JSON document.
//! The command line's `init`/`new`/`update`/`resolve` are these functions; so is the desk
//! page. They work on the document itself, not on the feed types, so members this version
//! does not know survive, and every result is checked by the crate's own parser and
//! validator before anyone writes it.

pub mod actions;
pub mod draft;
pub mod when;

pub use actions::{init, new_incident, post_update, resolve, NewIncident, PostUpdate, Resolve};
pub use draft::Draft;

use crate::feed::{self, ParseError, Warning};
use crate::i18n::{problems, Lang};
use serde_json::Value;

/// Why an action was refused; the document is left as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActionError {
    /// The document is not a feed (not JSON, or not an object with `incidents`).
    NotAFeed,
    /// `init` on an empty publisher name, or `new` without a title.
    Missing { what: Field },
    /// `new` with an id an incident already has.
    IdTaken { id: String },
    /// No incident has this id.
    UnknownIncident { id: String },
    /// A status, kind or severity the format does not have.
    UnknownWord { what: &'static str, word: String },
    /// `resolve --service` naming a service the incident does not affect.
    UnknownService { incident: String, service: String },
    /// `resolve` on an incident with nothing left to resolve.
    AlreadyResolved { id: String },
    /// A time that could not be read (see [`when::WhenError`]).
    Time(when::WhenError),
    /// The result would not be a valid feed: each problem with its JSON path.
    Invalid { problems: Vec<ParseError> },
    /// The result would carry warnings the draft did not have (an end before its start).
    Worse { warnings: Vec<Warning> },
}

/// A value an action needs from its caller (the desk's form, the CLI's options): a typed
/// name, so the desk finds its form field without reading a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    PublisherName,
    Id,
    Title,
    Text,
}

impl Field {
    /// As messages name it: `publisher name`, `id`, `title`, `text`.
    pub fn name(self) -> &'static str {
        match self {
            Field::PublisherName => "publisher name",
            Field::Id => "id",
            Field::Title => "title",
            Field::Text => "text",
        }
    }

    /// The `name` of its field in the desk's forms (www/desk.html).
    pub fn form_name(self) -> &'static str {
        match self {
            Field::PublisherName => "publisher",
            other => other.name(),
        }
    }
}

impl ActionError {
    /// The message for a person, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let ko = lang == Lang::Ko;
        match self {
            ActionError::NotAFeed if ko => "장애 피드가 아닙니다 (JSON 객체에 incidents가 있어야 합니다)".into(),
            ActionError::NotAFeed => "not an incident feed (a JSON object with incidents)".into(),
            ActionError::Missing { what } if ko => format!("{}이(가) 필요합니다", what.name()),
            ActionError::Missing { what } => format!("{} is required", what.name()),
            ActionError::IdTaken { id } if ko => format!("id \"{id}\"인 사건이 이미 있습니다: 다른 id를 쓰세요"),
            ActionError::IdTaken { id } => format!("an incident with id \"{id}\" already exists: choose another id"),
            ActionError::UnknownIncident { id } if ko => format!("id \"{id}\"인 사건이 없습니다"),
            ActionError::UnknownIncident { id } => format!("no incident has the id \"{id}\""),
            ActionError::UnknownWord { what, word } if ko => {
                format!("{what} \"{word}\"은(는) 쓸 수 없습니다: {}", choices(what))
            }
            ActionError::UnknownWord { what, word } => {
                format!("unknown {what} \"{word}\": use {}", choices(what))
            }
            ActionError::UnknownService { incident, service } if ko => {
                format!("사건 \"{incident}\"의 영향 서비스에 \"{service}\"가 없습니다")
            }
            ActionError::UnknownService { incident, service } => {
                format!("incident \"{incident}\" does not affect a service \"{service}\"")
            }
            ActionError::AlreadyResolved { id } if ko => format!("사건 \"{id}\"은(는) 이미 종료되었습니다"),
            ActionError::AlreadyResolved { id } => format!("incident \"{id}\" is already resolved"),
            ActionError::Time(when::WhenError::NotATime { typed }) if ko => format!(
                "\"{typed}\"은(는) 없는 시각입니다: 2023-11-17 08:40 처럼 쓰세요"
            ),
            ActionError::Time(when::WhenError::NotATime { typed }) => format!(
                "\"{typed}\" is not a time that exists: write it as 2023-11-17 08:40"
            ),
            ActionError::Time(when::WhenError::ZoneUnknown { typed, zone }) if ko => format!(
                "\"{typed}\"에 오프셋이 없고, 발표 기관의 시간대 {zone}는 변환할 수 없습니다: 2023-11-17T08:40:00+09:00 처럼 오프셋을 붙이세요"
            ),
            ActionError::Time(when::WhenError::ZoneUnknown { typed, zone }) => format!(
                "\"{typed}\" has no offset, and the publisher's zone {zone} cannot be converted here: add it, as in 2023-11-17T08:40:00+09:00"
            ),
            ActionError::Invalid { problems: list } => {
                let lines: Vec<String> = list
                    .iter()
                    .map(|p| format!("{}: {}", path(&p.path), problems::error(&p.kind, lang).0))
                    .collect();
                let head = if ko {
                    "결과가 올바른 피드가 아닙니다"
                } else {
                    "the result would not be a valid feed"
                };
                format!("{head}:\n  {}", lines.join("\n  "))
            }
            ActionError::Worse { warnings } => {
                let lines: Vec<String> = warnings
                    .iter()
                    .map(|w| format!("{}: {}", w.path, problems::warning(&w.kind, lang).0))
                    .collect();
                let head = if ko {
                    "결과에 새 경고가 생깁니다"
                } else {
                    "the result would have new warnings"
                };
                format!("{head}:\n  {}", lines.join("\n  "))
            }
        }
    }
}

/// The words a field accepts, for messages.
fn choices(what: &str) -> &'static str {
    match what {
        "kind" | "종류" => "outage, maintenance, notice",
        "severity" | "심각도" => "critical, major, minor, info",
        _ => "investigating, identified, monitoring, resolved, scheduled, in_progress, completed",
    }
}

/// A text member of the draft (`"…"` or `{"ko": "…", "en": "…"}`) in `lang`, read as the
/// feed's `Text` and picked as the widget picks it; `None` when it is missing or not a text.
pub fn text_in(value: Option<&Value>, lang: Lang) -> Option<String> {
    use serde::Deserialize;
    let text = feed::Text::deserialize(value?).ok()?;
    Some(text.pick(lang).to_string())
}

/// Reads a draft from text: a Statuspage v2 document, converted to our feed; else any JSON
/// object with an `incidents` array, as it is (a valid feed, or one being repaired: the
/// action's result is what gets checked).
pub fn open(text: &str) -> Result<Value, ActionError> {
    let doc: Value = serde_json::from_str(text.strip_prefix('\u{feff}').unwrap_or(text))
        .map_err(|_| ActionError::NotAFeed)?;
    if let Ok(read) = crate::adapters::read(text.as_bytes()) {
        if read.format == crate::adapters::Format::Statuspage {
            return Ok(feed::to_json(&read.feed));
        }
    }
    match doc.get("incidents") {
        Some(Value::Array(_)) => Ok(doc),
        _ => Err(ActionError::NotAFeed),
    }
}

/// The draft as the published file: pretty-printed, members in the order they are in (new
/// ones in the schema's order), ending in a newline, so that diffs stay small.
pub fn to_text(doc: &Value) -> String {
    let mut text = serde_json::to_string_pretty(doc).unwrap_or_default();
    text.push('\n');
    text
}

/// The warnings of a valid draft; every problem when it is not valid.
pub fn check(doc: &Value) -> Result<Vec<Warning>, ActionError> {
    let feed = feed::parse(&doc.to_string())
        .map_err(|errors| ActionError::Invalid { problems: errors.0 })?;
    Ok(feed::validate(&feed))
}

fn path(p: &str) -> &str {
    if p.is_empty() {
        "(document)"
    } else {
        p
    }
}

/// `after` when it is a valid feed with no warning `before` did not have; else why not.
fn accept(before: &Value, after: Value) -> Result<Value, ActionError> {
    let old = check(before).unwrap_or_default();
    let worse: Vec<Warning> = check(&after)?
        .into_iter()
        .filter(|w| !old.contains(w))
        .collect();
    if worse.is_empty() {
        Ok(after)
    } else {
        Err(ActionError::Worse { warnings: worse })
    }
}
