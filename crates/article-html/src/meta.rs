//! What the page says about itself: JSON-LD, the government CMS meta tags the
//! national government-website guidelines prescribe (`ArticleTitle`, `PubDate`,
//! `ContentSource`, …), Open Graph and other `<meta>`, `<link rel=canonical>`,
//! `<base>`, `<title>`, `<html lang>`.

use article::{BREADCRUMB_LABELS, BREADCRUMB_SEPARATORS};
use scraper::Node;
use serde_json::Value;

use crate::dom::{is_skipped, tag, N};
use crate::text::collapse;

#[derive(Default)]
pub(crate) struct Meta {
    /// `<meta>` name / property / itemprop (lower case) and content, in page order.
    pub(crate) tags: Vec<(String, String)>,
    /// The government CMS tags by their exact names, empty ones too: an empty
    /// `Author` says there is no author.
    pub(crate) cms: Vec<(String, String)>,
    /// `NewsArticle`-like JSON-LD objects.
    pub(crate) ld: Vec<Value>,
    pub(crate) title: Option<String>,
    pub(crate) canonical: Option<String>,
    pub(crate) base: Option<String>,
    pub(crate) lang: Option<String>,
    /// `<time datetime>` values, in page order.
    pub(crate) times: Vec<String>,
    /// A publish time a page script sets (`var ct = "1581418070"`,
    /// `publish_time: "2019-09-08 11:42"`), for pages that print it from script.
    pub(crate) script_time: Option<String>,
}

impl Meta {
    pub(crate) fn read(root: N<'_>) -> Self {
        let mut m = Meta::default();
        for n in root.descendants() {
            let Node::Element(e) = n.value() else {
                continue;
            };
            match e.name() {
                "html" => m.lang = e.attr("lang").map(str::to_owned),
                "meta" => {
                    let key = e
                        .attr("name")
                        .or_else(|| e.attr("property"))
                        .or_else(|| e.attr("itemprop"));
                    if let (Some(k), Some(c)) = (key, e.attr("content")) {
                        let c = collapse(c);
                        if CMS.contains(&k.trim()) {
                            m.cms.push((k.trim().to_owned(), c.clone()));
                        }
                        if !c.is_empty() {
                            m.tags.push((k.trim().to_ascii_lowercase(), c));
                        }
                    }
                }
                "title" if m.title.is_none() => {
                    let t: String = n
                        .children()
                        .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
                        .collect();
                    let t = collapse(&t);
                    if !t.is_empty() {
                        m.title = Some(t);
                    }
                }
                "link" => {
                    let canonical = e.attr("rel").is_some_and(|r| {
                        r.split_whitespace()
                            .any(|r| r.eq_ignore_ascii_case("canonical"))
                    });
                    if canonical && m.canonical.is_none() {
                        m.canonical = e.attr("href").map(|h| h.trim().to_owned());
                    }
                }
                "base" if m.base.is_none() => m.base = e.attr("href").map(|h| h.trim().to_owned()),
                "time" if !is_skipped(n) => {
                    if let Some(d) = e.attr("datetime") {
                        m.times.push(d.to_owned());
                    }
                }
                "script"
                    if e.attr("type")
                        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) =>
                {
                    let text: String = n
                        .children()
                        .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
                        .collect();
                    if let Ok(v) = serde_json::from_str::<Value>(text.trim()) {
                        collect_ld(v, &mut m.ld, 0);
                    }
                }
                "script" if m.script_time.is_none() => {
                    let text: String = n
                        .children()
                        .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
                        .collect();
                    m.script_time = script_time(&text);
                }
                _ => {}
            }
        }
        m
    }

    /// The first `<meta>` of any of `keys` (lower case), in the order of `keys`.
    pub(crate) fn tag(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|k| {
            self.tags
                .iter()
                .find(|(n, _)| n == k)
                .map(|(_, c)| c.as_str())
        })
    }

    /// A CMS tag's value, when given and not empty.
    pub(crate) fn cms(&self, key: &str) -> Option<&str> {
        self.cms_present(key).filter(|v| !v.is_empty())
    }

    /// A CMS tag's value, empty or not, when the page has the tag.
    pub(crate) fn cms_present(&self, key: &str) -> Option<&str> {
        self.cms
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// A string field of the first JSON-LD article that has it.
    pub(crate) fn ld_str(&self, key: &str) -> Option<String> {
        self.ld.iter().find_map(|o| match o.get(key)? {
            Value::String(s) => Some(collapse(s)).filter(|s| !s.is_empty()),
            Value::Array(a) => a
                .iter()
                .find_map(|v| v.as_str().map(collapse))
                .filter(|s| !s.is_empty()),
            _ => None,
        })
    }

    /// Names under a JSON-LD key that holds a person, organisation or a list of them.
    pub(crate) fn ld_names(&self, key: &str) -> Vec<String> {
        let Some(v) = self.ld.iter().find_map(|o| o.get(key)) else {
            return Vec::new();
        };
        let one = |v: &Value| match v {
            Value::String(s) => Some(collapse(s)),
            Value::Object(o) => o.get("name").and_then(Value::as_str).map(collapse),
            _ => None,
        };
        match v {
            Value::Array(a) => a.iter().filter_map(one).filter(|s| !s.is_empty()).collect(),
            v => one(v).filter(|s| !s.is_empty()).into_iter().collect(),
        }
    }
}

