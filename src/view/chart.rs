//! The outage as a picture: each affected service a bar on one time axis shared by all the
//! incidents of a day, whoever published them, official updates as ticks, the axis read in
//! the display zone. For 18 July 2023 a reader sees at once that 고용24 was down 09:15–11:57
//! and KakaoTalk 10:54–12:20.
//!
//! Positions are permille of the axis (`0..=1000`), integers, so the wasm links no float
//! formatting; `markup::chart` turns them into SVG coordinates. The services table stays
//! the full equivalent; the chart's text alternative ([`ChartView::description`]) names
//! every service and its window. Like the banner, the chart is a summary: a pathological
//! title or name is cut at [`TITLE_SHOWN`] characters (the cards below show it whole), so one
//! string cannot make the picture, or its name, tens of thousands of characters long.

use super::services::Services;
use super::{clip, start_of, Context, Tone, TITLE_SHOWN};
use crate::feed::{Feed, ImpactLevel, Incident, Kind};
use crate::time::{elapsed, local, Instant};
use chrono::{NaiveDate, TimeDelta, Timelike};

/// The most intervals the axis is cut into: seven labels at most.
pub const MAX_INTERVALS: i64 = 6;

/// The steps between the axis's ticks, in minutes; the smallest that keeps to
/// [`MAX_INTERVALS`] is used. Each below a day divides one, so midnight falls on a tick.
const STEPS: [i64; 10] = [15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10_080];

/// Below this width (in `em` of the chart's text), ticks of rank 1 lose their label; below
/// [`NARROW_EM`], those of rank 2 too. The stylesheet's container queries use these numbers,
/// so labels never collide, whatever the width and the reader's text size (a test below
/// checks it with the labels' widths).
pub const MEDIUM_EM: u32 = 36;
/// See [`MEDIUM_EM`].
pub const NARROW_EM: u32 = 18;

/// One chart: the incidents of a day that have affected services with known windows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartView {
    /// The text alternative: the chart's name and zone, then each incident and each service
    /// with its level and window.
    pub description: String,
    /// `KST 기준` / `Times in KST`, under the axis.
    pub zone: String,
    /// One per incident, in order of their start.
    pub groups: Vec<Group>,
    /// The axis's ticks, from the left end (0) to the right end (1000).
    pub ticks: Vec<Tick>,
    /// Where days change inside the axis (midnight in the display zone): a line in every row.
    pub midnights: Vec<u16>,
    /// Where now is, when it falls inside the axis.
    pub now: Option<u16>,
}

/// One incident's rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// `고용24 전산망 장애 · 고용노동부`: the title and who published it.
    pub title: String,
    pub tone: Tone,
    /// Where its official updates fall on the axis (those inside it, the latest ones).
    pub updates: Vec<u16>,
    pub lanes: Vec<Lane>,
}

/// One affected service: a bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lane {
    pub service: String,
    pub level: ImpactLevel,
    /// `중단 · 오전 9시 15분~오전 11시 57분 · 2시간 42분`: the words beside the bar, so
    /// level and times are read, not guessed from colour.
    pub label: String,
    pub from: u16,
    pub to: u16,
    /// Still down: the bar runs to now.
    pub ongoing: bool,
}

/// A tick of the axis with its label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tick {
    pub at: u16,
    /// `9시`, `9:30` or, at midnight, the day: `7월 19일`.
    pub label: String,
    /// True at midnight: the label is the day.
    pub day: bool,
    /// 0: always labelled; 1: labelled from [`MEDIUM_EM`] wide; 2: from [`NARROW_EM`].
    pub rank: u8,
    pub anchor: Anchor,
}

