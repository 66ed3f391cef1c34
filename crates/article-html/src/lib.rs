//! Portal article pages as their CMS serves them (HTML, any charset) into
//! [`article::Article`]s. Native only: the viewer's wasm never links it.
//!
//! The page is parsed by html5ever (the parser browsers' behaviour is specified
//! by), then read in four passes:
//! - **charset**: BOM, the caller's choice, the `<meta>` declaration, or the bytes
//!   (see `charset.rs`);
//! - **the title and metadata** (`header.rs`), in order of trust: JSON-LD
//!   `NewsArticle`, the government CMS meta tags, Open Graph and other `<meta>`,
//!   `<time>`, then the visible page (the meta cluster under the title, read by the
//!   plain-text importer's rules); the tags themselves are read by `meta.rs`;
//! - **the body**: the element where running text concentrates, read into blocks
//!   (`body.rs`), then into sections by its headings;
//! - **the trailer** (`trailer.rs`): 来源 / 责任编辑 / 原文链接 / 免责声明 lines at the
//!   body's end, again by the plain-text importer's rules, and the attachments.
//!
//! This file holds the entry points and the order of the passes.
//!
//! Whatever the page holds, the result is text and checked URLs only: no markup,
//! style or script is ever copied, every URL is resolved and must pass
//! [`article::safe_url`], and the article returned passes [`article::validate`].

mod body;
mod charset;
mod dom;
mod header;
mod meta;
mod text;
mod trailer;

use std::fmt;

use article::Article;
use scraper::Html;
use url::Url;

use body::{Piece, Reader};
use dom::{Lengths, Lines};
use meta::Meta;
use text::trim;

/// How to read a page.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The charset to decode with, overriding the page's declaration (a BOM still wins).
    pub charset: Option<String>,
    /// Where the page was served from: relative links and images resolve against it.
    pub base_url: Option<String>,
}

/// An imported page: the article and what the reader of the import should know.
#[derive(Clone, Debug)]
pub struct Imported {
    /// The article; it passes [`article::validate`].
    pub article: Article,
    /// Things done that the page did not say (a charset overruled, bytes replaced).
    pub warnings: Vec<String>,
}

/// Why a page could not be imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HtmlError {
    /// `--charset` names no known encoding.
    UnknownCharset(String),
    /// `--base-url` is not an absolute http(s) URL.
    BadBaseUrl(String),
    /// Nothing could serve as the title.
    NoTitle,
    /// No element holds running text.
    NoText,
}

impl fmt::Display for HtmlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HtmlError::UnknownCharset(c) => write!(f, "unknown charset \"{c}\""),
            HtmlError::BadBaseUrl(u) => {
                write!(f, "base URL \"{u}\" is not an absolute http(s) URL")
            }
            HtmlError::NoTitle => {
                f.write_str("no title found (no <title>, <h1> or title meta tag)")
            }
            HtmlError::NoText => f.write_str("no article text found in the page"),
        }
    }
}

impl std::error::Error for HtmlError {}

/// Decodes a page's bytes as [`from_html`] does (BOM, `charset`, declaration,
/// content), for callers that read text pages in legacy charsets too. Returns the
/// text and any warnings.
pub fn decode(bytes: &[u8], charset: Option<&str>) -> Result<(String, Vec<String>), HtmlError> {
    let d = charset::decode(bytes, charset).map_err(|e| HtmlError::UnknownCharset(e.0))?;
    Ok((d.text, d.warnings))
}

/// True when `bytes` look like an HTML document rather than plain text: a doctype
/// or an `<html>`, `<head>`, `<body>`, `<meta>`, `<div>` or `<p>` tag near the start.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(2048)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let start = lower
        .iter()
        .position(|b| !b.is_ascii_whitespace() && !matches!(b, 0xef | 0xbb | 0xbf))
        .unwrap_or(0);
    if lower[start..].starts_with(b"<") {
        return true;
    }
    [
        &b"<!doctype html"[..],
        b"<html",
        b"<head",
        b"<body",
        b"<meta ",
        b"<div",
        b"<p>",
    ]
    .iter()
    .any(|t| lower.windows(t.len()).any(|w| w == *t))
}

