//! `localStorage`: the last good feed per URL (so a reader opening a page while the origin
//! is down still sees what was known) and the banners the reader closed. Storage may be
//! missing, full or forbidden (private mode, sandboxed frames): every call fails quietly.

use web_sys::Storage;

const FEED_PREFIX: &str = "incident-banner:feed:";
const DISMISSED: &str = "incident-banner:dismissed";
/// Feeds larger than this are not kept: storage is shared with the host page.
const MAX_STORED_BYTES: usize = 256 * 1024;
/// How many dismissals are remembered, newest kept.
const MAX_DISMISSED: usize = 50;

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The last good body stored for `url`, with when it was confirmed (ms since the epoch).
pub fn load_feed(url: &str) -> Option<(f64, String)> {
    let value = storage()?.get_item(&format!("{FEED_PREFIX}{url}")).ok()??;
    let (at, body) = value.split_once('\n')?;
    Some((at.parse::<u64>().ok()? as f64, body.to_string()))
}

/// Stores `body` as the last good feed of `url`, confirmed at `at`. The body parsed, so it
/// is UTF-8; it is checked here again only because storage takes text (and only when it is
/// small enough to keep).
pub fn save_feed(url: &str, at: f64, body: &[u8]) {
    if body.len() > MAX_STORED_BYTES {
        return;
    }
    let Ok(body) = core::str::from_utf8(body) else {
        return;
    };
    if let Some(s) = storage() {
        // Whole milliseconds: formatting an f64 would link the float printer into the wasm.
        let _ = s.set_item(
            &format!("{FEED_PREFIX}{url}"),
            &format!("{}\n{body}", at as u64),
        );
    }
}

/// The dismissal keys this reader chose, oldest first.
pub fn dismissed() -> Vec<String> {
    storage()
        .and_then(|s| s.get_item(DISMISSED).ok().flatten())
        .map(|v| v.lines().map(str::to_string).collect())
        .unwrap_or_default()
}

/// Remembers that the reader closed the banner with `key`.
pub fn dismiss(key: &str) {
    let mut keys = dismissed();
    keys.retain(|k| k != key);
    keys.push(key.to_string());
    let start = keys.len().saturating_sub(MAX_DISMISSED);
    if let Some(s) = storage() {
        let _ = s.set_item(DISMISSED, &keys[start..].join("\n"));
    }
}
