//! Feeds combined for one widget: several publishers in one timeline, and a filter to the
//! services a page cares about.

use super::{Feed, Incident};
use std::borrow::Cow;

/// Several feeds as one: every incident keeps its publisher's name, services are pooled (the
/// first declaration of an id wins), and the first feed's publisher and zone lead. A single
/// feed is borrowed, not copied: this runs on every render.
pub fn merge<'f>(feeds: &[&'f Feed]) -> Option<Cow<'f, Feed>> {
    let (first, rest) = feeds.split_first()?;
    if rest.is_empty() {
        return Some(Cow::Borrowed(*first));
    }
    let mut merged = Feed {
        publisher: first.publisher.clone(),
        updated_at: feeds.iter().filter_map(|f| f.updated_at).max(),
        services: Vec::new(),
        incidents: Vec::new(),
    };
    let mut ids: Vec<&str> = Vec::new();
    for feed in feeds {
        ids.extend(feed.services.iter().map(|s| s.id.as_str()));
    }
    // Repeated ids found by sorting, not by a scan per service: this runs on every render.
    let mut repeated = crate::ids::repeats(&ids).0.into_iter();
    for feed in feeds {
        for s in &feed.services {
            if repeated.next() == Some(false) {
                merged.services.push(s.clone());
            }
        }
        merged.incidents.extend(feed.incidents.iter().map(|inc| {
            Incident {
                publisher: Some(
                    inc.publisher
                        .clone()
                        .unwrap_or_else(|| feed.publisher.name.clone()),
                ),
                ..inc.clone()
            }
        }));
    }
    Some(Cow::Owned(merged))
}

/// Only the incidents that affect one of `ids`, each showing only those services. An empty
/// list keeps everything, borrowed.
pub fn filter_services<'f>(feed: &'f Feed, ids: &[String]) -> Cow<'f, Feed> {
    if ids.is_empty() {
        return Cow::Borrowed(feed);
    }
    let wanted = |id: &str| ids.iter().any(|w| w == id);
    Cow::Owned(Feed {
        publisher: feed.publisher.clone(),
        updated_at: feed.updated_at,
        services: feed
            .services
            .iter()
            .filter(|s| wanted(&s.id))
            .cloned()
            .collect(),
        incidents: feed
            .incidents
            .iter()
            .filter(|inc| inc.impacts.iter().any(|i| wanted(&i.service)))
            .map(|inc| Incident {
                impacts: inc
                    .impacts
                    .iter()
                    .filter(|i| wanted(&i.service))
                    .cloned()
                    .collect(),
                ..inc.clone()
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::parse;
    use crate::i18n::Lang;

    fn feed(publisher: &str, incidents: &str) -> Feed {
        parse(&format!(
            r#"{{"version":1,"publisher":{{"name":"{publisher}"}},"services":[{{"id":"gov24","name":"정부24"}},{{"id":"saeol","name":"새올"}}],"incidents":[{incidents}]}}"#
        ))
        .unwrap()
    }

    const A: &str = r#"{"id":"a","kind":"outage","status":"identified","title":"a","impacts":[{"service":"gov24","status":"down"},{"service":"saeol","status":"down"}]}"#;
    const B: &str = r#"{"id":"b","kind":"notice","status":"identified","title":"b"}"#;

    #[test]
    fn merged_incidents_keep_their_publisher() {
        let (x, y) = (feed("행정안전부", A), feed("카카오", B));
        let m = merge(&[&x, &y]).unwrap();
        let publishers: Vec<&str> = m
            .incidents
            .iter()
            .map(|i| i.publisher.as_ref().unwrap().pick(Lang::Ko))
            .collect();
        assert_eq!(publishers, ["행정안전부", "카카오"]);
        assert_eq!(m.services.len(), 2, "the same ids are pooled");
        assert!(
            matches!(merge(&[&x]), Some(Cow::Borrowed(f)) if *f == x),
            "one feed is left as it is, uncopied"
        );
        assert_eq!(merge(&[]), None);
    }

    #[test]
    fn pooled_services_keep_the_first_declaration_of_each_id_in_feed_order() {
        let with = |services: &str| {
            parse(&format!(
                r#"{{"version":1,"publisher":{{"name":"p"}},"services":[{services}],"incidents":[]}}"#
            ))
            .unwrap()
        };
        let x = with(r#"{"id":"b","name":"B"},{"id":"a","name":"A"},{"id":"b","name":"B2"}"#);
        let y = with(r#"{"id":"a","name":"A from y"},{"id":"c","name":"C"}"#);
        let m = merge(&[&x, &y]).unwrap();
        let pooled: Vec<(&str, &str)> = m
            .services
            .iter()
            .map(|s| (s.id.as_str(), s.name.pick(Lang::Ko)))
            .collect();
        assert_eq!(pooled, [("b", "B"), ("a", "A"), ("c", "C")]);
    }

    #[test]
    fn filter_keeps_only_incidents_on_chosen_services() {
        let f = feed("p", &format!("{A},{B}"));
        let only = filter_services(&f, &["saeol".into()]);
        assert_eq!(only.incidents.len(), 1);
        assert_eq!(only.incidents[0].impacts.len(), 1);
        assert_eq!(only.incidents[0].impacts[0].service, "saeol");
        assert!(
            matches!(filter_services(&f, &[]), Cow::Borrowed(g) if *g == f),
            "no filter: borrowed as it is"
        );
    }
}
