//! What search engines and reader modes read: JSON-LD (`NewsArticle` and
//! `BreadcrumbList`), the meta description and the canonical link. The mapping is a
//! pure function (tested natively); [`apply`] writes it into `<head>` as text only.

use article::{safe_url, Article, IndexEntry};
use serde::Serialize;

/// Id of the `<script type="application/ld+json">` element the viewer owns.
const SCRIPT_ID: &str = "av-jsonld";
const CONTEXT: &str = "https://schema.org";

// Typed rather than `serde_json::Value`: the same JSON for much less wasm.
#[derive(Serialize)]
#[serde(untagged)]
enum Node<'a> {
    Article(Box<NewsArticle<'a>>),
    Crumbs(BreadcrumbList<'a>),
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct NewsArticle<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    headline: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    alternative_headline: Option<&'a str>,
    in_language: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_published: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_modified: Option<&'a str>,
    author: Vec<Thing<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    publisher: Option<Thing<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    article_section: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(skip_serializing_if = "String::is_empty")]
    keywords: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    main_entity_of_page: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    is_based_on: Option<String>,
}

#[derive(Serialize)]
struct Thing<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct BreadcrumbList<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    item_list_element: Vec<ListItem<'a>>,
}

#[derive(Serialize)]
struct ListItem<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    position: usize,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    item: Option<String>,
}

/// The JSON-LD of `a` as script text. `page_url` is the page showing it;
/// `crumb_urls[i]` is where breadcrumb step `i` links (absolute), if anywhere.
/// Every URL passes [`safe_url`]; `<`, `>` and `&` are escaped so the text can
/// never close its `<script>` element.
pub fn json_ld(a: &Article, page_url: &str, crumb_urls: &[Option<String>]) -> String {
    let url = |u: Option<&str>| {
        u.and_then(|u| safe_url(u).ok())
            .map(|u| u.as_str().to_owned())
    };
    let canonical = canonical_url(a).unwrap_or_else(|| page_url.to_owned());
    let article = NewsArticle {
        context: CONTEXT,
        kind: "NewsArticle",
        headline: &a.title,
        alternative_headline: a.subtitle.as_deref(),
        in_language: &a.lang,
        date_published: a.published.as_deref(),
        date_modified: a.modified.as_deref(),
        author: a
            .authors
            .iter()
            .map(|au| Thing {
                kind: "Person",
                name: &au.name,
            })
            .collect(),
        publisher: a.site.as_ref().map(|s| Thing {
            kind: "Organization",
            name: &s.name,
        }),
        article_section: a.section.as_deref(),
        description: IndexEntry::of(a).summary,
        keywords: a.keywords.join(","),
        main_entity_of_page: url(Some(page_url)),
        url: url(Some(&canonical)),
        is_based_on: url(a.original_url.as_deref()),
    };
    let last = a.breadcrumb.len().saturating_sub(1);
    let items: Vec<ListItem<'_>> = a
        .breadcrumb
        .iter()
        .enumerate()
        .map(|(i, c)| ListItem {
            kind: "ListItem",
            position: i + 1,
            name: &c.name,
            item: if i == last {
                url(Some(page_url))
            } else {
                url(crumb_urls.get(i).and_then(|u| u.as_deref()))
            },
        })
        .collect();
    let mut graph = vec![Node::Article(Box::new(article))];
    if !items.is_empty() {
        graph.push(Node::Crumbs(BreadcrumbList {
            context: CONTEXT,
            kind: "BreadcrumbList",
            item_list_element: items,
        }));
    }
    // Serializing these types cannot fail (string keys, no maps).
    escape_for_script(&serde_json::to_string(&graph).unwrap_or_default())
}

/// The article's own URL, else the original publication it reproduces.
pub fn canonical_url(a: &Article) -> Option<String> {
    [a.url.as_deref(), a.original_url.as_deref()]
        .into_iter()
        .flatten()
        .find_map(|u| safe_url(u).ok())
        .map(|u| u.as_str().to_owned())
}

