//! The plain-text importer: a portal page copied as text becomes an [`Article`].
//!
//! The page is read line by line in three zones:
//! - the **header**: site name, breadcrumb, kicker (`…——`), title (possibly split
//!   over two lines), subtitle (`——…`), and the meta fields (publish time, author,
//!   source, editor, on one line or several);
//! - the **body**: the lead, then sections opened by numbered headings (第一章,
//!   第一节, 一、, (一), 1., 1.1, (1)) nested by their kind, or by unnumbered headings
//!   recognised by shape; paragraphs, lists, footnotes, 【摘要】 and 【关键词】;
//! - the **trailer**, read backwards from the end: source and author notes, the
//!   original link, the editor, the disclaimer.
//!
//! Page chrome (font-size switches, print, close and share rows, site footers) is
//! dropped wherever it appears. Every article the importer returns passes
//! [`validate`](crate::validate); a page it cannot make sense of is an [`ImportError`].
//!
//! Full-width punctuation is written as `\u{..}` escapes throughout: it is easy to
//! lose to an editor's or a terminal's normalisation, and then the importer
//! silently breaks.

use thiserror::Error;

use crate::model::{Article, Author, Block, Crumb, Inline, Section, Site, Source};
use crate::url::safe_url;

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

const COLONS: [char; 2] = [':', '\u{ff1a}'];
const DASH: char = '\u{2014}';
/// Sentence-ending punctuation: a line ending in one is not a heading.
const SENTENCE_END: [char; 14] = [
    '\u{3002}', '\u{2026}', '.', '!', '?', ';', ':', ',', '\u{ff01}', '\u{ff1f}', '\u{ff1b}',
    '\u{ff1a}', '\u{ff0c}', '\u{3001}',
];
/// Closing quotes and brackets, looked through when checking how a line ends.
const CLOSERS: [char; 9] = [
    '\u{201d}', '\u{2019}', '"', '\'', ')', '\u{ff09}', '\u{300b}', '\u{300d}', '\u{300f}',
];
/// How far into the page the meta line(s) may start.
const HEADER_WINDOW: usize = 15;

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
    let english = is_english(text);
    if english {
        "en".clone_into(&mut article.lang);
    }
    let (body_start, title_parts) = header(&mut article, &lines, english)?;

    // A title repeated at the top of the body (whole, or one of its two halves) or
    // anywhere in it (whole) is dropped.
    let body: Vec<Line<'_>> = lines[body_start..]
        .iter()
        .enumerate()
        .filter(|(k, l)| l.text != article.title && !(*k < 3 && title_parts.contains(&l.text)))
        .map(|(_, l)| *l)
        .collect();
    let body_end = trailer_start(&body);
    apply_trailer(&mut article, &body[body_end..], english);
    build_body(&mut article, &body[..body_end], english);
    article.id = derived_id(&article);
    Ok(article)
}

fn trim(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
}

