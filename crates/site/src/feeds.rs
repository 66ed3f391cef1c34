//! Atom 1.0 and JSON Feed 1.1 (the mapping in docs/FORMAT.md), the sitemap, robots.txt
//! and the article index. Text only: feed items carry the article as plain text,
//! never HTML from it; XML gets its text escaped and characters XML cannot hold
//! dropped; JSON is written by the core's escaping writer.

use std::collections::BTreeMap;
use std::fmt::Write;

use article::{article_path, list_path, safe_url, ArticleIndex, IndexEntry, JsonWriter};

use crate::escape::xml;
use crate::text::{body_text, rfc3339};
use crate::{Item, Site};

/// For an article without any date: feeds need one, and it must not change between
/// builds.
const NO_DATE: &str = "1970-01-01T00:00:00Z";

struct Entry<'a> {
    url: String,
    item: &'a Item,
    published: Option<String>,
    updated: String,
}

fn entries<'a>(site: &Site, list: &[(&IndexEntry, &'a Item)]) -> Vec<Entry<'a>> {
    list.iter()
        .map(|(e, item)| {
            let a = &item.article;
            let published = a.published.as_deref().and_then(rfc3339);
            let updated = a
                .modified
                .as_deref()
                .and_then(rfc3339)
                .or_else(|| published.clone())
                .unwrap_or_else(|| NO_DATE.to_owned());
            Entry {
                url: site.url(&article_path(&e.id)),
                item,
                published,
                updated,
            }
        })
        .collect()
}

fn feed_title(site: &Site, column: Option<&str>) -> String {
    match column {
        Some(c) => format!("{} · {c}", site.name),
        None => site.name.clone(),
    }
}

fn feed_dir(column: Option<&str>) -> String {
    column.map(|c| list_path(Some(c))).unwrap_or_default()
}

/// The Atom 1.0 feed of `list` (newest first).
pub(crate) fn atom(site: &Site, column: Option<&str>, list: &[(&IndexEntry, &Item)]) -> String {
    let entries = entries(site, list);
    let updated = entries
        .iter()
        .map(|e| e.updated.as_str())
        .max()
        .unwrap_or(NO_DATE);
    let self_url = site.url(&format!("{}feed.xml", feed_dir(column)));
    let mut x = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-CN\">\n");
    let _ = writeln!(x, "  <title>{}</title>", xml(&feed_title(site, column)));
    let _ = writeln!(x, "  <id>{}</id>", xml(&self_url));
    let _ = writeln!(
        x,
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
        xml(&self_url)
    );
    let _ = writeln!(
        x,
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        xml(&site.url(&list_path(column)))
    );
    let _ = writeln!(x, "  <updated>{updated}</updated>");
    let _ = writeln!(x, "  <author><name>{}</name></author>", xml(&site.name));
    for e in &entries {
        let a = &e.item.article;
        x.push_str("  <entry>\n");
        let _ = writeln!(x, "    <id>{}</id>", xml(&e.url));
        let _ = writeln!(x, "    <title type=\"text\">{}</title>", xml(&a.title));
        let _ = writeln!(
            x,
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
            xml(&e.url)
        );
        if let Some(o) = a.original_url.as_deref().and_then(|u| safe_url(u).ok()) {
            let _ = writeln!(x, "    <link rel=\"via\" href=\"{}\"/>", xml(o.as_str()));
        }
        if let Some(p) = &e.published {
            let _ = writeln!(x, "    <published>{p}</published>");
        }
        let _ = writeln!(x, "    <updated>{}</updated>", e.updated);
        for au in &a.authors {
            let _ = writeln!(x, "    <author><name>{}</name></author>", xml(&au.name));
        }
        for (f, href) in files(a) {
            let _ = write!(
                x,
                "    <link rel=\"enclosure\" href=\"{}\" title=\"{}\" type=\"{}\"",
                xml(&href),
                xml(&f.name),
                f.mime_type().unwrap_or(UNKNOWN_TYPE)
            );
            if let Some(n) = f.size {
                let _ = write!(x, " length=\"{n}\"");
            }
            x.push_str("/>\n");
        }
        if let Some(s) = &a.section {
            let _ = writeln!(x, "    <category term=\"{}\"/>", xml(s));
        }
        if let Some(s) = IndexEntry::of(a).summary {
            let _ = writeln!(x, "    <summary type=\"text\">{}</summary>", xml(&s));
        }
        let _ = writeln!(
            x,
            "    <content type=\"text\">{}</content>",
            xml(&body_text(a))
        );
        x.push_str("  </entry>\n");
    }
    x.push_str("</feed>\n");
    x
}

