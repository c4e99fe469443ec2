//! The desk page (`www/desk.html`): the thin browser layer over the desk's pure model
//! (`desk`: the actions, `desk::Draft`: undo, redo, what changed). Built as its own wasm
//! (`--features desk-page`, see `tools/dist.sh`), so the widget's bundle does not grow; the
//! page loads the widget's module too, for the preview.
//!
//! The page's markup is static HTML with labels in Korean and, in `data-en`, English; this
//! file reads the forms, runs the actions, and writes back the draft's state: the incident
//! lists, the problems (each at its field: `aria-invalid` and `aria-describedby`), what
//! changed, the JSON, and the preview (`element.feed`). The draft survives a crash in local
//! storage; leaving with unsaved changes asks first.

use crate::desk::{self, when::WhenError, ActionError, Draft, NewIncident, PostUpdate, Resolve};
use crate::i18n::{problems, Lang};
use core::cell::RefCell;
use js_sys::{Function, Reflect};
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, HtmlElement};

/// Where the draft waits for the next visit.
const STORED: &str = "incident-banner-desk:draft";

thread_local! {
    static DRAFT: RefCell<Option<Draft>> = const { RefCell::new(None) };
    static LANG: RefCell<Lang> = const { RefCell::new(Lang::Ko) };
}

fn doc() -> Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect_throw("a page")
}

fn by_id(id: &str) -> Option<Element> {
    doc().get_element_by_id(id)
}

fn lang() -> Lang {
    LANG.with(|l| *l.borrow())
}

/// Starts the desk on its page: restores a draft left by the last visit, listens.
#[wasm_bindgen(start)]
pub fn start() {
    let Some(main) = by_id("desk") else {
        return;
    };
    if let Some((doc, base)) = stored() {
        DRAFT.with(|d| *d.borrow_mut() = Some(Draft::restored(doc, base)));
        show(&by_id("restored"), true);
    }
    listen(&doc(), "submit", on_submit);
    listen(&doc(), "click", on_click);
    listen(&doc(), "change", on_change);
    listen(&doc(), "dragover", |e| e.prevent_default());
    listen(&doc(), "drop", on_drop);
    if let Some(w) = web_sys::window() {
        listen(&w, "beforeunload", on_leave);
    }
    refresh();
    keep_offline();
    let _ = main.remove_attribute("aria-busy");
}

