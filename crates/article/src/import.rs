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
mod header;
mod text;
mod trailer;

use thiserror::Error;

use crate::model::Article;
use body::build_body;
use chrome::is_chrome;
use header::header;
use text::{is_english, trim};
use trailer::{apply_trailer, trailer_start};

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
    // After the id, which comes from the title as the page printed it.
    crate::punctuation::full_width_article(&mut article);
    Ok(article)
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
}
