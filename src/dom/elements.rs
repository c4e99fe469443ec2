//! `<incident-banner>` and `<incident-timeline>`: attributes, per-element state, rendering
//! from a [`source`](super::source).
//!
//! Attributes resolve like the platform does: `lang` from the element or its nearest
//! ancestor, then the document, then Korean; `time-zone` from the element, else the feed
//! publisher's zone. Invalid values fall back to the default instead of throwing.
//!
//! The DOM is touched only when what the reader sees changes: a poll that brings nothing
//! new mutates nothing, and a ticking duration is patched in place (outside any live
//! region) instead of re-inserting an alert.

use super::local::Local;

use super::source::{self, Change, Snapshot};
use super::{document, events, render, scheme, storage, style, zone};
use crate::feed::{Feed, Quoted};
use crate::i18n::Lang;
use crate::time::{FixedZone, Instant, Zone};
use crate::view::banner::{self, BannerView, Dismissible, Options};
#[cfg(feature = "timeline")]
use crate::view::chronology::{self, ChronologyView};
use crate::view::nodes::Nodes;
use crate::view::notice::Problem;
#[cfg(feature = "timeline")]
use crate::view::timeline::{self, TimelineView};
use crate::view::{announce, markup, notice, Context};
use chrono::{DateTime, TimeDelta};
use core::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{Element, Event, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

/// What an element last put on screen; equal views mean no DOM work.
#[derive(Clone, PartialEq)]
enum Rendered {
    /// A message alone, with its class (`error` or `notice`).
    Message(String, &'static str),
    Banner(Option<BannerView>, Option<String>),
    #[cfg(feature = "timeline")]
    Timeline(TimelineView, Option<String>),
    #[cfg(feature = "timeline")]
    Chronology(ChronologyView, Option<String>),
    /// `view="chart"`: the charts of the timeline's first page alone.
    #[cfg(feature = "timeline")]
    Chart(TimelineView, Option<String>),
}

/// What one connected element knows.
struct State {
    el: HtmlElement,
    /// The feed URLs of `src`, resolved; several publishers merge into one view.
    urls: Vec<String>,
    /// Where views are rendered; the live region beside it survives re-renders.
    content: Element,
    live: Element,
    last: Option<Rendered>,
    /// The timeline's last page shown: one, plus one per "더 보기", less one per "최근 사건
    /// 보기" (see `timeline::build_page`).
    pages: usize,
    /// The shadow root's click listener (dismissal, "더 보기"), removed on disconnect.
    /// (Escape is turned into a click on the close button by `define.js`.)
    on_click: Closure<dyn FnMut(Event)>,
    /// A feed the page set as `element.feed`: shown instead of `src` until `src` changes.
    given: Option<Snapshot>,
    /// The JSON text of the last good feed set as `element.feed` (see [`element_texts`]).
    given_text: Option<String>,
    /// The feed in the element's data block (`<script type="application/json">` inside
    /// it): alone, the only source, never fetched; with `src`, shown until the live feed
    /// arrives and kept, marked stale, when it fails.
    embedded: Option<Snapshot>,
    /// The incident of the page's address (`#incident-<id>`) this timeline last brought
    /// into view, so a re-render does not scroll the reader back to it.
    #[cfg(feature = "timeline")]
    revealed: Option<String>,
}

static ELEMENTS: Local<RefCell<Vec<State>>> = Local::new(RefCell::new(Vec::new()));
/// Head-snippet banners not inserted yet: they wait for something to announce.
static PENDING: Local<RefCell<Vec<HtmlElement>>> = Local::new(RefCell::new(Vec::new()));

fn warn(message: &str) {
    web_sys::console::warn_1(&format!("incident-banner: {message}").into());
}

/// Called by the element's `connectedCallback`, with the feed the page set as
/// `element.feed` before, if any (`undefined` otherwise).
#[wasm_bindgen(js_name = elementConnected)]
pub fn element_connected(el: HtmlElement, given: JsValue) {
    PENDING.with(|p| p.borrow_mut().retain(|e| *e != el));
    if ELEMENTS.with(|all| all.borrow().iter().any(|s| s.el == el)) {
        return;
    }
    let Some((root, content, live)) = shadow(&el) else {
        warn("could not attach a shadow root");
        return;
    };
    let on_click = {
        let el = el.clone();
        Closure::<dyn FnMut(Event)>::new(move |e: Event| on_click(&el, &e))
    };
    let _ = root.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    let urls = src_urls(&el);
    let embedded = read_embedded(&el);
    let has_embedded = embedded.is_some();
    ELEMENTS.with(|all| {
        all.borrow_mut().push(State {
            el: el.clone(),
            urls: urls.clone(),
            content,
            live,
            last: None,
            pages: 1,
            on_click,
            given: None,
            given_text: None,
            embedded,
            #[cfg(feature = "timeline")]
            revealed: None,
        })
    });
    #[cfg(feature = "timeline")]
    listen_for_hash();
    check_time_zone(&el);
    if !given.is_undefined() && !given.is_null() {
        element_set_feed(el, given);
        return;
    }
    if urls.is_empty() && !has_embedded {
        warn("the element has no valid src attribute");
    }
    for url in &urls {
        source::subscribe(url, &el, update);
    }
    if has_embedded {
        render(&el);
    }
}

/// The element's data block, read once: a feed written into the page (an article's
/// archive copy), which needs no request and no CSP exception, since a data block is never
/// executed. A wrong one gets the same visible error as a wrong file.
fn read_embedded(el: &HtmlElement) -> Option<Snapshot> {
    let block = el
        .query_selector(r#":scope > script[type="application/json"]"#)
        .ok()
        .flatten()?;
    let text = block.text_content().unwrap_or_default();
    let lang = lang_of(el);
    match document::from_bytes(text.as_bytes()) {
        Ok(doc) => {
            let as_of = as_of(&doc.feed);
            let snapshot = Snapshot {
                feed: Some(Rc::new(doc.feed)),
                problem: None,
                confirmed_at: as_of,
                from_storage: false,
                skipped: Rc::new(doc.skipped),
            };
            report_skipped(el, "", &snapshot, lang);
            Some(snapshot)
        }
        Err(errors) => {
            warn(&format!(
                "the element's data block is not a valid feed:\n{errors}"
            ));
            let problem = Problem::Invalid {
                path: errors.first().path.clone(),
            };
            events::failed(el, "", &notice::message(&problem, lang), &errors.0);
            Some(Snapshot {
                problem: Some(problem),
                ..Snapshot::default()
            })
        }
    }
}

/// When a feed written into a page was last true, in ms since the epoch: its `updated_at`,
/// else the latest time it states (for "마지막 확인: 3년 전" when the live feed fails).
fn as_of(feed: &Feed) -> Option<f64> {
    let latest = feed.updated_at.or_else(|| {
        feed.incidents
            .iter()
            .flat_map(|i| {
                i.updates
                    .iter()
                    .map(|u| u.at)
                    .chain(i.started_at)
                    .chain(i.ended_at)
            })
            .max()
    })?;
    Some(latest.timestamp_millis() as f64)
}

/// Called by the element's `feed` setter while connected: renders a feed the page already
/// holds (a plain object in our format or Statuspage's), with no URL; `null` goes back to
/// `src`. A wrong object gets the same visible, localised error as a wrong file, and the
/// last good feed set stays, marked stale.
#[wasm_bindgen(js_name = elementSetFeed)]
pub fn element_set_feed(el: HtmlElement, value: JsValue) {
    let Some(urls) = with_state(&el, |s| s.urls.clone()) else {
        return;
    };
    if value.is_undefined() || value.is_null() {
        let had = with_state(&el, |s| s.given.take().is_some()).unwrap_or(false);
        if had {
            with_state(&el, |s| s.last = None);
            for url in &urls {
                source::subscribe(url, &el, update);
            }
        }
        return;
    }
    // The page's feed replaces the fetched ones.
    for url in &urls {
        source::unsubscribe(url, &el);
    }
    let now = js_sys::Date::now();
    let lang = lang_of(&el);
    let text = document::text_of(value);
    let read = text
        .as_ref()
        .map_err(Clone::clone)
        .and_then(|t| document::from_bytes(t.as_bytes()));
    let (snapshot, previous, failure) = match read {
        Ok(doc) => {
            with_state(&el, |s| s.given_text = text.ok());
            let previous =
                with_state(&el, |s| s.given.as_ref().and_then(|g| g.feed.clone())).flatten();
            let snapshot = Snapshot {
                feed: Some(Rc::new(doc.feed)),
                problem: None,
                confirmed_at: Some(now),
                from_storage: false,
                skipped: Rc::new(doc.skipped),
            };
            (snapshot, previous, None)
        }
        Err(errors) => {
            warn(&format!("element.feed is not a valid feed:\n{errors}"));
            let problem = Problem::Invalid {
                path: errors.first().path.clone(),
            };
            let kept = with_state(&el, |s| s.given.clone()).flatten();
            let snapshot = Snapshot {
                problem: Some(problem.clone()),
                ..kept.unwrap_or_default()
            };
            (snapshot, None, Some((problem, errors)))
        }
    };
    match &failure {
        Some((problem, errors)) => {
            events::failed(&el, "", &notice::message(problem, lang), &errors.0)
        }
        None => report_skipped(&el, "", &snapshot, lang),
    }
    with_state(&el, |s| {
        s.given = Some(snapshot);
        s.last = None;
    });
    if let (Some(previous), Some(current)) = (previous, given_feed(&el)) {
        announce_change(&el, &previous, &current);
    }
    render(&el);
}

/// The feed `el` shows, as a plain object (`null` before it has one): what the `feed`
/// getter returns.
#[cfg(feature = "timeline")]
#[wasm_bindgen(js_name = elementFeed)]
pub fn element_feed(el: HtmlElement) -> JsValue {
    let sources = sources_of(&el);
    let feeds: Vec<&Feed> = sources
        .iter()
        .filter_map(|(_, s)| s.feed.as_deref())
        .collect();
    plain_merged(&feeds)
}

/// The feeds of JSON `texts` (from the banner module's `elementTexts`) read, merged and
/// written as a plain object: the `feed` getter of an element the banner module shows.
#[cfg(feature = "timeline")]
#[wasm_bindgen(js_name = feedOf)]
pub fn feed_of(texts: Vec<String>) -> JsValue {
    let docs: Vec<_> = texts
        .iter()
        .filter_map(|t| document::from_bytes(t.as_bytes()).ok())
        .collect();
    plain_merged(&docs.iter().map(|d| &d.feed).collect::<Vec<_>>())
}

#[cfg(feature = "timeline")]
fn plain_merged(feeds: &[&Feed]) -> JsValue {
    match crate::feed::merge(feeds) {
        Some(feed) => events::plain(&*feed),
        None => JsValue::NULL,
    }
}

/// The JSON texts of the feeds `el` shows (the last good body of each source, else the
/// page's data block; or the feed set as `element.feed`): the banner module has no
/// serializer, so the `feed` getter hands these to the module loaded on demand, which reads
/// and merges them as [`element_feed`] does (`define.js`).
#[cfg(not(feature = "timeline"))]
#[wasm_bindgen(js_name = elementTexts)]
pub fn element_texts(el: HtmlElement) -> Vec<String> {
    let Some((given, given_text, urls)) = with_state(&el, |s| {
        (s.given.is_some(), s.given_text.clone(), s.urls.clone())
    }) else {
        return Vec::new();
    };
    if given {
        return given_text.into_iter().collect();
    }
    let block = || {
        el.query_selector(r#":scope > script[type="application/json"]"#)
            .ok()
            .flatten()
            .and_then(|b| b.text_content())
    };
    let mut texts: Vec<String> = urls.iter().filter_map(|u| source::body(u)).collect();
    if texts.len() < urls.len() || urls.is_empty() {
        texts.extend(block());
    }
    texts
}

fn given_feed(el: &HtmlElement) -> Option<Rc<Feed>> {
    with_state(el, |s| s.given.as_ref().and_then(|g| g.feed.clone())).flatten()
}

/// Called by the element's `disconnectedCallback`: stop polling and drop every listener.
#[wasm_bindgen(js_name = elementDisconnected)]
pub fn element_disconnected(el: HtmlElement) {
    let removed = ELEMENTS.with(|all| {
        let mut all = all.borrow_mut();
        let i = all.iter().position(|s| s.el == el)?;
        Some(all.remove(i))
    });
    if let Some(state) = removed {
        if let Some(root) = el.shadow_root() {
            let _ = root.remove_event_listener_with_callback(
                "click",
                state.on_click.as_ref().unchecked_ref(),
            );
        }
        for url in &state.urls {
            source::unsubscribe(url, &el);
        }
    }
}

/// Called by the element's `attributeChangedCallback` while connected.
#[wasm_bindgen(js_name = elementAttributeChanged)]
pub fn element_attribute_changed(el: HtmlElement, name: String) {
    match name.as_str() {
        "src" => {
            // Before `connectedCallback` (an element being upgraded) there is nothing to
            // change: connecting reads `src` and subscribes.
            if with_state(&el, |_| ()).is_none() {
                return;
            }
            let new = src_urls(&el);
            let old = with_state(&el, |s| {
                s.last = None;
                // Other feeds: the timeline starts again from the newest incidents.
                s.pages = 1;
                // Setting `src` after `element.feed` switches to fetching.
                s.given = None;
                core::mem::replace(&mut s.urls, new.clone())
            })
            .unwrap_or_default();
            for url in old.iter().filter(|u| !new.contains(u)) {
                source::unsubscribe(url, &el);
            }
            for url in &new {
                source::subscribe(url, &el, update);
            }
        }
        "poll" => {
            for url in with_state(&el, |s| s.urls.clone()).unwrap_or_default() {
                source::ensure_polling(&url);
            }
        }
        // Before `connectedCallback` (an upgrade), connecting checks it.
        "time-zone" if with_state(&el, |_| ()).is_some() => {
            check_time_zone(&el);
            render(&el);
        }
        _ => render(&el),
    }
}

/// The head-snippet mode: a banner for `src` is inserted at the top of `<body>` when, and
/// only when, there is something to announce; until then it waits, subscribed. It arrives
/// after the page was painted, so it is `docked` to the bottom of the window (see
/// `style.rs`) instead of pushing the page down: no layout shift, and the page's header and
/// text-size control stay in view. First in the document, screen readers still meet it first.
#[wasm_bindgen(js_name = autoBanner)]
pub fn auto_banner(src: String) {
    let Some(url) = absolute(&src) else {
        warn(&format!("data-feed {} is not a valid URL", Quoted(&src)));
        return;
    };
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(el) = doc.create_element("incident-banner") else {
        return;
    };
    let _ = el.set_attribute("src", &url);
    let _ = el.set_attribute("docked", "");
    let Ok(el) = el.dyn_into::<HtmlElement>() else {
        return;
    };
    PENDING.with(|p| p.borrow_mut().push(el.clone()));
    source::subscribe(&url, &el, update);
}

/// What the source of `url` tells `el` after a load (and on subscription): re-render, and
/// announce news.
fn update(el: &HtmlElement, url: &str, change: &Change) {
    if PENDING.with(|p| p.borrow().contains(el)) {
        insert_if_announcing(el);
        return;
    }
    let snapshot = source::snapshot(url);
    if change.changed {
        let lang = lang_of(el);
        match &snapshot {
            Some(Snapshot {
                problem: Some(problem),
                ..
            }) => events::failed(el, url, &notice::message(problem, lang), &[]),
            Some(s) => report_skipped(el, url, s, lang),
            None => {}
        }
    }
    if let (Some(previous), Some(current)) = (&change.previous, snapshot.and_then(|s| s.feed)) {
        announce_change(el, previous, &current);
    }
    render(el);
}

/// Tells the page which entries of a feed shown were left out, and why, if any were.
fn report_skipped(el: &HtmlElement, url: &str, snapshot: &Snapshot, lang: Lang) {
    if snapshot.feed.is_some() && !snapshot.skipped.is_empty() {
        let message = lang.messages().skipped(snapshot.skipped.len());
        events::failed(el, url, &message, &snapshot.skipped);
    }
}

/// Says in the live region what changed between two feeds, if anything worth saying.
fn announce_change(el: &HtmlElement, previous: &Feed, current: &Feed) {
    if let Some(text) = announce::announcement(previous, current, lang_of(el)) {
        with_state(el, |s| {
            s.live.set_text_content(None);
            s.live.set_text_content(Some(&text));
        });
    }
}

fn insert_if_announcing(el: &HtmlElement) {
    let Some(url) = el.get_attribute("src") else {
        return;
    };
    let Some(feed) = source::snapshot(&url).and_then(|s| s.feed) else {
        return;
    };
    let zone = FixedZone::kst();
    let cx = Context {
        lang: lang_of(el),
        zone: &zone,
        now: now_from(None),
    };
    let options = Options {
        dismissed: storage::dismissed(),
        ..Options::default()
    };
    if banner::build(&feed, &cx, &options).is_none() {
        return;
    }
    let body = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body());
    if let Some(body) = body {
        // Connecting it moves it from PENDING to the connected elements.
        let _ = body.prepend_with_node_1(el);
    }
}

fn with_state<T>(el: &HtmlElement, f: impl FnOnce(&mut State) -> T) -> Option<T> {
    ELEMENTS.with(|all| all.borrow_mut().iter_mut().find(|s| s.el == *el).map(f))
}

/// The shadow root with its content container, the slot that shows the element's own
/// content (the page's fallback, see [`show_fallback`]) and the live region, created on
/// first use.
fn shadow(el: &HtmlElement) -> Option<(ShadowRoot, Element, Element)> {
    let root = match el.shadow_root() {
        Some(root) => root,
        None => {
            let root = el
                .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
                .ok()?;
            style::adopt(&root);
            let doc = web_sys::window()?.document()?;
            let content = doc.create_element("div").ok()?;
            content.set_class_name("content");
            let live = doc.create_element("div").ok()?;
            live.set_class_name("live");
            live.set_attribute("aria-live", "polite").ok()?;
            live.set_attribute("part", "live").ok()?;
            let fallback = doc.create_element("slot").ok()?;
            fallback.set_class_name("fallback");
            root.append_child(&content).ok()?;
            root.append_child(&fallback).ok()?;
            root.append_child(&live).ok()?;
            root
        }
    };
    let content = root.query_selector(".content").ok()??;
    let live = root.query_selector(".live").ok()??;
    Some((root, content, live))
}

fn on_click(el: &HtmlElement, e: &Event) {
    let target = e.target().and_then(|t| t.dyn_into::<Element>().ok());
    #[cfg(feature = "timeline")]
    if page_button(el, target.as_ref()) {
        return;
    }
    let key = target
        .and_then(|t| t.closest("[data-dismiss]").ok().flatten())
        .and_then(|b| b.get_attribute("data-dismiss"));
    if let Some(key) = key {
        dismiss_item(el, &key);
    }
}

/// A click on "더 보기" or "최근 사건 보기": shows that page and moves the reader to it.
/// True when the click was on one.
#[cfg(feature = "timeline")]
fn page_button(el: &HtmlElement, target: Option<&Element>) -> bool {
    let on = |selector: &str| {
        target
            .and_then(|t| t.closest(selector).ok().flatten())
            .is_some()
    };
    // "더 보기" shows the next page; "최근 사건 보기" brings back the newest page dropped.
    let paging = [("[data-more]", 1), ("[data-newer]", -1)]
        .into_iter()
        .find(|(selector, _)| on(selector));
    let Some((_, step)) = paging else {
        return false;
    };
    with_state(el, |s| s.pages = s.pages.saturating_add_signed(step).max(1));
    render(el);
    // Say which incidents are shown now: the change happened out of the reader's sight.
    // Reading goes on at the first incident the button brought: the last page's first
    // after "더 보기", the newest after "최근 사건 보기".
    let first_new = with_state(el, |s| match &s.last {
        Some(Rendered::Timeline(view, _)) => {
            s.live.set_text_content(None);
            s.live.set_text_content(view.showing.as_deref());
            Some(if step > 0 { view.last_page } else { 0 })
        }
        _ => None,
    })
    .flatten();
    // Focus it and scroll it to the top of the view. Left alone, the reader would stay
    // where they were, and the new page would begin far above (the newest page dropped)
    // or below; done by hand rather than left to scroll anchoring, which Safari lacks.
    // Without incidents, the timeline itself.
    let root = el.shadow_root();
    let target = first_new
        .and_then(|i| {
            root.as_ref()?
                .query_selector_all("article")
                .ok()?
                .item(i as u32)
        })
        .or_else(|| root?.query_selector(".timeline").ok()?.map(Into::into));
    if let Some(target) = target.and_then(|t| t.dyn_into::<HtmlElement>().ok()) {
        let _ = target.focus();
        target.scroll_into_view_with_bool(true);
    }
    true
}

#[cfg(feature = "timeline")]
/// The incident id the page's address points at (`#incident-<id>`), if any.
fn wanted_incident() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let encoded = hash.strip_prefix("#incident-")?;
    js_sys::decode_uri_component(encoded)
        .ok()
        .and_then(|s| s.as_string())
}

/// Brings the incident of the page's address into view in the timeline `el`: opens the page
/// that holds it (fragment links cannot reach into a shadow root on their own), scrolls to
#[cfg(feature = "timeline")]
/// it and focuses it. Once per address, so later renders leave the reader where they are.
fn reveal(el: &HtmlElement) {
    let Some(id) = wanted_incident() else {
        return;
    };
    let Some((content, revealed, pages)) =
        with_state(el, |s| (s.content.clone(), s.revealed.clone(), s.pages))
    else {
        return;
    };
    if revealed.as_deref() == Some(id.as_str()) {
        return;
    }
    let article = content
        .query_selector_all("article[data-incident]")
        .ok()
        .and_then(|all| {
            (0..all.length())
                .filter_map(|i| all.item(i)?.dyn_into::<HtmlElement>().ok())
                .find(|a| a.get_attribute("data-incident").as_deref() == Some(id.as_str()))
        });
    if let Some(article) = article {
        with_state(el, |s| s.revealed = Some(id));
        article.scroll_into_view();
        let _ = article.focus();
        return;
    }
    // Not on the pages shown (further down, or folded away above): show the one that holds
    // it, if any does.
    let attrs = Attributes::of(el);
    let sources = sources_of(el);
    let feeds: Vec<&Feed> = sources
        .iter()
        .filter_map(|(_, s)| s.feed.as_deref())
        .collect();
    let Some(merged) = crate::feed::merge(&feeds) else {
        return;
    };
    let feed = crate::feed::filter_services(&merged, &attrs.services);
    let zone = zone_of(attrs.time_zone.as_deref(), &feed);
    let cx = Context {
        lang: attrs.lang,
        zone: zone.as_ref(),
        now: attrs.now,
    };
    // The page shown last is the one asked for (with the one before it, `PAGES_SHOWN`).
    match timeline::page_of(&feed, &cx, &id) {
        Some(page) if page != pages => {
            with_state(el, |s| {
                s.pages = page;
                s.last = None;
            });
            render(el);
        }
        // On no page, or on one shown without its article (a filter): nothing to open.
        _ => {
            with_state(el, |s| s.revealed = Some(id));
        }
    }
}

#[cfg(feature = "timeline")]
static HASH_LISTENING: Local<core::cell::Cell<bool>> = Local::new(core::cell::Cell::new(false));

#[cfg(feature = "timeline")]
/// One `hashchange` listener for the page: a link to another incident brings it into view.
fn listen_for_hash() {
    if HASH_LISTENING.with(|l| l.replace(true)) {
        return;
    }
    let on_change = Closure::<dyn FnMut()>::new(|| {
        let timelines: Vec<HtmlElement> = ELEMENTS.with(|all| {
            all.borrow_mut()
                .iter_mut()
                .filter(|s| s.el.local_name() == "incident-timeline")
                .map(|s| {
                    s.revealed = None;
                    s.el.clone()
                })
                .collect()
        });
        for el in &timelines {
            reveal(el);
        }
    });
    if let Some(w) = web_sys::window() {
        if w.add_event_listener_with_callback("hashchange", on_change.as_ref().unchecked_ref())
            .is_ok()
        {
            // Lives as long as the page.
            on_change.forget();
        }
    }
}

/// Applies each element's colour scheme again: the system's changed.
pub fn apply_schemes() {
    let all: Vec<(HtmlElement, Element)> = ELEMENTS.with(|all| {
        all.borrow()
            .iter()
            .map(|s| (s.el.clone(), s.content.clone()))
            .collect()
    });
    for (el, content) in &all {
        scheme::apply(el, content);
    }
}

/// Dismisses the banner item `key` (an incident at its latest update) everywhere on the
/// page, then keeps keyboard users where they were reading.
fn dismiss_item(el: &HtmlElement, key: &str) {
    storage::dismiss(key);
    // Every banner on the page forgets this item, not only the one clicked.
    let banners: Vec<HtmlElement> = ELEMENTS.with(|all| {
        all.borrow()
            .iter()
            .map(|s| s.el.clone())
            .filter(|e| e.local_name() == "incident-banner")
            .collect()
    });
    for b in &banners {
        render(b);
    }
    // Keep keyboard users in the widget: focus the next banner's close button, if any;
    // else what follows the element on the page, rather than losing focus to `<body>`.
    let next = el
        .shadow_root()
        .and_then(|r| r.query_selector("[data-dismiss]").ok().flatten())
        .and_then(|b| b.dyn_into::<HtmlElement>().ok());
    match next {
        Some(next) => {
            let _ = next.focus();
        }
        None => focus_after(el),
    }
}

/// Focuses the first focusable element after `el` in the document.
fn focus_after(el: &HtmlElement) {
    const FOCUSABLE: &str =
        "a[href],button,input,select,textarea,[tabindex]:not([tabindex=\"-1\"])";
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(candidates) = doc.query_selector_all(FOCUSABLE) else {
        return;
    };
    for i in 0..candidates.length() {
        let Some(node) = candidates.item(i) else {
            continue;
        };
        let follows =
            el.compare_document_position(&node) & web_sys::Node::DOCUMENT_POSITION_FOLLOWING != 0;
        if !follows || el.contains(Some(&node)) {
            continue;
        }
        if let Ok(next) = node.dyn_into::<HtmlElement>() {
            let _ = next.focus();
            // Hidden or disabled ones take no focus: go on to the next.
            if doc.active_element().is_some_and(|a| a == *next) {
                return;
            }
        }
    }
}

/// The URLs of the `src` attribute (whitespace-separated), resolved against the document.
fn src_urls(el: &HtmlElement) -> Vec<String> {
    let src = el.get_attribute("src").unwrap_or_default();
    let mut urls: Vec<String> = Vec::new();
    for part in src.split_whitespace() {
        match absolute(part) {
            Some(u) if !urls.contains(&u) => urls.push(u),
            Some(_) => {}
            None => warn(&format!("{} in src is not a valid URL", Quoted(part))),
        }
    }
    urls
}

fn absolute(src: &str) -> Option<String> {
    if src.trim().is_empty() {
        return None;
    }
    let base = web_sys::window()?.document()?.base_uri().ok()??;
    web_sys::Url::new_with_base(src.trim(), &base)
        .ok()
        .map(|u| u.href())
}

/// The reader's language: the nearest `lang`, then the document's, then Korean.
fn lang_of(el: &HtmlElement) -> Lang {
    let nearest = el
        .closest("[lang]")
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute("lang"));
    let document = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("lang"));
    nearest
        .as_deref()
        .and_then(Lang::from_tag)
        .or_else(|| document.as_deref().and_then(Lang::from_tag))
        .unwrap_or(Lang::Ko)
}