/// Registers `desk-sw.js`, beside the page, which keeps the desk working offline once
/// loaded (a press office on a failing network is the normal case here).
fn keep_offline() {
    let Some(workers) = web_sys::window()
        .and_then(|w| Reflect::get(&w.navigator(), &"serviceWorker".into()).ok())
        .filter(|s| !s.is_undefined())
    else {
        return;
    };
    if let Some(register) = Reflect::get(&workers, &"register".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
    {
        if let Ok(p) = register.call1(&workers, &"desk-sw.js".into()) {
            // A page served without it (or from file://) still works, online: the
            // refusal is awaited here so it is not reported as unhandled.
            if let Ok(p) = p.dyn_into::<js_sys::Promise>() {
                wasm_bindgen_futures::spawn_local(async move {
                    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
                });
            }
        }
    }
}

fn listen(target: &web_sys::EventTarget, kind: &str, f: fn(Event)) {
    let cb = Closure::<dyn FnMut(Event)>::new(f);
    let _ = target.add_event_listener_with_callback(kind, cb.as_ref().unchecked_ref());
    // Lives as long as the page.
    cb.forget();
}

/// The value of the field `name` in `form` (input, select or textarea), else empty.
fn field(form: &Element, name: &str) -> String {
    form.query_selector(&format!("[name=\"{name}\"]"))
        .ok()
        .flatten()
        .and_then(|f| Reflect::get(&f, &"value".into()).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// A comma-separated field as its items.
fn list(form: &Element, name: &str) -> Vec<String> {
    field(form, name)
        .split([',', '、'])
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

fn on_submit(e: Event) {
    let Some(form) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    e.prevent_default();
    // Not `form.id`: a form with a field named `id` (the new incident's) answers with it.
    let id = form.get_attribute("id").unwrap_or_default();
    clear_problem(&form);
    match id.as_str() {
        "start-new" => {
            let result = desk::init(&field(&form, "publisher"), &field(&form, "time_zone"));
            match result {
                Ok(doc) => begin(Draft::new(doc)),
                Err(err) => problem(&form, "start-problem", &err),
            }
        }
        "open-url" => {
            let url = field(&form, "url");
            wasm_bindgen_futures::spawn_local(async move {
                match gloo_net::http::Request::get(&url).send().await {
                    Ok(r) if r.ok() => open_text(&r.text().await.unwrap_or_default()),
                    Ok(r) => say_start(&format!("HTTP {}", r.status())),
                    Err(e) => say_start(&e.to_string()),
                }
            });
        }
        "new" | "update" | "resolve" => act(&form, &id),
        "edit-json" => edit(&form),
        _ => {}
    }
}

/// Runs the action of `form` on the draft; a refusal is shown at its field.
fn act(form: &Element, which: &str) {
    let Some(draft) = DRAFT.with(|d| d.borrow().as_ref().map(|d| d.doc.clone())) else {
        return;
    };
    let incident = field(form, "incident");
    let result = match which {
        "new" => desk::new_incident(
            &draft,
            &NewIncident {
                id: field(form, "id"),
                kind: field(form, "kind"),
                severity: field(form, "severity"),
                title: field(form, "title"),
                title_en: field(form, "title_en"),
                services: list(form, "services"),
                at: field(form, "at"),
                text: field(form, "text"),
            },
            crate::clock::now(),
        ),
        "update" => desk::post_update(
            &draft,
            &incident,
            &PostUpdate {
                status: field(form, "status"),
                text: field(form, "text"),
                at: field(form, "at"),
                expected_end: field(form, "expected_end"),
                expected_text: field(form, "expected_text"),
                workaround: field(form, "workaround"),
                link_title: field(form, "link_title"),
                link_url: field(form, "link_url"),
            },
            crate::clock::now(),
        ),
        _ => desk::resolve(
            &draft,
            &incident,
            &Resolve {
                services: list(form, "services"),
                at: field(form, "at"),
                text: field(form, "text"),
            },
            crate::clock::now(),
        ),
    };
    match result {
        Ok(next) => {
            DRAFT.with(|d| {
                if let Some(d) = d.borrow_mut().as_mut() {
                    d.apply(next);
                }
            });
            if let Ok(f) = form.clone().dyn_into::<web_sys::HtmlFormElement>() {
                f.reset();
            }
            refresh();
            say(match lang() {
                Lang::Ko => "반영했습니다. 저장하려면 feed.json을 내려받으세요.",
                Lang::En => "Done. Download feed.json to publish it.",
            });
        }
        Err(err) => problem(form, &format!("{which}-problem"), &err),
    }
}

/// Takes the JSON as the person edited it (for every member the forms do not cover), when it
/// is a valid feed.
fn edit(form: &Element) {
    let result = desk::open(&field(form, "json")).and_then(|doc| desk::check(&doc).map(|_| doc));
    match result {
        Ok(doc) => {
            DRAFT.with(|d| {
                if let Some(d) = d.borrow_mut().as_mut() {
                    d.apply(doc);
                }
            });
            refresh();
        }
        Err(err) => problem(form, "edit-json-problem", &err),
    }
}

/// Shows `err` in the element `id` and marks the field it is about.
fn problem(form: &Element, id: &str, err: &ActionError) {
    if let Some(p) = by_id(id) {
        p.set_text_content(Some(&err.message(lang())));
    }
    let name = match err {
        ActionError::Missing { what } => what.form_name(),
        ActionError::IdTaken { .. } => "id",
        ActionError::UnknownWord { what, .. } => what,
        ActionError::UnknownService { .. } => "services",
        ActionError::UnknownIncident { .. } => "incident",
        ActionError::NotAFeed | ActionError::Invalid { .. } => "json",
        ActionError::Time(WhenError::NotATime { typed } | WhenError::ZoneUnknown { typed, .. }) => {
            // The field holding the time that was refused.
            ["at", "expected_end"]
                .into_iter()
                .find(|n| field(form, n).trim() == typed.trim())
                .unwrap_or("at")
        }
        _ => "",
    };
    if let Ok(Some(f)) = form.query_selector(&format!("[name=\"{name}\"]")) {
        let _ = f.set_attribute("aria-invalid", "true");
        let _ = f.set_attribute("aria-describedby", id);
        if let Ok(f) = f.dyn_into::<HtmlElement>() {
            let _ = f.focus();
        }
    }
}

fn clear_problem(form: &Element) {
    let id = form.get_attribute("id").unwrap_or_default();
    if let Some(p) = by_id(&format!("{id}-problem")) {
        p.set_text_content(None);
    }
    if let Ok(fields) = form.query_selector_all("[aria-invalid]") {
        for i in 0..fields.length() {
            if let Some(f) = fields.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                let _ = f.remove_attribute("aria-invalid");
            }
        }
    }
}

fn say_start(text: &str) {
    if let Some(p) = by_id("start-problem") {
        p.set_text_content(Some(text));
    }
}

fn say(text: &str) {
    if let Some(s) = by_id("status") {
        s.set_text_content(Some(text));
    }
}

/// A loaded feed's text becomes the draft, or the start section says why not.
fn open_text(text: &str) {
    match desk::open(text) {
        Ok(doc) => begin(Draft::new(doc)),
        Err(err) => say_start(&err.message(lang())),
    }
}

fn begin(draft: Draft) {
    DRAFT.with(|d| *d.borrow_mut() = Some(draft));
    show(&by_id("restored"), false);
    say_start("");
    refresh();
}

fn on_click(e: Event) {
    let Some(target) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    let Some(button) = target.closest("button[id]").ok().flatten() else {
        return;
    };
    match button.id().as_str() {
        "undo" => step(Draft::undo),
        "redo" => step(Draft::redo),
        "download" => save(true),
        "copy" => save(false),
        "discard" => {
            if let Some(s) = storage() {
                let _ = s.remove_item(STORED);
            }
            DRAFT.with(|d| *d.borrow_mut() = None);
            show(&by_id("restored"), false);
            refresh();
        }
        "lang" => switch_language(),
        _ => {}
    }
}

fn step(f: fn(&mut Draft) -> bool) {
    DRAFT.with(|d| {
        if let Some(d) = d.borrow_mut().as_mut() {
            f(d);
        }
    });
    refresh();
}

/// Downloads or copies the draft; refused while it has errors.
fn save(download: bool) {
    let Some(doc) = DRAFT.with(|d| d.borrow().as_ref().map(|d| d.doc.clone())) else {
        return;
    };
    if let Err(err) = desk::check(&doc) {
        say(&err.message(lang()));
        return;
    }
    let text = desk::to_text(&doc);
    if download {
        download_file("feed.json", &text);
    } else {
        let clipboard = web_sys::window()
            .and_then(|w| Reflect::get(&w.navigator(), &"clipboard".into()).ok())
            .filter(|c| !c.is_undefined());
        if let Some(c) = clipboard {
            if let Some(write) = Reflect::get(&c, &"writeText".into())
                .ok()
                .and_then(|f| f.dyn_into::<Function>().ok())
            {
                let _ = write.call1(&c, &text.into());
            }
        }
    }
    DRAFT.with(|d| {
        if let Some(d) = d.borrow_mut().as_mut() {
            d.saved();
        }
    });
    refresh();
    say(match (lang(), download) {
        (Lang::Ko, true) => "feed.json을 내려받았습니다.",
        (Lang::Ko, false) => "피드를 클립보드에 복사했습니다.",
        (Lang::En, true) => "feed.json downloaded.",
        (Lang::En, false) => "The feed was copied to the clipboard.",
    });
}

fn download_file(name: &str, text: &str) {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(a) = doc().create_element("a") {
        let _ = a.set_attribute("href", &url);
        let _ = a.set_attribute("download", name);
        if let Ok(a) = a.dyn_into::<HtmlElement>() {
            a.click();
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

fn on_change(e: Event) {
    let Some(target) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    if target.id() == "file" {
        if let Some(file) = Reflect::get(&target, &"files".into())
            .ok()
            .and_then(|files| Reflect::get(&files, &0.into()).ok())
            .filter(|f| !f.is_undefined())
        {
            read_file(file);
        }
    }
}

fn on_drop(e: Event) {
    e.prevent_default();
    let file = Reflect::get(&e, &"dataTransfer".into())
        .ok()
        .and_then(|t| Reflect::get(&t, &"files".into()).ok())
        .and_then(|files| Reflect::get(&files, &0.into()).ok())
        .filter(|f| !f.is_undefined());
    if let Some(file) = file {
        read_file(file);
    }
}

/// Reads a `File`'s text (`file.text()`), then opens it.
fn read_file(file: JsValue) {
    let Some(text) = Reflect::get(&file, &"text".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .and_then(|f| f.call0(&file).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
    else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(text).await {
            Ok(t) => open_text(&t.as_string().unwrap_or_default()),
            Err(_) => say_start("cannot read the file"),
        }
    });
}

fn on_leave(e: Event) {
    if DRAFT.with(|d| d.borrow().as_ref().is_some_and(Draft::dirty)) {
        // The browser asks the reader whether to leave.
        e.prevent_default();
        let _ = Reflect::set(&e, &"returnValue".into(), &"".into());
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn stored() -> Option<(Value, Value)> {
    let text = storage()?.get_item(STORED).ok()??;
    let both: Value = serde_json::from_str(&text).ok()?;
    Some((both.get("doc")?.clone(), both.get("base")?.clone()))
}

/// Writes everything the page shows of the draft, and keeps it for the next visit.
fn refresh() {
    let state = DRAFT.with(|d| d.borrow().clone());
    show(&by_id("actions"), state.is_some());
    let Some(draft) = state else {
        return;
    };
    if let Some(s) = storage() {
        let both = serde_json::json!({ "doc": draft.doc, "base": draft.base });
        let _ = s.set_item(STORED, &both.to_string());
    }
    let lang = lang();
    incident_options(&draft.doc);
    service_options(&draft.doc);
    for (id, enabled) in [("undo", draft.can_undo()), ("redo", draft.can_redo())] {
        if let Some(b) = by_id(id) {
            let _ = b.toggle_attribute_with_force("disabled", !enabled);
        }
    }
    let changes = draft.changes(lang);
    let none = match lang {
        Lang::Ko => "없음",
        Lang::En => "none",
    };
    fill_list(
        "changes",
        if changes.is_empty() {
            vec![none.into()]
        } else {
            changes
        },
    );
    let found: Vec<String> = match desk::check(&draft.doc) {
        Ok(warnings) => warnings
            .iter()
            .map(|w| format!("{}: {}", w.path, problems::warning(&w.kind, lang).0))
            .collect(),
        Err(err) => vec![err.message(lang)],
    };
    fill_list(
        "problems",
        if found.is_empty() {
            vec![none.into()]
        } else {
            found
        },
    );
    let text = desk::to_text(&draft.doc);
    if let Some(area) = by_id("json") {
        let _ = Reflect::set(&area, &"value".into(), &text.as_str().into());
    }
    if let Ok(value) = js_sys::JSON::parse(&text) {
        preview(&value);
    }
}

/// The real widget showing the draft: a banner and a timeline in Korean, a banner in English.
/// Made here, with the draft set before they join the page, so they never look for a `src`.
fn preview(feed: &JsValue) {
    let Some(area) = by_id("preview") else {
        return;
    };
    for (id, tag, lang) in [
        ("preview-banner", "incident-banner", "ko"),
        ("preview-timeline", "incident-timeline", "ko"),
        ("preview-banner-en", "incident-banner", "en"),
    ] {
        let el = match by_id(id) {
            Some(el) => el,
            None => {
                let Ok(el) = doc().create_element(tag) else {
                    continue;
                };
                el.set_id(id);
                let _ = el.set_attribute("lang", lang);
                if tag == "incident-banner" {
                    let _ = el.set_attribute("dismissible", "none");
                }
                let _ = Reflect::set(&el, &"feed".into(), feed);
                let _ = area.append_child(&el);
                continue;
            }
        };
        let _ = Reflect::set(&el, &"feed".into(), feed);
    }
}

/// Each incident of the draft as an option of the update and recovery forms, newest first.
fn incident_options(doc: &Value) {
    let incidents = doc
        .get("incidents")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let Ok(selects) = self::doc().query_selector_all("select.incidents") else {
        return;
    };
    for i in 0..selects.length() {
        let Some(select) = selects.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        let chosen = Reflect::get(&select, &"value".into())
            .ok()
            .and_then(|v| v.as_string());
        select.set_text_content(None);
        for inc in incidents.iter().rev() {
            let id = inc.get("id").and_then(Value::as_str).unwrap_or("");
            let title = desk::text_in(inc.get("title"), lang()).unwrap_or_else(|| id.to_string());
            let status = inc.get("status").and_then(Value::as_str).unwrap_or("");
            if let Ok(option) = self::doc().create_element("option") {
                let _ = option.set_attribute("value", id);
                option.set_text_content(Some(&format!("{title} ({id}, {status})")));
                let _ = select.append_child(&option);
            }
        }
        if let Some(v) = chosen.filter(|v| !v.is_empty()) {
            let _ = Reflect::set(&select, &"value".into(), &v.into());
        }
    }
}

/// The declared services as suggestions for the service fields: pick one, or type a new name.
fn service_options(doc: &Value) {
    let Some(list) = by_id("services-list") else {
        return;
    };
    list.set_text_content(None);
    for s in doc
        .get("services")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let Some(id) = s.get("id").and_then(Value::as_str) else {
            continue;
        };
        if let Ok(option) = self::doc().create_element("option") {
            let _ = option.set_attribute("value", id);
            let name = desk::text_in(s.get("name"), lang()).unwrap_or_else(|| id.to_string());
            option.set_text_content(Some(&name));
            let _ = list.append_child(&option);
        }
    }
}

fn fill_list(id: &str, items: Vec<String>) {
    let Some(ul) = by_id(id) else {
        return;
    };
    ul.set_text_content(None);
    for item in items {
        if let Ok(li) = doc().create_element("li") {
            li.set_text_content(Some(&item));
            let _ = ul.append_child(&li);
        }
    }
}

fn show(el: &Option<Element>, shown: bool) {
    if let Some(el) = el {
        let _ = el.toggle_attribute_with_force("hidden", !shown);
    }
}

/// Korean ↔ English: each labelled text swaps with its `data-en` (the Korean kept in
/// `data-ko`), the page's `lang` follows, and so do the messages.
fn switch_language() {
    let next = match lang() {
        Lang::Ko => Lang::En,
        Lang::En => Lang::Ko,
    };
    LANG.with(|l| *l.borrow_mut() = next);
    let d = doc();
    if let Some(html) = d.document_element() {
        let _ = html.set_attribute("lang", next.tag());
    }
    if let Ok(nodes) = d.query_selector_all("[data-en]") {
        for i in 0..nodes.length() {
            let Some(el) = nodes.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
                continue;
            };
            if !el.has_attribute("data-ko") {
                let _ = el.set_attribute("data-ko", &el.text_content().unwrap_or_default());
            }
            let text = el.get_attribute(if next == Lang::En {
                "data-en"
            } else {
                "data-ko"
            });
            el.set_text_content(text.as_deref());
        }
    }
    if let Some(b) = by_id("lang") {
        let (label, tag) = match next {
            Lang::Ko => ("English", "en"),
            Lang::En => ("한국어", "ko"),
        };
        b.set_text_content(Some(label));
        let _ = b.set_attribute("lang", tag);
    }
    refresh();
}
