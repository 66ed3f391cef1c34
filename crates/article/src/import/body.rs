//! The body zone: the lead, then sections opened by numbered or unnumbered
//! headings, with paragraphs, lists, footnotes, the summary and the keywords.

use super::text::{ends_running_text, trim, COLONS};
use super::{Line, Outline};
use crate::model::{Article, Block, Inline};

/// Numbered heading kinds, outermost first: the level of a heading is the rank of
/// its kind among the kinds the page uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    /// 第一部分
    Part,
    /// 第一章
    Chapter,
    /// 第一节
    Jie,
    /// 一、
    CnDun,
    /// (一)
    CnParen,
    /// 1. or 1、
    Arabic,
    /// 1.1
    Decimal2,
    /// 1.1.1
    Decimal3,
    /// (1)
    ArabicParen,
    /// ①
    Circled,
}

impl Kind {
    /// Kinds that are more often list items than headings.
    fn is_list_like(self) -> bool {
        matches!(self, Kind::ArabicParen | Kind::Circled)
    }
}

fn is_cn_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '零'
            | '〇'
            | '两'
    )
}

/// The numbering at the start of `line`: its kind and byte length.
fn marker(line: &str) -> Option<(Kind, usize)> {
    let first = line.chars().next()?;
    if let Some(rest) = line.strip_prefix('第') {
        let n = rest
            .char_indices()
            .find(|(_, c)| !is_cn_numeral(*c) && !c.is_ascii_digit())
            .map_or(rest.len(), |(i, _)| i);
        if n > 0 {
            let tail = &rest[n..];
            for (word, kind) in [
                ("部分", Kind::Part),
                ("章", Kind::Chapter),
                ("节", Kind::Jie),
            ] {
                if tail.starts_with(word) {
                    return Some((kind, '第'.len_utf8() + n + word.len()));
                }
            }
        }
        return None;
    }
    if ('\u{2460}'..='\u{2473}').contains(&first) {
        return Some((Kind::Circled, first.len_utf8()));
    }
    if first == '(' || first == '\u{ff08}' {
        let rest = &line[first.len_utf8()..];
        let n = rest
            .char_indices()
            .find(|(_, c)| !is_cn_numeral(*c) && !c.is_ascii_digit())
            .map_or(rest.len(), |(i, _)| i);
        let close = rest[n..].chars().next()?;
        if n == 0 || n > 9 || !(close == ')' || close == '\u{ff09}') {
            return None;
        }
        let kind = if rest[..n].bytes().all(|b| b.is_ascii_digit()) {
            Kind::ArabicParen
        } else if rest[..n].is_ascii() {
            return None;
        } else {
            Kind::CnParen
        };
        return Some((kind, first.len_utf8() + n + close.len_utf8()));
    }
    if is_cn_numeral(first) {
        let n = line
            .char_indices()
            .find(|(_, c)| !is_cn_numeral(*c))
            .map_or(line.len(), |(i, _)| i);
        let sep = line[n..].chars().next()?;
        return (n <= 9 && matches!(sep, '\u{3001}' | '\u{ff0e}'))
            .then(|| (Kind::CnDun, n + sep.len_utf8()));
    }
    if first.is_ascii_digit() {
        // 1.  1、  1.1  1.1.1 — groups of at most two digits, so years and amounts
        // (2024年, 100.5) are not numbering.
        let b = line.as_bytes();
        let mut i = 0;
        let mut groups = 0;
        loop {
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            if i == start || i - start > 2 {
                return None;
            }
            groups += 1;
            if b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
                i += 1;
                continue;
            }
            break;
        }
        let rest = &line[i..];
        return match groups {
            1 => {
                let sep = rest.chars().next()?;
                matches!(sep, '.' | '\u{3001}' | '\u{ff0e}')
                    .then(|| (Kind::Arabic, i + sep.len_utf8()))
            }
            2 => Some((Kind::Decimal2, i)),
            3 => Some((Kind::Decimal3, i)),
            _ => None,
        };
    }
    None
}

/// A short line with no sentence-ending punctuation.
fn looks_like_heading(line: &str, english: bool) -> bool {
    let n = line.chars().count();
    let max = if english { 90 } else { 40 };
    (2..=max).contains(&n) && !ends_running_text(line) && !is_bullet(line)
}

fn is_bullet(line: &str) -> bool {
    line.starts_with([
        '\u{2022}', '\u{b7}', '\u{25cf}', '\u{25a0}', '\u{25c6}', '-', '*',
    ])
}

