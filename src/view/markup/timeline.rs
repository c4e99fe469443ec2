//! The timeline's rooms of the markup: incident cards, the chronology and the charts (not in
//! the banner module; see the `timeline` feature).

use super::super::chart::ChartView;
use super::super::chronology::ChronologyView;
use super::super::nodes::Nodes;
use super::super::timeline::{IncidentView, TimelineView};
use super::super::LinkedText;
use super::super::Tone;
use super::{facts, linked, notice};
use crate::feed::ImpactLevel;
use crate::i18n::{Labels, Lang, TimelineLabels};

/// The pages of the timeline shown, with the notice on top, "최근 사건 보기" next when
/// newer pages were dropped, and "더 보기" below. The section can take focus (not by Tab):
/// it gets it when a button leaves no incident to show.
pub fn timeline(view: &TimelineView, lang: Lang, stale: Option<&str>) -> Nodes {
    let (labels, tl) = (lang.messages().labels(), lang.timeline().labels());
    let mut n = Nodes::new();
    n.open("section", "timeline")
        .attr("part", "timeline")
        .attr("aria-label", tl.timeline)
        .attr("tabindex", "-1");
    notice(&mut n, stale);
    if let Some(newer) = &view.newer {
        n.open("button", "more-button")
            .attr("type", "button")
            .attr("part", "newer")
            .attr("data-newer", "")
            .text(newer)
            .close();
    }
    if view.days.is_empty() {
        n.leaf("p", "notice", tl.no_incidents);
    }
    let mut shown = 0;
    for day in &view.days {
        n.open("section", "day");
        if !day.label.is_empty() {
            day_heading(&mut n, &day.iso, &day.label);
        }
        if let Some(c) = &day.chart {
            chart(&mut n, c, tl);
        }
        for inc in &day.incidents {
            shown += 1;
            incident(&mut n, inc, labels, tl, &view.zone, shown);
        }
        n.close();
    }
    if let Some(more) = &view.more {
        n.open("button", "more-button")
            .attr("type", "button")
            .attr("part", "more")
            .attr("data-more", "")
            .text(more)
            .close();
    }
    n.close();
    n
}

/// The charts of the timeline's days alone (`view="chart"`), each under its day's heading.
pub fn charts(view: &TimelineView, lang: Lang, stale: Option<&str>) -> Nodes {
    let tl = lang.timeline().labels();
    let mut n = Nodes::new();
    n.open("section", "charts")
        .attr("part", "charts")
        .attr("aria-label", tl.chart);
    notice(&mut n, stale);
    let mut any = false;
    for day in &view.days {
        if let Some(c) = &day.chart {
            any = true;
            n.open("section", "day");
            day_heading(&mut n, &day.iso, &day.label);
            chart(&mut n, c, tl);
            n.close();
        }
    }
    if !any {
        n.leaf("p", "notice", tl.no_incidents);
    }
    n.close();
    n
}

/// A position of the chart's axis (permille) as an SVG percentage: `31.3%`.
fn percent(at: u16) -> String {
    [
        (at / 10).to_string(),
        ".".into(),
        (at % 10).to_string(),
        "%".into(),
    ]
    .concat()
}

/// The colour of a bar, as an SVG `fill` attribute: what pages without the stylesheet (the
/// static HTML in a mail or with its styles removed) draw; the stylesheet's classes win.
/// Each level takes a tone's colour, as the stylesheet gives it.
fn level_fill(level: ImpactLevel) -> &'static str {
    Tone::colour(match level {
        ImpactLevel::Down => Tone::Critical,
        ImpactLevel::Partial => Tone::Major,
        ImpactLevel::Degraded => Tone::Minor,
        ImpactLevel::Maintenance => Tone::Maintenance,
    })
}

/// Opens a drawing of class `class` and `height` (before the stylesheet's): 1000 units
/// wide, stretched to its box, where the chart's positions are x coordinates. Hidden from
/// assistive technology (the figure speaks).
fn drawing(n: &mut Nodes, class: &str, height: &str) {
    n.open("svg", class)
        .attr("viewBox", "0 0 1000 12")
        .attr("preserveAspectRatio", "none")
        .attr("width", "100%")
        .attr("height", height)
        .attr("aria-hidden", "true")
        .attr("focusable", "false");
}

/// A vertical line across a drawing at `at`.
fn rule(n: &mut Nodes, class: &str, at: u16, stroke: &str) {
    let x = at.to_string();
    n.open("line", class)
        .attr("x1", &x)
        .attr("x2", &x)
        .attr("y1", "0")
        .attr("y2", "12")
        .attr("stroke", stroke)
        .attr("vector-effect", "non-scaling-stroke")
        .close();
}

