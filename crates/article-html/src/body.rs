//! Finding the article in the page, reading it into blocks, and the blocks into
//! sections by their headings.
//!
//! The container is found by where running text concentrates: each text block
//! (a paragraph, a `<br>`-separated `<div>` or table cell) scores by its length and
//! punctuation, and gives that score to its container and, less, to the containers
//! above; a container's class or id counts for or against it, its link density
//! against it. The best container is then read in document order: paragraphs (also
//! lines between `<br>`s), headings, lists, quotes, figures, data tables and links.
//! Markup is never copied: only text and URLs that pass [`article::safe_url`] leave.
//!
//! Once the header and trailer lines are taken out, a short paragraph right after a
//! figure, centred or marked (`图为…`), becomes its caption, and headings (by kind,
//! bold or numbered paragraphs among them) open the sections, which an [`Outline`]
//! nests as it does the text importer's.

use std::collections::HashMap;

use article::{safe_url, Article, Block, Cell, Inline, Outline, Span};
use ego_tree::NodeId;
use scraper::Node;
use url::Url;

use crate::dom::{
    attr, class_id, content_weight, inner_text, is_block, is_furniture_name, is_skipped, tag,
    Lengths, N,
};
use crate::text::{
    char_count, collapse, ends_running_text, file_type, find_size, punctuation, trim,
};

/// The element holding the article text, if any holds enough of it.
pub(crate) fn find_content<'a>(body: N<'a>, lengths: &Lengths) -> Option<N<'a>> {
    let mut scores: HashMap<NodeId, f64> = HashMap::new();
    let mut nodes: HashMap<NodeId, N<'a>> = HashMap::new();
    score_blocks(body, lengths, &mut scores, &mut nodes);
    let mut best: Option<(f64, N<'a>)> = None;
    for (id, score) in &scores {
        let n = nodes[id];
        let weighted = (score + content_weight(&class_id(n))) * (1.0 - lengths.link_density(n));
        if best.is_none_or(|(b, bn)| weighted > b || (weighted == b && bn.id() > n.id())) {
            best = Some((weighted, n));
        }
    }
    best.filter(|(s, _)| *s > 3.0).map(|(_, n)| n)
}

fn score_blocks<'a>(
    n: N<'a>,
    lengths: &Lengths,
    scores: &mut HashMap<NodeId, f64>,
    nodes: &mut HashMap<NodeId, N<'a>>,
) {
    for c in n.children() {
        if is_skipped(c) || !c.value().is_element() {
            continue;
        }
        let t = tag(c).unwrap_or("");
        if matches!(t, "nav" | "footer" | "aside") {
            continue;
        }
        score_blocks(c, lengths, scores, nodes);
        let text_block = matches!(t, "p" | "pre" | "blockquote")
            || (matches!(
                t,
                "div" | "td" | "section" | "article" | "span" | "font" | "center" | "dd"
            ) && lengths.text(c) >= 20
                && has_own_text(c, lengths));
        if !text_block {
            continue;
        }
        let len = lengths.text(c) - (lengths.link_density(c) * f64::from(lengths.text(c))) as u32;
        if len < 20 {
            continue;
        }
        let score = 1.0 + f64::from(lengths.punctuation(c)) + (f64::from(len) / 100.0).min(3.0);
        // A container that holds its text directly (`<br>`-separated) scores itself.
        if !matches!(t, "p" | "pre" | "blockquote" | "span" | "font") {
            add(c, score, scores, nodes);
        }
        let mut up = c.parent();
        let mut level = 0;
        while let Some(a) = up {
            if !a.value().is_element() || level > 3 {
                break;
            }
            let share = match level {
                0 => 1.0,
                1 => 0.5,
                l => 1.0 / (f64::from(l) * 3.0),
            };
            add(a, score * share, scores, nodes);
            up = a.parent();
            level += 1;
        }
    }
}

fn add<'a>(
    n: N<'a>,
    s: f64,
    scores: &mut HashMap<NodeId, f64>,
    nodes: &mut HashMap<NodeId, N<'a>>,
) {
    if matches!(tag(n), Some("html" | "body")) {
        return;
    }
    *scores.entry(n.id()).or_insert(0.0) += s;
    nodes.entry(n.id()).or_insert(n);
}

