//! What the reader is told when a feed cannot be (re)loaded: a full message when there is
//! nothing else to show, a short stale line beside the last good data otherwise.

use crate::i18n::Lang;
use crate::time::{elapsed, Instant};

/// Why the latest load failed, as far as the reader needs to know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Offline, DNS, CORS, connection reset.
    Network,
    /// No answer within the timeout.
    Timeout,
    /// An HTTP error status.
    Http(u16),
    /// Larger than the `max-bytes` limit.
    TooLarge,
    /// Not a valid feed; `path` is the first problem's JSON path (may be empty).
    Invalid { path: String },
}

/// `template` with its `{status}` placeholder replaced by `status`. By hand with `char`
/// patterns: `str::replace` links a substring searcher into the wasm for this one use.
fn fill(template: &str, status: u16) -> String {
    let parts = template
        .split_once('{')
        .and_then(|(before, rest)| Some((before, rest.split_once('}')?.1)));
    match parts {
        Some((before, after)) => format!("{before}{status}{after}"),
        None => template.to_string(),
    }
}

/// The message shown when there is no good data at all.
pub fn message(problem: &Problem, lang: Lang) -> String {
    let l = lang.messages().labels();
    match problem {
        Problem::Network => l.error_fetch.to_string(),
        Problem::Timeout => l.error_timeout.to_string(),
        Problem::Http(status) => fill(l.error_http, *status),
        Problem::TooLarge => l.error_too_large.to_string(),
        Problem::Invalid { path } if path.is_empty() => l.error_feed.to_string(),
        Problem::Invalid { path } => format!("{} ({path})", l.error_feed),
    }
}

/// The line beside stale data: `마지막 확인: 3분 전 · 업데이트 실패 (서버 응답 503)`.
/// Without a problem (data from storage, refresh under way) only the first part.
pub fn stale(last_ok: &Instant, problem: Option<&Problem>, now: &Instant, lang: Lang) -> String {
    let m = lang.messages();
    let l = m.labels();
    let checked = format!("{}: {}", l.last_checked, m.ago(elapsed(last_ok, now)));
    let Some(problem) = problem else {
        return checked;
    };
    let reason = match problem {
        Problem::Network => l.reason_network.to_string(),
        Problem::Timeout => l.reason_timeout.to_string(),
        Problem::Http(status) => fill(l.reason_http, *status),
        Problem::TooLarge => l.reason_too_large.to_string(),
        Problem::Invalid { .. } => l.reason_invalid.to_string(),
    };
    format!("{checked} · {} ({reason})", l.update_failed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Instant {
        chrono::DateTime::parse_from_rfc3339(s).unwrap()
    }

    #[test]
    fn stale_line_in_both_languages() {
        let (ok, now) = (
            at("2023-11-19T18:37:00+09:00"),
            at("2023-11-19T18:40:30+09:00"),
        );
        assert_eq!(
            stale(&ok, Some(&Problem::Http(503)), &now, Lang::Ko),
            "마지막 확인: 3분 전 · 업데이트 실패 (서버 응답 503)"
        );
        assert_eq!(
            stale(&ok, Some(&Problem::Timeout), &now, Lang::En),
            "Last checked: 3 min ago · update failed (timed out)"
        );
        assert_eq!(stale(&ok, None, &now, Lang::Ko), "마지막 확인: 3분 전");
    }

    #[test]
    fn messages_without_data() {
        assert_eq!(
            message(&Problem::Http(404), Lang::En),
            "Could not load incident information (server answered 404)."
        );
        assert_eq!(
            message(
                &Problem::Invalid {
                    path: "incidents[0].started_at".into()
                },
                Lang::Ko
            ),
            "장애 정보 형식이 올바르지 않습니다. (incidents[0].started_at)"
        );
        assert_eq!(
            message(
                &Problem::Invalid {
                    path: String::new()
                },
                Lang::Ko
            ),
            "장애 정보 형식이 올바르지 않습니다."
        );
    }
}
