//! The plain-text importer: a portal page copied as text (as in the seed) becomes an
//! [`Article`].
//!
//! The page is read line by line in three zones: the header (site name, breadcrumb,
//! title, meta fields), the body (lead, headings, paragraphs) and the trailer (source
//! and author notes, original link, disclaimer). Page chrome (font-size switches,
//! print and share rows) is dropped wherever it appears.

use thiserror::Error;

use crate::model::{Article, Author, Block, Crumb, Section, Site, Source};

/// Why a page could not be imported.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("line {line}, column {column}: {kind}")]
pub struct ImportError {
    /// 1-based line of the problem.
    pub line: usize,
    /// 1-based column (in characters).
    pub column: usize,
    /// What went wrong.
    pub kind: ImportErrorKind,
}

/// The kinds of import failure.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ImportErrorKind {
    /// Nothing but blank lines and page chrome.
    #[error("the page has no text")]
    Empty,
    /// No line could serve as the title.
    #[error("no title found")]
    NoTitle,
}

/// One non-blank line with its 1-based number, trimmed.
#[derive(Clone, Copy, Debug)]
struct Line<'a> {
    no: usize,
    text: &'a str,
}

/// Imports a plain-text portal page. The article id is derived from the title and
/// date; callers that know a better one (the CLI uses the file name) replace it.
pub fn from_plain_text(text: &str) -> Result<Article, ImportError> {
    let lines: Vec<Line<'_>> = text
        .lines()
        .enumerate()
        .map(|(i, l)| Line {
            no: i + 1,
            text: trim(l),
        })
        .filter(|l| !l.text.is_empty() && !is_chrome(l.text))
        .collect();
    if lines.is_empty() {
        return Err(ImportError {
            line: 1,
            column: 1,
            kind: ImportErrorKind::Empty,
        });
    }

    let mut article = Article::new("a", "");
    let mut i = 0;

    // Header: everything up to and including the meta line(s).
    let mut pre_title: Vec<&str> = Vec::new();
    let mut title: Option<String> = None;
    while i < lines.len() {
        let t = lines[i].text;
        if let Some(crumbs) = breadcrumb(t) {
            article.breadcrumb = crumbs;
            i += 1;
            continue;
        }
        if let Some(fields) = meta_fields(t) {
            apply_meta(&mut article, &fields);
            i += 1;
            // Meta may continue on following lines.
            while i < lines.len() {
                match meta_fields(lines[i].text) {
                    Some(f) => {
                        apply_meta(&mut article, &f);
                        i += 1;
                    }
                    None => break,
                }
            }
            break;
        }
        if title.is_none() && !article.breadcrumb.is_empty() {
            title = Some(t.to_owned());
        } else if title.is_some() {
            // A second line before the meta: a title split over two lines.
            if let Some(t0) = title.as_mut() {
                t0.push_str(t);
            }
        } else {
            pre_title.push(t);
        }
        i += 1;
    }
    if i >= lines.len() && title.is_none() && article.published.is_none() {
        // No breadcrumb and no meta: the first line is the title.
        i = 0;
        pre_title.clear();
    }
    let title = match title {
        Some(t) => t,
        None => {
            // No breadcrumb: the last line before the meta is the title, any
            // earlier one the site name.
            match pre_title.pop() {
                Some(t) => t.to_owned(),
                None => {
                    let l = lines[i.min(lines.len() - 1)];
                    if i < lines.len() {
                        i += 1;
                    }
                    l.text.to_owned()
                }
            }
        }
    };
    if let Some(site) = pre_title.first() {
        article.site = Some(Site {
            name: (*site).to_owned(),
            url: None,
        });
    }
    if title.is_empty() {
        return Err(ImportError {
            line: lines[0].no,
            column: 1,
            kind: ImportErrorKind::NoTitle,
        });
    }
    article.title = title;
    if let Some(last) = article.breadcrumb.iter().rev().nth(1) {
        if last.name != "首页" {
            article.section = Some(last.name.clone());
        }
    }

    // Body and trailer.
    let body: Vec<&str> = lines[i..]
        .iter()
        .map(|l| l.text)
        .filter(|t| *t != article.title)
        .collect();
    let mut body_end = body.len();
    for (k, t) in body.iter().enumerate() {
        if is_trailer(t) {
            body_end = k;
            break;
        }
    }
    for t in &body[body_end..] {
        apply_trailer(&mut article, t);
    }
    let body = &body[..body_end];

    let mut current: Option<Section> = None;
    for (k, t) in body.iter().enumerate() {
        let next_is_text = body.get(k + 1).is_some_and(|n| !looks_like_heading(n));
        if looks_like_heading(t) && next_is_text {
            if let Some(s) = current.take() {
                article.sections.push(s);
            }
            current = Some(Section {
                id: None,
                heading: (*t).to_owned(),
                blocks: Vec::new(),
                sections: Vec::new(),
            });
        } else {
            let block = Block::paragraph(*t);
            match current.as_mut() {
                Some(s) => s.blocks.push(block),
                None => article.lead.push(block),
            }
        }
    }
    if let Some(s) = current.take() {
        article.sections.push(s);
    }
    for (n, s) in article.sections.iter_mut().enumerate() {
        s.id = Some(format!("sec-{}", n + 1));
    }
    article.id = derived_id(&article);
    Ok(article)
}

