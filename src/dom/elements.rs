//! `<incident-banner>` and `<incident-timeline>`: the elements' lifecycle. Each connected
//! element's state, the callbacks `define.js` forwards (connected, disconnected, attribute
//! changed, `feed` set), its sources, and when it renders.
//!
//! What is shown is chosen by [`shown`](super::shown) and drawn by the banner's and the
//! timeline's rooms; attributes are read by [`attributes`](super::attributes); the data block
//! by [`data_block`](super::data_block).
//!
//! The DOM is touched only when what the reader sees changes: a poll that brings nothing
//! new mutates nothing, and a ticking duration is patched in place (outside any live
//! region) instead of re-inserting an alert.

use super::local::Local;

use super::shown::{self, Options, Rendered};
use super::source::{self, Change, Snapshot};
#[cfg(feature = "timeline")]
use super::timeline;
use super::warn;
use super::{attributes, banner, data_block, document, events, render, scheme, storage, style};
use crate::feed::{Feed, Quoted};
use crate::view::announce;
use crate::view::notice::{self, Problem};
use core::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{Element, Event, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

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
    let urls = attributes::src_urls(&el);
    let embedded = data_block::read(&el);
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
    timeline::listen_for_hash(reveal_everywhere);
    attributes::check_time_zone(&el);
    scheme::listen(apply_schemes);
    scheme::follow_page(&el, apply_schemes);
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
    let now = crate::clock::now_ms();
    let lang = attributes::lang_of(&el);
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
            let snapshot = Snapshot::of(doc.feed, doc.skipped, Some(now));
            (snapshot, previous, None)
        }
        Err(errors) => {
            warn(&format!("element.feed is not a valid feed:\n{errors}"));
            let problem = Problem::Invalid {
                path: errors.first().path.clone(),
            };
            let kept = with_state(&el, |s| s.given.clone()).flatten();
            let snapshot = Snapshot::failed(problem.clone(), kept);
            (snapshot, None, Some((problem, errors)))
        }
    };
    match &failure {
        Some((problem, errors)) => {
            events::failed(&el, "", &notice::message(problem, lang), &errors.0)
        }
        None => events::skipped(&el, "", &snapshot.skipped, lang),
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
    let mut texts: Vec<String> = urls.iter().filter_map(|u| source::body(u)).collect();
    if texts.len() < urls.len() || urls.is_empty() {
        texts.extend(data_block::text(&el));
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
            let new = attributes::src_urls(&el);
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
            attributes::check_time_zone(&el);
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
    let Some(url) = attributes::absolute(&src) else {
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
        let lang = attributes::lang_of(el);
        match &snapshot {
            Some(Snapshot {
                problem: Some(problem),
                ..
            }) => events::failed(el, url, &notice::message(problem, lang), &[]),
            Some(s) if s.feed.is_some() => events::skipped(el, url, &s.skipped, lang),
            _ => {}
        }
    }
    if let (Some(previous), Some(current)) = (&change.previous, snapshot.and_then(|s| s.feed)) {
        announce_change(el, previous, &current);
    }
    render(el);
}

/// Says in the live region what changed between two feeds, if anything worth saying.
fn announce_change(el: &HtmlElement, previous: &Feed, current: &Feed) {
    if let Some(text) = announce::announcement(previous, current, attributes::lang_of(el)) {
        with_state(el, |s| {
            s.live.set_text_content(None);
            s.live.set_text_content(Some(&text));
        });
    }
}

/// Inserts a head-snippet banner at the top of `<body>` once its feed has something to
/// announce.
fn insert_if_announcing(el: &HtmlElement) {
    let Some(url) = attributes::src_urls(el).into_iter().next() else {
        return;
    };
    let Some(feed) = source::snapshot(&url).and_then(|s| s.feed) else {
        return;
    };
    if !banner::announces(&feed, attributes::lang_of(el)) {
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

/// A click in the shadow root: a page button of a timeline, or a banner's close button.
fn on_click(el: &HtmlElement, e: &Event) {
    let target = e.target().and_then(|t| t.dyn_into::<Element>().ok());
    #[cfg(feature = "timeline")]
    if let Some(step) = timeline::page_step(target.as_ref()) {
        with_state(el, |s| s.pages = s.pages.saturating_add_signed(step).max(1));
        render(el);
        with_state(el, |s| {
            let shown = match &s.last {
                Some(Rendered::Timeline(shown, _)) => Some(shown),
                _ => None,
            };
            timeline::after_page_button(&s.el, shown, step, &s.live);
        });
        return;
    }
    if let Some(key) = banner::dismissed_by(target.as_ref()) {
        dismiss_item(el, &key);
    }
}

/// Brings the incident of the page's address into view in the timeline `el`: opens the page
/// that holds it (fragment links cannot reach into a shadow root on their own), scrolls to
/// it and focuses it. Once per address, so later renders leave the reader where they are.
#[cfg(feature = "timeline")]
fn reveal(el: &HtmlElement) {
    let Some(id) = timeline::wanted_incident() else {
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
    if timeline::reveal_shown(&content, &id) {
        with_state(el, |s| s.revealed = Some(id));
        return;
    }
    // Not on the pages shown (further down, or folded away above): show the one that holds
    // it, if any does.
    let Some(Options::Timeline(options)) = Options::of(el) else {
        return;
    };
    let Some(page) = shown::in_context(&sources_of(el), &options.shared, |feed, cx| {
        timeline::page_of(feed, cx, &id)
    }) else {
        return;
    };
    // The page shown last is the one asked for (with the one before it, `PAGES_SHOWN`).
    match page {
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

/// The page's address changed: every timeline brings its incident into view again.
#[cfg(feature = "timeline")]
fn reveal_everywhere() {
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
}

/// Applies each element's colour scheme again: the system's changed.
fn apply_schemes() {
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
    banner::move_focus_after_dismissal(el);
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

/// Renders `el` from its sources; failures are reported once to the console, never thrown.
fn render(el: &HtmlElement) {
    let Some((content, last, mut pages)) =
        with_state(el, |s| (s.content.clone(), s.last.clone(), s.pages))
    else {
        return;
    };
    scheme::apply(el, &content);
    let Some(options) = Options::of(el) else {
        return;
    };
    let sources = sources_of(el);
    let lang = options.shared().lang;
    let next = shown::view_of(&options, &mut pages, &sources);
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
    if let Some(timing) = last
        .as_ref()
        .and_then(|l| shown::only_timing_differs(l, &next))
    {
        if let Ok(Some(span)) = content.query_selector(".timing") {
            span.set_text_content(Some(&timing));
            with_state(el, |s| s.last = Some(next));
            return;
        }
    }
    let nodes = shown::nodes(&next, lang);
    let focus = render::focused_index(&content);
    let result = render::show(&content, &nodes);
    if let Some(i) = focus {
        render::restore_focus(&content, i);
    }
    if result.is_err() {
        warn("rendering failed");
        return;
    }
    shown::updated(el, &next);
    #[cfg(feature = "timeline")]
    let timeline = matches!(next, Rendered::Timeline(..));
    with_state(el, |s| s.last = Some(next));
    #[cfg(feature = "timeline")]
    if timeline {
        reveal(el);
    }
}
