//! The one place the browser's clock is read (the widget's and the desk's layers; the core
//! never reads the time itself, it is handed an instant).

use crate::time::Instant;
use chrono::DateTime;

/// Now, in ms since the epoch.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Now, as an instant (UTC).
pub fn now() -> Instant {
    DateTime::from_timestamp_millis(now_ms() as i64)
        .unwrap_or_default()
        .fixed_offset()
}

/// When this page's life began (`performance.timeOrigin`, ms since the epoch); `+∞` where
/// the engine does not say, so that nothing stored counts as this page's.
pub fn page_started_ms() -> f64 {
    js_sys::Reflect::get(&js_sys::global(), &"performance".into())
        .and_then(|p| js_sys::Reflect::get(&p, &"timeOrigin".into()))
        .ok()
        .and_then(|t| t.as_f64())
        .unwrap_or(f64::INFINITY)
}
