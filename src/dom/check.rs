//! `check(feed, lang?)`, exported by the module: the same rules as `incident-banner check`,
//! for tools that validate a feed in the browser (an editor, a CMS preview).

use super::{document, events};
use crate::feed::{self, ParseErrors};
use crate::i18n::{problems, Lang};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// One problem: where (`incidents[3].started_at`, empty for the document), what, and how to
/// fix it.
#[derive(Serialize)]
struct Problem {
    path: String,
    message: String,
    fix: String,
}

/// Every problem of a feed: errors (the feed, or an entry of it, cannot be shown) and
/// warnings (it can, but its author should fix this).
#[derive(Serialize, Default)]
struct Report {
    errors: Vec<Problem>,
    warnings: Vec<Problem>,
}

/// Checks `feed` (an object, or JSON text) and returns `{ errors: [{ path, message, fix }],
/// warnings: [...] }`, in `lang` (`ko` or `en`; default: the document's language, else
/// Korean). Never throws.
#[wasm_bindgen]
pub fn check(feed: JsValue, lang: Option<String>) -> JsValue {
    let lang = lang
        .as_deref()
        .or(document_lang().as_deref())
        .and_then(Lang::from_tag)
        .unwrap_or(Lang::Ko);
    let doc = match feed.as_string() {
        Some(text) => document::from_bytes(text.as_bytes()),
        None => document::from_value(feed),
    };
    let mut report = Report::default();
    let errors = |list: &ParseErrors| {
        list.0
            .iter()
            .map(|e| {
                let (message, fix) = problems::error(&e.kind, lang);
                Problem {
                    path: e.path.clone(),
                    message,
                    fix,
                }
            })
            .collect()
    };
    match doc {
        Err(list) => report.errors = errors(&list),
        Ok(doc) => {
            report.errors = errors(&ParseErrors(doc.skipped.clone()));
            report.warnings = feed::validate_at(&doc.feed, &doc.positions)
                .into_iter()
                .map(|w| {
                    let (message, fix) = problems::warning(&w.kind, lang);
                    Problem {
                        path: w.path,
                        message,
                        fix,
                    }
                })
                .collect();
        }
    }
    events::plain(&report)
}

fn document_lang() -> Option<String> {
    web_sys::window()?
        .document()?
        .document_element()?
        .get_attribute("lang")
}
