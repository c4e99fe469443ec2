//! The elements' attributes, listed once: which element reads each, whether a change
//! re-renders (`define.js` observes it), and how a render's typed options are read from them.
//!
//! The browser layer (`dom::attributes`) hands in the element's attributes as a lookup
//! function; everything else here is pure, so the defaults and fallbacks are tested natively.
//! `define.js`'s `OBSERVED` list and the `.d.ts` are checked against [`ATTRIBUTES`] (tests
//! below), so the three cannot drift apart.

use crate::i18n::Lang;
use crate::time::Instant;
use crate::view::banner::{Dismissible, DEFAULT_HORIZON};
use chrono::TimeDelta;

/// Which element reads an attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadBy {
    Both,
    Banner,
    Timeline,
}

/// One attribute of the elements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attribute {
    pub name: &'static str,
    pub read_by: ReadBy,
    /// Changing it re-renders (or re-subscribes): it is in `define.js`'s `OBSERVED`.
    /// `timeout` and `max-bytes` are read when a request goes out instead.
    pub observed: bool,
}

const fn attribute(name: &'static str, read_by: ReadBy, observed: bool) -> Attribute {
    Attribute {
        name,
        read_by,
        observed,
    }
}

/// Every attribute either element reads. `variant` is read by the stylesheet alone.
pub const ATTRIBUTES: &[Attribute] = &[
    attribute("src", ReadBy::Both, true),
    attribute("lang", ReadBy::Both, true),
    attribute("time-zone", ReadBy::Both, true),
    attribute("now", ReadBy::Both, true),
    attribute("poll", ReadBy::Both, true),
    attribute("timeout", ReadBy::Both, false),
    attribute("max-bytes", ReadBy::Both, false),
    attribute("services", ReadBy::Both, true),
    attribute("variant", ReadBy::Both, true),
    attribute("theme", ReadBy::Both, true),
    attribute("horizon", ReadBy::Banner, true),
    attribute("dismissible", ReadBy::Banner, true),
    attribute("view", ReadBy::Timeline, true),
    attribute("chart", ReadBy::Timeline, true),
];

/// A lookup of the element's attributes by name (`Element::getAttribute`).
pub type Get<'a> = &'a dyn Fn(&str) -> Option<String>;

/// What both elements read for a render.
#[derive(Debug, Clone, PartialEq)]
pub struct Shared {
    /// Resolved by the caller: the nearest `lang`, then the document's, then Korean.
    pub lang: Lang,
    /// `services`: only incidents affecting these ids (empty: all).
    pub services: Vec<String>,
    /// `time-zone` as written (`local`, an IANA name); resolved against the feed at render.
    pub time_zone: Option<String>,
    /// `now` for demos of past incidents, else the clock's.
    pub now: Instant,
}

impl Shared {
    /// Reads the shared attributes; `clock` is the current instant.
    pub fn read(get: Get, lang: Lang, clock: Instant) -> Self {
        Shared {
            lang,
            services: get("services")
                .map(|s| s.split_whitespace().map(str::to_string).collect())
                .unwrap_or_default(),
            time_zone: get("time-zone"),
            now: get("now")
                .and_then(|a| crate::time::parse_rfc3339(a.trim()))
                .unwrap_or(clock),
        }
    }
}

/// A banner's options for one render.
#[derive(Debug, Clone, PartialEq)]
pub struct BannerOptions {
    pub shared: Shared,
    /// `horizon`: how far ahead planned maintenance is announced.
    pub horizon: TimeDelta,
    pub dismissible: Dismissible,
}

impl BannerOptions {
    /// Reads a banner's own attributes beside `shared`.
    pub fn read(get: Get, shared: Shared) -> Self {
        BannerOptions {
            shared,
            horizon: horizon(get("horizon").as_deref()),
            dismissible: Dismissible::from_attr(get("dismissible").as_deref()),
        }
    }
}

/// The `horizon` attribute in hours (at most ten years), else 72 h.
pub fn horizon(attr: Option<&str>) -> TimeDelta {
    attr.and_then(crate::poll::number)
        .filter(|&hours| hours < 24.0 * 365.0 * 10.0)
        .map(|hours| TimeDelta::seconds((hours * 3600.0) as i64))
        .unwrap_or(DEFAULT_HORIZON)
}

/// What a timeline shows (`view`).
#[cfg(feature = "timeline")]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// Incident cards, each day's chart above them (the default).
    Cards,
    /// One running story of every start, update and recovery.
    Chronology,
    /// The charts alone.
    Chart,
}

/// A timeline's options for one render.
#[cfg(feature = "timeline")]
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineOptions {
    pub shared: Shared,
    pub view: View,
    /// False with `chart="none"`: no chart above a day's incidents.
    pub chart: bool,
}

