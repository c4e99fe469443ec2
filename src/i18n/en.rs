//! English: `Tue 18 Jul 2023, 10:54 AM KST`, `1 h 26 min`.

use super::{DurationParts, Labels, Messages};
#[cfg(feature = "timeline")]
use super::{TimelineLabels, TimelineMessages};
#[cfg(feature = "timeline")]
use crate::feed::{ImpactLevel, Status};
use crate::feed::{Kind, Severity};
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Timelike};

/// The English vocabulary.
pub struct En;

const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

static LABELS: Labels = Labels {
    affected: "Affected",
    expected_end: "Expected back",
    latest_update: "Latest update",
    starts: "Starts",
    ends: "Ends",
    more_info: "More information",
    new_window: "opens in a new window",
    loading: "Loading incident information…",
    error_fetch: "Could not load incident information.",
    error_http: "Could not load incident information (server answered {status}).",
    error_feed: "The incident information is not in a valid format.",
    banner: "Service status",
    last_checked: "Last checked",
    update_failed: "update failed",
    dismiss: "Dismiss",
    update: "Update",
    error_timeout: "The incident information server is not answering.",
    error_too_large: "The incident information file is too large.",
    reason_network: "network error",
    reason_timeout: "timed out",
    reason_http: "server answered {status}",
    reason_too_large: "file too large",
    reason_invalid: "invalid format",
};

#[cfg(feature = "timeline")]
static TIMELINE_LABELS: TimelineLabels = TimelineLabels {
    region: "Region",
    cause: "Cause",
    publisher: "Published by",
    service: "Service",
    impact: "Status",
    start: "Failed",
    recovery: "Recovered",
    duration: "Duration",
    ongoing: "Ongoing",
    total_duration: "Total duration",
    workarounds: "What you can do",
    updates: "Official updates",
    links: "Links",
    no_incidents: "No known outages or maintenance.",
    showing: ["Showing incidents ", "–", " of ", ""],
    timeline: "Incident timeline",
    chronology: "What happened when",
    permalink: "Link to this incident",
    copy_link: "Copy link",
    copied: "Link copied",
    chart: "Outage chart",
    times_in: ["Times in ", ""],
    between: "–",
    official_updates: "Official updates",
};

#[cfg(feature = "timeline")]
fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

impl Messages for En {
    fn severity(&self, s: Severity) -> &'static str {
        match s {
            Severity::Critical => "Critical",
            Severity::Major => "Major",
            Severity::Minor => "Minor",
            Severity::Info => "Info",
        }
    }

    fn kind(&self, k: Kind) -> &'static str {
        match k {
            Kind::Outage => "Outage",
            Kind::Maintenance => "Maintenance",
            Kind::Notice => "Notice",
        }
    }

    fn date(&self, d: NaiveDate) -> String {
        format!(
            "{} {} {} {}",
            WEEKDAYS[d.weekday().num_days_from_monday() as usize],
            d.day(),
            MONTHS[d.month0() as usize],
            d.year()
        )
    }

    fn time(&self, t: NaiveTime) -> String {
        let (pm, h12) = t.hour12();
        format!("{h12}:{:02} {}", t.minute(), if pm { "PM" } else { "AM" })
    }

    fn datetime(&self, dt: NaiveDateTime, zone: &str) -> String {
        format!("{}, {} {zone}", self.date(dt.date()), self.time(dt.time()))
    }

    fn day_time(&self, dt: NaiveDateTime) -> String {
        format!(
            "{} {}, {}",
            dt.day(),
            MONTHS[dt.month0() as usize],
            self.time(dt.time())
        )
    }

    fn duration(&self, d: TimeDelta) -> String {
        let p = DurationParts::of(d);
        if p.is_zero() {
            return "under 1 min".into();
        }
        p.spell([" d", " h", " min"])
    }

    fn lasting(&self, d: TimeDelta) -> String {
        if DurationParts::of(d).is_zero() {
            return "just started".into();
        }
        format!("for {}", self.duration(d))
    }

    fn more(&self, n: usize) -> String {
        format!("+{n} more")
    }

    fn more_services(&self, n: usize) -> String {
        format!("and {} more", super::thousands(n))
    }

    fn skipped(&self, n: usize) -> String {
        match n {
            1 => "1 entry could not be shown".into(),
            n => format!("{} entries could not be shown", super::thousands(n)),
        }
    }

    fn ago(&self, d: TimeDelta) -> String {
        if d.num_minutes() < 1 {
            return "just now".into();
        }
        let p = DurationParts::of(d);
        match (p.days, p.hours) {
            (0, 0) => format!("{} min ago", p.minutes),
            (0, h) => format!("{h} h ago"),
            (days, _) => format!("{days} d ago"),
        }
    }

    fn labels(&self) -> &'static Labels {
        &LABELS
    }
}

