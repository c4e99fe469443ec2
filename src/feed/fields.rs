//! How the feed's own kinds of values are read and written, where serde's defaults do not
//! say it: texts (a string or a language map, never empty), timestamps (RFC 3339 with their
//! offset), lists that may be `null`, and the `version` number.
//!
//! Their errors are [`ErrorKind`]s written out as serde messages; [`ErrorKind::from_message`]
//! reads them back, so each keeps its meaning through any deserializer.

use super::error::{ErrorKind, TEXT_EXPECTED, VERSION_EXPECTED};
use super::Text;
use crate::time::Instant;
use core::fmt;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};

fn fail<E: de::Error>(kind: ErrorKind) -> E {
    E::custom(kind)
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(TEXT_EXPECTED)
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Text, E> {
        self.visit_string(s.to_string())
    }

    fn visit_string<E: de::Error>(self, s: String) -> Result<Text, E> {
        if s.trim().is_empty() {
            return Err(fail(ErrorKind::EmptyText));
        }
        Ok(Text::Plain(s))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
        let mut out: Vec<(String, String)> = Vec::new();
        while let Some((lang, words)) = map.next_entry::<String, String>()? {
            // A repeated language counts once, with its last value.
            match out.iter_mut().find(|(l, _)| *l == lang) {
                Some(entry) => entry.1 = words,
                None => out.push((lang, words)),
            }
        }
        if out.is_empty() {
            return Err(fail(ErrorKind::EmptyText));
        }
        crate::sort::sort_by(&mut out, |a, b| a.0.cmp(&b.0));
        Ok(Text::Localized(out))
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
        d.deserialize_any(TextVisitor)
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Text::Plain(words) => s.serialize_str(words),
            Text::Localized(map) => {
                let mut m = s.serialize_map(Some(map.len()))?;
                for (lang, words) in map {
                    m.serialize_entry(lang, words)?;
                }
                m.end()
            }
        }
    }
}

/// One RFC 3339 timestamp with its offset, read on its own (the feed's `updated_at`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timestamp(pub Instant);

struct InstantVisitor;

impl Visitor<'_> for InstantVisitor {
    type Value = Instant;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Instant, E> {
        crate::time::parse_rfc3339(s).ok_or_else(|| {
            let value = s.to_string();
            fail(if crate::time::lacks_offset(s) {
                ErrorKind::NoOffset { value }
            } else {
                ErrorKind::BadTimestamp { value }
            })
        })
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Timestamp, D::Error> {
        d.deserialize_str(InstantVisitor).map(Timestamp)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0.to_rfc3339())
    }
}

/// `#[serde(with)]` for a required timestamp.
pub mod instant {
    use super::*;

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Instant, D::Error> {
        Timestamp::deserialize(d).map(|t| t.0)
    }

    pub fn serialize<S: Serializer>(t: &Instant, s: S) -> Result<S::Ok, S::Error> {
        Timestamp(*t).serialize(s)
    }
}

/// `#[serde(with)]` for an optional timestamp: absent or `null` is `None`.
pub mod opt_instant {
    use super::*;

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Instant>, D::Error> {
        Ok(Option::<Timestamp>::deserialize(d)?.map(|t| t.0))
    }

    pub fn serialize<S: Serializer>(t: &Option<Instant>, s: S) -> Result<S::Ok, S::Error> {
        t.map(Timestamp).serialize(s)
    }
}

/// A list that may be absent or `null` (both are empty); anything else but an array is the
/// error "expected an array" (serde's "a sequence").
pub fn list<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    Option::<Vec<T>>::deserialize(d).map(Option::unwrap_or_default)
}

/// The feed's `version`: the number 1, the only one this widget reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Version;

struct VersionVisitor;

impl Visitor<'_> for VersionVisitor {
    type Value = Version;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(VERSION_EXPECTED)
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Version, E> {
        version(n == 1, n)
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Version, E> {
        // A negative whole number.
        version(n == 1, n)
    }

    fn visit_f64<E: de::Error>(self, n: f64) -> Result<Version, E> {
        // JavaScript has only floating-point numbers: 1.0 is the integer 1.
        if n == 1.0 {
            return Ok(Version);
        }
        // Written without the float formatter (several kilobytes of wasm for one message).
        if n.fract() == 0.0 && n.abs() < 1e15 {
            version(false, n as i64)
        } else {
            version(false, "not a whole number")
        }
    }
}

/// Version 1 when `one`, else the error naming the version `found`.
fn version<E: de::Error>(one: bool, found: impl ToString) -> Result<Version, E> {
    if one {
        return Ok(Version);
    }
    Err(fail(ErrorKind::UnsupportedVersion {
        found: found.to_string(),
    }))
}

impl<'de> Deserialize<'de> for Version {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Version, D::Error> {
        d.deserialize_any(VersionVisitor)
    }
}

impl Serialize for Version {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(1)
    }
}