/// The zone a `time-zone` attribute names (`local` = the reader's), if known.
fn zone_named(name: &str) -> Option<Box<dyn Zone>> {
    match name.trim() {
        "local" => zone::named(None),
        other => zone::named(Some(other)),
    }
}

/// Warns of an unknown `time-zone` when the element connects or the attribute changes, not
/// in `zone_of`: views are rebuilt at every poll and page button, and each would warn again.
fn check_time_zone(el: &HtmlElement) {
    if let Some(name) = el.get_attribute("time-zone") {
        if zone_named(&name).is_none() {
            warn(&format!(
                "unknown time-zone {}; using the feed's zone",
                Quoted(&name)
            ));
        }
    }
}

/// What a render needs of the element, read once per render.
struct Attributes {
    is_banner: bool,
    lang: Lang,
    /// `services`: only incidents affecting these ids (empty: all).
    services: Vec<String>,
    time_zone: Option<String>,
    now: Instant,
    horizon: TimeDelta,
    dismissible: Dismissible,
    /// What a timeline shows (`view`): incident cards, one running story, or charts.
    #[cfg(feature = "timeline")]
    view: View,
    /// False with `chart="none"`: no chart above a day's incidents.
    #[cfg(feature = "timeline")]
    chart: bool,
}

#[cfg(feature = "timeline")]
/// The `view` attribute of a timeline.
#[derive(Clone, Copy, PartialEq, Eq)]
enum View {
    Cards,
    Chronology,
    Chart,
}