/// The value a script gives one of the usual publish-time variables: a date string,
/// or Unix seconds (shown in Beijing time).
fn script_time(js: &str) -> Option<String> {
    const KEYS: [&str; 8] = [
        "publish_time",
        "publishTime",
        "pubtime",
        "pubTime",
        "pub_time",
        "datePublished",
        "var ct",
        "create_time",
    ];
    for key in KEYS {
        let mut from = 0;
        while let Some(at) = js[from..].find(key) {
            let start = from + at + key.len();
            from = start;
            let rest = js[start..].trim_start_matches(['"', '\'', ' ']);
            let Some(rest) = rest.strip_prefix([':', '=']) else {
                continue;
            };
            let rest = rest.trim_start_matches([' ', '"', '\'']);
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 10 && !rest[digits..].starts_with(['-', '/']) {
                let secs: i64 = rest[..digits].parse().ok()?;
                return Some(beijing(secs));
            }
            if let Some(d) = crate::text::date_at(rest) {
                return Some(d);
            }
        }
    }
    None
}

/// Unix seconds as a Beijing date-time, ISO 8601.
fn beijing(secs: i64) -> String {
    let t = secs + 8 * 3600;
    let (days, rem) = (t.div_euclid(86_400), t.rem_euclid(86_400));
    // Days to civil date (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}+08:00",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// The article-level meta tags of the national government-website guidelines.
const CMS: [&str; 10] = [
    "ArticleTitle",
    "PubDate",
    "ContentSource",
    "Author",
    "ColumnName",
    "Keywords",
    "Description",
    "Url",
    "SiteName",
    "Image",
];

const ARTICLE_TYPES: [&str; 8] = [
    "NewsArticle",
    "Article",
    "ReportageNews",
    "AnalysisNewsArticle",
    "BlogPosting",
    "GovernmentService",
    "WebPage",
    "OpinionNewsArticle",
];

fn collect_ld(v: Value, out: &mut Vec<Value>, depth: usize) {
    if depth > 4 {
        return;
    }
    match v {
        Value::Array(a) => a.into_iter().for_each(|v| collect_ld(v, out, depth + 1)),
        Value::Object(mut o) => {
            if let Some(g) = o.remove("@graph") {
                collect_ld(g, out, depth + 1);
            }
            let is_article = match o.get("@type") {
                Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
                Some(Value::Array(ts)) => ts
                    .iter()
                    .any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
                _ => false,
            };
            if is_article {
                // Articles before plain web pages.
                let page = o.get("@type").and_then(Value::as_str) == Some("WebPage");
                if page {
                    out.push(Value::Object(o));
                } else {
                    out.insert(0, Value::Object(o));
                }
            }
        }
        _ => {}
    }
}

/// The breadcrumb element: named so by class or id, or led by 当前位置 and the like,
/// with at least one link and little text.
pub(crate) fn find_breadcrumb<'a>(root: N<'a>, lengths: &crate::dom::Lengths) -> Option<N<'a>> {
    const STRONG: [&str; 2] = ["crumb", "bread"];
    const NAMES: [&str; 8] = [
        "position", "location", "weizhi", "dqwz", "curpos", "path", "daohang", "local",
    ];
    let mut found: Option<N<'a>> = None;
    for n in root.descendants() {
        let Some(t) = tag(n) else { continue };
        if let Some(f) = found {
            // Only a match inside the one found refines it (the innermost wins).
            if !n.ancestors().any(|a| a.id() == f.id()) {
                break;
            }
        }
        // A list item is one step of a breadcrumb, never the whole of it.
        if is_skipped(n) || matches!(t, "a" | "span" | "html" | "body" | "li") {
            continue;
        }
        if lengths.text(n) > 200 || lengths.text(n) < 2 {
            continue;
        }
        let names = crate::dom::class_id(n);
        let text = crate::dom::inner_text(n);
        // `crumb` and `bread` say what the element is; the other names (`path`,
        // `daohang`, `position`) are also given to menus, so those must read like a
        // breadcrumb too: steps between separators.
        let named = STRONG.iter().any(|w| names.contains(w))
            || (NAMES.iter().any(|w| names.contains(w)) && has_separator(&text));
        let labelled = crumb_label(&text).is_some();
        if !(named || labelled) {
            continue;
        }
        let len = text.chars().count();
        let links = n.descendants().filter(|d| tag(*d) == Some("a")).count();
        if (2..=200).contains(&len) && (1..=12).contains(&links) {
            found = Some(n);
        }
    }
    found.or_else(|| {
        // A labelled run of text and links with no element of its own.
        root.descendants().find_map(|n| {
            let t = n.value().as_text()?;
            let s = crate::text::trim(t);
            crumb_label(s).and(n.parent()).filter(|p| {
                let links = p.descendants().filter(|d| tag(*d) == Some("a")).count();
                (1..=12).contains(&links) && crate::dom::inner_text(*p).chars().count() <= 200
            })
        })
    })
}

