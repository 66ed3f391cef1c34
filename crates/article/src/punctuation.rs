//! Full-width punctuation for Chinese text typed with ASCII punctuation.
//!
//! Portal pages are often typed on a keyboard left in ASCII mode:
//! `基层强则国家强,基层安则天下安`. Chinese typography wants the full-width marks
//! (`，`), which carry their own spacing and justify correctly. Only marks standing
//! between Chinese text are changed; numbers (`3,000`), Latin text (`Hello, world`)
//! and URLs (`https://a.cn/?x=1,2`) keep theirs.

use std::borrow::Cow;

use crate::model::{Article, Block, Inline, Section, Span};

/// Han ideographs (the unified blocks and their extensions).
fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}'
        | '\u{20000}'..='\u{3134f}'
        | '\u{3007}' // 〇
    )
}

/// What may stand before a converted mark: Han, or closing CJK punctuation.
fn ends_chinese(c: char) -> bool {
    is_han(c) || "”’」』》〉）】〕".contains(c)
}

/// What may follow a converted mark: Han, or opening CJK punctuation.
fn starts_chinese(c: char) -> bool {
    is_han(c) || "“‘「『《〈（【〔".contains(c)
}

fn full_width(c: char) -> Option<char> {
    Some(match c {
        ',' => '\u{ff0c}',
        ';' => '\u{ff1b}',
        ':' => '\u{ff1a}',
        '?' => '\u{ff1f}',
        '!' => '\u{ff01}',
        _ => return None,
    })
}

/// Where URLs run in `chars`: from `http://`, `https://` or `www.` to the next
/// whitespace or Chinese character.
fn url_spans(chars: &[char]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let rest = &chars[i..];
        let starts = |p: &str| {
            rest.len() >= p.len()
                && rest
                    .iter()
                    .zip(p.chars())
                    .all(|(a, b)| a.eq_ignore_ascii_case(&b))
        };
        if starts("http://") || starts("https://") || starts("www.") {
            let end = rest
                .iter()
                .position(|&c| c.is_whitespace() || !c.is_ascii())
                .map_or(chars.len(), |n| i + n);
            spans.push((i, end));
            i = end;
        } else {
            i += 1;
        }
    }
    spans
}

/// `s` with the ASCII punctuation between Chinese text made full-width:
/// `, ; : ? !` with Chinese on both sides (ASCII spaces around them dropped, as the
/// full-width mark carries its own space; `?` and `!` also at the end of the text),
/// and a pair of `( )` that encloses Chinese text and touches Chinese outside.
/// Borrows `s` when nothing changes.
pub fn full_width_punctuation(s: &str) -> Cow<'_, str> {
    if !s.bytes().any(|b| b",;:?!()".contains(&b)) || !s.chars().any(is_han) {
        return Cow::Borrowed(s);
    }
    let chars: Vec<char> = s.chars().collect();
    let urls = url_spans(&chars);
    let in_url = |i: usize| urls.iter().any(|&(a, b)| (a..b).contains(&i));
    // The nearest character before `i` / after `i` that is not an ASCII space.
    let before = |i: usize| chars[..i].iter().rev().find(|&&c| c != ' ').copied();
    let after = |i: usize| chars[i + 1..].iter().find(|&&c| c != ' ').copied();

    let mut out: Vec<Option<char>> = chars.iter().copied().map(Some).collect();
    let mut changed = false;
    for (i, &c) in chars.iter().enumerate() {
        let Some(wide) = full_width(c) else {
            continue;
        };
        if in_url(i) {
            continue;
        }
        let Some(prev) = before(i) else { continue };
        // After a number (`增长5.6%,固定`), only before Chinese: a thousands separator
        // or a time (`3,000`, `10:30`) has digits on both sides.
        let ok = match after(i) {
            Some(n) if starts_chinese(n) => {
                ends_chinese(prev) || prev.is_ascii_digit() || prev == '%'
            }
            Some(_) => false,
            None => ends_chinese(prev) && matches!(c, '?' | '!'),
        };
        if !ok {
            continue;
        }
        out[i] = Some(wide);
        changed = true;
        // Drop the ASCII spaces around the mark.
        for j in (0..i).rev().take_while(|&j| chars[j] == ' ') {
            out[j] = None;
        }
        for j in (i + 1..chars.len()).take_while(|&j| chars[j] == ' ') {
            out[j] = None;
        }
    }
    // Parentheses, as pairs (no nesting across pairs).
    let mut open: Vec<usize> = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '(' if !in_url(i) => open.push(i),
            ')' if !in_url(i) => {
                let Some(o) = open.pop() else { continue };
                let inside_han = chars[o + 1..i].iter().any(|&c| is_han(c));
                let outside = before(o).is_some_and(ends_chinese)
                    || after(i).is_some_and(|n| starts_chinese(n) || "，。；：？！、".contains(n));
                if inside_han && outside {
                    out[o] = Some('\u{ff08}');
                    out[i] = Some('\u{ff09}');
                    changed = true;
                }
            }
            _ => {}
        }
    }
    if changed {
        Cow::Owned(out.into_iter().flatten().collect())
    } else {
        Cow::Borrowed(s)
    }
}