impl Attributes {
    fn of(el: &HtmlElement) -> Self {
        Attributes {
            is_banner: el.local_name() == "incident-banner",
            lang: lang_of(el),
            services: el
                .get_attribute("services")
                .map(|s| s.split_whitespace().map(str::to_string).collect())
                .unwrap_or_default(),
            time_zone: el.get_attribute("time-zone"),
            now: now_from(el.get_attribute("now")),
            horizon: horizon_of(el.get_attribute("horizon")),
            dismissible: Dismissible::from_attr(el.get_attribute("dismissible").as_deref()),
            #[cfg(feature = "timeline")]
            view: match el
                .get_attribute("view")
                .map(|v| v.trim().to_ascii_lowercase())
            {
                Some(v) if v == "chronology" => View::Chronology,
                Some(v) if v == "chart" => View::Chart,
                _ => View::Cards,
            },
            #[cfg(feature = "timeline")]
            chart: !el
                .get_attribute("chart")
                .is_some_and(|v| v.trim().eq_ignore_ascii_case("none")),
        }
    }
}

/// The display zone: the `time-zone` attribute (`local` = the reader's), else the
/// publisher's zone, else the offset the feed's own timestamps use.
fn zone_of(attr: Option<&str>, feed: &Feed) -> Box<dyn Zone> {
    if let Some(z) = attr.and_then(zone_named) {
        return z;
    }
    if let Some(z) = feed
        .publisher
        .time_zone
        .as_deref()
        .and_then(|n| zone::named(Some(n)))
    {
        return z;
    }
    let first = feed
        .incidents
        .iter()
        .find_map(crate::view::start_of)
        .or(feed.updated_at);
    match first {
        Some(t) => Box::new(FixedZone::from_offset(t.offset().local_minus_utc())),
        None => zone::named(None).unwrap_or_else(|| Box::new(FixedZone::kst())),
    }
}

