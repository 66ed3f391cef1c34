//! What search engines and reader modes read: JSON-LD (`NewsArticle` and
//! `BreadcrumbList`), the meta description and the canonical link. The mapping is a
//! pure function (tested natively); [`apply`] writes it into `<head>` as text only.

use article::{safe_url, Article, IndexEntry};

/// Id of the `<script type="application/ld+json">` element the viewer owns.
const SCRIPT_ID: &str = "av-jsonld";
const CONTEXT: &str = "https://schema.org";

/// A tiny JSON writer (serde_json would cost the wasm far more): objects, lists,
/// strings and whole numbers. Strings are escaped for JSON and for the `<script>`
/// element they end up in: `<`, `>`, `&`, U+2028 and U+2029 as `\uXXXX`, so the
/// text can never close the element or open a comment.
struct Json {
    out: String,
    /// A value was just written: the next key or item needs a comma.
    comma: bool,
}

impl Json {
    fn new() -> Self {
        Json {
            out: String::new(),
            comma: false,
        }
    }

    fn sep(&mut self) {
        if self.comma {
            self.out.push(',');
        }
    }

    fn open(&mut self, c: char) {
        self.sep();
        self.out.push(c);
        self.comma = false;
    }

    fn close(&mut self, c: char) {
        self.out.push(c);
        self.comma = true;
    }

    fn key(&mut self, k: &str) {
        self.sep();
        self.string(k);
        self.out.push(':');
        self.comma = false;
    }

    fn str(&mut self, v: &str) {
        self.sep();
        self.string(v);
        self.comma = true;
    }

    fn field(&mut self, k: &str, v: &str) {
        self.key(k);
        self.str(v);
    }

    fn opt_field(&mut self, k: &str, v: Option<&str>) {
        if let Some(v) = v {
            self.field(k, v);
        }
    }

    fn num(&mut self, n: usize) {
        self.sep();
        self.out.push_str(&n.to_string());
        self.comma = true;
    }

    fn string(&mut self, s: &str) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        self.out.push('"');
        for c in s.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\r' => self.out.push_str("\\r"),
                '\t' => self.out.push_str("\\t"),
                '\u{0}'..='\u{1f}' | '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
                    self.out.push_str("\\u");
                    let n = c as u32;
                    for shift in [12, 8, 4, 0] {
                        self.out.push(char::from(HEX[(n >> shift) as usize & 0xf]));
                    }
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }
}

/// The JSON-LD of `a` as script text. `page_url` is the page showing it;
/// `crumb_urls[i]` is where breadcrumb step `i` links (absolute), if anywhere.
/// Every URL passes [`safe_url`]; `<`, `>`, `&`, U+2028 and U+2029 are escaped so
/// the text can never close its `<script>` element.
pub fn json_ld(a: &Article, page_url: &str, crumb_urls: &[Option<String>]) -> String {
    let url = |u: Option<&str>| {
        u.and_then(|u| safe_url(u).ok())
            .map(|u| u.as_str().to_owned())
    };
    let canonical = canonical_url(a).unwrap_or_else(|| page_url.to_owned());
    let mut j = Json::new();
    j.open('[');
    j.open('{');
    j.field("@context", CONTEXT);
    j.field("@type", "NewsArticle");
    j.field("headline", &a.title);
    j.opt_field("alternativeHeadline", a.subtitle.as_deref());
    j.field("inLanguage", &a.lang);
    j.opt_field("datePublished", a.published.as_deref());
    j.opt_field("dateModified", a.modified.as_deref());
    j.key("author");
    j.open('[');
    for au in &a.authors {
        thing(&mut j, "Person", &au.name);
    }
    j.close(']');
    if let Some(site) = &a.site {
        j.key("publisher");
        thing(&mut j, "Organization", &site.name);
    }
    j.opt_field("articleSection", a.section.as_deref());
    j.opt_field("description", IndexEntry::of(a).summary.as_deref());
    if !a.keywords.is_empty() {
        j.field("keywords", &a.keywords.join(","));
    }
    j.opt_field("mainEntityOfPage", url(Some(page_url)).as_deref());
    j.opt_field("url", url(Some(&canonical)).as_deref());
    j.opt_field("isBasedOn", url(a.original_url.as_deref()).as_deref());
    j.close('}');
    if !a.breadcrumb.is_empty() {
        let last = a.breadcrumb.len() - 1;
        j.open('{');
        j.field("@context", CONTEXT);
        j.field("@type", "BreadcrumbList");
        j.key("itemListElement");
        j.open('[');
        for (i, c) in a.breadcrumb.iter().enumerate() {
            j.open('{');
            j.field("@type", "ListItem");
            j.key("position");
            j.num(i + 1);
            j.field("name", &c.name);
            let item = if i == last {
                url(Some(page_url))
            } else {
                url(crumb_urls.get(i).and_then(|u| u.as_deref()))
            };
            j.opt_field("item", item.as_deref());
            j.close('}');
        }
        j.close(']');
        j.close('}');
    }
    j.close(']');
    j.out
}