/// Which end of a label sits on its tick: the first and last keep inside the chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    /// The SVG `text-anchor` value.
    pub fn name(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// The elements `markup::chart` writes at most for a chart's frame: the figure, its plot
/// and overlay (with the midnights and the now line), the axis (its base line, a line and a
/// label per tick) and the zone line. A timeline page counts it once per day it shows.
pub const FRAME: usize =
    3 + (MAX_INTERVALS as usize - 1) + 1 + 2 + 2 * (MAX_INTERVALS as usize + 1) + 1;

/// The elements `markup::chart` writes at most for one incident of `lanes` rows with
/// `updates` update ticks: what the timeline's page budget adds for an incident with
/// services (see [`FRAME`] for the chart's own).
pub fn elements(lanes: usize, updates: usize) -> usize {
    if lanes == 0 {
        return 0;
    }
    // The group's heading and title; its updates row (div, label, svg, ticks); per lane a
    // div, two labels, an svg and the bar.
    let updates_row = if updates > 0 { 3 + updates } else { 0 };
    2 + updates_row + 5 * lanes
}

/// A service's window as the chart draws it.
struct Window<'a> {
    service: &'a str,
    level: ImpactLevel,
    from: Instant,
    until: Instant,
    ongoing: bool,
}

/// The chart of `incidents` (a day of the timeline), each showing at most `rows` services;
/// `None` when none of them has a service with a known window.
pub fn build(feed: &Feed, incidents: &[&Incident], cx: &Context, rows: usize) -> Option<ChartView> {
    let mut order: Vec<(Option<Instant>, &Incident)> =
        incidents.iter().map(|i| (start_of(i), *i)).collect();
    crate::sort::sort_by(&mut order, |a, b| a.0.cmp(&b.0));
    // Every incident's windows in one list; the k-th incident's end at `ends[k]`.
    let mut windows = Vec::new();
    let mut ends = Vec::with_capacity(order.len());
    for (start, inc) in &order {
        windows.extend(windows_of(inc, *start, cx.now, rows));
        ends.push(windows.len());
    }
    let from = windows.iter().map(|w| w.from).min()?;
    let until = windows.iter().map(|w| w.until).max()?;
    let axis = Axis::new(from, until, cx);

    let lang = cx.lang;
    let m = lang.messages();
    let tw = lang.timeline();
    let tl = tw.labels();
    let services = Services::of(feed);
    let first_day = local(&axis.from, cx.zone).datetime.date();
    let mut groups: Vec<Group> = Vec::new();
    for (k, (_, inc)) in order.iter().enumerate() {
        let begin = if k == 0 { 0 } else { ends[k - 1] };
        let lanes: Vec<Lane> = windows[begin..ends[k]]
            .iter()
            .map(|w| {
                let day = local(&w.from, cx.zone).datetime.date();
                let (end, length) = if w.ongoing {
                    (
                        tl.ongoing.to_string(),
                        m.lasting(elapsed(&w.from, &w.until)),
                    )
                } else {
                    (
                        cx.time_on(&w.until, Some(day)),
                        m.duration(elapsed(&w.from, &w.until)),
                    )
                };
                let from = cx.time_on(&w.from, Some(first_day));
                Lane {
                    service: clip(&services.name(w.service, lang), TITLE_SHOWN),
                    level: w.level,
                    label: [
                        tw.impact(w.level),
                        " · ",
                        &from,
                        tl.between,
                        &end,
                        " · ",
                        &length,
                    ]
                    .concat(),
                    from: axis.at(&w.from),
                    to: axis.at(&w.until),
                    ongoing: w.ongoing,
                }
            })
            .collect();
        if lanes.is_empty() {
            continue;
        }
        let mut updates: Vec<u16> = inc
            .updates
            .iter()
            .filter(|u| u.at >= axis.from && u.at <= axis.until)
            .map(|u| axis.at(&u.at))
            .collect();
        crate::sort::sort_by(&mut updates, |a, b| a.cmp(b));
        updates.dedup();
        let over = updates.len().saturating_sub(rows);
        updates.drain(..over);
        let publisher = inc.publisher.as_ref().unwrap_or(&feed.publisher.name);
        groups.push(Group {
            title: [
                clip(inc.title.pick(lang), TITLE_SHOWN).as_str(),
                " · ",
                &clip(publisher.pick(lang), TITLE_SHOWN),
            ]
            .concat(),
            tone: Tone::of(inc),
            updates,
            lanes,
        });
    }

    let zone = cx.zone.at(&cx.now).abbr;
    let [before, after] = tl.times_in;
    let zone_line = [before, &zone, after].concat();
    let mut description = [tl.chart, " (", &zone_line, "). "].concat();
    for g in &groups {
        description.push_str(&g.title);
        description.push_str(": ");
        let lanes: Vec<String> = g
            .lanes
            .iter()
            .map(|lane| [lane.service.as_str(), " ", &lane.label].concat())
            .collect();
        description.push_str(&lanes.join("; "));
        description.push_str(". ");
    }
    let ticks = axis.ticks(cx);
    Some(ChartView {
        description: description.trim_end().to_string(),
        zone: zone_line,
        groups,
        midnights: ticks
            .iter()
            .filter(|t| t.day && t.at > 0 && t.at < 1000)
            .map(|t| t.at)
            .collect(),
        ticks,
        now: (cx.now > axis.from && cx.now < axis.until).then(|| axis.at(&cx.now)),
    })
}

