//! Portal article pages as their CMS serves them (HTML, any charset) into
//! [`article::Article`]s. Native only: the viewer's wasm never links it.
//!
//! The page is parsed by html5ever (the parser browsers' behaviour is specified
//! by), then read in four passes:
//! - **charset**: BOM, the caller's choice, the `<meta>` declaration, or the bytes
//!   (see `charset.rs`);
//! - **metadata**, in order of trust: JSON-LD `NewsArticle`, the government CMS
//!   meta tags, Open Graph and other `<meta>`, `<time>`, then the visible page
//!   (the meta cluster under the title, read by the plain-text importer's rules);
//! - **the body**: the element where running text concentrates, read into blocks
//!   (`body.rs`), then into sections by its headings;
//! - **the trailer**: 来源 / 责任编辑 / 原文链接 / 免责声明 lines at the body's end,
//!   again by the plain-text importer's rules.
//!
//! Whatever the page holds, the result is text and checked URLs only: no markup,
//! style or script is ever copied, every URL is resolved and must pass
//! [`article::safe_url`], and the article returned passes [`article::validate`].

mod body;
mod charset;
mod dom;
mod meta;
mod text;

use std::fmt;

use article::{Article, Attachment, Author, Block, Inline, Link, Outline};
use scraper::Html;
use url::Url;

