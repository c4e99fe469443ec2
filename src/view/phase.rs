//! Where an incident stands at a given instant; the banner ranks by it.

use crate::feed::{Incident, Kind};
use crate::time::Instant;
use chrono::TimeDelta;

/// An incident's place relative to `now`, in banner priority order (first is most urgent).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Phase {
    /// Something is broken now.
    ActiveOutage,
    /// Planned work is happening now.
    MaintenanceInProgress,
    /// Planned work starts within the horizon.
    UpcomingMaintenance,
    /// A notice that applies now.
    ActiveNotice,
    /// Planned work or a notice beyond the horizon: not announced yet.
    Later,
    /// Over: resolved, completed, ended or past its window.
    Past,
}

impl Phase {
    /// True for phases the banner announces.
    pub fn is_current(self) -> bool {
        self < Phase::Later
    }
}

/// Classifies `inc` at `now`; `horizon` is how far ahead upcoming maintenance is announced.
pub fn phase(inc: &Incident, now: &Instant, horizon: TimeDelta) -> Phase {
    if inc.status.is_closed() || inc.ended_at.is_some_and(|e| e <= *now) {
        return Phase::Past;
    }
    let window = inc.scheduled.as_ref();
    if window.and_then(|w| w.until).is_some_and(|u| u <= *now) {
        return Phase::Past;
    }
    let from = window.map(|w| w.from).or(inc.started_at);
    let begun = from.is_none_or(|f| f <= *now);
    match inc.kind {
        Kind::Outage => Phase::ActiveOutage,
        Kind::Maintenance if inc.status == crate::feed::Status::InProgress => {
            Phase::MaintenanceInProgress
        }
        Kind::Maintenance => match from {
            Some(f) if f <= *now => Phase::MaintenanceInProgress,
            Some(f) if f - *now <= horizon => Phase::UpcomingMaintenance,
            Some(_) => Phase::Later,
            None => Phase::UpcomingMaintenance,
        },
        Kind::Notice if begun => Phase::ActiveNotice,
        Kind::Notice => Phase::Later,
    }
}