/// Text directly inside (not inside a block child): a `<div>` or cell used as a
/// paragraph, or several joined by `<br>`.
fn has_own_text(n: N<'_>, lengths: &Lengths) -> bool {
    let mut own = 0;
    for c in n.children() {
        match c.value() {
            Node::Text(t) => own += t.chars().filter(|c| !c.is_whitespace()).count(),
            Node::Element(e) if is_block(e.name()) => {}
            Node::Element(_) => own += lengths.text(c) as usize,
            _ => {}
        }
        if own >= 20 {
            return true;
        }
    }
    false
}

/// A piece of the body before sections are built.
#[derive(Debug)]
pub(crate) enum Piece {
    Para { text: Inline, centered: bool },
    Heading { rank: u8, text: String },
    Block(Block),
}

/// A link to a file.
pub(crate) struct FileLink {
    pub(crate) name: String,
    pub(crate) url: String,
    pub(crate) kind: &'static str,
    pub(crate) size: Option<u64>,
}

#[derive(Clone, Copy, Default)]
struct Style {
    strong: bool,
    emphasis: bool,
}

pub(crate) struct Reader<'b> {
    base: Option<&'b Url>,
    pub(crate) pieces: Vec<Piece>,
    pub(crate) files: Vec<FileLink>,
    spans: Vec<Span>,
    centered: bool,
    /// Inside a `<blockquote>`: paragraphs become quotes.
    quote: bool,
    /// How many pieces there were when the last file link was read.
    file_at: Option<usize>,
}

pub(crate) const RANK_H1: u8 = 1;

impl<'b> Reader<'b> {
    pub(crate) fn new(base: Option<&'b Url>) -> Self {
        Reader {
            base,
            pieces: Vec::new(),
            files: Vec::new(),
            spans: Vec::new(),
            centered: false,
            quote: false,
            file_at: None,
        }
    }

    /// A URL from the page, resolved and checked; `None` when it is not safe.
    pub(crate) fn url(&self, raw: &str) -> Option<String> {
        resolve(self.base, raw)
    }

    pub(crate) fn read(&mut self, n: N<'_>) {
        self.walk(n, Style::default(), None);
        self.flush();
    }

    fn flush(&mut self) {
        let spans = std::mem::take(&mut self.spans);
        let Some(text) = finish_inline(spans) else {
            return;
        };
        // `<a>办法.pdf</a>（356KB）`, or the size on a line of its own under the link:
        // the size is the file's.
        if self.file_at == Some(self.pieces.len()) {
            let t = text.plain_text();
            if is_size_only(&t) {
                if let Some(f) = self.files.last_mut() {
                    f.size = f.size.or_else(|| find_size(&t));
                }
            }
        }
        if self.quote {
            self.pieces
                .push(Piece::Block(Block::Quote { text, cite: None }));
        } else {
            self.pieces.push(Piece::Para {
                text,
                centered: self.centered,
            });
        }
    }

    fn push_text(&mut self, t: &str, style: Style, href: Option<&str>) {
        if t.is_empty() {
            return;
        }
        let plain = !style.strong && !style.emphasis && href.is_none();
        if let Some(last) = self.spans.last_mut() {
            match last {
                Span::Text(s) if plain => {
                    s.push_str(t);
                    return;
                }
                Span::Styled {
                    text,
                    emphasis,
                    strong,
                    href: h,
                } if !plain
                    && *emphasis == style.emphasis
                    && *strong == style.strong
                    && h.as_deref() == href =>
                {
                    text.push_str(t);
                    return;
                }
                _ => {}
            }
        }
        self.spans.push(if plain {
            Span::Text(t.to_owned())
        } else {
            Span::Styled {
                text: t.to_owned(),
                emphasis: style.emphasis,
                strong: style.strong,
                href: href.map(str::to_owned),
            }
        });
    }

