//! One chronology across publishers (`<incident-timeline view="chronology">`): every start,
//! official update and recovery of every incident in the feeds, merged into one running
//! story in time order, grouped by day in the display zone, each line saying who said it
//! and about what. What an article wants while a story unfolds: "09:15 고용24 down … 10:54
//! KakaoTalk PC login fails … 11:57 고용24 back … 12:20 KakaoTalk back".

use super::services::Services;
use super::{start_of, Context, Tone};
use crate::feed::{Feed, Incident, Kind};
use crate::time::{local, Instant};

/// The most lines shown: the latest ones, so a feed of thousands of incidents stays a page.
pub const ENTRIES_SHOWN: usize = 200;

/// The chronology: its days, oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChronologyView {
    pub days: Vec<ChronologyDay>,
    /// The display zone's name, after the times (`KST`).
    pub zone: String,
    /// `이전 12건 생략` when earlier lines were left out.
    pub earlier: Option<String>,
}

/// One day of the chronology.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChronologyDay {
    /// `2023년 7월 18일 (화)`.
    pub label: String,
    /// `2023-07-18`, for `<time datetime>`.
    pub iso: String,
    pub entries: Vec<Entry>,
}

/// One line: when, what happened, to what, and who said so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// `오전 9시 15분`.
    pub at: String,
    /// RFC 3339, for `<time datetime>`.
    pub iso: String,
    pub tone: Tone,
    /// `장애 시작`, `복구`, or the update's status (`원인 파악`).
    pub what: String,
    /// The incident's title.
    pub incident: String,
    /// The services concerned (started: all affected; recovered: those back then).
    pub services: String,
    /// The update's words; empty for starts and recoveries.
    pub text: String,
    /// Who said it.
    pub publisher: String,
}

/// Builds the chronology of `feed` (several publishers' feeds merged) in `cx`'s zone.
pub fn build(feed: &Feed, cx: &Context) -> ChronologyView {
    let services = Services::of(feed);
    let mut lines: Vec<(Instant, usize, Entry)> = Vec::new();
    for inc in &feed.incidents {
        add_incident(feed, &services, inc, cx, &mut lines);
    }
    // In time order; at the same instant, in the order they were added (start, updates,
    // recovery), incident by incident.
    crate::sort::sort_by(&mut lines, |a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    let hidden = lines.len().saturating_sub(ENTRIES_SHOWN);
    let m = cx.lang.messages();
    let tw = cx.lang.timeline();
    let mut days: Vec<ChronologyDay> = Vec::new();
    for (t, _, entry) in lines.into_iter().skip(hidden) {
        let day = local(&t, cx.zone).datetime.date();
        let iso = day.to_string();
        match days.last_mut() {
            Some(last) if last.iso == iso => last.entries.push(entry),
            _ => days.push(ChronologyDay {
                label: m.date(day),
                iso,
                entries: vec![entry],
            }),
        }
    }
    ChronologyView {
        days,
        zone: cx.zone.at(&cx.now).abbr,
        earlier: (hidden > 0).then(|| tw.not_shown(hidden)),
    }
}

fn add_incident(
    feed: &Feed,
    services: &Services,
    inc: &Incident,
    cx: &Context,
    lines: &mut Vec<(Instant, usize, Entry)>,
) {
    let lang = cx.lang;
    let l = lang.messages().labels();
    let tl = lang.timeline().labels();
    let publisher = inc
        .publisher
        .as_ref()
        .unwrap_or(&feed.publisher.name)
        .pick(lang)
        .to_string();
    let title = inc.title.pick(lang).to_string();
    let name = |id: &str| services.name(id, lang);
    let names = |ids: &mut dyn Iterator<Item = &str>| {
        let mut list: Vec<String> = Vec::new();
        for id in ids {
            let n = name(id);
            if !list.contains(&n) {
                list.push(n);
            }
        }
        list.join(", ")
    };
    let entry = |t: &Instant, what: &str, services: String, text: String| Entry {
        at: cx.time_on(t, Some(local(t, cx.zone).datetime.date())),
        iso: crate::time::rfc3339(t),
        tone: Tone::of(inc),
        what: what.to_string(),
        incident: title.clone(),
        services,
        text,
        publisher: publisher.clone(),
    };
    let mut push = |t: Instant, e: Entry| {
        let n = lines.len();
        lines.push((t, n, e));
    };
    if let Some(start) = start_of(inc) {
        let what = if inc.kind == Kind::Maintenance {
            l.starts
        } else {
            tl.start
        };
        let affected = names(&mut inc.impacts.iter().map(|i| i.service.as_str()));
        push(start, entry(&start, what, affected, String::new()));
    }
    for u in &inc.updates {
        let what = u.status.map_or(l.update, |s| lang.timeline().status(s));
        push(
            u.at,
            entry(&u.at, what, String::new(), u.text.pick(lang).to_string()),
        );
    }
    // Recoveries: one line per instant at which services came back, and the incident's end
    // when no service's recovery says it.
    let mut ends: Vec<Instant> = inc.impacts.iter().filter_map(|i| i.until).collect();
    ends.extend(inc.ended_at);
    crate::sort::sort_by(&mut ends, |a, b| a.cmp(b));
    ends.dedup();
    for t in ends.into_iter().filter(|t| *t <= cx.now) {
        let back = names(
            &mut inc
                .impacts
                .iter()
                .filter(|i| i.until == Some(t))
                .map(|i| i.service.as_str()),
        );
        push(t, entry(&t, tl.recovery, back, String::new()));
    }
}
