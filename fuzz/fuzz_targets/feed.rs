//! Any bytes → both JSON readers (the same result) and either input format → validation → banner and timeline in both languages, at
//! instants and zones taken from the input, and into the widget's elements. Nothing may
//! panic; durations never go negative; a page stays within the elements its views count.
#![no_main]

use incident_banner::feed;
use incident_banner::i18n::Lang;
use incident_banner::time::FixedZone;
use incident_banner::view::{banner, markup, timeline, Context};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first bytes choose the clock and zone; the rest is the document.
    if data.len() < 6 {
        return;
    }
    let (head, body) = data.split_at(6);
    // Bytes as they arrive from the network: either format, UTF-8 or not. The browser's
    // reader (feed::json) and serde_json agree on all of it; where the text is not JSON,
    // they may place the error a character apart (serde_json after a control character in
    // a string, ours at it) and word it differently.
    let read = incident_banner::adapters::read(body);
    let own = incident_banner::adapters::read_with_own_reader(body);
    // serde_json's `Value` also reads a struct's fields from an array, in order
    // (`"publisher": ["name"]`), and an enum from an object of one member
    // (`"status": {"resolved": null}`); ours refuses both, as the schema does.
    let refused_shape = |r: &Result<incident_banner::adapters::Document, feed::ParseErrors>| {
        let errors = match r {
            Ok(doc) => &doc.skipped,
            Err(e) => &e.0,
        };
        errors.iter().any(|e| {
            matches!(
                e.kind,
                feed::ErrorKind::WrongType {
                    expected: "an object" | "a string",
                    found: "an array" | "an object",
                }
            )
        })
    };
    match (&own, &read) {
        _ if refused_shape(&own) => {}
        (Err(a), Err(b)) => {
            let kind = |e: &feed::ParseErrors| match &e.first().kind {
                feed::ErrorKind::NotJson { .. } => None,
                _ => Some(e.clone()),
            };
            assert_eq!(kind(a), kind(b));
        }
        _ => assert_eq!(own, read),
    }
    let Ok(incident_banner::adapters::Document { feed: f, .. }) = read else {
        return;
    };
    let _ = feed::validate(&f);
    let secs = i64::from(u32::from_le_bytes([head[0], head[1], head[2], head[3]])) + 1_600_000_000;
    let offset = (i32::from(head[4]) - 128) * 900;
    let Some(now) = chrono::DateTime::from_timestamp(secs, 0) else {
        return;
    };
    let zone = FixedZone::from_offset(offset.clamp(-14 * 3600, 14 * 3600));
    for lang in [Lang::Ko, Lang::En] {
        let cx = Context {
            lang,
            zone: &zone,
            now: now.fixed_offset(),
        };
        let options = banner::Options {
            horizon: chrono::TimeDelta::hours(i64::from(head[5])),
            ..Default::default()
        };
        let labels = lang.messages().labels();
        let view = banner::build(&f, &cx, &options);
        assert!(markup::banner(view.as_ref(), labels, None).is_complete());
        let timing = view.and_then(|b| b.timing).unwrap_or_default();
        if timing.ends_with('째') || timing.starts_with("for ") {
            assert!(!timing.contains('-'), "negative duration: {timing}");
        }
        let t = timeline::build(&f, &cx);
        for day in &t.days {
            for inc in &day.incidents {
                for row in &inc.impacts {
                    assert!(
                        !row.duration.contains('-'),
                        "negative duration: {}",
                        row.duration
                    );
                }
            }
        }
        // A page of the widget: within its element budget, unless one incident fills it. Each
        // day's chart frame counts once, as the pager charges it.
        let elements = |t: &timeline::TimelineView| -> Vec<usize> {
            let frames = t.days.iter().filter(|d| d.chart.is_some()).count();
            t.incidents()
                .map(|i| i.elements())
                .chain(std::iter::repeat_n(incident_banner::view::chart::FRAME, frames))
                .collect()
        };
        let incidents = |t: &timeline::TimelineView| t.incidents().count();
        let page = timeline::build_page(&f, &cx, 1);
        let shown = elements(&page);
        assert!(
            incidents(&page) <= timeline::PAGE
                && (incidents(&page) == 1
                    || shown.iter().sum::<usize>() <= timeline::PAGE_ELEMENTS),
            "page of {} incidents, {} elements",
            incidents(&page),
            shown.iter().sum::<usize>()
        );
        // What the widget builds: every element closed, no more than the views counted.
        let nodes = markup::timeline(&page, lang, None);
        assert!(nodes.is_complete());
        assert!(nodes.elements() <= shown.iter().sum::<usize>() + 2);
        // Far into the feed ("더 보기" pressed often): the pages shown keep to their budget.
        let far = timeline::build_page(&f, &cx, 4);
        let far_shown = elements(&far);
        assert!(
            incidents(&far) <= timeline::PAGES_SHOWN * timeline::PAGE
                && (incidents(&far) <= timeline::PAGES_SHOWN
                    || far_shown.iter().sum::<usize>()
                        <= timeline::PAGES_SHOWN * timeline::PAGE_ELEMENTS),
            "pages of {} incidents, {} elements",
            incidents(&far),
            far_shown.iter().sum::<usize>()
        );
        assert!(markup::timeline(&far, lang, None).is_complete());
    }
});
