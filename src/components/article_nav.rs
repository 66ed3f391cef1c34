//! Previous / next article links (上一篇 / 下一篇) under the article.

use std::rc::Rc;

use article::IndexEntry;
use yew::prelude::*;

use crate::route::article_href;

/// A `nav` landmark labelled 上下篇 with the newer (`prev`) and older (`next`)
/// article of the same column, linked under `base` (empty on the standalone page);
/// renders nothing when there is neither.
pub fn article_nav(
    base: &str,
    prev: &Option<Rc<IndexEntry>>,
    next: &Option<Rc<IndexEntry>>,
) -> Html {
    if prev.is_none() && next.is_none() {
        return Html::default();
    }
    let link = |label: &'static str, e: &Option<Rc<IndexEntry>>, class: &'static str| match e {
        Some(e) => html! {
            <p class={class}>
                { label }
                <a href={article_href(base, &e.id, None)}>{ &e.title }</a>
            </p>
        },
        None => html! {
            <p class={class}>{ label }<span class="article-nav-none">{ "没有了" }</span></p>
        },
    };
    html! {
        <nav class="article-nav" aria-label="上下篇" part="article-nav">
            { link("上一篇：", prev, "article-nav-prev") }
            { link("下一篇：", next, "article-nav-next") }
        </nav>
    }
}
