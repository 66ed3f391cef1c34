//! Previous / next article links (上一篇 / 下一篇) under the article.

use std::rc::Rc;

use article::IndexEntry;
use yew::prelude::*;

use crate::route::article_href;

/// Properties of [`ArticleNav`].
#[derive(Properties, PartialEq)]
pub struct ArticleNavProps {
    /// Base of the links (empty on the standalone page).
    pub base: AttrValue,
    /// The newer article in the same column.
    #[prop_or_default]
    pub prev: Option<Rc<IndexEntry>>,
    /// The older article in the same column.
    #[prop_or_default]
    pub next: Option<Rc<IndexEntry>>,
}

/// A `nav` landmark labelled 上下篇; renders nothing when there is neither.
#[component]
pub fn ArticleNav(props: &ArticleNavProps) -> Html {
    if props.prev.is_none() && props.next.is_none() {
        return Html::default();
    }
    let link = |label: &'static str, e: &Option<Rc<IndexEntry>>, class: &'static str| match e {
        Some(e) => html! {
            <p class={class}>
                { label }
                <a href={article_href(&props.base, &e.id, None)}>{ &e.title }</a>
            </p>
        },
        None => html! {
            <p class={class}>{ label }<span class="article-nav-none">{ "没有了" }</span></p>
        },
    };
    html! {
        <nav class="article-nav" aria-label="上下篇" part="article-nav">
            { link("上一篇:", &props.prev, "article-nav-prev") }
            { link("下一篇:", &props.next, "article-nav-next") }
        </nav>
    }
}
