//! The header: the title, and the metadata (times, authors, source, editor, site,
//! breadcrumb, column, keywords, subtitle, kicker) from the page's tags, most trusted
//! first, and from the meta cluster printed between the title and the body, read by
//! the plain-text importer's rules. Also the title, meta and breadcrumb lines the
//! body repeats.

use article::{Article, Author, Link};
use url::Url;

use crate::body::{self, Piece};
use crate::dom::{self, Lengths, Lines, N};
use crate::meta::{self, Meta};
use crate::text::{self, char_count, ends_running_text, find_date, punctuation, trim};
use crate::HtmlError;

/// What the header is read from: the page's tags, its body element and its lines of
/// visible text, and the URLs links resolve against.
pub(crate) struct Page<'a> {
    pub(crate) meta: &'a Meta,
    pub(crate) body: N<'a>,
    pub(crate) lengths: &'a Lengths,
    pub(crate) lines: &'a Lines,
    pub(crate) base: Option<&'a Url>,
    pub(crate) canonical: Option<&'a Url>,
}

/// The title, and the element the page shows it in when it does: the visible title
/// where it agrees with the meta title, else the meta title (or the `<title>`)
/// without the site's name.
pub(crate) fn title<'a>(
    meta: &Meta,
    body: N<'a>,
    lengths: &Lengths,
) -> Result<(String, Option<N<'a>>), HtmlError> {
    let meta_title = meta
        .ld_str("headline")
        .or_else(|| meta.cms("ArticleTitle").map(str::to_owned))
        .or_else(|| meta.tag(&["og:title", "twitter:title"]).map(str::to_owned));
    let hint = meta_title.as_deref().or(meta.title.as_deref());
    let visible = meta::find_title(body, hint, lengths);
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
    Ok((title, visible.map(|(n, _)| n)))
}

/// Reads the metadata into `a`, whose title is set: from the page's tags, most
/// trusted first, and from the meta cluster between the title and the body, which it
/// returns so that the body can drop it where it repeats it.
pub(crate) fn read_meta(
    a: &mut Article,
    page: &Page<'_>,
    title_el: Option<N<'_>>,
    content: N<'_>,
) -> Vec<String> {
    let (meta, lines, title) = (page.meta, page.lines, a.title.clone());
    let (title_span, content_span) = (title_el.and_then(|n| lines.span(n)), lines.span(content));
    let cluster = meta_cluster(lines, title_span, content_span, &title);
    let from_text = read_meta_lines(&title, &cluster);

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
        .or_else(|| first_date_after(lines, title_span))
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
        source_link(lines, page.body, title_span, content_span, &name, page.base)
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
        url: page.canonical.and_then(|c| {
            let mut home = c.clone();
            home.set_path("/");
            home.set_query(None);
            home.set_fragment(None);
            article::safe_url(home.as_str())
                .ok()
                .map(|u| u.as_str().to_owned())
        }),
    });

    if let Some(bc) = meta::find_breadcrumb(page.body, page.lengths) {
        let resolve = |raw: &str| body::resolve(page.base, raw);
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
    cluster
}

/// The CMS description as the summary, unless it is the site's name, the title, or
/// the first paragraph (whole or cut short).
pub(crate) fn summary(meta: &Meta, a: &Article, pieces: &[Piece]) -> Option<String> {
    let desc = meta.cms("Description").filter(|d| {
        Some(*d) != a.site.as_ref().map(|s| s.name.as_str()) && *d != a.title && char_count(d) > 10
    })?;
    let first = pieces.iter().find_map(|p| match p {
        Piece::Para { text, .. } => Some(text.plain_text()),
        _ => None,
    });
    let repeats =
        first.is_some_and(|f| f.starts_with(desc.trim_end_matches("...")) || desc.starts_with(&f));
    (!repeats && char_count(desc) <= 300).then(|| desc.to_owned())
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

pub(crate) fn author(name: String, role: Option<String>) -> Author {
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
pub(crate) fn drop_header_pieces(pieces: &mut Vec<Piece>, title: &str, cluster: &[String]) {
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
/// importer's meta keys. A Chinese key may be followed by a space instead of its colon:
/// a page may print the key in an element of its own and the colon not at all. An
/// English key (`By`, `Source`, `Updated`) needs its colon, or a heading such as "By
/// the numbers" would be taken for one.
fn is_meta_line(t: &str) -> bool {
    let has_date = find_date(t).is_some();
    let starts_with_date = t.as_bytes().first().is_some_and(u8::is_ascii_digit) && has_date;
    let keyed = article::META_KEYS.iter().any(|k| match t.strip_prefix(k) {
        Some(after) => {
            after.starts_with([':', '\u{ff1a}']) || (!k.is_ascii() && after.starts_with(' '))
        }
        None => false,
    });
    starts_with_date && char_count(t) < 80
        || keyed && char_count(t) < 120 && (has_date || !ends_running_text(t))
}

/// The breadcrumb repeated as a line of the body.
pub(crate) fn is_crumb_line(t: &str, crumbs: &[&str]) -> bool {
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

/// A template's or CMS account's stand-in for a name.
pub(crate) fn is_placeholder_name(n: &str) -> bool {
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

#[cfg(test)]
mod tests {
    use super::is_meta_line;

    #[test]
    fn english_meta_keys_need_their_colon() {
        assert!(is_meta_line("来源 新华社"));
        assert!(is_meta_line("来源：新华社"));
        assert!(is_meta_line("By: Jane Doe"));
        assert!(is_meta_line("Source: Xinhua"));
        for heading in [
            "By the numbers",
            "Source of the outbreak",
            "Updated guidance for schools",
        ] {
            assert!(!is_meta_line(heading), "{heading}");
        }
    }
}
