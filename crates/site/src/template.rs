//! The viewer's built `index.html` as the template of every page: its hashed,
//! integrity-checked asset links stay as Trunk wrote them; the `lang`, the head
//! metadata and the page rendered at build time (`<div id="av-prerender">`) are
//! filled in per page. Running the build again on its own output gives the same
//! bytes: the slots are found the same way in a page already filled.

use crate::escape::{esc, script_safe};
use crate::Site;

const PRERENDER_OPEN: &str = "<div id=\"av-prerender\">";
/// Marks the metadata the build writes after `<title>`, so a second run replaces it.
const HEAD_OPEN: &str = "<!--av-head-->";
const HEAD_CLOSE: &str = "<!--/av-head-->";
/// The id of the data block carrying an article page's article JSON (read by the app).
pub const DATA_ID: &str = "av-article";
/// The id of the data block carrying a list page's index JSON.
pub const INDEX_DATA_ID: &str = "av-index";
/// The id of the data block carrying an article page's neighbours, as an index of
/// the previous article, the article and the next one.
pub const NEIGHBOURS_DATA_ID: &str = "av-neighbours";

/// `index.html` cut at its slots.
#[derive(Clone, Debug)]
pub struct Template {
    /// Up to the `lang` value of `<html>`.
    before_lang: String,
    /// From after the `lang` value up to `<title>`.
    before_title: String,
    /// From after `</title>` (and the build's metadata) to the prerendered page.
    before_body: String,
    /// `</body></html>` and whatever follows the page.
    after_body: String,
    /// Where the assets are served from: `/` or `/news/`.
    asset_base: String,
    /// The stylesheet links, for the 404 page.
    stylesheets: Vec<String>,
}

impl Template {
    /// Cuts `html` at its slots; the reason if it is not the viewer's page.
    pub fn parse(html: &str) -> Result<Template, &'static str> {
        let lang_at = html
            .find("<html lang=\"")
            .map(|i| i + "<html lang=\"".len())
            .ok_or("no <html lang=\"…\">: not the viewer's index.html")?;
        let lang_end = lang_at + html[lang_at..].find('"').ok_or("unterminated lang")?;
        let title_at = html.find("<title>").ok_or("no <title>")?;
        let mut title_end = title_at + html[title_at..].find("</title>").ok_or("no </title>")? + 8;
        if html[title_end..].trim_start().starts_with(HEAD_OPEN) {
            title_end += html[title_end..]
                .find(HEAD_CLOSE)
                .ok_or("unterminated <!--av-head-->")?
                + HEAD_CLOSE.len();
        }
        let body_at = html.find(PRERENDER_OPEN).ok_or(
            "no <div id=\"av-prerender\">: build the viewer with its pre_build hooks first",
        )?;
        let body_end = html.rfind("</body>").ok_or("no </body>")?;
        if !(lang_end < title_at && title_end <= body_at && body_at < body_end) {
            return Err("<html>, <title> and the prerendered page are out of order");
        }
        let module = html
            .find("rel=\"modulepreload\"")
            .ok_or("no modulepreload link: not built by Trunk")?;
        let tag_start = html[..module].rfind('<').unwrap_or(module);
        let tag = &html[tag_start..tag_start + html[tag_start..].find('>').unwrap_or(0)];
        let href = attr(tag, "href").ok_or("the modulepreload link has no href")?;
        if !href.starts_with('/') {
            return Err("assets are linked relative to the page: set Trunk's public_url to an absolute path (/ or /news/)");
        }
        let asset_base = href[..=href.rfind('/').unwrap_or(0)].to_owned();
        let head = &html[..title_at];
        let stylesheets = head
            .match_indices("<link")
            .filter_map(|(i, _)| {
                let tag = &head[i..=i + head[i..].find('>')?];
                (attr(tag, "rel") == Some("stylesheet")).then(|| tag.to_owned())
            })
            .collect();
        Ok(Template {
            before_lang: html[..lang_at].to_owned(),
            before_title: html[lang_end..title_at].to_owned(),
            before_body: html[title_end..body_at].to_owned(),
            after_body: html[body_end..].to_owned(),
            asset_base,
            stylesheets,
        })
    }

    /// The path the assets are served from (Trunk's `public_url`).
    pub fn asset_base(&self) -> &str {
        &self.asset_base
    }

    /// A page: `head` goes where `<title>` was (it brings its own), `body` is the
    /// page rendered at build time, `data` the data blocks for the app: id
    /// ([`DATA_ID`], [`INDEX_DATA_ID`], [`NEIGHBOURS_DATA_ID`]) and JSON.
    pub fn page(&self, head: &str, lang: &str, body: &str, data: &[(&str, &str)]) -> String {
        let mut s = String::with_capacity(
            self.before_lang.len() + self.before_body.len() + head.len() + body.len() * 2 + 256,
        );
        s.push_str(&self.before_lang);
        s.push_str(&esc(lang));
        s.push_str(&self.before_title);
        s.push_str(head);
        s.push_str(&self.before_body);
        s.push_str(PRERENDER_OPEN);
        s.push_str(body);
        s.push_str("</div>\n");
        for (id, json) in data {
            s.push_str("  <script type=\"application/json\" id=\"");
            s.push_str(id);
            s.push_str("\">");
            s.push_str(&script_safe(json));
            s.push_str("</script>\n");
        }
        s.push_str(&self.after_body);
        s
    }

    /// The 404 page: the viewer's stylesheet and look, no app (nothing to start on a
    /// page that does not exist), links home and to the list of articles.
    pub(crate) fn not_found(&self, site: &Site) -> String {
        let mut s = String::from(
            "<!doctype html>\n<html lang=\"zh-CN\">\n<head>\n  <meta charset=\"utf-8\">\n  \
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n  \
             <meta name=\"color-scheme\" content=\"light dark\">\n  <title>页面不存在</title>\n  \
             <meta name=\"robots\" content=\"noindex\">\n",
        );
        for l in &self.stylesheets {
            s.push_str("  ");
            s.push_str(l);
            s.push('\n');
        }
        s.push_str(&format!(
            "</head>\n<body>\n<div class=\"article-viewer not-found\">\n\
             <main id=\"av-content\" class=\"content\" tabindex=\"-1\">\n\
             <div class=\"error-view\" role=\"alert\">\n<h1>页面不存在</h1>\n\
             <p>您访问的页面不存在或已被移除，请检查网址是否正确。</p>\n\
             <p><a href=\"{home}\">返回首页</a> · <a href=\"{list}\">全部文章</a></p>\n\
             </div>\n</main>\n</div>\n</body>\n</html>\n",
            home = esc(&site.href("")),
            list = esc(&site.href(&article::list_path(None))),
        ));
        s
    }
}