    fn walk(&mut self, n: N<'_>, style: Style, href: Option<&str>) {
        if is_skipped(n) {
            return;
        }
        let e = match n.value() {
            Node::Text(t) => {
                self.push_text(t, style, href);
                return;
            }
            Node::Element(e) => e,
            _ => {
                for c in n.children() {
                    self.walk(c, style, href);
                }
                return;
            }
        };
        let name = e.name();
        match name {
            "br" => self.flush(),
            "nav" | "footer" | "aside" | "header" | "form" => {}
            "img" => {
                self.flush();
                if let Some(b) = self.figure(n, None) {
                    self.pieces.push(Piece::Block(b));
                }
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                let text = inner_text(n);
                if !text.is_empty() {
                    let rank = match name {
                        "h1" => RANK_H1,
                        "h2" => 2,
                        "h3" => 4,
                        "h4" => 6,
                        _ => 8,
                    };
                    self.pieces.push(Piece::Heading { rank, text });
                }
                // Images inside headings still count.
                for img in n.descendants().filter(|d| tag(*d) == Some("img")) {
                    if let Some(b) = self.figure(img, None) {
                        self.pieces.push(Piece::Block(b));
                    }
                }
            }
            "ul" | "ol" => {
                self.flush();
                self.list(n, name == "ol");
            }
            "table" => {
                self.flush();
                match self.table(n) {
                    Some(t) => self.pieces.push(Piece::Block(t)),
                    None => self.children(n, style, href, true),
                }
            }
            "figure" => {
                self.flush();
                let caption = n
                    .children()
                    .find(|c| tag(*c) == Some("figcaption"))
                    .map(inner_text)
                    .filter(|c| !c.is_empty());
                let imgs: Vec<N<'_>> = n.descendants().filter(|d| tag(*d) == Some("img")).collect();
                for (k, img) in imgs.iter().enumerate() {
                    let cap = if k + 1 == imgs.len() {
                        caption.as_deref()
                    } else {
                        None
                    };
                    if let Some(b) = self.figure(*img, cap) {
                        self.pieces.push(Piece::Block(b));
                    }
                }
            }
            "blockquote" => {
                self.flush();
                let was = self.quote;
                self.quote = true;
                self.children(n, style, href, false);
                self.flush();
                self.quote = was;
            }
            "a" => {
                let raw = e.attr("href").unwrap_or("");
                let target = self.url(raw);
                if let Some(kind) = target.as_deref().and_then(file_type) {
                    let name = inner_text(n);
                    let url = target.clone().unwrap_or_default();
                    let name = if name.is_empty() {
                        url.rsplit('/').next().unwrap_or("").to_owned()
                    } else {
                        name
                    };
                    let size = find_size(&name).or_else(|| {
                        n.next_sibling()
                            .and_then(|s| s.value().as_text().map(|t| t.to_string()))
                            .and_then(|t| find_size(&t))
                    });
                    if !name.is_empty() {
                        self.files.push(FileLink {
                            name,
                            url,
                            kind,
                            size,
                        });
                        self.file_at = Some(self.pieces.len());
                    }
                    return;
                }
                let href = target.as_deref().or(href);
                for c in n.children() {
                    self.walk(c, style, href);
                }
            }
            "strong" | "b" | "em" | "i" => {
                let s = if matches!(name, "strong" | "b") {
                    Style {
                        strong: true,
                        ..style
                    }
                } else {
                    Style {
                        emphasis: true,
                        ..style
                    }
                };
                for c in n.children() {
                    self.walk(c, s, href);
                }
            }
            _ if is_block(name) => {
                if name != "div" && is_furniture_name(&class_id(n)) && name != "td" {
                    return;
                }
                if name == "div" && is_furniture_name(&class_id(n)) && !has_much_text(n) {
                    return;
                }
                self.children(n, style, href, true);
            }
            _ => {
                for c in n.children() {
                    self.walk(c, style, href);
                }
            }
        }
    }

    fn children(&mut self, n: N<'_>, style: Style, href: Option<&str>, block: bool) {
        if block {
            self.flush();
        }
        let was = self.centered;
        if block && is_centered(n) {
            self.centered = true;
        }
        for c in n.children() {
            self.walk(c, style, href);
        }
        if block {
            self.flush();
        }
        self.centered = was;
    }

