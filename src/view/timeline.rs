//! The timeline: the whole story of each incident, newest first, grouped by day in the
//! display zone — the tables reporters built by hand.

use super::services::Services;
use super::{badge, start_of, Context, Fact, LinkedText, Tone};
use crate::feed::{Feed, Incident, Kind};
use crate::i18n::Lang;
use crate::time::{elapsed, local, Instant};
use chrono::{NaiveDate, TimeDelta};

/// How far back earlier outages of the same service are counted.
pub const RECURRENCE_WINDOW_DAYS: i64 = 90;

/// How many incidents a page of the timeline holds at most; the widget shows one page at
/// first and adds one per "더 보기", showing at most [`PAGES_SHOWN`] at once.
pub const PAGE: usize = 20;

/// Elements a page may hold, counted with [`IncidentView::elements`]: a page ends before an
/// incident that would pass this (it always holds one, and one incident, its lists cut to
/// [`LIST_ROWS`], stays well under it). With [`PAGES_SHOWN`] pages, the shadow DOM stays
/// under 2,000 elements whatever the feed holds and however often "더 보기" is pressed.
pub const PAGE_ELEMENTS: usize = 900;

/// Pages shown at once. "더 보기" past this drops the top page (the newest incidents) and
/// offers them again with a button above ("최근 사건 보기").
pub const PAGES_SHOWN: usize = 2;

/// Rows of each list (services, workarounds, updates, links) an incident shows in a page;
/// the rest are counted in one line. An incident with 100,000 updates shows its latest 20.
pub const LIST_ROWS: usize = 20;

/// What the timeline shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineView {
    pub days: Vec<DayView>,
    /// The zone all times are read in, e.g. `KST`, for column headers.
    pub zone: String,
    /// `더 보기 (9,980건 남음)` when incidents are left to show.
    pub more: Option<String>,
    /// `최근 사건 보기 (20건 남음)` when newer incidents were dropped from the top (see
    /// [`PAGES_SHOWN`]).
    pub newer: Option<String>,
    /// The last page shown, from 1: the page asked for, or the feed's last page if it has
    /// fewer (it can shrink between polls).
    pub page: usize,
    /// Where the last page shown begins among the incidents shown (from 0): where reading
    /// goes on after "더 보기". For the static page, the number of incidents.
    pub last_page: usize,
    /// `16–30번째 사건 표시 중 (모두 60건)`: what a screen reader hears after "더 보기" or
    /// "최근 사건 보기", whose effect is otherwise out of sight. `None` for the static page
    /// and a feed without incidents.
    pub showing: Option<String>,
}

impl TimelineView {
    /// Every incident shown, in order, across its days.
    pub fn incidents(&self) -> impl Iterator<Item = &IncidentView> {
        self.days.iter().flat_map(|d| &d.incidents)
    }
}

/// The incidents that started on one day (in the display zone).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayView {
    /// `2023년 7월 18일 (화)`; empty for incidents without any time.
    pub label: String,
    /// `2023-07-18`, for a `<time datetime>`.
    pub iso: String,
    pub incidents: Vec<IncidentView>,
    /// The day's incidents on one time axis, when any has services with known windows;
    /// `None` too when the element asks for no chart (`chart="none"`).
    pub chart: Option<super::chart::ChartView>,
}

/// One incident, ready to render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncidentView {
    pub id: String,
    pub tone: Tone,
    pub badge: String,
    pub status: String,
    pub title: String,
    pub summary: Option<String>,
    /// Publisher, region, cause, start, end, duration, expected end.
    pub facts: Vec<Fact>,
    pub impacts: Vec<ImpactRow>,
    pub workarounds: Vec<LinkedText>,
    /// The latest updates, oldest first.
    pub updates: Vec<UpdateRow>,
    /// The number of the first update shown (1 unless earlier ones are left out), so the
    /// list counts from there.
    pub first_update: usize,
    pub links: Vec<LinkedText>,
    /// `12건 더 있음 (표시하지 않음)` for each list cut short: impacts, workarounds, updates
    /// (the earlier ones), links.
    pub not_shown: NotShown,
}

