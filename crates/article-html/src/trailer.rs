//! The trailer: the credits at the body's end (来源 / 责任编辑 / 原文链接 / 免责声明,
//! read by the plain-text importer's rules), the writer's signature, where comments
//! and related reading end the article, and the attachments.

use article::{Article, Attachment, Author, Block};
use url::Url;

use crate::body::{self, Piece};
use crate::dom::Lines;
use crate::header::{author, is_placeholder_name};
use crate::text::{self, char_count, trim};

/// Takes the trailer lines off the end of `pieces` into `a`, and the editor and the
/// authors from wherever the page prints them when its header named none.
pub(crate) fn apply_trailer(
    a: &mut Article,
    pieces: &mut Vec<Piece>,
    lines: &Lines,
    base: Option<&Url>,
) {
    let trailer = take_trailer(pieces, &a.title);
    a.source_note = trailer.source_note;
    a.author_note = trailer.author_note;
    a.original_url = trailer.original_url.and_then(|u| body::resolve(base, &u));
    a.disclaimer = trailer.disclaimer;
    if a.editor.is_none() {
        a.editor = trailer.editor.or_else(|| editor_anywhere(lines));
    }
    // `责任编辑：系统管理员`: the CMS's account, not a person.
    a.editor = a.editor.take().filter(|e| !is_placeholder_name(e));
    if a.authors.is_empty() {
        a.authors = trailer.authors;
    }
    if a.authors.is_empty() {
        a.authors = signature(pieces);
    }
}

/// Where comments, related articles or recommendations start, the article has ended.
pub(crate) fn cut_at_furniture(pieces: &mut Vec<Piece>) {
    const STARTS: [&str; 16] = [
        "评论",
        "我要评论",
        "网友评论",
        "发表评论",
        "相关推荐",
        "相关阅读",
        "相关新闻",
        "相关文章",
        "热门推荐",
        "猜你喜欢",
        "为你推荐",
        "精彩推荐",
        "推荐阅读",
        "更多精彩",
        "热点推荐",
        "热门文章",
    ];
    let at = pieces.iter().skip(1).position(|p| {
        let t = match p {
            Piece::Para { text, .. } => text.plain_text(),
            Piece::Heading { text, .. } => text.clone(),
            Piece::Block(_) => return false,
        };
        let t = trim(&t);
        char_count(t) <= 12
            && STARTS.iter().any(|s| {
                t.strip_prefix(s).is_some_and(|rest| {
                    rest.trim_matches(|c: char| {
                        "()\u{ff08}\u{ff09}0123456789\u{6761} \u{ff1a}:".contains(c)
                    })
                    .is_empty()
                })
            })
    });
    if let Some(k) = at {
        pieces.truncate(k + 1);
    }
}

#[derive(Default)]
struct Trailer {
    source_note: Option<String>,
    author_note: Option<String>,
    original_url: Option<String>,
    editor: Option<String>,
    disclaimer: Option<String>,
    authors: Vec<Author>,
}

/// A body paragraph long enough that the plain-text importer reads no meta line
/// after it: what stands between a title and a line to be read as a trailer.
const FILLER: &str = "\u{6b63}\u{6587}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{ff0c}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{ff0c}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{ff0c}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{ff0c}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{ff0c}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{6b63}\u{6587}\u{3002}";

/// Trailer lines at the body's end, read by the plain-text importer's rules.
fn take_trailer(pieces: &mut Vec<Piece>, title: &str) -> Trailer {
    let mut t = Trailer::default();
    let mut checked = 0;
    // Figures (a QR code, a logo) may stand after the trailer lines.
    let mut end = pieces.len();
    while end > 0 && matches!(pieces[end - 1], Piece::Block(Block::Figure { .. })) {
        end -= 1;
    }
    while checked < 8 && end > 0 {
        let Piece::Para { text, .. } = &pieces[end - 1] else {
            break;
        };
        checked += 1;
        let line = text.plain_text();
        if char_count(&line) > 400 {
            break;
        }
        // `本文来源：新京报 责任编辑：杜硕`: one label a line, as the text importer reads them.
        // `（责任编辑：张三）`: a credit in brackets reads as the bare one.
        let bare = line
            .strip_prefix(['\u{ff08}', '('])
            .and_then(|l| l.strip_suffix(['\u{ff09}', ')']))
            .filter(|l| TRAILER_LABELS.iter().any(|t| l.starts_with(t)))
            .unwrap_or(&line);
        let line = split_labels(bare);
        let page = format!("{title}\n{FILLER}\n{line}\n");
        let Ok(a) = article::from_plain_text(&page) else {
            break;
        };
        // Taken into a field, or dropped as a staff credit (校对, 审核) or end mark.
        let took = a.sections.is_empty() && a.lead.len() == 1;
        // Tags, topic and related-report links after the text are not the article.
        let tag_line = [
            "关键词",
            "标签",
            "跟踪",
            "专题",
            "点击进入专题",
            "此前报道",
            "相关报道",
            "Tags",
            "TAG",
        ]
        .iter()
        .any(|l| {
            line.strip_prefix(l).is_some_and(|r| {
                r.is_empty()
                    || r.trim_start()
                        .starts_with([':', '\u{ff1a}', '>', '\u{300b}'])
            })
        });
        if tag_line {
            pieces.remove(end - 1);
            end -= 1;
            continue;
        }
        if !took {
            break;
        }
        t.source_note = t.source_note.or(a.source_note);
        t.author_note = t.author_note.or(a.author_note);
        t.original_url = t.original_url.or(a.original_url);
        t.editor = t.editor.or(a.editor);
        t.disclaimer = t.disclaimer.or(a.disclaimer);
        if t.authors.is_empty() {
            t.authors = a.authors;
        }
        pieces.remove(end - 1);
        end -= 1;
    }
    t
}