/// The windows of `inc`'s first `rows` services (`inc` began at `start`): each service's own
/// times, else the incident's; one still down runs to `now`; a planned maintenance's to its
/// planned end. A service whose window is unknown is left out.
fn windows_of(
    inc: &Incident,
    start: Option<Instant>,
    now: Instant,
    rows: usize,
) -> impl Iterator<Item = Window<'_>> {
    let closed = inc.status.is_closed();
    let planned = inc.scheduled.as_ref().and_then(|w| w.until);
    let end = inc.ended_at.or(planned.filter(|_| closed));
    inc.impacts.iter().take(rows).filter_map(move |imp| {
        let from = imp.from.or(start)?;
        let (until, ongoing) = match imp.until.or(end) {
            Some(u) => (u, false),
            None if closed => return None,
            None => match planned.filter(|_| inc.kind == Kind::Maintenance) {
                Some(p) => (p, false),
                None => (now, true),
            },
        };
        Some(Window {
            service: imp.service.as_str(),
            level: imp.level,
            from,
            until: until.max(from),
            ongoing,
        })
    })
}

/// The axis: from a tick to a tick, cut into at most [`MAX_INTERVALS`] steps of a round
/// length, aligned to the display zone's clock.
struct Axis {
    from: Instant,
    until: Instant,
    step: TimeDelta,
    intervals: i64,
}

impl Axis {
    fn new(first: Instant, last: Instant, cx: &Context) -> Axis {
        let clock = local(&first, cx.zone).datetime;
        let since_midnight = TimeDelta::seconds(i64::from(clock.num_seconds_from_midnight()));
        // Past the longest step (months of maintenance), whole days, as many as it takes.
        let days = (last - (first - since_midnight)).num_days() / MAX_INTERVALS + 1;
        let minutes = STEPS
            .into_iter()
            .chain([days * 1440])
            .find(|&minutes| {
                let (from, step) = Self::round(first, since_midnight, minutes);
                Self::intervals(from, last, step) <= MAX_INTERVALS
            })
            .unwrap_or(days * 1440);
        let (from, step) = Self::round(first, since_midnight, minutes);
        let intervals = Self::intervals(from, last, step);
        Axis {
            from,
            until: from + step * intervals as i32,
            step,
            intervals,
        }
    }

    /// The step of `minutes` and the last round time before `first` (`since_midnight` into
    /// its local day): a multiple of the step after midnight, or midnight itself for steps
    /// of days.
    fn round(first: Instant, since_midnight: TimeDelta, minutes: i64) -> (Instant, TimeDelta) {
        let step = TimeDelta::minutes(minutes);
        let into_step = if minutes < 1440 {
            TimeDelta::seconds(since_midnight.num_seconds() % step.num_seconds())
        } else {
            since_midnight
        };
        (first - into_step, step)
    }

    /// How many steps from `from` reach `last`; at least one.
    fn intervals(from: Instant, last: Instant, step: TimeDelta) -> i64 {
        let (span, step) = ((last - from).num_seconds(), step.num_seconds());
        ((span + step - 1) / step).max(1)
    }

    /// Where `t` falls, in permille of the axis (clamped to it).
    fn at(&self, t: &Instant) -> u16 {
        let span = (self.until - self.from).num_seconds().max(1);
        let into = (*t - self.from).num_seconds().clamp(0, span);
        // Rounded to the nearest permille.
        ((into * 1000 + span / 2) / span) as u16
    }