    fn figure(&self, img: N<'_>, caption: Option<&str>) -> Option<Block> {
        const LAZY: [&str; 6] = [
            "data-original",
            "data-src",
            "data-actualsrc",
            "data-lazy-src",
            "original",
            "src",
        ];
        let raw = LAZY
            .iter()
            .filter_map(|a| attr(img, a))
            .map(trim)
            .find(|s| !s.is_empty() && !s.starts_with("data:"))?;
        let lower = raw.to_ascii_lowercase();
        if [
            "logo",
            "icon",
            "qrcode",
            "erweima",
            "ewm",
            "spacer",
            "blank.gif",
            "loading",
            "avatar",
        ]
        .iter()
        .any(|w| lower.contains(w))
        {
            return None;
        }
        let dim =
            |a: &str| attr(img, a).and_then(|v| trim(v).trim_end_matches("px").parse::<u32>().ok());
        let (width, height) = (dim("width"), dim("height"));
        if width.is_some_and(|w| w < 40) || height.is_some_and(|h| h < 40) {
            return None;
        }
        let src = self.url(raw)?;
        let alt = attr(img, "alt")
            .map(collapse)
            .filter(|a| !a.is_empty())
            .or_else(|| attr(img, "title").map(collapse).filter(|a| !a.is_empty()))
            .or_else(|| caption.map(str::to_owned))
            .unwrap_or_else(|| "图片".to_owned());
        Some(Block::Figure {
            src,
            alt,
            caption: caption.map(Inline::from),
            width: width.filter(|w| *w > 0),
            height: height.filter(|h| *h > 0),
        })
    }

    fn list(&mut self, n: N<'_>, ordered: bool) {
        let mut items = Vec::new();
        let mut links = 0usize;
        let mut figures = Vec::new();
        for li in n
            .children()
            .filter(|c| tag(*c) == Some("li") && !is_skipped(*c))
        {
            let mut sub = Reader::new(self.base);
            sub.walk(li, Style::default(), None);
            sub.flush();
            let mut spans: Vec<Span> = Vec::new();
            for p in sub.pieces {
                match p {
                    Piece::Para { text, .. } | Piece::Block(Block::Quote { text, .. }) => {
                        if !spans.is_empty() {
                            spans.push(Span::Text(" ".to_owned()));
                        }
                        match text {
                            Inline::Text(t) => spans.push(Span::Text(t)),
                            Inline::Spans(s) => spans.extend(s),
                        }
                    }
                    Piece::Heading { text, .. } => {
                        if !spans.is_empty() {
                            spans.push(Span::Text(" ".to_owned()));
                        }
                        spans.push(Span::Text(text));
                    }
                    Piece::Block(b @ Block::Figure { .. }) => figures.push(b),
                    Piece::Block(_) => {}
                }
            }
            self.files.extend(sub.files);
            if let Some(item) = finish_inline(spans) {
                if matches!(&item, Inline::Spans(s) if s.iter().all(|s| matches!(s, Span::Styled { href: Some(_), .. }) || s.text().trim().is_empty()))
                {
                    links += 1;
                }
                items.push(item);
            }
        }
        // A list of links is a related-articles or navigation list.
        if items.len() >= 2 && links * 2 > items.len() {
            return;
        }
        if !items.is_empty() {
            self.pieces
                .push(Piece::Block(Block::List { ordered, items }));
        }
        self.pieces.extend(figures.into_iter().map(Piece::Block));
    }

