//! The actions of an outage: start a feed, open an incident, post an update, record a
//! recovery. Each takes the draft and returns the new one, or why not; none changes its
//! input, so undo is keeping the old value and a refused action loses nothing.

use super::when::{self, WhenError};
use super::{accept, ActionError, Field};
use crate::time::{rfc3339, FixedZone, Instant};
use serde_json::{json, Map, Value};

/// A new feed for `publisher`, whose times are read in `time_zone` (`Asia/Seoul` if empty).
pub fn init(publisher: &str, time_zone: &str) -> Result<Value, ActionError> {
    let publisher = publisher.trim();
    if publisher.is_empty() {
        return Err(ActionError::Missing {
            what: Field::PublisherName,
        });
    }
    let zone = match time_zone.trim() {
        "" => "Asia/Seoul",
        z => z,
    };
    let doc = json!({
        "version": 1,
        "publisher": { "name": publisher, "time_zone": zone },
        "services": [],
        "incidents": [],
    });
    super::check(&doc)?;
    Ok(doc)
}

/// What a new incident needs: the form of the desk, the options of `incident-banner new`.
#[derive(Debug, Clone, Default)]
pub struct NewIncident {
    pub id: String,
    /// `outage`, `maintenance` or `notice`.
    pub kind: String,
    /// `critical`, `major`, `minor`, `info`; empty for the kind's default.
    pub severity: String,
    pub title: String,
    pub title_en: String,
    /// Affected services: ids of declared services, or names (a new service is declared,
    /// its id made from the name).
    pub services: Vec<String>,
    /// When it started (an outage) or starts (maintenance); empty for `now`.
    pub at: String,
    /// The first update; empty for none.
    pub text: String,
}

/// `draft` with the incident `new` opened at `new.at` (else `now`).
pub fn new_incident(draft: &Value, new: &NewIncident, now: Instant) -> Result<Value, ActionError> {
    let zone = zone_of(draft);
    let at = time_or_now(&new.at, &zone, now)?;
    let id = new.id.trim();
    if id.is_empty() {
        return Err(ActionError::Missing { what: Field::Id });
    }
    if new.title.trim().is_empty() {
        return Err(ActionError::Missing { what: Field::Title });
    }
    if incident_index(draft, id).is_some() {
        return Err(ActionError::IdTaken { id: id.into() });
    }
    let kind = one_of("kind", &new.kind, &["outage", "maintenance", "notice"])?;
    let severity = match new.severity.trim() {
        "" => None,
        s => Some(one_of(
            "severity",
            s,
            &["critical", "major", "minor", "info"],
        )?),
    };
    let mut doc = draft.clone();
    let services: Vec<String> = new
        .services
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .map(|s| declare_service(&mut doc, s))
        .collect();
    let status = match kind {
        "maintenance" => "scheduled",
        "notice" => "identified",
        _ => "investigating",
    };
    let at_text = rfc3339(&at);
    let mut inc = Map::new();
    inc.insert("id".into(), id.into());
    inc.insert("kind".into(), kind.into());
    if let Some(s) = severity {
        inc.insert("severity".into(), s.into());
    }
    inc.insert("status".into(), status.into());
    inc.insert("title".into(), text(&new.title, &new.title_en));
    if kind == "maintenance" {
        inc.insert("scheduled".into(), json!({ "from": at_text }));
    } else {
        inc.insert("started_at".into(), at_text.clone().into());
    }
    let level = if kind == "maintenance" {
        "maintenance"
    } else {
        "down"
    };
    let impacts: Vec<Value> = services
        .iter()
        .map(|s| json!({ "service": s, "status": level, "from": at_text }))
        .collect();
    if !impacts.is_empty() {
        inc.insert("impacts".into(), impacts.into());
    }
    if !new.text.trim().is_empty() {
        inc.insert(
            "updates".into(),
            json!([{ "at": at_text, "status": status, "text": new.text.trim() }]),
        );
    }
    incidents(&mut doc).push(Value::Object(inc));
    accept(draft, doc)
}

/// What an update says: the options of `incident-banner update`.
#[derive(Debug, Clone, Default)]
pub struct PostUpdate {
    pub status: String,
    pub text: String,
    /// Empty for `now`.
    pub at: String,
    /// When it is expected back (a time), and/or in words (`월요일 중 정상화 목표`).
    pub expected_end: String,
    pub expected_text: String,
    /// What citizens can do meanwhile (`주민센터에서 수기 접수`); empty for nothing new.
    pub workaround: String,
    /// A link to read more: its title and URL; empty for none.
    pub link_title: String,
    pub link_url: String,
}