fn fix(s: &mut String) {
    if let Cow::Owned(o) = full_width_punctuation(s) {
        *s = o;
    }
}

fn fix_opt(s: &mut Option<String>) {
    if let Some(s) = s {
        fix(s);
    }
}

fn fix_inline(i: &mut Inline) {
    match i {
        Inline::Text(t) => fix(t),
        Inline::Spans(spans) => {
            for s in spans {
                match s {
                    Span::Text(t) | Span::Styled { text: t, .. } => fix(t),
                }
            }
        }
    }
}

fn fix_blocks(blocks: &mut [Block]) {
    for b in blocks {
        match b {
            Block::Paragraph { text } | Block::Footnote { text, .. } => fix_inline(text),
            Block::Subheading { text } => fix(text),
            Block::List { items, .. } => items.iter_mut().for_each(fix_inline),
            Block::Quote { text, cite } => {
                fix_inline(text);
                fix_opt(cite);
            }
            Block::Figure { alt, caption, .. } => {
                fix(alt);
                if let Some(c) = caption {
                    fix_inline(c);
                }
            }
            Block::Table {
                caption,
                head,
                rows,
            } => {
                fix_opt(caption);
                for c in head.iter_mut().chain(rows.iter_mut()).flatten() {
                    fix_inline(&mut c.text);
                }
            }
        }
    }
}

fn fix_sections(sections: &mut [Section]) {
    for s in sections {
        fix(&mut s.heading);
        fix_blocks(&mut s.blocks);
        fix_sections(&mut s.sections);
    }
}

/// [`full_width_punctuation`] over the article's prose: title lines, summary,
/// headings, blocks, table cells and trailing notes (not names, dates, ids or URLs).
/// Both importers, text and HTML, call it last.
pub fn full_width_article(a: &mut Article) {
    fix_opt(&mut a.kicker);
    fix(&mut a.title);
    fix_opt(&mut a.subtitle);
    fix_opt(&mut a.summary);
    fix_blocks(&mut a.lead);
    fix_sections(&mut a.sections);
    fix_opt(&mut a.source_note);
    fix_opt(&mut a.author_note);
    fix_opt(&mut a.disclaimer);
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::full_width_punctuation as fw;

    /// Each `(text, expected)`: what `text` becomes.
    fn rewrites(cases: &[(&str, &str)]) {
        for &(text, expected) in cases {
            assert_eq!(fw(text), expected, "{text}");
        }
    }

    #[test]
    fn commas_between_chinese_become_full_width() {
        rewrites(&[
            (
                "基层强则国家强,基层安则天下安",
                "基层强则国家强，基层安则天下安",
            ),
            (
                "一是坚持党的领导;二是坚持人民至上:三要务实",
                "一是坚持党的领导；二是坚持人民至上：三要务实",
            ),
            ("基层强, 国家强", "基层强，国家强"),
            ("“基层”,基层", "“基层”，基层"),
        ]);
    }

    #[test]
    fn questions_and_exclamations_also_end_a_paragraph() {
        rewrites(&[
            ("这是为什么?", "这是为什么？"),
            ("好!我们走", "好！我们走"),
            // A comma at the end is no sentence end: left alone.
            ("未完,", "未完,"),
        ]);
    }

    #[test]
    fn numbers_latin_and_urls_keep_their_marks() {
        rewrites(&[
            ("共有3,000人参加", "共有3,000人参加"),
            ("时间为10:30开始", "时间为10:30开始"),
            ("Hello, world!", "Hello, world!"),
            ("截至2023年,全国", "截至2023年，全国"),
            ("增长5.6%,固定资产", "增长5.6%，固定资产"),
            ("共12,其中", "共12，其中"),
            ("共12,345人", "共12,345人"),
            ("详见GDP,其次", "详见GDP,其次"),
            (
                "网址https://www.gov.cn/a?x=1,2!见",
                "网址https://www.gov.cn/a?x=1,2!见",
            ),
            ("访问www.gov.cn:8080,谢谢", "访问www.gov.cn:8080,谢谢"),
        ]);
    }

    #[test]
    fn parentheses_around_chinese_become_full_width_as_a_pair() {
        rewrites(&[
            ("王兴继(作者系教授)", "王兴继（作者系教授）"),
            ("今年(2023年)以来", "今年（2023年）以来"),
            ("国内生产总值(GDP)增长", "国内生产总值(GDP)增长"),
            ("f(x) = 1", "f(x) = 1"),
            ("未闭合(括号", "未闭合(括号"),
        ]);
    }

    #[test]
    fn unchanged_text_is_borrowed() {
        for text in ["没有标点", "a, b", "已经是全角，好"] {
            assert!(matches!(fw(text), Cow::Borrowed(_)), "{text}");
        }
    }
}
