//! Display zones from the browser's `Intl`: we ship no time-zone database.

use super::local::Local;

use crate::feed::Feed;
use crate::time::{
    known_abbreviation, offset_abbr, steady_zone, FixedZone, Instant, Zone, ZoneInfo,
};
use core::cell::{OnceCell, RefCell};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

/// The zone named `name` (`Asia/Seoul`), or the reader's own zone for `None`; `None` back
/// when the browser does not know the name. Steady zones (Korea, Japan, UTC) answer without
/// `Intl` for every instant after their last offset change.
pub fn named(name: Option<&str>) -> Option<Box<dyn Zone>> {
    if let Some((fixed, since)) = name.and_then(steady_zone) {
        return Some(Box::new(SteadyZone {
            name: name.unwrap_or_default().to_string(),
            fixed,
            since,
            before: OnceCell::new(),
        }));
    }
    IntlZone::new(name).map(|z| Box::new(z) as Box<dyn Zone>)
}

/// The zone a `time-zone` attribute names (`local` = the reader's), if known.
pub fn of_attribute(name: &str) -> Option<Box<dyn Zone>> {
    match name.trim() {
        "local" => named(None),
        other => named(Some(other)),
    }
}

/// The display zone: the `time-zone` attribute (`local` = the reader's), else the
/// publisher's zone, else the offset the feed's own timestamps use.
pub fn for_feed(attr: Option<&str>, feed: &Feed) -> Box<dyn Zone> {
    if let Some(z) = attr.and_then(of_attribute) {
        return z;
    }
    if let Some(z) = feed
        .publisher
        .time_zone
        .as_deref()
        .and_then(|n| named(Some(n)))
    {
        return z;
    }
    let first = feed
        .incidents
        .iter()
        .find_map(crate::view::start_of)
        .or(feed.updated_at);
    match first {
        Some(t) => Box::new(FixedZone::from_offset(t.offset().local_minus_utc())),
        None => named(None).unwrap_or_else(|| Box::new(FixedZone::kst())),
    }
}

/// A zone with one offset since `since` (Unix seconds); `Intl` is asked, once, only about
/// earlier instants.
struct SteadyZone {
    name: String,
    fixed: FixedZone,
    since: i64,
    before: OnceCell<Option<IntlZone>>,
}

impl Zone for SteadyZone {
    fn at(&self, t: &Instant) -> ZoneInfo {
        if t.timestamp() >= self.since {
            return self.fixed.at(t);
        }
        match self.before.get_or_init(|| IntlZone::new(Some(&self.name))) {
            Some(intl) => intl.at(t),
            None => self.fixed.at(t),
        }
    }
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    #[derive(Clone)]
    type DateTimeFormat;

    // `catch`: an unknown zone name throws a RangeError, which we turn into a fallback.
    #[wasm_bindgen(catch, constructor, js_namespace = Intl, js_class = "DateTimeFormat")]
    fn new(locale: &str, options: &Object) -> Result<DateTimeFormat, JsValue>;

    #[wasm_bindgen(method, js_name = formatToParts)]
    fn format_to_parts(this: &DateTimeFormat, millis: f64) -> Array;

    #[wasm_bindgen(method, js_name = resolvedOptions)]
    fn resolved_options(this: &DateTimeFormat) -> Object;
}

/// An IANA zone, read through `Intl.DateTimeFormat`.
#[derive(Clone)]
pub struct IntlZone {
    name: String,
    offsets: DateTimeFormat,
    names: DateTimeFormat,
}

fn formatter(zone: Option<&str>, style: &str) -> Result<DateTimeFormat, JsValue> {
    let options = Object::new();
    if let Some(z) = zone {
        Reflect::set(&options, &"timeZone".into(), &z.into())?;
    }
    Reflect::set(&options, &"timeZoneName".into(), &style.into())?;
    DateTimeFormat::new("en-US", &options)
}

/// A zone's name (`None`: the reader's own) and the zone built for it.
type Built = (Option<String>, IntlZone);

/// Zones already built: every render asks for its zone, and each `Intl.DateTimeFormat` costs
/// far more than the lookup.
static BUILT: Local<RefCell<Vec<Built>>> = Local::new(RefCell::new(Vec::new()));

impl IntlZone {
    /// The zone named `name` (`Asia/Seoul`), or the reader's own zone for `None`;
    /// `None` back when the browser does not know the name.
    pub fn new(name: Option<&str>) -> Option<IntlZone> {
        let key = name.map(str::to_string);
        if let Some(z) = BUILT.with(|b| b.borrow().iter().find(|(k, _)| *k == key).cloned()) {
            return Some(z.1);
        }
        let zone = Self::build(name)?;
        BUILT.with(|b| b.borrow_mut().push((key, zone.clone())));
        Some(zone)
    }

    fn build(name: Option<&str>) -> Option<IntlZone> {
        let offsets = formatter(name, "longOffset").ok()?;
        let names = formatter(name, "short").ok()?;
        let resolved = Reflect::get(&offsets.resolved_options(), &"timeZone".into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        Some(IntlZone {
            name: resolved,
            offsets,
            names,
        })
    }
}

fn zone_part(f: &DateTimeFormat, millis: f64) -> String {
    f.format_to_parts(millis)
        .iter()
        .find(|p| {
            Reflect::get(p, &"type".into())
                .ok()
                .and_then(|t| t.as_string())
                .as_deref()
                == Some("timeZoneName")
        })
        .and_then(|p| Reflect::get(&p, &"value".into()).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// Reads `GMT+09:00`, `GMT-03:30` or `GMT` as seconds east of UTC.
fn parse_gmt_offset(s: &str) -> i32 {
    let rest = s
        .strip_prefix("GMT")
        .or_else(|| s.strip_prefix("UTC"))
        .unwrap_or(s);
    let (sign, rest) = match rest.as_bytes().first() {
        Some(b'+') => (1, rest.strip_prefix('+').unwrap_or(rest)),
        Some(b'-') | Some(0xE2) => (-1, rest.trim_start_matches(['-', '\u{2212}'])),
        _ => return 0,
    };
    let mut it = rest.split(':');
    let mut part = || {
        it.next()
            .and_then(|n| n.parse::<u64>().ok())
            .map_or(0, |n| n.min(99) as i32)
    };
    let (h, m) = (part(), part());
    sign * (h * 3600 + m * 60)
}

impl Zone for IntlZone {
    fn at(&self, t: &Instant) -> ZoneInfo {
        let millis = t.timestamp_millis() as f64;
        let offset_seconds = parse_gmt_offset(&zone_part(&self.offsets, millis));
        let abbr = match known_abbreviation(&self.name) {
            Some(a) => a.to_string(),
            None => {
                let short = zone_part(&self.names, millis);
                // `GMT+9` is how Intl names zones without a well-known abbreviation;
                // a bare `GMT` (London in winter) is a real name.
                if short.is_empty() || short.starts_with("GMT+") || short.starts_with("GMT-") {
                    offset_abbr(offset_seconds)
                } else {
                    short
                }
            }
        };
        ZoneInfo {
            offset_seconds,
            abbr,
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn gmt_offsets() {
        assert_eq!(super::parse_gmt_offset("GMT+09:00"), 9 * 3600);
        assert_eq!(super::parse_gmt_offset("GMT-03:30"), -(3 * 3600 + 1800));
        assert_eq!(super::parse_gmt_offset("GMT"), 0);
    }
}
