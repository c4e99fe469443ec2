//! The `incident-banner` command-line tool, run as a person would run it.
#![cfg(not(target_arch = "wasm32"))]

use incident_banner::feed;
use incident_banner::i18n::Lang;
use serde_json::Value;
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_incident-banner"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env_remove("LANG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn check_passes_the_demo_feeds() {
    let o = run(
        &[
            "check",
            "www/feeds/mois-2023-11.json",
            "www/feeds/news-2023-07-18.json",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(
        stdout(&o),
        "www/feeds/mois-2023-11.json: ok\nwww/feeds/news-2023-07-18.json: ok\n"
    );
}

#[test]
fn a_file_that_is_not_utf8_is_told_where_and_to_save_it_as_utf8() {
    // Saved in a legacy Korean encoding (EUC-KR: 장애 is C0 E5 BE D6), as old editors do.
    let path = std::env::temp_dir().join(format!("ib-euc-kr-{}.json", std::process::id()));
    let mut bytes = b"{\"version\": 1,\n \"publisher\": {\"name\": \"".to_vec();
    bytes.extend_from_slice(&[0xc0, 0xe5, 0xbe, 0xd6]);
    bytes.extend_from_slice(b"\"}, \"incidents\": []}");
    std::fs::write(&path, bytes).unwrap();
    let o = run(&["check", "--lang", "ko", path.to_str().unwrap()], None);
    std::fs::remove_file(&path).unwrap();
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.contains("JSON 문법 오류 (2행 25열): invalid UTF-8"),
        "{out}"
    );
    assert!(
        out.contains("파일을 UTF-8로 저장하세요 (2행 25열의 바이트부터 UTF-8이 아닙니다)."),
        "{out}"
    );
}

#[test]
fn check_fails_bad_feeds_with_paths_and_fixes() {
    let o = run(&["check", "tests/fixtures/invalid/unknown-kind.json"], None);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.contains(
            "error incidents[0].kind: \"earthquake\" is not one of: outage, maintenance, notice"
        ),
        "{out}"
    );
    assert!(
        out.contains("fix: use one of: outage, maintenance, notice"),
        "{out}"
    );
    assert!(out.ends_with("1 error(s), 0 warning(s)\n"), "{out}");
}

#[test]
fn warnings_alone_exit_zero_and_speak_korean() {
    let feed = r#"{"version":1,"publisher":{"name":"p"},"incidents":[{"id":"a","kind":"outage","status":"identified","title":"t","impacts":[{"service":"nope","status":"down"}]}]}"#;
    let o = run(&["check", "--lang", "ko", "-"], Some(feed));
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.contains("<stdin>: 경고 incidents[0].impacts[0].service: 서비스 \"nope\"가 \"services\"에 없습니다"), "{out}");
    assert!(
        out.contains("고치는 법: \"services\"에 추가하거나 id 철자를 고치세요."),
        "{out}"
    );
    assert!(out.ends_with("<stdin>: 오류 0건, 경고 1건\n"), "{out}");
}

#[test]
fn check_reports_json_syntax_with_line_and_column() {
    let o = run(&["check", "-"], Some("{\n  \"version\": 1,\n  oops\n}"));
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains("fix: check the commas, quotes and brackets near line 3, column 3."),
        "{}",
        stdout(&o)
    );
}

#[test]
fn convert_turns_statuspage_into_a_valid_feed() {
    let o = run(&["convert", "tests/fixtures/statuspage/summary.json"], None);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let f = incident_banner::feed::parse(&stdout(&o)).expect("convert prints a valid v1 feed");
    assert_eq!(f.incidents.len(), 4);
    // Members in the schema's order, `version` first, so a diff of two versions stays small.
    assert!(
        stdout(&o).starts_with("{\n  \"version\": 1,\n  \"publisher\""),
        "{}",
        stdout(&o)
    );
    assert_eq!(
        f.incidents[1].status,
        incident_banner::feed::Status::Identified,
        "unknown status written neutrally"
    );
}

#[test]
fn render_prints_escaped_static_html() {
    let o = run(
        &[
            "render",
            "--lang",
            "ko",
            "--now",
            "2023-11-19T18:40:00+09:00",
            "www/feeds/mois-2023-11.json",
            "tests/adversarial/injection-everywhere.json",
        ],
        None,
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let html = stdout(&o);
    assert!(html.starts_with("<div class=\"ib-static\" lang=\"ko\">"));
    assert!(!html.contains("<script"), "no script from the feed");
    assert!(!html.contains("<img"), "no markup from the feed");
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(!html.to_ascii_lowercase().contains("javascript:"));
    assert!(
        html.contains("2일 10시간째"),
        "the agency outage's duration"
    );
    assert!(html.contains("장애 시작 (KST)"));
}

#[test]
fn help_and_bad_usage() {
    let o = run(&["--help"], None);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("incident-banner check"));
    assert_eq!(run(&["frobnicate"], None).status.code(), Some(2));
    assert_eq!(
        run(
            &[
                "render",
                "--time-zone",
                "Mars/Base",
                "www/feeds/mois-2023-11.json"
            ],
            None
        )
        .status
        .code(),
        Some(2)
    );
}