/// A footnote line: `[1] text`, `［1］text`, `[注1] text` → (1, text).
pub fn footnote(line: &str) -> Option<(&str, &str)> {
    let (open, close) = if line.starts_with('[') {
        ('[', ']')
    } else if line.starts_with('\u{ff3b}') {
        ('\u{ff3b}', '\u{ff3d}')
    } else {
        return None;
    };
    let inner_end = line.find(close)?;
    let num = line[open.len_utf8()..inner_end].trim_start_matches('注');
    if num.is_empty() || num.len() > 3 || !num.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let text = trim(&line[inner_end + close.len_utf8()..]);
    (!text.is_empty()).then_some((num, text))
}

/// One classified body line.
enum Item<'a> {
    Heading(Option<Kind>, String),
    Para(&'a str),
    Entry(bool, &'a str),
    Footnote(&'a str, &'a str),
    /// A numbered paragraph: a list entry when its neighbours are numbered alike.
    Numbered(Kind, &'a str),
}

fn classify<'a>(article: &mut Article, body: &[Line<'a>], english: bool) -> Vec<Item<'a>> {
    let mut items = Vec::with_capacity(body.len());
    for (k, l) in body.iter().enumerate() {
        let t = l.text;
        if let Some(summary) = labelled(t, &["摘要", "内容摘要", "内容提要", "提要"]) {
            if article.summary.is_none() && !summary.is_empty() {
                article.summary = Some(summary.to_owned());
            }
            continue;
        }
        if let Some(words) = labelled(t, &["关键词", "关键字"]) {
            if article.keywords.is_empty() {
                article.keywords = words
                    .split(|c: char| {
                        c.is_whitespace()
                            || matches!(c, ',' | ';' | '\u{3001}' | '\u{ff0c}' | '\u{ff1b}')
                    })
                    .filter(|w| !w.is_empty())
                    .map(str::to_owned)
                    .collect();
            }
            continue;
        }
        if let Some((n, text)) = footnote(t) {
            items.push(Item::Footnote(n, text));
            continue;
        }
        if is_bullet(t) {
            let rest = trim(&t[t.chars().next().map_or(0, char::len_utf8)..]);
            if !rest.is_empty() {
                items.push(Item::Entry(false, rest));
            }
            continue;
        }
        if let Some((kind, len)) = marker(t) {
            let rest = trim(&t[len..]);
            if !rest.is_empty() {
                if looks_like_heading(t, english) {
                    items.push(Item::Heading(Some(kind), t.to_owned()));
                    continue;
                }
                if kind.is_list_like() {
                    items.push(Item::Entry(true, t));
                    continue;
                }
                if let Some((head, after)) = run_in_heading(rest) {
                    let heading = format!("{}{head}", &t[..len]);
                    items.push(Item::Heading(Some(kind), heading));
                    items.push(Item::Para(after));
                    continue;
                }
            }
            items.push(Item::Numbered(kind, t));
            continue;
        }
        let next_is_text = body
            .get(k + 1)
            .is_some_and(|n| !looks_like_heading(n.text, english));
        if looks_like_heading(t, english) && next_is_text {
            items.push(Item::Heading(None, t.to_owned()));
        } else {
            items.push(Item::Para(t));
        }
    }
    // Two or more numbered "headings" of one kind with nothing between them are a list.
    let mut k = 0;
    while k < items.len() {
        let Item::Heading(Some(kind), _) = items[k] else {
            k += 1;
            continue;
        };
        let mut end = k + 1;
        while matches!(items.get(end), Some(Item::Heading(Some(k2), _)) if *k2 == kind) {
            end += 1;
        }
        let followed_by_text = matches!(items.get(end), Some(Item::Para(_)));
        if end - k >= 2 && (end - k >= 3 || !followed_by_text) {
            for item in &mut items[k..end] {
                if let Item::Heading(_, text) = item {
                    let text = std::mem::take(text);
                    let pos = body.iter().position(|l| l.text == text);
                    *item = match pos {
                        Some(p) => Item::Entry(true, body[p].text),
                        None => Item::Para(""),
                    };
                }
            }
        }
        k = end;
    }
    // Numbered paragraphs in a run of two or more of one kind are a list.
    let mut k = 0;
    while k < items.len() {
        let Item::Numbered(kind, _) = items[k] else {
            k += 1;
            continue;
        };
        let mut end = k + 1;
        while matches!(items.get(end), Some(Item::Numbered(k2, _)) if *k2 == kind) {
            end += 1;
        }
        let in_list = end - k >= 2;
        for item in &mut items[k..end] {
            if let Item::Numbered(_, text) = *item {
                *item = if in_list {
                    Item::Entry(true, text)
                } else {
                    Item::Para(text)
                };
            }
        }
        k = end;
    }
    items
}

