//! View model → nodes. Every feed string goes through `textContent` (never HTML), and only
//! `http(s)` URLs, already filtered by the view model, become `href`s.

use crate::i18n::Labels;
use crate::view::banner::BannerView;
use crate::view::timeline::{IncidentView, TimelineView};
use crate::view::{Fact, LinkedText};
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use web_sys::{Document, Element, HtmlElement, Node};

type R<T> = Result<T, JsValue>;

/// Appends `child` to `parent`.
fn add(parent: &Element, child: impl Into<Node>) -> R<()> {
    parent.append_child(&child.into())?;
    Ok(())
}

/// Builds elements in one document.
struct Builder {
    doc: Document,
}

impl Builder {
    fn el(&self, tag: &str, class: &str) -> R<Element> {
        let e = self.doc.create_element(tag)?;
        if !class.is_empty() {
            e.set_class_name(class);
        }
        Ok(e)
    }

    /// An element holding `text` as text.
    fn text(&self, tag: &str, class: &str, text: &str) -> R<Element> {
        let e = self.el(tag, class)?;
        e.set_text_content(Some(text));
        Ok(e)
    }

    /// A link when the URL is safe, plain text otherwise.
    fn linked(&self, t: &LinkedText) -> R<Element> {
        match &t.url {
            Some(url) => {
                let a = self.text("a", "", &t.text)?;
                a.set_attribute("href", url)?;
                a.set_attribute("rel", "noopener noreferrer")?;
                a.set_attribute("target", "_blank")?;
                Ok(a)
            }
            None => self.text("span", "", &t.text),
        }
    }

    fn facts(&self, facts: &[Fact]) -> R<Element> {
        let dl = self.el("dl", "facts")?;
        for f in facts {
            let row = self.el("div", "")?;
            add(&row, self.text("dt", "", f.label)?)?;
            add(&row, self.text("dd", "", &f.value)?)?;
            add(&dl, row)?;
        }
        Ok(dl)
    }

    fn list(&self, tag: &str, class: &str, items: &[LinkedText]) -> R<Element> {
        let list = self.el(tag, class)?;
        for item in items {
            let li = self.el("li", "")?;
            add(&li, self.linked(item)?)?;
            add(&list, li)?;
        }
        Ok(list)
    }
}

fn builder() -> R<Builder> {
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    Ok(Builder { doc })
}

/// Replaces everything in `container` with `nodes`.
fn replace(container: &Element, nodes: &[Node]) {
    let array = js_sys::Array::new();
    for n in nodes {
        array.push(n);
    }
    container.replace_children_with_node(&array);
}

const FOCUSABLE: &str = "a, button";

/// Which focusable element inside `container` has focus, if any, by position.
pub fn focused_index(container: &Element) -> Option<u32> {
    let root = container
        .get_root_node()
        .dyn_into::<web_sys::ShadowRoot>()
        .ok()?;
    let active = root.active_element()?;
    let all = container.query_selector_all(FOCUSABLE).ok()?;
    (0..all.length()).find(|&i| all.item(i).is_some_and(|n| n.is_same_node(Some(&active))))
}

/// Focuses the focusable element at position `index` (or the last one) after a re-render,
/// so a keyboard user is not thrown out of the widget by a poll.
pub fn restore_focus(container: &Element, index: u32) {
    let Ok(all) = container.query_selector_all(FOCUSABLE) else {
        return;
    };
    let target = all.item(index.min(all.length().saturating_sub(1)));
    if let Some(e) = target.and_then(|n| n.dyn_into::<HtmlElement>().ok()) {
        let _ = e.focus();
    }
}

/// A short line under the content, e.g. why the data on screen may be stale.
fn notice_node(b: &Builder, notice: Option<&str>, class: &str) -> R<Option<Node>> {
    notice
        .map(|n| {
            let p = b.text("p", class, n)?;
            p.set_attribute("part", class)?;
            p.set_attribute("role", "status")?;
            Ok(p.into())
        })
        .transpose()
}

