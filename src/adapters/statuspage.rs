//! Atlassian Statuspage v2 public API documents → [`Feed`].
//!
//! Accepts `summary.json`, `incidents.json`, `incidents/unresolved.json`,
//! `scheduled-maintenances/upcoming.json` and `active.json`, `status.json` and
//! `components.json`. Real pages omit fields, send `null`s and statuses we do not know: the
//! mapping is lenient throughout (what is missing is left out, unknown statuses are shown
//! neutrally) and never fails once the document has a `page`.
//!
//! | Statuspage | ours |
//! |---|---|
//! | components, component groups | services (a child's name is prefixed with its group's) |
//! | component status | impact: `degraded_performance` → degraded, `partial_outage` → partial, `major_outage` → down, `under_maintenance` → maintenance |
//! | incident `impact` | severity: `none` → info, `minor`, `major`, `critical`, `maintenance` → info (and kind maintenance) |
//! | statuses | `investigating`, `identified`, `monitoring`, `resolved`, `scheduled`, `in_progress`, `completed` as they are; `postmortem` → resolved; `verifying` → monitoring; anything else → other |
//! | `incident_updates` | updates (`display_at`, else `created_at`); their `affected_components` give each service's failure and recovery times |
//! | `shortlink` | link |
//! | `page.time_zone` | publisher time zone |
//! | `scheduled_for` / `scheduled_until` | the maintenance window |

use crate::prelude::*;

use crate::feed::json::Json;
use crate::feed::{
    Feed, Impact, ImpactLevel, Incident, Kind, Link, Publisher, Service, Severity, Status, Text,
    Update,
};
use crate::time::Instant;

/// True for a Statuspage v2 document: an object with a `page` object and no `version`.
pub fn detect(value: &Json) -> bool {
    value.get("version").is_none() && value.get("page").is_some_and(Json::is_object)
}

fn str_of<'v>(v: &'v Json, key: &str) -> Option<&'v str> {
    v.get(key)
        .and_then(Json::as_str)
        .filter(|s| !s.trim().is_empty())
}

fn time_of(v: &Json, key: &str) -> Option<Instant> {
    str_of(v, key).and_then(crate::time::parse_rfc3339)
}

fn array<'v>(v: &'v Json<'v>, key: &str) -> &'v [Json<'v>] {
    v.get(key).and_then(Json::as_array).unwrap_or(&[])
}

fn status_of(s: Option<&str>) -> Status {
    match s.unwrap_or("") {
        "investigating" => Status::Investigating,
        "identified" => Status::Identified,
        "monitoring" | "verifying" => Status::Monitoring,
        "resolved" | "postmortem" => Status::Resolved,
        "scheduled" => Status::Scheduled,
        "in_progress" => Status::InProgress,
        "completed" => Status::Completed,
        _ => Status::Other,
    }
}

/// The impact a component status means, `None` for `operational` (and unknown statuses).
fn level_of(status: &str) -> Option<ImpactLevel> {
    match status {
        "degraded_performance" => Some(ImpactLevel::Degraded),
        "partial_outage" => Some(ImpactLevel::Partial),
        "major_outage" => Some(ImpactLevel::Down),
        "under_maintenance" => Some(ImpactLevel::Maintenance),
        _ => None,
    }
}

fn severity_of(impact: Option<&str>) -> Severity {
    match impact.unwrap_or("") {
        "critical" => Severity::Critical,
        "major" => Severity::Major,
        "minor" => Severity::Minor,
        _ => Severity::Info,
    }
}

