//! When to ask the origin again. Pure arithmetic, so a million readers can be simulated
//! with a virtual clock (`benches/origin_load.rs`) and every rule is tested natively.
//!
//! - The first poll is jittered over a whole interval, so readers who opened an article at
//!   the same moment do not come back together.
//! - After a failure, exponential backoff with jitter, capped at 15 minutes, and never
//!   sooner than a healthy poll would come (so an outage never raises the load); a server's
//!   `Retry-After` is a floor.
//! - After a success, `Cache-Control: max-age` may stretch the interval, never shrink it.

use crate::time::Instant;
use core::time::Duration;

/// Polling interval unless the page says otherwise.
pub const DEFAULT_INTERVAL: Duration = Duration::from_secs(60);
/// The shortest interval a page may ask for: an origin in trouble needs room to breathe.
pub const MIN_INTERVAL: Duration = Duration::from_secs(15);
/// The longest wait after failures.
pub const MAX_BACKOFF: Duration = Duration::from_secs(15 * 60);
/// The longest wait a server may impose through `max-age` or `Retry-After`.
pub const MAX_SERVER_DELAY: Duration = Duration::from_secs(60 * 60);

/// Reads the `poll` attribute (seconds): `None` for `0` (no polling); missing or invalid
/// values give the default; values under the minimum are raised to it.
pub fn interval(attr: Option<&str>) -> Option<Duration> {
    let Some(secs) = attr.and_then(number) else {
        return Some(DEFAULT_INTERVAL);
    };
    if secs == 0.0 {
        return None;
    }
    Some(Duration::from_secs_f64(secs.min(1e9)).clamp(MIN_INTERVAL, MAX_SERVER_DELAY))
}

/// An attribute's number as pages write it (`"90"`, `" 1.5 "`): digits with an optional
/// fraction, read to the thousandth; anything else (signs, exponents, `inf`) is `None`, and
/// the attribute's default applies.
///
/// Not `str::parse::<f64>`: its tables and code are 15 KB of wasm (6 KB gzip; BENCHMARKS.md)
/// for three attributes. The digits go through `str::parse::<u64>`.
pub fn number(attr: &str) -> Option<f64> {
    let s = attr.trim();
    let (whole, fraction) = s.split_once('.').unwrap_or((s, ""));
    let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if whole.len() + fraction.len() == 0 || !digits(whole) || !digits(fraction) {
        return None;
    }
    let whole: u64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let thousandths: u64 = format!("{fraction:0<3}").get(..3)?.parse().ok()?;
    Some(whole as f64 + thousandths as f64 / 1000.0)
}

/// How the last request went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// A good answer (new, unchanged or `304`), with the server's `max-age`, if any.
    Fresh { max_age: Option<Duration> },
    /// Any failure, the `n`th in a row (from 1), with the server's `Retry-After`, if any.
    Failed {
        in_a_row: u32,
        retry_after: Option<Duration>,
    },
}

/// The delay before the first poll: `random` (in `[0, 1)`) of an interval.
pub fn first_delay(interval: Duration, random: f64) -> Duration {
    interval.mul_f64(random.clamp(0.0, 1.0))
}

/// The delay before the next poll after `outcome`; `random` is in `[0, 1)`.
pub fn next_delay(interval: Duration, outcome: Outcome, random: f64) -> Duration {
    let random = random.clamp(0.0, 1.0);
    match outcome {
        Outcome::Fresh { max_age } => {
            interval.max(max_age.unwrap_or_default().min(MAX_SERVER_DELAY))
        }
        Outcome::Failed {
            in_a_row,
            retry_after,
        } => {
            // The n-th failure waits between 2^(n-1) and 2^n intervals ("equal jitter"): never
            // sooner than a healthy poll, spread so retries do not come back together.
            let doublings = in_a_row.clamp(1, 16);
            let base = interval.saturating_mul(1 << doublings).min(MAX_BACKOFF);
            let jittered = (base / 2).max(interval.min(MAX_BACKOFF)) + (base / 2).mul_f64(random);
            let jittered = jittered.min(MAX_BACKOFF);
            jittered.max(retry_after.unwrap_or_default().min(MAX_SERVER_DELAY))
        }
    }
}

/// Reads `Retry-After`: delay-seconds or an HTTP date, relative to `now`.
pub fn parse_retry_after(value: &str, now: &Instant) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = crate::time::parse_http_date(value)?;
    let secs = at.signed_duration_since(*now).num_seconds().max(0);
    Some(Duration::from_secs(secs as u64))
}