/// The current instant, or the `now` attribute for demos of past incidents.
fn now_from(attr: Option<String>) -> Instant {
    if let Some(t) = attr.and_then(|a| crate::time::parse_rfc3339(a.trim())) {
        return t;
    }
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64)
        .unwrap_or_default()
        .fixed_offset()
}

/// The `horizon` attribute in hours, else 72 h.
fn horizon_of(attr: Option<String>) -> TimeDelta {
    attr.as_deref()
        .and_then(crate::poll::number)
        .filter(|&hours| hours < 24.0 * 365.0 * 10.0)
        .map(|hours| TimeDelta::seconds((hours * 3600.0) as i64))
        .unwrap_or(banner::DEFAULT_HORIZON)
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
        &now_from(None),
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

/// What the element should show now, from the snapshots of its sources and its
/// attributes; `pages` is the timeline's page count (see `timeline::build_page`), which a
/// feed that shrank lowers.
fn view_of(
    attrs: &Attributes,
    pages: &mut usize,
    sources: &[(String, Snapshot)],
) -> Option<Rendered> {
    if sources.is_empty() {
        return None;
    }
    let lang = attrs.lang;
    // With several feeds, each line says which one it is about.
    let several = sources.len() > 1;
    let label = |url: &str, s: &Snapshot| {
        if several {
            format!("{}: ", source_label(url, s, lang))
        } else {
            String::new()
        }
    };
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
            lines.push(format!("{}{line}", label(url, snap)));
        }
    }
    let notice = (!lines.is_empty()).then(|| lines.join("\n"));
    let feeds: Vec<&Feed> = sources
        .iter()
        .filter_map(|(_, s)| s.feed.as_deref())
        .collect();
    let Some(merged) = crate::feed::merge(&feeds) else {
        return Some(match (notice, attrs.is_banner) {
            (Some(n), _) => Rendered::Message(n, "error"),
            (None, true) => Rendered::Banner(None, None),
            (None, false) => {
                Rendered::Message(lang.messages().labels().loading.to_string(), "notice")
            }
        });
    };
    let feed = crate::feed::filter_services(&merged, &attrs.services);
    let zone = zone_of(attrs.time_zone.as_deref(), &feed);
    let cx = Context {
        lang,
        zone: zone.as_ref(),
        now: attrs.now,
    };
    Some(if attrs.is_banner {
        let options = Options {
            horizon: attrs.horizon,
            dismissible: attrs.dismissible,
            dismissed: storage::dismissed(),
        };
        let view = banner::build(&feed, &cx, &options);
        // Beside a banner only: a page with nothing to announce stays quiet, unless entries
        // were left out (one of them may be the outage to announce).
        let notice = if view.is_some() || skipped {
            notice
        } else {
            None
        };
        Rendered::Banner(view, notice)
    } else {
        timeline_view(attrs, &feed, &cx, pages, notice)?
    })
}