/// Converts a detected Statuspage document.
pub fn convert(doc: &Json) -> Feed {
    let page = doc.get("page").unwrap_or(&Json::Null);
    let publisher = Publisher {
        name: Text::Plain(str_of(page, "name").unwrap_or("Statuspage").to_string()),
        url: str_of(page, "url").map(str::to_string),
        time_zone: str_of(page, "time_zone").map(str::to_string),
    };
    let lists = [("incidents", false), ("scheduled_maintenances", true)];
    // Every component in document order: the list, then those only incidents name (they
    // still need names). Each id is taken once, the first, and groups are looked up by
    // binary search: a scan per component would be quadratic in a big document.
    let components = array(doc, "components");
    let mut named: Vec<&Json> = Vec::new();
    named.extend(components);
    for (key, _) in lists {
        for inc in array(doc, key) {
            named.extend(array(inc, "components"));
        }
    }
    let mut ids: Vec<&str> = Vec::new();
    for c in &named {
        ids.push(str_of(c, "id").unwrap_or(""));
    }
    let (repeated, by_id) = crate::sort::repeats(&ids);
    // The name of the group `g`: the first component of the list with that id.
    let group = |g: &str| {
        let k = crate::sort::first(&ids, &by_id, g).filter(|&k| k < components.len())?;
        str_of(named[k], "name")
    };
    let mut services = Vec::new();
    for (k, c) in named.iter().enumerate() {
        let id = ids[k];
        if id.is_empty() || repeated[k] {
            continue;
        }
        let name = str_of(c, "name").unwrap_or(id);
        let name = match str_of(c, "group_id").and_then(group) {
            Some(g) => format!("{g} › {name}"),
            None => name.to_string(),
        };
        services.push(Service {
            id: id.to_string(),
            name: Text::Plain(name),
            url: None,
        });
    }

    // An incident in both lists is taken once, the first.
    let mut listed: Vec<(&Json, bool)> = Vec::new();
    let mut ids: Vec<&str> = Vec::new();
    for (key, maintenance) in lists {
        for inc in array(doc, key) {
            listed.push((inc, maintenance));
            ids.push(str_of(inc, "id").unwrap_or(""));
        }
    }
    let (repeated, _) = crate::sort::repeats(&ids);
    let mut incidents = Vec::new();
    for (k, (inc, maintenance)) in listed.into_iter().enumerate() {
        if !repeated[k] {
            incidents.extend(incident(inc, maintenance));
        }
    }
    if incidents.is_empty()
        && doc.get("incidents").is_none()
        && doc.get("scheduled_maintenances").is_none()
    {
        incidents.extend(page_status_notice(doc, page));
    }
    Feed {
        publisher,
        updated_at: time_of(page, "updated_at"),
        services,
        incidents,
    }
}

fn incident(inc: &Json, maintenance_list: bool) -> Option<Incident> {
    let id = str_of(inc, "id")?.to_string();
    let impact = str_of(inc, "impact");
    let maintenance = maintenance_list
        || impact == Some("maintenance")
        || inc.get("scheduled_for").is_some_and(|v| !v.is_null());
    let status = status_of(str_of(inc, "status"));
    let mut updates: Vec<Update> = array(inc, "incident_updates")
        .iter()
        .filter_map(|u| {
            Some(Update {
                at: time_of(u, "display_at").or_else(|| time_of(u, "created_at"))?,
                status: Some(status_of(str_of(u, "status"))),
                text: Text::Plain(str_of(u, "body")?.to_string()),
            })
        })
        .collect();
    crate::sort::sort_by_key(&mut updates, |u| u.at);
    let started_at = time_of(inc, "started_at").or_else(|| time_of(inc, "created_at"));
    let ended_at = if status.is_closed() {
        time_of(inc, "resolved_at")
            .or_else(|| time_of(inc, "scheduled_until").filter(|_| maintenance))
    } else {
        None
    };
    let scheduled = time_of(inc, "scheduled_for").map(|from| crate::feed::Window {
        from,
        until: time_of(inc, "scheduled_until"),
    });
    Some(Incident {
        id,
        kind: if maintenance {
            Kind::Maintenance
        } else {
            Kind::Outage
        },
        severity: severity_of(impact),
        status,
        title: Text::Plain(str_of(inc, "name").unwrap_or("—").to_string()),
        summary: None,
        // A maintenance's start is its window; only an outage has a failure time.
        started_at: if maintenance { None } else { started_at },
        ended_at,
        scheduled,
        expected_end: None,
        region: None,
        cause: None,
        impacts: impacts(inc, started_at, ended_at),
        workarounds: Vec::new(),
        updates,
        links: str_of(inc, "shortlink")
            .map(|url| Link {
                title: Text::Localized(vec![
                    ("en".into(), "Status page".into()),
                    ("ko".into(), "상태 페이지".into()),
                ]),
                url: url.to_string(),
            })
            .into_iter()
            .collect(),
        publisher: None,
    })
}