/// `{"@type": kind, "name": name}`.
fn thing(j: &mut Json, kind: &str, name: &str) {
    j.open('{');
    j.field("@type", kind);
    j.field("name", name);
    j.close('}');
}

/// The article's own URL, else the original publication it reproduces.
pub fn canonical_url(a: &Article) -> Option<String> {
    [a.url.as_deref(), a.original_url.as_deref()]
        .into_iter()
        .flatten()
        .find_map(|u| safe_url(u).ok())
        .map(|u| u.as_str().to_owned())
}

/// Writes JSON-LD, meta description and canonical link for `a` into `<head>`.
pub(crate) fn apply(a: &Article, page_url: &str, crumb_urls: &[Option<String>]) {
    let Some(doc) = crate::browser::dom::window().and_then(|w| w.document()) else {
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
    let Some(doc) = crate::browser::dom::window().and_then(|w| w.document()) else {
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
    use article::{Author, Link};
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
            .map(|n| Link {
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

    #[test]
    fn strings_are_escaped_for_json_and_for_the_script_element() {
        let nasty = "a\"b\\c/\n\r\t\u{0}\u{1}\u{1f}\u{7f}</script><!--&amp;\u{2028}\u{2029}\u{4e2d}\u{1f600}";
        let mut j = Json::new();
        j.str(nasty);
        for c in ['<', '>', '&', '\u{2028}', '\u{2029}'] {
            assert!(!j.out.contains(c), "{c:?} in {}", j.out);
        }
        assert!(!j.out.chars().any(|c| c < ' '), "{}", j.out);
        assert_eq!(serde_json::from_str::<String>(&j.out).unwrap(), nasty);
    }

    #[test]
    fn every_field_is_written_as_json() {
        let mut a = article();
        a.subtitle = Some("副题".into());
        a.modified = Some("2024-05-20".into());
        a.site = Some(article::Link {
            name: "政讯通中心".into(),
            url: None,
        });
        a.section = Some("理论研究".into());
        a.summary = Some("摘要".into());
        a.keywords = vec!["a".into(), "b".into()];
        a.original_url = Some("http://www.gsrdw.gov.cn/a.html".into());
        a.breadcrumb.truncate(1);
        let v: Value = serde_json::from_str(&json_ld(&a, "https://v.cn/#/a/x", &[])).unwrap();
        assert_eq!(
            v,
            serde_json::json!([
                {
                    "@context": "https://schema.org",
                    "@type": "NewsArticle",
                    "headline": "标题</script><script>alert(1)</script>",
                    "alternativeHeadline": "副题",
                    "inLanguage": "zh-CN",
                    "datePublished": "2024-05-19",
                    "dateModified": "2024-05-20",
                    "author": [{"@type": "Person", "name": "佚名"}],
                    "publisher": {"@type": "Organization", "name": "政讯通中心"},
                    "articleSection": "理论研究",
                    "description": "摘要",
                    "keywords": "a,b",
                    "mainEntityOfPage": "https://v.cn/#/a/x",
                    "url": "http://www.gsrdw.gov.cn/a.html",
                    "isBasedOn": "http://www.gsrdw.gov.cn/a.html"
                },
                {
                    "@context": "https://schema.org",
                    "@type": "BreadcrumbList",
                    "itemListElement": [
                        {"@type": "ListItem", "position": 1, "name": "首页", "item": "https://v.cn/#/a/x"}
                    ]
                }
            ])
        );
        a.breadcrumb.clear();
        a.authors.clear();
        let v: Value = serde_json::from_str(&json_ld(&a, "https://v.cn/#/a/x", &[])).unwrap();
        assert_eq!(v.as_array().unwrap().len(), 1, "no empty BreadcrumbList");
        assert_eq!(v[0]["author"], serde_json::json!([]));
    }
}
