//! Reading the parsed tree: which elements never carry article content, which look
//! like page furniture by their class and id, text and link lengths, and the page as
//! lines of visible text.

use std::collections::HashMap;

use ego_tree::{NodeId, NodeRef};
use scraper::Node;

use crate::text::{char_count, collapse, is_space};

pub(crate) type N<'a> = NodeRef<'a, Node>;

/// The element's local name, lower case (html5ever lower-cases HTML names).
pub(crate) fn tag<'a>(n: N<'a>) -> Option<&'a str> {
    n.value().as_element().map(|e| e.name())
}

pub(crate) fn attr<'a>(n: N<'a>, name: &str) -> Option<&'a str> {
    n.value().as_element().and_then(|e| e.attr(name))
}

/// Never content, never read for text: code, styles, embedded documents and
/// plug-ins, forms' controls, vector and math markup, media players.
pub(crate) fn is_inert(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "iframe"
            | "frame"
            | "frameset"
            | "object"
            | "embed"
            | "applet"
            | "param"
            | "svg"
            | "math"
            | "canvas"
            | "video"
            | "audio"
            | "source"
            | "track"
            | "select"
            | "option"
            | "textarea"
            | "button"
            | "input"
            | "head"
            | "title"
            | "link"
            | "meta"
            | "base"
            | "map"
            | "area"
            | "dialog"
    )
}

pub(crate) fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "table"
            | "tbody"
            | "thead"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "caption"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dd"
            | "dt"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "blockquote"
            | "pre"
            | "figure"
            | "figcaption"
            | "header"
            | "footer"
            | "nav"
            | "aside"
            | "form"
            | "center"
            | "hr"
            | "address"
            | "fieldset"
            | "details"
            | "summary"
    )
}

