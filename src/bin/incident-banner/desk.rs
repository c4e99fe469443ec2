//! `init`, `new`, `update`, `resolve`: the desk's actions on a feed file, for runbooks and
//! on-call engineers. Each reads the file, applies the action (`incident_banner::desk`),
//! and only when the result is a valid feed replaces the file, atomically (a temporary file
//! beside it, then a rename), so a reader of the feed never sees half a file. Refused: exit
//! status 1, a message, the file untouched.

use super::{now, Args};
use incident_banner::desk::{self, ActionError, NewIncident, PostUpdate, Resolve};
use incident_banner::i18n::Lang;
use serde_json::Value;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// `incident-banner init FEED --publisher NAME --time-zone ZONE`: a new, empty feed. An
/// existing file is never overwritten.
pub fn init(args: &Args) -> ExitCode {
    let file = &args.files[0];
    if Path::new(file).exists() {
        let said = if args.lang == Lang::Ko {
            "파일이 이미 있습니다: 덮어쓰지 않습니다"
        } else {
            "the file exists already: it is not overwritten"
        };
        eprintln!("{file}: {said}");
        return ExitCode::FAILURE;
    }
    let zone = args.zone.clone().unwrap_or_default();
    finish(args, desk::init(&args.one("--publisher"), &zone))
}

/// `incident-banner new FEED --id ID --kind KIND --title TEXT …`.
pub fn new(args: &Args) -> ExitCode {
    let new = NewIncident {
        id: args.one("--id"),
        kind: args.one("--kind"),
        severity: args.one("--severity"),
        title: args.one("--title"),
        title_en: args.one("--title-en"),
        services: args.all("--service"),
        at: args.one("--at"),
        text: args.one("--text"),
    };
    act(args, |draft, now| desk::new_incident(draft, &new, now))
}

/// `incident-banner update FEED ID --status STATUS --text TEXT …`.
pub fn update(args: &Args) -> ExitCode {
    let update = PostUpdate {
        status: args.one("--status"),
        text: args.one("--text"),
        at: args.one("--at"),
        expected_end: args.one("--expected-end"),
        expected_text: args.one("--expected-text"),
        workaround: args.one("--workaround"),
        link_title: args.one("--link-title"),
        link_url: args.one("--link"),
    };
    act(args, |draft, now| {
        desk::post_update(draft, &args.files[1], &update, now)
    })
}

/// `incident-banner resolve FEED ID [--service ID]… [--at TIME] [--text TEXT]`.
pub fn resolve(args: &Args) -> ExitCode {
    let resolve = Resolve {
        services: args.all("--service"),
        at: args.one("--at"),
        text: args.one("--text"),
    };
    act(args, |draft, now| {
        desk::resolve(draft, &args.files[1], &resolve, now)
    })
}

/// Reads the feed file, applies `action` at the command's `--now` (else the clock), writes.
fn act(
    args: &Args,
    action: impl FnOnce(&Value, incident_banner::time::Instant) -> Result<Value, ActionError>,
) -> ExitCode {
    let file = &args.files[0];
    let draft = match std::fs::read_to_string(file) {
        Ok(text) => desk::open(&text),
        Err(e) => {
            let said = super::messages::words(args.lang).cannot_read;
            eprintln!("{file}: {said} ({e})");
            return ExitCode::FAILURE;
        }
    };
    let now = match now(&args.now) {
        Ok(t) => t,
        Err(code) => return code,
    };
    finish(args, draft.and_then(|d| action(&d, now)))
}

/// Writes the result over the feed file, or says why not.
fn finish(args: &Args, result: Result<Value, ActionError>) -> ExitCode {
    let file = &args.files[0];
    match result {
        Ok(doc) => match write_atomically(Path::new(file), &desk::to_text(&doc)) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("{file}: {e}");
                ExitCode::FAILURE
            }
        },
        Err(e) => {
            let said = if args.lang == Lang::Ko {
                "오류"
            } else {
                "error"
            };
            eprintln!("{file}: {said}: {}", e.message(args.lang));
            ExitCode::FAILURE
        }
    }
}

/// Replaces `path` with `text` in one step: written and synced beside it, then renamed
/// over it (atomic on one file system), so a web server never serves a half-written feed.
fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "feed.json".into());
    let temp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let written = std::fs::File::create(&temp).and_then(|mut f| {
        f.write_all(text.as_bytes())?;
        f.sync_all()
    });
    match written.and_then(|_| std::fs::rename(&temp, path)) {
        Ok(()) => Ok(()),
        Err(e) => {
            let _ = std::fs::remove_file(&temp);
            Err(e)
        }
    }
}