/// `text` after the breadcrumb label it starts with, and its colon. In a page the
/// label may stand in an element of its own, with no colon after it; but a label that
/// is also a word of running text (`位置`, `Location`) counts only with its colon.
fn crumb_label(text: &str) -> Option<&str> {
    BREADCRUMB_LABELS.iter().find_map(|l| {
        let rest = text.strip_prefix(l)?;
        let after = rest.trim_start_matches([':', '\u{ff1a}']);
        let needs_colon = matches!(*l, "位置" | "Location");
        (!needs_colon || after.len() < rest.len()).then(|| crate::text::trim(after))
    })
}

/// Splits the text of a breadcrumb element into steps: at the text importer's
/// separators, and at the bars and dashes pages put between links too (`首页 | 要闻`).
/// A text line has no links to set its steps apart, and a dash in it may be a step's
/// own (`COVID-19`); between links, text is separators and at most the last step.
fn is_crumb_separator(c: char) -> bool {
    BREADCRUMB_SEPARATORS.contains(&c) || matches!(c, '|' | '-')
}

/// Text that reads like a breadcrumb: steps between the text importer's separators.
fn has_separator(text: &str) -> bool {
    text.contains(BREADCRUMB_SEPARATORS)
}

/// The steps of a breadcrumb element: links with their targets, and text steps
/// between separators (`首页 > 要闻 > 正文`).
pub(crate) fn crumbs(
    n: N<'_>,
    resolve: &dyn Fn(&str) -> Option<String>,
) -> Vec<(String, Option<String>)> {
    let mut out = Vec::new();
    walk_crumbs(n, resolve, &mut out);
    // Label words (当前位置:) are not steps.
    out.retain(|(name, _)| {
        let bare = name.trim_end_matches([':', '\u{ff1a}']);
        !BREADCRUMB_LABELS.contains(&bare) && !name.is_empty()
    });
    out
}