/// The JSON Feed 1.1 of `list` (newest first).
pub(crate) fn json_feed(
    site: &Site,
    column: Option<&str>,
    list: &[(&IndexEntry, &Item)],
) -> String {
    let mut j = JsonWriter::new();
    j.open('{');
    j.field("version", "https://jsonfeed.org/version/1.1");
    j.field("title", &feed_title(site, column));
    j.field("home_page_url", &site.url(&list_path(column)));
    j.field(
        "feed_url",
        &site.url(&format!("{}feed.json", feed_dir(column))),
    );
    j.field("language", "zh-CN");
    j.key("items");
    j.open('[');
    for e in entries(site, list) {
        let a = &e.item.article;
        j.open('{');
        j.field("id", &e.url);
        j.field("url", &e.url);
        j.opt_field(
            "external_url",
            checked(a.original_url.as_deref()).as_deref(),
        );
        j.field("title", &a.title);
        j.field("content_text", &body_text(a));
        j.opt_field("summary", IndexEntry::of(a).summary.as_deref());
        j.opt_field("date_published", e.published.as_deref());
        j.opt_field(
            "date_modified",
            a.modified.as_deref().and_then(rfc3339).as_deref(),
        );
        if !a.authors.is_empty() {
            j.key("authors");
            j.open('[');
            for au in &a.authors {
                j.open('{');
                j.field("name", &au.name);
                j.opt_field("url", checked(au.url.as_deref()).as_deref());
                j.close('}');
            }
            j.close(']');
        }
        let tags: Vec<&str> = a
            .section
            .iter()
            .chain(&a.keywords)
            .map(String::as_str)
            .collect();
        if !tags.is_empty() {
            j.key("tags");
            j.open('[');
            for t in tags {
                j.str(t);
            }
            j.close(']');
        }
        let files = files(a);
        if !files.is_empty() {
            j.key("attachments");
            j.open('[');
            for (f, href) in files {
                j.open('{');
                j.field("url", &href);
                j.field("mime_type", f.mime_type().unwrap_or(UNKNOWN_TYPE));
                j.field("title", &f.name);
                if let Some(n) = f.size {
                    j.key("size_in_bytes");
                    j.raw(&n.to_string());
                }
                j.close('}');
            }
            j.close(']');
        }
        j.field("language", &a.lang);
        j.close('}');
    }
    j.close(']');
    j.close('}');
    j.out.push('\n');
    j.out
}

/// Every article and list page with its last modification.
pub(crate) fn sitemap(
    site: &Site,
    index: &ArticleIndex,
    by_id: &BTreeMap<&str, &Item>,
    columns: &[Option<&str>],
) -> String {
    let lastmod = |id: &str| {
        let a = &by_id[id].article;
        a.modified
            .as_deref()
            .or(a.published.as_deref())
            .and_then(rfc3339)
    };
    let mut x = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    let mut url = |loc: String, last: Option<String>| {
        let _ = write!(x, "  <url><loc>{}</loc>", xml(&loc));
        if let Some(l) = last {
            let _ = write!(x, "<lastmod>{l}</lastmod>");
        }
        x.push_str("</url>\n");
    };
    for c in columns {
        let newest = index.in_section(*c).filter_map(|e| lastmod(&e.id)).max();
        url(site.url(&list_path(*c)), newest);
    }
    for e in &index.articles {
        url(site.url(&article_path(&e.id)), lastmod(&e.id));
    }
    x.push_str("</urlset>\n");
    x
}

/// Everything may be crawled; the sitemap says what there is.
pub(crate) fn robots(site: &Site) -> String {
    format!(
        "User-agent: *\nAllow: /\nSitemap: {}\n",
        site.url("sitemap.xml")
    )
}

/// `articles/index.json` for the app's previous/next links and list pages. Written by
/// `JsonWriter`, not serde, because the same text goes into the pages' data blocks,
/// where `<` must be escaped; a test holds it to serde's field list.
pub(crate) fn index_json(index: &ArticleIndex) -> String {
    let mut j = JsonWriter::new();
    j.open('{');
    j.key("schemaVersion");
    j.num(index.schema_version as usize);
    j.key("articles");
    j.open('[');
    for e in &index.articles {
        j.open('{');
        j.field("id", &e.id);
        j.field("title", &e.title);
        j.opt_field("date", e.date.as_deref());
        j.opt_field("section", e.section.as_deref());
        j.opt_field("summary", e.summary.as_deref());
        j.close('}');
    }
    j.close(']');
    j.close('}');
    j.out.push('\n');
    j.out
}

/// The MIME type a feed gives an attachment whose file type is not known.
const UNKNOWN_TYPE: &str = "application/octet-stream";

/// The article's attachments whose URL passes `safe_url` and is absolute http(s) (a
/// feed reader resolves nothing against the portal), with that URL.
pub(crate) fn files(a: &article::Article) -> Vec<(&article::Attachment, String)> {
    a.attachments
        .iter()
        .filter_map(|f| Some((f, checked(Some(&f.url))?)))
        .filter(|(_, u)| u.starts_with("https://") || u.starts_with("http://"))
        .collect()
}

/// A URL from data as the feed may carry it: only one that passes `safe_url`.
fn checked(url: Option<&str>) -> Option<String> {
    url.and_then(|u| safe_url(u).ok())
        .map(|u| u.as_str().to_owned())
}

#[cfg(test)]
mod tests {
    use super::{index_json, xml};
    use article::{ArticleIndex, IndexEntry};

    #[test]
    fn the_index_is_the_model_serialised_with_markup_escaped() {
        let entry = |id: &str, full: bool| IndexEntry {
            id: id.into(),
            title: "标题</script><b>&".into(),
            date: full.then(|| "2024-05-19".into()),
            section: full.then(|| "理论研究".into()),
            summary: full.then(|| "摘要".into()),
        };
        let index = ArticleIndex {
            schema_version: 1,
            articles: vec![entry("a", true), entry("b", false)],
        };
        let text = index_json(&index);
        assert!(!text.contains('<'), "{text}");
        let written: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(written, serde_json::to_value(&index).unwrap());
    }

    #[test]
    fn xml_text_is_escaped_and_cleaned() {
        assert_eq!(xml("a<b>&\"c\u{1}\u{ffff}\td"), "a&lt;b&gt;&amp;&quot;c\td");
    }
}
