//! The incident feed, version 1: the public contract between a publisher and the widget.
//!
//! The format is described once, by the serde types below; `www/schema/feed-v1.json` says
//! the same for other tools. [`read()`] reads a document member by member, and each service
//! and incident on its own, so one bad entry is left out instead of refusing the feed, and
//! every problem comes with its JSON path. [`validate()`] reports semantic problems as
//! warnings so that the rest of the feed still renders.

mod combine;
mod error;
mod fields;
pub mod json;
mod read;
pub mod validate;
#[cfg(feature = "cli")]
mod write;

pub use combine::{filter_services, merge};
pub use error::{ErrorKind, ParseError, ParseErrors, Quoted, Warning, WarningKind};
pub use fields::{Timestamp, Version};
#[cfg(feature = "cli")]
pub use read::{json_value, parse, render_path};
pub use read::{
    line_and_column, misfit_at, not_json, read, text, top_of, Misfit, Node, Positions, Read, Top,
    INVALID_UTF8,
};
pub use validate::{validate, validate_at};
#[cfg(feature = "cli")]
pub use write::{to_json, to_v1};

use crate::time::Instant;
use serde::{Deserialize, Serialize};

/// A human-readable text: one string for every reader, or one per language. In the feed, a
/// non-empty string or an object of language tag → string (`{"ko": "…", "en": "…"}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text {
    /// The same words for every language.
    Plain(String),
    /// Language tag (as written in the feed, e.g. `ko`, `en`) → words, sorted by tag.
    Localized(Vec<(String, String)>),
}

/// A whole feed document (its `version` is checked on reading and written by the CLI).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Feed {
    /// Who speaks: an agency, a company, a newsroom.
    pub publisher: Publisher,
    /// When the publisher last changed the document.
    #[serde(with = "fields::opt_instant")]
    pub updated_at: Option<Instant>,
    /// The services incidents can refer to by id.
    pub services: Vec<Service>,
    /// Every incident, in feed order.
    pub incidents: Vec<Incident>,
}

/// The organisation publishing the feed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Publisher {
    pub name: Text,
    #[serde(default)]
    pub url: Option<String>,
    /// IANA zone name such as `Asia/Seoul`: the default zone for displaying times.
    #[serde(default)]
    pub time_zone: Option<String>,
}

/// One service citizens use, such as 정부24 or 고용24.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Service {
    pub id: String,
    pub name: Text,
    #[serde(default)]
    pub url: Option<String>,
}

/// What sort of event an incident is; it decides how the banner ranks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Something broke.
    Outage,
    /// Planned work.
    Maintenance,
    /// Anything else worth telling readers.
    Notice,
}

/// How bad it is, from the reader's point of view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Info,
    Minor,
    Major,
    Critical,
}

/// Where the publisher says the incident stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Investigating,
    Identified,
    Monitoring,
    Resolved,
    Scheduled,
    InProgress,
    Completed,
    /// A status another format sent that we do not know: shown neutrally, never an error.
    /// Our own feed format rejects unknown statuses instead.
    #[serde(skip_deserializing)]
    Other,
}

impl Status {
    /// True for statuses that close an incident for good.
    pub fn is_closed(self) -> bool {
        matches!(self, Status::Resolved | Status::Completed)
    }
}

/// How one service is affected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImpactLevel {
    /// Not reachable at all.
    Down,
    /// Some functions or some users fail.
    Partial,
    /// Works, slowly or unreliably.
    Degraded,
    /// Taken offline on purpose.
    Maintenance,
}

/// One outage, maintenance or notice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Incident {
    pub id: String,
    pub kind: Kind,
    /// As the feed states it; [`Incident::severity`] gives the one to show.
    #[serde(default, rename = "severity")]
    pub stated_severity: Option<Severity>,
    pub status: Status,
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Text>,
    #[serde(default, with = "fields::opt_instant")]
    pub started_at: Option<Instant>,
    #[serde(default, with = "fields::opt_instant")]
    pub ended_at: Option<Instant>,
    /// The planned window of a maintenance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheduled: Option<Window>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_end: Option<ExpectedEnd>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cause: Option<Text>,
    #[serde(default, deserialize_with = "fields::list")]
    pub impacts: Vec<Impact>,
    #[serde(default, deserialize_with = "fields::list")]
    pub workarounds: Vec<Workaround>,
    #[serde(default, deserialize_with = "fields::list")]
    pub updates: Vec<Update>,
    #[serde(default, deserialize_with = "fields::list")]
    pub links: Vec<Link>,
    /// Who published this incident when it is not the feed's own publisher: set by
    /// [`merge`] for every incident of several feeds, and written, so a merged feed (`render
    /// --snapshot` of several feeds) keeps each incident's publisher. `None`: the feed's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<Text>,
}

impl Incident {
    /// The severity to show: the stated one, else major for an outage (with no stated
    /// severity it is still serious) and information for other kinds.
    pub fn severity(&self) -> Severity {
        self.stated_severity.unwrap_or(match self.kind {
            Kind::Outage => Severity::Major,
            _ => Severity::Info,
        })
    }
}

/// A planned time window.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Window {
    #[serde(with = "fields::instant")]
    pub from: Instant,
    #[serde(default, with = "fields::opt_instant")]
    pub until: Option<Instant>,
}

/// When the publisher expects things back, as an instant, words, or both.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExpectedEnd {
    #[serde(default, with = "fields::opt_instant")]
    pub at: Option<Instant>,
    #[serde(default)]
    pub text: Option<Text>,
}

/// How one service was affected, and for how long.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Impact {
    /// A [`Service::id`].
    pub service: String,
    #[serde(rename = "status")]
    pub level: ImpactLevel,
    #[serde(default, with = "fields::opt_instant")]
    pub from: Option<Instant>,
    #[serde(default, with = "fields::opt_instant")]
    pub until: Option<Instant>,
}

/// What citizens can do meanwhile, e.g. manual intake at the counter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Workaround {
    pub text: Text,
    #[serde(default)]
    pub url: Option<String>,
}

/// One official update, as published.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Update {
    #[serde(with = "fields::instant")]
    pub at: Instant,
    #[serde(default)]
    pub status: Option<Status>,
    pub text: Text,
}

/// A related page: a press release, a status page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    pub title: Text,
    pub url: String,
}
