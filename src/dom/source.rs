//! One feed URL on this page: its data, its poll schedule and who shows it.
//!
//! Every element showing the same URL subscribes to one [`Source`], so a banner and a
//! timeline share each request. The last good feed survives failures (and page loads,
//! through storage); polling pauses while the tab is hidden; when the last element leaves,
//! the timer goes with it.

use super::local::Local;

use super::fetch::{self, Failure, Fetched, Validators};
use super::listen::{self, Added};
use super::timer::Timeout;
use super::{attributes, document, storage, warn};
use crate::clock;
use crate::feed::{self, Feed, ParseError};
use crate::poll::{self, Outcome};
use crate::view::notice::Problem;
use core::cell::RefCell;
use core::time::Duration;
use std::rc::Rc;
use web_sys::HtmlElement;

/// What elements read from a source to render.
#[derive(Clone, Default)]
pub struct Snapshot {
    pub feed: Option<Rc<Feed>>,
    /// The last load's failure, if it failed.
    pub problem: Option<Problem>,
    /// When the data on screen was last confirmed by the origin (ms since the epoch);
    /// older than this page when it came from storage.
    pub confirmed_at: Option<f64>,
    /// True until this page has heard from the origin once.
    pub from_storage: bool,
    /// The entries of the feed that could not be read and are not shown.
    pub skipped: Rc<Vec<ParseError>>,
}

impl Snapshot {
    /// A good feed with the entries left out of it, confirmed by its origin at
    /// `confirmed_at` (ms since the epoch): from a response, a data block or `element.feed`.
    pub fn of(feed: Feed, skipped: Vec<ParseError>, confirmed_at: Option<f64>) -> Self {
        Snapshot {
            feed: Some(Rc::new(feed)),
            problem: None,
            confirmed_at,
            from_storage: false,
            skipped: Rc::new(skipped),
        }
    }

    /// `kept` (the last good data, if any) with the problem that came since.
    pub fn failed(problem: Problem, kept: Option<Snapshot>) -> Self {
        Snapshot {
            problem: Some(problem),
            ..kept.unwrap_or_default()
        }
    }
}

/// How a source tells a subscriber that its data changed: the element, the URL and the
/// news. Elements pass their own; the source knows nothing of how they render.
pub type Notify = fn(&HtmlElement, &str, &Change);

/// The news for subscribers after a load.
pub struct Change {
    /// The feed before, when the content changed (for the live-region announcement).
    pub previous: Option<Rc<Feed>>,
    /// False when nothing the reader sees can have changed (`304`, same body).
    pub changed: bool,
}

struct Source {
    subscribers: Vec<(HtmlElement, Notify)>,
    snapshot: Snapshot,
    body: Option<Vec<u8>>,
    validators: Validators,
    failures: u32,
    in_flight: bool,
    /// When the last request started (ms).
    last_attempt: f64,
    timer: Option<Timeout>,
    /// False until the first poll is scheduled: that one is jittered.
    scheduled_once: bool,
    /// The work a new body brings besides the readers' update (see [`keep`]), in a task of
    /// its own; a newer body replaces (cancels) it.
    keeping: Option<Timeout>,
    /// Where the feed's entries stood in its document, for the paths of its warnings.
    positions: feed::Positions,
    /// A body arrived since the source was made. The first one counts as new for the
    /// warnings even when it equals the stored body: the banner module, which may have
    /// stored it, logs none.
    fetched: bool,
}

/// The last good body of `url`'s source as text, if it has shown a feed.
#[cfg(not(feature = "timeline"))]
pub fn body(url: &str) -> Option<String> {
    SOURCES.with(|all| {
        let all = all.borrow();
        let src = all.get(url)?;
        src.snapshot.feed.as_ref()?;
        String::from_utf8(src.body.clone()?).ok()
    })
}

/// Every source of the page, by URL. A page has a handful, so a list: a hash map would add
/// 4.6 KB of hashing code to the wasm.
#[derive(Default)]
struct Sources(Vec<(String, Source)>);

impl Sources {
    fn get(&self, url: &str) -> Option<&Source> {
        self.0.iter().find(|(u, _)| u == url).map(|(_, s)| s)
    }

    fn get_mut(&mut self, url: &str) -> Option<&mut Source> {
        self.0.iter_mut().find(|(u, _)| u == url).map(|(_, s)| s)
    }

