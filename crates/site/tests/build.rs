//! The site build end to end on the repository's articles and a template shaped as
//! Trunk writes `index.html`: every page is there with its own head, a second build
//! renders nothing and writes nothing, one changed article renders only the pages it
//! touches, the bytes do not depend on the run, and article text cannot escape its
//! place in HTML, JSON-LD, the data block or the feeds.

use std::fs;
use std::path::{Path, PathBuf};

use article_site::{build, Config, Report};
use serde_json::Value;

const TEMPLATE: &str = "<!doctype html>\n<html lang=\"zh-CN\">\n<head>\n  <meta charset=\"utf-8\">\n  \
<title>文章阅读</title>\n  <script src=\"/theme-init-0123456789abcdef.js\" integrity=\"sha384-a\"></script>\n  \
<link rel=\"modulepreload\" href=\"/article-viewer-0123456789abcdef.js\" crossorigin=\"anonymous\" integrity=\"sha384-b\">\n  \
<link rel=\"stylesheet\" href=\"/viewer-0123456789abcdef.css\" integrity=\"sha384-c\"/>\n</head>\n<body>\n  \
<noscript><p>x</p></noscript>\n  <div id=\"av-prerender\"><div class=\"av-scope\">seed</div></div>\n\n</body>\n</html>\n";

struct Tmp(PathBuf);

