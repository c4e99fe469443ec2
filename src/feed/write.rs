//! [`Feed`] → feed version 1 JSON: what `incident-banner convert` prints.

use crate::prelude::*;

use super::{Feed, Incident, Kind, Named, Status, Text};
use crate::time::Instant;
use serde_json::{json, Map, Value};

fn text(t: &Text) -> Value {
    match t {
        Text::Plain(s) => Value::String(s.clone()),
        Text::Localized(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), Value::String(v.clone())))
                .collect(),
        ),
    }
}

fn time(t: &Option<Instant>) -> Value {
    t.map(|t| Value::String(t.to_rfc3339()))
        .unwrap_or(Value::Null)
}

/// The v1 name of a status; `Other` (only read from other formats) has none, so it becomes
/// the neutral status of the incident's kind.
pub fn status_name(s: Status, k: Kind) -> &'static str {
    s.name().unwrap_or(if k == Kind::Maintenance {
        "scheduled"
    } else {
        "identified"
    })
}

/// The v1 name of a value that always has one.
fn name<T: Named>(v: T) -> &'static str {
    v.name().unwrap_or_default()
}

fn incident(i: &Incident) -> Value {
    let mut o = Map::new();
    o.insert("id".into(), json!(i.id));
    o.insert("kind".into(), json!(name(i.kind)));
    o.insert("severity".into(), json!(name(i.severity)));
    o.insert("status".into(), json!(status_name(i.status, i.kind)));
    o.insert("title".into(), text(&i.title));
    if let Some(s) = &i.summary {
        o.insert("summary".into(), text(s));
    }
    o.insert("started_at".into(), time(&i.started_at));
    o.insert("ended_at".into(), time(&i.ended_at));
    if let Some(w) = &i.scheduled {
        o.insert(
            "scheduled".into(),
            json!({ "from": w.from.to_rfc3339(), "until": time(&w.until) }),
        );
    }
    if let Some(e) = &i.expected_end {
        o.insert(
            "expected_end".into(),
            json!({ "at": time(&e.at), "text": e.text.as_ref().map(text) }),
        );
    }
    for (key, value) in [("region", &i.region), ("cause", &i.cause)] {
        if let Some(v) = value {
            o.insert(key.into(), text(v));
        }
    }
    o.insert(
        "impacts".into(),
        i.impacts
            .iter()
            .map(|m| json!({ "service": m.service, "status": name(m.level), "from": time(&m.from), "until": time(&m.until) }))
            .collect(),
    );
    o.insert(
        "workarounds".into(),
        i.workarounds
            .iter()
            .map(|w| json!({ "text": text(&w.text), "url": w.url }))
            .collect(),
    );
    o.insert(
        "updates".into(),
        i.updates
            .iter()
            .map(|u| json!({ "at": u.at.to_rfc3339(), "status": u.status.map(|s| status_name(s, i.kind)), "text": text(&u.text) }))
            .collect(),
    );
    o.insert(
        "links".into(),
        i.links
            .iter()
            .map(|l| json!({ "title": text(&l.title), "url": l.url }))
            .collect(),
    );
    Value::Object(o)
}

/// The feed as a version 1 document.
pub fn to_json(feed: &Feed) -> Value {
    json!({
        "version": 1,
        "publisher": {
            "name": text(&feed.publisher.name),
            "url": feed.publisher.url,
            "time_zone": feed.publisher.time_zone,
        },
        "updated_at": time(&feed.updated_at),
        "services": feed.services.iter().map(|s| json!({ "id": s.id, "name": text(&s.name), "url": s.url })).collect::<Vec<_>>(),
        "incidents": feed.incidents.iter().map(incident).collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::parse;

    #[test]
    fn demo_feeds_survive_a_round_trip() {
        for name in [
            "news-2023-07-18.json",
            "mois-2023-11.json",
            "mois-maintenance.json",
        ] {
            let path = format!("{}/www/feeds/{name}", env!("CARGO_MANIFEST_DIR"));
            let f = parse(&std::fs::read_to_string(path).unwrap()).unwrap();
            let again = parse(&to_json(&f).to_string()).unwrap();
            assert_eq!(again, f, "{name}");
        }
    }
}
