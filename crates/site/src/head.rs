//! The static `<head>` of each page: what crawlers, link previews and reader modes
//! read before (or without) any script. The article's values are the ones the app
//! publishes once it runs (`structured_data`): the same description, canonical link
//! and JSON-LD text, which the build extends by the attachments (`associatedMedia`,
//! not in the wasm); the app keeps the build's JSON-LD while it shows the page's own
//! article, so taking the page over changes nothing a crawler saw.

use std::fmt::Write;

use article::JsonWriter;
use article::{article_path, list_path, safe_url, Article, Block, IndexEntry};
use article_viewer::structured_data::{canonical_url, json_ld_with, BUILT_FOR};

pub(crate) use crate::escape::esc;
use crate::text::rfc3339;
use crate::Site;

/// `<title>` and the metadata after it, for an article page.
pub(crate) fn article_head(site: &Site, a: &Article) -> String {
    let page = site.url(&article_path(&a.id));
    let summary = IndexEntry::of(a).summary;
    let canonical = canonical_url(a).unwrap_or_else(|| page.clone());
    let crumbs = crumb_urls(site, a);
    let mut h = head_start(&a.title);
    if let Some(d) = &summary {
        meta(&mut h, "name", "description", d);
    }
    link(&mut h, "canonical", &canonical);
    meta(&mut h, "property", "og:type", "article");
    meta(&mut h, "property", "og:title", &a.title);
    if let Some(d) = &summary {
        meta(&mut h, "property", "og:description", d);
    }
    meta(&mut h, "property", "og:url", &page);
    if let Some(s) = &a.site {
        meta(&mut h, "property", "og:site_name", &s.name);
    }
    meta(&mut h, "property", "og:locale", &a.lang.replace('-', "_"));
    let image = first_image(a);
    if let Some(src) = &image {
        meta(&mut h, "property", "og:image", src);
    }
    for (k, v) in [
        (
            "article:published_time",
            a.published.as_deref().and_then(rfc3339),
        ),
        (
            "article:modified_time",
            a.modified.as_deref().and_then(rfc3339),
        ),
        ("article:section", a.section.clone()),
    ] {
        if let Some(v) = v {
            meta(&mut h, "property", k, &v);
        }
    }
    let card = if image.is_some() {
        "summary_large_image"
    } else {
        "summary"
    };
    meta(&mut h, "name", "twitter:card", card);
    meta(&mut h, "name", "twitter:title", &a.title);
    if let Some(d) = &summary {
        meta(&mut h, "name", "twitter:description", d);
    }
    feeds(&mut h, site, a.section.as_deref());
    // The element the app updates (`script#av-jsonld`), with the app's text plus the
    // attachments; marked as this article's, so the app leaves it while it shows it.
    let _ = write!(
        h,
        "\n  <script type=\"application/ld+json\" id=\"av-jsonld\" {BUILT_FOR}=\"{}\">{}</script>",
        esc(&a.id),
        json_ld_with(a, &page, &crumbs, |j| media(j, a))
    );
    h.push_str(HEAD_END);
    h
}

/// `associatedMedia`: a `MediaObject` for each attachment the feeds carry (`feeds::files`:
/// a URL that passes `safe_url` and is absolute http(s)).
fn media(j: &mut JsonWriter, a: &Article) {
    let files = crate::feeds::files(a);
    if files.is_empty() {
        return;
    }
    j.key("associatedMedia");
    j.open('[');
    for (f, href) in files {
        j.open('{');
        j.field("@type", "MediaObject");
        j.field("name", &f.name);
        j.field("contentUrl", &href);
        j.opt_field("encodingFormat", f.mime_type());
        j.opt_field("contentSize", f.size.map(|n| format!("{n} B")).as_deref());
        j.close('}');
    }
    j.close(']');
}