#[cfg(feature = "timeline")]
impl TimelineMessages for En {
    fn status(&self, s: Status) -> &'static str {
        match s {
            Status::Investigating => "Investigating",
            Status::Identified => "Identified",
            Status::Monitoring => "Monitoring",
            Status::Resolved => "Resolved",
            Status::Scheduled => "Scheduled",
            Status::InProgress => "In progress",
            Status::Completed => "Completed",
            Status::Other => "Other status",
        }
    }

    fn impact(&self, i: ImpactLevel) -> &'static str {
        match i {
            ImpactLevel::Down => "Down",
            ImpactLevel::Partial => "Partial outage",
            ImpactLevel::Degraded => "Degraded",
            ImpactLevel::Maintenance => "Maintenance",
        }
    }

    fn recurrence(&self, nth: usize, days: i64) -> String {
        format!("{} outage in {days} days", ordinal(nth))
    }

    fn show_more(&self, remaining: usize) -> String {
        format!("Show more ({} left)", super::thousands(remaining))
    }

    fn show_newer(&self, hidden: usize) -> String {
        format!("Show newer ({} left)", super::thousands(hidden))
    }

    fn not_shown(&self, hidden: usize) -> String {
        format!("{} more not shown", super::thousands(hidden))
    }

    fn axis_time(&self, t: NaiveTime) -> String {
        format!("{:02}:{:02}", t.hour(), t.minute())
    }

    fn axis_day(&self, d: NaiveDate) -> String {
        format!("{} {}", d.day(), MONTHS[d.month0() as usize])
    }

    fn labels(&self) -> &'static TimelineLabels {
        &TIMELINE_LABELS
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dt(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn datetime_reads_like_an_english_report() {
        assert_eq!(
            En.datetime(dt("2023-07-18 10:54"), "KST"),
            "Tue 18 Jul 2023, 10:54 AM KST"
        );
        assert_eq!(En.time(dt("2023-07-18 12:20").time()), "12:20 PM");
        assert_eq!(En.time(dt("2023-07-18 00:00").time()), "12:00 AM");
    }

    #[test]
    fn durations_in_english() {
        assert_eq!(En.duration(TimeDelta::minutes(86)), "1 h 26 min");
        assert_eq!(En.duration(TimeDelta::minutes(3 * 1440 + 120)), "3 d 2 h");
        assert_eq!(En.duration(TimeDelta::minutes(45)), "45 min");
        assert_eq!(En.lasting(TimeDelta::minutes(162)), "for 2 h 42 min");
    }

    #[test]
    fn ordinals() {
        assert_eq!(En.recurrence(2, 90), "2nd outage in 90 days");
        assert_eq!(ordinal(1), "1st");
        assert_eq!(En.ago(TimeDelta::minutes(3)), "3 min ago");
        assert_eq!(En.ago(TimeDelta::seconds(3)), "just now");
        assert_eq!(ordinal(3), "3rd");
        assert_eq!(ordinal(11), "11th");
        assert_eq!(ordinal(12), "12th");
        assert_eq!(ordinal(22), "22nd");
        assert_eq!(ordinal(104), "104th");
    }
}
