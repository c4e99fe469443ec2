//! View model → the widget's elements (as [`Nodes`]): the structure, classes, parts and ARIA
//! roles the stylesheet and readers rely on. Every feed string becomes a text node or an
//! attribute value, and only `http(s)` URLs, already filtered by the view model, become
//! `href`s.

use super::banner::BannerView;
use super::nodes::Nodes;
use super::{Fact, LinkedText};
use crate::i18n::Labels;

#[cfg(feature = "timeline")]
mod timeline;
#[cfg(feature = "timeline")]
pub use timeline::{chart, charts, chronology, incident, timeline};

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
    const XSS_FEED: &str = include_str!("../../../tests/fixtures/hostile-feed.json");

    #[test]
    fn every_link_says_it_opens_a_new_window() {
        let f = parse(include_str!("../../../www/feeds/mois-2023-11.json")).unwrap();
        let zone = FixedZone::kst();
        for (lang, said) in [(Lang::Ko, "(새 창)"), (Lang::En, "(opens in a new window)")] {
            let cx = context(lang, &zone, "2023-11-19T18:42:00+09:00");
            let labels = lang.messages().labels();
            let view = banner::build(&f, &cx, &banner::Options::default());
            for n in [
                banner(view.as_ref(), labels, None),
                timeline(&timeline::build(&f, &cx), lang, None),
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
        let f = parse(include_str!("../../../www/feeds/mois-2023-11.json")).unwrap();
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

        let t = super::super::nodes::decode(&timeline(&timeline::build(&f, &cx), Lang::Ko, None));
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
        let t = timeline(&timeline::build(&f, &cx), Lang::Ko, None);
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
                incident(
                    &mut one,
                    inc,
                    labels,
                    Lang::Ko.timeline().labels(),
                    &view.zone,
                    1,
                );
                // Its day's section, h2 and time are counted with each incident.
                assert!(one.elements() + 3 <= inc.elements(), "{rows} rows");
                counted += inc.elements();
            }
            // Each day's chart frame, which the pager counts once per day.
            let frames = |v: &timeline::TimelineView| {
                v.days.iter().filter(|d| d.chart.is_some()).count() * crate::view::chart::FRAME
            };
            counted += frames(&view);
            let page = timeline(&view, Lang::Ko, Some("!"));
            // The page itself: its section, the stale notice and the "더 보기" button.
            assert!(page.elements() <= counted + 3, "{rows} rows per list");
            assert!(page.elements() <= timeline::PAGE_ELEMENTS + 3);
            // Far into the feed: two pages, and "최근 사건 보기" too.
            let far = timeline::build_page(&crowded_feed(rows), &cx, 5);
            let far_counted: usize =
                far.incidents().map(|i| i.elements()).sum::<usize>() + frames(&far);
            let far_page = timeline(&far, Lang::Ko, Some("!"));
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