/// `<title>` and the metadata after it, for a list page.
pub(crate) fn list_head(site: &Site, column: Option<&str>) -> String {
    let title = column.unwrap_or("全部文章");
    let url = site.url(&list_path(column));
    let mut h = head_start(title);
    let d = match column {
        Some(c) => format!("{} · {c}栏目的全部文章", site.name),
        None => format!("{}的全部文章，按栏目浏览", site.name),
    };
    meta(&mut h, "name", "description", &d);
    link(&mut h, "canonical", &url);
    meta(&mut h, "property", "og:type", "website");
    meta(&mut h, "property", "og:title", title);
    meta(&mut h, "property", "og:description", &d);
    meta(&mut h, "property", "og:url", &url);
    meta(&mut h, "property", "og:site_name", &site.name);
    meta(&mut h, "name", "twitter:card", "summary");
    feeds(&mut h, site, column);
    h.push_str(HEAD_END);
    h
}

const HEAD_END: &str = "\n  <!--/av-head-->";

fn head_start(title: &str) -> String {
    format!("<title>{}</title>\n  <!--av-head-->", esc(title))
}

fn meta(h: &mut String, kind: &str, name: &str, content: &str) {
    let _ = write!(
        h,
        "\n  <meta {kind}=\"{}\" content=\"{}\">",
        esc(name),
        esc(content)
    );
}

fn link(h: &mut String, rel: &str, href: &str) {
    let _ = write!(h, "\n  <link rel=\"{rel}\" href=\"{}\">", esc(href));
}

/// The site's feeds, and the column's when there is one.
fn feeds(h: &mut String, site: &Site, column: Option<&str>) {
    let mut add = |dir: &str, title: &str| {
        for (file, kind) in [
            ("feed.xml", "application/atom+xml"),
            ("feed.json", "application/feed+json"),
        ] {
            let _ = write!(
                h,
                "\n  <link rel=\"alternate\" type=\"{kind}\" title=\"{}\" href=\"{}\">",
                esc(title),
                esc(&site.href(&format!("{dir}{file}")))
            );
        }
    };
    add("", &site.name);
    if let Some(c) = column {
        add(&list_path(Some(c)), &format!("{} · {c}", site.name));
    }
}

/// Where each breadcrumb step links, absolute, as the app's breadcrumb links them:
/// the step's own URL, else the home step to every column and the article's column
/// to its list page.
fn crumb_urls(site: &Site, a: &Article) -> Vec<Option<String>> {
    let last = a.breadcrumb.len().saturating_sub(1);
    a.breadcrumb
        .iter()
        .enumerate()
        .map(|(i, c)| match &c.url {
            Some(u) => safe_url(u).ok().and_then(|u| {
                let u = u.as_str();
                if u.starts_with("http://") || u.starts_with("https://") {
                    Some(u.to_owned())
                } else if u.starts_with('/') {
                    Some(format!("{}{u}", site.origin))
                } else {
                    None
                }
            }),
            None if i == last => None,
            None if i == 0 && c.name == "首页" => Some(site.url(&list_path(None))),
            None if a.section.as_deref() == Some(c.name.as_str()) => {
                Some(site.url(&list_path(Some(&c.name))))
            }
            None => None,
        })
        .collect()
}

/// The first figure's image, absolute http(s) only (a preview fetches it from
/// elsewhere, so a relative or refused URL is left out).
fn first_image(a: &Article) -> Option<String> {
    let blocks = a
        .lead
        .iter()
        .chain(sections_blocks(&a.sections).into_iter().flatten());
    blocks
        .filter_map(|b| match b {
            Block::Figure { src, .. } => Some(src),
            _ => None,
        })
        .find_map(|s| safe_url(s).ok())
        .map(|u| u.as_str().to_owned())
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
}

fn sections_blocks(sections: &[article::Section]) -> Vec<&[Block]> {
    let mut out = Vec::new();
    for s in sections {
        out.push(s.blocks.as_slice());
        out.extend(sections_blocks(&s.sections));
    }
    out
}
