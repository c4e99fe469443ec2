//! The command-line tool's words, in English and Korean, with a fix suggestion for every
//! kind of problem a hand-written feed can have.

use incident_banner::feed::json::INVALID_UTF8;
use incident_banner::feed::{ErrorKind, WarningKind};
use incident_banner::i18n::Lang;

/// A problem described for the person editing the feed, and what to do about it.
pub fn error(kind: &ErrorKind, lang: Lang) -> (String, String) {
    let ko = lang == Lang::Ko;
    match kind {
        ErrorKind::NotJson {
            line,
            column,
            detail,
        } => (
            if ko {
                format!("JSON 문법 오류 ({line}행 {column}열): {detail}")
            } else {
                kind.to_string()
            },
            if detail == INVALID_UTF8 {
                if ko {
                    format!("파일을 UTF-8로 저장하세요 ({line}행 {column}열의 바이트부터 UTF-8이 아닙니다).")
                } else {
                    format!("save the file as UTF-8 (from line {line}, column {column} it is not).")
                }
            } else if ko {
                format!("{line}행 {column}열 근처의 쉼표, 따옴표, 괄호를 확인하세요.")
            } else {
                format!("check the commas, quotes and brackets near line {line}, column {column}.")
            },
        ),
        ErrorKind::Missing => (
            if ko {
                "필수 항목이 없습니다.".into()
            } else {
                kind.to_string()
            },
            if ko {
                "이 항목을 추가하세요 (null은 없는 것으로 봅니다).".into()
            } else {
                "add this field (null counts as missing).".into()
            },
        ),
        ErrorKind::WrongType { expected, found } => (
            if ko {
                format!("{expected} 값이어야 하는데 {found} 값입니다.")
            } else {
                kind.to_string()
            },
            if ko {
                format!("값을 {expected} 형태로 바꾸세요.")
            } else {
                format!("change the value to {expected}.")
            },
        ),
        ErrorKind::NoOffset { value } => (
            if ko {
                format!("시각 {value:?}에 시간대 오프셋이 없습니다.")
            } else {
                kind.to_string()
            },
            if ko {
                format!("오프셋을 붙이세요: \"{value}+09:00\"")
            } else {
                format!("append the offset, e.g. \"{value}+09:00\"")
            },
        ),
        ErrorKind::BadTimestamp { value } => (
            if ko {
                format!("{value:?}는 올바른 RFC 3339 시각이 아닙니다.")
            } else {
                kind.to_string()
            },
            if ko {
                "\"2023-11-17T13:55:00+09:00\" 형식으로, 실제로 있는 날짜를 쓰세요.".into()
            } else {
                "write a real date as \"2023-11-17T13:55:00+09:00\".".into()
            },
        ),
        ErrorKind::UnknownValue { value, allowed } => (
            if ko {
                format!("{value:?}는 허용되지 않는 값입니다.")
            } else {
                kind.to_string()
            },
            if ko {
                format!("다음 중 하나를 쓰세요: {}", allowed.join(", "))
            } else {
                format!("use one of: {}", allowed.join(", "))
            },
        ),
        ErrorKind::UnsupportedVersion { found } => (
            if ko {
                format!("피드 버전 {found}은 지원하지 않습니다.")
            } else {
                kind.to_string()
            },
            if ko {
                "\"version\": 1 로 쓰세요.".into()
            } else {
                "write \"version\": 1.".into()
            },
        ),
        ErrorKind::EmptyText => (
            if ko {
                "글이 비어 있습니다.".into()
            } else {
                kind.to_string()
            },
            if ko {
                "독자에게 보일 글을 쓰세요.".into()
            } else {
                "write the words readers should see.".into()
            },
        ),
    }
}

/// A warning described, with a fix suggestion.
pub fn warning(kind: &WarningKind, lang: Lang) -> (String, String) {
    let ko = lang == Lang::Ko;
    match kind {
        WarningKind::UnknownService { id } => (
            if ko {
                format!("서비스 {id:?}가 \"services\"에 없습니다. 이름 대신 id가 보입니다.")
            } else {
                format!("service {id:?} is not declared in \"services\"; readers see the id instead of a name")
            },
            if ko {
                "\"services\"에 추가하거나 id 철자를 고치세요.".into()
            } else {
                "declare it in \"services\" or fix the id.".into()
            },
        ),
        WarningKind::EndsBeforeStart => (
            if ko {
                "끝 시각이 시작 시각보다 앞섭니다.".into()
            } else {
                "the end is before the start".into()
            },
            if ko {
                "두 시각과 오프셋을 확인하세요.".into()
            } else {
                "check both times and their offsets.".into()
            },
        ),
        WarningKind::DuplicateId { id } => (
            if ko {
                format!("id {id:?}가 두 번 이상 쓰였습니다.")
            } else {
                format!("id {id:?} is used more than once")
            },
            if ko {
                "id마다 고유한 값을 쓰세요.".into()
            } else {
                "give each one its own id.".into()
            },
        ),
        WarningKind::NotHttpUrl { value } => (
            if ko {
                format!("{value:?}는 http(s) 주소가 아니어서 링크로 걸리지 않습니다.")
            } else {
                format!("{value:?} is not an http(s) URL; it will not be linked")
            },
            if ko {
                "https:// 로 시작하는 주소를 쓰세요.".into()
            } else {
                "use an address starting with https://.".into()
            },
        ),
    }
}

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