/// The value of attribute `name` in one tag (double-quoted, as Trunk writes them).
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let at = tag.find(&key)? + key.len();
    Some(&tag[at..at + tag[at..].find('"')?])
}

#[cfg(test)]
mod tests {
    use super::*;

    const HTML: &str = "<!doctype html>\n<html lang=\"zh-CN\">\n<head>\n<title>文章阅读</title>\n\
        <link rel=\"stylesheet\" href=\"/news/viewer-0123456789abcdef.css\" integrity=\"sha384-x\">\n\
        <link rel=\"modulepreload\" href=\"/news/article-viewer-0123456789abcdef.js\">\n</head>\n\
        <body>\n<noscript>x</noscript>\n<div id=\"av-prerender\"><div class=\"av-scope\">old</div></div>\n</body>\n</html>\n";

    #[test]
    fn a_page_fills_the_slots_and_refilling_gives_the_same_bytes() {
        let t = Template::parse(HTML).unwrap();
        assert_eq!(t.asset_base(), "/news/");
        let head = "<title>题</title>\n<!--av-head--><meta name=\"description\" content=\"d\"><!--/av-head-->";
        let data = &[(DATA_ID, "{\"t\":\"</script>\"}")];
        let page = t.page(head, "en", "<p>new</p>", data);
        assert!(page.contains("<html lang=\"en\">"));
        assert!(page.contains("<div id=\"av-prerender\"><p>new</p></div>"));
        assert!(page.contains("{\"t\":\"\\u003c/script\\u003e\"}</script>"));
        assert!(!page.contains("old") && !page.contains("文章阅读"));
        let again = Template::parse(&page).unwrap();
        assert_eq!(again.page(head, "en", "<p>new</p>", data), page);
    }

    #[test]
    fn a_page_that_is_not_the_viewer_is_refused() {
        assert!(Template::parse("<html><body></body></html>").is_err());
        let relative = HTML.replace("href=\"/news/article", "href=\"article");
        assert!(Template::parse(&relative)
            .unwrap_err()
            .contains("public_url"));
    }
}