/// A scratch directory of its own for a test (removed at the start of the next run).
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("ib-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_runbook_publishes_an_outage_from_start_to_recovery() {
    let dir = scratch("runbook");
    let feed = dir.join("feed.json");
    let f = feed.to_str().unwrap();
    let ok = |args: &[&str]| {
        let o = run(args, None);
        assert!(
            o.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    };
    ok(&[
        "init",
        f,
        "--publisher",
        "고용노동부",
        "--time-zone",
        "Asia/Seoul",
    ]);
    ok(&[
        "new",
        f,
        "--id",
        "work24",
        "--kind",
        "outage",
        "--severity",
        "critical",
        "--title",
        "고용24 접속 장애",
        "--title-en",
        "Work24 outage",
        "--service",
        "고용24",
        "--service",
        "워크넷",
        "--at",
        "2023-07-18 09:15",
        "--text",
        "접속 장애 확인",
    ]);
    ok(&[
        "update",
        f,
        "work24",
        "--status",
        "identified",
        "--text",
        "DB 서버 1대 멈춤",
        "--at",
        "2023-07-18 11:00",
        "--expected-end",
        "2023-07-18 12:00",
        "--expected-text",
        "정오 전 정상화 목표",
        "--workaround",
        "고용센터에서 수기로 접수",
        "--link",
        "https://www.moel.go.kr",
        "--link-title",
        "보도자료",
    ]);
    ok(&[
        "resolve",
        f,
        "work24",
        "--service",
        "워크넷",
        "--at",
        "2023-07-18 11:50",
    ]);
    ok(&[
        "resolve",
        f,
        "work24",
        "--at",
        "2023-07-18T11:57:00+09:00",
        "--text",
        "정상 운영 재개",
    ]);
    // The result is a valid feed, and the widget's view of it is the seed's table.
    let o = run(&["check", f], None);
    assert!(o.status.success(), "{}", stdout(&o));
    let o = run(
        &[
            "render",
            "--lang",
            "ko",
            "--now",
            "2023-07-18T15:00:00+09:00",
            f,
        ],
        None,
    );
    let html = stdout(&o);
    assert!(html.contains("고용24 접속 장애"), "{html}");
    assert!(html.contains("2시간 42분"), "{html}");
    let text = std::fs::read_to_string(&feed).unwrap();
    assert!(text.contains("\"ended_at\": \"2023-07-18T11:57:00+09:00\""));
    assert!(
        text.contains("\"text\": \"고용센터에서 수기로 접수\""),
        "{text}"
    );
    assert!(
        text.contains("\"url\": \"https://www.moel.go.kr\""),
        "{text}"
    );
    // No temporary file left beside it.
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
}

#[test]
fn a_refused_action_exits_1_and_leaves_the_file_untouched() {
    let dir = scratch("refused");
    let feed = dir.join("feed.json");
    let f = feed.to_str().unwrap();
    assert!(run(&["init", f, "--publisher", "p"], None).status.success());
    assert!(run(
        &[
            "new",
            f,
            "--id",
            "a",
            "--kind",
            "outage",
            "--title",
            "장애",
            "--at",
            "2023-11-17 08:40"
        ],
        None
    )
    .status
    .success());
    let before = std::fs::read(&feed).unwrap();
    for (args, said) in [
        (
            vec!["update", f, "nope", "--status", "identified", "--text", "t"],
            "no incident has the id \"nope\"",
        ),
        (
            vec!["update", f, "a", "--status", "fixed", "--text", "t"],
            "unknown status \"fixed\"",
        ),
        (
            vec![
                "update",
                f,
                "a",
                "--status",
                "identified",
                "--text",
                "t",
                "--at",
                "2023-11-31 08:40",
            ],
            "\"2023-11-31 08:40\" is not a time that exists",
        ),
        (
            vec![
                "new",
                f,
                "--id",
                "b",
                "--kind",
                "outage",
                "--title",
                "x",
                "--at",
                "yesterday",
            ],
            "\"yesterday\" is not a time",
        ),
        (
            vec!["resolve", f, "a", "--at", "2023-11-17 07:00"],
            "the end is before the start",
        ),
        (
            vec!["init", f, "--publisher", "p"],
            "the file exists already",
        ),
    ] {
        let o = run(&args, None);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(said), "{args:?}: {err}");
        assert_eq!(
            std::fs::read(&feed).unwrap(),
            before,
            "{args:?} left the file as it was"
        );
    }
    let o = run(
        &[
            "--lang", "ko", "update", f, "a", "--status", "fixed", "--text", "t",
        ],
        None,
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("status \"fixed\"은(는) 쓸 수 없습니다"));
}

