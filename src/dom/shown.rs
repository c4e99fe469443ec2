//! What an element shows, chosen from the snapshots of its sources and its options: the
//! lines about each source (stale, failed, entries left out), then the banner's or the
//! timeline's own view from the merged feed. Each room (`banner`, `timeline`) draws its own.

use super::attributes;
use super::banner;
use super::events;
use super::source::Snapshot;
#[cfg(feature = "timeline")]
use super::timeline;
use super::zone;
#[cfg(feature = "timeline")]
use crate::attributes::TimelineOptions;
use crate::attributes::{BannerOptions, Shared};
use crate::feed::Feed;
use crate::i18n::Lang;
use crate::view::banner::BannerView;
use crate::view::nodes::Nodes;
use crate::view::{markup, notice, Context};
use chrono::DateTime;
use std::borrow::Cow;
use web_sys::HtmlElement;

/// What an element last put on screen; equal values mean no DOM work.
#[derive(Clone, PartialEq)]
pub enum Rendered {
    /// A message alone, with its class (`error` or `notice`).
    Message(String, &'static str),
    /// The banner (`None`: nothing to announce) and the notice beside it.
    Banner(Option<BannerView>, Option<String>),
    /// The timeline and the notice above it.
    #[cfg(feature = "timeline")]
    Timeline(timeline::Shown, Option<String>),
}

/// An element's options for one render.
pub enum Options {
    Banner(BannerOptions),
    #[cfg(feature = "timeline")]
    Timeline(TimelineOptions),
}

impl Options {
    /// `el`'s options now; `None` for a timeline in the banner module, which has none.
    pub fn of(el: &HtmlElement) -> Option<Options> {
        if el.local_name() == "incident-banner" {
            return Some(Options::Banner(attributes::banner(el)));
        }
        #[cfg(feature = "timeline")]
        return Some(Options::Timeline(attributes::timeline(el)));
        #[cfg(not(feature = "timeline"))]
        None
    }

    /// What both elements read.
    pub fn shared(&self) -> &Shared {
        match self {
            Options::Banner(o) => &o.shared,
            #[cfg(feature = "timeline")]
            Options::Timeline(o) => &o.shared,
        }
    }
}

/// The feeds of `sources` merged, with only the services asked for (`services`); borrowed
/// when there is one feed and no filter.
fn merged<'s>(sources: &'s [(String, Snapshot)], shared: &Shared) -> Option<Cow<'s, Feed>> {
    let feeds: Vec<&Feed> = sources
        .iter()
        .filter_map(|(_, s)| s.feed.as_deref())
        .collect();
    let merged = crate::feed::merge(&feeds)?;
    if shared.services.is_empty() {
        return Some(merged);
    }
    let filtered = crate::feed::filter_services(&merged, &shared.services).into_owned();
    Some(Cow::Owned(filtered))
}

/// What the element should show now; `pages` is the timeline's page count (see
/// `timeline::build_page`), which a feed that shrank lowers.
pub fn view_of(
    options: &Options,
    pages: &mut usize,
    sources: &[(String, Snapshot)],
) -> Option<Rendered> {
    #[cfg(not(feature = "timeline"))]
    let _ = pages;
    if sources.is_empty() {
        return None;
    }
    let shared = options.shared();
    let lang = shared.lang;
    let (notice, skipped) = source_lines(sources, lang);
    let shown = in_context(sources, shared, |feed, cx| match options {
        Options::Banner(o) => {
            let (view, notice) = banner::view(feed, cx, o, notice.clone(), skipped);
            Rendered::Banner(view, notice)
        }
        #[cfg(feature = "timeline")]
        Options::Timeline(o) => {
            Rendered::Timeline(timeline::view(feed, cx, o, pages), notice.clone())
        }
    });
    // No feed yet: the problems, or nothing (a banner), or "불러오는 중" (a timeline).
    Some(shown.unwrap_or(match (notice, options) {
        (Some(n), _) => Rendered::Message(n, "error"),
        (None, Options::Banner(_)) => Rendered::Banner(None, None),
        #[cfg(feature = "timeline")]
        (None, Options::Timeline(_)) => {
            Rendered::Message(lang.messages().labels().loading.to_string(), "notice")
        }
    }))
}