/// What a timeline shows: one running story, the charts, or the pages of incident cards.
/// (`None` in the banner module, which has none.)
#[cfg(not(feature = "timeline"))]
fn timeline_view(
    _: &Attributes,
    _: &Feed,
    _: &Context,
    _: &mut usize,
    _: Option<String>,
) -> Option<Rendered> {
    None
}

/// What a timeline shows: one running story, the charts, or the pages of incident cards.
#[cfg(feature = "timeline")]
fn timeline_view(
    attrs: &Attributes,
    feed: &Feed,
    cx: &Context,
    pages: &mut usize,
    notice: Option<String>,
) -> Option<Rendered> {
    let (feed, cx) = (feed, cx);
    Some(if attrs.view == View::Chronology {
        Rendered::Chronology(chronology::build(feed, cx), notice)
    } else if attrs.view == View::Chart {
        Rendered::Chart(timeline::build_page(feed, cx, 1), notice)
    } else {
        let mut view = timeline::build_page(feed, cx, *pages);
        if !attrs.chart {
            view.days.iter_mut().for_each(|d| d.chart = None);
        }
        // A feed that shrank has fewer pages: "최근 사건 보기" then counts from its last.
        *pages = view.page;
        Rendered::Timeline(view, notice)
    })
}

/// The data `el` shows: the feed the page set, else its sources' snapshots.
fn sources_of(el: &HtmlElement) -> Vec<(String, Snapshot)> {
    let Some((given, urls, embedded)) = with_state(el, |s| {
        (s.given.clone(), s.urls.clone(), s.embedded.clone())
    }) else {
        return Vec::new();
    };
    if let Some(given) = given {
        return vec![(String::new(), given)];
    }
    if urls.is_empty() {
        return embedded.map(|e| (String::new(), e)).into_iter().collect();
    }
    urls.into_iter()
        .filter_map(|u| {
            let live = source::snapshot(&u);
            let shown = match (live, &embedded) {
                // The live feed, once there is one.
                (Some(live), _) if live.feed.is_some() => live,
                // Until then, the page's own copy: as it is while loading, marked stale
                // when the live feed failed.
                (live, Some(copy)) if copy.feed.is_some() => Snapshot {
                    problem: live.and_then(|l| l.problem),
                    ..copy.clone()
                },
                (live, _) => live?,
            };
            Some((u, shown))
        })
        .collect()
}