fn escape_for_script(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// Writes JSON-LD, meta description and canonical link for `a` into `<head>`.
pub(crate) fn apply(a: &Article, page_url: &str, crumb_urls: &[Option<String>]) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(head) = doc.head() else {
        return;
    };
    let find_or_make = |selector: &str, tag: &str, attrs: &[(&str, &str)]| {
        doc.query_selector(selector).ok().flatten().or_else(|| {
            let el = doc.create_element(tag).ok()?;
            for (k, v) in attrs {
                let _ = el.set_attribute(k, v);
            }
            head.append_child(&el).ok()?;
            Some(el)
        })
    };
    if let Some(script) = find_or_make(
        &format!("script#{SCRIPT_ID}"),
        "script",
        &[("id", SCRIPT_ID), ("type", "application/ld+json")],
    ) {
        // Text only: the browser never parses this as markup.
        script.set_text_content(Some(&json_ld(a, page_url, crumb_urls)));
    }
    if let Some(summary) = IndexEntry::of(a).summary {
        if let Some(meta) = find_or_make(
            "meta[name=\"description\"]",
            "meta",
            &[("name", "description")],
        ) {
            let _ = meta.set_attribute("content", &summary);
        }
    }
    match canonical_url(a) {
        Some(href) => {
            if let Some(link) =
                find_or_make("link[rel=\"canonical\"]", "link", &[("rel", "canonical")])
            {
                let _ = link.set_attribute("href", &href);
            }
        }
        None => clear_canonical(&doc),
    }
}

/// Removes what [`apply`] wrote (a list page is not an article).
pub(crate) fn clear() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Ok(Some(el)) = doc.query_selector(&format!("script#{SCRIPT_ID}")) {
        el.remove();
    }
    clear_canonical(&doc);
}

fn clear_canonical(doc: &web_sys::Document) {
    if let Ok(Some(el)) = doc.query_selector("link[rel=\"canonical\"]") {
        el.remove();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use article::{Author, Crumb};
    use serde_json::Value;

    fn article() -> Article {
        let mut a = Article::new("x", "标题</script><script>alert(1)</script>");
        a.published = Some("2024-05-19".into());
        a.authors = vec![Author {
            name: "佚名".into(),
            role: None,
            affiliation: None,
            url: None,
        }];
        a.original_url = Some("javascript:alert(1)".into());
        a.breadcrumb = ["首页", "理论研究", "正文"]
            .map(|n| Crumb {
                name: n.into(),
                url: None,
            })
            .to_vec();
        a
    }

    #[test]
    fn maps_headline_date_author_and_breadcrumb() {
        let crumbs = [None, Some("https://v.cn/#/list/理论研究".to_owned()), None];
        let text = json_ld(&article(), "https://v.cn/#/a/x", &crumbs);
        assert!(!text.contains('<'), "{text}");
        let v: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v[0]["@type"], "NewsArticle");
        assert_eq!(v[0]["headline"], "标题</script><script>alert(1)</script>");
        assert_eq!(v[0]["datePublished"], "2024-05-19");
        assert_eq!(v[0]["author"][0]["name"], "佚名");
        // The refused original URL is neither canonical nor isBasedOn.
        assert_eq!(v[0]["url"], "https://v.cn/#/a/x");
        assert!(v[0].get("isBasedOn").is_none());
        let items = &v[1]["itemListElement"];
        assert_eq!(v[1]["@type"], "BreadcrumbList");
        assert_eq!(items[1]["name"], "理论研究");
        assert_eq!(items[1]["position"], 2);
        assert_eq!(items[1]["item"], "https://v.cn/#/list/理论研究");
        assert!(items[0].get("item").is_none());
        assert_eq!(items[2]["item"], "https://v.cn/#/a/x");
    }

    #[test]
    fn canonical_prefers_own_url_then_original() {
        let mut a = article();
        assert_eq!(canonical_url(&a), None);
        a.original_url = Some("http://www.gsrdw.gov.cn/a.html".into());
        assert_eq!(
            canonical_url(&a).as_deref(),
            Some("http://www.gsrdw.gov.cn/a.html")
        );
        a.url = Some("https://v.cn/a".into());
        assert_eq!(canonical_url(&a).as_deref(), Some("https://v.cn/a"));
    }
}