    fn ticks(&self, cx: &Context) -> Vec<Tick> {
        let tw = cx.lang.timeline();
        let times: Vec<(Instant, chrono::NaiveDateTime)> = (0..=self.intervals)
            .map(|i| {
                let t = self.from + self.step * i as i32;
                (t, local(&t, cx.zone).datetime)
            })
            .collect();
        let is_day = |d: &chrono::NaiveDateTime| d.time().num_seconds_from_midnight() == 0;
        // Ranks count from the first midnight when the steps are shorter than a day, so the
        // day's label is one that stays longest; with steps up to 6 hours, days are four
        // ticks apart or more and their labels always stay.
        let days_kept = self.step <= TimeDelta::hours(6);
        let origin = if self.step < TimeDelta::days(1) {
            times.iter().position(|(_, d)| is_day(d)).unwrap_or(0)
        } else {
            0
        };
        let last = times.len() - 1;
        times
            .iter()
            .enumerate()
            .map(|(i, (t, clock))| {
                let day = is_day(clock);
                let rank = match (i as i64 - origin as i64).rem_euclid(4) {
                    _ if day && days_kept => 0,
                    1 | 3 => 1,
                    2 => 2,
                    _ => 0,
                };
                Tick {
                    at: self.at(t),
                    label: if day {
                        tw.axis_day(NaiveDate::from(*clock))
                    } else {
                        tw.axis_time(clock.time())
                    },
                    day,
                    rank,
                    anchor: match i {
                        0 => Anchor::Start,
                        i if i == last => Anchor::End,
                        _ => Anchor::Middle,
                    },
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::parse;
    use crate::i18n::Lang;
    use crate::time::FixedZone;

    fn cx<'a>(lang: Lang, zone: &'a FixedZone, now: &str) -> Context<'a> {
        Context {
            lang,
            zone,
            now: chrono::DateTime::parse_from_rfc3339(now).unwrap(),
        }
    }

    fn chart(json: &str, lang: Lang, zone: &FixedZone, now: &str) -> ChartView {
        let feed = parse(json).unwrap();
        let incidents: Vec<&Incident> = feed.incidents.iter().collect();
        build(&feed, &incidents, &cx(lang, zone, now), 20).expect("a chart")
    }

    /// One outage of `services` (id, level, from, until or null) with updates at `updates`.
    fn feed(services: &[(&str, &str, &str, Option<&str>)], updates: &[&str]) -> String {
        let impacts: Vec<String> = services
            .iter()
            .map(|(id, level, from, until)| {
                let until = until.map_or("null".to_string(), |u| format!("\"{u}\""));
                format!(
                    r#"{{"service":"{id}","status":"{level}","from":"{from}","until":{until}}}"#
                )
            })
            .collect();
        let updates: Vec<String> = updates
            .iter()
            .map(|at| format!(r#"{{"at":"{at}","text":"알림"}}"#))
            .collect();
        let ongoing = services.iter().any(|s| s.3.is_none());
        format!(
            r#"{{"version":1,"publisher":{{"name":"기관"}},"services":[{{"id":"a","name":"고용24"}}],
            "incidents":[{{"id":"x","kind":"outage","status":"{}","title":"장애","started_at":"{}",
            "impacts":[{}],"updates":[{}]}}]}}"#,
            if ongoing { "identified" } else { "resolved" },
            services[0].2,
            impacts.join(","),
            updates.join(",")
        )
    }

    /// The estimated width of an axis label in `em` of the chart's text: the axis is drawn
    /// at 0.8 em; Hangul is about 1 em wide, digits and Latin letters about 0.6.
    fn width(label: &str) -> f64 {
        0.8 * label
            .chars()
            .map(|c| match c {
                ' ' => 0.3,
                ':' => 0.3,
                c if c.is_ascii() => 0.62,
                _ => 1.0,
            })
            .sum::<f64>()
    }

    /// The labels shown at `em` wide never overlap (half an em apart at least) and never
    /// leave the chart.
    fn assert_no_collision(view: &ChartView, em: f64) {
        let shown: Vec<&Tick> = view
            .ticks
            .iter()
            .filter(|t| match t.rank {
                0 => true,
                1 => em >= f64::from(MEDIUM_EM),
                _ => em >= f64::from(NARROW_EM),
            })
            .collect();
        assert!(!shown.is_empty());
        let mut right_of_last = f64::NEG_INFINITY;
        for t in shown {
            let x = f64::from(t.at) / 1000.0 * em;
            let w = width(&t.label);
            let left = match t.anchor {
                Anchor::Start => x,
                Anchor::Middle => x - w / 2.0,
                Anchor::End => x - w,
            };
            assert!(
                left >= -0.01 && left + w <= em + 0.01,
                "{} at {em} em",
                t.label
            );
            assert!(
                left >= right_of_last + 0.5,
                "{} collides at {em} em: {:?}",
                t.label,
                view.ticks
            );
            right_of_last = left + w;
        }
    }

    #[test]
    fn the_18_july_story_puts_both_outages_on_one_axis() {
        let f = parse(include_str!("../../www/feeds/moel-2023-07-18.json")).unwrap();
        let k = parse(include_str!("../../www/feeds/kakao-2023-07.json")).unwrap();
        let merged = crate::feed::merge(&[&f, &k]).unwrap();
        let day: Vec<&Incident> = merged
            .incidents
            .iter()
            .filter(|i| i.id.starts_with("2023-07-18"))
            .collect();
        let zone = FixedZone::kst();
        let view = build(
            &merged,
            &day,
            &cx(Lang::Ko, &zone, "2023-07-18T18:00:00+09:00"),
            20,
        )
        .unwrap();
        let labels: Vec<&str> = view.ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["9시", "10시", "11시", "12시", "13시"], "{view:#?}");
        assert_eq!(view.zone, "KST 기준");
        let lanes: Vec<(&str, u16, u16)> = view
            .groups
            .iter()
            .flat_map(|g| &g.lanes)
            .map(|l| (l.service.as_str(), l.from, l.to))
            .collect();
        // 09:15 is 15 of 240 minutes into 09:00–13:00: 63 ‰; 11:57 is 177: 738 ‰.
        assert!(lanes.contains(&("고용24", 63, 738)), "{lanes:?}");
        assert_eq!(view.groups.len(), 2, "two publishers, one axis");
        assert!(
            view.groups[0].title.ends_with("고용노동부 (데모)"),
            "oldest first"
        );
        assert_eq!(
            view.groups[0].updates,
            [167, 500, 738],
            "09:40, 11:00, 11:57"
        );
        let kakao = &view.groups[1];
        assert!(kakao.lanes.iter().all(|l| l.from == 475 && l.to == 833));
        assert!(view
            .description
            .starts_with("장애 시간 그래프 (KST 기준). "));
        assert!(
            view.description
                .contains("고용24 접속 불가 · 오전 9시 15분~오전 11시 57분 · 2시간 42분"),
            "{}",
            view.description
        );
        assert_eq!(view.now, None, "18:00 is after the axis");
    }

    #[test]
    fn a_40_minute_outage_gets_quarter_hours() {
        let zone = FixedZone::kst();
        let json = feed(
            &[(
                "a",
                "down",
                "2023-05-08T14:10:00+09:00",
                Some("2023-05-08T14:50:00+09:00"),
            )],
            &["2023-05-08T14:20:00+09:00"],
        );
        let view = chart(&json, Lang::Ko, &zone, "2023-05-09T00:00:00+09:00");
        let labels: Vec<&str> = view.ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["14시", "14:15", "14:30", "14:45", "15시"]);
        let lane = &view.groups[0].lanes[0];
        assert_eq!((lane.from, lane.to), (167, 833));
        assert_eq!(lane.label, "접속 불가 · 오후 2시 10분~오후 2시 50분 · 40분");
        assert!(!lane.ongoing);
        assert_eq!(view.groups[0].updates, [333]);
        for em in [12.0, 18.0, 24.0, 36.0, 60.0] {
            assert_no_collision(&view, em);
        }
    }