/// Shows or hides the element's own content (what the page put inside it, e.g. the static
/// HTML of `incident-banner render`): it is the fallback while the widget has no feed to
/// show (loading, or a first visit whose feed failed, beside the error line) and hidden once
/// a feed is shown, so nothing is said twice. Returns whether it is shown.
fn show_fallback(el: &HtmlElement, has_feed: bool) -> bool {
    let own =
        el.child_element_count() > 0 || el.text_content().is_some_and(|t| !t.trim().is_empty());
    let shown = own && !has_feed;
    // Touched only when it changes: an unchanged feed makes no DOM mutation.
    if let Some(Ok(Some(slot))) = el.shadow_root().map(|r| r.query_selector("slot.fallback")) {
        if slot.has_attribute("hidden") == shown {
            let _ = slot.toggle_attribute("hidden");
        }
    }
    shown
}

/// True when two banners differ only in their ticking duration.
fn only_timing_differs(a: &Rendered, b: &Rendered) -> Option<String> {
    match (a, b) {
        (Rendered::Banner(Some(x), n1), Rendered::Banner(Some(y), n2))
            if n1 == n2 && x.timing != y.timing =>
        {
            let same = BannerView {
                timing: y.timing.clone(),
                ..x.clone()
            } == *y;
            same.then(|| y.timing.clone().unwrap_or_default())
        }
        _ => None,
    }
}