/// Why a page, text or HTML, could not be imported: what, and for a text page the
/// line and column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageError {
    /// 1-based line and column in a text page.
    pub at: Option<(usize, usize)>,
    /// What is wrong.
    pub what: String,
}

/// One page as `article-cli import` and the site build's source pages read it: HTML
/// (by content, [`looks_like_html`]) through [`from_html`], else plain text through
/// `article::from_plain_text`, UTF-8 unless `options.charset` names its charset. The
/// article keeps the importer's id and is not validated here.
pub fn import_page(bytes: &[u8], options: &Options) -> Result<Imported, PageError> {
    let fail = |what: String| PageError { at: None, what };
    if looks_like_html(bytes) {
        return from_html(bytes, options).map_err(|e| fail(e.to_string()));
    }
    let (text, warnings) = match (options.charset.as_deref(), std::str::from_utf8(bytes)) {
        (None, Ok(t)) => (t.to_owned(), Vec::new()),
        (None, Err(e)) => {
            return Err(fail(format!(
                "not valid UTF-8 at byte {} (give --charset, e.g. gbk)",
                e.valid_up_to()
            )))
        }
        (charset, _) => decode(bytes, charset).map_err(|e| fail(e.to_string()))?,
    };
    let article = article::from_plain_text(&text).map_err(|e| PageError {
        at: Some((e.line, e.column)),
        what: e.kind.to_string(),
    })?;
    Ok(Imported { article, warnings })
}

/// Imports one page.
pub fn from_html(bytes: &[u8], options: &Options) -> Result<Imported, HtmlError> {
    let decoded = charset::decode(bytes, options.charset.as_deref())
        .map_err(|e| HtmlError::UnknownCharset(e.0))?;
    let forced_base = match &options.base_url {
        Some(b) => Some(
            Url::parse(b)
                .ok()
                .filter(|u| matches!(u.scheme(), "http" | "https"))
                .ok_or_else(|| HtmlError::BadBaseUrl(b.clone()))?,
        ),
        None => None,
    };
    let doc = Html::parse_document(&decoded.text);
    let root = doc.tree.root();
    let meta = Meta::read(root);
    let mut warnings = decoded.warnings;

    let canonical = meta
        .canonical
        .as_deref()
        .or_else(|| meta.tag(&["og:url"]))
        .or_else(|| meta.tag(&["url"]))
        .and_then(|u| Url::parse(u).ok())
        .filter(|u| matches!(u.scheme(), "http" | "https"));
    // `<base>` counts only as an http(s) URL: a `javascript:` or `data:` base would
    // otherwise turn every relative link into one.
    let page_base = meta.base.as_deref().and_then(|b| match &canonical {
        Some(c) => c.join(b).ok(),
        None => Url::parse(b).ok(),
    });
    let base = forced_base
        .or_else(|| page_base.filter(|u| matches!(u.scheme(), "http" | "https")))
        .or_else(|| canonical.clone());

    let body_el = meta::body_of(root);
    let lengths = Lengths::of(body_el);
    let lines = Lines::of(body_el);

    // ---- title
    let (title, title_el) = header::title(&meta, body_el, &lengths)?;

    // ---- body
    let content = body::find_content(body_el, &lengths).ok_or(HtmlError::NoText)?;
    let mut reader = Reader::new(base.as_ref());
    reader.read(content);
    let files = std::mem::take(&mut reader.files);
    let mut pieces = reader.pieces;
    if !files.is_empty() {
        // What the file links leave behind: `附件：`, `附件1.`, `（356KB）`.
        pieces.retain(|p| match p {
            Piece::Para { text, .. } => !trailer::is_attachment_residue(&text.plain_text()),
            _ => true,
        });
    }

    let mut a = Article::new("a", title.clone());
    if let Some(l) = meta.lang.as_deref().filter(|l| declares_english(l)) {
        a.lang = l.to_owned();
    } else if is_english(&pieces) {
        "en".clone_into(&mut a.lang);
    }
    a.url = canonical
        .as_ref()
        .map(Url::to_string)
        .and_then(|u| article::safe_url(&u).ok().map(|u| u.as_str().to_owned()));

    // ---- metadata: the page's tags and the meta cluster under the title
    let page = header::Page {
        meta: &meta,
        body: body_el,
        lengths: &lengths,
        lines: &lines,
        base: base.as_ref(),
        canonical: canonical.as_ref(),
    };
    let cluster = header::read_meta(&mut a, &page, title_el, content);

    // ---- body cleanup: the title, the meta cluster, chrome; the trailer
    header::drop_header_pieces(&mut pieces, &title, &cluster);
    pieces.retain(|p| match p {
        Piece::Para { text, .. } => !is_chrome(&text.plain_text()),
        Piece::Heading { text, .. } => !is_chrome(text),
        Piece::Block(_) => true,
    });
    trailer::cut_at_furniture(&mut pieces);
    let crumb_line: Vec<&str> = a.breadcrumb.iter().map(|c| c.name.as_str()).collect();
    pieces.retain(|p| match p {
        Piece::Para { text, .. } => {
            let t = text.plain_text();
            // Nothing for a reader: no letter or character at all (`0`, `>>`).
            t.chars().any(char::is_alphabetic) && !header::is_crumb_line(&t, &crumb_line)
        }
        _ => true,
    });
    trailer::apply_trailer(&mut a, &mut pieces, &lines, base.as_ref());
    a.summary = header::summary(&meta, &a, &pieces);

    body::captions(&mut pieces);
    body::build_sections(&mut a, pieces);
    a.attachments = trailer::attachments(files);
    if a.lead.is_empty() && a.sections.is_empty() {
        return Err(HtmlError::NoText);
    }
    a.id = article::derived_id(&a);
    // After the id, which comes from the title as the page printed it; the text
    // importer does the same.
    article::full_width_article(&mut a);
    let problems = article::validate(&a);
    if !problems.is_empty() {
        // Never expected; said plainly rather than handing on an invalid article.
        warnings.extend(problems.iter().map(ToString::to_string));
        repair(&mut a);
    }
    Ok(Imported {
        article: a,
        warnings,
    })
}