    #[test]
    fn a_three_day_outage_is_read_in_days() {
        let zone = FixedZone::kst();
        let f = parse(include_str!("../../www/feeds/mois-2023-11.json")).unwrap();
        let all: Vec<&Incident> = f.incidents.iter().collect();
        for (lang, days) in [
            (
                Lang::Ko,
                ["11월 17일", "11월 18일", "11월 19일", "11월 20일"],
            ),
            (Lang::En, ["17 Nov", "18 Nov", "19 Nov", "20 Nov"]),
        ] {
            // Closed on the 20th at 10:00: the bars end there.
            let cx = cx(lang, &zone, "2023-11-20T10:00:00+09:00");
            let view = build(&f, &all, &cx, 20).unwrap();
            let labels: Vec<&str> = view.ticks.iter().map(|t| t.label.as_str()).collect();
            assert!(view.ticks.iter().all(|t| t.day), "{labels:?}");
            assert_eq!(labels[..4], days);
            assert_eq!(view.ticks.len(), 5, "the 21st closes the axis");
            assert_eq!(view.midnights, [250, 500, 750]);
            let saeol = &view.groups[0].lanes[0];
            assert!(saeol.ongoing, "Saeol has no recovery yet");
            assert_eq!(saeol.to, 854, "now: 82 of 96 hours");
            assert_eq!(view.now, Some(854));
            let gov24 = &view.groups[0].lanes[1];
            assert!(!gov24.ongoing);
            assert_eq!((gov24.from, gov24.to), (145, 344));
            if lang == Lang::Ko {
                assert_eq!(
                    gov24.label,
                    "접속 불가 · 오후 1시 55분~11월 18일 오전 9시 · 19시간 5분"
                );
                assert!(
                    saeol.label.ends_with("~복구 중 · 3일 1시간째"),
                    "{}",
                    saeol.label
                );
            }
            for em in [12.0, 18.0, 24.0, 36.0, 60.0] {
                assert_no_collision(&view, em);
            }
        }
    }

