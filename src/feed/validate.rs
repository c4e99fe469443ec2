//! Semantic checks: problems a parsed feed can still be shown with.

use super::error::{Warning, WarningKind};
use super::{Feed, Positions};
use crate::time::Instant;

/// True for URLs the widget may turn into links: `http:` and `https:` only.
pub fn is_http_url(url: &str) -> bool {
    let lower = url
        .trim_start()
        .get(..8)
        .unwrap_or(url)
        .to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// Lists the semantic problems of `feed`, each with its JSON path.
pub fn validate(feed: &Feed) -> Vec<Warning> {
    validate_at(feed, &Positions::default())
}

/// Like [`validate()`], with each entry's path at its position in the document it was read
/// from (`positions`), which differs once an unreadable entry was left out.
pub fn validate_at(feed: &Feed, positions: &Positions) -> Vec<Warning> {
    let mut out = Vec::new();
    let mut warn = |path: String, kind: WarningKind| out.push(Warning { path, kind });
    let not_http = |u: &str| {
        (!is_http_url(u)).then(|| WarningKind::NotHttpUrl {
            value: u.to_string(),
        })
    };

    if let Some(k) = feed.publisher.url.as_deref().and_then(not_http) {
        warn("publisher.url".into(), k);
    }
    let services: Vec<&str> = feed.services.iter().map(|s| s.id.as_str()).collect();
    let (repeated, by_id) = crate::ids::repeats(&services);
    // Found by binary search: checking every impact's service is not impacts × services.
    let declared = |id: &str| crate::ids::first(&services, &by_id, id).is_some();
    for (i, s) in feed.services.iter().enumerate() {
        if repeated[i] {
            warn(
                format!("services[{}].id", positions.service(i)),
                WarningKind::DuplicateId { id: s.id.clone() },
            );
        }
        if let Some(k) = s.url.as_deref().and_then(not_http) {
            warn(format!("services[{}].url", positions.service(i)), k);
        }
    }

    let (repeated, _) = crate::ids::repeats(
        &feed
            .incidents
            .iter()
            .map(|i| i.id.as_str())
            .collect::<Vec<_>>(),
    );
    for (i, inc) in feed.incidents.iter().enumerate() {
        // The path is only written out for a warning: most incidents have none.
        let p = Path(positions.incident(i));
        if repeated[i] {
            warn(
                format!("{p}.id"),
                WarningKind::DuplicateId { id: inc.id.clone() },
            );
        }
        if ends_before(&inc.started_at, &inc.ended_at) {
            warn(format!("{p}.ended_at"), WarningKind::EndsBeforeStart);
        }
        if let Some(w) = &inc.scheduled {
            if ends_before(&Some(w.from), &w.until) {
                warn(format!("{p}.scheduled.until"), WarningKind::EndsBeforeStart);
            }
        }
        for (j, imp) in inc.impacts.iter().enumerate() {
            if !declared(&imp.service) {
                warn(
                    format!("{p}.impacts[{j}].service"),
                    WarningKind::UnknownService {
                        id: imp.service.clone(),
                    },
                );
            }
            if ends_before(&imp.from, &imp.until) {
                warn(
                    format!("{p}.impacts[{j}].until"),
                    WarningKind::EndsBeforeStart,
                );
            }
        }
        for (j, w) in inc.workarounds.iter().enumerate() {
            if let Some(k) = w.url.as_deref().and_then(not_http) {
                warn(format!("{p}.workarounds[{j}].url"), k);
            }
        }
        for (j, l) in inc.links.iter().enumerate() {
            if let Some(k) = not_http(&l.url) {
                warn(format!("{p}.links[{j}].url"), k);
            }
        }
    }
    out
}

/// `incidents[i]`, formatted only when a warning needs it.
struct Path(usize);

impl core::fmt::Display for Path {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "incidents[{}]", self.0)
    }
}

fn ends_before(start: &Option<Instant>, end: &Option<Instant>) -> bool {
    matches!((start, end), (Some(s), Some(e)) if e < s)
}