/// `加强组织领导。各地要…` → (`加强组织领导`, `各地要…`) when the first sentence is
/// short enough to be a run-in heading.
fn run_in_heading(rest: &str) -> Option<(&str, &str)> {
    let (i, c) = rest
        .char_indices()
        .find(|(_, c)| matches!(c, '\u{3002}' | '\u{ff01}' | '\u{ff1f}'))?;
    let head = trim(&rest[..i]);
    let after = trim(&rest[i + c.len_utf8()..]);
    let n = head.chars().count();
    ((2..=30).contains(&n) && !after.is_empty() && !head.contains(['\u{ff0c}', ',']))
        .then_some((head, after))
}

/// `【摘要】text`, `摘要:text` → text.
fn labelled<'a>(line: &'a str, labels: &[&str]) -> Option<&'a str> {
    for label in labels {
        let Some(rest) = line
            .strip_prefix('\u{3010}')
            .and_then(|r| r.strip_prefix(label))
            .and_then(|r| r.strip_prefix('\u{3011}'))
            .or_else(|| {
                line.strip_prefix('[')
                    .and_then(|r| r.strip_prefix(label))
                    .and_then(|r| r.strip_prefix(']'))
            })
            .or_else(|| {
                line.strip_prefix(label)
                    .and_then(|r| r.strip_prefix(COLONS))
            })
        else {
            continue;
        };
        return Some(trim(rest.trim_start_matches(COLONS)));
    }
    None
}

pub(super) fn build_body(article: &mut Article, body: &[Line<'_>], english: bool) {
    let items = classify(article, body, english);
    let mut kinds: Vec<Kind> = items
        .iter()
        .filter_map(|i| match i {
            Item::Heading(Some(k), _) => Some(*k),
            _ => None,
        })
        .collect();
    kinds.sort_unstable();
    kinds.dedup();
    let numbered = !kinds.is_empty();

    let mut outline = Outline::new(article);
    let mut list: Option<(bool, Vec<Inline>)> = None;
    fn flush_list(outline: &mut Outline<'_>, list: &mut Option<(bool, Vec<Inline>)>) {
        if let Some((ordered, items)) = list.take() {
            outline.push(Block::List { ordered, items });
        }
    }

    for item in items {
        if !matches!(item, Item::Entry(..)) {
            flush_list(&mut outline, &mut list);
        }
        match item {
            Item::Heading(kind, text) => {
                let level = match kind {
                    Some(k) => kinds.iter().position(|x| *x == k).unwrap_or(0) + 1,
                    None if numbered => {
                        outline.push(Block::Subheading { text });
                        continue;
                    }
                    None => 1,
                };
                outline.open(level, text);
            }
            Item::Para(text) | Item::Numbered(_, text) => {
                if !text.is_empty() {
                    outline.push(Block::paragraph(text));
                }
            }
            Item::Entry(ordered, text) => {
                if list.as_ref().is_some_and(|(o, _)| *o != ordered) {
                    flush_list(&mut outline, &mut list);
                }
                list.get_or_insert_with(|| (ordered, Vec::new()))
                    .1
                    .push(Inline::from(text));
            }
            Item::Footnote(n, text) => outline.footnote(n, Inline::from(text)),
        }
    }
    flush_list(&mut outline, &mut list);
    outline.finish();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers() {
        let k = |s: &str| marker(s).map(|(k, _)| k);
        assert_eq!(k("第三章 总则"), Some(Kind::Chapter));
        assert_eq!(k("第十二节 附则"), Some(Kind::Jie));
        assert_eq!(k("二十一\u{3001}其他"), Some(Kind::CnDun));
        assert_eq!(k("\u{ff08}三\u{ff09}保障"), Some(Kind::CnParen));
        assert_eq!(k("(3)保障"), Some(Kind::ArabicParen));
        assert_eq!(k("3.保障"), Some(Kind::Arabic));
        assert_eq!(k("3\u{3001}保障"), Some(Kind::Arabic));
        assert_eq!(k("3.1 保障"), Some(Kind::Decimal2));
        assert_eq!(k("3.1.2 保障"), Some(Kind::Decimal3));
        assert_eq!(k("\u{2462}保障"), Some(Kind::Circled));
        assert_eq!(k("2024年全市"), None);
        assert_eq!(k("100.5亿元"), None);
        assert_eq!(k("一是加强"), None);
        assert_eq!(k("第一"), None);
    }
}