/// The lines that count the rows a page leaves out of each list of an incident.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NotShown {
    pub impacts: Option<String>,
    pub workarounds: Option<String>,
    pub updates: Option<String>,
    pub links: Option<String>,
}

impl IncidentView {
    /// At least as many elements as `dom::render` makes for this incident, its day heading
    /// included: what a page's budget ([`PAGE_ELEMENTS`]) counts. A browser test holds the
    /// renderer to it.
    pub fn elements(&self) -> usize {
        let n = &self.not_shown;
        elements(
            self.summary.is_some(),
            self.facts.len(),
            [
                (self.impacts.len(), n.impacts.is_some()),
                (self.workarounds.len(), n.workarounds.is_some()),
                (self.updates.len(), n.updates.is_some()),
                (self.links.len(), n.links.is_some()),
            ],
        )
    }
}

/// The elements of an incident with a summary or not, `facts` facts, and its four lists
/// (services, workarounds, updates, links) each as (rows shown, whether a line counts the
/// rest). One formula for [`IncidentView::elements`] and for [`cost`].
fn elements(summary: bool, facts: usize, lists: [(usize, bool); 4]) -> usize {
    // Elements per row and for the list's heading and table or list element, in that order.
    const SHAPES: [(usize, usize); 4] = [(8, 11), (2, 2), (4, 2), (2, 2)];
    // Day section, h2 and time; article, header, badge, status, h3, its link and copy button;
    // summary; facts.
    let mut n = 3 + 7 + usize::from(summary) + 1 + 3 * facts;
    // Its rows in the day's chart (its share of the chart's frame and axis too).
    n += super::chart::elements(lists[0].0, lists[2].0);
    for ((rows, line), (per_row, head)) in lists.into_iter().zip(SHAPES) {
        if rows > 0 {
            n += head + rows * per_row + usize::from(line);
        }
    }
    n
}

/// One affected service: the row of a reporter's table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImpactRow {
    pub service: LinkedText,
    pub level: String,
    pub start: String,
    /// The recovery time, or `복구 중` while ongoing.
    pub recovery: String,
    pub duration: String,
    /// `지난 90일 동안 2번째 장애` when the feed has earlier outages of this service.
    pub recurrence: Option<String>,
}

/// One official update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpdateRow {
    pub at: String,
    /// RFC 3339, for a `<time datetime>`.
    pub iso: String,
    pub status: Option<String>,
    pub text: String,
}

/// Builds the timeline of every incident in `feed`, every row of every list (the
/// command-line tool's static page).
pub fn build(feed: &Feed, cx: &Context) -> TimelineView {
    build_with(feed, cx, None)
}

/// Builds the timeline's pages up to page `last` (from 1; past the feed's last page, up to
/// that), newest incidents first, of which it shows the last [`PAGES_SHOWN`] (see [`PAGE`], [`PAGE_ELEMENTS`], [`LIST_ROWS`]); only
/// the incidents of those pages are turned into views, so a feed of 10,000 incidents costs a
/// sort, not 10,000 views.
pub fn build_page(feed: &Feed, cx: &Context, last: usize) -> TimelineView {
    build_with(feed, cx, Some(last))
}

/// The incidents' positions with their starts, newest first; incidents without any time
/// last, in feed order: the timeline's order.
fn newest_first(feed: &Feed) -> Vec<(Option<Instant>, usize)> {
    let mut order: Vec<(Option<Instant>, usize)> = feed
        .incidents
        .iter()
        .enumerate()
        .map(|(i, inc)| (start_of(inc), i))
        .collect();
    crate::sort::sort_by(&mut order, |a, b| match (a.0, b.0) {
        (Some(x), Some(y)) => y.cmp(&x),
        (x, y) => y.is_some().cmp(&x.is_some()),
    });
    order
}

