//! Elements to build, written as one flat list of instructions so the DOM layer can hand a
//! whole banner or timeline page to the browser in a single call (`src/dom/nodes.js`)
//! instead of thousands of `createElement` / `setAttribute` calls across the wasm boundary,
//! each with its own glue in both the wasm and the JavaScript module.
//!
//! Tag and attribute names are `&'static str`: only this crate's code can choose them, never
//! a feed. Feed text only ever becomes attribute values and text nodes.

/// The instructions: one byte each in [`Nodes::ops`], reading their strings in order from
/// [`Nodes::strings`].
pub mod op {
    /// Opens a child element of the current one: reads its tag, then its class (may be empty).
    pub const OPEN: u8 = 0;
    /// Sets an attribute on the current element: reads its name, then its value.
    pub const ATTR: u8 = 1;
    /// Appends a text node to the current element: reads its text.
    pub const TEXT: u8 = 2;
    /// Goes back to the parent of the current element.
    pub const CLOSE: u8 = 3;
}

/// The separator between strings. A NUL in feed text would shift every string after it, so
/// [`Nodes`] writes it as U+FFFD (as an HTML parser would).
pub const SEPARATOR: char = '\0';

/// A list of top-level elements with their attributes and text, ready to build.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Nodes {
    ops: Vec<u8>,
    strings: String,
    elements: usize,
    depth: usize,
}

impl Nodes {
    /// An empty list.
    pub fn new() -> Nodes {
        Nodes::default()
    }

    /// Opens an element inside the current one (or at the top level); `class` may be empty.
    pub fn open(&mut self, tag: &'static str, class: &str) -> &mut Self {
        self.ops.push(op::OPEN);
        self.string(tag);
        self.string(class);
        self.elements += 1;
        self.depth += 1;
        self
    }

    /// Sets attribute `name` of the element opened last.
    pub fn attr(&mut self, name: &'static str, value: &str) -> &mut Self {
        self.ops.push(op::ATTR);
        self.string(name);
        self.string(value);
        self
    }

    /// Appends `text` as a text node (never parsed as HTML).
    pub fn text(&mut self, text: &str) -> &mut Self {
        self.ops.push(op::TEXT);
        self.string(text);
        self
    }

    /// Closes the element opened last.
    pub fn close(&mut self) -> &mut Self {
        debug_assert!(self.depth > 0, "close without open");
        self.ops.push(op::CLOSE);
        self.depth = self.depth.saturating_sub(1);
        self
    }

    /// An element holding only `text`: `<tag class>text</tag>`.
    pub fn leaf(&mut self, tag: &'static str, class: &str, text: &str) -> &mut Self {
        self.open(tag, class).text(text).close()
    }

    /// The instructions, one byte each (see [`op`]).
    pub fn ops(&self) -> &[u8] {
        &self.ops
    }

    /// Every string the instructions read, in order, each followed by [`SEPARATOR`].
    pub fn strings(&self) -> &str {
        &self.strings
    }

    /// How many elements the list builds: what a page's budget counts.
    pub fn elements(&self) -> usize {
        self.elements
    }

    /// True when every element opened has been closed.
    pub fn is_complete(&self) -> bool {
        self.depth == 0
    }

    fn string(&mut self, s: &str) {
        if s.contains(SEPARATOR) {
            self.strings.extend(
                s.chars()
                    .map(|c| if c == SEPARATOR { '\u{fffd}' } else { c }),
            );
        } else {
            self.strings.push_str(s);
        }
        self.strings.push(SEPARATOR);
    }
}

/// `nodes` as HTML text (every string escaped), for the static page: the same elements the
/// widget builds, e.g. a chart's SVG, without a second description of them.
pub fn to_html(nodes: &Nodes) -> String {
    let mut strings = nodes.strings().split(SEPARATOR);
    let mut next = || strings.next().unwrap_or_default();
    let mut out = String::new();
    let mut open: Vec<&str> = Vec::new();
    // Whether the start tag of the element opened last still takes attributes.
    let mut in_tag = false;
    for &o in nodes.ops() {
        if in_tag && o != op::ATTR {
            out.push('>');
            in_tag = false;
        }
        match o {
            op::OPEN => {
                let (tag, class) = (next(), next());
                out.push('<');
                out.push_str(tag);
                if !class.is_empty() {
                    out.push_str(" class=\"");
                    out.push_str(&escape(class));
                    out.push('"');
                }
                open.push(tag);
                in_tag = true;
            }
            op::ATTR => {
                let (name, value) = (next(), next());
                out.push(' ');
                out.push_str(name);
                out.push_str("=\"");
                out.push_str(&escape(value));
                out.push('"');
            }
            op::TEXT => out.push_str(&escape(next())),
            _ => {
                out.push_str("</");
                out.push_str(open.pop().unwrap_or_default());
                out.push('>');
            }
        }
    }
    out
}

/// Decodes `nodes` the way `src/dom/nodes.js` does, into HTML-like text for assertions.
#[cfg(test)]
pub(crate) fn decode(nodes: &Nodes) -> String {
    let strings: Vec<&str> = nodes.strings().split(SEPARATOR).collect();
    let mut next = strings.into_iter();
    let mut out = String::new();
    let mut open: Vec<&str> = Vec::new();
    for &o in nodes.ops() {
        match o {
            op::OPEN => {
                let tag = next.next().unwrap();
                let class = next.next().unwrap();
                out.push_str(&format!("<{tag} class={class:?}>"));
                open.push(tag);
            }
            op::ATTR => {
                let name = next.next().unwrap();
                let value = next.next().unwrap();
                out.push_str(&format!("[{name}={value:?}]"));
            }
            op::TEXT => out.push_str(next.next().unwrap()),
            op::CLOSE => out.push_str(&format!("</{}>", open.pop().unwrap())),
            other => panic!("unknown op {other}"),
        }
    }
    assert_eq!(next.next(), Some(""), "every string read, then the end");
    assert_eq!(next.next(), None);
    out
}

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instructions_read_their_strings_in_order() {
        let mut n = Nodes::new();
        n.open("p", "error")
            .attr("role", "status")
            .text("안내")
            .close();
        n.leaf("span", "", "b");
        assert_eq!(
            decode(&n),
            r#"<p class="error">[role="status"]안내</p><span class="">b</span>"#
        );
        assert_eq!(n.elements(), 2);
        assert!(n.is_complete());
    }

    #[test]
    fn html_text_escapes_every_string() {
        let mut n = Nodes::new();
        n.open("p", "a\"b")
            .attr("title", "<x>&")
            .text("<script>")
            .leaf("svg", "", "")
            .close();
        assert_eq!(
            to_html(&n),
            r#"<p class="a&quot;b" title="&lt;x&gt;&amp;">&lt;script&gt;<svg></svg></p>"#
        );
    }

    #[test]
    fn a_nul_in_feed_text_cannot_shift_the_strings_after_it() {
        let mut n = Nodes::new();
        n.open("a", "")
            .text("x\0href\0javascript:alert(1)")
            .attr("href", "https://example.org")
            .close();
        assert_eq!(
            decode(&n),
            "<a class=\"\">x\u{fffd}href\u{fffd}javascript:alert(1)[href=\"https://example.org\"]</a>"
        );
    }
}
