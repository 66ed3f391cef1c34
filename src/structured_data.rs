//! What search engines and reader modes read: JSON-LD (`NewsArticle` and
//! `BreadcrumbList`), the meta description and the canonical link. The mapping is a
//! pure function (tested natively); [`apply`] writes it into `<head>` as text only.

use article::{safe_url, Article, IndexEntry};
use serde_json::{json, Value};

/// Id of the `<script type="application/ld+json">` element the viewer owns.
const SCRIPT_ID: &str = "av-jsonld";

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
    let mut article = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": a.title,
        "inLanguage": a.lang,
        "mainEntityOfPage": url(Some(page_url)),
        "url": url(Some(&canonical)),
        "author": a.authors.iter().map(|au| json!({"@type": "Person", "name": au.name})).collect::<Vec<_>>(),
    });
    let obj = article.as_object_mut().expect("json! object");
    let mut put = |k: &str, v: Option<Value>| {
        if let Some(v) = v {
            obj.insert(k.to_owned(), v);
        }
    };
    put("datePublished", a.published.clone().map(Value::from));
    put("dateModified", a.modified.clone().map(Value::from));
    put("articleSection", a.section.clone().map(Value::from));
    put("description", IndexEntry::of(a).summary.map(Value::from));
    put("alternativeHeadline", a.subtitle.clone().map(Value::from));
    put("isBasedOn", url(a.original_url.as_deref()).map(Value::from));
    put(
        "publisher",
        a.site
            .as_ref()
            .map(|s| json!({"@type": "Organization", "name": s.name})),
    );
    if !a.keywords.is_empty() {
        put("keywords", Some(Value::from(a.keywords.join(","))));
    }
    let last = a.breadcrumb.len().saturating_sub(1);
    let items: Vec<Value> = a
        .breadcrumb
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let item = if i == last {
                url(Some(page_url))
            } else {
                url(crumb_urls.get(i).and_then(|u| u.as_deref()))
            };
            let mut v = json!({"@type": "ListItem", "position": i + 1, "name": c.name});
            if let Some(item) = item {
                v["item"] = Value::from(item);
            }
            v
        })
        .collect();
    let mut graph = vec![article];
    if !items.is_empty() {
        graph.push(json!({
            "@context": "https://schema.org",
            "@type": "BreadcrumbList",
            "itemListElement": items,
        }));
    }
    escape_for_script(&Value::from(graph).to_string())
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