use body::{heading_of, Piece, Reader, RANK_H1};
use dom::{Lengths, Lines};
use meta::Meta;
use text::{char_count, ends_running_text, find_date, punctuation, trim};

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
    let meta_title = meta
        .ld_str("headline")
        .or_else(|| meta.cms("ArticleTitle").map(str::to_owned))
        .or_else(|| meta.tag(&["og:title", "twitter:title"]).map(str::to_owned));
    let hint = meta_title.as_deref().or(meta.title.as_deref());
    let visible = meta::find_title(body_el, hint, &lengths);
    let title = match (&meta_title, &visible) {
        // The visible title is clean where the meta one carries a site suffix, and
        // whole where a meta attribute was cut short by an unescaped quote.
        (Some(m), Some((_, v))) if m.contains(v.as_str()) || v.starts_with(m.as_str()) => v.clone(),
        (Some(m), _) => strip_site_suffix(m),
        (None, Some((_, v))) => v.clone(),
        (None, None) => meta
            .title
            .as_deref()
            .map(strip_site_suffix)
            .unwrap_or_default(),
    };
    let title = trim(&title).to_owned();
    if title.is_empty() {
        return Err(HtmlError::NoTitle);
    }

    // ---- body
    let content = body::find_content(body_el, &lengths).ok_or(HtmlError::NoText)?;
    let mut reader = Reader::new(base.as_ref());
    reader.read(content);
    let files = std::mem::take(&mut reader.files);
    let mut pieces = reader.pieces;
    if !files.is_empty() {
        // What the file links leave behind: `附件：`, `附件1.`, `（356KB）`.
        pieces.retain(|p| match p {
            Piece::Para { text, .. } => !is_attachment_residue(&text.plain_text()),
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

    // ---- the meta cluster under the title, and the page's trailing credits
    let (title_span, content_span) = (
        visible.as_ref().and_then(|(n, _)| lines.span(*n)),
        lines.span(content),
    );
    let cluster = meta_cluster(&lines, title_span, content_span, &title);
    let from_text = read_meta_lines(&title, &cluster);

    // ---- metadata, most trusted first
    a.published = meta
        .cms("PubDate")
        .and_then(find_date)
        .or_else(|| meta.ld_str("datePublished").as_deref().and_then(find_date))
        .or_else(|| {
            meta.tag(&[
                "article:published_time",
                "og:release_date",
                "publishdate",
                "publish_date",
                "publish-date",
                "datepublished",
                "weibo: article:create_at",
                "og:time",
                "apub:time",
                "dc.date.issued",
                "dc.date",
                "dcterms.created",
                "firstpublishedtime",
                "publishtime",
            ])
            .and_then(find_date)
        })
        .or_else(|| meta.times.iter().find_map(|t| find_date(t)))
        .or(from_text.published.clone())
        .or_else(|| cluster.iter().find_map(|l| find_date(l)))
        .or_else(|| first_date_after(&lines, title_span))
        .or_else(|| meta.script_time.clone());
    a.modified = meta
        .ld_str("dateModified")
        .as_deref()
        .and_then(find_date)
        .or_else(|| {
            meta.tag(&["article:modified_time", "og:updated_time"])
                .and_then(find_date)
        })
        .or(from_text.modified.clone());

    a.authors = match meta.cms_present("Author") {
        // The CMS field is the publisher's word, even when it is empty.
        Some(au) => author_names(au),
        None => {
            let ld = meta.ld_names("author");
            if !ld.is_empty() {
                ld.into_iter().map(|n| author(n, None)).collect()
            } else if !from_text.authors.is_empty() {
                from_text.authors.clone()
            } else {
                // A generic `author` tag the page never prints is, on portal CMSs,
                // the operator who keyed the page in, not a byline.
                meta.tag(&["og:article:author", "article:author", "author"])
                    .filter(|s| !s.starts_with("http"))
                    .filter(|s| lines.lines.iter().any(|l| l.text.contains(trim(s))))
                    .map(author_names)
                    .unwrap_or_default()
            }
        }
    };
    // A site that names itself the author (网易, 新浪网) has not named one.
    let site_hint = meta
        .cms("SiteName")
        .or_else(|| meta.tag(&["og:site_name"]))
        .map(str::to_owned)
        .or_else(|| site_from_title(meta.title.as_deref(), &title));
    if let Some(site) = &site_hint {
        a.authors
            .retain(|au| !site.contains(au.name.as_str()) && !au.name.contains(site.as_str()));
    }
    // Template placeholders (`name, email@gmail.com`) are no one.
    a.authors
        .retain(|au| !au.name.contains('@') && !is_placeholder_name(&au.name));
    let cluster_source = from_text.source.as_ref().map(|s| {
        let name = s.name.clone();
        source_link(
            &lines,
            body_el,
            title_span,
            content_span,
            &name,
            base.as_ref(),
        )
        .unwrap_or(Link { name, url: None })
    });
    a.source = meta
        .cms("ContentSource")
        .map(str::to_owned)
        .map(|name| Link { name, url: None })
        .or(cluster_source)
        .or_else(|| {
            meta.tag(&["source", "mediaid", "og:article:source"])
                .map(|name| Link {
                    name: name.to_owned(),
                    url: None,
                })
        });
    // A portal that files its source as the author (新京报 by 新京报) names no author.
    if let Some(src) = &a.source {
        a.authors.retain(|au| au.name != src.name);
    }
    a.editor = from_text.editor.clone();

    let site_name = meta
        .cms("SiteName")
        .map(str::to_owned)
        .or_else(|| {
            meta.tag(&["og:site_name", "application-name"])
                .map(str::to_owned)
        })
        .or_else(|| meta.ld_names("publisher").into_iter().next())
        .or_else(|| site_from_title(meta.title.as_deref(), &title));
    a.site = site_name.map(|name| Link {
        name,
        url: canonical.as_ref().and_then(|c| {
            let mut home = c.clone();
            home.set_path("/");
            home.set_query(None);
            home.set_fragment(None);
            article::safe_url(home.as_str())
                .ok()
                .map(|u| u.as_str().to_owned())
        }),
    });

    if let Some(bc) = meta::find_breadcrumb(body_el, &lengths) {
        let resolve = |raw: &str| body::resolve(base.as_ref(), raw);
        a.breadcrumb = meta::crumbs(bc, &resolve)
            .into_iter()
            .map(|(name, url)| Link { name, url })
            .collect();
    }
    a.section = meta
        .cms("ColumnName")
        .map(str::to_owned)
        .or_else(|| meta.ld_str("articleSection"))
        .or_else(|| article::section_from_breadcrumb(&a.breadcrumb, &title));
    a.keywords = meta
        .tag(&["keywords"])
        .map(str::to_owned)
        .or_else(|| meta.ld_str("keywords"))
        .map(|k| keywords(&k))
        .unwrap_or_default();
    a.subtitle = meta
        .ld_str("alternativeHeadline")
        .or(from_text.subtitle.clone());
    a.kicker = from_text.kicker.clone();

    // ---- body cleanup: the title, the meta cluster, chrome; the trailer
    drop_header_pieces(&mut pieces, &title, &cluster);
    pieces.retain(|p| match p {
        Piece::Para { text, .. } => !is_chrome(&text.plain_text()),
        Piece::Heading { text, .. } => !is_chrome(text),
        Piece::Block(_) => true,
    });
    cut_at_furniture(&mut pieces);
    let crumb_line: Vec<&str> = a.breadcrumb.iter().map(|c| c.name.as_str()).collect();
    pieces.retain(|p| match p {
        Piece::Para { text, .. } => {
            let t = text.plain_text();
            // Nothing for a reader: no letter or character at all (`0`, `>>`).
            t.chars().any(char::is_alphabetic) && !is_crumb_line(&t, &crumb_line)
        }
        _ => true,
    });
    let trailer = take_trailer(&mut pieces, &title);
    a.source_note = trailer.source_note;
    a.author_note = trailer.author_note;
    a.original_url = trailer
        .original_url
        .and_then(|u| body::resolve(base.as_ref(), &u));
    a.disclaimer = trailer.disclaimer;
    if a.editor.is_none() {
        a.editor = trailer.editor.or_else(|| editor_anywhere(&lines));
    }
    // `责任编辑：系统管理员`: the CMS's account, not a person.
    a.editor = a.editor.filter(|e| !is_placeholder_name(e));
    if a.authors.is_empty() {
        a.authors = trailer.authors;
    }
    if a.authors.is_empty() {
        a.authors = signature(&pieces);
    }
    if let Some(desc) = meta.cms("Description").filter(|d| {
        Some(*d) != a.site.as_ref().map(|s| s.name.as_str()) && *d != a.title && char_count(d) > 10
    }) {
        let first = pieces.iter().find_map(|p| match p {
            Piece::Para { text, .. } => Some(text.plain_text()),
            _ => None,
        });
        let repeats = first
            .is_some_and(|f| f.starts_with(desc.trim_end_matches("...")) || desc.starts_with(&f));
        if !repeats && char_count(desc) <= 300 {
            a.summary = Some(desc.to_owned());
        }
    }

    captions(&mut pieces);
    build_sections(&mut a, pieces);
    a.attachments = attachments(files);
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

/// `标题_网易新闻`, `标题 - 新华网`, `标题|中国政府网` → `标题`.
fn strip_site_suffix(t: &str) -> String {
    for sep in ["_", " - ", " | ", "|", " – ", "——", " — ", "-"] {
        if let Some((head, _)) = t.split_once(sep) {
            if char_count(trim(head)) >= 5 {
                return trim(head).to_owned();
            }
        }
    }
    t.to_owned()
}

/// The tail of `<title>` after the article title: `标题_国务院_中国政府网` → 中国政府网.
fn site_from_title(page_title: Option<&str>, title: &str) -> Option<String> {
    let t = page_title?;
    let rest = t.strip_prefix(title).unwrap_or(t);
    if rest.len() == t.len() {
        return None;
    }
    let last = rest
        .rsplit(['_', '|', '-', '\u{2013}', '\u{2014}'])
        .map(trim)
        .find(|s| !s.is_empty())?;
    (char_count(last) <= 20).then(|| last.to_owned())
}

fn keywords(k: &str) -> Vec<String> {
    let words: Vec<String> = k
        .split([',', '\u{ff0c}', ';', '\u{ff1b}', '\u{3001}', '|', ' '])
        .map(trim)
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    if words.len() > 12 || words.iter().any(|w| char_count(w) > 20) {
        return Vec::new();
    }
    let mut out: Vec<String> = Vec::new();
    for w in words {
        if !out.contains(&w) {
            out.push(w);
        }
    }
    out
}

fn author(name: String, role: Option<String>) -> Author {
    Author {
        name,
        role,
        affiliation: None,
        url: None,
    }
}

/// Names from a CMS `Author` value, roles kept (`本报记者 张三 李四`).
fn author_names(value: &str) -> Vec<Author> {
    let parsed = read_meta_lines("T", &[format!("作者：{value}")]);
    if parsed.authors.is_empty() {
        let v = trim(value);
        if v.is_empty() {
            Vec::new()
        } else {
            vec![author(v.to_owned(), None)]
        }
    } else {
        parsed.authors
    }
}

/// The lines of visible text between the title and the body's first paragraph:
/// where portals print date, source, author and editor.
fn meta_cluster(
    lines: &Lines,
    title: Option<(usize, usize)>,
    content: Option<(usize, usize)>,
    title_text: &str,
) -> Vec<String> {
    let start = match (title, content) {
        (Some((_, end)), _) => lines.lines.partition_point(|l| l.at < end),
        (None, Some((cs, _))) => lines.lines.partition_point(|l| l.at < cs).saturating_sub(8),
        (None, None) => 0,
    };
    // Where the title stands before the body, the cluster ends where the body starts.
    let stop = match (title, content) {
        (Some((_, te)), Some((cs, _))) if te <= cs => lines.lines.partition_point(|l| l.at < cs),
        _ => lines.lines.len(),
    };
    let mut out = Vec::new();
    for l in lines.lines[start..stop.max(start)].iter().take(16) {
        let t = l.text.as_str();
        if t == title_text {
            continue;
        }
        let running = char_count(t) >= 60 && punctuation(t) >= 3;
        if running {
            break;
        }
        out.push(t.to_owned());
    }
    out
}

/// The source as the page links it: the link in the meta cluster whose text starts
/// the source value read from the text (`新京报` of `来源: 新京报 举报`).
fn source_link(
    lines: &Lines,
    body: dom::N<'_>,
    title: Option<(usize, usize)>,
    content: Option<(usize, usize)>,
    value: &str,
    base: Option<&Url>,
) -> Option<Link> {
    let from = title.map_or(0, |t| t.1);
    let to = content.map_or(usize::MAX, |c| c.0.max(from + 1));
    body.descendants()
        .filter(|n| dom::tag(*n) == Some("a"))
        .filter(|n| {
            lines
                .span(*n)
                .is_some_and(|(s, _)| s >= from && s < to.max(from + 400))
        })
        .find_map(|n| {
            let name = dom::inner_text(n);
            let fits = !name.is_empty()
                && value.starts_with(name.as_str())
                && value[name.len()..]
                    .chars()
                    .next()
                    .is_none_or(text::is_space);
            fits.then(|| Link {
                url: dom::attr(n, "href").and_then(|h| body::resolve(base, h)),
                name,
            })
        })
}

/// The date in the first lines after the title (the page's visible date line).
fn first_date_after(lines: &Lines, title: Option<(usize, usize)>) -> Option<String> {
    let start = title.map_or(0, |(_, end)| lines.lines.partition_point(|l| l.at < end));
    lines.lines[start..].iter().take(60).find_map(|l| {
        (char_count(&l.text) < 200)
            .then(|| find_date(&l.text))
            .flatten()
    })
}

/// The meta fields the plain-text importer reads from `lines` under `title`, each
/// line read on its own so that no line is taken for part of the title.
fn read_meta_lines(title: &str, lines: &[String]) -> Article {
    let mut out = Article::new("a", title);
    for l in lines {
        if char_count(l) > 300 {
            continue;
        }
        let page = format!("{title}\n{l}\n\u{6b63}\u{6587}\u{3002}\n");
        let Ok(a) = article::from_plain_text(&page) else {
            continue;
        };
        // The text importer prints the title with full-width punctuation.
        if a.title != article::full_width_punctuation(title) {
            continue;
        }
        if out.published.is_none() {
            out.published = a.published;
        }
        if out.modified.is_none() {
            out.modified = a.modified;
        }
        if out.authors.is_empty() {
            out.authors = a.authors;
        }
        if out.source.is_none() {
            out.source = a.source;
        }
        if out.editor.is_none() {
            out.editor = a.editor;
        }
    }
    out
}

/// The title repeated and the meta cluster, where the body container holds them.
fn drop_header_pieces(pieces: &mut Vec<Piece>, title: &str, cluster: &[String]) {
    let mut k = 0;
    let mut checked = 0;
    while k < pieces.len() && checked < 8 {
        checked += 1;
        let text = match &pieces[k] {
            Piece::Para { text, .. } => text.plain_text(),
            Piece::Heading { text, .. } => text.clone(),
            Piece::Block(_) => {
                k += 1;
                continue;
            }
        };
        let t = trim(&text);
        // The title printed over several lines, one piece a line.
        if let Some(n) = title_over_lines(&pieces[k..], title) {
            pieces.drain(k..k + n);
            continue;
        }
        let is_title = t == title
            || (char_count(t) >= 6
                && title.starts_with(t)
                && char_count(t) * 2 > char_count(title));
        let is_meta = char_count(t) < 120
            && (cluster.iter().any(|c| c == t) && !ends_running_text(t) || is_meta_line(t));
        if is_title || is_meta {
            pieces.remove(k);
        } else {
            k += 1;
        }
    }
}

/// How many pieces from the start of `pieces`, two or more, spell `title` between
/// them (spacing aside).
fn title_over_lines(pieces: &[Piece], title: &str) -> Option<usize> {
    let bare = |s: &str| -> String { s.chars().filter(|c| !text::is_space(*c)).collect() };
    let want = bare(title);
    let mut got = String::new();
    for (k, p) in pieces.iter().enumerate().take(6) {
        let t = match p {
            Piece::Para { text, .. } => text.plain_text(),
            Piece::Heading { text, .. } => text.clone(),
            Piece::Block(_) => return None,
        };
        got.push_str(&bare(&t));
        if got == want {
            return (k >= 1).then_some(k + 1);
        }
        if !want.starts_with(got.as_str()) {
            return None;
        }
    }
    None
}

/// A line of the meta cluster left in the body: led by a date, or by one of the text
/// importer's meta keys. The key may be followed by a space instead of its colon: a
/// page may print the key in an element of its own and the colon not at all.
fn is_meta_line(t: &str) -> bool {
    let has_date = find_date(t).is_some();
    let starts_with_date = t.as_bytes().first().is_some_and(u8::is_ascii_digit) && has_date;
    let keyed = article::META_KEYS
        .iter()
        .any(|k| t.starts_with(k) && t[k.len()..].starts_with([':', '\u{ff1a}', ' ']));
    starts_with_date && char_count(t) < 80
        || keyed && char_count(t) < 120 && (has_date || !ends_running_text(t))
}

/// Page chrome: the plain-text importer's rules, so that both importers agree.
fn is_chrome(t: &str) -> bool {
    let t = trim(t);
    if t.is_empty() {
        return true;
    }
    article::is_chrome_line(t)
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

/// The breadcrumb repeated as a line of the body.
fn is_crumb_line(t: &str, crumbs: &[&str]) -> bool {
    if crumbs.len() < 2 || char_count(t) > 80 {
        return false;
    }
    let parts: Vec<&str> = t
        .split(article::BREADCRUMB_SEPARATORS)
        .map(trim)
        .filter(|p| !p.is_empty())
        .collect();
    parts.len() >= 2 && parts.iter().all(|p| crumbs.contains(p))
}

/// Where comments, related articles or recommendations start, the article has ended.
fn cut_at_furniture(pieces: &mut Vec<Piece>) {
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
fn is_attachment_residue(t: &str) -> bool {
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

/// A template's or CMS account's stand-in for a name.
fn is_placeholder_name(n: &str) -> bool {
    [
        "name",
        "author",
        "admin",
        "administrator",
        "管理员",
        "系统管理员",
        "超级管理员",
        "网站管理员",
    ]
    .contains(&n.trim().to_ascii_lowercase().as_str())
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

/// A short centred paragraph right after a figure is its caption.
fn captions(pieces: &mut Vec<Piece>) {
    let mut k = 0;
    while k + 1 < pieces.len() {
        let cap = match (&pieces[k], &pieces[k + 1]) {
            (Piece::Block(Block::Figure { caption: None, .. }), Piece::Para { text, centered }) => {
                let t = text.plain_text();
                let short = char_count(&t) <= 60;
                let marked = t.starts_with("图为")
                    || t.starts_with('\u{25b2}')
                    || t.starts_with("图：")
                    || t.starts_with("(图")
                    || t.starts_with("资料图")
                    || t.starts_with("图片来源")
                    || t.ends_with('摄');
                (short && (*centered || marked)).then_some(t)
            }
            _ => None,
        };
        if let Some(c) = cap {
            if let Piece::Block(Block::Figure { caption, alt, .. }) = &mut pieces[k] {
                if alt == "图片" {
                    alt.clone_from(&c);
                }
                *caption = Some(Inline::Text(c));
            }
            pieces.remove(k + 1);
        }
        k += 1;
    }
}

fn build_sections(a: &mut Article, pieces: Vec<Piece>) {
    // Headings by kind; bold and numbered paragraphs are headings too.
    let pieces: Vec<Piece> = pieces
        .into_iter()
        .map(|p| match heading_of(&p) {
            Some((rank, text)) => Piece::Heading { rank, text },
            None => p,
        })
        .collect();
    // Three or more headings of a kind in a row, nothing between: a list, not headings.
    let mut pieces = pieces;
    let mut k = 0;
    while k < pieces.len() {
        let Piece::Heading { rank, .. } = pieces[k] else {
            k += 1;
            continue;
        };
        let mut end = k + 1;
        while matches!(pieces.get(end), Some(Piece::Heading { rank: r, .. }) if *r == rank) {
            end += 1;
        }
        if end - k >= 3 {
            for p in &mut pieces[k..end] {
                if let Piece::Heading { text, .. } = p {
                    *p = Piece::Para {
                        text: Inline::Text(std::mem::take(text)),
                        centered: false,
                    };
                }
            }
        }
        k = end;
    }
    let mut ranks: Vec<u8> = pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Heading { rank, .. } if *rank != RANK_H1 => Some(*rank),
            _ => None,
        })
        .collect();
    ranks.sort_unstable();
    ranks.dedup();
    ranks.truncate(3);

    let mut outline = Outline::new(a);
    for p in pieces {
        match p {
            Piece::Heading { rank, text } => match ranks.iter().position(|r| *r == rank) {
                Some(level) => outline.open(level + 1, text),
                None => outline.push(Block::Subheading { text }),
            },
            Piece::Para { text, .. } => {
                let plain = text.plain_text();
                match article::footnote(&plain) {
                    Some((n, rest)) => outline.footnote(n, Inline::Text(rest.to_owned())),
                    None => outline.push(Block::Paragraph { text }),
                }
            }
            Piece::Block(b) => outline.push(b),
        }
    }
    outline.finish();
}

fn attachments(files: Vec<body::FileLink>) -> Vec<Attachment> {
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