const TRAILER_LABELS: [&str; 9] = [
    "本文来源",
    "文章来源",
    "信息来源",
    "来源",
    "责任编辑",
    "原文链接",
    "作者",
    "编辑",
    "审核",
];

/// A line holding several `label：value` pairs, one pair a line; `本文来源` read as `来源`.
fn split_labels(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut rest = line;
    let mut first = true;
    while !rest.is_empty() {
        let label_here = TRAILER_LABELS
            .iter()
            .find(|l| rest.starts_with(**l) && rest[l.len()..].starts_with([':', '\u{ff1a}']));
        if let Some(l) = label_here {
            if !first {
                while out.ends_with(text::is_space) {
                    out.pop();
                }
                out.push('\n');
            }
            out.push_str(if *l == "本文来源" { "来源" } else { l });
            rest = &rest[l.len()..];
        } else {
            let c = rest.chars().next().unwrap_or(' ');
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
        first = false;
    }
    out
}

/// A line of an attachment list once its links are taken out: the label, a
/// number, a size.
pub(crate) fn is_attachment_residue(t: &str) -> bool {
    let t = trim(t);
    if body::is_size_only(t) {
        return true;
    }
    let rest = ["附件下载", "相关附件", "附件列表", "附件"]
        .iter()
        .find_map(|l| t.strip_prefix(l))
        .unwrap_or(t);
    let rest = rest.trim_matches(|c: char| {
        c.is_ascii_digit() || ":\u{ff1a}.\u{3001}\u{ff0e}".contains(c) || text::is_space(c)
    });
    rest.len() < t.len() && (rest.is_empty() || body::is_size_only(rest))
}

/// The writer's name in brackets closing the text, as newspapers sign their
/// reports: `…举行。（张巨峰）`, `（记者 张三 李四）`. The text keeps it.
fn signature(pieces: &[Piece]) -> Vec<Author> {
    const NOT_NAMES: [&str; 12] = [
        "完",
        "全文完",
        "待续",
        "未完待续",
        "续",
        "图",
        "摄",
        "图文",
        "供图",
        "编辑",
        "译",
        "本报",
    ];
    let Some(last) = pieces.iter().rev().find_map(|p| match p {
        Piece::Para { text, .. } => Some(text.plain_text()),
        _ => None,
    }) else {
        return Vec::new();
    };
    let Some(inner) = last
        .trim_end_matches(text::is_space)
        .strip_suffix('\u{ff09}')
        .and_then(|t| t.rsplit_once('\u{ff08}'))
        .map(|(_, inner)| inner)
    else {
        return Vec::new();
    };
    let inner = ["本报记者", "记者", "通讯员"]
        .iter()
        .find_map(|l| inner.strip_prefix(l))
        .unwrap_or(inner);
    let names: Vec<&str> = inner
        .split(|c: char| text::is_space(c) || c == '\u{3001}')
        .filter(|n| !n.is_empty())
        .collect();
    let is_name = |n: &&str| {
        (2..=4).contains(&char_count(n))
            && n.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
            && !NOT_NAMES.contains(n)
            // 新华社, 县发改局: an organisation, not a writer.
            && !n.ends_with(|c: char| "社网报局委部办厅院会站台处科室司所组队团".contains(c))
    };
    if names.is_empty() || names.len() > 3 || !names.iter().all(is_name) {
        return Vec::new();
    }
    names
        .into_iter()
        .map(|n| author(n.to_owned(), None))
        .collect()
}

/// `责任编辑：张三` anywhere on the page (portals print it outside the body).
fn editor_anywhere(lines: &Lines) -> Option<String> {
    lines.lines.iter().rev().find_map(|l| {
        let t = l.text.as_str();
        let at = t.find("责任编辑")?;
        let rest = &t[at + "责任编辑".len()..];
        let rest = rest.trim_start_matches([':', '\u{ff1a}', ' ']);
        let name: String = rest
            .chars()
            .take_while(|c| {
                !matches!(
                    c,
                    ')' | '\u{ff09}' | ']' | '\u{3011}' | ' ' | '|' | '\u{3000}'
                )
            })
            .collect();
        let name = trim(&name).to_owned();
        (!name.is_empty() && char_count(&name) <= 12).then_some(name)
    })
}

pub(crate) fn attachments(files: Vec<body::FileLink>) -> Vec<Attachment> {
    let mut out: Vec<Attachment> = Vec::new();
    for f in files {
        if out.iter().any(|a| a.url == f.url) {
            continue;
        }
        let name = trim(
            f.name
                .trim_start_matches(['\u{9644}', '\u{4ef6}'])
                .trim_start_matches(|c: char| {
                    c.is_ascii_digit() || matches!(c, ':' | '\u{ff1a}' | '.' | '\u{3001}')
                }),
        );
        let name = if name.is_empty() {
            f.name.clone()
        } else {
            name.to_owned()
        };
        out.push(Attachment {
            name,
            url: f.url,
            kind: Some(f.kind.to_owned()),
            size: f.size,
        });
    }
    out
}