    /// A data table; `None` for a layout table (read as ordinary content).
    fn table(&mut self, n: N<'_>) -> Option<Block> {
        if attr(n, "role") == Some("presentation") {
            return None;
        }
        let mut rows: Vec<(N<'_>, bool)> = Vec::new();
        collect_rows(n, false, &mut rows);
        if rows.len() < 2 {
            return None;
        }
        let mut max_cells = 0;
        for (r, _) in &rows {
            let cells: Vec<N<'_>> = r
                .children()
                .filter(|c| matches!(tag(*c), Some("td" | "th")))
                .collect();
            max_cells = max_cells.max(cells.len());
            for c in cells {
                let layout = c.descendants().skip(1).any(|d| {
                    matches!(
                        tag(d),
                        Some("table" | "div" | "ul" | "ol" | "h1" | "h2" | "h3" | "img" | "form")
                    )
                }) || c.children().filter(|d| tag(*d) == Some("p")).count() > 2
                    || char_count(&inner_text(c)) > 300;
                if layout {
                    return None;
                }
            }
        }
        if max_cells < 2 {
            return None;
        }
        let caption = n
            .children()
            .find(|c| tag(*c) == Some("caption"))
            .map(inner_text)
            .filter(|c| !c.is_empty());
        let mut head = Vec::new();
        let mut body = Vec::new();
        for (k, (r, in_head)) in rows.iter().enumerate() {
            let mut cells = Vec::new();
            let mut all_th = true;
            for c in r
                .children()
                .filter(|c| matches!(tag(*c), Some("td" | "th")))
            {
                let is_th = tag(c) == Some("th");
                all_th &= is_th;
                let mut sub = Reader::new(self.base);
                sub.walk(c, Style::default(), None);
                sub.flush();
                self.files.extend(std::mem::take(&mut sub.files));
                let mut spans = Vec::new();
                for p in sub.pieces {
                    if let Piece::Para { text, .. } = p {
                        if !spans.is_empty() {
                            spans.push(Span::Text(" ".to_owned()));
                        }
                        match text {
                            Inline::Text(t) => spans.push(Span::Text(t)),
                            Inline::Spans(s) => spans.extend(s),
                        }
                    }
                }
                let span_attr = |a: &str| {
                    attr(c, a)
                        .and_then(|v| trim(v).parse::<u32>().ok())
                        .filter(|v| *v > 1)
                        .map(|v| v.min(if a == "colspan" { 1000 } else { 65534 }))
                };
                cells.push(Cell {
                    text: finish_inline(spans).unwrap_or_else(|| Inline::Text(String::new())),
                    header: is_th,
                    colspan: span_attr("colspan"),
                    rowspan: span_attr("rowspan"),
                });
            }
            if cells.is_empty() {
                continue;
            }
            let to_head = *in_head || (k == 0 && all_th && head.is_empty());
            if to_head {
                for c in &mut cells {
                    c.header = false;
                }
                head.push(cells);
            } else {
                body.push(cells);
            }
        }
        let blank = head
            .iter()
            .chain(&body)
            .flatten()
            .all(|c| c.text.plain_text().trim().is_empty());
        if blank {
            return None;
        }
        if body.is_empty() {
            body = std::mem::take(&mut head);
        }
        Some(Block::Table {
            caption,
            head,
            rows: body,
        })
    }
}

/// `（356KB）`, `[大小：1.2MB]`, `12.5M`: a file size and nothing else.
pub(crate) fn is_size_only(t: &str) -> bool {
    let t = trim(t);
    let inner = t
        .trim_matches(|c: char| "()（）[]【】".contains(c) || crate::text::is_space(c))
        .trim_start_matches("大小")
        .trim_start_matches("文件大小")
        .trim_start_matches([':', '\u{ff1a}', ' ']);
    char_count(inner) <= 16
        && find_size(inner).is_some()
        && inner
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == ' ')
}

fn collect_rows<'a>(n: N<'a>, in_head: bool, out: &mut Vec<(N<'a>, bool)>) {
    for c in n.children() {
        match tag(c) {
            Some("tr") => out.push((c, in_head)),
            Some("thead") => collect_rows(c, true, out),
            Some("tbody" | "tfoot") => collect_rows(c, in_head, out),
            _ => {}
        }
    }
}

fn has_much_text(n: N<'_>) -> bool {
    let t = inner_text(n);
    char_count(&t) > 200 && punctuation(&t) > 5
}

fn is_centered(n: N<'_>) -> bool {
    if tag(n) == Some("center")
        || attr(n, "align").is_some_and(|a| a.eq_ignore_ascii_case("center"))
    {
        return true;
    }
    let style_center = attr(n, "style").is_some_and(|s| {
        s.to_ascii_lowercase()
            .replace(' ', "")
            .contains("text-align:center")
    });
    let names = class_id(n);
    style_center
        || ["center", "pic", "img", "caption", "desc", "note", "tuzhu"]
            .iter()
            .any(|w| names.contains(w))
}

