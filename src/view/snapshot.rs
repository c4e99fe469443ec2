//! The complete embed of a timeline for an article (`incident-banner render --snapshot`):
//! the element, the feed in a data block, the instant it was taken as `now`, and the static
//! HTML as the element's fallback, so the article never goes blank: not when the agency's
//! feed URL moves or disappears, not without JavaScript. Nothing in it is executable: a
//! data block is never run, and the fallback has no scripts, inline styles or handlers (a
//! page's strict CSP would refuse inline styles; the fallback takes the article's own).

use super::nodes::escape;
use crate::i18n::Lang;
use crate::time::{rfc3339, Instant};

/// The embed: `<incident-timeline>` with `lang`, `now` and, when given, `src` (the live feed,
/// which replaces the copy when it loads), the data block holding `feed_json`, and
/// `fallback_html` (from `html::render`, its styles removed).
pub fn embed(
    feed_json: &str,
    fallback_html: &str,
    now: &Instant,
    lang: Lang,
    src: Option<&str>,
) -> String {
    let src = src
        .map(|s| format!(" src=\"{}\"", escape(s)))
        .unwrap_or_default();
    format!(
        "<incident-timeline lang=\"{}\" now=\"{}\"{src}>\n<script type=\"application/json\">{}</script>\n{}\n</incident-timeline>\n",
        lang.tag(),
        rfc3339(now),
        data_block_text(feed_json),
        without_styles(fallback_html)
    )
}

/// JSON that is safe inside `<script type="application/json">`: every `<` written as
/// `\u003c`, so no text in the feed can close the element (`</script>`) or open a comment.
/// JSON puts `<` only inside strings, where the escape means the same character.
pub fn data_block_text(json: &str) -> String {
    json.replace('<', "\\u003c")
}

/// The static HTML without its `<style>` element and `style` attributes. Feed text in it is
/// escaped (`"` as `&quot;`), so the only ` style="…"` and `<style>` are the renderer's own.
pub fn without_styles(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<style>") {
        out.push_str(&rest[..start]);
        rest = rest[start..]
            .find("</style>")
            .map_or("", |end| &rest[start + end + "</style>".len()..]);
    }
    out.push_str(rest);
    let mut clean = String::with_capacity(out.len());
    let mut rest = out.as_str();
    while let Some(start) = rest.find(" style=\"") {
        clean.push_str(&rest[..start]);
        let value = &rest[start + " style=\"".len()..];
        rest = value.find('"').map_or("", |end| &value[end + 1..]);
    }
    clean.push_str(rest);
    clean
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_in_the_feed_can_close_the_data_block() {
        let json = r#"{"title":"</script><script>alert(1)</script><!--"}"#;
        let safe = data_block_text(json);
        assert!(!safe.contains('<'), "{safe}");
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back["title"], "</script><script>alert(1)</script><!--");
    }

    #[test]
    fn the_fallback_keeps_its_words_and_loses_its_styles() {
        let html = r#"<div class="ib-static"><style>.a{color:red}</style><section style="border:1px solid red"><p>style=&quot;x&quot; 본문</p></section></div>"#;
        assert_eq!(
            without_styles(html),
            r#"<div class="ib-static"><section><p>style=&quot;x&quot; 본문</p></section></div>"#
        );
    }

    #[test]
    fn the_embed_pins_now_and_names_its_live_feed() {
        let now = crate::time::parse_rfc3339("2023-07-18T15:00:00+09:00").unwrap();
        let e = embed(
            "{}",
            "<p>x</p>",
            &now,
            Lang::Ko,
            Some("https://e.org/f.json?a=1&b=2"),
        );
        assert!(e.starts_with(r#"<incident-timeline lang="ko" now="2023-07-18T15:00:00+09:00" src="https://e.org/f.json?a=1&amp;b=2">"#), "{e}");
        assert!(e.contains(
            "<script type=\"application/json\">{}</script>\n<p>x</p>\n</incident-timeline>"
        ));
    }
}