/// Mostly Latin letters and few CJK characters: an English page.
fn is_english(text: &str) -> bool {
    let (mut latin, mut cjk) = (0usize, 0usize);
    for c in text.chars().take(20_000) {
        if c.is_ascii_alphabetic() {
            latin += 1;
        } else if is_cjk(c) {
            cjk += 1;
        }
    }
    latin > 0 && cjk * 20 < latin
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// Splits `key:value` at the first ASCII or full-width colon.
fn split_label(s: &str) -> Option<(&str, &str)> {
    let idx = s.find(COLONS)?;
    let colon_len = s[idx..].chars().next().map_or(1, char::len_utf8);
    Some((trim(&s[..idx]), trim(&s[idx + colon_len..])))
}

// ---------------------------------------------------------------- chrome

/// Lines that belong to the page frame, not the article.
fn is_chrome(line: &str) -> bool {
    const STARTS: [&str; 27] = [
        "打印本页",
        "关闭窗口",
        "返回顶部",
        "\u{3010}打印\u{3011}",
        "\u{3010}关闭\u{3011}",
        "[打印",
        "[关闭",
        "\u{3010}字体",
        "\u{3010}字号",
        "\u{3010}纠错\u{3011}",
        "\u{3010}我要纠错\u{3011}",
        "字号",
        "字体:",
        "字体\u{ff1a}",
        "分享到",
        "分享:",
        "分享\u{ff1a}",
        "扫一扫",
        "上一篇",
        "下一篇",
        "主办单位",
        "承办单位",
        "Share this",
        "Share:",
        "Print",
        "Back to top",
        "Font size",
    ];
    const CONTAINS: [&str; 3] = ["ICP备", "网站标识码", "公网安备"];
    let short = line.len() < 150;
    (short
        && (STARTS.iter().any(|c| line.starts_with(c))
            || CONTAINS.iter().any(|c| line.contains(c))))
        || is_button_row(line)
}

/// A row of share and print buttons: `微信 微博 QQ空间 | 打印 | 关闭`.
fn is_button_row(line: &str) -> bool {
    const BUTTONS: [&str; 26] = [
        "微信",
        "微博",
        "新浪微博",
        "腾讯微博",
        "QQ",
        "QQ空间",
        "朋友圈",
        "豆瓣",
        "人人网",
        "复制链接",
        "分享",
        "打印",
        "关闭",
        "收藏",
        "纠错",
        "大",
        "中",
        "小",
        "默认",
        "A+",
        "A-",
        "Facebook",
        "Twitter",
        "LinkedIn",
        "WeChat",
        "Weibo",
    ];
    if line.len() > 120 {
        return false;
    }
    let mut n = 0;
    for token in line.split(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '|' | '\u{ff5c}' | '\u{4e28}' | '[' | ']' | '\u{3010}' | '\u{3011}' | '/'
            )
    }) {
        if token.is_empty() {
            continue;
        }
        if !BUTTONS.contains(&token) {
            return false;
        }
        n += 1;
    }
    n >= 2
}

// ---------------------------------------------------------------- header

/// Reads the header into `article`; returns the index of the first body line and
/// the title's parts when it was split over two lines.
fn header<'a>(
    article: &mut Article,
    lines: &[Line<'a>],
    english: bool,
) -> Result<(usize, Vec<&'a str>), ImportError> {
    let window = lines.len().min(HEADER_WINDOW);
    // The meta line: the first one within the window, after nothing but short lines.
    let mut meta_at = None;
    for (k, l) in lines[..window].iter().enumerate() {
        if meta_fields(l.text).is_some() && k > 0 {
            meta_at = Some(k);
            break;
        }
        if l.text.chars().count() > 80 {
            break;
        }
    }
    let crumb_at = lines[..meta_at.unwrap_or(window.min(6))]
        .iter()
        .rposition(|l| breadcrumb(l.text).is_some());
    if let Some(b) = crumb_at {
        article.breadcrumb = breadcrumb(lines[b].text).unwrap_or_default();
    }

    let (pre_crumb, mut title_lines, body_start) = match meta_at {
        Some(m) => {
            let mut end = m;
            while end < window.max(m + 1).min(lines.len()) {
                match meta_fields(lines[end].text) {
                    Some(fields) => apply_meta(article, &fields, english),
                    None => break,
                }
                end += 1;
            }
            let after_crumb = crumb_at.map_or(0, |b| b + 1);
            (
                &lines[..crumb_at.unwrap_or(0)],
                lines[after_crumb..m].to_vec(),
                end,
            )
        }
        None => {
            // No meta: the title is the line after the breadcrumb (or the first
            // line), with a kicker before it and a subtitle after it.
            let mut t = crumb_at.map_or(0, |b| b + 1);
            if t >= lines.len() {
                return Err(no_title(lines[0]));
            }
            let mut title_lines = vec![lines[t]];
            if lines[t].text.ends_with(DASH) && t + 1 < lines.len() {
                t += 1;
                title_lines.push(lines[t]);
            }
            if lines.get(t + 1).is_some_and(|l| l.text.starts_with(DASH)) {
                t += 1;
                title_lines.push(lines[t]);
            }
            (&lines[..crumb_at.unwrap_or(0)], title_lines, t + 1)
        }
    };

    let mut site_lines: Vec<&str> = pre_crumb.iter().map(|l| l.text).collect();
    if title_lines.is_empty() {
        // Title above the breadcrumb: the last line before it.
        match site_lines.pop() {
            Some(t) => title_lines.push(Line { no: 0, text: t }),
            None => return Err(no_title(lines[0])),
        }
    }
    // Without a breadcrumb a first line that names a site is the site.
    if crumb_at.is_none()
        && title_lines.len() >= 2
        && looks_like_site(title_lines[0].text)
        && !title_lines[0].text.ends_with(DASH)
    {
        site_lines.push(title_lines.remove(0).text);
    }
    if let Some(site) = site_lines.first() {
        article.site = Some(Site {
            name: (*site).to_owned(),
            url: None,
        });
    }

    let mut parts: Vec<&str> = Vec::new();
    for l in &title_lines {
        if let Some(sub) = l.text.strip_prefix(DASH) {
            let sub = trim(sub.trim_start_matches(DASH));
            if !sub.is_empty() && !parts.is_empty() {
                article.subtitle = Some(sub.to_owned());
                continue;
            }
        }
        if parts.is_empty() && l.text.ends_with(DASH) {
            let kicker = trim(l.text.trim_end_matches(DASH));
            if !kicker.is_empty() {
                article.kicker = Some(kicker.to_owned());
                continue;
            }
        }
        parts.push(l.text);
    }
    let mut title = String::new();
    for p in &parts {
        let needs_space = title
            .chars()
            .last()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == ',')
            && p.starts_with(|c: char| c.is_ascii_alphanumeric());
        if needs_space {
            title.push(' ');
        }
        title.push_str(p);
    }
    if title.is_empty() {
        return Err(no_title(title_lines.first().copied().unwrap_or(lines[0])));
    }
    article.title = title;
    article.section = section_from_breadcrumb(&article.breadcrumb, &article.title);
    let parts = if parts.len() > 1 { parts } else { Vec::new() };
    Ok((body_start.min(lines.len()), parts))
}