/// The page (from 1) that holds the incident `id` when the timeline is paged as
/// [`build_page`] pages it, for a link to one incident (`#incident-<id>`); `None` when no
/// incident has that id.
pub fn page_of(feed: &Feed, cx: &Context, id: &str) -> Option<usize> {
    let mut pager = Pager::new();
    for (start, i) in newest_first(feed) {
        let inc = &feed.incidents[i];
        let placed = Placed::of(feed, inc, start, cx, LIST_ROWS);
        if !pager.fits(&placed) {
            pager.next_page();
        }
        pager.take(&placed);
        if inc.id == id {
            return Some(pager.page);
        }
    }
    None
}

/// Cuts the incidents, in the timeline's order, into pages (see [`PAGE`], [`PAGE_ELEMENTS`]):
/// one pager for [`build_page`] and [`page_of`], so a link to an incident opens the page
/// the timeline puts it on.
struct Pager {
    /// The current page, from 1.
    page: usize,
    /// Incidents placed on it so far.
    in_page: usize,
    /// Elements it may still hold.
    budget: usize,
    /// The day (in the display zone) of the incident placed last on it.
    day: Option<Option<NaiveDate>>,
    /// Whether that day's chart frame has been charged on this page.
    framed: bool,
}

/// An incident as the pager sees it: its own elements, the day it is on, and whether it
/// has services (then its day has a chart).
struct Placed {
    cost: usize,
    day: Option<NaiveDate>,
    charted: bool,
}

impl Placed {
    /// `inc`, begun at `start`, with its lists cut to `rows`.
    fn of(
        feed: &Feed,
        inc: &Incident,
        start: Option<Instant>,
        cx: &Context,
        rows: usize,
    ) -> Placed {
        Placed {
            cost: cost(feed, inc, cx, rows),
            day: start.map(|t| local(&t, cx.zone).datetime.date()),
            charted: !inc.impacts.is_empty(),
        }
    }
}

impl Pager {
    fn new() -> Pager {
        Pager {
            page: 1,
            in_page: 0,
            budget: PAGE_ELEMENTS,
            day: None,
            framed: false,
        }
    }

    /// What `placed` costs on the current page, and whether its day's chart frame is
    /// charged once it is there: its own elements, plus the frame and axis of its day's
    /// chart when it is the first of that day on this page with services.
    fn charge(&self, placed: &Placed) -> (usize, bool) {
        let framed = self.in_page > 0 && self.day == Some(placed.day) && self.framed;
        let frame = !framed && placed.charted;
        let cost = placed.cost + if frame { super::chart::FRAME } else { 0 };
        (cost, framed || frame)
    }

    /// True when `placed` fits on the current page: a page holds one incident at least.
    fn fits(&self, placed: &Placed) -> bool {
        self.in_page == 0 || (self.in_page < PAGE && self.charge(placed).0 <= self.budget)
    }

    /// Starts the next page.
    fn next_page(&mut self) {
        *self = Pager {
            page: self.page + 1,
            ..Pager::new()
        };
    }

    /// Puts `placed` on the current page.
    fn take(&mut self, placed: &Placed) {
        let (cost, framed) = self.charge(placed);
        self.budget = self.budget.saturating_sub(cost);
        self.in_page += 1;
        self.day = Some(placed.day);
        self.framed = framed;
    }
}