impl Tmp {
    fn new(name: &str) -> Tmp {
        let p = std::env::temp_dir().join(format!("article-site-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&p);
        fs::create_dir_all(p.join("dist")).unwrap();
        fs::write(p.join("dist/index.html"), TEMPLATE).unwrap();
        Tmp(p)
    }

    fn config(&self, articles: &Path) -> Config {
        Config {
            articles: articles.to_owned(),
            dist: self.0.join("dist"),
            base: None,
            origin: "https://news.example.org".into(),
            home: Some("a-000_69da94d2f4a4bc00".into()),
            cache: Some(self.0.join("cache")),
            sources: None,
            keep_going: false,
        }
    }

    fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.0.join("dist").join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    /// Whether the built file `rel` holds `text`.
    fn has(&self, rel: &str, text: &str) -> bool {
        self.read(rel).contains(text)
    }
}

impl Drop for Tmp {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn repo_articles() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../articles")
}

/// Every file under `dir`, relative path → bytes, in order.
fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
                out.push((rel, fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

fn json_ld(page: &str) -> Value {
    let start = page
        .find("<script type=\"application/ld+json\" id=\"av-jsonld\"")
        .unwrap();
    let text = &page[start..];
    let text = &text[text.find('>').unwrap() + 1..text.find("</script>").unwrap()];
    serde_json::from_str(text).unwrap()
}

fn data_block(page: &str) -> String {
    let start = page
        .find("<script type=\"application/json\" id=\"av-article\">")
        .unwrap();
    let text = &page[start..];
    text[text.find('>').unwrap() + 1..text.find("</script>").unwrap()].to_owned()
}

#[test]
fn every_article_gets_a_page_with_its_own_head() {
    let t = Tmp::new("pages");
    let r = build(&t.config(&repo_articles())).unwrap();
    let ids: Vec<String> = fs::read_dir(repo_articles())
        .unwrap()
        .filter_map(|e| {
            let p = e.unwrap().path();
            let stem = p.file_stem()?.to_str()?.to_owned();
            (p.extension()? == "json" && stem != "index").then_some(stem)
        })
        .collect();
    assert_eq!(r.articles, ids.len());
    assert_eq!(r.rendered, ids.len());
    for id in &ids {
        let page = t.read(&format!("a/{id}/index.html"));
        let a = article::parse_article(
            fs::read(repo_articles().join(format!("{id}.json")))
                .unwrap()
                .as_slice(),
        )
        .unwrap();
        assert!(
            page.contains(&format!("<html lang=\"{}\">", a.lang)),
            "{id}"
        );
        assert!(
            page.contains("<meta property=\"og:url\" content=\"https://news.example.org/a/"),
            "{id}"
        );
        assert!(page.contains("<link rel=\"canonical\" href=\""), "{id}");
        assert!(page.contains("<meta name=\"twitter:card\""), "{id}");
        assert!(
            page.contains("<meta name=\"description\" content=\""),
            "{id}"
        );
        assert_eq!(page.matches("<title>").count(), 1, "{id}");
        let ld = json_ld(&page);
        assert_eq!(ld[0]["@type"], "NewsArticle");
        assert_eq!(ld[0]["headline"], a.title.as_str());
        assert_eq!(
            ld[0]["mainEntityOfPage"],
            format!("https://news.example.org/a/{id}/")
        );
        // The data block is the article, as the app will parse it.
        let data = data_block(&page);
        assert_eq!(article::parse_article(data.as_bytes()).unwrap(), a);
        // The reading tools wait for the app; links are real paths.
        assert!(page.contains("<button disabled "));
        assert!(!page.contains("seed"), "the template's page is replaced");
        // Every internal link is a page's path, so it works without the app.
        assert!(
            !page.contains("href=\"#/") && !page.contains("href=\"/#/"),
            "{id}"
        );
        assert!(page.contains("href=\"/list/"), "{id}");
    }
    let index: Value = serde_json::from_str(&t.read("articles/index.json")).unwrap();
    let home = t.read("index.html");
    assert_eq!(home, t.read("a/a-000_69da94d2f4a4bc00/index.html"));
    for f in [
        "list/index.html",
        "list/理论研究/index.html",
        "list/工作动态/index.html",
        "404.html",
        "sitemap.xml",
        "robots.txt",
        "feed.xml",
        "feed.json",
        "list/理论研究/feed.json",
        "list/理论研究/feed.xml",
        "articles/index.json",
    ] {
        assert!(!t.read(f).is_empty(), "{f}");
    }
    let list = t.read("list/理论研究/index.html");
    for e in index["articles"].as_array().unwrap() {
        if e["section"] == "理论研究" {
            assert!(list.contains(&format!("href=\"/a/{}/\"", e["id"].as_str().unwrap())));
        }
    }
    let feed: Value = serde_json::from_str(&t.read("feed.json")).unwrap();
    assert_eq!(feed["version"], "https://jsonfeed.org/version/1.1");
    assert_eq!(feed["items"].as_array().unwrap().len(), ids.len());
    let column: Value = serde_json::from_str(&t.read("list/工作动态/feed.json")).unwrap();
    assert!(column["items"].as_array().unwrap().len() < ids.len());
    let sitemap = t.read("sitemap.xml");
    for id in &ids {
        assert!(
            sitemap.contains(&format!("<loc>https://news.example.org/a/{id}/</loc>")),
            "{id}"
        );
    }
    assert!(sitemap.contains(
        "<loc>https://news.example.org/list/%E7%90%86%E8%AE%BA%E7%A0%94%E7%A9%B6/</loc>"
    ));
    assert_eq!(t.read("404.html").matches("<script").count(), 0);
    assert!(t.has(
        "robots.txt",
        "Sitemap: https://news.example.org/sitemap.xml"
    ));
}

#[test]
fn builds_are_deterministic_and_incremental() {
    let a = Tmp::new("det-a");
    let b = Tmp::new("det-b");
    let first = build(&a.config(&repo_articles())).unwrap();
    // Without a cache at all: the same bytes as rendered and cached.
    let mut cfg = b.config(&repo_articles());
    cfg.cache = None;
    build(&cfg).unwrap();
    assert_eq!(tree(&a.0.join("dist")), tree(&b.0.join("dist")));
    // Again: nothing rendered, nothing written.
    let again = build(&a.config(&repo_articles())).unwrap();
    assert_eq!(
        again,
        Report {
            rendered: 0,
            written: 0,
            unchanged: first.written,
            ..first.clone()
        }
    );
    // One article edited: it is rendered, the others come from the cache.
    let arts = a.0.join("articles");
    fs::create_dir_all(&arts).unwrap();
    for e in fs::read_dir(repo_articles()).unwrap() {
        let p = e.unwrap().path();
        if p.is_file() {
            fs::copy(&p, arts.join(p.file_name().unwrap())).unwrap();
        }
    }
    let f = arts.join("shui-zhifa-jiancha.json");
    let text = fs::read_to_string(&f)
        .unwrap()
        .replacen("检查组", "检查组(修订)", 1);
    fs::write(&f, text).unwrap();
    let edited = build(&a.config(&arts)).unwrap();
    assert_eq!(edited.rendered, 1);
    assert!(a.has("a/shui-zhifa-jiancha/index.html", "检查组(修订)"));
}

#[test]
fn article_text_cannot_escape_its_place() {
    let t = Tmp::new("escape");
    let arts = t.0.join("articles");
    fs::create_dir_all(&arts).unwrap();
    let nasty = "标题</script><script>alert(1)</script>\\u003c\"'&amp;<!--";
    let mut a = article::Article::new("evil", nasty);
    a.summary = Some(format!("摘要{nasty}"));
    a.section = Some("a/../b".into());
    a.published = Some("2024-05-19".into());
    a.sections = vec![article::Section {
        id: None,
        heading: format!("一、{nasty}"),
        blocks: vec![article::Block::paragraph(format!("正文\u{1}{nasty}"))],
        sections: vec![],
    }];
    fs::write(
        arts.join("evil.json"),
        serde_json::to_string_pretty(&a).unwrap(),
    )
    .unwrap();
    build(&t.config(&arts)).map(|_| ()).unwrap_err();
    let mut cfg = t.config(&arts);
    cfg.home = None;
    build(&cfg).unwrap();
    let page = t.read("a/evil/index.html");
    // One script of each kind the build writes, and the two data blocks parse back.
    assert_eq!(page.matches("<script>").count(), 0);
    assert_eq!(page.matches("</script>").count(), 4, "{page}");
    assert_eq!(json_ld(&page)[0]["headline"], nasty);
    assert_eq!(
        article::parse_article(data_block(&page).as_bytes()).unwrap(),
        a
    );
    assert!(page.contains("<title>标题&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!page.contains("<!--\""));
    // The column name stays one directory under list/.
    assert!(t.read("list/a-..-b/index.html").contains("a/../b"));
    let feed = t.read("feed.xml");
    assert!(!feed.contains("<script") && !feed.contains('\u{1}'));
    assert!(feed.contains("标题&lt;/script&gt;"));
    let json: Value = serde_json::from_str(&t.read("feed.json")).unwrap();
    assert_eq!(json["items"][0]["title"], nasty);
    assert!(json["items"][0].get("content_html").is_none());
}

#[test]
fn authoring_shows_a_bad_article_in_its_page_and_imports_source_pages() {
    let t = Tmp::new("authoring");
    let arts = t.0.join("articles");
    let src = arts.join("src");
    fs::create_dir_all(&src).unwrap();
    fs::copy(
        repo_articles().join("lifa-gaozhiliang.json"),
        arts.join("lifa-gaozhiliang.json"),
    )
    .unwrap();
    fs::write(
        arts.join("broken.json"),
        "{\n  \"schemaVersion\": 1,\n  \"id\": \"broken\",\n  \"title\": </script>\n}\n",
    )
    .unwrap();
    fs::copy(
        repo_articles().join("src/shui-zhifa-jiancha.txt"),
        src.join("shui-zhifa-jiancha.txt"),
    )
    .unwrap();
    let mut cfg = t.config(&arts);
    cfg.home = None;
    cfg.sources = Some(src.clone());
    // Without keep_going the build stops and names the file and the place.
    let err = build(&cfg).unwrap_err().to_string();
    assert!(err.contains("broken.json") && err.contains('4'), "{err}");
    cfg.keep_going = true;
    build(&cfg).unwrap();
    let page = t.read("a/broken/index.html");
    // The viewer's error view, with the line of the problem, and the bad JSON as the
    // data block (escaped), so the app shows the same.
    assert!(page.contains("role=\"alert\""), "{page}");
    assert!(page.contains("\\u003c/script\\u003e"));
    // The template's own script and the data block.
    assert_eq!(page.matches("</script>").count(), 2);
    // The source page was imported in place of a JSON file.
    let imported = t.read("a/shui-zhifa-jiancha/index.html");
    assert!(imported.contains("<h1"), "{imported}");
    let data = data_block(&imported);
    assert_eq!(
        article::parse_article(data.as_bytes()).unwrap().id,
        "shui-zhifa-jiancha"
    );
    // An HTML source page is imported too (by content: a real portal page, GB18030
    // while it declares UTF-8), and one that does not import shows its problem.
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../article-html/tests/third_party");
    fs::copy(
        fixtures.join("gov-mee-weekly-gbk.html"),
        src.join("mee.html"),
    )
    .unwrap();
    fs::write(
        src.join("empty.htm"),
        "<!doctype html><html><body></body></html>",
    )
    .unwrap();
    build(&cfg).unwrap();
    let mee = article::parse_article(data_block(&t.read("a/mee/index.html")).as_bytes()).unwrap();
    assert_eq!(mee.id, "mee");
    assert!(mee.title.contains("生态环境"), "{}", mee.title);
    let empty = t.read("a/empty/index.html");
    assert!(
        empty.contains("role=\"alert\"") && empty.contains("empty.htm"),
        "{empty}"
    );
    // The one saved last wins: a JSON edited after its source page was imported shows.
    let mut edited =
        article::parse_article(data_block(&t.read("a/shui-zhifa-jiancha/index.html")).as_bytes())
            .unwrap();
    edited.title = "改过的标题".into();
    let json = serde_json::to_string_pretty(&edited).unwrap();
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(5);
    fs::write(arts.join("shui-zhifa-jiancha.json"), &json).unwrap();
    fs::File::options()
        .write(true)
        .open(arts.join("shui-zhifa-jiancha.json"))
        .unwrap()
        .set_modified(later)
        .unwrap();
    build(&cfg).unwrap();
    assert!(t.has("a/shui-zhifa-jiancha/index.html", "<title>改过的标题"));
    fs::remove_file(arts.join("shui-zhifa-jiancha.json")).unwrap();
    // A source page that does not import shows its problem too.
    fs::write(src.join("shui-zhifa-jiancha.txt"), "\n\n").unwrap();
    build(&cfg).unwrap();
    assert!(t
        .read("a/shui-zhifa-jiancha/index.html")
        .contains("role=\"alert\""));
}

#[test]
fn attachments_reach_the_structured_data_and_the_feeds_with_checked_urls() {
    let t = Tmp::new("attachments");
    let arts = t.0.join("articles");
    fs::create_dir_all(&arts).unwrap();
    let mut a = article::Article::new("files", "附件的文章");
    a.published = Some("2024-05-19".into());
    a.sections = vec![article::Section {
        id: None,
        heading: "正文".into(),
        blocks: vec![article::Block::paragraph("见附件。")],
        sections: vec![],
    }];
    let file = |name: &str, url: &str, kind: Option<&str>, size: Option<u64>| article::Attachment {
        name: name.into(),
        url: url.into(),
        kind: kind.map(Into::into),
        size,
    };
    a.attachments = vec![
        file(
            "2024年部门预算",
            "https://gov.example.cn/files/ys.pdf",
            Some("pdf"),
            Some(364_544),
        ),
        file(
            "申请表",
            "https://gov.example.cn/files/sqb.et",
            Some("et"),
            None,
        ),
        file("相对地址", "files/x.pdf", Some("pdf"), None),
    ];
    fs::write(
        arts.join("files.json"),
        serde_json::to_string_pretty(&a).unwrap(),
    )
    .unwrap();
    let mut cfg = t.config(&arts);
    cfg.home = None;
    build(&cfg).unwrap();
    let media = &json_ld(&t.read("a/files/index.html"))[0]["associatedMedia"];
    assert_eq!(media[0]["@type"], "MediaObject");
    assert_eq!(
        media[0]["contentUrl"],
        "https://gov.example.cn/files/ys.pdf"
    );
    assert_eq!(media[0]["encodingFormat"], "application/pdf");
    assert_eq!(media[0]["contentSize"], "364544 B");
    assert_eq!(media[1]["name"], "申请表");
    assert!(media[1].get("encodingFormat").is_none());
    assert_eq!(media.as_array().unwrap().len(), 2, "{media}");
    let json: Value = serde_json::from_str(&t.read("feed.json")).unwrap();
    let files = &json["items"][0]["attachments"];
    assert_eq!(files[0]["mime_type"], "application/pdf");
    assert_eq!(files[0]["size_in_bytes"], 364_544);
    assert_eq!(files[1]["mime_type"], "application/octet-stream");
    assert!(files[1].get("size_in_bytes").is_none());
    assert_eq!(files.as_array().unwrap().len(), 2, "{files}");
    // A relative URL (validation allows it; a `javascript:` one it refuses) is left out.
    assert!(!t.has("feed.xml", "files/x.pdf"));
    assert!(t.has(
        "feed.xml",
        "<link rel=\"enclosure\" href=\"https://gov.example.cn/files/ys.pdf\" title=\"2024年部门预算\" type=\"application/pdf\" length=\"364544\"/>"
    ));
}
