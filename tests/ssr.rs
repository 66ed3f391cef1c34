//! What the components write, rendered natively by Yew's server renderer (as the
//! site build, crates/site, renders every page ahead of the wasm): markup, ids, links,
//! escaping. What needs a browser (events, effects, focus) is in `browser.rs`.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use article::{parse_article, Article, IndexEntry};
use article_viewer::components::{
    article_list, error_view, ArticleListProps, ArticleView, ArticleViewProps, ErrorViewProps,
};
use article_viewer::options::{ArticleLinks, ViewerOptions};
use article_viewer::FetchError;
use yew::prelude::*;
use yew::LocalServerRenderer;

/// The fixture carries `javascript:` URLs that validation refuses; it is decoded
/// without validation to prove the components refuse them on their own too.
fn fixture() -> Rc<Article> {
    Rc::new(
        serde_json::from_slice(include_bytes!("fixtures/article.json")).expect("fixture parses"),
    )
}

fn render<C: BaseComponent>(props: C::Properties) -> String {
    futures::executor::block_on(
        LocalServerRenderer::<C>::with_props(props)
            .hydratable(false)
            .render(),
    )
}

fn article_page() -> String {
    render::<ArticleView>(yew::props!(ArticleViewProps { article: fixture() }))
}

/// Every `<tag …>…</tag>` whose start tag contains each of `attrs` (e.g. `id="x"`),
/// nested ones included, outermost first.
fn elements<'a>(html: &'a str, tag: &str, attrs: &[&str]) -> Vec<&'a str> {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let starts_tag = |at: usize| {
        html[at..].starts_with(&open)
            && matches!(html.as_bytes().get(at + open.len()), Some(b' ' | b'>'))
    };
    let mut found = Vec::new();
    for (at, _) in html.match_indices(&open).filter(|(at, _)| starts_tag(*at)) {
        let head = &html[at..at + html[at..].find('>').expect("start tag ends")];
        if !attrs.iter().all(|a| head.contains(a)) {
            continue;
        }
        let (mut depth, mut i) = (0usize, at);
        let end = loop {
            let next_close = i + html[i..].find(&close).expect("element closes");
            match html[i..next_close]
                .match_indices(&open)
                .find(|(o, _)| starts_tag(i + o))
            {
                Some((o, _)) => {
                    depth += 1;
                    i += o + open.len();
                }
                None if depth > 1 => {
                    depth -= 1;
                    i = next_close + close.len();
                }
                None => break next_close + close.len(),
            }
        };
        found.push(&html[at..end]);
    }
    found
}

fn element<'a>(html: &'a str, tag: &str, attrs: &[&str]) -> &'a str {
    elements(html, tag, attrs)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no <{tag}> with {attrs:?} in {html}"))
}

/// The text of a fragment, tags dropped and entities decoded.
fn text(fragment: &str) -> String {
    let mut out = String::new();
    let mut rest = fragment;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        rest = &rest[lt + rest[lt..].find('>').expect("tag ends") + 1..];
    }
    out.push_str(rest);
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

fn texts(html: &str, tag: &str, attrs: &[&str]) -> Vec<String> {
    elements(html, tag, attrs).into_iter().map(text).collect()
}

/// The value of `name` on the element's start tag.
fn attr(el: &str, name: &str) -> Option<String> {
    let head = &el[..el.find('>')?];
    let key = format!(" {name}=\"");
    let at = head.find(&key)? + key.len();
    Some(head[at..at + head[at..].find('"')?].to_owned())
}