fn trim(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}' || c == '\u{feff}')
}

/// Splits `key:value` at an ASCII or full-width colon.
// Full-width punctuation is written as `\u{..}` escapes throughout: it is easy to lose
// to an editor's or a terminal's normalisation, and then the importer silently breaks.
fn split_label(s: &str) -> Option<(&str, &str)> {
    let idx = s.find([':', '\u{ff1a}'])?;
    let colon_len = s[idx..].chars().next().map_or(1, char::len_utf8);
    Some((trim(&s[..idx]), trim(&s[idx + colon_len..])))
}

fn breadcrumb(line: &str) -> Option<Vec<Crumb>> {
    let (label, rest) = split_label(line)?;
    if !matches!(
        label,
        "当前位置" | "当前所在" | "您当前所在位置" | "您的位置" | "位置"
    ) {
        return None;
    }
    let crumbs: Vec<Crumb> = rest
        .split(['>', '›', '»', '/', '\u{ff1e}', '\u{ff0f}'])
        .map(trim)
        .filter(|s| !s.is_empty())
        .map(|name| Crumb {
            name: name.to_owned(),
            url: None,
        })
        .collect();
    Some(crumbs)
}

const META_KEYS: [&str; 9] = [
    "发布时间",
    "时间",
    "日期",
    "作者",
    "信息来源",
    "来源",
    "责任编辑",
    "浏览次数",
    "点击",
];

