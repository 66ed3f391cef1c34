//! The whole article page: breadcrumb, reader chrome, TOC, title, byline, reading
//! time, body, notes, disclaimer. Presentational: the reader state arrives through
//! props (see `Reader`), so the same layout renders without it.

use std::rc::Rc;

use article::{build_toc, Article, Link};
use yew::prelude::*;

use super::{
    ArticleBody, ArticleFooter, ArticleNav, Breadcrumb, Byline, Disclaimer, ReadingMeta,
    TableOfContents,
};
use crate::options::ViewerOptions;
use crate::route::list_href;

/// Properties of [`ArticleView`].
#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    /// The validated article.
    pub article: Rc<Article>,
    /// Classes for the root (theme, text size, width, elder mode).
    #[prop_or_default]
    pub class: Classes,
    /// Reference to the root element.
    #[prop_or_default]
    pub root_ref: NodeRef,
    /// The reader toolbar, placed after the breadcrumb.
    #[prop_or_default]
    pub toolbar: Html,
    /// Placed after the main content (back to top, status messages).
    #[prop_or_default]
    pub after: Html,
    /// Id of the section being read.
    #[prop_or_default]
    pub current_section: Option<AttrValue>,
    /// TOC drawer open (narrow screens).
    #[prop_or_default]
    pub toc_open: bool,
    /// TOC links call this with the section id instead of navigating, when set.
    #[prop_or_default]
    pub on_navigate: Option<Callback<AttrValue>>,
    /// Closes the TOC drawer (its 关闭 button), when set.
    #[prop_or_default]
    pub on_close_toc: Option<Callback<()>>,
    /// When set, headings get a copy-link button.
    #[prop_or_default]
    pub on_copy_link: Option<Callback<AttrValue>>,
}

/// Lays out one article.
#[component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let a = &props.article;
    // Embedded viewers get namespaced ids through this context; the standalone page
    // has none and keeps the plain `sec-3`.
    let opts = use_context::<ViewerOptions>().unwrap_or_default();
    let links = opts.links.clone();
    let toc = use_memo((a.clone(), opts.id_prefix.clone()), |(a, prefix)| {
        let mut toc = build_toc(a);
        for e in &mut toc.entries {
            e.id.insert_str(0, prefix);
        }
        toc
    });
    let crumbs = use_memo((a.clone(), opts.link_base.clone()), |(a, base)| {
        crumbs_with_list_links(a, base.as_deref())
    });
    let site = a.site.as_ref().map(|s| s.name.clone());
    html! {
        <div class={classes!("article-viewer", props.class.clone())} lang={a.lang.clone()}
            ref={props.root_ref.clone()}>
            <a class="skip-link" href="#av-content">{ "跳到正文" }</a>
            if let Some(site) = site {
                <header class="site-header"><p class="site-name">{ site }</p></header>
            }
            if !a.breadcrumb.is_empty() {
                <Breadcrumb items={(*crumbs).clone()} />
            }
            { props.toolbar.clone() }
            <div class="layout">
                if opts.show_toc && !toc.entries.is_empty() {
                    <TableOfContents toc={toc.clone()} current={props.current_section.clone()}
                        open={props.toc_open} on_navigate={props.on_navigate.clone()}
                        on_close={props.on_close_toc.clone()} />
                }
                <main id="av-content" class="content" tabindex="-1" part="content">
                    <article class="article">
                        <header class="article-header">
                            if let Some(k) = &a.kicker {
                                <p class="kicker">{ k }</p>
                            }
                            <h1 id="av-title" class="title" tabindex="-1" part="title">{ &a.title }</h1>
                            if let Some(s) = &a.subtitle {
                                <p class="subtitle">{ s }</p>
                            }
                            <Byline article={a.clone()} />
                            <ReadingMeta article={a.clone()} />
                        </header>
                        <ArticleBody article={a.clone()} toc={toc.clone()}
                            on_copy_link={props.on_copy_link.clone()} />
                        <ArticleFooter article={a.clone()} />
                        if let Some(l) = links {
                            <ArticleNav base={l.base.clone()} prev={l.prev.clone()} next={l.next.clone()} />
                        }
                    </article>
                    if let Some(d) = &a.disclaimer {
                        <Disclaimer text={AttrValue::from(d.clone())} />
                    }
                </main>
            </div>
            { props.after.clone() }
            <div class="av-end" aria-hidden="true"></div>
        </div>
    }
}

/// The breadcrumb, with in-app list links for the home step and the article's column
/// where the article gives no link of its own.
pub(crate) fn crumbs_with_list_links(a: &Article, base: Option<&str>) -> Rc<[Link]> {
    let last = a.breadcrumb.len().saturating_sub(1);
    a.breadcrumb
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let mut c = c.clone();
            if let (None, Some(base), false) = (&c.url, base, i == last) {
                if i == 0 && c.name == "首页" {
                    c.url = Some(list_href(base, None));
                } else if a.section.as_deref() == Some(c.name.as_str()) {
                    c.url = Some(list_href(base, Some(&c.name)));
                }
            }
            c
        })
        .collect()
}
