//! The feed's declared services, found by id. A timeline page names hundreds of services and
//! the static page every one, while a feed may declare tens of thousands: with 40,000, a scan
//! per name cost 10 of the static page's 14 s (40 incidents of 1,000 services each). Each
//! lookup is a binary search.

use crate::feed::{Feed, Service};
use crate::i18n::Lang;

/// One feed's services with their ids in sorted order, built once per view.
pub struct Services<'a> {
    services: &'a [Service],
    ids: Vec<&'a str>,
    by_id: Vec<usize>,
}

impl<'a> Services<'a> {
    /// Sorts `feed`'s service ids: O(n log n), once, for lookups in O(log n).
    pub fn of(feed: &'a Feed) -> Self {
        let ids: Vec<&str> = feed.services.iter().map(|s| s.id.as_str()).collect();
        let (_, by_id) = crate::ids::repeats(&ids);
        Services {
            services: &feed.services,
            ids,
            by_id,
        }
    }

    /// The service declared with this id; of two with one id, the first, as in the feed.
    pub fn get(&self, id: &str) -> Option<&'a Service> {
        crate::ids::first(&self.ids, &self.by_id, id).map(|k| &self.services[k])
    }

    /// The display name of a service id: its declared name, else the id itself.
    pub fn name(&self, id: &str, lang: Lang) -> String {
        self.get(id)
            .map_or_else(|| id.to_string(), |s| s.name.pick(lang).to_string())
    }
}
