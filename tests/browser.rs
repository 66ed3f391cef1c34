//! Component tests in headless Chromium, for what needs a browser: clicks, effects,
//! the DOM calls of the panic alert. Markup alone is tested natively in `ssr.rs`.
//! Each test mounts into a fresh element, flushes the scheduler, then asserts.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use article::{parse_article, Article};
use article_viewer::components::{error_view, ArticleView, ArticleViewProps, ErrorViewProps};
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

fn texts(root: &Element, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

/// The error view as the app renders it, in a component of its own for the renderer.
#[yew::component]
fn ErrorView(props: &ErrorViewProps) -> yew::Html {
    error_view(props)
}

#[wasm_bindgen_test]
async fn error_view_retries_on_click() {
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
    let button: web_sys::HtmlElement =
        wasm_bindgen::JsCast::unchecked_into(root.query_selector("button").unwrap().unwrap());
    button.click();
    assert_eq!(retries.get(), 1);
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
async fn toc_marks_the_current_section() {
    let root = render_with(yew::props!(ArticleViewProps {
        article: fixture(),
        current_section: Some(yew::AttrValue::from("sec-1-1")),
    }))
    .await;
    let nav = root.query_selector("nav#av-toc").unwrap().unwrap();
    assert_eq!(
        texts(&nav, r#"[aria-current="location"]"#),
        ["1.1.第一部分之一"]
    );
}

#[wasm_bindgen_test]
async fn copy_link_button_sends_its_section() {
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
    second.click();
    assert_eq!(*copied.borrow(), ["sec-1-1"]);
}
