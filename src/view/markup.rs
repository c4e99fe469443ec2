//! View model → the widget's elements (as [`Nodes`]): the structure, classes, parts and ARIA
//! roles the stylesheet and readers rely on. Every feed string becomes a text node or an
//! attribute value, and only `http(s)` URLs, already filtered by the view model, become
//! `href`s.

use super::banner::BannerView;
use super::chart::ChartView;
use super::chronology::ChronologyView;
use super::nodes::Nodes;
use super::timeline::{IncidentView, TimelineView};
use super::{Fact, LinkedText, Tone};
use crate::feed::ImpactLevel;
use crate::i18n::Labels;

/// A link when the URL is safe, plain text otherwise. Links open in a new window, and
/// their accessible name says so.
fn linked(n: &mut Nodes, t: &LinkedText, labels: &Labels) {
    match &t.url {
        Some(url) => {
            n.open("a", "")
                .attr("href", url)
                .attr("rel", "noopener noreferrer")
                .attr("target", "_blank")
                // The name as shown, then the warning: no element more (pages keep to
                // their element budget), and the visible words stay the name's start.
                .attr("aria-label", &format!("{} ({})", t.text, labels.new_window))
                .text(&t.text)
                .close();
        }
        None => {
            n.leaf("span", "", &t.text);
        }
    }
}