/// Spans to inline text: ends trimmed, empty runs dropped, plain runs as a string.
pub(crate) fn finish_inline(spans: Vec<Span>) -> Option<Inline> {
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        let s = match s {
            Span::Text(t) => Span::Text(collapse_keep_edges(&t)),
            Span::Styled {
                text,
                emphasis,
                strong,
                href,
            } => Span::Styled {
                text: collapse_keep_edges(&text),
                emphasis,
                strong,
                href,
            },
        };
        if s.text().is_empty() {
            continue;
        }
        match (out.last_mut(), &s) {
            (Some(Span::Text(a)), Span::Text(b)) => {
                if a.ends_with(' ') && b.starts_with(' ') {
                    a.push_str(&b[1..]);
                } else {
                    a.push_str(b);
                }
            }
            _ => out.push(s),
        }
    }
    // Trim the ends of the whole run.
    while out.first().is_some_and(|s| trim(s.text()).is_empty()) {
        out.remove(0);
    }
    while out.last().is_some_and(|s| trim(s.text()).is_empty()) {
        out.pop();
    }
    if let Some(first) = out.first_mut() {
        set_text(first, |t| {
            t.trim_start_matches(crate::text::is_space).to_owned()
        });
    }
    if let Some(last) = out.last_mut() {
        set_text(last, |t| {
            t.trim_end_matches(crate::text::is_space).to_owned()
        });
    }
    match out.len() {
        0 => None,
        1 if matches!(out[0], Span::Text(_)) => Some(Inline::Text(out[0].text().to_owned())),
        _ => Some(Inline::Spans(out)),
    }
}

fn set_text(s: &mut Span, f: impl FnOnce(&str) -> String) {
    match s {
        Span::Text(t) => *t = f(t),
        Span::Styled { text, .. } => *text = f(text),
    }
}

/// Whitespace runs as one space, keeping one at either end if there was any.
fn collapse_keep_edges(s: &str) -> String {
    let lead = s.starts_with(crate::text::is_space);
    let tail = s.ends_with(crate::text::is_space);
    let mid = collapse(s);
    if mid.is_empty() {
        return if lead || tail {
            " ".to_owned()
        } else {
            String::new()
        };
    }
    let mut out = String::with_capacity(mid.len() + 2);
    if lead {
        out.push(' ');
    }
    out.push_str(&mid);
    if tail {
        out.push(' ');
    }
    out
}

/// `raw` resolved against `base` and checked; `None` when it is not a safe URL.
pub(crate) fn resolve(base: Option<&Url>, raw: &str) -> Option<String> {
    // Browsers drop tabs and newlines anywhere in a URL and trim spaces and controls
    // from its ends: read it as they do, so no disguise slips past the check.
    let cleaned: String = raw
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let cleaned = cleaned.trim_matches(|c: char| c <= ' ');
    // Quotes, angle brackets and spaces are never in a real page's URL, only in
    // markup that lost its way (`src= onmouseover="…"`).
    if cleaned.is_empty()
        || cleaned.starts_with('#')
        || cleaned.contains(['"', '\'', '<', '>', '`', ' '])
    {
        return None;
    }
    let resolved = match base {
        Some(b) => b.join(cleaned).ok()?.to_string(),
        None => match Url::parse(cleaned) {
            Ok(u) => u.to_string(),
            Err(_) => cleaned.to_owned(),
        },
    };
    match Url::parse(&resolved) {
        Ok(u) if !matches!(u.scheme(), "http" | "https" | "mailto" | "tel") => return None,
        _ => {}
    }
    safe_url(&resolved).ok().map(|u| u.as_str().to_owned())
}

/// Bold-only paragraphs and short numbered ones are headings; the rank orders kinds
/// of heading from outermost (chapter) to innermost.
pub(crate) fn heading_of(p: &Piece) -> Option<(u8, String)> {
    let Piece::Para { text, .. } = p else {
        return None;
    };
    let plain = text.plain_text();
    let t = trim(&plain);
    let n = char_count(t);
    if !(2..=40).contains(&n) || ends_running_text(t) {
        return None;
    }
    if let Some(rank) = numbered_rank(t) {
        return Some((rank, t.to_owned()));
    }
    let bold = match text {
        Inline::Spans(spans) => spans.iter().all(|s| match s {
            Span::Styled { strong, href, .. } => *strong && href.is_none(),
            Span::Text(t) => trim(t).is_empty(),
        }),
        Inline::Text(_) => false,
    };
    bold.then(|| (7, t.to_owned()))
}

