//! The banner: the single most important thing happening now, and how many more there are.

use super::phase::{phase, Phase};
use super::services::Services;
use super::{badge, clip, start_of, Context, Fact, LinkedText, Tone, FACT_SHOWN, TITLE_SHOWN};
use crate::feed::{Feed, Impact, Incident, Kind, Severity};
use crate::time::elapsed;
use chrono::TimeDelta;
use core::cmp::Reverse;

/// How far ahead planned maintenance is announced unless the page says otherwise.
pub const DEFAULT_HORIZON: TimeDelta = TimeDelta::hours(72);

/// The ARIA role of the banner: critical outages interrupt, everything else waits its turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Alert,
    Status,
}

impl Role {
    /// The value of the `role` attribute.
    pub fn name(self) -> &'static str {
        match self {
            Role::Alert => "alert",
            Role::Status => "status",
        }
    }
}

/// Which banners a reader may close: agencies may keep critical outages on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Dismissible {
    #[default]
    All,
    NonCritical,
    Never,
}

impl Dismissible {
    /// Reads the `dismissible` attribute: `none`/`false`, `non-critical`, else all.
    pub fn from_attr(attr: Option<&str>) -> Self {
        match attr.map(|a| a.trim().to_ascii_lowercase()).as_deref() {
            Some("none" | "false" | "never") => Dismissible::Never,
            Some("non-critical") => Dismissible::NonCritical,
            _ => Dismissible::All,
        }
    }

    fn allows(self, inc: &Incident) -> bool {
        match self {
            Dismissible::All => true,
            Dismissible::NonCritical => inc.severity() != Severity::Critical,
            Dismissible::Never => false,
        }
    }
}

/// How the page configured the banner, and what this reader closed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// How far ahead planned maintenance is announced.
    pub horizon: TimeDelta,
    pub dismissible: Dismissible,
    /// Keys ([`dismiss_key`]) the reader closed.
    pub dismissed: Vec<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            horizon: DEFAULT_HORIZON,
            dismissible: Dismissible::All,
            dismissed: Vec::new(),
        }
    }
}

/// What a dismissal remembers: the incident, its severity and its latest update, so a new
/// update or a severity rise brings the banner back.
pub fn dismiss_key(inc: &Incident) -> String {
    let latest = inc
        .updates
        .iter()
        .map(|u| u.at)
        .max()
        .map(|t| t.timestamp())
        .unwrap_or(0);
    // Keys are stored one per line.
    let id = inc.id.replace(['\n', '\r'], " ");
    format!("{id}|{:?}|{}|{latest}", inc.severity(), inc.updates.len())
}

/// What the banner shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BannerView {
    pub incident_id: String,
    pub role: Role,
    pub tone: Tone,
    /// `심각 · 장애`.
    pub badge: String,
    pub title: String,
    /// `2시간 42분째`, or when upcoming work starts.
    pub timing: Option<String>,
    /// Affected services, expected end, latest update.
    pub facts: Vec<Fact>,
    /// `외 2건` when more items are current.
    pub more: Option<String>,
    /// Where to read more: the incident's first safe link, else the publisher's page.
    pub link: Option<LinkedText>,
    /// The key to remember when the reader closes the banner; `None` if it cannot be closed.
    pub dismiss_key: Option<String>,
}

/// The current incidents in banner order: active outages, maintenance in progress,
/// upcoming maintenance (within `horizon`), notices; within a phase, higher severity, then
/// the most recent (for upcoming work, the soonest), then feed order.
pub fn select<'f>(
    feed: &'f Feed,
    now: &crate::time::Instant,
    horizon: TimeDelta,
) -> Vec<&'f Incident> {
    let mut current: Vec<(Phase, usize, &Incident)> = feed
        .incidents
        .iter()
        .enumerate()
        .map(|(i, inc)| (phase(inc, now, horizon), i, inc))
        .filter(|(p, _, _)| p.is_current())
        .collect();
    crate::sort::sort_by_key(&mut current, |&(p, i, inc)| {
        let start = start_of(inc).map(|t| t.timestamp()).unwrap_or(i64::MIN);
        // Upcoming: soonest first. Otherwise: most recent first.
        let recency = if p == Phase::UpcomingMaintenance {
            start
        } else {
            -start.max(i64::MIN + 1)
        };
        (p, Reverse(inc.severity()), recency, i)
    });
    current.into_iter().map(|(_, _, inc)| inc).collect()
}

