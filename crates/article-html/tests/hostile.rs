//! Hostile HTML (`tests/hostile/vectors.txt`: the OWASP XSS filter-evasion cases and
//! DOMPurify-style vectors) inside an ordinary article page: whatever the page holds,
//! the article is text and checked URLs only. Each payload calls `alert`, so any
//! trace of `alert` in the output is a payload that got through; no URL may carry a
//! script scheme, and the article validates. The same vectors go through the viewer
//! in the e2e tests.

const VECTORS: &str = include_str!("hostile/vectors.txt");

fn page(vector: &str) -> String {
    format!(
        "<!doctype html><html><head><meta charset=utf-8><title>关于做好安全工作的通知_某市人民政府</title>\
         <meta name=\"ArticleTitle\" content=\"关于做好安全工作的通知\"><meta name=\"PubDate\" content=\"2024-05-19 10:00\">\
         </head><body><div class=\"content\"><h1>关于做好安全工作的通知</h1>\
         <p>各区人民政府，市政府各部门：为做好网站安全工作，现将有关事项通知如下，请认真贯彻执行。</p>\
         {vector}\
         <p>各单位要高度重视，明确责任分工，确保各项措施落实到位，切实维护网站安全稳定运行。</p>\
         </div></body></html>"
    )
}

/// The vectors, one a line (`#` lines are comments).
fn vectors() -> Vec<&'static str> {
    VECTORS
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .collect()
}

fn check(vector: &str, html: &str) {
    let imported = article_html::from_html(html.as_bytes(), &article_html::Options::default())
        .unwrap_or_else(|e| panic!("{vector}: {e}"));
    // `from_html` repairs an article that fails validation and says so in a warning:
    // valid output with no warning is the importer getting it right by itself.
    assert_eq!(imported.warnings, Vec::<String>::new(), "{vector}");
    let a = imported.article;
    assert!(
        article::validate(&a).is_empty(),
        "{vector}: {:?}",
        article::validate(&a)
    );
    let json = serde_json::to_string(&a).unwrap();
    // Browsers drop tabs, newlines and controls inside a scheme: look as they would.
    let squeezed: String = json
        .to_ascii_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    for bad in [
        "alert",
        "javascript:",
        "vbscript:",
        "data:",
        "expression(",
        "<script",
        "onerror",
        "onload",
    ] {
        assert!(
            !squeezed.contains(bad),
            "{vector}\n  leaked {bad:?} into {json}"
        );
    }
    // The text before the vector stays (an unclosed `<script>` or `<xmp>` takes
    // the rest of the page as its text, as in a browser).
    assert!(
        json.contains("为做好网站安全工作"),
        "{vector}: the ordinary text before the vector is kept: {json}"
    );
}

#[test]
fn no_vector_survives_the_importer() {
    let vs = vectors();
    assert!(vs.len() >= 50, "{}", vs.len());
    for v in &vs {
        check(v, &page(v));
    }
    // All at once, too: one vector's leftovers must not open a door for the next.
    check("all vectors", &page(&vs.join("\n")));
}

#[test]
fn safe_parts_of_hostile_elements_are_kept() {
    let a = article_html::from_html(
        page(r#"<a href="https://example.org/ok" onmouseover="alert(1)">安全链接</a><img src="https://example.org/a.png" onerror="alert(1)" alt="图片说明"><a href="/files/a.pdf">附件1：通知全文.pdf</a>"#).as_bytes(),
        &article_html::Options {
            base_url: Some("https://www.example.gov.cn/zwgk/1.html".into()),
            charset: None,
        },
    )
    .unwrap()
    .article;
    let json = serde_json::to_string(&a).unwrap();
    assert!(
        json.contains(r#""href":"https://example.org/ok""#),
        "{json}"
    );
    assert!(
        json.contains(r#""src":"https://example.org/a.png""#),
        "{json}"
    );
    assert_eq!(a.attachments.len(), 1, "{json}");
    assert_eq!(
        a.attachments[0].url,
        "https://www.example.gov.cn/files/a.pdf"
    );
    assert_eq!(a.attachments[0].kind.as_deref(), Some("pdf"));
}

#[test]
fn a_script_base_never_makes_relative_links_scripts() {
    let a = article_html::from_html(
        page(r#"<base href="javascript:alert(1)//"><a href="x.html">相对链接</a>"#).as_bytes(),
        &article_html::Options::default(),
    )
    .unwrap()
    .article;
    let json = serde_json::to_string(&a).unwrap();
    assert!(!json.contains("javascript"), "{json}");
}

/// What every vector page imports to, one section per vector: the article the e2e
/// suite (`e2e/tests/import-hostile.spec.ts`) renders in the viewer, which must then
/// run nothing. Kept in `e2e/fixtures/hostile-imported.json`; `REGENERATE=1` rewrites it.
fn combined() -> article::Article {
    let mut all = article::Article::new("hostile-imported", "导入的恶意页面");
    for (k, v) in vectors().iter().enumerate() {
        let a = article_html::from_html(page(v).as_bytes(), &article_html::Options::default())
            .unwrap()
            .article;
        let mut blocks = a.lead;
        for s in a.sections {
            blocks.push(article::Block::Subheading { text: s.heading });
            blocks.extend(s.blocks);
        }
        all.sections.push(article::Section {
            id: Some(format!("v{}", k + 1)),
            heading: format!("向量 {}", k + 1),
            blocks,
            sections: Vec::new(),
        });
        all.attachments.extend(a.attachments);
    }
    all
}

#[test]
fn the_viewer_fixture_is_what_the_importer_makes_now() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../e2e/fixtures/hostile-imported.json"
    );
    let a = combined();
    assert!(
        article::validate(&a).is_empty(),
        "{:?}",
        article::validate(&a)
    );
    let json = serde_json::to_string_pretty(&a).unwrap() + "\n";
    if std::env::var_os("REGENERATE").is_some() {
        std::fs::write(path, &json).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == json,
        "e2e/fixtures/hostile-imported.json is stale: REGENERATE=1 cargo test -p article-html --test hostile"
    );
}