#[test]
fn breadcrumb_is_a_labelled_ordered_list_with_current_page() {
    let page = article_page();
    let nav = element(&page, "nav", &[r#"aria-label="当前位置""#]);
    assert_eq!(texts(nav, "li", &[]), ["首页", "理论研究", "正文"]);
    assert_eq!(texts(nav, "span", &[r#"aria-current="page""#]), ["正文"]);
    // The refused javascript: URL is rendered as text, not as a link.
    assert_eq!(texts(nav, "a", &[]), ["首页"]);
    assert_eq!(
        attr(element(nav, "a", &[]), "rel").as_deref(),
        Some("noopener noreferrer")
    );
}

#[test]
fn toc_links_point_at_existing_heading_ids() {
    let page = article_page();
    let toc = element(&page, "nav", &[r#"class="table-of-contents""#]);
    let targets: Vec<String> = elements(toc, "a", &[])
        .into_iter()
        .map(|a| {
            let href = attr(a, "href").expect("href");
            href.strip_prefix('#').expect("fragment link").to_owned()
        })
        .collect();
    assert_eq!(targets, ["intro", "sec-1-1", "sec-2"]);
    for id in &targets {
        let id_attr = format!("id=\"{id}\"");
        let level = if id == "sec-1-1" { "h3" } else { "h2" };
        assert_eq!(
            elements(&page, level, &[&id_attr, "section-heading"]).len(),
            1,
            "no <{level}> #{id}"
        );
    }
}

/// The current section is marked by an effect: `browser.rs` tests that.
#[test]
fn toc_is_nested() {
    let page = article_page();
    let toc = element(&page, "nav", &[r#"id="av-toc""#]);
    assert_eq!(
        texts(toc, "li", &["toc-level-1"])
            .iter()
            .map(|t| t
                .split(|c: char| c.is_ascii_digit() || c == '.')
                .collect::<String>())
            .collect::<Vec<_>>(),
        ["第一部分第一部分之一", "第二部分"]
    );
    let nested = element(toc, "li", &["toc-level-2"]);
    assert_eq!(text(nested), "1.1.第一部分之一");
    assert!(toc.contains(r##"<li class="toc-item toc-level-1"><a href="#intro">"##));
    assert!(!toc.contains("aria-current"));
}

#[test]
fn byline_shows_time_authors_and_source() {
    let page = article_page();
    let time = element(&page, "time", &[]);
    assert_eq!(
        attr(time, "datetime").as_deref(),
        Some("2024-05-19T16:37:00+08:00")
    );
    assert_eq!(text(time), "2024-05-19 16:37");
    let byline = text(element(&page, "p", &[r#"class="byline""#]));
    assert!(byline.contains("作者：张三、李四"), "{byline}");
    assert!(byline.contains("来源：测试来源"), "{byline}");
}

#[test]
fn footer_and_disclaimer() {
    let page = article_page();
    assert_eq!(
        texts(&page, "p", &[r#"class="source-note""#]),
        ["来源：测试客户端"]
    );
    let link = element(element(&page, "p", &[r#"class="original-link""#]), "a", &[]);
    assert_eq!(attr(link, "rel").as_deref(), Some("noopener noreferrer"));
    assert_eq!(
        attr(link, "href").as_deref(),
        Some("https://example.cn/original.html")
    );
    let region = element(
        &page,
        "section",
        &[r#"aria-labelledby="av-disclaimer-title""#],
    );
    assert_eq!(texts(region, "h2", &[]), ["免责声明"]);
    assert_eq!(texts(region, "p", &[]), ["本文仅供测试。"]);
}

#[test]
fn markup_in_text_stays_text_and_bad_links_are_not_links() {
    let page = article_page();
    assert!(!page.contains("<img"), "{page}");
    let body = element(&page, "div", &[r#"class="article-body""#]);
    assert!(text(body).contains("<img src=x onerror=alert(1)>"));
    assert_eq!(texts(body, "a", &[]), ["链接"]);
    assert!(text(body).contains("坏链接"));
}

#[test]
fn copy_link_buttons_only_with_a_handler() {
    assert!(!article_page().contains("copy-link"));
    let page = render::<ArticleView>(yew::props!(ArticleViewProps {
        article: fixture(),
        on_copy_link: Some(Callback::from(|_: AttrValue| ())),
    }));
    let labels: Vec<_> = elements(&page, "button", &[r#"class="copy-link""#])
        .into_iter()
        .map(|b| attr(b, "aria-label").unwrap_or_default())
        .collect();
    assert_eq!(
        labels,
        [
            "复制本节链接 第一部分",
            "复制本节链接 第一部分之一",
            "复制本节链接 第二部分"
        ]
    );
}

/// The error view as the app renders it, in a component of its own for the renderer.
#[component]
fn ErrorView(props: &ErrorViewProps) -> Html {
    error_view(props)
}

/// The list page as the list route renders it.
#[component]
fn ArticleList(props: &ArticleListProps) -> Html {
    article_list(props)
}

fn error_page(english: bool) -> String {
    let err = parse_article(br#"{"schemaVersion":1,"id":"9","title":""}"#).unwrap_err();
    render::<ErrorView>(ErrorViewProps {
        error: FetchError::Load(err),
        english,
        source: Some("bad.json".into()),
        on_retry: Callback::noop(),
    })
}

#[test]
fn error_view_lists_every_issue_and_the_address() {
    let page = error_page(false);
    let alert = element(&page, "div", &[r#"role="alert""#]);
    assert_eq!(texts(alert, "h1", &[]), ["文章无法显示"]);
    assert_eq!(
        texts(alert, "p", &[r#"class="error-message""#]),
        ["文章内容未通过校验（共 2 处问题）："]
    );
    let issues = texts(alert, "li", &[]);
    assert_eq!(issues.len(), 2, "{issues:?}");
    assert!(issues[0].starts_with("/id:"), "{issues:?}");
    assert!(issues[1].starts_with("/title:"), "{issues:?}");
    assert_eq!(
        texts(alert, "p", &[r#"class="error-source""#]),
        ["地址：bad.json"]
    );
    assert_eq!(texts(&page, "button", &[]), ["重试"]);
    assert_eq!(attr(&page, "lang").as_deref(), Some("zh-CN"));
}

#[test]
fn error_view_speaks_english_when_asked() {
    let page = error_page(true);
    assert_eq!(attr(&page, "lang").as_deref(), Some("en"));
    assert_eq!(texts(&page, "h1", &[]), ["The article cannot be shown"]);
    assert_eq!(
        texts(&page, "p", &[r#"class="error-message""#]),
        ["The article failed validation (2 problem(s)):"]
    );
    assert_eq!(texts(&page, "button", &[]), ["Retry"]);
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

#[test]
fn options_prefix_ids_hide_the_toc_and_add_neighbour_links() {
    let options = ViewerOptions {
        id_prefix: "v1-".into(),
        show_toc: false,
        link_base: Some("/".into()),
        links: Some(ArticleLinks {
            base: "/".into(),
            prev: None,
            next: Some(entry("next-one")),
        }),
        ..ViewerOptions::default()
    };
    let page = render::<WithOptions>(WithOptionsProps { options });
    assert!(!page.contains("table-of-contents"));
    let ids: Vec<_> = ["h2", "h3"]
        .into_iter()
        .flat_map(|h| elements(&page, h, &["section-heading"]))
        .map(|h| attr(h, "id").unwrap_or_default())
        .collect();
    assert_eq!(ids, ["v1-intro", "v1-sec-2", "v1-sec-1-1"]);
    let nav = element(&page, "nav", &[r#"aria-label="上下篇""#]);
    assert_eq!(
        texts(nav, "p", &[]),
        ["上一篇：没有了", "下一篇：标题 next-one"]
    );
    assert_eq!(
        attr(element(nav, "a", &[]), "href").as_deref(),
        Some("/a/next-one/")
    );
}

#[test]
fn list_page_links_every_entry_and_marks_the_column() {
    let page = render::<ArticleList>(ArticleListProps {
        section: Some("理论研究".into()),
        entries: vec![(*entry("a1")).clone(), (*entry("a2")).clone()].into(),
        sections: vec![AttrValue::from("理论研究"), AttrValue::from("工作动态")].into(),
        base: "/".into(),
    });
    assert_eq!(texts(&page, "h1", &[]), ["理论研究"]);
    let list = element(&page, "ul", &[r#"class="article-list""#]);
    assert_eq!(texts(list, "a", &[]), ["标题 a1", "标题 a2"]);
    let columns = element(&page, "nav", &["column-nav"]);
    assert_eq!(
        texts(columns, "span", &[r#"aria-current="page""#]),
        ["理论研究"]
    );
    assert_eq!(
        attr(element(columns, "a", &[]), "href").as_deref(),
        Some("/list/工作动态/")
    );
}

fn page_of(json: &str) -> String {
    let article = parse_article(json.as_bytes()).expect("valid article");
    render::<ArticleView>(yew::props!(ArticleViewProps {
        article: Rc::new(article)
    }))
}

#[test]
fn a_table_is_a_labelled_region_with_header_scopes_and_spans() {
    let page = page_of(include_str!("../e2e/fixtures/table-attachments.json"));
    let regions = elements(&page, "div", &[r#"class="table-scroll""#]);
    assert_eq!(regions.len(), 2);
    let labels: Vec<_> = regions.iter().map(|r| attr(r, "aria-label")).collect();
    // The caption names its region; a table without one gets the generic name.
    assert_eq!(labels, [Some("公告概要".into()), Some("表格".into())]);
    for r in &regions {
        assert_eq!(attr(r, "role").as_deref(), Some("region"));
        assert_eq!(
            attr(r, "tabindex").as_deref(),
            Some("0"),
            "keyboard can scroll it"
        );
    }
    let first = regions[0];
    assert_eq!(texts(first, "caption", &[]), ["公告概要"]);
    assert_eq!(texts(first, "th", &[r#"scope="col""#]), ["项目", "内容"]);
    let row_heads = texts(first, "th", &[r#"scope="row""#]);
    assert_eq!(row_heads[0], "采购项目名称");
    assert_eq!(row_heads.len(), 7);
    let wide = element(first, "td", &[r#"colspan="3""#]);
    assert_eq!(text(wide), "济南大学中心校区学生公寓改造提升项目施工");
}

#[test]
fn attachments_are_a_labelled_list_with_type_and_size() {
    let page = page_of(include_str!("../e2e/fixtures/table-attachments.json"));
    let list = element(
        &page,
        "section",
        &[r#"aria-labelledby="av-attachments-title""#],
    );
    assert_eq!(texts(list, "h2", &[]), ["附件"]);
    assert_eq!(
        texts(list, "li", &[]),
        [
            "济南大学中心校区学生公寓改造提升项目施工范围及工程量清单（PDF，356 KB）",
            "中标（成交）供应商评审得分汇总表（XLSX，51 KB）",
            "图纸（ZIP，17.5 MB）",
        ]
    );
    let link = element(list, "a", &[]);
    assert_eq!(
        attr(link, "href").as_deref(),
        Some("https://www.ccgp.gov.cn/files/P020250714000001.pdf")
    );
    assert_eq!(attr(link, "rel").as_deref(), Some("noopener noreferrer"));
}

#[test]
fn footnote_marks_open_their_note_and_notes_link_back() {
    let page = page_of(
        r#"{"schemaVersion":1,"id":"notes","title":"注释","sections":[{"heading":"正文","blocks":[
            {"type":"paragraph","text":"正文一[1]。正文二[1]。没有的注释[9]。"},
            {"type":"footnote","id":"fn-1","text":"注释一的内容。"}]}]}"#,
    );
    let marks = elements(&page, "button", &[r#"class="fn-ref""#]);
    assert_eq!(marks.len(), 2, "a mark without its note stays text");
    for m in &marks {
        assert_eq!(attr(m, "popovertarget").as_deref(), Some("fn-1-pop"));
        assert_eq!(attr(m, "aria-label").as_deref(), Some("注释 [1]"));
    }
    // Only the first mark is the back link's target.
    assert_eq!(attr(marks[0], "id").as_deref(), Some("fnref-1"));
    assert_eq!(attr(marks[1], "id"), None);
    assert!(text(&page).contains("没有的注释[9]"));
    let note = element(&page, "p", &[r#"id="fn-1""#]);
    let back = element(note, "a", &[r#"class="fn-back""#]);
    assert_eq!(attr(back, "href").as_deref(), Some("#fnref-1"));
    assert_eq!(
        attr(back, "aria-label").as_deref(),
        Some("返回正文注释 [1] 处")
    );
    let pop = element(&page, "span", &[r#"id="fn-1-pop""#]);
    assert_eq!(attr(pop, "popover").as_deref(), Some("auto"));
    assert_eq!(text(pop), "注释一的内容。");
}