/// `draft` with `update` posted to the incident `id`: the update appended, the incident's
/// status and expected end set, a workaround and a link added when given.
pub fn post_update(
    draft: &Value,
    id: &str,
    update: &PostUpdate,
    now: Instant,
) -> Result<Value, ActionError> {
    let zone = zone_of(draft);
    let at = time_or_now(&update.at, &zone, now)?;
    let i =
        incident_index(draft, id).ok_or_else(|| ActionError::UnknownIncident { id: id.into() })?;
    let status = one_of(
        "status",
        &update.status,
        &[
            "investigating",
            "identified",
            "monitoring",
            "resolved",
            "scheduled",
            "in_progress",
            "completed",
        ],
    )?;
    if update.text.trim().is_empty() {
        return Err(ActionError::Missing { what: Field::Text });
    }
    let expected_at = match update.expected_end.trim() {
        "" => None,
        t => Some(when::read(t, &zone).map_err(ActionError::Time)?),
    };
    let mut doc = draft.clone();
    let inc = incident_mut(&mut doc, i);
    inc.insert("status".into(), status.into());
    if expected_at.is_some() || !update.expected_text.trim().is_empty() {
        let mut end = Map::new();
        if let Some(t) = expected_at {
            end.insert("at".into(), rfc3339(&t).into());
        }
        if !update.expected_text.trim().is_empty() {
            end.insert("text".into(), update.expected_text.trim().into());
        }
        inc.insert("expected_end".into(), Value::Object(end));
    }
    push_update(inc, &at, status, update.text.trim());
    if !update.workaround.trim().is_empty() {
        append(
            inc,
            "workarounds",
            json!({ "text": update.workaround.trim() }),
        );
    }
    if !update.link_url.trim().is_empty() {
        let title = match update.link_title.trim() {
            "" => update.link_url.trim(),
            t => t,
        };
        append(
            inc,
            "links",
            json!({ "title": title, "url": update.link_url.trim() }),
        );
    }
    accept(draft, doc)
}

/// What a recovery records: the options of `incident-banner resolve`.
#[derive(Debug, Clone, Default)]
pub struct Resolve {
    /// The services back (ids); empty for all of them.
    pub services: Vec<String>,
    /// Empty for `now`.
    pub at: String,
    /// The closing update; empty for none.
    pub text: String,
}

/// `draft` with the recovery of `id`'s services at `resolve.at`: each one's impact ends
/// then; once none is left, the incident ends too, `resolved` (`completed` for maintenance).
pub fn resolve(
    draft: &Value,
    id: &str,
    resolve: &Resolve,
    now: Instant,
) -> Result<Value, ActionError> {
    let zone = zone_of(draft);
    let at = time_or_now(&resolve.at, &zone, now)?;
    let at_text = rfc3339(&at);
    let i =
        incident_index(draft, id).ok_or_else(|| ActionError::UnknownIncident { id: id.into() })?;
    let mut doc = draft.clone();
    let inc = incident_mut(&mut doc, i);
    let closed = matches!(
        inc.get("status").and_then(Value::as_str),
        Some("resolved" | "completed")
    );
    let wanted: Vec<&str> = resolve
        .services
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    let mut impacts: Vec<Value> = match inc.get("impacts") {
        Some(Value::Array(list)) => list.clone(),
        _ => Vec::new(),
    };
    for service in &wanted {
        if !impacts
            .iter()
            .any(|imp| imp.get("service").and_then(Value::as_str) == Some(service))
        {
            return Err(ActionError::UnknownService {
                incident: id.into(),
                service: (*service).into(),
            });
        }
    }
    for imp in impacts.iter_mut() {
        let service = imp.get("service").and_then(Value::as_str).unwrap_or("");
        let chosen = wanted.is_empty() || wanted.contains(&service);
        if let Some(imp) = imp.as_object_mut() {
            if chosen && imp.get("until").is_none_or(Value::is_null) {
                imp.insert("until".into(), at_text.clone().into());
            }
        }
    }
    let all_back = impacts
        .iter()
        .all(|imp| imp.get("until").is_some_and(|u| !u.is_null()));
    if closed && wanted.is_empty() {
        return Err(ActionError::AlreadyResolved { id: id.into() });
    }
    if !impacts.is_empty() {
        inc.insert("impacts".into(), impacts.into());
    }
    let maintenance = inc.get("kind").and_then(Value::as_str) == Some("maintenance");
    let status = if all_back {
        let done = if maintenance { "completed" } else { "resolved" };
        inc.insert("status".into(), done.into());
        if maintenance {
            if let Some(Value::Object(window)) = inc.get_mut("scheduled") {
                window.insert("until".into(), at_text.clone().into());
            }
        } else {
            inc.insert("ended_at".into(), at_text.clone().into());
        }
        inc.remove("expected_end");
        done.to_string()
    } else {
        inc.get("status")
            .and_then(Value::as_str)
            .unwrap_or("identified")
            .to_string()
    };
    if !resolve.text.trim().is_empty() {
        push_update(inc, &at, &status, resolve.text.trim());
    }
    accept(draft, doc)
}