/// Hidden from every reader: `hidden`, `aria-hidden`, `display:none`.
pub(crate) fn is_hidden(n: N<'_>) -> bool {
    let Some(e) = n.value().as_element() else {
        return false;
    };
    if e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
        return true;
    }
    e.attr("style").is_some_and(|s| {
        // Most styles hide nothing: look closer only when one might.
        if !(s.contains("none") || s.contains("hidden") || s.contains("NONE")) {
            return false;
        }
        let s: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

/// Skipped whole wherever the walk meets it.
pub(crate) fn is_skipped(n: N<'_>) -> bool {
    match n.value() {
        Node::Element(e) => is_inert(e.name()) || is_hidden(n),
        Node::Comment(_) | Node::Doctype(_) | Node::ProcessingInstruction(_) => true,
        _ => false,
    }
}

/// Class and id together, lower case.
pub(crate) fn class_id(n: N<'_>) -> String {
    let Some(e) = n.value().as_element() else {
        return String::new();
    };
    let mut s = String::new();
    for c in e.classes() {
        s.push_str(c);
        s.push(' ');
    }
    if let Some(id) = e.id() {
        s.push_str(id);
    }
    s.to_ascii_lowercase()
}

fn tokens(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|t| !t.is_empty())
}

/// Furniture by name: comments, share rows, related lists, navigation, footers, ads.
pub(crate) fn is_furniture_name(names: &str) -> bool {
    const PARTS: [&str; 22] = [
        "comment",
        "footer",
        "sidebar",
        "related",
        "relate",
        "recommend",
        "share",
        "banner",
        "breadcrumb",
        "crumb",
        "copyright",
        "qrcode",
        "toolbar",
        "pagination",
        "advert",
        "popup",
        "login",
        "navbar",
        "subscribe",
        "hotnews",
        "morenews",
        "xgwz",
    ];
    const TOKENS: [&str; 24] = [
        "nav", "menu", "ad", "ads", "hot", "rank", "tool", "tools", "print", "foot", "side",
        "tags", "prev", "next", "position", "location", "ewm", "search", "fenxiang", "gg", "dy",
        "top", "header", "bottom",
    ];
    let lower = names;
    PARTS.iter().any(|p| lower.contains(p)) || tokens(lower).any(|t| TOKENS.contains(&t))
}

/// Content by name: the article's own container on most CMSs.
pub(crate) fn content_weight(names: &str) -> f64 {
    const GOOD: [&str; 16] = [
        "article",
        "content",
        "artibody",
        "trs_editor",
        "zoom",
        "detail",
        "main",
        "post",
        "entry",
        "text",
        "body",
        "rich_media",
        "neirong",
        "zhengwen",
        "conttxt",
        "union",
    ];
    let mut w = 0.0;
    if GOOD.iter().any(|g| names.contains(g)) {
        w += 25.0;
    }
    if is_furniture_name(names) {
        w -= 25.0;
    }
    w
}

/// Text and link-text lengths (characters, spaces not counted) and sentence
/// punctuation of every element.
pub(crate) struct Lengths {
    map: HashMap<NodeId, (u32, u32)>,
    punct: HashMap<NodeId, u32>,
}

impl Lengths {
    pub(crate) fn of(root: N<'_>) -> Self {
        let mut map = HashMap::new();
        let mut punct = HashMap::new();
        measure(root, false, &mut map, &mut punct);
        Lengths { map, punct }
    }

    pub(crate) fn punctuation(&self, n: N<'_>) -> u32 {
        self.punct.get(&n.id()).copied().unwrap_or(0)
    }

    pub(crate) fn text(&self, n: N<'_>) -> u32 {
        self.map.get(&n.id()).map_or(0, |l| l.0)
    }

    pub(crate) fn link_density(&self, n: N<'_>) -> f64 {
        match self.map.get(&n.id()) {
            Some(&(t, l)) if t > 0 => f64::from(l) / f64::from(t),
            _ => 0.0,
        }
    }
}

fn measure(
    n: N<'_>,
    in_link: bool,
    map: &mut HashMap<NodeId, (u32, u32)>,
    punct: &mut HashMap<NodeId, u32>,
) -> (u32, u32, u32) {
    if is_skipped(n) {
        return (0, 0, 0);
    }
    let r = match n.value() {
        Node::Text(t) => {
            let len = t.chars().filter(|c| !is_space(*c)).count() as u32;
            let p = crate::text::punctuation(t) as u32;
            (len, if in_link { len } else { 0 }, p)
        }
        _ => {
            let link = in_link || tag(n) == Some("a");
            let mut sum = (0, 0, 0);
            for c in n.children() {
                let (t, l, p) = measure(c, link, map, punct);
                sum.0 += t;
                sum.1 += l;
                sum.2 += p;
            }
            sum
        }
    };
    if n.value().is_element() {
        map.insert(n.id(), (r.0, r.1));
        punct.insert(n.id(), r.2);
    }
    r
}

/// All text under `n`, whitespace collapsed, skipped elements left out.
pub(crate) fn inner_text(n: N<'_>) -> String {
    let mut s = String::new();
    push_text(n, &mut s);
    collapse(&s)
}

fn push_text(n: N<'_>, out: &mut String) {
    if is_skipped(n) {
        return;
    }
    match n.value() {
        Node::Text(t) => out.push_str(t),
        Node::Element(e) => {
            let block = is_block(e.name()) || e.name() == "br";
            if block {
                out.push(' ');
            }
            for c in n.children() {
                push_text(c, out);
            }
            if block {
                out.push(' ');
            }
        }
        _ => {
            for c in n.children() {
                push_text(c, out);
            }
        }
    }
}

/// One line of visible text and where it starts in document order.
pub(crate) struct Line {
    pub(crate) text: String,
    pub(crate) at: usize,
}

/// The page as lines of visible text (block elements and `<br>` end lines), with the
/// document-order span `[start, end)` of every element, to place lines against them.
pub(crate) struct Lines {
    pub(crate) lines: Vec<Line>,
    pub(crate) spans: HashMap<NodeId, (usize, usize)>,
}

impl Lines {
    pub(crate) fn of(root: N<'_>) -> Self {
        let mut w = LineWalk {
            lines: Vec::new(),
            spans: HashMap::new(),
            cur: String::new(),
            cur_at: 0,
            counter: 0,
        };
        w.walk(root);
        w.end_line();
        Lines {
            lines: w.lines,
            spans: w.spans,
        }
    }

    pub(crate) fn span(&self, n: N<'_>) -> Option<(usize, usize)> {
        self.spans.get(&n.id()).copied()
    }
}

struct LineWalk {
    lines: Vec<Line>,
    spans: HashMap<NodeId, (usize, usize)>,
    cur: String,
    cur_at: usize,
    counter: usize,
}

impl LineWalk {
    fn end_line(&mut self) {
        let text = collapse(&self.cur);
        self.cur.clear();
        if char_count(&text) > 0 {
            self.lines.push(Line {
                text,
                at: self.cur_at,
            });
        }
    }

    fn walk(&mut self, n: N<'_>) {
        if is_skipped(n) {
            return;
        }
        let start = self.counter;
        self.counter += 1;
        match n.value() {
            Node::Text(t) => {
                if self.cur.trim().is_empty() {
                    self.cur_at = start;
                }
                self.cur.push_str(t);
            }
            Node::Element(e) => {
                let block = is_block(e.name());
                if block || e.name() == "br" {
                    self.end_line();
                }
                for c in n.children() {
                    self.walk(c);
                }
                if block {
                    self.end_line();
                }
                self.spans.insert(n.id(), (start, self.counter));
            }
            _ => {
                for c in n.children() {
                    self.walk(c);
                }
            }
        }
    }
}