/// Renders `el` from its source; failures are reported once to the console, never thrown.
fn render(el: &HtmlElement) {
    let Some((content, last, mut pages)) =
        with_state(el, |s| (s.content.clone(), s.last.clone(), s.pages))
    else {
        return;
    };
    scheme::apply(el, &content);
    let sources = sources_of(el);
    let attrs = Attributes::of(el);
    let lang = attrs.lang;
    let next = view_of(&attrs, &mut pages, &sources);
    with_state(el, |s| s.pages = pages);
    let Some(mut next) = next else {
        return;
    };
    let has_feed = sources.iter().any(|(_, s)| s.feed.is_some());
    let fallback = show_fallback(el, has_feed);
    // While loading, the page's own content says more than "불러오는 중".
    if fallback && matches!(next, Rendered::Message(_, "notice")) {
        next = Rendered::Message(String::new(), "notice");
    }
    if last.as_ref() == Some(&next) {
        return;
    }
    if let Some(timing) = last.as_ref().and_then(|l| only_timing_differs(l, &next)) {
        if let Ok(Some(span)) = content.query_selector(".timing") {
            span.set_text_content(Some(&timing));
            with_state(el, |s| s.last = Some(next));
            return;
        }
    }
    let labels = lang.messages().labels();
    let nodes = match &next {
        Rendered::Message(text, _) if text.is_empty() => Nodes::new(),
        Rendered::Message(text, class) => markup::message(text, class),
        Rendered::Banner(view, stale) => markup::banner(view.as_ref(), labels, stale.as_deref()),
        #[cfg(feature = "timeline")]
        Rendered::Timeline(view, stale) => markup::timeline(view, lang, stale.as_deref()),
        #[cfg(feature = "timeline")]
        Rendered::Chronology(view, stale) => markup::chronology(view, lang, stale.as_deref()),
        #[cfg(feature = "timeline")]
        Rendered::Chart(view, stale) => markup::charts(view, lang, stale.as_deref()),
    };
    let focus = render::focused_index(&content);
    let result = render::show(&content, &nodes);
    if let Some(i) = focus {
        render::restore_focus(&content, i);
    }
    match result {
        Ok(()) => {
            match &next {
                Rendered::Banner(view, stale) => {
                    events::banner_updated(el, view.as_ref(), stale.is_some())
                }
                // The charts alone say which incidents they draw, as the cards do.
                #[cfg(feature = "timeline")]
                Rendered::Timeline(view, stale) | Rendered::Chart(view, stale) => {
                    events::timeline_updated(el, view, stale.is_some())
                }
                #[cfg(feature = "timeline")]
                Rendered::Chronology(view, stale) => {
                    events::chronology_updated(el, view, stale.is_some())
                }
                Rendered::Message(..) => {}
            }
            #[cfg(feature = "timeline")]
            let timeline = matches!(next, Rendered::Timeline(..));
            with_state(el, |s| s.last = Some(next));
            #[cfg(feature = "timeline")]
            if timeline {
                reveal(el);
            }
        }
        Err(_) => warn("rendering failed"),
    }
}
