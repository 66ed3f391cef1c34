//! Component tests in headless Chromium: mount into a fresh element, flush the
//! scheduler, then assert on the DOM.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use article::{parse_article, Article};
use article_viewer::components::{ArticleView, ArticleViewProps, ErrorView, ErrorViewProps};
use article_viewer::FetchError;
use wasm_bindgen_test::*;
use web_sys::Element;
use yew::Callback;

wasm_bindgen_test_configure!(run_in_browser);

/// The fixture carries `javascript:` URLs that validation refuses; it is decoded
/// without validation to prove the components refuse them on their own too.
fn fixture() -> Rc<Article> {
    Rc::new(
        serde_json::from_slice(include_bytes!("fixtures/article.json")).expect("fixture parses"),
    )
}

fn fresh_root() -> Element {
    let doc = gloo_document();
    let el = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el
}

fn gloo_document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

async fn render_article() -> Element {
    let root = fresh_root();
    yew::Renderer::<ArticleView>::with_root_and_props(
        root.clone(),
        yew::props!(ArticleViewProps { article: fixture() }),
    )
    .render();
    yew::scheduler::flush().await;
    root
}

fn texts(root: &Element, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn breadcrumb_is_a_labelled_ordered_list_with_current_page() {
    let root = render_article().await;
    let nav = root
        .query_selector(r#"nav[aria-label="当前位置"]"#)
        .unwrap()
        .expect("breadcrumb nav");
    assert_eq!(texts(&nav, "ol > li"), ["首页", "理论研究", "正文"]);
    let current = nav.query_selector("[aria-current=page]").unwrap().unwrap();
    assert_eq!(current.text_content().unwrap(), "正文");
    // The refused javascript: URL is rendered as text, not as a link.
    let hrefs: Vec<_> = texts(&nav, "a");
    assert_eq!(hrefs, ["首页"]);
}

#[wasm_bindgen_test]
async fn toc_links_point_at_existing_heading_ids() {
    let root = render_article().await;
    let links = root.query_selector_all("nav.table-of-contents a").unwrap();
    assert_eq!(links.length(), 3);
    let mut targets = Vec::new();
    for i in 0..links.length() {
        let a: Element = wasm_bindgen::JsCast::unchecked_into(links.item(i).unwrap());
        let href = a.get_attribute("href").unwrap();
        let id = href.strip_prefix('#').expect("fragment link").to_owned();
        let target = root
            .query_selector(&format!("#{id}"))
            .unwrap()
            .unwrap_or_else(|| panic!("no element #{id}"));
        assert!(target.tag_name().starts_with('H'), "{id} is a heading");
        targets.push(id);
    }
    assert_eq!(targets, ["intro", "sec-1-1", "sec-2"]);
    assert_eq!(
        root.query_selector("#sec-1-1").unwrap().unwrap().tag_name(),
        "H3"
    );
}

#[wasm_bindgen_test]
async fn byline_shows_time_authors_and_source() {
    let root = render_article().await;
    let time = root.query_selector("time").unwrap().unwrap();
    assert_eq!(
        time.get_attribute("datetime").unwrap(),
        "2024-05-19T16:37:00+08:00"
    );
    assert_eq!(time.text_content().unwrap(), "2024-05-19 16:37");
    let byline = texts(&root, ".byline")[0].clone();
    assert!(byline.contains("作者:张三、李四"), "{byline}");
    assert!(byline.contains("来源:测试来源"), "{byline}");
}

#[wasm_bindgen_test]
async fn footer_and_disclaimer() {
    let root = render_article().await;
    assert_eq!(texts(&root, ".source-note"), ["来源:测试客户端"]);
    let link = root.query_selector(".original-link a").unwrap().unwrap();
    assert_eq!(link.get_attribute("rel").unwrap(), "noopener noreferrer");
    assert_eq!(
        link.get_attribute("href").unwrap(),
        "https://example.cn/original.html"
    );
    let region = root
        .query_selector(r#"section[aria-labelledby="av-disclaimer-title"]"#)
        .unwrap()
        .unwrap();
    assert_eq!(texts(&region, "h2"), ["免责声明"]);
    assert_eq!(texts(&region, "p"), ["本文仅供测试。"]);
}

#[wasm_bindgen_test]
async fn markup_in_text_stays_text_and_bad_links_are_not_links() {
    let root = render_article().await;
    assert!(root.query_selector("img").unwrap().is_none());
    let body = texts(&root, ".article-body")[0].clone();
    assert!(body.contains("<img src=x onerror=alert(1)>"));
    let links: Vec<_> = texts(&root, ".article-body a");
    assert_eq!(links, ["链接"]);
}

#[wasm_bindgen_test]
async fn error_view_lists_every_issue_and_retries() {
    let root = fresh_root();
    let err = parse_article(br#"{"schemaVersion":1,"id":"9","title":""}"#).unwrap_err();
    let retries = Rc::new(std::cell::Cell::new(0));
    let counter = retries.clone();
    yew::Renderer::<ErrorView>::with_root_and_props(
        root.clone(),
        ErrorViewProps {
            error: FetchError::Load(err),
            english: false,
            source: Some("bad.json".into()),
            on_retry: Callback::from(move |()| counter.set(counter.get() + 1)),
        },
    )
    .render();
    yew::scheduler::flush().await;
    let alert = root.query_selector("[role=alert]").unwrap().unwrap();
    let issues = texts(&alert, ".error-issues li");
    assert_eq!(issues.len(), 2, "{issues:?}");
    assert!(issues[0].starts_with("/id:"));
    assert!(issues[1].starts_with("/title:"));
    let button: web_sys::HtmlElement =
        wasm_bindgen::JsCast::unchecked_into(root.query_selector("button").unwrap().unwrap());
    button.click();
    assert_eq!(retries.get(), 1);
}

mod embedded {
    use super::*;
    use article::IndexEntry;
    use article_viewer::components::{ArticleList, ArticleListProps};
    use article_viewer::options::{ArticleLinks, ViewerOptions};
    use wasm_bindgen::JsCast;
    use yew::prelude::*;

    #[derive(Properties, PartialEq)]
    struct WithOptionsProps {
        options: ViewerOptions,
    }

    #[component]
    fn WithOptions(props: &WithOptionsProps) -> Html {
        html! {
            <ContextProvider<ViewerOptions> context={props.options.clone()}>
                <ArticleView article={fixture()} />
            </ContextProvider<ViewerOptions>>
        }
    }

    fn entry(id: &str) -> Rc<IndexEntry> {
        Rc::new(IndexEntry {
            id: id.into(),
            title: format!("标题 {id}"),
            date: Some("2024-01-01".into()),
            section: Some("理论研究".into()),
            summary: None,
        })
    }

    #[wasm_bindgen_test]
    async fn options_prefix_ids_hide_the_toc_and_add_neighbour_links() {
        let root = fresh_root();
        let options = ViewerOptions {
            id_prefix: "v1-".into(),
            show_toc: false,
            link_base: Some("".into()),
            links: Some(ArticleLinks {
                base: "".into(),
                prev: None,
                next: Some(entry("next-one")),
            }),
            ..ViewerOptions::default()
        };
        yew::Renderer::<WithOptions>::with_root_and_props(
            root.clone(),
            WithOptionsProps { options },
        )
        .render();
        yew::scheduler::flush().await;
        assert!(root
            .query_selector("nav.table-of-contents")
            .unwrap()
            .is_none());
        let ids: Vec<_> = (0..3)
            .filter_map(|i| {
                root.query_selector_all(".section-heading")
                    .unwrap()
                    .item(i)
                    .and_then(|n| n.dyn_into::<Element>().ok())
                    .map(|e| e.id())
            })
            .collect();
        assert!(ids.iter().all(|id| id.starts_with("v1-")), "{ids:?}");
        let nav = root
            .query_selector(r#"nav[aria-label="上下篇"]"#)
            .unwrap()
            .expect("article nav");
        assert_eq!(texts(&nav, "p"), ["上一篇:没有了", "下一篇:标题 next-one"]);
        let next = nav.query_selector("a").unwrap().unwrap();
        assert_eq!(next.get_attribute("href").unwrap(), "#/a/next-one");
    }

    #[wasm_bindgen_test]
    async fn list_page_links_every_entry_and_marks_the_column() {
        let root = fresh_root();
        let props = ArticleListProps {
            section: Some("理论研究".into()),
            entries: vec![(*entry("a1")).clone(), (*entry("a2")).clone()].into(),
            sections: vec![AttrValue::from("理论研究"), AttrValue::from("工作动态")].into(),
            base: "".into(),
        };
        yew::Renderer::<ArticleList>::with_root_and_props(root.clone(), props).render();
        yew::scheduler::flush().await;
        assert_eq!(texts(&root, "h1"), ["理论研究"]);
        assert_eq!(texts(&root, ".article-list a"), ["标题 a1", "标题 a2"]);
        let current = root.query_selector("[aria-current=page]").unwrap();
        assert!(current.is_some());
        let other = root.query_selector(".column-nav a").unwrap().unwrap();
        assert_eq!(other.get_attribute("href").unwrap(), "#/list/工作动态");
    }
}

#[wasm_bindgen_test]
async fn a_panic_becomes_an_alert_with_its_detail_as_text() {
    let root = fresh_root();
    root.set_text_content(Some("the broken app"));
    let detail = "panicked at src/app.rs:1:1:\n<img src=x onerror=alert(1)>";
    article_viewer::show_fatal_in(&root, detail);
    article_viewer::show_fatal_in(&root, "a second panic");
    let alert = root
        .query_selector("#av-fatal[role=alert]")
        .unwrap()
        .unwrap();
    assert_eq!(texts(&alert, "h1"), ["阅读器出错了"]);
    assert_eq!(texts(&alert, "pre"), [detail]);
    assert!(alert.query_selector("img").unwrap().is_none());
    let reload = alert.query_selector("a").unwrap().unwrap();
    assert_eq!(
        reload.get_attribute("href").unwrap(),
        web_sys::window().unwrap().location().href().unwrap()
    );
    assert!(!root.text_content().unwrap().contains("the broken app"));
    root.remove();
}

async fn render_with(props: ArticleViewProps) -> Element {
    let root = fresh_root();
    yew::Renderer::<ArticleView>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    root
}

#[wasm_bindgen_test]
async fn toc_is_nested_and_marks_the_current_section() {
    let root = render_with(yew::props!(ArticleViewProps {
        article: fixture(),
        current_section: Some(yew::AttrValue::from("sec-1-1")),
    }))
    .await;
    let nav = root.query_selector("nav#av-toc").unwrap().unwrap();
    assert_eq!(
        texts(&nav, ":scope > ol > li > a .toc-text"),
        ["第一部分", "第二部分"]
    );
    assert_eq!(
        texts(&nav, ":scope > ol > li > ol > li > a"),
        ["1.1.第一部分之一"]
    );
    assert_eq!(
        texts(&nav, r#"[aria-current="location"]"#),
        ["1.1.第一部分之一"]
    );
}

#[wasm_bindgen_test]
async fn copy_link_buttons_only_with_a_handler() {
    let root = render_article().await;
    assert!(root.query_selector(".copy-link").unwrap().is_none());
    let copied = Rc::new(std::cell::RefCell::new(Vec::<String>::new()));
    let sink = copied.clone();
    let root = render_with(yew::props!(ArticleViewProps {
        article: fixture(),
        on_copy_link: Some(Callback::from(move |id: yew::AttrValue| {
            sink.borrow_mut().push(id.to_string())
        })),
    }))
    .await;
    let buttons = root.query_selector_all(".copy-link").unwrap();
    assert_eq!(buttons.length(), 3);
    let second: web_sys::HtmlElement =
        wasm_bindgen::JsCast::unchecked_into(buttons.item(1).unwrap());
    assert_eq!(
        second.get_attribute("aria-label").unwrap(),
        "复制本节链接 第一部分之一"
    );
    second.click();
    assert_eq!(*copied.borrow(), ["sec-1-1"]);
}
