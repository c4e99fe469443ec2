//! The adversarial corpus (tests/adversarial/cases.json), natively: each case parses or fails
//! as the manifest says, renders without panicking, and shows the expected words. The same
//! manifest is asserted in the browser by tests/e2e/adversarial.test.mjs.
#![cfg(not(target_arch = "wasm32"))]

use incident_banner::feed;
use incident_banner::i18n::Lang;
use incident_banner::time::FixedZone;
use incident_banner::view::notice::{self, Problem};
use incident_banner::view::{banner, timeline, Context};
use serde_json::Value;

fn dir() -> String {
    format!("{}/tests/adversarial", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn every_case_behaves_as_the_manifest_says() {
    let cases: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(format!("{}/cases.json", dir())).unwrap())
            .unwrap();
    let zone = FixedZone::kst();
    let now = chrono::DateTime::parse_from_rfc3339("2023-11-19T18:40:00+09:00").unwrap();
    let mut checked = 0;
    for case in &cases {
        let file = case["file"].as_str().unwrap();
        let text = if file == "huge-title" {
            format!(
                r#"{{"version":1,"publisher":{{"name":"p"}},"incidents":[{{"id":"a","kind":"outage","status":"identified","title":"{}","started_at":"2023-11-19T16:00:00+09:00"}}]}}"#,
                "장애".repeat(50_000 / 3)
            )
        } else {
            std::fs::read_to_string(format!("{}/{file}", dir())).unwrap()
        };
        let parsed = feed::parse(&text);
        assert_eq!(
            parsed.is_ok(),
            case["renders"].as_bool().unwrap(),
            "{file}: {parsed:?}"
        );
        match parsed {
            Ok(f) => {
                let warnings: Vec<String> =
                    feed::validate(&f).iter().map(|w| w.to_string()).collect();
                if let Some(w) = case["warning"].as_str() {
                    assert!(
                        warnings.iter().any(|x| x.contains(w)),
                        "{file}: {warnings:?}"
                    );
                }
                for lang in [Lang::Ko, Lang::En] {
                    let cx = Context {
                        lang,
                        zone: &zone,
                        now,
                    };
                    let b = banner::build(&f, &cx, &banner::Options::default());
                    assert_eq!(
                        b.is_some(),
                        case["banner"].as_bool().unwrap_or(true),
                        "{file}"
                    );
                    let t = timeline::build(&f, &cx);
                    let first = &t.days[0].incidents[0];
                    if let Some(title) = case["title"].as_str() {
                        assert_eq!(
                            b.map(|b| b.title).unwrap_or_else(|| first.title.clone()),
                            title,
                            "{file}"
                        );
                        assert_eq!(first.title, title, "{file}");
                    }
                    for row in &first.impacts {
                        assert!(!row.duration.contains('-'), "{file}: {}", row.duration);
                    }
                }
            }
            Err(e) => {
                let problem = Problem::Invalid {
                    path: e.first().path.clone(),
                };
                let shown = notice::message(&problem, Lang::Ko);
                assert!(
                    shown.contains(case["error"].as_str().unwrap()),
                    "{file}: {shown}"
                );
            }
        }
        checked += 1;
    }
    assert!(checked >= 15, "cases: {checked}");
}