#[test]
fn a_closed_pipe_stops_every_subcommand_quietly() {
    // `render … | head -c 10`: the reader goes away after ten bytes, long before the output
    // (megabytes, far past a pipe's buffer) is written.
    let dir = scratch("pipe");
    let big = dir.join("big.json");
    let incidents: Vec<serde_json::Value> = (0..300)
        .map(|i| serde_json::json!({ "id": format!("i{i}"), "kind": "outage", "status": "resolved", "title": format!("장애 {i}"),
            "started_at": "2023-11-17T08:40:00+09:00", "ended_at": "2023-11-17T09:40:00+09:00" }))
        .collect();
    std::fs::write(
        &big,
        serde_json::json!({ "version": 1, "publisher": { "name": "p" }, "incidents": incidents })
            .to_string(),
    )
    .unwrap();
    let b = big.to_str().unwrap();
    // `check` prints a line per file: ten thousand small files' worth.
    let small = dir.join("small.json");
    std::fs::write(
        &small,
        r#"{"version":1,"publisher":{"name":"p"},"incidents":[]}"#,
    )
    .unwrap();
    let many: Vec<&str> = std::iter::once("check")
        .chain(std::iter::repeat_n(small.to_str().unwrap(), 10_000))
        .collect();
    for args in [
        vec!["render", "--now", "2023-11-19T18:40:00+09:00", b],
        vec!["convert", b],
        many,
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_incident-banner"))
            .args(&args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut out = child.stdout.take().unwrap();
        let mut first = [0u8; 10];
        std::io::Read::read_exact(&mut out, &mut first).unwrap();
        drop(out);
        let o = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            !err.contains("panicked") && !err.contains("Broken pipe"),
            "{args:?}: {err}"
        );
        assert_ne!(o.status.code(), Some(101), "{args:?} panicked");
    }
}

#[test]
fn the_archived_article_demo_carries_the_snapshot_command_output() {
    let args = [
        "render",
        "--snapshot",
        "--lang",
        "ko",
        "--now",
        "2023-07-18T15:10:00+09:00",
        "--src",
        "feeds/news-2023-07-18.json",
        "www/feeds/news-2023-07-18.json",
    ];
    let o = run(&args, None);
    assert!(o.status.success());
    let embed = stdout(&o);
    assert!(embed.starts_with(r#"<incident-timeline lang="ko" now="2023-07-18T15:10:00+09:00" src="feeds/news-2023-07-18.json">"#));
    assert!(embed.contains(r#"<script type="application/json">{"version":1,"#));
    // No executable script, inline style or handler in it.
    let lower = embed.to_lowercase();
    assert_eq!(lower.matches("<script").count(), 1, "only the data block");
    assert!(
        !lower.contains("<style") && !lower.contains(" style="),
        "{embed}"
    );
    let handler = lower.match_indices(" on").any(|(i, _)| {
        let name: String = lower[i + 3..]
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect();
        !name.is_empty() && lower[i + 3 + name.len()..].starts_with('=')
    });
    assert!(!handler, "an event handler attribute: {embed}");
    assert!(
        embed.contains("고용24·워크넷·고용보험 접속 장애"),
        "the fallback's words"
    );
    let page =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/article.html")).unwrap();
    assert!(
        page.contains(&embed),
        "www/article.html: run the command in its comment again"
    );
}

#[test]
fn a_snapshot_of_several_feeds_keeps_each_incidents_publisher() {
    let args = [
        "render",
        "--snapshot",
        "--now",
        "2023-07-18T15:10:00+09:00",
        "www/feeds/moel-2023-07-18.json",
        "www/feeds/kakao-2023-07.json",
    ];
    let o = run(&args, None);
    assert!(o.status.success());
    let embed = stdout(&o);
    let block = embed
        .split_once(r#"<script type="application/json">"#)
        .and_then(|(_, rest)| rest.split_once("</script>"))
        .map(|(json, _)| json)
        .unwrap();
    let data: Value = serde_json::from_str(block).unwrap();
    let publisher_of = |id: &str| {
        let inc = data["incidents"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .unwrap_or_else(|| panic!("{id} in the data block"));
        inc["publisher"]["ko"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(publisher_of("2023-07-18-moel-db"), "고용노동부 (데모)");
    assert_eq!(publisher_of("2023-07-18-kakao-login"), "카카오 (데모)");
    // Read back, as the widget reads the data block, each incident names its publisher.
    let back = feed::parse(block).unwrap();
    let names: Vec<String> = back
        .incidents
        .iter()
        .map(|i| i.publisher.as_ref().unwrap().pick(Lang::Ko).to_string())
        .collect();
    assert!(
        names.contains(&"카카오 (데모)".to_string())
            && names.contains(&"고용노동부 (데모)".to_string())
    );
}
