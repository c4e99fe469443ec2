//! `incident-banner`: the command-line tool for people who write feeds by hand, under
//! stress — `check`, `convert` and `render`, and for runbooks that publish during an outage:
//! `init`, `new`, `update`, `resolve` (the desk's actions, `incident_banner::desk`). All
//! decisions are the library's; this file only reads arguments and files and prints.

mod desk;
mod messages;

use incident_banner::adapters::{self, Format};
use incident_banner::feed::{self, Feed};
use incident_banner::i18n::{problems, Lang};
use incident_banner::time::{self, FixedZone, Instant};
use incident_banner::view::{banner, html, snapshot, timeline, Context};
use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;

/// Terminal colours, only when the stream is a terminal and `NO_COLOR` is unset.
struct Paint {
    on: bool,
}

impl Paint {
    fn new(stream_is_terminal: bool) -> Self {
        Paint {
            on: stream_is_terminal && std::env::var_os("NO_COLOR").is_none(),
        }
    }
    fn red(&self, s: &str) -> String {
        self.wrap("31;1", s)
    }
    fn yellow(&self, s: &str) -> String {
        self.wrap("33;1", s)
    }
    fn green(&self, s: &str) -> String {
        self.wrap("32;1", s)
    }
    fn wrap(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
}

struct Args {
    command: String,
    lang: Lang,
    now: Option<String>,
    zone: Option<String>,
    files: Vec<String>,
    /// Options with a value (`--title`, `--service`, `--src`, …), in order; some repeat.
    options: Vec<(&'static str, String)>,
    /// `render --snapshot`: the complete embed for an article.
    snapshot: bool,
}

impl Args {
    /// The last value of `--name`, or empty.
    fn one(&self, name: &str) -> String {
        self.options
            .iter()
            .rev()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    /// Every value of `--name`, in order.
    fn all(&self, name: &str) -> Vec<String> {
        self.options
            .iter()
            .filter(|(n, _)| *n == name)
            .map(|(_, v)| v.clone())
            .collect()
    }
}

/// The options of `init`, `new`, `update` and `resolve`, and `render --snapshot`'s
/// `--src`, each taking a value.
const VALUE_OPTIONS: [&str; 16] = [
    "--src",
    "--workaround",
    "--link",
    "--link-title",
    "--publisher",
    "--id",
    "--kind",
    "--severity",
    "--title",
    "--title-en",
    "--service",
    "--at",
    "--text",
    "--status",
    "--expected-end",
    "--expected-text",
];

fn default_lang() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.is_empty())
        .and_then(|v| Lang::from_tag(&v))
        .unwrap_or(Lang::En)
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        command: String::new(),
        lang: default_lang(),
        now: None,
        zone: None,
        files: Vec::new(),
        options: Vec::new(),
        snapshot: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "-h" | "--help" | "help" => args.command = "help".into(),
            "-V" | "--version" => args.command = "version".into(),
            "--lang" => {
                let v = it.next().ok_or("--lang needs ko or en")?;
                args.lang = Lang::from_tag(&v)
                    .ok_or_else(|| format!("unknown language {v:?}: use ko or en"))?;
            }
            "--now" => args.now = Some(it.next().ok_or("--now needs a time")?),
            "--time-zone" => args.zone = Some(it.next().ok_or("--time-zone needs a zone")?),
            "--snapshot" => args.snapshot = true,
            s if VALUE_OPTIONS.contains(&s) => {
                let name = VALUE_OPTIONS
                    .iter()
                    .find(|o| **o == s)
                    .copied()
                    .unwrap_or_default();
                let v = it.next().ok_or_else(|| format!("{s} needs a value"))?;
                args.options.push((name, v));
            }
            s if args.command.is_empty() && !s.starts_with('-') => args.command = s.to_string(),
            s if s == "-" || !s.starts_with('-') => args.files.push(s.to_string()),
            s => return Err(format!("unknown option {s:?}")),
        }
    }
    Ok(args)
}

/// The file's (or stdin's) bytes: whether they are UTF-8 is the parser's to say, with a
/// line and column.
fn read_input(name: &str) -> std::io::Result<Vec<u8>> {
    if name == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes)?;
        Ok(bytes)
    } else {
        std::fs::read(name)
    }
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!(
                "incident-banner: {e}\n\n{}",
                messages::words(default_lang()).usage
            );
            return ExitCode::from(2);
        }
    };
    let w = messages::words(args.lang);
    match args.command.as_str() {
        "check" if !args.files.is_empty() => check(&args),
        "convert" if args.files.len() == 1 => convert(&args),
        "render" if !args.files.is_empty() => render(&args),
        "init" if args.files.len() == 1 => desk::init(&args),
        "new" if args.files.len() == 1 => desk::new(&args),
        "update" if args.files.len() == 2 => desk::update(&args),
        "resolve" if args.files.len() == 2 => desk::resolve(&args),
        "version" => emit(&format!("incident-banner {}\n", env!("CARGO_PKG_VERSION"))),
        "help" => emit(w.usage),
        _ => {
            eprint!("{}", w.usage);
            ExitCode::from(2)
        }
    }
}

