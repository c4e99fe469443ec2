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

use crate::feed::{
    Feed, Impact, ImpactLevel, Incident, Kind, Link, Node, Publisher, Service, Severity, Status,
    Text, Top, Update,
};
use crate::time::Instant;
use serde::{Deserialize, Deserializer};

// The mapping is lenient: a value that is not what the API sends is absent, never an
// error. That is safe to decide after the fact, because a failed value leaves the rest of
// the document readable: serde_json's `Value` is already parsed, and the crate's reader
// (`feed::json`) reads past a value of the wrong type before it says so.

/// A string where Statuspage should have one; anything else (a number, `null`, an object)
/// counts as absent, as does a blank string. Real pages send all of these.
#[derive(Debug, Clone, Default)]
struct Loose(Option<String>);

impl Loose {
    fn get(&self) -> Option<&str> {
        self.0.as_deref().filter(|s| !s.trim().is_empty())
    }

    fn time(&self) -> Option<Instant> {
        self.get().and_then(crate::time::parse_rfc3339)
    }
}

impl<'de> Deserialize<'de> for Loose {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Loose(Option::<String>::deserialize(d).ok().flatten()))
    }
}

/// An object of the API (every field loose, so only a value that is not an object fails);
/// anything else is absent.
#[derive(Debug)]
struct Object<T>(Option<T>);

impl<T> Default for Object<T> {
    fn default() -> Self {
        Object(None)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Object(T::deserialize(d).ok()))
    }
}

/// A list of the API's objects: what is not an object is left out; what is not a list is
/// empty.
#[derive(Debug)]
struct List<T>(Vec<T>);