fn build_with(feed: &Feed, cx: &Context, pages: Option<usize>) -> TimelineView {
    let order = newest_first(feed);
    let outages = OutageStarts::new(feed, &order);
    let services = Services::of(feed);

    let rows = if pages.is_some() {
        LIST_ROWS
    } else {
        usize::MAX
    };
    // Pages before this one were dropped from the top.
    let first_shown = pages.map_or(1, |last| last.saturating_sub(PAGES_SHOWN - 1));
    let mut pager = Pager::new();
    let (mut dropped, mut read) = (0, 0);
    let mut days: Vec<DayView> = Vec::new();
    // Each day's incidents, for its chart.
    let mut charted: Vec<Vec<&Incident>> = Vec::new();
    for &(start, i) in &order {
        let inc = &feed.incidents[i];
        if let Some(pages) = pages {
            let placed = Placed::of(feed, inc, start, cx, rows);
            if !pager.fits(&placed) {
                if pager.page == pages {
                    break;
                }
                pager.next_page();
            }
            pager.take(&placed);
        }
        read += 1;
        let page = pager.page;
        if page < first_shown {
            dropped += 1;
            continue;
        }
        let day = start.map(|t| local(&t, cx.zone).datetime.date());
        let view = incident(feed, &services, &outages, inc, day, cx, rows);
        debug_assert!(pages.is_none() || cost(feed, inc, cx, rows) == view.elements());
        let iso = day.map(|d| d.to_string()).unwrap_or_default();
        match days.last_mut() {
            Some(last) if last.iso == iso => {
                last.incidents.push(view);
                if let Some(c) = charted.last_mut() {
                    c.push(inc);
                }
            }
            _ => {
                days.push(DayView {
                    label: day.map(|d| cx.lang.messages().date(d)).unwrap_or_default(),
                    iso,
                    incidents: vec![view],
                    chart: None,
                });
                charted.push(vec![inc]);
            }
        }
    }
    for (day, incidents) in days.iter_mut().zip(&charted) {
        day.chart = super::chart::build(feed, incidents, cx, rows);
    }
    // Asked for pages past the feed's end (it shrank since): its last pages instead.
    if pages.is_some_and(|last| pager.page < last) {
        return build_with(feed, cx, Some(pager.page));
    }
    let remaining = order.len() - read;
    TimelineView {
        more: (remaining > 0).then(|| cx.lang.timeline().show_more(remaining)),
        newer: (dropped > 0).then(|| cx.lang.timeline().show_newer(dropped)),
        showing: (pages.is_some() && read > dropped)
            .then(|| cx.lang.showing(dropped + 1, read, order.len())),
        page: pager.page,
        last_page: read - pager.in_page - dropped,
        days,
        zone: cx.zone.at(&cx.now).abbr,
    }
}

/// At most `limit` of `items` (the last ones with `latest`), and the line counting the rest.
fn cap<T>(mut items: Vec<T>, limit: usize, latest: bool, lang: Lang) -> (Vec<T>, Option<String>) {
    let hidden = items.len().saturating_sub(limit);
    if hidden == 0 {
        return (items, None);
    }
    if latest {
        items.drain(..hidden);
    } else {
        items.truncate(limit);
    }
    (items, Some(lang.timeline().not_shown(hidden)))
}

/// What [`IncidentView::elements`] counts for `inc`'s view, without building its rows: a
/// page's budget needs it for every incident on the pages before those shown, whose views
/// are never built (page 500 of a 10,000-incident feed took 233 ms natively when they were).
fn cost(feed: &Feed, inc: &Incident, cx: &Context, rows: usize) -> usize {
    let shown = |len: usize| (len.min(rows), len > rows);
    elements(
        inc.summary.is_some(),
        facts(feed, inc, cx).0.len(),
        [
            shown(inc.impacts.len()),
            shown(inc.workarounds.len()),
            shown(inc.updates.len()),
            shown(inc.links.len()),
        ],
    )
}

