//! The element's data block: a feed written into the page (`<script type="application/json">`
//! inside the element, an article's archive copy). It needs no request and no CSP exception,
//! since a data block is never executed.

use super::attributes;
use super::document;
use super::events;
use super::source::Snapshot;
use super::warn;
use crate::feed::Feed;
use crate::view::notice::{self, Problem};
use web_sys::HtmlElement;

/// The selector of an element's own data block.
const BLOCK: &str = r#":scope > script[type="application/json"]"#;

/// The text of `el`'s data block, if it has one.
pub fn text(el: &HtmlElement) -> Option<String> {
    el.query_selector(BLOCK)
        .ok()
        .flatten()
        .map(|b| b.text_content().unwrap_or_default())
}

/// `el`'s data block read, once, when the element connects. A wrong one gets the same
/// visible error as a wrong file (and the `incident-banner:error` event).
pub fn read(el: &HtmlElement) -> Option<Snapshot> {
    let text = text(el)?;
    let lang = attributes::lang_of(el);
    match document::from_bytes(text.as_bytes()) {
        Ok(doc) => {
            events::skipped(el, "", &doc.skipped, lang);
            let as_of = as_of(&doc.feed);
            Some(Snapshot::of(doc.feed, doc.skipped, as_of))
        }
        Err(errors) => {
            warn(&format!(
                "the element's data block is not a valid feed:\n{errors}"
            ));
            let problem = Problem::Invalid {
                path: errors.first().path.clone(),
            };
            events::failed(el, "", &notice::message(&problem, lang), &errors.0);
            Some(Snapshot::failed(problem, None))
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