fn facts(n: &mut Nodes, facts: &[Fact]) {
    n.open("dl", "facts");
    for f in facts {
        n.open("div", "")
            .leaf("dt", "", f.label)
            .leaf("dd", "", &f.value)
            .close();
    }
    n.close();
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

/// A short line under the content, e.g. why the data on screen may be stale.
fn notice(n: &mut Nodes, text: Option<&str>) {
    if let Some(text) = text {
        n.open("p", "error")
            .attr("part", "error")
            .attr("role", "status")
            .text(text)
            .close();
    }
}

/// The banner, or nothing when there is nothing to announce, and the notice below it.
pub fn banner(view: Option<&BannerView>, labels: &Labels, stale: Option<&str>) -> Nodes {
    let mut n = Nodes::new();
    if let Some(v) = view {
        n.open("section", &["banner tone-", v.tone.name()].concat())
            .attr("part", "banner")
            .attr("aria-label", labels.banner)
            .attr("data-incident", &v.incident_id);
        // The live region is the head alone (badge, title, how long): what a screen reader
        // says when the banner appears is one short line, not every fact and link.
        n.open("div", "head").attr("role", v.role.name());
        n.open("span", "badge")
            .attr("part", "badge")
            .text(&v.badge)
            .close();
        n.open("strong", "title")
            .attr("part", "title")
            .text(&v.title)
            .close();
        if let Some(t) = &v.timing {
            // Patched in place every minute: not news, so never announced.
            n.open("span", "timing")
                .attr("aria-live", "off")
                .text(t)
                .close();
        }
        if let Some(m) = &v.more {
            n.leaf("span", "more", m);
        }
        n.close();
        if let Some(key) = &v.dismiss_key {
            n.open("button", "dismiss")
                .attr("type", "button")
                .attr("part", "dismiss")
                .attr("aria-label", labels.dismiss)
                .attr("title", labels.dismiss)
                .attr("data-dismiss", key)
                .text("×")
                .close();
        }
        if !v.facts.is_empty() {
            facts(&mut n, &v.facts);
        }
        if let Some(link) = &v.link {
            n.open("p", "");
            linked(&mut n, link, labels);
            n.close();
        }
        n.close();
    }
    notice(&mut n, stale);
    n
}

/// The pages of the timeline shown, with the notice on top, "최근 사건 보기" next when
/// newer pages were dropped, and "더 보기" below. The section can take focus (not by Tab):
/// it gets it when a button leaves no incident to show.
pub fn timeline(view: &TimelineView, labels: &Labels, stale: Option<&str>) -> Nodes {
    let mut n = Nodes::new();
    n.open("section", "timeline")
        .attr("part", "timeline")
        .attr("aria-label", labels.timeline)
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
        n.leaf("p", "notice", labels.no_incidents);
    }
    let mut shown = 0;
    for day in &view.days {
        n.open("section", "day");
        if !day.label.is_empty() {
            day_heading(&mut n, &day.iso, &day.label);
        }
        if let Some(c) = &day.chart {
            chart(&mut n, c, labels);
        }
        for inc in &day.incidents {
            shown += 1;
            incident(&mut n, inc, labels, &view.zone, shown);
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
pub fn charts(view: &TimelineView, labels: &Labels, stale: Option<&str>) -> Nodes {
    let mut n = Nodes::new();
    n.open("section", "charts")
        .attr("part", "charts")
        .attr("aria-label", labels.chart);
    notice(&mut n, stale);
    let mut any = false;
    for day in &view.days {
        if let Some(c) = &day.chart {
            any = true;
            n.open("section", "day");
            day_heading(&mut n, &day.iso, &day.label);
            chart(&mut n, c, labels);
            n.close();
        }
    }
    if !any {
        n.leaf("p", "notice", labels.no_incidents);
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
    super::html::colour(match level {
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
pub fn chart(n: &mut Nodes, v: &ChartView, l: &Labels) {
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
                .leaf("span", "window", l.official_updates);
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
pub fn chronology(view: &ChronologyView, labels: &Labels, stale: Option<&str>) -> Nodes {
    let mut n = Nodes::new();
    n.open("section", "chronology")
        .attr("part", "chronology")
        .attr("aria-label", labels.chronology);
    notice(&mut n, stale);
    if let Some(earlier) = &view.earlier {
        n.leaf("p", "not-shown", earlier);
    }
    if view.days.is_empty() {
        n.leaf("p", "notice", labels.no_incidents);
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
pub fn incident(n: &mut Nodes, v: &IncidentView, l: &Labels, zone: &str, nth: usize) {
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
    let fragment = super::incident_fragment(&v.id);
    n.open("a", "permalink")
        .attr("href", &["#", &fragment].concat())
        .attr("aria-label", &[l.permalink, ": ", &v.title].concat())
        .text("#")
        .close();
    n.open("button", "copy")
        .attr("type", "button")
        .attr("data-copy", &fragment)
        .attr("data-copied", l.copied)
        .attr("aria-label", &[l.copy_link, ": ", &v.title].concat())
        .text(l.copy_link)
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
            l.service.to_string(),
            l.impact.to_string(),
            zoned(l.start),
            zoned(l.recovery),
            l.duration.to_string(),
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
        n.leaf("h4", "", l.workarounds);
        list(n, "workarounds", &v.workarounds, l);
        not_shown(n, &v.not_shown.workarounds);
    }
    if !v.updates.is_empty() {
        n.leaf("h4", "", l.updates);
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
        n.leaf("h4", "", l.links);
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

/// Only a message: loading, or an error with no good data to fall back on.
pub fn message(text: &str, class: &'static str) -> Nodes {
    let mut n = Nodes::new();
    n.open("p", class)
        .attr("part", class)
        .attr("role", "status")
        .text(text)
        .close();
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::{self, parse};
    use crate::i18n::Lang;
    use crate::time::FixedZone;
    use crate::view::nodes::{op, SEPARATOR};
    use crate::view::{banner, timeline, Context};

    /// The tags `n` opens and the attributes it sets, in order.
    fn read(n: &Nodes) -> (Vec<String>, Vec<(String, String)>) {
        let mut strings = n.strings().split(SEPARATOR);
        let mut next = || strings.next().unwrap().to_string();
        let (mut tags, mut attrs) = (Vec::new(), Vec::new());
        for &o in n.ops() {
            match o {
                op::OPEN => {
                    tags.push(next());
                    next();
                }
                op::ATTR => attrs.push((next(), next())),
                op::TEXT => {
                    next();
                }
                _ => {}
            }
        }
        (tags, attrs)
    }

    fn context<'a>(lang: Lang, zone: &'a FixedZone, now: &str) -> Context<'a> {
        Context {
            lang,
            zone,
            now: chrono::DateTime::parse_from_rfc3339(now).unwrap(),
        }
    }

    /// Feed text that looks like markup, and links with unsafe schemes.
    const XSS_FEED: &str = include_str!("../../tests/fixtures/hostile-feed.json");

    #[test]
    fn every_link_says_it_opens_a_new_window() {
        let f = parse(include_str!("../../www/feeds/mois-2023-11.json")).unwrap();
        let zone = FixedZone::kst();
        for (lang, said) in [(Lang::Ko, "(새 창)"), (Lang::En, "(opens in a new window)")] {
            let cx = context(lang, &zone, "2023-11-19T18:42:00+09:00");
            let labels = lang.messages().labels();
            let view = banner::build(&f, &cx, &banner::Options::default());
            for n in [
                banner(view.as_ref(), labels, None),
                timeline(&timeline::build(&f, &cx), labels, None),
            ] {
                let (_, attrs) = read(&n);
                let opens_new = attrs.iter().filter(|(k, v)| k == "target" && v == "_blank");
                let named: Vec<&str> = attrs
                    .iter()
                    .filter(|(k, v)| k == "aria-label" && v.ends_with(said))
                    .map(|(_, v)| v.as_str())
                    .collect();
                assert!(!named.is_empty());
                assert_eq!(opens_new.count(), named.len(), "{named:?}");
            }
        }
    }

    #[test]
    fn a_screen_reader_hears_the_head_announced_and_each_incident_named_by_its_heading() {
        let f = parse(include_str!("../../www/feeds/mois-2023-11.json")).unwrap();
        let zone = FixedZone::kst();
        let cx = context(Lang::Ko, &zone, "2023-11-19T18:42:00+09:00");
        let labels = Lang::Ko.messages().labels();
        let view = banner::build(&f, &cx, &banner::Options::default());
        let b = super::super::nodes::decode(&banner(view.as_ref(), labels, None));
        // The live region is the head only: the facts and the link are not in it.
        assert!(
            b.contains(r#"<div class="head">[role="alert"]<span class="badge">"#),
            "{b}"
        );
        assert!(!b.contains(r#"<section class="banner tone-critical">[part="banner"][role="#));
        let head = &b[b.find(r#"<div class="head">"#).unwrap()..];
        let head = &head[..head.find("</div>").unwrap()];
        assert!(
            !head.contains("영향 서비스") && !head.contains("<a"),
            "{head}"
        );

        let t = super::super::nodes::decode(&timeline(&timeline::build(&f, &cx), labels, None));
        let named: Vec<&str> = t
            .split("[aria-labelledby=\"")
            .skip(1)
            .map(|s| &s[..s.find('"').unwrap()])
            .collect();
        assert!(!named.is_empty());
        for id in &named {
            assert_eq!(
                t.matches(&format!("<h3 class=\"\">[id=\"{id}\"]")).count(),
                1,
                "{id} names one heading"
            );
        }
        assert_eq!(
            named.len(),
            t.matches("<article").count(),
            "every incident is named"
        );
        // The services table keeps its roles when a phone's stylesheet displays it as blocks.
        for role in [
            "table",
            "rowgroup",
            "row",
            "columnheader",
            "rowheader",
            "cell",
        ] {
            assert!(t.contains(&format!("[role=\"{role}\"]")), "{role}");
        }
    }

    #[test]
    fn feed_text_stays_text_and_only_http_links_become_hrefs() {
        let f = parse(XSS_FEED).unwrap();
        let zone = FixedZone::kst();
        let cx = context(Lang::Ko, &zone, "2023-11-19T18:42:00+09:00");
        let labels = Lang::Ko.messages().labels();
        let view = banner::build(&f, &cx, &banner::Options::default());
        let b = banner(view.as_ref(), labels, Some("오류"));
        let t = timeline(&timeline::build(&f, &cx), labels, None);
        for n in [&b, &t] {
            assert!(n.is_complete());
            let (tags, attrs) = read(n);
            assert!(!tags.iter().any(|t| t == "img" || t == "b"), "{tags:?}");
            let hrefs: Vec<&str> = attrs
                .iter()
                .filter(|(name, _)| name == "href")
                .map(|(_, v)| v.as_str())
                .collect();
            // The feed's safe URL, and each incident's own fragment (its id encoded).
            assert!(
                hrefs
                    .iter()
                    .all(|h| h == &"https://www.gov.kr" || h.starts_with("#incident-")),
                "{hrefs:?}"
            );
        }
        assert!(super::super::nodes::decode(&b).contains(
            r#"<strong class="title">[part="title"]<img src=x onerror=alert(1)></strong>"#
        ));
        let (_, attrs) = read(&b);
        assert!(attrs.contains(&("role".into(), "alert".into())));
        let (_, attrs) = read(&t);
        assert_eq!(
            attrs
                .iter()
                .filter(|(n, v)| n == "href" && !v.starts_with('#'))
                .count(),
            2,
            "the service and the good workaround"
        );
    }

    #[test]
    fn nothing_to_announce_writes_nothing_but_the_notice() {
        let labels = Lang::En.messages().labels();
        assert_eq!(banner(None, labels, None).elements(), 0);
        let (tags, _) = read(&banner(None, labels, Some("Last update failed")));
        assert_eq!(tags, ["p"]);
    }

    /// A feed of 12 incidents with `rows` of every list and most fields set: the worst case
    /// for the element estimate.
    fn crowded_feed(rows: usize) -> feed::Feed {
        let list = |f: &dyn Fn(usize) -> String| (0..rows).map(f).collect::<Vec<_>>().join(",");
        let incident = |id: usize| {
            let d = 1 + id % 9;
            format!(
                r#"{{"id":"c{id}","kind":"outage","severity":"major","status":"resolved","title":"장애 {id}",
                "summary":"요약","region":"전국","cause":"원인","started_at":"2023-01-0{d}T00:00:00+09:00",
                "ended_at":"2023-01-0{d}T02:00:00+09:00","impacts":[{}],"workarounds":[{}],"links":[{}],"updates":[{}]}}"#,
                list(&|i| format!(r#"{{"service":"s{i}","status":"down"}}"#)),
                list(&|i| format!(r#"{{"text":"방법 {i}","url":"https://example.org/w{i}"}}"#)),
                list(&|i| format!(r#"{{"title":"자료 {i}","url":"https://example.org/{i}"}}"#)),
                list(&|i| format!(
                    r#"{{"at":"2023-01-0{d}T01:{:02}:00+09:00","status":"identified","text":"업데이트 {i}"}}"#,
                    i % 60
                )),
            )
        };
        let incidents: Vec<String> = (0..12).map(incident).collect();
        parse(&format!(
            r#"{{"version":1,"publisher":{{"name":"p"}},"services":[{{"id":"s0","name":"서비스"}}],
            "incidents":[{}]}}"#,
            incidents.join(",")
        ))
        .unwrap()
    }

    #[test]
    fn a_page_never_writes_more_elements_than_its_views_count() {
        let zone = FixedZone::kst();
        let cx = context(Lang::Ko, &zone, "2023-02-01T00:00:00+09:00");
        let labels = Lang::Ko.messages().labels();
        for rows in [0, 1, 3, 45] {
            let view = timeline::build_page(&crowded_feed(rows), &cx, 1);
            let mut counted = 0;
            for inc in view.incidents() {
                let mut one = Nodes::new();
                incident(&mut one, inc, labels, &view.zone, 1);
                // Its day's section, h2 and time are counted with each incident.
                assert!(one.elements() + 3 <= inc.elements(), "{rows} rows");
                counted += inc.elements();
            }
            // Each day's chart frame, which the pager counts once per day.
            let frames = |v: &timeline::TimelineView| {
                v.days.iter().filter(|d| d.chart.is_some()).count() * crate::view::chart::FRAME
            };
            counted += frames(&view);
            let page = timeline(&view, labels, Some("!"));
            // The page itself: its section, the stale notice and the "더 보기" button.
            assert!(page.elements() <= counted + 3, "{rows} rows per list");
            assert!(page.elements() <= timeline::PAGE_ELEMENTS + 3);
            // Far into the feed: two pages, and "최근 사건 보기" too.
            let far = timeline::build_page(&crowded_feed(rows), &cx, 5);
            let far_counted: usize =
                far.incidents().map(|i| i.elements()).sum::<usize>() + frames(&far);
            let far_page = timeline(&far, labels, Some("!"));
            assert!(
                far_page.elements() <= far_counted + 4,
                "{rows} rows per list"
            );
            assert!(far_page.elements() <= timeline::PAGES_SHOWN * timeline::PAGE_ELEMENTS + 4);
            let (_, attrs) = read(&page);
            assert_eq!(
                attrs.iter().any(|(n, _)| n == "start"),
                rows > timeline::LIST_ROWS,
                "an <ol start> exactly when earlier updates are left out"
            );
        }
    }
}
