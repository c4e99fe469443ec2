//! The incident feed, version 1: the public contract between a publisher and the widget.
//!
//! A feed is a static JSON document. [`parse`] turns its text into a [`Feed`], failing with
//! every structural problem it found (each with its JSON path), and [`validate()`] reports
//! semantic problems as warnings so that the rest of the feed still renders.

use crate::prelude::*;

mod combine;
mod error;
pub mod json;
mod parse;
pub mod validate;
#[cfg(feature = "std")]
mod write;

pub use combine::{filter_services, merge};
pub use error::{ErrorKind, ParseError, ParseErrors, Quoted, Warning, WarningKind};
pub use parse::{from_parts, from_value, json, parse, Incidents};
pub use validate::validate;
#[cfg(feature = "std")]
pub use write::{status_name, to_json};

use crate::time::Instant;

/// A human-readable text: one string for every reader, or one per language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text {
    /// The same words for every language.
    Plain(String),
    /// Language tag (as written in the feed, e.g. `ko`, `en`) → words, sorted by tag.
    Localized(Vec<(String, String)>),
}

/// A whole feed document.
#[derive(Debug, Clone, PartialEq)]
pub struct Feed {
    /// Who speaks: an agency, a company, a newsroom.
    pub publisher: Publisher,
    /// When the publisher last changed the document.
    pub updated_at: Option<Instant>,
    /// The services incidents can refer to by id.
    pub services: Vec<Service>,
    /// Every incident, in feed order.
    pub incidents: Vec<Incident>,
}

/// The organisation publishing the feed.
#[derive(Debug, Clone, PartialEq)]
pub struct Publisher {
    pub name: Text,
    pub url: Option<String>,
    /// IANA zone name such as `Asia/Seoul`: the default zone for displaying times.
    pub time_zone: Option<String>,
}

/// One service citizens use, such as 정부24 or 고용24.
#[derive(Debug, Clone, PartialEq)]
pub struct Service {
    pub id: String,
    pub name: Text,
    pub url: Option<String>,
}

/// What sort of event an incident is; it decides how the banner ranks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Something broke.
    Outage,
    /// Planned work.
    Maintenance,
    /// Anything else worth telling readers.
    Notice,
}

/// How bad it is, from the reader's point of view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Info,
    Minor,
    Major,
    Critical,
}

/// Where the publisher says the incident stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
    Other,
}

/// The feed's names for an enum's values, in one place for the parser, the writer and the
/// JSON Schema's tests: `NAMES[i]` is the name of `VALUES[i]`.
pub trait Named: Sized + Copy + PartialEq + 'static {
    const NAMES: &'static [&'static str];
    const VALUES: &'static [Self];

    /// The feed's name for this value, if it has one.
    fn name(self) -> Option<&'static str> {
        Self::VALUES
            .iter()
            .position(|v| *v == self)
            .map(|i| Self::NAMES[i])
    }
}

impl Named for Kind {
    const NAMES: &'static [&'static str] = &["outage", "maintenance", "notice"];
    const VALUES: &'static [Self] = &[Kind::Outage, Kind::Maintenance, Kind::Notice];
}

impl Named for Severity {
    const NAMES: &'static [&'static str] = &["critical", "major", "minor", "info"];
    const VALUES: &'static [Self] = &[
        Severity::Critical,
        Severity::Major,
        Severity::Minor,
        Severity::Info,
    ];
}

impl Named for Status {
    const NAMES: &'static [&'static str] = &[
        "investigating",
        "identified",
        "monitoring",
        "resolved",
        "scheduled",
        "in_progress",
        "completed",
    ];
    const VALUES: &'static [Self] = &[
        Status::Investigating,
        Status::Identified,
        Status::Monitoring,
        Status::Resolved,
        Status::Scheduled,
        Status::InProgress,
        Status::Completed,
    ];
}

impl Named for ImpactLevel {
    const NAMES: &'static [&'static str] = &["down", "partial", "degraded", "maintenance"];
    const VALUES: &'static [Self] = &[
        ImpactLevel::Down,
        ImpactLevel::Partial,
        ImpactLevel::Degraded,
        ImpactLevel::Maintenance,
    ];
}

impl Status {
    /// True for statuses that close an incident for good.
    pub fn is_closed(self) -> bool {
        matches!(self, Status::Resolved | Status::Completed)
    }
}

/// How one service is affected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
#[derive(Debug, Clone, PartialEq)]
pub struct Incident {
    pub id: String,
    pub kind: Kind,
    pub severity: Severity,
    pub status: Status,
    pub title: Text,
    pub summary: Option<Text>,
    pub started_at: Option<Instant>,
    pub ended_at: Option<Instant>,
    /// The planned window of a maintenance.
    pub scheduled: Option<Window>,
    pub expected_end: Option<ExpectedEnd>,
    pub region: Option<Text>,
    pub cause: Option<Text>,
    pub impacts: Vec<Impact>,
    pub workarounds: Vec<Workaround>,
    pub updates: Vec<Update>,
    pub links: Vec<Link>,
    /// Who published this incident when it came from another feed than the one holding it
    /// (see [`merge`]); `None` means the feed's own publisher.
    pub publisher: Option<Text>,
}

/// A planned time window.
#[derive(Debug, Clone, PartialEq)]
pub struct Window {
    pub from: Instant,
    pub until: Option<Instant>,
}

/// When the publisher expects things back, as an instant, words, or both.
#[derive(Debug, Clone, PartialEq)]
pub struct ExpectedEnd {
    pub at: Option<Instant>,
    pub text: Option<Text>,
}

/// How one service was affected, and for how long.
#[derive(Debug, Clone, PartialEq)]
pub struct Impact {
    /// A [`Service::id`].
    pub service: String,
    pub level: ImpactLevel,
    pub from: Option<Instant>,
    pub until: Option<Instant>,
}

/// What citizens can do meanwhile, e.g. manual intake at the counter.
#[derive(Debug, Clone, PartialEq)]
pub struct Workaround {
    pub text: Text,
    pub url: Option<String>,
}

/// One official update, as published.
#[derive(Debug, Clone, PartialEq)]
pub struct Update {
    pub at: Instant,
    pub status: Option<Status>,
    pub text: Text,
}

/// A related page: a press release, a status page.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub title: Text,
    pub url: String,
}