/// An incident's facts (publisher, region, cause, start, recovery, durations, expected end),
/// with its start and end, which its service rows fall back on.
fn facts(
    feed: &Feed,
    inc: &Incident,
    cx: &Context,
) -> (Vec<Fact>, Option<Instant>, Option<Instant>) {
    let lang = cx.lang;
    let m = lang.messages();
    let tw = lang.timeline();
    let l = m.labels();
    let tl = tw.labels();
    let pick = |t: &crate::feed::Text| t.pick(lang).to_string();

    let mut facts = vec![Fact {
        label: tl.publisher,
        value: pick(inc.publisher.as_ref().unwrap_or(&feed.publisher.name)),
    }];
    if let Some(r) = &inc.region {
        facts.push(Fact {
            label: tl.region,
            value: pick(r),
        });
    }
    if let Some(c) = &inc.cause {
        facts.push(Fact {
            label: tl.cause,
            value: pick(c),
        });
    }
    let start = start_of(inc);
    if let Some(s) = start {
        let label = if inc.kind == Kind::Maintenance && s > cx.now {
            l.starts
        } else {
            tl.start
        };
        facts.push(Fact {
            label,
            value: cx.datetime(&s),
        });
    }
    let end = inc.ended_at.or_else(|| {
        inc.scheduled
            .as_ref()
            .and_then(|w| w.until)
            .filter(|_| inc.status.is_closed())
    });
    match (start, end) {
        (Some(s), Some(e)) => {
            facts.push(Fact {
                label: tl.recovery,
                value: cx.datetime(&e),
            });
            facts.push(Fact {
                label: tl.total_duration,
                value: m.duration(elapsed(&s, &e)),
            });
        }
        (Some(s), None) if !inc.status.is_closed() && s <= cx.now => {
            facts.push(Fact {
                label: tl.duration,
                value: m.lasting(elapsed(&s, &cx.now)),
            });
        }
        _ => {}
    }
    if inc.kind == Kind::Maintenance && end.is_none() {
        if let Some(u) = inc.scheduled.as_ref().and_then(|w| w.until) {
            facts.push(Fact {
                label: l.ends,
                value: cx.datetime(&u),
            });
        }
    }
    if let Some(e) = inc
        .expected_end
        .as_ref()
        .filter(|_| !inc.status.is_closed())
    {
        let parts: Vec<String> =
            e.at.map(|t| cx.datetime(&t))
                .into_iter()
                .chain(e.text.as_ref().map(pick))
                .collect();
        if !parts.is_empty() {
            facts.push(Fact {
                label: l.expected_end,
                value: parts.join(" · "),
            });
        }
    }
    (facts, start, end)
}

fn incident(
    feed: &Feed,
    services: &Services,
    outages: &OutageStarts,
    inc: &Incident,
    day: Option<NaiveDate>,
    cx: &Context,
    rows: usize,
) -> IncidentView {
    let lang = cx.lang;
    let m = lang.messages();
    let tw = lang.timeline();
    let tl = tw.labels();
    let pick = |t: &crate::feed::Text| t.pick(lang).to_string();
    let (facts, start, end) = facts(feed, inc, cx);

    let (impacts, more_impacts) = cap(inc.impacts.iter().collect(), rows, false, lang);
    let shown: Vec<&str> = impacts.iter().map(|i| i.service.as_str()).collect();
    let earlier = outages.earlier(feed, inc, start, &shown);
    let impacts = impacts
        .into_iter()
        .zip(earlier)
        .map(|(imp, earlier)| {
            let from = imp.from.or(start);
            let until = imp.until.or(end);
            let service = services.get(&imp.service);
            ImpactRow {
                service: LinkedText::new(
                    services.name(&imp.service, lang),
                    service.and_then(|s| s.url.as_deref()),
                ),
                level: tw.impact(imp.level).to_string(),
                start: from.map(|t| cx.time_on(&t, day)).unwrap_or_default(),
                recovery: until
                    .map(|t| cx.time_on(&t, day))
                    .unwrap_or_else(|| tl.ongoing.to_string()),
                duration: match (from, until) {
                    (Some(f), Some(u)) => m.duration(elapsed(&f, &u)),
                    (Some(f), None) => m.lasting(elapsed(&f, &cx.now)),
                    _ => String::new(),
                },
                recurrence: (earlier > 0)
                    .then(|| tw.recurrence(earlier + 1, RECURRENCE_WINDOW_DAYS)),
            }
        })
        .collect();

    let mut updates: Vec<&crate::feed::Update> = inc.updates.iter().collect();
    crate::sort::sort_by_key(&mut updates, |u| u.at);
    let first_update = 1 + updates.len().saturating_sub(rows);
    let (updates, earlier_updates) = cap(updates, rows, true, lang);
    let updates = updates
        .into_iter()
        .map(|u| UpdateRow {
            at: cx.time_on(&u.at, day),
            iso: crate::time::rfc3339(&u.at),
            status: u.status.map(|s| tw.status(s).to_string()),
            text: pick(&u.text),
        })
        .collect();

    let (workarounds, more_workarounds) = cap(inc.workarounds.iter().collect(), rows, false, lang);
    let workarounds = workarounds
        .into_iter()
        .map(|w| LinkedText::new(pick(&w.text), w.url.as_deref()))
        .collect();
    let (links, more_links) = cap(inc.links.iter().collect(), rows, false, lang);
    let links = links
        .into_iter()
        .map(|k| LinkedText::new(pick(&k.title), Some(&k.url)))
        .collect();

    IncidentView {
        id: inc.id.clone(),
        tone: Tone::of(inc),
        badge: badge(inc, lang),
        status: tw.status(inc.status).to_string(),
        title: pick(&inc.title),
        summary: inc.summary.as_ref().map(pick),
        facts,
        impacts,
        workarounds,
        updates,
        first_update,
        links,
        not_shown: NotShown {
            impacts: more_impacts,
            workarounds: more_workarounds,
            updates: earlier_updates,
            links: more_links,
        },
    }
}

