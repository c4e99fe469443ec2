//! Load on the origin (a benchmark, not a test): 10,000 readers open an article within the
//! same two seconds (a push alert) and keep it open for an hour, each following the widget's own poll schedule
//! (`incident_banner::poll`) on a virtual clock. We count requests per 10-second window for
//! a healthy origin, an origin down for ten minutes (with and without `Retry-After`), and a
//! naive widget (fixed interval, no jitter, immediate retries) for comparison.
//!
//! Run: `make bench-load` (or `cargo bench --bench origin_load`). Results: BENCHMARKS.md.

use incident_banner::poll::{self, Outcome};
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::time::Duration;

const READERS: usize = 10_000;
const INTERVAL: Duration = Duration::from_secs(60);
const WINDOW_S: f64 = 10.0;
const HOUR_S: f64 = 3600.0;

/// xorshift64*: a small, seeded, repeatable generator.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// What the origin answers at virtual second `t`.
#[derive(Clone, Copy)]
enum Origin {
    Healthy,
    /// Down (503) between these seconds, optionally with `Retry-After`.
    Down {
        from: f64,
        until: f64,
        retry_after: Option<u64>,
    },
}

impl Origin {
    fn fails(self, t: f64) -> Option<Option<u64>> {
        match self {
            Origin::Down {
                from,
                until,
                retry_after,
            } if t >= from && t < until => Some(retry_after),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Widget {
    Ours,
    Naive,
}

/// Requests per 10-second window over one hour.
fn simulate(origin: Origin, widget: Widget) -> Vec<u32> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut windows = vec![0u32; (HOUR_S / WINDOW_S) as usize];
    // (next request time in ms, reader, failures in a row, first poll done)
    let mut queue = BinaryHeap::new();
    for reader in 0..READERS {
        // Everyone opens the page within two seconds: a push alert about the outage.
        let open = rng.next() * 2.0;
        queue.push(Reverse(((open * 1000.0) as u64, reader, 0u32, false)));
    }
    while let Some(Reverse((ms, reader, failures, polled))) = queue.pop() {
        let t = ms as f64 / 1000.0;
        if t >= HOUR_S {
            continue;
        }
        windows[(t / WINDOW_S) as usize] += 1;
        let failed = origin.fails(t);
        let delay = match (widget, failed) {
            (Widget::Naive, Some(_)) => Duration::from_secs(1),
            (Widget::Naive, None) => INTERVAL,
            (Widget::Ours, Some(retry_after)) => poll::next_delay(
                INTERVAL,
                Outcome::Failed {
                    in_a_row: failures + 1,
                    retry_after: retry_after.map(Duration::from_secs),
                },
                rng.next(),
            ),
            (Widget::Ours, None) if !polled => poll::first_delay(INTERVAL, rng.next()),
            (Widget::Ours, None) => {
                poll::next_delay(INTERVAL, Outcome::Fresh { max_age: None }, rng.next())
            }
        };
        let failures = if failed.is_some() { failures + 1 } else { 0 };
        queue.push(Reverse((
            ms + delay.as_millis() as u64,
            reader,
            failures,
            polled || failed.is_none(),
        )));
    }
    windows
}

fn peak(w: &[u32], from_s: f64, until_s: f64) -> u32 {
    w.iter()
        .enumerate()
        .filter(|(i, _)| (*i as f64 * WINDOW_S) >= from_s && (*i as f64 * WINDOW_S) < until_s)
        .map(|(_, c)| *c)
        .max()
        .unwrap_or(0)
}

fn total(w: &[u32], from_s: f64, until_s: f64) -> u32 {
    w.iter()
        .enumerate()
        .filter(|(i, _)| (*i as f64 * WINDOW_S) >= from_s && (*i as f64 * WINDOW_S) < until_s)
        .map(|(_, c)| *c)
        .sum()
}

fn main() {
    let fair = READERS as f64 / INTERVAL.as_secs_f64() * WINDOW_S;
    let down = |retry_after| Origin::Down {
        from: 600.0,
        until: 1200.0,
        retry_after,
    };
    let scenarios = [
        ("healthy origin", Origin::Healthy, Widget::Ours),
        ("down 10:00–20:00, no Retry-After", down(None), Widget::Ours),
        (
            "down 10:00–20:00, Retry-After: 120",
            down(Some(120)),
            Widget::Ours,
        ),
        (
            "naive widget, healthy origin",
            Origin::Healthy,
            Widget::Naive,
        ),
        ("naive widget, down 10:00–20:00", down(None), Widget::Naive),
    ];
    println!("{READERS} readers opening within two seconds, poll every {} s; fair share = readers ÷ interval = {fair:.0} requests per 10 s\n", INTERVAL.as_secs());
    println!("| scenario | peak 10 s after the first 2 min | ÷ fair share | requests during the outage (10 min) | peak 10 s in the 5 min after recovery |");
    println!("|---|---|---|---|---|");
    for (name, origin, widget) in scenarios {
        let w = simulate(origin, widget);
        let steady = peak(&w, 120.0, HOUR_S);
        let (during, after) = match origin {
            Origin::Down { from, until, .. } => (
                total(&w, from, until).to_string(),
                peak(&w, until, until + 300.0).to_string(),
            ),
            Origin::Healthy => ("—".into(), "—".into()),
        };
        println!(
            "| {name} | {steady} | {:.2}× | {during} | {after} |",
            steady as f64 / fair
        );
    }
}