/// Renders the banner, or nothing when there is nothing to announce.
pub fn banner(
    root: &Element,
    view: Option<&BannerView>,
    labels: &Labels,
    notice: Option<&str>,
) -> R<()> {
    let b = builder()?;
    let mut nodes: Vec<Node> = Vec::new();
    if let Some(v) = view {
        let section = b.el("section", &format!("banner tone-{}", v.tone.name()))?;
        section.set_attribute("part", "banner")?;
        section.set_attribute("role", v.role.name())?;
        section.set_attribute("aria-label", labels.banner)?;
        section.set_attribute("data-incident", &v.incident_id)?;
        let head = b.el("div", "head")?;
        let badge = b.text("span", "badge", &v.badge)?;
        badge.set_attribute("part", "badge")?;
        add(&head, badge)?;
        let title = b.text("strong", "title", &v.title)?;
        title.set_attribute("part", "title")?;
        add(&head, title)?;
        if let Some(t) = &v.timing {
            let timing = b.text("span", "timing", t)?;
            // Patched in place every minute: not news, so never announced.
            timing.set_attribute("aria-live", "off")?;
            add(&head, timing)?;
        }
        if let Some(m) = &v.more {
            add(&head, b.text("span", "more", m)?)?;
        }
        add(&section, head)?;
        if let Some(key) = &v.dismiss_key {
            let close = b.text("button", "dismiss", "×")?;
            close.set_attribute("type", "button")?;
            close.set_attribute("part", "dismiss")?;
            close.set_attribute("aria-label", labels.dismiss)?;
            close.set_attribute("title", labels.dismiss)?;
            close.set_attribute("data-dismiss", key)?;
            add(&section, close)?;
        }
        if !v.facts.is_empty() {
            add(&section, b.facts(&v.facts)?)?;
        }
        if let Some(link) = &v.link {
            let p = b.el("p", "")?;
            add(&p, b.linked(link)?)?;
            add(&section, p)?;
        }
        nodes.push(section.into());
    }
    if let Some(n) = notice_node(&b, notice, "error")? {
        nodes.push(n);
    }
    replace(root, &nodes);
    Ok(())
}

/// Renders the whole timeline.
pub fn timeline(
    root: &Element,
    view: &TimelineView,
    labels: &Labels,
    notice: Option<&str>,
) -> R<()> {
    let b = builder()?;
    let section = b.el("section", "timeline")?;
    section.set_attribute("part", "timeline")?;
    section.set_attribute("aria-label", labels.timeline)?;
    if let Some(n) = notice_node(&b, notice, "error")? {
        add(&section, n)?;
    }
    if view.days.is_empty() {
        add(&section, b.text("p", "notice", labels.no_incidents)?)?;
    }
    for day in &view.days {
        let group = b.el("section", "day")?;
        if !day.label.is_empty() {
            let h2 = b.el("h2", "")?;
            let time = b.text("time", "", &day.label)?;
            time.set_attribute("datetime", &day.iso)?;
            add(&h2, time)?;
            add(&group, h2)?;
        }
        for inc in &day.incidents {
            add(&group, incident(&b, inc, labels, &view.zone)?)?;
        }
        add(&section, group)?;
    }
    if let Some(more) = &view.more {
        let button = b.text("button", "more-button", more)?;
        button.set_attribute("type", "button")?;
        button.set_attribute("part", "more")?;
        button.set_attribute("data-more", "")?;
        add(&section, button)?;
    }
    replace(root, &[section.into()]);
    Ok(())
}