/// Runs `f` with the feed of `sources` (merged, only the services asked for) and the context
/// to read it in: the display zone (`time-zone`, else the feed's), the language and now.
/// `None` while no source has a feed.
pub fn in_context<R>(
    sources: &[(String, Snapshot)],
    shared: &Shared,
    f: impl FnOnce(&Feed, &Context) -> R,
) -> Option<R> {
    let feed = merged(sources, shared)?;
    let zone = zone::for_feed(shared.time_zone.as_deref(), &feed);
    let cx = Context {
        lang: shared.lang,
        zone: zone.as_ref(),
        now: shared.now,
    };
    Some(f(&feed, &cx))
}

/// The lines about the sources (one per problem; with several feeds, each says which one it
/// is about), and whether any feed shown left entries out.
fn source_lines(sources: &[(String, Snapshot)], lang: Lang) -> (Option<String>, bool) {
    let several = sources.len() > 1;
    let mut lines = Vec::new();
    let mut skipped = false;
    for (url, snap) in sources {
        let mut said = Vec::new();
        match (&snap.feed, &snap.problem) {
            (None, Some(p)) => said.push(notice::message(p, lang)),
            (Some(_), _) => {
                said.extend(stale_line(snap, lang));
                if !snap.skipped.is_empty() {
                    skipped = true;
                    said.push(lang.messages().skipped(snap.skipped.len()));
                }
            }
            (None, None) => {}
        }
        for line in said {
            match several {
                true => lines.push(format!("{}: {line}", source_label(url, snap, lang))),
                false => lines.push(line),
            }
        }
    }
    ((!lines.is_empty()).then(|| lines.join("\n")), skipped)
}

/// The line beside data that may be out of date; `None` when it is fresh.
fn stale_line(snapshot: &Snapshot, lang: Lang) -> Option<String> {
    if snapshot.problem.is_none() && !snapshot.from_storage {
        return None;
    }
    let confirmed = snapshot
        .confirmed_at
        .and_then(|ms| DateTime::from_timestamp_millis(ms as i64))
        .map(|t| t.fixed_offset())?;
    Some(notice::stale(
        &confirmed,
        snapshot.problem.as_ref(),
        &crate::clock::now(),
        lang,
    ))
}

/// A short name for a source in notices: its publisher, else its URL without the scheme.
fn source_label(url: &str, snapshot: &Snapshot, lang: Lang) -> String {
    match &snapshot.feed {
        Some(f) => f.publisher.name.pick(lang).to_string(),
        None => url
            .split_once(':')
            .and_then(|(_, rest)| rest.strip_prefix("//"))
            .unwrap_or(url)
            .to_string(),
    }
}

/// The new duration when two renders are banners that differ only in it.
pub fn only_timing_differs(a: &Rendered, b: &Rendered) -> Option<String> {
    match (a, b) {
        (Rendered::Banner(Some(x), n1), Rendered::Banner(Some(y), n2)) if n1 == n2 => {
            banner::only_timing_differs(x, y)
        }
        _ => None,
    }
}

/// The nodes of what is shown.
pub fn nodes(shown: &Rendered, lang: Lang) -> Nodes {
    match shown {
        Rendered::Message(text, _) if text.is_empty() => Nodes::new(),
        Rendered::Message(text, class) => markup::message(text, class),
        Rendered::Banner(view, notice) => banner::nodes(view.as_ref(), notice.as_deref(), lang),
        #[cfg(feature = "timeline")]
        Rendered::Timeline(shown, notice) => timeline::nodes(shown, notice.as_deref(), lang),
    }
}

/// Tells the page what is shown now (`incident-banner:update`); messages say nothing.
pub fn updated(el: &HtmlElement, shown: &Rendered) {
    match shown {
        Rendered::Banner(view, notice) => {
            events::banner_updated(el, view.as_ref(), notice.is_some())
        }
        #[cfg(feature = "timeline")]
        Rendered::Timeline(shown, notice) => timeline::updated(el, shown, notice.is_some()),
        Rendered::Message(..) => {}
    }
}