/// 第一章 → 0, 一、→ 3, (一) → 5, 1. → 9.
fn numbered_rank(t: &str) -> Option<u8> {
    const CN: &str = "一二三四五六七八九十百零〇";
    let cn_run = |s: &str| {
        s.chars()
            .take_while(|c| CN.contains(*c))
            .map(char::len_utf8)
            .sum::<usize>()
    };
    if let Some(rest) = t.strip_prefix('第') {
        let k = cn_run(rest);
        if k > 0 && rest[k..].starts_with(['章', '编']) {
            return Some(0);
        }
        if k > 0 && rest[k..].starts_with(['节', '部']) {
            return Some(3);
        }
    }
    let k = cn_run(t);
    if k > 0 && t[k..].starts_with(['、', '\u{ff0e}', '.']) {
        return Some(3);
    }
    for (open, close) in [('\u{ff08}', '\u{ff09}'), ('(', ')')] {
        if let Some(rest) = t.strip_prefix(open) {
            let k = cn_run(rest);
            if k > 0 && rest[k..].starts_with(close) {
                return Some(5);
            }
        }
    }
    None
}

/// A short centred paragraph right after a figure is its caption.
pub(crate) fn captions(pieces: &mut Vec<Piece>) {
    let mut k = 0;
    while k + 1 < pieces.len() {
        let cap = match (&pieces[k], &pieces[k + 1]) {
            (Piece::Block(Block::Figure { caption: None, .. }), Piece::Para { text, centered }) => {
                let t = text.plain_text();
                let short = char_count(&t) <= 60;
                let marked = t.starts_with("图为")
                    || t.starts_with('\u{25b2}')
                    || t.starts_with("图：")
                    || t.starts_with("(图")
                    || t.starts_with("资料图")
                    || t.starts_with("图片来源")
                    || t.ends_with('摄');
                (short && (*centered || marked)).then_some(t)
            }
            _ => None,
        };
        if let Some(c) = cap {
            if let Piece::Block(Block::Figure { caption, alt, .. }) = &mut pieces[k] {
                if alt == "图片" {
                    alt.clone_from(&c);
                }
                *caption = Some(Inline::Text(c));
            }
            pieces.remove(k + 1);
        }
        k += 1;
    }
}

pub(crate) fn build_sections(a: &mut Article, pieces: Vec<Piece>) {
    // Headings by kind; bold and numbered paragraphs are headings too.
    let pieces: Vec<Piece> = pieces
        .into_iter()
        .map(|p| match heading_of(&p) {
            Some((rank, text)) => Piece::Heading { rank, text },
            None => p,
        })
        .collect();
    // Three or more headings of a kind in a row, nothing between: a list, not headings.
    let mut pieces = pieces;
    let mut k = 0;
    while k < pieces.len() {
        let Piece::Heading { rank, .. } = pieces[k] else {
            k += 1;
            continue;
        };
        let mut end = k + 1;
        while matches!(pieces.get(end), Some(Piece::Heading { rank: r, .. }) if *r == rank) {
            end += 1;
        }
        if end - k >= 3 {
            for p in &mut pieces[k..end] {
                if let Piece::Heading { text, .. } = p {
                    *p = Piece::Para {
                        text: Inline::Text(std::mem::take(text)),
                        centered: false,
                    };
                }
            }
        }
        k = end;
    }
    let mut ranks: Vec<u8> = pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Heading { rank, .. } if *rank != RANK_H1 => Some(*rank),
            _ => None,
        })
        .collect();
    ranks.sort_unstable();
    ranks.dedup();
    ranks.truncate(3);

    let mut outline = Outline::new(a);
    for p in pieces {
        match p {
            Piece::Heading { rank, text } => match ranks.iter().position(|r| *r == rank) {
                Some(level) => outline.open(level + 1, text),
                None => outline.push(Block::Subheading { text }),
            },
            Piece::Para { text, .. } => {
                let plain = text.plain_text();
                match article::footnote(&plain) {
                    Some((n, rest)) => outline.footnote(n, Inline::Text(rest.to_owned())),
                    None => outline.push(Block::Paragraph { text }),
                }
            }
            Piece::Block(b) => outline.push(b),
        }
    }
    outline.finish();
}