/// Drops whatever still fails validation (it would only be a value the checks here
/// missed); the rest of the article stands.
fn repair(a: &mut Article) {
    let issues = article::validate(a);
    for i in issues {
        let p = i.path.as_str();
        if p.starts_with("/authors") {
            a.authors.clear();
        } else if p.starts_with("/published") {
            a.published = None;
        } else if p.starts_with("/modified") {
            a.modified = None;
        } else if p.starts_with("/breadcrumb") {
            a.breadcrumb.clear();
        } else if p.starts_with("/attachments") {
            a.attachments.clear();
        } else if p.starts_with("/site") {
            a.site = None;
        } else if p.starts_with("/source") && !p.starts_with("/sourceNote") {
            a.source = None;
        }
    }
}

/// A language tag that says English: it starts with `en`, any case. This is the rule
/// the viewer reads an article's tag by (its `dom::is_english`), so that a page kept
/// as English here is English there too. Only this importer reads a declared tag: a
/// copied text page has none.
fn declares_english(tag: &str) -> bool {
    tag.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("en"))
}

/// The Latin letters the first paragraphs must hold for a page to be English by its
/// text. The text importer is given the article someone copied, and any English
/// prose in it decides; here the pieces are whatever element held the most text,
/// read before its chrome is dropped, so a page with hardly any text is not made
/// English by the file names, links and `PDF`s in it: it takes some forty words.
const MIN_LATIN_LETTERS: usize = 200;

fn is_english(pieces: &[Piece]) -> bool {
    let text: String = pieces
        .iter()
        .take(40)
        .filter_map(|p| match p {
            Piece::Para { text, .. } => Some(text.plain_text()),
            _ => None,
        })
        .collect();
    article::is_english_text(text.chars(), MIN_LATIN_LETTERS)
}

/// Page chrome: the plain-text importer's rules, so that both importers agree.
fn is_chrome(t: &str) -> bool {
    let t = trim(t);
    if t.is_empty() {
        return true;
    }
    article::is_chrome_line(t)
}
