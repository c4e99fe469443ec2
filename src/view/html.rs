//! The banner and timeline as a static, self-contained HTML fragment (no JavaScript), for
//! `<noscript>`, AMP, e-mail, RSS or pages that may not run scripts: what
//! `incident-banner render` prints. Every feed string is escaped; only the view model's
//! `http(s)` URLs become links; the tone colours are inline so they survive mail clients
//! that drop `<style>`.

use super::banner::BannerView;
use super::nodes::escape;
use super::timeline::{IncidentView, TimelineView};
use super::{Fact, LinkedText, Tone};
use crate::i18n::{Labels, Lang, TimelineLabels};
use core::fmt::Write;

const CSS: &str = ".ib-static{font:15px/1.5 system-ui,\"Apple SD Gothic Neo\",\"Malgun Gothic\",\"Noto Sans KR\",sans-serif;color:#1b1f24}\
.ib-static .ib-banner,.ib-static .ib-incident{border:1px solid #d0d7de;border-radius:8px;padding:10px 14px;margin:0 0 14px;background:#fff}\
.ib-static .ib-badge{color:#fff;font-weight:700;font-size:13px;border-radius:4px;padding:1px 7px}\
.ib-static .ib-title{font-weight:700;font-size:16px;margin:0 6px}\
.ib-static dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 10px;margin:6px 0;font-size:14px}\
.ib-static dt{color:#3d444d;font-weight:600}.ib-static dd{margin:0}\
.ib-static table{border-collapse:collapse;font-size:14px}.ib-static th,.ib-static td{border-bottom:1px solid #d0d7de;padding:4px 8px;text-align:left}\
.ib-static .ib-updates span{white-space:pre-line}\
.ib-static .chart{margin:0 0 14px;font-size:14px}.ib-static .chart-group{margin:6px 0 0;font-weight:700}\
.ib-static .lane .window,.ib-static .chart-zone{color:#3d444d;font-size:13px;margin:0 0 0 6px}.ib-static .chart-zone{margin:0}\
.ib-static .plot{position:relative}.ib-static .grid{position:absolute;inset:0;width:100%;height:100%}\
.ib-static .track{display:block;background:#eef1f4}.ib-static .axis{display:block;font-size:12px;fill:#3d444d}\
@media (max-width:480px){.ib-static table,.ib-static caption,.ib-static tbody,.ib-static tr,.ib-static th,.ib-static td{display:block}\
.ib-static thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}\
.ib-static tr{border-bottom:1px solid #d0d7de;padding:4px 0}.ib-static th,.ib-static td{border:0;padding:0;overflow-wrap:anywhere}\
.ib-static td:before{content:attr(data-label);color:#3d444d;margin-right:6px}}";

fn facts(out: &mut String, facts: &[Fact]) {
    if facts.is_empty() {
        return;
    }
    out.push_str("<dl>");
    for f in facts {
        let _ = write!(
            out,
            "<dt>{}</dt><dd>{}</dd>",
            escape(f.label),
            escape(&f.value)
        );
    }
    out.push_str("</dl>");
}

fn linked(out: &mut String, t: &LinkedText) {
    match &t.url {
        Some(url) => {
            let _ = write!(
                out,
                "<a href=\"{}\" rel=\"noopener noreferrer\">{}</a>",
                escape(url),
                escape(&t.text)
            );
        }
        None => out.push_str(&escape(&t.text)),
    }
}

fn badge(out: &mut String, tone: Tone, text: &str) {
    let _ = write!(
        out,
        "<span class=\"ib-badge\" style=\"background:{}\">{}</span>",
        Tone::colour(tone),
        escape(text)
    );
}

fn banner(out: &mut String, v: &BannerView, l: &Labels) {
    let _ = write!(
        out,
        "<section class=\"ib-banner\" aria-label=\"{}\" style=\"border-left:6px solid {}\"><p role=\"{}\">",
        escape(l.banner),
        Tone::colour(v.tone),
        v.role.name()
    );
    badge(out, v.tone, &v.badge);
    let _ = write!(
        out,
        "<strong class=\"ib-title\">{}</strong>",
        escape(&v.title)
    );
    for extra in [&v.timing, &v.more].into_iter().flatten() {
        let _ = write!(out, " <span>{}</span>", escape(extra));
    }
    out.push_str("</p>");
    facts(out, &v.facts);
    if let Some(link) = &v.link {
        out.push_str("<p>");
        linked(out, link);
        out.push_str("</p>");
    }
    out.push_str("</section>");
}