#[cfg(feature = "timeline")]
impl TimelineOptions {
    /// Reads a timeline's own attributes beside `shared`; unknown values mean the default.
    pub fn read(get: Get, shared: Shared) -> Self {
        let view = get("view").map(|v| v.trim().to_ascii_lowercase());
        TimelineOptions {
            shared,
            view: match view.as_deref() {
                Some("chronology") => View::Chronology,
                Some("chart") => View::Chart,
                _ => View::Cards,
            },
            chart: !get("chart").is_some_and(|v| v.trim().eq_ignore_ascii_case("none")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn from(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |name| {
            pairs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        }
    }

    fn clock() -> Instant {
        crate::time::parse_rfc3339("2023-07-18T12:00:00+09:00").unwrap()
    }

    #[test]
    fn defaults_apply_when_attributes_are_missing_or_wrong() {
        let get = from(&[("now", "yesterday"), ("horizon", "-5"), ("view", "table")]);
        let shared = Shared::read(&get, Lang::Ko, clock());
        assert_eq!(shared.now, clock());
        assert!(shared.services.is_empty());
        let banner = BannerOptions::read(&get, shared.clone());
        assert_eq!(banner.horizon, DEFAULT_HORIZON);
        assert_eq!(banner.dismissible, Dismissible::All);
        let timeline = TimelineOptions::read(&get, shared);
        assert_eq!((timeline.view, timeline.chart), (View::Cards, true));
    }

    #[test]
    fn attributes_are_read_as_pages_write_them() {
        let get = from(&[
            ("now", " 2023-07-18T10:54:00+09:00 "),
            ("services", " work24  worknet "),
            ("time-zone", "local"),
            ("horizon", "1.5"),
            ("dismissible", "non-critical"),
            ("view", " Chronology "),
            ("chart", "NONE"),
        ]);
        let shared = Shared::read(&get, Lang::En, clock());
        assert_eq!(shared.now.to_rfc3339(), "2023-07-18T10:54:00+09:00");
        assert_eq!(shared.services, ["work24", "worknet"]);
        assert_eq!(shared.time_zone.as_deref(), Some("local"));
        let banner = BannerOptions::read(&get, shared.clone());
        assert_eq!(banner.horizon, TimeDelta::minutes(90));
        assert_eq!(banner.dismissible, Dismissible::NonCritical);
        let timeline = TimelineOptions::read(&get, shared);
        assert_eq!((timeline.view, timeline.chart), (View::Chronology, false));
    }

    /// `define.js` observes exactly the attributes marked observed, in this order.
    #[test]
    fn define_js_observes_the_listed_attributes() {
        let define = include_str!("dom/define.js");
        let list = define
            .split_once("const OBSERVED = [")
            .and_then(|(_, rest)| rest.split_once(']'))
            .map(|(list, _)| list)
            .expect("define.js has `const OBSERVED = [...]`");
        let observed: Vec<&str> = list
            .split(',')
            .map(|s| s.trim().trim_matches('"'))
            .collect();
        let expected: Vec<&str> = ATTRIBUTES
            .iter()
            .filter(|a| a.observed)
            .map(|a| a.name)
            .collect();
        assert_eq!(observed, expected);
    }

    /// The `.d.ts` types every attribute in the interface of the element(s) reading it.
    #[test]
    fn the_types_name_every_attribute_where_it_is_read() {
        let dts = include_str!("dom/incident-banner.d.ts");
        let interface = |name: &str| {
            let start = dts
                .find(&format!("export interface {name} "))
                .unwrap_or_else(|| panic!("{name} in the .d.ts"));
            let body = &dts[start..];
            &body[..body.find("\n}").unwrap()]
        };
        let shared = interface("IncidentElementAttributes");
        let banner = interface("IncidentBannerAttributes");
        let timeline = interface("IncidentTimelineAttributes");
        let declares = |body: &str, name: &str| {
            let key = if name.contains('-') {
                format!("\"{name}\"")
            } else {
                name.to_string()
            };
            body.contains(&format!("\n  {key}?:")) || body.contains(&format!("\n  {key}:"))
        };
        for a in ATTRIBUTES {
            let (inside, outside): (&[&str], &[&str]) = match a.read_by {
                ReadBy::Both => (&[shared], &[banner, timeline]),
                ReadBy::Banner => (&[banner], &[shared, timeline]),
                ReadBy::Timeline => (&[timeline], &[shared, banner]),
            };
            assert!(inside.iter().all(|b| declares(b, a.name)), "{}", a.name);
            assert!(!outside.iter().any(|b| declares(b, a.name)), "{}", a.name);
        }
        // And nothing else: every attribute the types declare is one of ours.
        for body in [shared, banner, timeline] {
            for line in body
                .lines()
                .filter(|l| l.starts_with("  ") && l.contains("?:"))
            {
                let name = line.trim().split('?').next().unwrap().trim_matches('"');
                assert!(ATTRIBUTES.iter().any(|a| a.name == name), "{name}");
            }
        }
    }

    /// The browser layer reads attributes in one file, by the names listed here.
    #[test]
    fn the_browser_layer_reads_only_listed_attributes_in_one_place() {
        let reader = include_str!("dom/attributes.rs");
        for read in reader.split("get_attribute(\"").skip(1) {
            let name = read.split('"').next().unwrap();
            assert!(ATTRIBUTES.iter().any(|a| a.name == name), "{name}");
        }
        for a in ATTRIBUTES.iter().filter(|a| a.name != "variant") {
            let read = reader.contains(&format!("get_attribute(\"{}\")", a.name))
                || reader.contains(&format!("get(\"{}\")", a.name))
                || include_str!("attributes.rs").contains(&format!("get(\"{}\")", a.name));
            assert!(read, "{} is read", a.name);
        }
        for (file, text) in [
            ("elements.rs", include_str!("dom/elements.rs")),
            ("source.rs", include_str!("dom/source.rs")),
            ("scheme.rs", include_str!("dom/scheme.rs")),
            ("banner.rs", include_str!("dom/banner.rs")),
            ("timeline.rs", include_str!("dom/timeline.rs")),
            ("shown.rs", include_str!("dom/shown.rs")),
        ] {
            for a in ATTRIBUTES {
                assert!(
                    !text.contains(&format!("get_attribute(\"{}\")", a.name)),
                    "{file} reads {} itself",
                    a.name
                );
            }
        }
    }
}