fn no_title(l: Line<'_>) -> ImportError {
    ImportError {
        line: l.no.max(1),
        column: 1,
        kind: ImportErrorKind::NoTitle,
    }
}

fn looks_like_site(line: &str) -> bool {
    const SUFFIXES: [&str; 14] = [
        "网",
        "网站",
        "门户",
        "政府",
        "中心",
        "日报",
        "晚报",
        "委员会",
        "人大",
        "政协",
        "局",
        "厅",
        "Daily",
        "News",
    ];
    line.chars().count() <= 20 && SUFFIXES.iter().any(|s| line.ends_with(s))
}

/// The column: the last breadcrumb step that is not the home page, the article
/// itself or a generic "text" step.
fn section_from_breadcrumb(crumbs: &[Crumb], title: &str) -> Option<String> {
    const GENERIC: [&str; 8] = [
        "首页",
        "正文",
        "详情",
        "内容",
        "正文内容",
        "文章",
        "Home",
        "Article",
    ];
    crumbs
        .iter()
        .rev()
        .map(|c| c.name.as_str())
        .find(|n| !GENERIC.contains(n) && *n != title)
        .filter(|_| crumbs.len() >= 2)
        .map(str::to_owned)
}

fn breadcrumb(line: &str) -> Option<Vec<Crumb>> {
    const LABELS: [&str; 8] = [
        "当前位置",
        "当前所在",
        "您当前所在位置",
        "您当前位置",
        "您的位置",
        "位置",
        "You are here",
        "Location",
    ];
    let rest = match split_label(line) {
        Some((label, rest)) if LABELS.contains(&label) => rest,
        _ if (line.starts_with("首页") || line.starts_with("Home"))
            && line.len() < 200
            && line.contains(['>', '\u{203a}', '\u{bb}', '\u{ff1e}']) =>
        {
            line
        }
        _ => return None,
    };
    Some(
        rest.split(['>', '\u{203a}', '\u{bb}', '/', '\u{ff1e}', '\u{ff0f}'])
            .map(trim)
            .filter(|s| !s.is_empty())
            .map(|name| Crumb {
                name: name.to_owned(),
                url: None,
            })
            .collect(),
    )
}

/// Meta keys, longest first where one is the tail of another (信息来源 / 来源).
const META_KEYS: [&str; 26] = [
    "发布时间",
    "发布日期",
    "更新时间",
    "时间",
    "日期",
    "作者",
    "文章来源",
    "信息来源",
    "稿件来源",
    "来源",
    "责任编辑",
    "编辑",
    "浏览次数",
    "浏览量",
    "阅读次数",
    "阅读量",
    "点击数",
    "点击量",
    "点击",
    "字号",
    "Published",
    "Updated",
    "Date",
    "Source",
    "Editor",
    "By",
];