/// The draft's zone for typed times (see [`when::zone_of`]).
fn zone_of(draft: &Value) -> Result<FixedZone, String> {
    when::zone_of(
        draft
            .pointer("/publisher/time_zone")
            .and_then(Value::as_str),
    )
}

/// `typed` read in `zone`, or `now` (with the publisher's offset) when nothing was typed.
fn time_or_now(
    typed: &str,
    zone: &Result<FixedZone, String>,
    now: Instant,
) -> Result<Instant, ActionError> {
    if typed.trim().is_empty() {
        Ok(when::now_in(now, zone))
    } else {
        when::read(typed, zone).map_err(|e: WhenError| ActionError::Time(e))
    }
}

/// `word` when it is one of `allowed` (ASCII case ignored, `-` read as `_`).
fn one_of(
    what: &'static str,
    word: &str,
    allowed: &[&'static str],
) -> Result<&'static str, ActionError> {
    let wanted = word.trim().to_ascii_lowercase().replace('-', "_");
    allowed
        .iter()
        .find(|a| **a == wanted)
        .copied()
        .ok_or_else(|| ActionError::UnknownWord {
            what,
            word: word.into(),
        })
}

/// A text member: plain Korean, or `{ko, en}` when an English version is given.
fn text(ko: &str, en: &str) -> Value {
    if en.trim().is_empty() {
        ko.trim().into()
    } else {
        json!({ "ko": ko.trim(), "en": en.trim() })
    }
}

fn incidents(doc: &mut Value) -> &mut Vec<Value> {
    if !matches!(doc.get("incidents"), Some(Value::Array(_))) {
        doc["incidents"] = Value::Array(Vec::new());
    }
    match doc.get_mut("incidents") {
        Some(Value::Array(list)) => list,
        _ => unreachable!("set just above"),
    }
}

fn incident_index(doc: &Value, id: &str) -> Option<usize> {
    doc.get("incidents")?
        .as_array()?
        .iter()
        .position(|inc| inc.get("id").and_then(Value::as_str) == Some(id.trim()))
}

fn incident_mut(doc: &mut Value, i: usize) -> &mut Map<String, Value> {
    match incidents(doc).get_mut(i) {
        Some(Value::Object(inc)) => inc,
        _ => unreachable!("found by incident_index"),
    }
}

fn push_update(inc: &mut Map<String, Value>, at: &Instant, status: &str, text: &str) {
    append(
        inc,
        "updates",
        json!({ "at": rfc3339(at), "status": status, "text": text }),
    );
}

/// `item` at the end of the incident's list `key`, which is made when missing.
fn append(inc: &mut Map<String, Value>, key: &str, item: Value) {
    match inc.get_mut(key) {
        Some(Value::Array(list)) => list.push(item),
        _ => {
            inc.insert(key.into(), Value::Array(vec![item]));
        }
    }
}

/// The id of the service `wanted` names: a declared id, a declared service's name, else a
/// new service declared with that name and an id made from it.
fn declare_service(doc: &mut Value, wanted: &str) -> String {
    let declared: Vec<(String, Vec<String>)> = doc
        .get("services")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(|s| {
                    let id = s.get("id")?.as_str()?.to_string();
                    let names = match s.get("name") {
                        Some(Value::String(n)) => vec![n.clone()],
                        Some(Value::Object(m)) => m
                            .values()
                            .filter_map(|v| v.as_str().map(String::from))
                            .collect(),
                        _ => Vec::new(),
                    };
                    Some((id, names))
                })
                .collect()
        })
        .unwrap_or_default();
    if let Some((id, _)) = declared
        .iter()
        .find(|(id, names)| id == wanted || names.iter().any(|n| n == wanted))
    {
        return id.clone();
    }
    let taken: Vec<&str> = declared.iter().map(|(id, _)| id.as_str()).collect();
    let id = service_id(wanted, &taken);
    if !matches!(doc.get("services"), Some(Value::Array(_))) {
        doc["services"] = Value::Array(Vec::new());
    }
    if let Some(Value::Array(list)) = doc.get_mut("services") {
        list.push(json!({ "id": id, "name": wanted }));
    }
    id
}

/// An id for a service named `name`: its letters and digits in lower case, words joined by
/// `-` (Korean letters kept: `정부24`, `kakao-talk`), unique among `taken`.
pub fn service_id(name: &str, taken: &[&str]) -> String {
    let mut base = String::new();
    for word in name.split(|c: char| !c.is_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        if !base.is_empty() {
            base.push('-');
        }
        base.extend(word.chars().flat_map(char::to_lowercase));
    }
    if base.is_empty() {
        base.push_str("service");
    }
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id.as_str()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}