    #[test]
    fn an_ongoing_outage_runs_to_now_and_is_marked() {
        let zone = FixedZone::kst();
        let json = feed(&[("a", "partial", "2023-07-18T09:15:00+09:00", None)], &[]);
        let view = chart(&json, Lang::En, &zone, "2023-07-18T10:00:00+09:00");
        let lane = &view.groups[0].lanes[0];
        assert!(lane.ongoing);
        assert_eq!(lane.to, 1000, "now is the axis's end: {:?}", view.ticks);
        assert_eq!(lane.label, "Partial outage · 9:15 AM–Ongoing · for 45 min");
        assert_eq!(view.now, None, "now sits on the axis's end, not inside it");
        let later = chart(&json, Lang::En, &zone, "2023-07-18T10:20:00+09:00");
        assert_eq!(later.now, Some(later.groups[0].lanes[0].to));
        assert!(later.now.unwrap() < 1000);
    }

    #[test]
    fn a_night_outage_read_in_another_zone_crosses_midnight_there() {
        // 14:30–17:10 in Seoul is 21:30–00:10 the day before in Los Angeles (UTC−8 in
        // winter).
        let pacific = FixedZone::from_offset(-8 * 3600);
        let json = feed(
            &[(
                "a",
                "down",
                "2023-11-17T14:30:00+09:00",
                Some("2023-11-17T17:10:00+09:00"),
            )],
            &[],
        );
        for (lang, day, first) in [
            (Lang::En, "17 Nov", "21:30"),
            (Lang::Ko, "11월 17일", "21:30"),
        ] {
            let view = chart(&json, lang, &pacific, "2023-11-18T12:00:00+09:00");
            let labels: Vec<&str> = view.ticks.iter().map(|t| t.label.as_str()).collect();
            assert_eq!(labels[0], first, "{labels:?}");
            let midnight: Vec<&Tick> = view.ticks.iter().filter(|t| t.day).collect();
            assert_eq!(midnight.len(), 1);
            assert_eq!(midnight[0].label, day);
            assert_eq!(labels.last(), Some(&"00:30"));
            assert_eq!(midnight[0].rank, 0, "the day's label always stays");
            assert_eq!(view.midnights, [midnight[0].at]);
            assert!(
                view.zone.contains("UTC-8") || view.zone.contains("UTC−8"),
                "{}",
                view.zone
            );
            for em in [12.0, 18.0, 24.0, 36.0, 60.0] {
                assert_no_collision(&view, em);
            }
        }
    }