/// The chart of a day (see `view::chart`): one image to assistive technology, named by its
/// text alternative, whose words (incidents, services, levels and windows) are also written
/// beside each bar, so no colour has to be told apart. Drawn with SVG attributes and the
/// stylesheet's classes: no style attribute, so it keeps to a strict CSP. Each row's label
/// is HTML above its bar, so it wraps at any width and text size.
pub fn chart(n: &mut Nodes, v: &ChartView, tl: &TimelineLabels) {
    n.open("figure", "chart")
        .attr("part", "chart")
        .attr("role", "img")
        .attr("aria-label", &v.description);
    // The rows, under one overlay drawing the midnights and now across them all.
    n.open("div", "plot");
    drawing(n, "grid", "1");
    for &at in &v.midnights {
        rule(n, "midnight", at, "#57606a");
    }
    if let Some(at) = v.now {
        rule(n, "now", at, "#1b1f24");
    }
    n.close();
    for g in &v.groups {
        n.open("p", &["chart-group tone-", g.tone.name()].concat())
            .leaf("strong", "", &g.title)
            .close();
        if !g.updates.is_empty() {
            n.open("div", "lane updates-lane")
                .leaf("span", "window", tl.official_updates);
            drawing(n, "track", "12");
            for &at in &g.updates {
                rule(n, "update", at, "#1b1f24");
            }
            n.close().close();
        }
        for lane in &g.lanes {
            let level = level_class(lane.level);
            // (The space keeps name and words apart where no stylesheet does.)
            n.open("div", "lane")
                .leaf("strong", "service", &lane.service)
                .text(" ")
                .leaf("span", "window", &lane.label);
            drawing(n, "track", "12");
            // Every level its own height too, so the bars differ without colour.
            let (y, height) = match lane.level {
                ImpactLevel::Down | ImpactLevel::Maintenance => ("0", "12"),
                ImpactLevel::Partial => ("2", "8"),
                ImpactLevel::Degraded => ("4", "4"),
            };
            let class = if lane.ongoing {
                ["bar ", level, " ongoing"].concat()
            } else {
                ["bar ", level].concat()
            };
            n.open("rect", &class)
                .attr("x", &lane.from.to_string())
                .attr("width", &(lane.to - lane.from).max(4).to_string())
                .attr("y", y)
                .attr("height", height)
                .attr("fill", level_fill(lane.level))
                .close();
            n.close().close();
        }
    }
    n.close();
    n.open("svg", "axis")
        .attr("width", "100%")
        .attr("height", "2.2em")
        .attr("aria-hidden", "true")
        .attr("focusable", "false");
    n.open("line", "baseline")
        .attr("x1", "0")
        .attr("x2", "100%")
        .attr("y1", "1")
        .attr("y2", "1")
        .attr("stroke", "#8c959f")
        .close();
    for t in &v.ticks {
        let x = percent(t.at);
        n.open("line", "tick")
            .attr("x1", &x)
            .attr("x2", &x)
            .attr("y1", "0")
            .attr("y2", "6")
            .attr("stroke", "#8c959f")
            .close();
        let class = match (t.rank, t.day) {
            (0, true) => "day",
            (0, false) => "",
            (1, true) => "r1 day",
            (1, false) => "r1",
            (_, true) => "r2 day",
            _ => "r2",
        };
        n.open("text", class)
            .attr("x", &x)
            .attr("y", "1.6em")
            .attr("text-anchor", t.anchor.name())
            .text(&t.label)
            .close();
    }
    n.close();
    n.leaf("p", "chart-zone", &v.zone);
    n.close();
}

/// The class of a bar of this level: `level-down`.
fn level_class(level: ImpactLevel) -> &'static str {
    match level {
        ImpactLevel::Down => "level-down",
        ImpactLevel::Partial => "level-partial",
        ImpactLevel::Degraded => "level-degraded",
        ImpactLevel::Maintenance => "level-maintenance",
    }
}

/// A day's heading: `<h2><time datetime="2023-07-18">2023년 7월 18일 (화)</time></h2>`.
fn day_heading(n: &mut Nodes, iso: &str, label: &str) {
    n.open("h2", "")
        .open("time", "")
        .attr("datetime", iso)
        .text(label)
        .close()
        .close();
}

/// The chronology (`view="chronology"`): each day a heading and an ordered list of lines,
/// each saying when, what, about which incident and services, and who said it.
pub fn chronology(view: &ChronologyView, lang: Lang, stale: Option<&str>) -> Nodes {
    let tl = lang.timeline().labels();
    let mut n = Nodes::new();
    n.open("section", "chronology")
        .attr("part", "chronology")
        .attr("aria-label", tl.chronology);
    notice(&mut n, stale);
    if let Some(earlier) = &view.earlier {
        n.leaf("p", "not-shown", earlier);
    }
    if view.days.is_empty() {
        n.leaf("p", "notice", tl.no_incidents);
    }
    for day in &view.days {
        n.open("section", "day");
        day_heading(&mut n, &day.iso, &day.label);
        n.open("ol", "entries");
        for e in &day.entries {
            n.open("li", &["entry tone-", e.tone.name()].concat());
            n.open("time", "")
                .attr("datetime", &e.iso)
                .text(&e.at)
                .close();
            n.leaf("span", "status", &e.what);
            n.leaf("strong", "about", &e.incident);
            if !e.services.is_empty() {
                n.leaf("span", "services", &e.services);
            }
            if !e.text.is_empty() {
                n.leaf("span", "text", &e.text);
            }
            n.leaf("span", "by", &e.publisher);
            n.close();
        }
        n.close().close();
    }
    n.close();
    n
}