impl<T> Default for List<T> {
    fn default() -> Self {
        List(Vec::new())
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for List<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let items = Vec::<Object<T>>::deserialize(d).unwrap_or_default();
        Ok(List(items.into_iter().filter_map(|o| o.0).collect()))
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Page {
    name: Loose,
    url: Loose,
    time_zone: Loose,
    updated_at: Loose,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct PageStatus {
    indicator: Loose,
    description: Loose,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Component {
    id: Loose,
    name: Loose,
    group_id: Loose,
    status: Loose,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ApiIncident {
    id: Loose,
    name: Loose,
    status: Loose,
    impact: Loose,
    created_at: Loose,
    started_at: Loose,
    resolved_at: Loose,
    scheduled_for: Loose,
    scheduled_until: Loose,
    shortlink: Loose,
    incident_updates: List<ApiUpdate>,
    components: List<Component>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ApiUpdate {
    status: Loose,
    body: Loose,
    display_at: Loose,
    created_at: Loose,
    affected_components: List<Affected>,
}

impl ApiUpdate {
    fn at(&self) -> Option<Instant> {
        self.display_at.time().or_else(|| self.created_at.time())
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Affected {
    code: Loose,
    new_status: Loose,
}

/// A member of the document read leniently: absent when it is not what the API sends.
fn member<'de, N: Node<'de>, T: Default + Deserialize<'de>>(node: Option<N>) -> T {
    node.and_then(|n| n.read_plain().ok()).unwrap_or_default()
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

/// Converts a detected Statuspage document (one with a `page` object and no `version`).
pub fn convert<'de, N: Node<'de>>(top: Top<N>) -> Feed {
    let no_lists = top.incidents.is_none() && top.scheduled_maintenances.is_none();
    let page: Object<Page> = member(top.page);
    let page = page.0.unwrap_or_default();
    let status: Object<PageStatus> = member(top.status);
    let components: List<Component> = member(top.components);
    let incidents: List<ApiIncident> = member(top.incidents);
    let maintenances: List<ApiIncident> = member(top.scheduled_maintenances);
    let publisher = Publisher {
        name: Text::Plain(page.name.get().unwrap_or("Statuspage").to_string()),
        url: page.url.get().map(str::to_string),
        time_zone: page.time_zone.get().map(str::to_string),
    };
    let listed: Vec<(&ApiIncident, bool)> = incidents
        .0
        .iter()
        .map(|i| (i, false))
        .chain(maintenances.0.iter().map(|i| (i, true)))
        .collect();
    // Every component in document order: the list, then those only incidents name (they
    // still need names). Each id is taken once, the first, and groups are looked up by
    // binary search: a scan per component would be quadratic in a big document.
    let components = &components.0;
    let mut named: Vec<&Component> = components.iter().collect();
    for (inc, _) in &listed {
        named.extend(&inc.components.0);
    }
    let ids: Vec<&str> = named.iter().map(|c| c.id.get().unwrap_or("")).collect();
    let (repeated, by_id) = crate::ids::repeats(&ids);
    // The name of the group `g`: the first component of the list with that id.
    let group = |g: &str| {
        let k = crate::ids::first(&ids, &by_id, g).filter(|&k| k < components.len())?;
        named[k].name.get()
    };
    let mut services = Vec::new();
    for (k, c) in named.iter().enumerate() {
        let id = ids[k];
        if id.is_empty() || repeated[k] {
            continue;
        }
        let name = c.name.get().unwrap_or(id);
        let name = match c.group_id.get().and_then(group) {
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
    let ids: Vec<&str> = listed
        .iter()
        .map(|(inc, _)| inc.id.get().unwrap_or(""))
        .collect();
    let (repeated, _) = crate::ids::repeats(&ids);
    let mut incidents = Vec::new();
    for (k, (inc, maintenance)) in listed.into_iter().enumerate() {
        if !repeated[k] {
            incidents.extend(incident(inc, maintenance));
        }
    }
    if incidents.is_empty() && no_lists {
        incidents.extend(status.0.and_then(|s| page_status_notice(&s, &page)));
    }
    Feed {
        publisher,
        updated_at: page.updated_at.time(),
        services,
        incidents,
    }
}

fn incident(inc: &ApiIncident, maintenance_list: bool) -> Option<Incident> {
    let id = inc.id.get()?.to_string();
    let impact = inc.impact.get();
    let maintenance =
        maintenance_list || impact == Some("maintenance") || inc.scheduled_for.get().is_some();
    let status = status_of(inc.status.get());
    let mut updates: Vec<Update> = inc
        .incident_updates
        .0
        .iter()
        .filter_map(|u| {
            Some(Update {
                at: u.at()?,
                status: Some(status_of(u.status.get())),
                text: Text::Plain(u.body.get()?.to_string()),
            })
        })
        .collect();
    crate::sort::sort_by_key(&mut updates, |u| u.at);
    let started_at = inc.started_at.time().or_else(|| inc.created_at.time());
    let ended_at = if status.is_closed() {
        inc.resolved_at
            .time()
            .or_else(|| inc.scheduled_until.time().filter(|_| maintenance))
    } else {
        None
    };
    let scheduled = inc.scheduled_for.time().map(|from| crate::feed::Window {
        from,
        until: inc.scheduled_until.time(),
    });
    Some(Incident {
        id,
        kind: if maintenance {
            Kind::Maintenance
        } else {
            Kind::Outage
        },
        stated_severity: Some(severity_of(impact)),
        status,
        title: Text::Plain(inc.name.get().unwrap_or("—").to_string()),
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
        links: inc
            .shortlink
            .get()
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
fn impacts(inc: &ApiIncident, start: Option<Instant>, end: Option<Instant>) -> Vec<Impact> {
    let mut transitions: Vec<(Instant, &str, &str)> = Vec::new();
    for u in &inc.incident_updates.0 {
        let Some(at) = u.at() else {
            continue;
        };
        for a in &u.affected_components.0 {
            if let (Some(code), Some(new)) = (a.code.get(), a.new_status.get()) {
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
        out = inc
            .components
            .0
            .iter()
            .filter_map(|c| {
                Some(Impact {
                    service: c.id.get()?.to_string(),
                    level: c
                        .status
                        .get()
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
fn page_status_notice(status: &PageStatus, page: &Page) -> Option<Incident> {
    let indicator = status.indicator.get()?;
    if indicator == "none" {
        return None;
    }
    Some(Incident {
        id: format!("page-status-{indicator}"),
        kind: Kind::Notice,
        stated_severity: Some(severity_of(Some(indicator))),
        status: Status::Identified,
        title: Text::Plain(status.description.get().unwrap_or(indicator).to_string()),
        summary: None,
        started_at: page.updated_at.time(),
        ended_at: None,
        scheduled: None,
        expected_end: None,
        region: None,
        cause: None,
        impacts: Vec::new(),
        workarounds: Vec::new(),
        updates: Vec::new(),
        links: page
            .url
            .get()
            .map(|url| Link {
                title: Text::Plain(page.name.get().unwrap_or(url).to_string()),
                url: url.to_string(),
            })
            .into_iter()
            .collect(),
        publisher: None,
    })
}