    /// The source of `url`, created with `new` if the page has none yet.
    fn get_or_insert_with(&mut self, url: &str, new: impl FnOnce() -> Source) -> &mut Source {
        let i = match self.0.iter().position(|(u, _)| u == url) {
            Some(i) => i,
            None => {
                self.0.push((url.to_string(), new()));
                self.0.len() - 1
            }
        };
        &mut self.0[i].1
    }

    fn iter_mut(&mut self) -> impl Iterator<Item = (&String, &mut Source)> {
        self.0.iter_mut().map(|(u, s)| (&*u, s))
    }
}

static SOURCES: Local<RefCell<Sources>> = Local::new(RefCell::new(Sources(Vec::new())));
static VISIBILITY_LISTENING: Added = listen::not_added();

/// A feed with a mistake repeated in every incident would otherwise flood the console
/// (10,000 lines cost the browser more than the render); the CLI lists them all.
const MAX_LOGGED_WARNINGS: usize = 10;

fn hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden())
}

/// The current data of `url`.
pub fn snapshot(url: &str) -> Option<Snapshot> {
    SOURCES.with(|s| s.borrow().get(url).map(|src| src.snapshot.clone()))
}

/// Shows `url` in `el`: tells it what is known at once (through `notify`, as every later
/// change), and loads if this page has not yet.
pub fn subscribe(url: &str, el: &HtmlElement, notify: Notify) {
    listen_for_visibility();
    let needs_load = SOURCES.with(|s| {
        let mut sources = s.borrow_mut();
        let src = sources.get_or_insert_with(url, || from_storage(url));
        if !src.subscribers.iter().any(|(e, _)| e == el) {
            src.subscribers.push((el.clone(), notify));
        }
        !src.in_flight && (src.snapshot.from_storage || src.timer.is_none())
    });
    notify(
        el,
        url,
        &Change {
            previous: None,
            changed: true,
        },
    );
    if needs_load {
        load(url.to_string());
    }
}

/// Stops showing `url` in `el`; the last one out stops the polling.
pub fn unsubscribe(url: &str, el: &HtmlElement) {
    SOURCES.with(|s| {
        if let Some(src) = s.borrow_mut().get_mut(url) {
            src.subscribers.retain(|(e, _)| e != el);
            if src.subscribers.is_empty() {
                src.timer = None;
            }
        }
    });
}

impl Source {
    /// The origin just vouched for the data on screen: no failure, no longer from storage.
    fn confirmed(&mut self) {
        self.failures = 0;
        self.snapshot.problem = None;
        self.snapshot.confirmed_at = Some(clock::now_ms());
        self.snapshot.from_storage = false;
    }
}

/// A source primed with the last good feed stored for `url`, if any.
fn from_storage(url: &str) -> Source {
    let stored = storage::load_feed(url).and_then(|(at, body)| {
        let body = body.into_bytes();
        Some((at, document::from_bytes(&body).ok()?, body))
    });
    let (snapshot, body) = match stored {
        // Stored by this page already (the banner module, before the module loaded on
        // demand started): the origin has vouched for it during this page's life, so it is
        // not stale.
        Some((at, doc, body)) => (
            Snapshot {
                from_storage: at < clock::page_started_ms(),
                ..Snapshot::of(doc.feed, doc.skipped, Some(at))
            },
            Some(body),
        ),
        None => (Snapshot::default(), None),
    };
    Source {
        subscribers: Vec::new(),
        snapshot,
        body,
        validators: Validators::default(),
        failures: 0,
        in_flight: false,
        last_attempt: 0.0,
        timer: None,
        scheduled_once: false,
        keeping: None,
        positions: feed::Positions::default(),
        fetched: false,
    }
}

/// The settings of a source: the shortest `poll`, timeout and size limit any subscriber asks
/// for (`None` interval when none polls).
fn settings(subscribers: &[(HtmlElement, Notify)]) -> (Option<Duration>, Duration, u64) {
    let subscribers = subscribers.iter().map(|(e, _)| e);
    let interval = subscribers.clone().filter_map(attributes::poll).min();
    let timeout = subscribers
        .clone()
        .filter_map(attributes::timeout)
        .map(|secs| Duration::from_secs_f64(secs.min(120.0)))
        .min()
        .unwrap_or(fetch::DEFAULT_TIMEOUT);
    let max_bytes = subscribers
        .filter_map(attributes::max_bytes)
        .min()
        .unwrap_or(fetch::DEFAULT_MAX_BYTES);
    (interval, timeout, max_bytes)
}