/// Each affected component's periods, from the updates' `affected_components` transitions;
/// else the incident's `components` for its whole length.
fn impacts(inc: &Json, start: Option<Instant>, end: Option<Instant>) -> Vec<Impact> {
    let mut transitions: Vec<(Instant, &str, &str)> = Vec::new();
    for u in array(inc, "incident_updates") {
        let Some(at) = time_of(u, "display_at").or_else(|| time_of(u, "created_at")) else {
            continue;
        };
        for a in array(u, "affected_components") {
            if let (Some(code), Some(new)) = (str_of(a, "code"), str_of(a, "new_status")) {
                transitions.push((at, code, new));
            }
        }
    }
    crate::sort::sort_by_key(&mut transitions, |t| t.0);
    let mut out: Vec<Impact> = Vec::new();
    for (at, code, new) in transitions {
        let open = out
            .iter_mut()
            .rev()
            .find(|i| i.service == code && i.until.is_none());
        match (level_of(new), open) {
            (Some(level), Some(open)) => open.level = worse(open.level, level),
            (Some(level), None) => out.push(Impact {
                service: code.to_string(),
                level,
                from: Some(at),
                until: None,
            }),
            (None, Some(open)) => open.until = Some(at),
            (None, None) => {}
        }
    }
    if out.is_empty() {
        out = array(inc, "components")
            .iter()
            .filter_map(|c| {
                Some(Impact {
                    service: str_of(c, "id")?.to_string(),
                    level: str_of(c, "status")
                        .and_then(level_of)
                        .unwrap_or(ImpactLevel::Degraded),
                    from: start,
                    until: end,
                })
            })
            .collect();
    }
    for i in &mut out {
        if i.until.is_none() {
            i.until = end;
        }
    }
    out
}

fn worse(a: ImpactLevel, b: ImpactLevel) -> ImpactLevel {
    let rank = |l| match l {
        ImpactLevel::Degraded => 0,
        ImpactLevel::Maintenance => 1,
        ImpactLevel::Partial => 2,
        ImpactLevel::Down => 3,
    };
    if rank(b) > rank(a) {
        b
    } else {
        a
    }
}

/// `status.json` alone: a page-wide indicator other than `none` becomes one notice.
fn page_status_notice(doc: &Json, page: &Json) -> Option<Incident> {
    let status = doc.get("status")?;
    let indicator = str_of(status, "indicator")?;
    if indicator == "none" {
        return None;
    }
    Some(Incident {
        id: format!("page-status-{indicator}"),
        kind: Kind::Notice,
        severity: severity_of(Some(indicator)),
        status: Status::Identified,
        title: Text::Plain(
            str_of(status, "description")
                .unwrap_or(indicator)
                .to_string(),
        ),
        summary: None,
        started_at: time_of(page, "updated_at"),
        ended_at: None,
        scheduled: None,
        expected_end: None,
        region: None,
        cause: None,
        impacts: Vec::new(),
        workarounds: Vec::new(),
        updates: Vec::new(),
        links: str_of(page, "url")
            .map(|url| Link {
                title: Text::Plain(str_of(page, "name").unwrap_or(url).to_string()),
                url: url.to_string(),
            })
            .into_iter()
            .collect(),
        publisher: None,
    })
}
