//! The timeline's room of the browser layer (only in the module with the `timeline`
//! feature): which view a timeline shows, its nodes and events, the page buttons, and the
//! incident a `#incident-<id>` address points at.

use super::events;
use super::listen::{self, Added};
use crate::attributes::{TimelineOptions, View};
use crate::feed::Feed;
use crate::i18n::Lang;
use crate::view::chronology::{self, ChronologyView};
use crate::view::nodes::Nodes;
use crate::view::timeline::{self, TimelineView};
use crate::view::{markup, Context};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// What a timeline shows.
#[derive(Clone, PartialEq)]
pub enum Shown {
    /// The pages of incident cards (each day's chart above them).
    Cards(TimelineView),
    /// `view="chronology"`: one running story.
    Chronology(ChronologyView),
    /// `view="chart"`: the charts of the first page alone.
    Chart(TimelineView),
}

/// What a timeline shows of `feed`: `pages` is how many pages of cards are open (see
/// `timeline::build_page`), which a feed that shrank lowers.
pub fn view(feed: &Feed, cx: &Context, options: &TimelineOptions, pages: &mut usize) -> Shown {
    match options.view {
        View::Chronology => Shown::Chronology(chronology::build(feed, cx)),
        View::Chart => Shown::Chart(timeline::build_page(feed, cx, 1)),
        View::Cards => {
            let mut view = timeline::build_page(feed, cx, *pages);
            if !options.chart {
                view.days.iter_mut().for_each(|d| d.chart = None);
            }
            // A feed that shrank has fewer pages: "최근 사건 보기" then counts from its last.
            *pages = view.page;
            Shown::Cards(view)
        }
    }
}

/// The timeline's nodes, with the notice on top.
pub fn nodes(shown: &Shown, notice: Option<&str>, lang: Lang) -> Nodes {
    match shown {
        Shown::Cards(view) => markup::timeline(view, lang, notice),
        Shown::Chronology(view) => markup::chronology(view, lang, notice),
        Shown::Chart(view) => markup::charts(view, lang, notice),
    }
}

/// Tells the page what the timeline shows now (`incident-banner:update`).
pub fn updated(el: &HtmlElement, shown: &Shown, stale: bool) {
    match shown {
        // The charts alone say which incidents they draw, as the cards do.
        Shown::Cards(view) | Shown::Chart(view) => events::timeline_updated(el, view, stale),
        Shown::Chronology(view) => events::chronology_updated(el, view, stale),
    }
}

/// The pages a click on "더 보기" (+1) or "최근 사건 보기" (−1) opens; `None` for any other
/// click.
pub fn page_step(target: Option<&Element>) -> Option<isize> {
    let on = |selector: &str| {
        target
            .and_then(|t| t.closest(selector).ok().flatten())
            .is_some()
    };
    [("[data-more]", 1), ("[data-newer]", -1)]
        .into_iter()
        .find(|(selector, _)| on(selector))
        .map(|(_, step)| step)
}

/// After a page button: says which incidents are shown in `live` (the change happened out
/// of the reader's sight), then focuses the first incident the button brought and scrolls
/// it to the top of the view: the last page's first after "더 보기", the newest after "최근
/// 사건 보기". Left alone, the reader would stay where they were, and the new page would
/// begin far above or below; done by hand rather than left to scroll anchoring, which
/// Safari lacks. Without incidents, the timeline itself.
pub fn after_page_button(el: &HtmlElement, shown: Option<&Shown>, step: isize, live: &Element) {
    let first_new = match shown {
        Some(Shown::Cards(view)) => {
            live.set_text_content(None);
            live.set_text_content(view.showing.as_deref());
            Some(if step > 0 { view.last_page } else { 0 })
        }
        _ => None,
    };
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
}

/// The incident id the page's address points at (`#incident-<id>`), if any.
pub fn wanted_incident() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let encoded = hash.strip_prefix("#incident-")?;
    js_sys::decode_uri_component(encoded)
        .ok()
        .and_then(|s| s.as_string())
}

/// Brings the shown incident `id` into view and focuses it; false when it is not shown.
pub fn reveal_shown(content: &Element, id: &str) -> bool {
    let article = content
        .query_selector_all("article[data-incident]")
        .ok()
        .and_then(|all| {
            (0..all.length())
                .filter_map(|i| all.item(i)?.dyn_into::<HtmlElement>().ok())
                .find(|a| a.get_attribute("data-incident").as_deref() == Some(id))
        });
    match article {
        Some(article) => {
            article.scroll_into_view();
            let _ = article.focus();
            true
        }
        None => false,
    }
}

/// The page of cards holding incident `id` of `feed`, if any page does.
pub fn page_of(feed: &Feed, cx: &Context, id: &str) -> Option<usize> {
    timeline::page_of(feed, cx, id)
}

static HASH_LISTENING: Added = listen::not_added();

/// One `hashchange` listener for the page, calling `on_change`: a link to another incident
/// brings it into view.
pub fn listen_for_hash(on_change: fn()) {
    let window = || web_sys::window().map(Into::into);
    listen::page_wide(&HASH_LISTENING, window, "hashchange", on_change);
}
