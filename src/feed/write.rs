//! [`Feed`] → feed version 1 JSON: what `incident-banner convert` prints, through the feed
//! types' own `Serialize`.

use super::{Feed, Kind, Status, Version};
use serde::Serialize;
use serde_json::Value;

/// A feed as a version 1 document: `version` first, then the feed's members in the schema's
/// order (serde_json's `preserve_order` keeps them).
#[derive(Serialize)]
struct V1<'a> {
    version: Version,
    #[serde(flatten)]
    feed: &'a Feed,
}

/// `feed` as version 1 expects it: every incident with its severity stated, and statuses
/// only other formats have (`Other`) replaced by the neutral one of the incident's kind.
pub fn to_v1(feed: &Feed) -> Feed {
    let mut out = feed.clone();
    for inc in &mut out.incidents {
        let neutral = if inc.kind == Kind::Maintenance {
            Status::Scheduled
        } else {
            Status::Identified
        };
        inc.stated_severity = Some(inc.severity());
        if inc.status == Status::Other {
            inc.status = neutral;
        }
        for u in &mut inc.updates {
            if u.status == Some(Status::Other) {
                u.status = Some(neutral);
            }
        }
    }
    out
}

/// The feed as a version 1 document.
pub fn to_json(feed: &Feed) -> Value {
    serde_json::to_value(V1 {
        version: Version,
        feed: &to_v1(feed),
    })
    .unwrap_or(Value::Null)
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
            assert_eq!(again, to_v1(&f), "{name}");
        }
    }
}