fn check(args: &Args) -> ExitCode {
    let w = messages::words(args.lang);
    let paint = Paint::new(std::io::stdout().is_terminal());
    let mut out = std::io::stdout().lock();
    let mut failed = false;
    for name in &args.files {
        let shown = if name == "-" { "<stdin>" } else { name };
        let text = match read_input(name) {
            Ok(t) => t,
            Err(e) => {
                let _ = writeln!(
                    out,
                    "{shown}: {}: {} ({e})",
                    paint.red(w.error),
                    w.cannot_read
                );
                failed = true;
                continue;
            }
        };
        let mut warnings = 0;
        // Every problem: a wrong top level, else each entry that cannot be read (the widget
        // leaves those out and shows the rest).
        let problems = match adapters::read(&text) {
            Err(problems) => problems.0,
            Ok(doc) => {
                if doc.format == Format::Statuspage {
                    let _ = writeln!(out, "{shown}: {}", w.statuspage);
                }
                for warn in feed::validate_at(&doc.feed, &doc.positions) {
                    let (what, fix) = problems::warning(&warn.kind, args.lang);
                    let _ = writeln!(
                        out,
                        "{shown}: {} {}: {what}\n    {}: {fix}",
                        paint.yellow(w.warning),
                        warn.path,
                        w.fix
                    );
                    warnings += 1;
                }
                doc.skipped
            }
        };
        {
            {
                for p in &problems {
                    let (what, fix) = problems::error(&p.kind, args.lang);
                    let path = if p.path.is_empty() {
                        "(document)"
                    } else {
                        &p.path
                    };
                    let _ = writeln!(
                        out,
                        "{shown}: {} {path}: {what}\n    {}: {fix}",
                        paint.red(w.error),
                        w.fix
                    );
                }
            }
        }
        let errors = problems.len();
        failed |= errors > 0;
        let summary = (w.summary)(errors, warnings);
        let verdict = if errors > 0 {
            paint.red(&summary)
        } else if warnings > 0 {
            paint.yellow(&summary)
        } else {
            paint.green(w.ok)
        };
        let _ = writeln!(out, "{shown}: {verdict}");
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn load(name: &str, lang: Lang) -> Result<(Feed, Format), ExitCode> {
    let w = messages::words(lang);
    let text = read_input(name).map_err(|e| {
        eprintln!("{name}: {}: {} ({e})", w.error, w.cannot_read);
        ExitCode::FAILURE
    })?;
    // Strict, as the author needs it: an entry that cannot be read fails the command.
    let problems = match adapters::read(&text) {
        Ok(doc) if doc.skipped.is_empty() => return Ok((doc.feed, doc.format)),
        Ok(doc) => doc.skipped,
        Err(problems) => problems.0,
    };
    for p in &problems {
        let (what, fix) = problems::error(&p.kind, lang);
        eprintln!(
            "{name}: {} {}: {what}\n    {}: {fix}",
            w.error, p.path, w.fix
        );
    }
    Err(ExitCode::FAILURE)
}

fn convert(args: &Args) -> ExitCode {
    match load(&args.files[0], args.lang) {
        Ok((f, _)) => {
            let json = serde_json::to_string_pretty(&feed::to_json(&f)).unwrap_or_default();
            emit(&format!("{json}\n"))
        }
        Err(code) => code,
    }
}

/// `--now`, else the clock; a `--now` that is not a time is a usage error (exit status 2),
/// said here.
fn now(arg: &Option<String>) -> Result<Instant, ExitCode> {
    match arg {
        Some(t) => chrono::DateTime::parse_from_rfc3339(t).map_err(|_| {
            eprintln!("incident-banner: --now {t:?} is not an RFC 3339 time");
            ExitCode::from(2)
        }),
        None => {
            let secs = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs() as i64)
                .unwrap_or(0);
            Ok(chrono::DateTime::from_timestamp(secs, 0)
                .unwrap_or_default()
                .fixed_offset())
        }
    }
}

fn render(args: &Args) -> ExitCode {
    let mut feeds = Vec::new();
    for name in &args.files {
        match load(name, args.lang) {
            Ok((f, _)) => feeds.push(f),
            Err(code) => return code,
        }
    }
    let refs: Vec<&Feed> = feeds.iter().collect();
    let Some(merged) = feed::merge(&refs) else {
        return ExitCode::FAILURE;
    };
    let now = match now(&args.now) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let zone = match &args.zone {
        Some(z) => match time::fixed_zone(z) {
            Some(z) => z,
            None => {
                eprintln!("incident-banner: --time-zone {z:?}: use an offset such as +09:00, or Asia/Seoul, Asia/Tokyo, UTC");
                return ExitCode::from(2);
            }
        },
        None => merged
            .publisher
            .time_zone
            .as_deref()
            .and_then(time::fixed_zone)
            .or_else(|| {
                merged
                    .incidents
                    .iter()
                    .find_map(incident_banner::view::start_of)
                    .map(|t| FixedZone::from_offset(t.offset().local_minus_utc()))
            })
            .unwrap_or_else(|| FixedZone::from_offset(0)),
    };
    let cx = Context {
        lang: args.lang,
        zone: &zone,
        now,
    };
    let timeline = timeline::build(&merged, &cx);
    if args.snapshot {
        // The timeline's own fallback: the copy of the feed, and what it shows without JS.
        let json = serde_json::to_string(&feed::to_json(&merged)).unwrap_or_default();
        let fallback = html::render(None, &timeline, args.lang);
        let src = Some(args.one("--src")).filter(|s| !s.is_empty());
        return emit(&snapshot::embed(
            &json,
            &fallback,
            &now,
            args.lang,
            src.as_deref(),
        ));
    }
    let b = banner::build(&merged, &cx, &banner::Options::default());
    emit(&html::render(b.as_ref(), &timeline, args.lang))
}

/// Writes `text` to standard output. A reader that went away (`… | head`) is normal for a
/// command-line tool: stop quietly, with success, as other tools do.
fn emit(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("incident-banner: {e}");
            ExitCode::FAILURE
        }
    }
}