fn walk_crumbs(
    n: N<'_>,
    resolve: &dyn Fn(&str) -> Option<String>,
    out: &mut Vec<(String, Option<String>)>,
) {
    for c in n.children() {
        if is_skipped(c) {
            continue;
        }
        match c.value() {
            Node::Text(t) => {
                for part in t.split(is_crumb_separator) {
                    let mut p = crate::text::trim(part);
                    if let Some(rest) = crumb_label(p) {
                        p = rest;
                    }
                    let p = p.trim_matches(|c: char| {
                        c == ':' || c == '\u{ff1a}' || crate::text::is_space(c)
                    });
                    if !p.is_empty() && p.chars().count() <= 30 {
                        out.push((p.to_owned(), None));
                    }
                }
            }
            Node::Element(e) if e.name() == "a" => {
                let name = crate::dom::inner_text(c);
                if !name.is_empty() {
                    let url = e.attr("href").and_then(resolve);
                    out.push((name, url));
                }
            }
            // The font-size, print and share controls some portals put in the
            // breadcrumb's element are not steps.
            Node::Element(_) if is_control_box(c) => {}
            Node::Element(_) => walk_crumbs(c, resolve, out),
            _ => {}
        }
    }
}

/// An element of page controls (`pages_print`, `share`, `tools`) by its name.
fn is_control_box(n: N<'_>) -> bool {
    let names = crate::dom::class_id(n);
    !names.is_empty()
        && crate::dom::is_furniture_name(&names)
        && !["crumb", "bread", "position", "location", "path"]
            .iter()
            .any(|w| names.contains(w))
}

