//! No import cycles between the files of `src/`: file A uses a path in file B (through
//! `crate::`, `super::` or `self::`, in a `use` with its braces or inline in code), and B,
//! directly or through others, uses A. A parent wiring its own children (`mod.rs` or
//! `lib.rs` re-exporting or calling into a file below it) does not count, and neither do a
//! file's own `#[cfg(test)] mod tests`.
//!
//! Two ready tools were tried (issue 30) and do not fit: cargo-modules' `--acyclic` flags a
//! type and its own method, and cargo-cycles does not see these. This reads the paths itself.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`.
fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a file under `src/` (`feed/json.rs` → `["feed", "json"]`,
/// `feed/mod.rs` → `["feed"]`, `lib.rs` → `[]`); `None` for the binaries' files.
fn module_of(relative: &str) -> Option<Vec<String>> {
    if relative.starts_with("bin/") {
        return None;
    }
    let stem = relative.strip_suffix(".rs")?;
    let mut parts: Vec<String> = stem.split('/').map(str::to_string).collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    Some(parts)
}

/// The text that counts: comments and the test module left out.
fn code(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(i) => &text[..i],
        None => text,
    };
    text.lines()
        .map(|line| match line.find("//") {
            Some(i) => &line[..i],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Expands a `use` tree (`a::{b, c::{d, e}}`) into its paths.
fn expand(tree: &str) -> Vec<String> {
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        return vec![tree.to_string()];
    };
    let prefix = &tree[..open];
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let (mut parts, mut depth, mut start) = (Vec::new(), 0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .filter(|p| !p.trim().is_empty())
        .flat_map(expand)
        .map(|p| format!("{prefix}{p}"))
        .collect()
}

/// The paths a file's code names through `crate::`, `super::` or `self::`.
fn paths(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    // `use` statements (a line starting with one), braces included.
    let mut offset = 0;
    for line in code.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let statement = ["use ", "pub use ", "pub(crate) use ", "pub(super) use "]
            .iter()
            .find_map(|start| trimmed.strip_prefix(start));
        if let Some(statement) = statement {
            let at = offset + (line.len() - statement.len());
            let end = code[at..].find(';').map_or(code.len(), |e| at + e);
            let tree: String = code[at..end].split_whitespace().collect();
            found.extend(expand(&tree));
        }
        offset += line.len();
    }
    // Paths written inline in code.
    let bytes = code.as_bytes();
    for start in ["crate::", "super::", "self::"] {
        let mut from = 0;
        while let Some(i) = code[from..].find(start) {
            let at = from + i;
            from = at + start.len();
            if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_') {
                continue;
            }
            let end = code[at..]
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .map_or(code.len(), |e| at + e);
            // `super::{…}` of a `use` was read above.
            if !code[at..end].ends_with("::") {
                found.push(code[at..end].to_string());
            }
        }
    }
    found
}

/// The module (one of `modules`) a path written in `module` lands in: its longest prefix
/// that is a module.
fn target(path: &str, module: &[String], modules: &BTreeSet<Vec<String>>) -> Option<Vec<String>> {
    let mut segments = path.split("::").filter(|s| !s.is_empty()).peekable();
    let mut at: Vec<String> = match segments.peek().copied() {
        Some("crate") => {
            segments.next();
            Vec::new()
        }
        Some("self") | Some("super") => {
            // `self` is the file's own module, `super` its parent (a `mod.rs`'s module is
            // its folder, so the same rule holds there).
            let mut at = module.to_vec();
            while let Some(&s) = segments.peek() {
                match s {
                    "self" => {}
                    "super" => {
                        at.pop()?;
                    }
                    _ => break,
                }
                segments.next();
            }
            at
        }
        _ => return None,
    };
    let mut best = modules.contains(&at).then(|| at.clone());
    for s in segments {
        at.push(s.to_string());
        if modules.contains(&at) {
            best = Some(at.clone());
        }
    }
    best
}

#[test]
fn no_import_cycles_between_the_files_of_src() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let mut modules: BTreeMap<Vec<String>, (String, String)> = BTreeMap::new();
    for file in &all {
        let relative = file
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if let Some(module) = module_of(&relative) {
            modules.insert(module, (relative, fs::read_to_string(file).unwrap()));
        }
    }
    let names: BTreeSet<Vec<String>> = modules.keys().cloned().collect();
    // Edges: file → files it uses, a parent's uses of its own descendants left out.
    let mut edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for (module, (_, text)) in &modules {
        for path in paths(&code(text)) {
            let Some(to) = target(&path, module, &names) else {
                continue;
            };
            let wiring_a_child = to.len() > module.len() && to.starts_with(module);
            if to != *module && !wiring_a_child {
                edges.entry(module.clone()).or_default().insert(to);
            }
        }
    }
    // A cycle: a path from a file back to itself.
    let mut cycles = Vec::new();
    for start in edges.keys() {
        let mut stack = vec![(start.clone(), vec![start.clone()])];
        let mut seen = BTreeSet::new();
        while let Some((at, trail)) = stack.pop() {
            for next in edges.get(&at).into_iter().flatten() {
                if next == start {
                    let mut names: Vec<String> =
                        trail.iter().map(|m| modules[m].0.clone()).collect();
                    names.push(modules[start].0.clone());
                    cycles.push(names.join(" → "));
                } else if seen.insert(next.clone()) {
                    let mut longer = trail.clone();
                    longer.push(next.clone());
                    stack.push((next.clone(), longer));
                }
            }
        }
    }
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
}

#[test]
fn the_reader_of_paths_sees_braces_super_and_inline_paths() {
    assert_eq!(
        expand("super::{a,b::{C,d},e}"),
        ["super::a", "super::b::C", "super::b::d", "super::e"]
    );
    let code = "use super::{x, y::Z};\nfn f() { crate::feed::merge(); }\n";
    assert_eq!(
        paths(code),
        ["super::x", "super::y::Z", "crate::feed::merge"]
    );
    let names: BTreeSet<Vec<String>> = [
        vec![],
        vec!["dom".into()],
        vec!["dom".into(), "zone".into()],
    ]
    .into_iter()
    .collect();
    let here = vec!["dom".to_string(), "elements".to_string()];
    assert_eq!(
        target("super::zone::for_feed", &here, &names),
        Some(vec!["dom".to_string(), "zone".to_string()])
    );
    assert_eq!(
        target("super::warn", &here, &names),
        Some(vec!["dom".to_string()])
    );
}