/// Reads `max-age` from `Cache-Control`; `None` when absent or when the response must not
/// be reused anyway (`no-store`, `no-cache`).
pub fn parse_max_age(cache_control: &str) -> Option<Duration> {
    let mut max_age = None;
    for directive in cache_control
        .split(',')
        .map(|d| d.trim().to_ascii_lowercase())
    {
        if directive == "no-store" || directive == "no-cache" {
            return None;
        }
        if let Some(v) = directive.strip_prefix("max-age=") {
            max_age = v.trim_matches('"').parse().ok().map(Duration::from_secs);
        }
    }
    max_age
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIN: Duration = Duration::from_secs(60);

    #[test]
    fn poll_attribute() {
        assert_eq!(interval(None), Some(DEFAULT_INTERVAL));
        assert_eq!(interval(Some("0")), None);
        assert_eq!(
            interval(Some("5")),
            Some(MIN_INTERVAL),
            "raised to the minimum"
        );
        assert_eq!(interval(Some("120")), Some(Duration::from_secs(120)));
        assert_eq!(
            interval(Some(" 90.5 ")),
            Some(Duration::from_millis(90_500))
        );
        assert_eq!(interval(Some("7200")), Some(MAX_SERVER_DELAY));
        assert_eq!(interval(Some("soon")), Some(DEFAULT_INTERVAL));
        assert_eq!(interval(Some("-3")), Some(DEFAULT_INTERVAL));
    }

    #[test]
    fn first_poll_is_spread_over_one_interval() {
        assert_eq!(first_delay(MIN, 0.0), Duration::ZERO);
        assert_eq!(first_delay(MIN, 0.5), Duration::from_secs(30));
        assert!(first_delay(MIN, 0.999_999) < MIN);
    }

    #[test]
    fn max_age_stretches_but_never_shrinks_the_interval() {
        let fresh = |s| Outcome::Fresh {
            max_age: Some(Duration::from_secs(s)),
        };
        assert_eq!(next_delay(MIN, fresh(300), 0.3), Duration::from_secs(300));
        assert_eq!(next_delay(MIN, fresh(10), 0.3), MIN);
        assert_eq!(next_delay(MIN, fresh(999_999), 0.3), MAX_SERVER_DELAY);
        assert_eq!(next_delay(MIN, Outcome::Fresh { max_age: None }, 0.9), MIN);
    }

    #[test]
    fn failures_back_off_exponentially_with_jitter_up_to_15_minutes() {
        let failed = |n| Outcome::Failed {
            in_a_row: n,
            retry_after: None,
        };
        // Never sooner than a healthy poll: an outage must not raise the load.
        assert_eq!(next_delay(MIN, failed(1), 0.0), Duration::from_secs(60));
        assert_eq!(next_delay(MIN, failed(1), 1.0), Duration::from_secs(120));
        assert_eq!(next_delay(MIN, failed(2), 0.0), Duration::from_secs(120));
        assert_eq!(next_delay(MIN, failed(2), 1.0), Duration::from_secs(240));
        assert_eq!(next_delay(MIN, failed(3), 1.0), Duration::from_secs(480));
        let slow = Duration::from_secs(3600);
        assert_eq!(
            next_delay(slow, failed(1), 0.9),
            MAX_BACKOFF,
            "capped for long intervals too"
        );
        assert_eq!(next_delay(MIN, failed(10), 1.0), MAX_BACKOFF);
        assert_eq!(
            next_delay(MIN, failed(u32::MAX), 0.5),
            MAX_BACKOFF.mul_f64(0.75)
        );
    }

    #[test]
    fn retry_after_is_a_floor() {
        let after = |s| Outcome::Failed {
            in_a_row: 1,
            retry_after: Some(Duration::from_secs(s)),
        };
        assert_eq!(next_delay(MIN, after(600), 0.0), Duration::from_secs(600));
        assert_eq!(next_delay(MIN, after(5), 0.0), Duration::from_secs(60));
        assert_eq!(next_delay(MIN, after(86_400), 0.0), MAX_SERVER_DELAY);
    }

    #[test]
    fn retry_after_reads_seconds_and_http_dates() {
        let now = chrono::DateTime::parse_from_rfc3339("2023-11-19T09:00:00Z").unwrap();
        assert_eq!(
            parse_retry_after("120", &now),
            Some(Duration::from_secs(120))
        );
        assert_eq!(
            parse_retry_after("Sun, 19 Nov 2023 09:05:00 GMT", &now),
            Some(Duration::from_secs(300))
        );
        assert_eq!(
            parse_retry_after("Sun, 19 Nov 2023 08:00:00 GMT", &now),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("later", &now), None);
        // Only IMF-fixdate, whole: no other zone, no missing or extra part, no bad month.
        for bad in [
            "Sun, 19 Nov 2023 09:05:00 +0900",
            "Sun, 19 Nov 2023 09:05:00",
            "Sun, 19 Nov 2023 09:05:00 GMT x",
            "Sun, 19 Foo 2023 09:05:00 GMT",
            "Sun, 31 Nov 2023 09:05:00 GMT",
            "Sun, 19 Nov 2023 25:05:00 GMT",
        ] {
            assert_eq!(parse_retry_after(bad, &now), None, "{bad}");
        }
    }

    #[test]
    fn max_age_reads_cache_control() {
        assert_eq!(
            parse_max_age("public, max-age=300"),
            Some(Duration::from_secs(300))
        );
        assert_eq!(parse_max_age("max-age=300, no-cache"), None);
        assert_eq!(parse_max_age("no-store"), None);
        assert_eq!(parse_max_age("public"), None);
    }
}