fn incident(b: &Builder, v: &IncidentView, l: &Labels, zone: &str) -> R<Element> {
    let article = b.el("article", &format!("incident tone-{}", v.tone.name()))?;
    article.set_attribute("part", "incident")?;
    article.set_attribute("data-incident", &v.id)?;
    let header = b.el("header", "")?;
    let badge = b.text("span", "badge", &v.badge)?;
    badge.set_attribute("part", "badge")?;
    add(&header, badge)?;
    add(&header, b.text("span", "status", &v.status)?)?;
    add(&header, b.text("h3", "", &v.title)?)?;
    add(&article, header)?;
    if let Some(s) = &v.summary {
        add(&article, b.text("p", "summary", s)?)?;
    }
    add(&article, b.facts(&v.facts)?)?;

    if !v.impacts.is_empty() {
        let wrap = b.el("div", "table-wrap")?;
        let table = b.el("table", "impacts")?;
        add(&table, b.text("caption", "", l.affected)?)?;
        let head = b.el("tr", "")?;
        let zoned = |s: &str| format!("{s} ({zone})");
        for h in [
            l.service.to_string(),
            l.impact.to_string(),
            zoned(l.start),
            zoned(l.recovery),
            l.duration.to_string(),
        ] {
            let th = b.text("th", "", &h)?;
            th.set_attribute("scope", "col")?;
            add(&head, th)?;
        }
        let thead = b.el("thead", "")?;
        add(&thead, head)?;
        add(&table, thead)?;
        let tbody = b.el("tbody", "")?;
        for row in &v.impacts {
            let tr = b.el("tr", "")?;
            let name = b.el("th", "")?;
            name.set_attribute("scope", "row")?;
            add(&name, b.linked(&row.service)?)?;
            if let Some(r) = &row.recurrence {
                add(&name, b.text("span", "recurrence", r)?)?;
            }
            add(&tr, name)?;
            for cell in [&row.level, &row.start, &row.recovery, &row.duration] {
                add(&tr, b.text("td", "", cell)?)?;
            }
            add(&tbody, tr)?;
        }
        add(&table, tbody)?;
        add(&wrap, table)?;
        add(&article, wrap)?;
        not_shown(b, &article, &v.not_shown.impacts)?;
    }
    if !v.workarounds.is_empty() {
        add(&article, b.text("h4", "", l.workarounds)?)?;
        add(&article, b.list("ul", "workarounds", &v.workarounds)?)?;
        not_shown(b, &article, &v.not_shown.workarounds)?;
    }
    if !v.updates.is_empty() {
        add(&article, b.text("h4", "", l.updates)?)?;
        // The earlier updates are the ones left out: say so above the list.
        not_shown(b, &article, &v.not_shown.updates)?;
        let ol = b.el("ol", "updates")?;
        if v.first_update > 1 {
            ol.set_attribute("start", &v.first_update.to_string())?;
        }
        for u in &v.updates {
            let li = b.el("li", "")?;
            let time = b.text("time", "", &u.at)?;
            time.set_attribute("datetime", &u.iso)?;
            add(&li, time)?;
            if let Some(s) = &u.status {
                add(&li, b.text("span", "status", s)?)?;
            }
            add(&li, b.text("span", "", &u.text)?)?;
            add(&ol, li)?;
        }
        add(&article, ol)?;
    }
    if !v.links.is_empty() {
        add(&article, b.text("h4", "", l.links)?)?;
        add(&article, b.list("ul", "links", &v.links)?)?;
        not_shown(b, &article, &v.not_shown.links)?;
    }
    Ok(article)
}

/// The line counting the rows a list leaves out, if it left any.
fn not_shown(b: &Builder, parent: &Element, line: &Option<String>) -> R<()> {
    match line {
        Some(text) => add(parent, b.text("p", "not-shown", text)?),
        None => Ok(()),
    }
}

/// Shows only a message: loading, or an error with no good data to fall back on.
pub fn message(root: &Element, text: &str, class: &str) -> R<()> {
    let b = builder()?;
    let p = b.text("p", class, text)?;
    p.set_attribute("part", class)?;
    p.set_attribute("role", "status")?;
    replace(root, &[p.into()]);
    Ok(())
}