/// The element whose text best matches the page's title: an `<h1>`, or an element
/// named like a title, whose text is the `<title>` or a part of it.
pub(crate) fn find_title<'a>(
    root: N<'a>,
    hint: Option<&str>,
    lengths: &crate::dom::Lengths,
) -> Option<(N<'a>, String)> {
    let mut best: Option<(usize, N<'a>, String)> = None;
    for n in root.descendants() {
        let Some(t) = tag(n) else { continue };
        if is_skipped(n) {
            continue;
        }
        let named = matches!(t, "div" | "p" | "span" | "td" | "strong" | "font") && {
            let names = crate::dom::class_id(n);
            names.contains("title") || names.contains("biaoti") || names.contains("headline")
        };
        if !(matches!(t, "h1" | "h2" | "h3") || named) {
            // Gazettes and documents print the title in the text itself, broken over
            // lines by `<br>`s (`<p align=center><strong>…<br>…</strong>`): the
            // element whose text is the `<title>`'s title part, spacing aside.
            // (Only elements with a title's amount of text: this runs for every element.)
            if let Some((len, text)) = (lengths.text(n) <= 400)
                .then(|| lined_title(n, t, hint))
                .flatten()
            {
                let score = 1500 + len;
                if best.as_ref().is_none_or(|(b, _, _)| score > *b) {
                    best = Some((score, n, text));
                }
            }
            continue;
        }
        let text = crate::dom::inner_text(n);
        let len = text.chars().count();
        if !(4..=120).contains(&len) {
            continue;
        }
        let exact = hint == Some(text.as_str());
        let part = hint.is_some_and(|h| h.contains(text.as_str()));
        // An element holding the title and more (the byline) stands for the title.
        let holds = hint.is_some_and(|h| char_count_of(h) >= 4 && text.contains(h));
        let heading = matches!(t, "h1" | "h2");
        let score = match (exact, part, holds) {
            (true, _, _) => 6000,
            (_, true, _) => 3000,
            (_, _, true) => 2000,
            _ if t == "h1" => 1000,
            _ => 0,
        } + if heading { 500 } else { 0 }
            + len;
        if score >= 1000 && best.as_ref().is_none_or(|(b, _, _)| score > *b) {
            let text = match hint {
                // A heading with a label before the title (`原创`) is the title.
                Some(h) if holds && !part && (!heading || len <= char_count_of(h) + 4) => {
                    h.to_owned()
                }
                _ => text,
            };
            best = Some((score, n, text));
        }
    }
    best.map(|(_, n, t)| (n, t))
}

/// `n`'s text, lines joined as a reader reads them, when it is the title part of
/// `hint` (the `<title>`) but for spacing: its length and text.
fn lined_title(n: N<'_>, t: &str, hint: Option<&str>) -> Option<(usize, String)> {
    if !matches!(
        t,
        "p" | "strong" | "b" | "font" | "div" | "td" | "center" | "span"
    ) {
        return None;
    }
    let hint: String = hint?
        .chars()
        .filter(|c| !crate::text::is_space(*c))
        .collect();
    let mut lines = vec![String::new()];
    // A title is a few lines: an element holding more is not one, and is not walked
    // to its end (this runs for every element of the page).
    let mut budget = LINED_TITLE_BUDGET;
    if !push_lines(n, &mut lines, &mut budget) {
        return None;
    }
    let lines: Vec<String> = lines
        .iter()
        .map(|l| collapse(l))
        .filter(|l| !l.is_empty())
        .collect();
    if lines.len() < 2 {
        return None;
    }
    let bare: String = lines
        .concat()
        .chars()
        .filter(|c| !crate::text::is_space(*c))
        .collect();
    let n_chars = bare.chars().count();
    if !(8..=120).contains(&n_chars) {
        return None;
    }
    let rest = hint.strip_prefix(bare.as_str())?;
    if !(rest.is_empty() || rest.starts_with(['_', '|', '-', '\u{2013}', '\u{2014}'])) {
        return None;
    }
    // Lines of Chinese run on without a space; Latin words keep theirs.
    let mut text = String::new();
    for l in &lines {
        let joins = text.chars().last().is_some_and(|c| !c.is_ascii())
            && l.chars().next().is_some_and(|c| !c.is_ascii());
        if !text.is_empty() && !joins {
            text.push(' ');
        }
        text.push_str(l);
    }
    Some((n_chars, text))
}

/// How many nodes and text bytes [`lined_title`] reads of one element at most.
const LINED_TITLE_BUDGET: usize = 2048;

/// `n`'s text into `lines`, a new line at each `<br>` and block; false once `budget`
/// (nodes visited plus text bytes) runs out.
fn push_lines(n: N<'_>, lines: &mut Vec<String>, budget: &mut usize) -> bool {
    for c in n.children() {
        *budget = match budget.checked_sub(1) {
            Some(b) => b,
            None => return false,
        };
        if is_skipped(c) {
            continue;
        }
        match c.value() {
            Node::Text(t) => {
                *budget = match budget.checked_sub(t.len()) {
                    Some(b) => b,
                    None => return false,
                };
                if let Some(last) = lines.last_mut() {
                    last.push_str(t);
                }
            }
            Node::Element(e) if e.name() == "br" || crate::dom::is_block(e.name()) => {
                lines.push(String::new());
                if !push_lines(c, lines, budget) {
                    return false;
                }
                lines.push(String::new());
            }
            Node::Element(_) if !push_lines(c, lines, budget) => return false,
            _ => {}
        }
    }
    true
}

fn char_count_of(s: &str) -> usize {
    s.chars().count()
}

pub(crate) fn body_of(root: N<'_>) -> N<'_> {
    root.descendants()
        .find(|n| tag(*n) == Some("body"))
        .unwrap_or(root)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_times() {
        assert_eq!(
            script_time(r#"var ct = "1581418070";"#).as_deref(),
            Some("2020-02-11T18:47:50+08:00")
        );
        assert_eq!(
            script_time("time: 1, publish_time: '2019-09-08 11:42:03'").as_deref(),
            Some("2019-09-08T11:42:03+08:00")
        );
        assert_eq!(script_time("var ctx = 1;"), None);
    }

    #[test]
    fn crumb_labels() {
        for text in [
            "您当前所在位置\u{ff1a}首页",
            "当前位置 首页",
            "位置\u{ff1a}首页",
        ] {
            assert_eq!(crumb_label(text), Some("首页"), "{text}");
        }
        assert_eq!(crumb_label("Location: Home"), Some("Home"));
        // Words of running text, with no colon.
        for text in ["位置很好", "Locations"] {
            assert_eq!(crumb_label(text), None, "{text}");
        }
    }
}