/// Every outage's start, oldest first, built once per timeline: the recurrence count of a
/// row looks up its 90-day window by binary search. Scanning every incident for every row
/// was ~15 ms per first page of a 10,000-incident feed.
struct OutageStarts(Vec<(Instant, usize)>);

impl OutageStarts {
    /// From the timeline's order (newest first, incidents without a time last).
    fn new(feed: &Feed, order: &[(Option<Instant>, usize)]) -> Self {
        let mut starts = Vec::new();
        for &(start, i) in order.iter().rev() {
            if let (Some(s), Kind::Outage) = (start, feed.incidents[i].kind) {
                starts.push((s, i));
            }
        }
        OutageStarts(starts)
    }

    /// For each of `services` (the rows shown of `inc`, which began at `start`), how many
    /// other outages of that service began in the 90 days before: the row says which outage
    /// this is when there are any. One pass over the window's outages for all the rows: a
    /// pass per row was rows × outages × impacts: 3.4 s for a static page of 40 outages of
    /// 1,000 services each, now 0.2 s.
    fn earlier(
        &self,
        feed: &Feed,
        inc: &Incident,
        start: Option<Instant>,
        services: &[&str],
    ) -> Vec<usize> {
        let mut earlier = vec![0; services.len()];
        let Some(start) = start.filter(|_| inc.kind == Kind::Outage) else {
            return earlier;
        };
        let window = TimeDelta::days(RECURRENCE_WINDOW_DAYS);
        // Both are prefixes of the oldest-first list: those before the window, and those
        // before `start` (which include the first).
        let from = self.0.partition_point(|&(s, _)| start - s > window);
        let to = self.0.partition_point(|&(s, _)| s < start);
        let (_, order) = crate::ids::repeats(services);
        // The outage each row last counted: one listing a service twice counts once.
        let mut counted = vec![usize::MAX; services.len()];
        for &(_, o) in self.0[..to].iter().skip(from) {
            let outage = &feed.incidents[o];
            if outage.id == inc.id {
                continue;
            }
            for imp in &outage.impacts {
                // Every row of this service (an incident may list one twice).
                let mut k = order.partition_point(|&k| services[k] < imp.service.as_str());
                while let Some(&row) = order.get(k).filter(|&&row| services[row] == imp.service) {
                    if counted[row] != o {
                        counted[row] = o;
                        earlier[row] += 1;
                    }
                    k += 1;
                }
            }
        }
        earlier
    }
}