/// Reads a meta line such as `发布时间:2024-05-19 作者:佚名 来源:甘肃人大网`.
fn meta_fields(line: &str) -> Option<Vec<(&'static str, String)>> {
    let mut found: Vec<(usize, usize, &'static str)> = Vec::new();
    let mut pos = 0;
    while pos < line.len() {
        let rest = &line[pos..];
        let hit = META_KEYS.iter().find_map(|k| {
            let after = rest.strip_prefix(k)?;
            let c = after.chars().next()?;
            matches!(c, ':' | '\u{ff1a}').then(|| (*k, k.len() + c.len_utf8()))
        });
        match hit {
            Some((k, len)) => {
                found.push((pos, pos + len, k));
                pos += len;
            }
            None => pos += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    // It is a meta line only if it starts with a key.
    if found.first().map(|f| f.0) != Some(0) {
        return None;
    }
    let fields = found
        .iter()
        .enumerate()
        .map(|(n, &(_, value_start, key))| {
            let end = found.get(n + 1).map_or(line.len(), |f| f.0);
            (key, trim(&line[value_start..end]).to_owned())
        })
        .collect();
    Some(fields)
}

fn apply_meta(article: &mut Article, fields: &[(&'static str, String)]) {
    for (key, value) in fields {
        if value.is_empty() {
            continue;
        }
        match *key {
            "发布时间" | "时间" | "日期" => article.published = normalize_date(value),
            "作者" => {
                article.authors = value
                    .split([' ', ',', '、', '\u{ff0c}', '\u{3000}'])
                    .map(trim)
                    .filter(|s| !s.is_empty())
                    .map(|name| Author {
                        name: name.to_owned(),
                        role: None,
                        affiliation: None,
                        url: None,
                    })
                    .collect();
            }
            "来源" | "信息来源" => {
                article.source = Some(Source {
                    name: value.clone(),
                    url: None,
                })
            }
            "责任编辑" => article.editor = Some(value.clone()),
            _ => {}
        }
    }
}

/// `2024-05-19`, `2024-05-19 16:37`, `2023年02月03日`, `2023/2/3` → ISO 8601.
fn normalize_date(s: &str) -> Option<String> {
    let nums: Vec<u32> = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .take(5)
        .map(|p| p.parse().unwrap_or(u32::MAX))
        .collect();
    let (y, m, d) = (*nums.first()?, *nums.get(1)?, *nums.get(2)?);
    if !(1900..=2999).contains(&y) || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let date = format!("{y:04}-{m:02}-{d:02}");
    let iso = match (nums.get(3), nums.get(4)) {
        (Some(&h), Some(&mi)) if h < 24 && mi < 60 => format!("{date}T{h:02}:{mi:02}:00+08:00"),
        _ => date,
    };
    crate::validate::check_datetime(&iso).ok().map(|()| iso)
}

fn is_chrome(line: &str) -> bool {
    const CHROME: [&str; 8] = [
        "打印本页",
        "关闭窗口",
        "返回顶部",
        "【打印】",
        "【关闭】",
        "分享到",
        "【字体:",
        "字号",
    ];
    CHROME
        .iter()
        .any(|c| line.starts_with(c) && line.chars().count() < 30)
}

fn is_trailer(line: &str) -> bool {
    let label = split_label(line).map(|(l, _)| l);
    matches!(
        label,
        Some("来源" | "信息来源" | "作者" | "原文链接" | "责任编辑" | "免责声明")
    ) || line.starts_with("[免责声明]")
        || line.starts_with("【免责声明】")
        || line.starts_with("(作者系")
        || line.starts_with("\u{ff08}作者系")
}

fn apply_trailer(article: &mut Article, line: &str) {
    for label in ["[免责声明]", "【免责声明】"] {
        if let Some(rest) = line.strip_prefix(label) {
            article.disclaimer = Some(trim(rest).to_owned());
            return;
        }
    }
    let Some((label, value)) = split_label(line) else {
        if line.contains("作者系") {
            article.author_note = Some(line.to_owned());
        } else if line.contains("未经授权不得转载") {
            article.disclaimer = Some(line.to_owned());
        }
        return;
    };
    if value.is_empty() {
        return;
    }
    let value = value.to_owned();
    match label {
        "来源" | "信息来源" => article.source_note = Some(value),
        "作者" => article.author_note = Some(value),
        "原文链接" => article.original_url = Some(value),
        "责任编辑" => article.editor = Some(value),
        "免责声明" => article.disclaimer = Some(value),
        _ => {}
    }
}

/// A short line with no sentence-ending punctuation.
fn looks_like_heading(line: &str) -> bool {
    let n = line.chars().count();
    (2..=40).contains(&n)
        && !line.ends_with([
            '。', '…', '.', '!', '?', ';', ':', '\u{ff01}', '\u{ff1f}', '\u{ff1b}', '\u{ff1a}',
        ])
}

fn derived_id(a: &Article) -> String {
    // FNV-1a: stable across platforms and releases, unlike std's hasher.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in a
        .title
        .bytes()
        .chain(a.published.as_deref().unwrap_or("").bytes())
    {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("a-{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_page_is_an_error() {
        let e = from_plain_text(" \n\u{3000}\n").unwrap_err();
        assert_eq!(e.kind, ImportErrorKind::Empty);
    }

    #[test]
    fn meta_line_with_empty_source() {
        let f = meta_fields("发布时间:2023年02月03日 作者:张三 来源:").unwrap();
        let mut a = Article::new("a", "t");
        apply_meta(&mut a, &f);
        assert_eq!(a.published.as_deref(), Some("2023-02-03"));
        assert_eq!(a.authors[0].name, "张三");
        assert_eq!(a.source, None);
    }

    #[test]
    fn dates_normalize() {
        assert_eq!(normalize_date("2023/2/3").as_deref(), Some("2023-02-03"));
        assert_eq!(
            normalize_date("2024-05-19 16:37").as_deref(),
            Some("2024-05-19T16:37:00+08:00")
        );
        assert_eq!(normalize_date("2023-02-30"), None);
    }
}