/// One incident as an `<article>`, the `nth` shown (its heading's id, which names it);
/// [`IncidentView::elements`] must count at least as many elements as this writes (a test
/// below holds it to that).
pub fn incident(
    n: &mut Nodes,
    v: &IncidentView,
    l: &Labels,
    tl: &TimelineLabels,
    zone: &str,
    nth: usize,
) {
    let heading = ["incident-title-", &nth.to_string()].concat();
    n.open("article", &["incident tone-", v.tone.name()].concat())
        .attr("part", "incident")
        .attr("data-incident", &v.id)
        .attr("aria-labelledby", &heading)
        // Focused (not by Tab) when "더 보기" or "최근 사건 보기" brings it into view.
        .attr("tabindex", "-1");
    n.open("header", "");
    n.open("span", "badge")
        .attr("part", "badge")
        .text(&v.badge)
        .close();
    n.leaf("span", "status", &v.status);
    // Its own address: `#incident-<id>` opens the page of the timeline holding it; the
    // button copies the page's address with it (`src/dom/define.js`).
    let fragment = super::super::incident_fragment(&v.id);
    n.open("a", "permalink")
        .attr("href", &["#", &fragment].concat())
        .attr("aria-label", &[tl.permalink, ": ", &v.title].concat())
        .text("#")
        .close();
    n.open("button", "copy")
        .attr("type", "button")
        .attr("data-copy", &fragment)
        .attr("data-copied", tl.copied)
        .attr("aria-label", &[tl.copy_link, ": ", &v.title].concat())
        .text(tl.copy_link)
        .close();
    n.open("h3", "")
        .attr("id", &heading)
        .text(&v.title)
        .close()
        .close();
    if let Some(s) = &v.summary {
        n.leaf("p", "summary", s);
    }
    facts(n, &v.facts);

    if !v.impacts.is_empty() {
        // Roles spelled out: on a phone the stylesheet displays the table as blocks, and
        // engines then drop its table semantics (and the headers heard with each value).
        n.open("div", "table-wrap")
            .open("table", "impacts")
            .attr("role", "table");
        n.leaf("caption", "", l.affected);
        n.open("thead", "")
            .attr("role", "rowgroup")
            .open("tr", "")
            .attr("role", "row");
        let zoned = |s: &str| [s, " (", zone, ")"].concat();
        let heads = [
            tl.service.to_string(),
            tl.impact.to_string(),
            zoned(tl.start),
            zoned(tl.recovery),
            tl.duration.to_string(),
        ];
        for h in &heads {
            n.open("th", "")
                .attr("scope", "col")
                .attr("role", "columnheader")
                .text(h)
                .close();
        }
        n.close().close();
        n.open("tbody", "").attr("role", "rowgroup");
        for row in &v.impacts {
            n.open("tr", "").attr("role", "row");
            n.open("th", "")
                .attr("scope", "row")
                .attr("role", "rowheader");
            linked(n, &row.service, l);
            if let Some(r) = &row.recurrence {
                n.leaf("span", "recurrence", r);
            }
            n.close();
            // Each cell carries its column's name: on a phone, rows are stacked and
            // the stylesheet shows it before the value.
            let cells = [&row.level, &row.start, &row.recovery, &row.duration];
            for (cell, head) in cells.into_iter().zip(&heads[1..]) {
                n.open("td", "")
                    .attr("role", "cell")
                    .attr("data-label", head)
                    .text(cell)
                    .close();
            }
            n.close();
        }
        n.close().close().close();
        not_shown(n, &v.not_shown.impacts);
    }
    if !v.workarounds.is_empty() {
        n.leaf("h4", "", tl.workarounds);
        list(n, "workarounds", &v.workarounds, l);
        not_shown(n, &v.not_shown.workarounds);
    }
    if !v.updates.is_empty() {
        n.leaf("h4", "", tl.updates);
        // The earlier updates are the ones left out: say so above the list.
        not_shown(n, &v.not_shown.updates);
        n.open("ol", "updates");
        if v.first_update > 1 {
            n.attr("start", &v.first_update.to_string());
        }
        for u in &v.updates {
            n.open("li", "");
            n.open("time", "")
                .attr("datetime", &u.iso)
                .text(&u.at)
                .close();
            if let Some(s) = &u.status {
                n.leaf("span", "status", s);
            }
            n.leaf("span", "", &u.text).close();
        }
        n.close();
    }
    if !v.links.is_empty() {
        n.leaf("h4", "", tl.links);
        list(n, "links", &v.links, l);
        not_shown(n, &v.not_shown.links);
    }
    n.close();
}

/// The line counting the rows a list leaves out, if it left any.
fn not_shown(n: &mut Nodes, line: &Option<String>) {
    if let Some(text) = line {
        n.leaf("p", "not-shown", text);
    }
}

fn list(n: &mut Nodes, class: &str, items: &[LinkedText], labels: &Labels) {
    n.open("ul", class);
    for item in items {
        n.open("li", "");
        linked(n, item, labels);
        n.close();
    }
    n.close();
}
