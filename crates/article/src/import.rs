//! The plain-text importer: a portal page copied as text becomes an [`Article`].
//!
//! The page is read line by line in three zones, one module each:
//! - the **header** (`header.rs`): site name, breadcrumb, kicker (`…——`), title
//!   (possibly split over two lines), subtitle (`——…`), and the meta fields
//!   (publish time, author, source, editor, on one line or several);
//! - the **body** (`body.rs`): the lead, then sections opened by numbered headings
//!   (第一章, 第一节, 一、, (一), 1., 1.1, (1)) nested by their kind, or by unnumbered
//!   headings recognised by shape; paragraphs, lists, footnotes, 【摘要】 and 【关键词】;
//! - the **trailer** (`trailer.rs`), read backwards from the end: source and author
//!   notes, the original link, the editor, the disclaimer.
//!
//! The body's sections are nested and numbered by an [`Outline`] (`outline.rs`),
//! which other importers build with too, so that every importer nests alike.
//! Dates (`date.rs`), meta keys, breadcrumb labels, white space and how a line ends
//! are the HTML importer's rules too, so that both importers read a page alike.
//!
//! Page chrome (`chrome.rs`: font-size switches, print, close and share rows, site
//! footers) is dropped wherever it appears, before the zones are read. Every article
//! the importer returns passes [`validate`](crate::validate); a page it cannot make
//! sense of is an [`ImportError`].
//!
//! Full-width punctuation is written as `\u{..}` escapes throughout: it is easy to
//! lose to an editor's or a terminal's normalisation, and then the importer
//! silently breaks.

mod body;
mod chrome;
mod date;
mod header;
mod outline;
mod text;
mod trailer;

use thiserror::Error;

use crate::model::Article;
use body::build_body;
use chrome::is_chrome;
use header::header;
use trailer::{apply_trailer, trailer_start};

pub use body::footnote;
pub use date::{date_at, find_date};
pub use header::{section_from_breadcrumb, BREADCRUMB_LABELS, BREADCRUMB_SEPARATORS, META_KEYS};
pub use outline::Outline;
pub use text::{ends_running_text, is_english_text, is_space, trim};

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

/// True when `line` (trimmed) is page chrome by the plain-text importer's rules: a
/// print, share or font-size control, a menu row, a site footer line. Other importers
/// use it so that one table of chrome strings serves them all.
pub fn is_chrome_line(line: &str) -> bool {
    let line = trim(line);
    !line.is_empty() && is_chrome(line)
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
    // A copied page is mostly its article: any English prose in it decides.
    let english = is_english_text(text.chars().take(20_000), 0);
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
    // After the id, which comes from the title as the page printed it.
    crate::punctuation::full_width_article(&mut article);
    Ok(article)
}

/// The id an imported article gets: `a-` and a hash of its title and publication
/// date (FNV-1a: stable across platforms and releases, unlike std's hasher). Both
/// importers, text and HTML, name their articles so.
pub fn derived_id(a: &Article) -> String {
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

    const PARA: &str = "基层治理是国家治理的基石，必须坚持和加强党的全面领导，不断提升基层治理体系和治理能力现代化水平，这是一段足够长的正文内容。";

    #[test]
    fn the_article_is_found_inside_the_site_chrome() {
        let page = format!(
            "热门搜索：疫苗 社保\nEN\n退出老年人模式\n\u{2022} 首页\n\u{2022} 新闻中心\n\
             当前位置：首页 > 理论研究 > 阅读信息\n加强基层治理的几点思考\n\
             发布时间：2023-05-06 作者：王五 来源：某某网\n微信 微博 qq\n打印\n{PARA}\n{PARA}\n\
             责任编辑：赵六\n版权所有：某某市人民政府办公室 ICP备12345678号\n"
        );
        let a = from_plain_text(&page).unwrap();
        assert_eq!(a.title, "加强基层治理的几点思考");
        let crumbs: Vec<&str> = a.breadcrumb.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(crumbs, ["首页", "理论研究", "阅读信息"]);
        assert_eq!(a.section.as_deref(), Some("理论研究"));
        assert_eq!(a.site, None, "a menu is not the site");
        assert_eq!(a.editor.as_deref(), Some("赵六"));
        assert!(a.sections.is_empty(), "{:?}", a.sections);
        assert_eq!(a.lead.len(), 2, "{:?}", a.lead);
    }

    #[test]
    fn bylines_and_english_meta() {
        let a = from_plain_text(&format!(
            "市政府召开常务会议研究部署近期工作\n本报记者 张三 通讯员 李四\n{PARA}\n{PARA}\n责任编辑：王五\n"
        ))
        .unwrap();
        assert_eq!(a.title, "市政府召开常务会议研究部署近期工作");
        let who: Vec<(&str, Option<&str>)> = a
            .authors
            .iter()
            .map(|x| (x.name.as_str(), x.role.as_deref()))
            .collect();
        assert_eq!(who, [("张三", Some("本报记者")), ("李四", Some("通讯员"))]);
        assert_eq!(a.editor.as_deref(), Some("王五"));

        let a = from_plain_text(
            "Rural schools get new teachers\nBy Li Wen (China Daily)\nUpdated: 2011-04-27 07:56\n\
             Rural schools in the province received more than 2,000 new teachers this year, officials said.\n\
             The teachers will work in remote areas for at least three years under the program.\n",
        )
        .unwrap();
        assert_eq!(a.published.as_deref(), Some("2011-04-27T07:56:00+08:00"));
        assert_eq!(a.authors[0].name, "Li Wen");
        assert_eq!(
            a.source.as_ref().map(|s| s.name.as_str()),
            Some("China Daily")
        );
    }
}
