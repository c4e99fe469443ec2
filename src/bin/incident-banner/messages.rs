//! The command-line tool's words, in English and Korean (the problems of a feed are described
//! by `incident_banner::i18n::problems`, which the browser's `check()` shares).

use incident_banner::i18n::Lang;

/// Fixed phrases of the tool.
pub struct Words {
    pub error: &'static str,
    pub warning: &'static str,
    pub fix: &'static str,
    pub ok: &'static str,
    pub statuspage: &'static str,
    pub summary: fn(usize, usize) -> String,
    pub cannot_read: &'static str,
    pub usage: &'static str,
}

pub fn words(lang: Lang) -> Words {
    match lang {
        Lang::Ko => Words {
            error: "오류",
            warning: "경고",
            fix: "고치는 법",
            ok: "문제 없음",
            statuspage: "Statuspage v2 문서로 읽었습니다",
            summary: |e, w| format!("오류 {e}건, 경고 {w}건"),
            cannot_read: "읽을 수 없습니다",
            usage: USAGE_KO,
        },
        Lang::En => Words {
            error: "error",
            warning: "warning",
            fix: "fix",
            ok: "ok",
            statuspage: "read as a Statuspage v2 document",
            summary: |e, w| format!("{e} error(s), {w} warning(s)"),
            cannot_read: "cannot read",
            usage: USAGE_EN,
        },
    }
}

const USAGE_EN: &str = "incident-banner: write and check incident feeds

USAGE:
    incident-banner check [--lang ko|en] FEED...
        Validate feeds (files, or - for standard input) against the schema and the semantic
        rules. Each problem is printed with its JSON path and a fix. Exit code 1 when any feed
        has errors, 0 when there are only warnings.
    incident-banner convert FEED
        Convert a Statuspage v2 document (summary.json, incidents.json, …) to our feed v1,
        printed on standard output.
    incident-banner render [--lang ko|en] [--now TIME] [--time-zone ZONE] FEED...
        Print the banner and timeline as a static, self-contained HTML fragment (no
        JavaScript) for <noscript>, AMP, e-mail or RSS. Several feeds are merged.
        --now        RFC 3339 instant to render at (default: now)
        --time-zone  an offset such as +09:00, or Asia/Seoul, Asia/Tokyo, UTC
                     (default: the publisher's zone, else the feed's own offset)

OPTIONS:
    --lang ko|en   language of messages and output (default: from $LANG, else English)
    -h, --help     this help
    -V, --version  the version
";

const USAGE_KO: &str = "incident-banner: 장애 피드를 쓰고 검사하는 도구

사용법:
    incident-banner check [--lang ko|en] 피드...
        피드(파일, 또는 표준 입력은 -)를 스키마와 의미 규칙으로 검사합니다. 문제마다 JSON
        경로와 고치는 법을 출력합니다. 오류가 있으면 종료 코드 1, 경고만 있으면 0입니다.
    incident-banner convert 피드
        Statuspage v2 문서(summary.json, incidents.json 등)를 우리 피드 v1로 바꿔
        표준 출력에 씁니다.
    incident-banner render [--lang ko|en] [--now 시각] [--time-zone 시간대] 피드...
        배너와 타임라인을 자바스크립트 없는 HTML 조각으로 출력합니다 (<noscript>, AMP,
        이메일, RSS용). 피드가 여럿이면 합칩니다.
        --now        이 시각(RFC 3339) 기준으로 그립니다 (기본: 지금)
        --time-zone  +09:00 같은 오프셋, 또는 Asia/Seoul, Asia/Tokyo, UTC
                     (기본: 발표 기관의 시간대, 없으면 피드 시각의 오프셋)

옵션:
    --lang ko|en   메시지와 출력 언어 (기본: $LANG, 없으면 영어)
    -h, --help     이 도움말
    -V, --version  버전
";