/// Requests `url` now (unless a request is already under way).
fn load(url: String) {
    let Some((validators, timeout, max_bytes)) = SOURCES.with(|s| {
        let mut sources = s.borrow_mut();
        let src = sources.get_mut(&url)?;
        if src.in_flight {
            return None;
        }
        src.in_flight = true;
        src.timer = None;
        src.last_attempt = clock::now_ms();
        let (_, timeout, max_bytes) = settings(&src.subscribers);
        Some((src.validators.clone(), timeout, max_bytes))
    }) else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let result = fetch::fetch(&url, &validators, timeout, max_bytes, &clock::now()).await;
        finish(&url, result);
    });
}

/// Records a request's result, tells the subscribers, and schedules the next poll.
fn finish(url: &str, result: Result<Fetched, Failure>) {
    let body_arrived = matches!(result, Ok(Fetched::Body { .. }));
    let outcome = SOURCES.with(|s| {
        let mut sources = s.borrow_mut();
        let src = sources.get_mut(url)?;
        src.in_flight = false;
        let was_stale = src.snapshot.problem.is_some() || src.snapshot.from_storage;
        let (change, outcome) = apply(url, src, result);
        let first_body = body_arrived && !core::mem::replace(&mut src.fetched, true);
        let new_feed = body_arrived && (change.changed || first_body);
        let change = Change {
            changed: change.changed || was_stale,
            ..change
        };
        Some((src.subscribers.clone(), change, outcome, new_feed))
    });
    let Some((subscribers, change, outcome, new_feed)) = outcome else {
        return;
    };
    for (el, notify) in &subscribers {
        notify(el, url, &change);
    }
    // In a later task, so the browser can show the readers' update first: the developer's
    // warnings about a new feed (~13 ms for 10,000 incidents) and the good body kept for a
    // later visit with the origin down.
    if body_arrived {
        let task = {
            let url = url.to_string();
            Timeout::new(0.0, move || keep(&url, new_feed))
        };
        SOURCES.with(|s| {
            if let Some(src) = s.borrow_mut().get_mut(url) {
                src.keeping = task;
            }
        });
    }
    schedule(url, outcome);
}

/// After a body arrived: its warnings on the console when it is a new feed, and the body in
/// storage, unless a failure came since.
fn keep(url: &str, new_feed: bool) {
    SOURCES.with(|s| {
        let sources = s.borrow();
        let Some(src) = sources
            .get(url)
            .filter(|src| src.snapshot.problem.is_none())
        else {
            return;
        };
        // Validation is the second module's (a banner-only page does not download it;
        // `check()` loads it and lists every warning).
        #[cfg(feature = "timeline")]
        if let Some(feed) = src.snapshot.feed.as_deref().filter(|_| new_feed) {
            log_warnings(url, feed, &src.positions);
        }
        #[cfg(not(feature = "timeline"))]
        let _ = new_feed;
        if let Some(body) = src.body.as_deref() {
            storage::save_feed(url, clock::now_ms(), body);
        }
    });
}

/// The feed's semantic problems on the console.
#[cfg(feature = "timeline")]
fn log_warnings(url: &str, feed: &Feed, positions: &feed::Positions) {
    log_some(url, "", &feed::validate_at(feed, positions), "warnings");
}

/// The entries left out of a new feed, which and why, on the console.
fn log_skipped(url: &str, skipped: &[ParseError]) {
    log_some(url, "entry left out: ", skipped, "entries left out");
}

/// `problems` on the console, each after `prefix`: at most [`MAX_LOGGED_WARNINGS`], then a
/// count of the rest (`what`).
fn log_some(url: &str, prefix: &str, problems: &[impl core::fmt::Display], what: &str) {
    for p in problems.iter().take(MAX_LOGGED_WARNINGS) {
        warn(&format!("{url}: {prefix}{p}"));
    }
    if problems.len() > MAX_LOGGED_WARNINGS {
        let more = problems.len() - MAX_LOGGED_WARNINGS;
        warn(&format!(
            "{url}: {more} more {what} (incident-banner check lists them all)"
        ));
    }
}

