//! Every problem a hand-written feed can have, described for the person editing it, with
//! what to do about it, in Korean and English: the command-line tool's `check` and the
//! module's `check()` export say the same.

use crate::feed::{ErrorKind, WarningKind, INVALID_UTF8};
use crate::i18n::Lang;

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
                format!("시각 \"{value}\"에 시간대 오프셋이 없습니다.")
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
                format!("\"{value}\"는 올바른 RFC 3339 시각이 아닙니다.")
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
                format!("\"{value}\"는 허용되지 않는 값입니다.")
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
        ErrorKind::Other { message } => (
            if ko {
                format!("읽을 수 없는 값입니다: {message}")
            } else {
                kind.to_string()
            },
            if ko {
                "피드 형식(feed-v1.json 스키마)에 맞게 고치세요.".into()
            } else {
                "make the value match the feed format (the feed-v1.json schema).".into()
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
                format!("서비스 \"{id}\"가 \"services\"에 없습니다. 이름 대신 id가 보입니다.")
            } else {
                format!("service \"{id}\" is not declared in \"services\"; readers see the id instead of a name")
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
                format!("id \"{id}\"가 두 번 이상 쓰였습니다.")
            } else {
                format!("id \"{id}\" is used more than once")
            },
            if ko {
                "id마다 고유한 값을 쓰세요.".into()
            } else {
                "give each one its own id.".into()
            },
        ),
        WarningKind::NotHttpUrl { value } => (
            if ko {
                format!("\"{value}\"는 http(s) 주소가 아니어서 링크로 걸리지 않습니다.")
            } else {
                format!("\"{value}\" is not an http(s) URL; it will not be linked")
            },
            if ko {
                "https:// 로 시작하는 주소를 쓰세요.".into()
            } else {
                "use an address starting with https://.".into()
            },
        ),
    }
}
