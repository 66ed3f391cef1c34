//! The header zone: site name, breadcrumb, kicker, title, subtitle and the meta
//! fields (publish time, author, source, editor).

use super::date::labelled_date;
use super::text::{split_label, trim, COLONS, DASH};
use super::{ImportError, ImportErrorKind, Line};
use crate::model::{Article, Author, Link};

/// How far into the page the meta line(s) may start.
const HEADER_WINDOW: usize = 15;

/// Reads the header into `article`; returns the index of the first body line and
/// the title's parts when it was split over two lines.
pub(super) fn header<'a>(
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
        // Running text (long, or a sentence) ends the header: a 责任编辑 line below
        // the body is the trailer's.
        let n = l.text.chars().count();
        if n > 80 || (n > 30 && super::text::ends_sentence(l.text)) {
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

    // A bulleted menu above the breadcrumb (`• 首页`, `• 新闻中心`) is navigation.
    let mut site_lines: Vec<&str> = pre_crumb
        .iter()
        .map(|l| l.text)
        .filter(|t| !t.starts_with(['\u{2022}', '\u{b7}', '\u{25cf}', '-', '*']))
        .collect();
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
        article.site = Some(Link {
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
/// itself (its title or the start of it) or a generic "text" step.
pub fn section_from_breadcrumb(crumbs: &[Link], title: &str) -> Option<String> {
    const GENERIC: [&str; 11] = [
        "阅读信息",
        "信息浏览",
        "文章详情",
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
        .find(|n| !GENERIC.contains(n) && *n != title && !title.starts_with(*n))
        .filter(|_| crumbs.len() >= 2)
        .map(str::to_owned)
}

/// The words that lead a breadcrumb (`当前位置：首页 > 要闻`), longest first where one
/// starts another, so that the first a line starts with is the whole label.
pub const BREADCRUMB_LABELS: [&str; 12] = [
    "您当前所在位置",
    "您现在的位置",
    "您当前的位置",
    "您当前位置",
    "当前位置为",
    "当前位置",
    "您的位置",
    "所在位置",
    "当前所在",
    "位置",
    "You are here",
    "Location",
];

/// What separates a breadcrumb's steps: the arrows (`首页 > 要闻 > 正文`), then the
/// slashes (`首页 / 要闻`).
pub const BREADCRUMB_SEPARATORS: [char; 7] = [
    '>', '\u{203a}', '\u{bb}', '\u{ff1e}', '\u{2192}', '/', '\u{ff0f}',
];

/// The arrows of [`BREADCRUMB_SEPARATORS`].
const CRUMB_ARROWS: &[char] = BREADCRUMB_SEPARATORS.split_at(5).0;

fn breadcrumb(line: &str) -> Option<Vec<Link>> {
    let rest = match split_label(line) {
        Some((label, rest)) if BREADCRUMB_LABELS.contains(&label) => rest,
        // Without a label, only an arrow marks the steps: a slash may be a date's.
        _ if (line.starts_with("首页") || line.starts_with("Home"))
            && line.len() < 200
            && line.contains(CRUMB_ARROWS) =>
        {
            line
        }
        _ => return None,
    };
    Some(
        rest.split(BREADCRUMB_SEPARATORS)
            .map(trim)
            .filter(|s| !s.is_empty())
            .map(|name| Link {
                name: name.to_owned(),
                url: None,
            })
            .collect(),
    )
}

/// The keys of meta fields (`来源：新华网`), longest first where one is the tail
/// (信息来源 / 来源) or the start (浏览次数 / 浏览) of another.
pub const META_KEYS: [&str; 28] = [
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
    "浏览",
    "阅读次数",
    "阅读量",
    "阅读",
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
    // A byline: `本报记者 张三 通讯员 李四`.
    if line.chars().count() <= 40
        && ROLES.iter().any(|r| line.starts_with(r))
        && !line.contains(COLONS)
        && !super::text::ends_sentence(line)
    {
        return Some(vec![("作者", line)]);
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
    Some(split_trailing_dates(fields))
}

/// `来源: 广西壮族自治区人民政府门户网站 2021-09-24 16:37`: a date after a value is the
/// publish time, and a button glued on after the value (`新京报 举报`) is chrome.
fn split_trailing_dates<'a>(fields: Vec<(&'static str, &'a str)>) -> Vec<(&'static str, &'a str)> {
    let mut out = Vec::with_capacity(fields.len());
    for (key, value) in fields {
        let mut value = value;
        let mut date = None;
        if !matches!(
            key,
            "发布时间"
                | "发布日期"
                | "更新时间"
                | "时间"
                | "日期"
                | "Published"
                | "Updated"
                | "Date"
        ) {
            let at = value
                .char_indices()
                .find(|&(i, c)| c.is_whitespace() && leading_date_len(trim(&value[i..])) > 0);
            if let Some((i, _)) = at {
                let rest = trim(&value[i..]);
                date = Some(&rest[..leading_date_len(rest)]);
                value = trim(&value[..i]);
            }
        }
        while let Some((head, last)) = value.rsplit_once(char::is_whitespace) {
            if super::chrome::is_chrome(trim(last)) {
                value = trim(head);
            } else {
                break;
            }
        }
        out.push((key, value));
        if let Some(d) = date {
            out.push(("时间", d));
        }
    }
    out
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
    if labelled_date(candidate).is_some() {
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
                if let Some(d) = labelled_date(value) {
                    article.published = Some(d);
                }
            }
            "更新时间" | "Updated" => {
                if let Some(d) = labelled_date(value) {
                    // A page that gives only its update time was published then at
                    // the latest: the reader gets that date.
                    if article.published.is_none() {
                        article.published = Some(d.clone());
                    }
                    article.modified = Some(d);
                }
            }
            // `By Li Wen (China Daily)`: the outlet in brackets is the source.
            "By" if value.ends_with(')') && value.contains('(') => {
                if let Some((names, outlet)) = value.trim_end_matches(')').rsplit_once('(') {
                    article.authors = parse_authors(trim(names), english);
                    if article.source.is_none() && !trim(outlet).is_empty() {
                        article.source = Some(Link {
                            name: trim(outlet).to_owned(),
                            url: None,
                        });
                    }
                }
            }
            "作者" | "By" => article.authors = parse_authors(value, english),
            "来源" | "信息来源" | "文章来源" | "稿件来源" | "Source" => {
                article.source = Some(Link {
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

pub(super) fn parse_authors(value: &str, english: bool) -> Vec<Author> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_after_the_source_and_a_button_after_a_value() {
        let f = meta_fields("来源: 广西壮族自治区人民政府门户网站 2021-09-24 16:37").unwrap();
        let mut a = Article::new("a", "t");
        apply_meta(&mut a, &f, false);
        assert_eq!(a.source.unwrap().name, "广西壮族自治区人民政府门户网站");
        assert_eq!(a.published.as_deref(), Some("2021-09-24T16:37:00+08:00"));
        let f = meta_fields("2019-09-07 09:59:22 来源: 新京报 举报").unwrap();
        let mut a = Article::new("a", "t");
        apply_meta(&mut a, &f, false);
        assert_eq!(a.source.unwrap().name, "新京报");
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
}
