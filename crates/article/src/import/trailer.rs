//! The trailer zone, read backwards from the end of the body: source and author
//! notes, the original link, the editor, the disclaimer.

use super::header::parse_authors;
use super::text::{split_label, trim};
use super::Line;
use crate::model::Article;
use crate::url::safe_url;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Trailer {
    SourceNote,
    AuthorNote,
    Author,
    OriginalUrl,
    Editor,
    Disclaimer,
    /// A staff credit or end mark with nothing for the reader (审核, 校对, (完)).
    Drop,
}

fn trailer_kind(line: &str) -> Option<Trailer> {
    let unbracketed = strip_brackets(line);
    if let Some((label, _)) = split_label(unbracketed) {
        let kind = match label {
            "来源" | "信息来源" | "文章来源" | "稿件来源" | "Source" => {
                Some(Trailer::SourceNote)
            }
            "作者" if line.contains("作者系") => Some(Trailer::AuthorNote),
            "作者" => Some(Trailer::Author),
            "原文链接" | "原文地址" | "Original link" => Some(Trailer::OriginalUrl),
            "责任编辑" | "编辑" | "Editor" => Some(Trailer::Editor),
            "免责声明" | "版权声明" => Some(Trailer::Disclaimer),
            "审核" | "校对" | "监制" | "终审" | "编审" | "审校" => Some(Trailer::Drop),
            _ => None,
        };
        if kind.is_some() {
            return kind;
        }
    }
    if disclaimer_label(line).is_some()
        || line.contains("未经授权不得转载")
        || line.contains("未经许可不得转载")
        || line.contains("转载请注明")
    {
        return Some(Trailer::Disclaimer);
    }
    if unbracketed.starts_with("作者系") || unbracketed.starts_with("作者单位") {
        return Some(Trailer::AuthorNote);
    }
    if matches!(unbracketed, "完" | "全文完") {
        return Some(Trailer::Drop);
    }
    None
}

/// `(责任编辑:张三)`, `[责任编辑:张三]`, `【责任编辑:张三】` → the inside.
fn strip_brackets(line: &str) -> &str {
    const PAIRS: [(char, char); 3] = [
        ('(', ')'),
        ('\u{ff08}', '\u{ff09}'),
        ('\u{3010}', '\u{3011}'),
    ];
    for (open, close) in PAIRS.into_iter().chain([('[', ']')]) {
        if let Some(inner) = line.strip_prefix(open).and_then(|s| s.strip_suffix(close)) {
            return trim(inner);
        }
    }
    line
}

/// `[免责声明] text`, `【免责声明】text` → the text.
fn disclaimer_label(line: &str) -> Option<&str> {
    [
        "[免责声明]",
        "\u{3010}免责声明\u{3011}",
        "\u{ff3b}免责声明\u{ff3d}",
    ]
    .iter()
    .find_map(|l| line.strip_prefix(l))
    .map(trim)
}

/// The trailer is the run of trailer lines at the end of the body. A label alone on
/// its line (`免责声明:`) takes the line after it as its value.
pub(super) fn trailer_start(body: &[Line<'_>]) -> usize {
    let mut k = body.len();
    while k > 0 {
        if trailer_kind(body[k - 1].text).is_some() {
            k -= 1;
        } else if k >= 2 && is_bare_label(body[k - 2].text) {
            k -= 2;
        } else {
            break;
        }
    }
    k
}

fn is_bare_label(line: &str) -> bool {
    trailer_kind(line).is_some()
        && (disclaimer_label(line) == Some("")
            || split_label(strip_brackets(line)).is_some_and(|(_, v)| v.is_empty()))
}

/// Applies the trailer lines; a bare label's value is the line after it.
pub(super) fn apply_trailer(article: &mut Article, lines: &[Line<'_>], english: bool) {
    let mut pending: Option<Trailer> = None;
    for l in lines {
        let line = l.text;
        let (kind, value) = match (trailer_kind(line), pending.take()) {
            (Some(kind), _) if is_bare_label(line) => {
                pending = Some(kind);
                continue;
            }
            (Some(kind), _) => {
                let inner = strip_brackets(line);
                let value = disclaimer_label(line)
                    .or_else(|| split_label(inner).map(|(_, v)| v))
                    .unwrap_or(inner);
                (kind, value)
            }
            (None, Some(kind)) => (kind, line),
            (None, None) => continue,
        };
        if value.is_empty() {
            continue;
        }
        match kind {
            Trailer::SourceNote => article.source_note = Some(value.to_owned()),
            Trailer::AuthorNote if split_label(line).is_some_and(|(k, _)| k == "作者") => {
                article.author_note = Some(value.to_owned());
            }
            Trailer::AuthorNote => article.author_note = Some(line.to_owned()),
            Trailer::Author if article.authors.is_empty() => {
                article.authors = parse_authors(value, english);
            }
            Trailer::Author => article.author_note = Some(value.to_owned()),
            Trailer::OriginalUrl => {
                if safe_url(value).is_ok() {
                    article.original_url = Some(value.to_owned());
                }
            }
            Trailer::Editor => {
                // `责任编辑:张三 审核:李四`: the name ends at the first space (in
                // Chinese; English names have spaces of their own).
                let name = value
                    .split(|c: char| {
                        matches!(c, '|' | '\u{ff5c}' | '\u{3000}') || (c == ' ' && !english)
                    })
                    .next()
                    .map(trim)
                    .unwrap_or("");
                if !name.is_empty() {
                    article.editor = Some(name.to_owned());
                }
            }
            Trailer::Disclaimer => match article.disclaimer.as_mut() {
                Some(d) => {
                    d.push(' ');
                    d.push_str(value);
                }
                None => article.disclaimer = Some(value.to_owned()),
            },
            Trailer::Drop => {}
        }
    }
}

// ---------------------------------------------------------------- body