fn incident(out: &mut String, v: &IncidentView, l: &Labels, tl: &TimelineLabels, zone: &str) {
    let _ = write!(
        out,
        "<article class=\"ib-incident\" style=\"border-left:5px solid {}\"><p>",
        Tone::colour(v.tone)
    );
    badge(out, v.tone, &v.badge);
    let _ = write!(
        out,
        " <span>{}</span></p><h3>{}</h3>",
        escape(&v.status),
        escape(&v.title)
    );
    if let Some(s) = &v.summary {
        let _ = write!(out, "<p>{}</p>", escape(s));
    }
    facts(out, &v.facts);
    if !v.impacts.is_empty() {
        // Each cell names its column too: on a phone the rows are stacked (see `CSS`).
        let heads = [
            tl.impact.to_string(),
            format!("{} ({zone})", tl.start),
            format!("{} ({zone})", tl.recovery),
            tl.duration.to_string(),
        ];
        let _ = write!(
            out,
            "<table><caption>{}</caption><thead><tr><th scope=\"col\">{}</th>",
            escape(l.affected),
            escape(tl.service)
        );
        for h in &heads {
            let _ = write!(out, "<th scope=\"col\">{}</th>", escape(h));
        }
        out.push_str("</tr></thead><tbody>");
        for r in &v.impacts {
            out.push_str("<tr><th scope=\"row\">");
            linked(out, &r.service);
            if let Some(rec) = &r.recurrence {
                let _ = write!(out, "<br><small>{}</small>", escape(rec));
            }
            out.push_str("</th>");
            for (head, cell) in heads
                .iter()
                .zip([&r.level, &r.start, &r.recovery, &r.duration])
            {
                let _ = write!(
                    out,
                    "<td data-label=\"{}\">{}</td>",
                    escape(head),
                    escape(cell)
                );
            }
            out.push_str("</tr>");
        }
        out.push_str("</tbody></table>");
    }
    for (title, items) in [(tl.workarounds, &v.workarounds), (tl.links, &v.links)] {
        if items.is_empty() {
            continue;
        }
        let _ = write!(out, "<h4>{}</h4><ul>", escape(title));
        for item in items {
            out.push_str("<li>");
            linked(out, item);
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }
    if !v.updates.is_empty() {
        let _ = write!(
            out,
            "<h4>{}</h4><ol class=\"ib-updates\">",
            escape(tl.updates)
        );
        for u in &v.updates {
            let _ = write!(
                out,
                "<li><time datetime=\"{}\">{}</time> ",
                escape(&u.iso),
                escape(&u.at)
            );
            if let Some(s) = &u.status {
                let _ = write!(out, "[{}] ", escape(s));
            }
            let _ = write!(out, "<span>{}</span></li>", escape(&u.text));
        }
        out.push_str("</ol>");
    }
    out.push_str("</article>");
}

/// The whole fragment: the banner (when there is one) above the timeline.
pub fn render(banner_view: Option<&BannerView>, timeline: &TimelineView, lang: Lang) -> String {
    let l = lang.messages().labels();
    let tl = lang.timeline().labels();
    let mut out = format!(
        "<div class=\"ib-static\" lang=\"{}\"><style>{CSS}</style>",
        lang.tag()
    );
    if let Some(b) = banner_view {
        banner(&mut out, b, l);
    }
    let _ = write!(
        out,
        "<section class=\"ib-timeline\" aria-label=\"{}\">",
        escape(tl.timeline)
    );
    if timeline.days.is_empty() {
        let _ = write!(out, "<p>{}</p>", escape(tl.no_incidents));
    }
    for day in &timeline.days {
        if !day.label.is_empty() {
            let _ = write!(
                out,
                "<h2><time datetime=\"{}\">{}</time></h2>",
                escape(&day.iso),
                escape(&day.label)
            );
        }
        if let Some(c) = &day.chart {
            let mut chart = super::nodes::Nodes::new();
            super::markup::chart(&mut chart, c, tl);
            out.push_str(&super::nodes::to_html(&chart));
        }
        for inc in &day.incidents {
            incident(&mut out, inc, l, tl, &timeline.zone);
        }
    }
    if let Some(more) = &timeline.more {
        let _ = write!(out, "<p>{}</p>", escape(more));
    }
    out.push_str("</section></div>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::parse;
    use crate::time::FixedZone;
    use crate::view::{banner, timeline, Context};

    /// Korean, on 19 November 2023 at 18:42 in `zone`.
    fn korean_at_1842(zone: &FixedZone) -> Context<'_> {
        Context {
            lang: Lang::Ko,
            zone,
            now: chrono::DateTime::parse_from_rfc3339("2023-11-19T18:42:00+09:00").unwrap(),
        }
    }

    #[test]
    fn feed_text_is_escaped_and_unsafe_links_dropped() {
        let f = parse(r#"{"version":1,"publisher":{"name":"p"},"incidents":[{"id":"x","kind":"outage","status":"identified",
            "title":"<script>alert(\"x\")</script>","started_at":"2023-11-19T16:00:00+09:00",
            "links":[{"title":"bad","url":"javascript:alert(1)"},{"title":"good","url":"https://www.gov.kr/?a=1&b=\"2\""}]}]}"#)
        .unwrap();
        let zone = FixedZone::kst();
        let cx = korean_at_1842(&zone);
        let html = render(
            banner::build(&f, &cx, &banner::Options::default()).as_ref(),
            &timeline::build(&f, &cx),
            Lang::Ko,
        );
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"));
        assert!(!html.contains("javascript:"));
        assert!(html.contains(r#"href="https://www.gov.kr/?a=1&amp;b=&quot;2&quot;""#));
        assert!(html.contains("2시간 42분째"));
        assert!(html.contains(r#"role="status""#));
    }

    #[test]
    fn each_service_cell_names_its_column_for_phones() {
        let f = parse(r#"{"version":1,"publisher":{"name":"p"},"incidents":[{"id":"x","kind":"outage","status":"identified",
            "title":"t","started_at":"2023-11-19T16:00:00+09:00","impacts":[{"service":"gov24","status":"down"}]}]}"#)
        .unwrap();
        let zone = FixedZone::kst();
        let cx = korean_at_1842(&zone);
        let html = render(None, &timeline::build(&f, &cx), Lang::Ko);
        assert!(
            html.contains(r#"<th scope="col">복구 (KST)</th>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<td data-label="복구 (KST)">복구 중</td>"#),
            "{html}"
        );
        assert!(html.contains(r#"<td data-label="지속 시간">2시간 42분째</td>"#));
        assert!(html.contains("@media (max-width:480px)"));
    }
}