/// Reads a meta line such as `发布时间:2024-05-19 作者:佚名 来源:甘肃人大网`, or
/// `2024-05-19 16:37 来源:新华网`, or `By Li Wen | Updated: 2024-05-19 16:37`.
fn meta_fields(line: &str) -> Option<Vec<(&'static str, &str)>> {
    if line.len() > 300 {
        return None;
    }
    let mut found: Vec<(usize, usize, &'static str)> = Vec::new();
    let date_len = leading_date_len(line);
    if date_len > 0 {
        found.push((0, 0, "时间"));
    }
    let mut pos = date_len;
    while pos < line.len() {
        let rest = &line[pos..];
        let at_word_start = pos == 0
            || line[..pos]
                .chars()
                .last()
                .is_some_and(|c| !c.is_ascii_alphanumeric());
        let hit = META_KEYS.iter().find_map(|k| {
            let after = rest.strip_prefix(k)?;
            if !at_word_start && k.is_ascii() {
                return None;
            }
            let c = after.chars().next()?;
            if COLONS.contains(&c) {
                Some((*k, k.len() + c.len_utf8()))
            } else if *k == "By" && c == ' ' && pos == 0 {
                Some((*k, 3))
            } else {
                None
            }
        });
        match hit {
            Some((k, len)) => {
                found.push((pos, pos + len, k));
                pos += len;
            }
            None => pos += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    // It is a meta line only if it starts with a key or a date.
    if found.first().map(|f| f.0) != Some(0) {
        return None;
    }
    let fields = found
        .iter()
        .enumerate()
        .map(|(n, &(_, value_start, key))| {
            let end = found.get(n + 1).map_or(line.len(), |f| f.0);
            let value = if key == "时间" && value_start == 0 {
                &line[..date_len]
            } else {
                &line[value_start..end]
            };
            // `来源:新华网 | 作者:…` and chrome glued on after the value.
            let value = value
                .split(['|', '\u{ff5c}', '\u{4e28}', '\u{3010}', '['])
                .next()
                .unwrap_or("");
            (key, trim(value))
        })
        .collect();
    Some(fields)
}

/// Byte length of a date (and time) at the start of `line`, 0 if none.
fn leading_date_len(line: &str) -> usize {
    let b = line.as_bytes();
    if b.len() < 8 || !b[..4].iter().all(u8::is_ascii_digit) {
        return 0;
    }
    // Digits and the separators dates and times use, then stop.
    let mut end = 0;
    for (i, c) in line.char_indices() {
        if c.is_ascii_digit()
            || matches!(
                c,
                '-' | '/' | '.' | ':' | ' ' | '年' | '月' | '日' | '\u{ff1a}'
            )
        {
            end = i + c.len_utf8();
        } else {
            break;
        }
    }
    let candidate = trim(&line[..end]);
    if normalize_date(candidate).is_some() {
        candidate.len()
    } else {
        0
    }
}

fn apply_meta(article: &mut Article, fields: &[(&'static str, &str)], english: bool) {
    for &(key, value) in fields {
        if value.is_empty() {
            continue;
        }
        match key {
            "发布时间" | "发布日期" | "时间" | "日期" | "Published" | "Date" => {
                if let Some(d) = normalize_date(value) {
                    article.published = Some(d);
                }
            }
            "更新时间" | "Updated" => {
                if let Some(d) = normalize_date(value) {
                    article.modified = Some(d);
                }
            }
            "作者" | "By" => article.authors = parse_authors(value, english),
            "来源" | "信息来源" | "文章来源" | "稿件来源" | "Source" => {
                article.source = Some(Source {
                    name: value.to_owned(),
                    url: None,
                });
            }
            "责任编辑" | "编辑" | "Editor" => article.editor = Some(value.to_owned()),
            // View counters and font-size switches carry nothing for the reader.
            _ => {}
        }
    }
}

/// Role words that precede names: `本报记者 张三 李四 通讯员 王五`.
const ROLES: [&str; 10] = [
    "本报记者",
    "新华社记者",
    "特约记者",
    "见习记者",
    "本报评论员",
    "评论员",
    "记者",
    "通讯员",
    "实习生",
    "摄影",
];

fn parse_authors(value: &str, english: bool) -> Vec<Author> {
    let author = |name: &str, role: Option<&str>| Author {
        name: name.to_owned(),
        role: role.map(str::to_owned),
        affiliation: None,
        url: None,
    };
    if english {
        return value
            .split(" and ")
            .flat_map(|s| s.split([',', '&']))
            .map(trim)
            .filter(|s| !s.is_empty())
            .map(|n| author(n, None))
            .collect();
    }
    let mut out = Vec::new();
    let mut role: Option<&str> = None;
    for token in value
        .split(|c: char| {
            c.is_whitespace() || matches!(c, ',' | ';' | '\u{3001}' | '\u{ff0c}' | '\u{ff1b}')
        })
        .map(trim)
        .filter(|s| !s.is_empty())
    {
        match ROLES.iter().find(|r| token.starts_with(**r)) {
            Some(r) => {
                role = Some(r);
                let name = trim(&token[r.len()..]);
                if !name.is_empty() {
                    out.push(author(name, role));
                }
            }
            None => out.push(author(token, role)),
        }
    }
    out
}

/// `2024-05-19`, `2024-05-19 16:37`, `2023年02月03日`, `2023/2/3`, `2023.2.3` → ISO
/// 8601 (a time without an offset is Asia/Shanghai, `+08:00`).
fn normalize_date(s: &str) -> Option<String> {
    let mut nums = [0u32; 6];
    let mut n = 0;
    for part in s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
    {
        if n == 6 {
            break;
        }
        nums[n] = if part.len() <= 4 {
            part.parse().ok()?
        } else {
            return None;
        };
        n += 1;
    }
    if n < 3 {
        return None;
    }
    let [y, m, d, h, mi, sec] = nums;
    if !(1900..=2999).contains(&y) {
        return None;
    }
    let date = format!("{y:04}-{m:02}-{d:02}");
    let iso = if n >= 5 && h < 24 && mi < 60 {
        let sec = if n == 6 && sec < 60 { sec } else { 0 };
        format!("{date}T{h:02}:{mi:02}:{sec:02}+08:00")
    } else {
        date
    };
    crate::validate::check_datetime(&iso).ok().map(|()| iso)
}

// ---------------------------------------------------------------- trailer

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
fn trailer_start(body: &[Line<'_>]) -> usize {
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
fn apply_trailer(article: &mut Article, lines: &[Line<'_>], english: bool) {
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
    // Look through closing quotes and brackets: `…说:“…。”` ends a sentence.
    let end = line.trim_end_matches(CLOSERS);
    (2..=max).contains(&n) && !end.ends_with(SENTENCE_END) && !is_bullet(line)
}

fn is_bullet(line: &str) -> bool {
    line.starts_with([
        '\u{2022}', '\u{b7}', '\u{25cf}', '\u{25a0}', '\u{25c6}', '-', '*',
    ])
}

/// `[1] text`, `［1］text` → (1, text).
fn footnote(line: &str) -> Option<(&str, &str)> {
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

fn build_body(article: &mut Article, body: &[Line<'_>], english: bool) {
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

    // stack[d] is the open section at depth d + 1.
    let mut stack: Vec<Section> = Vec::new();
    let mut footnote_ids: Vec<String> = Vec::new();
    let mut list: Option<(bool, Vec<Inline>)> = None;

    fn target<'s>(article: &'s mut Article, stack: &'s mut [Section]) -> &'s mut Vec<Block> {
        match stack.last_mut() {
            Some(s) => &mut s.blocks,
            None => &mut article.lead,
        }
    }
    fn flush_list(
        article: &mut Article,
        stack: &mut [Section],
        list: &mut Option<(bool, Vec<Inline>)>,
    ) {
        if let Some((ordered, items)) = list.take() {
            target(article, stack).push(Block::List { ordered, items });
        }
    }
    fn close_to(article: &mut Article, stack: &mut Vec<Section>, depth: usize) {
        while stack.len() > depth {
            let Some(s) = stack.pop() else { break };
            match stack.last_mut() {
                Some(parent) => parent.sections.push(s),
                None => article.sections.push(s),
            }
        }
    }

    for item in items {
        if !matches!(item, Item::Entry(..)) {
            flush_list(article, &mut stack, &mut list);
        }
        match item {
            Item::Heading(kind, text) => {
                let level = match kind {
                    Some(k) => kinds.iter().position(|x| *x == k).unwrap_or(0) + 1,
                    None if numbered => {
                        target(article, &mut stack).push(Block::Subheading { text });
                        continue;
                    }
                    None => 1,
                };
                // A level deeper than one below the open ones nests one level down.
                let level = level.min(stack.len() + 1);
                close_to(article, &mut stack, level - 1);
                stack.push(Section {
                    id: None,
                    heading: text,
                    blocks: Vec::new(),
                    sections: Vec::new(),
                });
            }
            Item::Para(text) | Item::Numbered(_, text) => {
                if !text.is_empty() {
                    target(article, &mut stack).push(Block::paragraph(text));
                }
            }
            Item::Entry(ordered, text) => {
                if list.as_ref().is_some_and(|(o, _)| *o != ordered) {
                    flush_list(article, &mut stack, &mut list);
                }
                list.get_or_insert_with(|| (ordered, Vec::new()))
                    .1
                    .push(Inline::from(text));
            }
            Item::Footnote(n, text) => {
                let id = format!("fn-{n}");
                let id = (!footnote_ids.contains(&id)).then(|| {
                    footnote_ids.push(id.clone());
                    id
                });
                target(article, &mut stack).push(Block::Footnote {
                    id,
                    text: Inline::from(text),
                });
            }
        }
    }
    flush_list(article, &mut stack, &mut list);
    close_to(article, &mut stack, 0);
    number_sections(&mut article.sections, "sec");
}

fn number_sections(sections: &mut [Section], prefix: &str) {
    for (n, s) in sections.iter_mut().enumerate() {
        let id = format!("{prefix}-{}", n + 1);
        number_sections(&mut s.sections, &id);
        s.id = Some(id);
    }
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
        apply_meta(&mut a, &f, false);
        assert_eq!(a.published.as_deref(), Some("2023-02-03"));
        assert_eq!(a.authors[0].name, "张三");
        assert_eq!(a.source, None);
    }

    #[test]
    fn meta_line_led_by_a_date_with_chrome_after() {
        let f =
            meta_fields("2024-05-19 16:37 来源\u{ff1a}新华网 \u{3010}字体\u{ff1a}大 中 小\u{3011}")
                .unwrap();
        let mut a = Article::new("a", "t");
        apply_meta(&mut a, &f, false);
        assert_eq!(a.published.as_deref(), Some("2024-05-19T16:37:00+08:00"));
        assert_eq!(a.source.unwrap().name, "新华网");
    }

    #[test]
    fn dates_normalize() {
        assert_eq!(normalize_date("2023/2/3").as_deref(), Some("2023-02-03"));
        assert_eq!(normalize_date("2023.2.3").as_deref(), Some("2023-02-03"));
        assert_eq!(
            normalize_date("2023年02月03日").as_deref(),
            Some("2023-02-03")
        );
        assert_eq!(
            normalize_date("2024-05-19 16:37").as_deref(),
            Some("2024-05-19T16:37:00+08:00")
        );
        assert_eq!(normalize_date("2023-02-30"), None);
        assert_eq!(normalize_date("99999999999-1-1"), None);
    }

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

    #[test]
    fn authors_with_roles() {
        let a = parse_authors("本报记者 张三 李四 通讯员王五", false);
        let got: Vec<_> = a
            .iter()
            .map(|a| (a.name.as_str(), a.role.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("张三", Some("本报记者")),
                ("李四", Some("本报记者")),
                ("王五", Some("通讯员"))
            ]
        );
        let en = parse_authors("Li Wen and Zhou Min", true);
        assert_eq!(en[1].name, "Zhou Min");
    }

    #[test]
    fn button_rows_are_chrome() {
        assert!(is_chrome("微信 微博 QQ空间"));
        assert!(is_chrome("【打印】【关闭】"));
        assert!(is_chrome("字号:大 中 小"));
        assert!(!is_chrome("微信支付普及率持续提高"));
    }
}