    #[test]
    fn scales_keep_to_round_steps_and_at_most_six_intervals() {
        let zone = FixedZone::kst();
        let start = chrono::DateTime::parse_from_rfc3339("2023-07-18T09:07:00+09:00").unwrap();
        for minutes in [
            0, 1, 14, 40, 59, 61, 200, 359, 700, 1500, 3000, 4400, 9000, 30_000, 200_000, 2_000_000,
        ] {
            let end = start + TimeDelta::minutes(minutes);
            let cx = cx(Lang::Ko, &zone, "2024-01-01T00:00:00+09:00");
            let axis = Axis::new(start, end, &cx);
            assert!(axis.from <= start && axis.until >= end, "{minutes} min");
            assert!(axis.intervals >= 1);
            let round =
                STEPS.contains(&axis.step.num_minutes()) || axis.step.num_minutes() % 1440 == 0;
            assert!(round, "{minutes} min: step {}", axis.step);
            assert!(axis.intervals <= MAX_INTERVALS, "{minutes} min");
            // The axis starts on a round time of the local clock.
            let clock = local(&axis.from, &zone).datetime;
            let step = axis.step.num_minutes().min(1440);
            assert_eq!(
                i64::from(clock.num_seconds_from_midnight()) % (step * 60),
                0,
                "{minutes} min from {clock}"
            );
            assert_eq!(axis.at(&axis.from), 0);
            assert_eq!(axis.at(&axis.until), 1000);
            assert_eq!(axis.at(&(axis.until + TimeDelta::days(3))), 1000, "clamped");
            let view = Axis::ticks(&axis, &cx);
            for em in [12.0, 18.0, 24.0, 36.0, 60.0] {
                let fake = ChartView {
                    description: String::new(),
                    zone: String::new(),
                    groups: Vec::new(),
                    ticks: view.clone(),
                    midnights: Vec::new(),
                    now: None,
                };
                assert_no_collision(&fake, em);
            }
        }
    }

    #[test]
    fn only_services_with_known_windows_are_drawn() {
        let zone = FixedZone::kst();
        let f = parse(include_str!("../../www/feeds/kakao-2023-07.json")).unwrap();
        // The May incident has no times on its service but the incident's own.
        let may: Vec<&Incident> = f
            .incidents
            .iter()
            .filter(|i| i.id == "2023-05-kakao")
            .collect();
        let view = build(
            &f,
            &may,
            &cx(Lang::Ko, &zone, "2023-07-18T18:00:00+09:00"),
            20,
        )
        .unwrap();
        assert_eq!(
            view.groups[0].lanes[0].label,
            "성능 저하 · 오후 2시 10분~오후 2시 50분 · 40분"
        );
        let bare = parse(r#"{"version":1,"publisher":{"name":"p"},"incidents":[{"id":"n","kind":"notice","status":"resolved","title":"안내"}]}"#).unwrap();
        let incidents: Vec<&Incident> = bare.incidents.iter().collect();
        assert_eq!(
            build(
                &bare,
                &incidents,
                &cx(Lang::Ko, &zone, "2023-07-18T18:00:00+09:00"),
                20
            ),
            None
        );
    }

    #[test]
    fn a_huge_title_or_service_name_is_cut_in_the_chart_alone() {
        let zone = FixedZone::kst();
        let title = "가".repeat(50_000);
        let json = feed(
            &[(
                "a",
                "down",
                "2023-07-18T09:15:00+09:00",
                Some("2023-07-18T11:57:00+09:00"),
            )],
            &[],
        )
        .replace(r#""title":"장애""#, &format!(r#""title":"{title}""#))
        .replace(r#""name":"고용24""#, &format!(r#""name":"{title}""#));
        let view = chart(&json, Lang::Ko, &zone, "2023-07-18T18:00:00+09:00");
        let g = &view.groups[0];
        assert!(
            g.title.starts_with("가가가") && g.title.ends_with("… · 기관"),
            "{}",
            &g.title[..40]
        );
        assert_eq!(
            g.title.chars().count(),
            TITLE_SHOWN + " · 기관".chars().count()
        );
        assert_eq!(g.lanes[0].service.chars().count(), TITLE_SHOWN);
        assert!(
            view.description.chars().count() < 3 * TITLE_SHOWN,
            "a bounded text alternative"
        );
    }

    #[test]
    fn elements_count_what_a_chart_may_hold() {
        assert_eq!(elements(0, 5), 0, "no services, no chart");
        assert!(elements(1, 0) < elements(2, 0));
        assert_eq!(
            elements(1, 0),
            7,
            "its heading and title, one row of four and the bar"
        );
        assert_eq!(elements(1, 2), 12, "and a row of update ticks");
    }
}