/// Builds the banner for `feed` at `cx.now`, or `None` when all is well (or the reader
/// closed everything current).
pub fn build(feed: &Feed, cx: &Context, options: &Options) -> Option<BannerView> {
    let horizon = options.horizon;
    let current: Vec<&Incident> = select(feed, &cx.now, horizon)
        .into_iter()
        .filter(|inc| {
            !(options.dismissible.allows(inc) && options.dismissed.contains(&dismiss_key(inc)))
        })
        .collect();
    let inc = *current.first()?;
    let lang = cx.lang;
    let m = lang.messages();
    let l = m.labels();
    let p = phase(inc, &cx.now, horizon);

    let timing = match p {
        Phase::UpcomingMaintenance => {
            start_of(inc).map(|t| format!("{}: {}", l.starts, cx.datetime(&t)))
        }
        _ => start_of(inc).map(|t| m.lasting(elapsed(&t, &cx.now))),
    };

    let mut facts = Vec::new();
    let (services, unlisted) = affected_services(feed, inc, cx);
    if !services.is_empty() {
        let mut value = services.join(", ");
        if unlisted > 0 {
            value.push(' ');
            value.push_str(&m.more_services(unlisted));
        }
        facts.push(Fact {
            label: l.affected,
            value,
        });
    }
    if inc.kind == Kind::Maintenance {
        if let Some(until) = inc.scheduled.as_ref().and_then(|w| w.until) {
            facts.push(Fact {
                label: l.ends,
                value: cx.datetime(&until),
            });
        }
    }
    if let Some(e) = &inc.expected_end {
        let parts: Vec<String> =
            e.at.map(|t| cx.datetime(&t))
                .into_iter()
                .chain(e.text.as_ref().map(|t| t.pick(lang).to_string()))
                .collect();
        if !parts.is_empty() {
            facts.push(Fact {
                label: l.expected_end,
                value: parts.join(" · "),
            });
        }
    }
    if let Some(u) = inc.updates.iter().max_by_key(|u| u.at) {
        let at = crate::time::local(&u.at, cx.zone).datetime;
        facts.push(Fact {
            label: l.latest_update,
            value: format!("{} — {}", m.day_time(at), u.text.pick(lang)),
        });
    }

    let link = inc
        .links
        .iter()
        .map(|k| LinkedText::new(l.more_info.to_string(), Some(&k.url)))
        .chain(core::iter::once(LinkedText::new(
            l.more_info.to_string(),
            feed.publisher.url.as_deref(),
        )))
        .find(|k| k.url.is_some());

    Some(BannerView {
        incident_id: inc.id.clone(),
        role: if inc.kind == Kind::Outage && inc.severity() == Severity::Critical {
            Role::Alert
        } else {
            Role::Status
        },
        tone: Tone::of(inc),
        badge: badge(inc, lang),
        title: clip(inc.title.pick(lang), TITLE_SHOWN),
        timing,
        facts: facts
            .into_iter()
            .map(|f| Fact {
                value: clip(&f.value, FACT_SHOWN),
                ..f
            })
            .collect(),
        more: (current.len() > 1).then(|| m.more(current.len() - 1)),
        link,
        dismiss_key: options.dismissible.allows(inc).then(|| dismiss_key(inc)),
    })
}

/// How many affected services the banner names; the rest are counted (`외 12개`).
pub const SERVICES_LISTED: usize = 20;

/// Names of the services still affected (when every impact has ended, all of them), each
/// once and in feed order, of the first [`SERVICES_LISTED`] ids; and how many more ids
/// there are. In O(n log n): this runs on every render, and an incident may list thousands
/// of impacts.
fn affected_services(feed: &Feed, inc: &Incident, cx: &Context) -> (Vec<String>, usize) {
    let ongoing = |i: &Impact| i.until.is_none_or(|u| u > cx.now);
    let any_ongoing = inc.impacts.iter().any(ongoing);
    let mut ids: Vec<&str> = Vec::new();
    for i in &inc.impacts {
        if !any_ongoing || ongoing(i) {
            ids.push(&i.service);
        }
    }
    let (repeated, _) = crate::ids::repeats(&ids);
    let services = Services::of(feed);
    let (mut names, mut listed, mut unlisted) = (Vec::<String>::new(), 0, 0);
    for (id, r) in ids.into_iter().zip(repeated) {
        if r {
            continue;
        }
        if listed == SERVICES_LISTED {
            unlisted += 1;
            continue;
        }
        listed += 1;
        // Two ids may share a name (a Statuspage component in two groups).
        let name = services.name(id, cx.lang);
        if !names.contains(&name) {
            names.push(name);
        }
    }
    (names, unlisted)
}