fn apply(url: &str, src: &mut Source, result: Result<Fetched, Failure>) -> (Change, Outcome) {
    let unchanged = Change {
        previous: None,
        changed: false,
    };
    let failed = |src: &mut Source, f: Failure| {
        warn(&format!("{url}: {}", f.detail));
        src.failures += 1;
        src.snapshot.problem = Some(f.problem);
        (
            Change {
                previous: None,
                changed: true,
            },
            Outcome::Failed {
                in_a_row: src.failures,
                retry_after: f.retry_after,
            },
        )
    };
    match result {
        Err(f) => failed(src, f),
        Ok(Fetched::NotModified { max_age }) => {
            src.confirmed();
            (unchanged, Outcome::Fresh { max_age })
        }
        Ok(Fetched::Body {
            bytes,
            validators,
            max_age,
        }) => {
            if src.body.as_deref() == Some(bytes.as_slice()) && src.snapshot.feed.is_some() {
                src.confirmed();
                src.validators = validators;
                return (unchanged, Outcome::Fresh { max_age });
            }
            match document::from_bytes(&bytes) {
                Err(errors) => failed(
                    src,
                    Failure {
                        problem: Problem::Invalid {
                            path: errors.first().path.clone(),
                        },
                        detail: format!("invalid feed:\n{errors}"),
                        retry_after: None,
                    },
                ),
                Ok(doc) => {
                    log_skipped(url, &doc.skipped);
                    src.snapshot.skipped = Rc::new(doc.skipped);
                    src.positions = doc.positions;
                    let previous = src.snapshot.feed.replace(Rc::new(doc.feed));
                    src.confirmed();
                    src.validators = validators;
                    src.body = Some(bytes);
                    (
                        Change {
                            previous,
                            changed: true,
                        },
                        Outcome::Fresh { max_age },
                    )
                }
            }
        }
    }
}

/// Sets the timer for the next poll of `url`; the first poll after a good load is spread
/// over a whole interval.
fn schedule(url: &str, outcome: Outcome) {
    if hidden() {
        return;
    }
    SOURCES.with(|s| {
        let mut sources = s.borrow_mut();
        let Some(src) = sources.get_mut(url) else {
            return;
        };
        let (interval, _, _) = settings(&src.subscribers);
        let Some(interval) = interval.filter(|_| !src.subscribers.is_empty()) else {
            src.timer = None;
            return;
        };
        let random = js_sys::Math::random();
        let first = !src.scheduled_once && matches!(outcome, Outcome::Fresh { .. });
        src.scheduled_once = true;
        // The effective interval (stretched by max-age, or the backoff); the first poll is
        // spread over it.
        let delay = poll::next_delay(interval, outcome, random);
        let delay = if first {
            poll::first_delay(delay, js_sys::Math::random())
        } else {
            delay
        };
        let url = url.to_string();
        src.timer = Timeout::new(delay.as_secs_f64() * 1000.0, move || {
            // Run after this callback returns: `load` replaces (drops) the timer itself.
            wasm_bindgen_futures::spawn_local(async move { load(url) });
        });
    });
}

/// One `visibilitychange` listener for the page: hidden tabs do not poll; a tab coming back
/// refreshes at once when its data is older than an interval.
fn listen_for_visibility() {
    let doc = || web_sys::window()?.document().map(Into::into);
    listen::page_wide(
        &VISIBILITY_LISTENING,
        doc,
        "visibilitychange",
        on_visibility_change,
    );
}

fn on_visibility_change() {
    let hidden = hidden();
    let mut due = Vec::new();
    let mut later = Vec::new();
    SOURCES.with(|s| {
        for (url, src) in s.borrow_mut().iter_mut() {
            if hidden {
                src.timer = None;
                continue;
            }
            let (interval, _, _) = settings(&src.subscribers);
            let Some(interval) = interval.filter(|_| !src.subscribers.is_empty()) else {
                continue;
            };
            if src.in_flight {
                continue;
            }
            if clock::now_ms() - src.last_attempt >= interval.as_secs_f64() * 1000.0 {
                due.push(url.clone());
            } else if src.timer.is_none() {
                later.push(url.clone());
            }
        }
    });
    for url in due {
        load(url);
    }
    for url in later {
        schedule(&url, Outcome::Fresh { max_age: None });
    }
}

/// Starts polling `url` when a subscriber's `poll` changed and no poll is pending.
pub fn ensure_polling(url: &str) {
    let idle = SOURCES.with(|s| {
        s.borrow()
            .get(url)
            .is_some_and(|src| src.timer.is_none() && !src.in_flight)
    });
    if idle {
        schedule(url, Outcome::Fresh { max_age: None });
    }
}
