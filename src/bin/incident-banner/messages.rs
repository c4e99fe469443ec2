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

const USAGE_EN: &str = "incident-banner: write, check and publish incident feeds

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
        --snapshot   print instead the complete embed for an article: <incident-timeline>
                     with the feed in a data block, now pinned, and the static HTML as its
                     fallback, so the article never goes blank (no script in it)
        --src URL    with --snapshot: the live feed, which replaces the copy when it loads

PUBLISHING (each rewrites FEED in place, atomically, only when the result is a valid feed;
otherwise exit code 1 and the file untouched; members it does not know are kept):
    incident-banner init FEED --publisher NAME [--time-zone ZONE]
        A new, empty feed (never over an existing file). ZONE defaults to Asia/Seoul.
    incident-banner new FEED --id ID --kind outage|maintenance|notice [--severity critical|major|minor|info]
                        --title TEXT [--title-en TEXT] [--service ID-OR-NAME]... [--at TIME] [--text FIRST-UPDATE]
        Open an incident. A service not declared yet is declared, its id made from its name.
    incident-banner update FEED ID --status STATUS --text TEXT [--at TIME]
                           [--expected-end TIME] [--expected-text TEXT]
                           [--workaround TEXT] [--link URL [--link-title TEXT]]
        Post an update (and, optionally, what citizens can do meanwhile, a link); STATUS is investigating, identified, monitoring, resolved,
        scheduled, in_progress or completed.
    incident-banner resolve FEED ID [--service ID]... [--at TIME] [--text TEXT]
        Record a recovery: the services named (default: all) end at TIME; once all are back,
        the incident ends, resolved, with TEXT as its closing update.
        TIME: 2023-11-17 08:40 (in the publisher's zone) or 2023-11-17T08:40:00+09:00;
        default: now.

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
        --snapshot   대신 기사에 넣을 완성된 코드를 출력합니다: 피드를 데이터 블록으로 담고
                     now를 고정하고 정적 HTML을 대체 내용으로 넣은 <incident-timeline>
                     (스크립트 없음). 기사가 빈칸이 되지 않습니다
        --src URL    --snapshot과 함께: 실시간 피드 주소 (불러오면 사본을 대체)

게시 (결과가 올바른 피드일 때만 피드 파일을 한 번에 바꿔 씁니다. 아니면 종료 코드 1, 파일은
그대로입니다. 모르는 항목은 보존합니다):
    incident-banner init 피드 --publisher 이름 [--time-zone 시간대]
        빈 피드를 새로 만듭니다 (있는 파일은 덮어쓰지 않음). 시간대 기본값 Asia/Seoul.
    incident-banner new 피드 --id ID --kind outage|maintenance|notice [--severity critical|major|minor|info]
                        --title 제목 [--title-en 영문 제목] [--service ID 또는 이름]... [--at 시각] [--text 첫 업데이트]
        사건을 엽니다. 선언되지 않은 서비스는 이름으로 id를 만들어 선언합니다.
    incident-banner update 피드 ID --status 상태 --text 내용 [--at 시각]
                           [--expected-end 시각] [--expected-text 설명]
                           [--workaround 이용 안내] [--link URL [--link-title 제목]]
        업데이트를 올립니다 (이용 안내와 링크도 함께 넣을 수 있습니다). 상태: investigating, identified, monitoring, resolved,
        scheduled, in_progress, completed.
    incident-banner resolve 피드 ID [--service ID]... [--at 시각] [--text 내용]
        복구를 기록합니다: 지정한 서비스(기본: 전부)가 그 시각에 복구되고, 모두 복구되면
        사건이 종료(resolved)되며 내용이 마지막 업데이트가 됩니다.
        시각: 2023-11-17 08:40 (발표 기관 시간대) 또는 2023-11-17T08:40:00+09:00, 기본: 지금.

옵션:
    --lang ko|en   메시지와 출력 언어 (기본: $LANG, 없으면 영어)
    -h, --help     이 도움말
    -V, --version  버전
";
