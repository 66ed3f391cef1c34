//! The whole article page: breadcrumb, TOC, title, byline, body, notes, disclaimer.

use std::rc::Rc;

use article::{build_toc, Article};
use yew::prelude::*;

use super::{ArticleBody, ArticleFooter, Breadcrumb, Byline, Disclaimer, TableOfContents};

/// Properties of [`ArticleView`].
#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    /// The validated article.
    pub article: Rc<Article>,
}

/// Lays out one article.
#[component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let a = &props.article;
    let toc = use_memo(a.clone(), |a| build_toc(a));
    let site = a.site.as_ref().map(|s| s.name.clone());
    html! {
        <div class="article-viewer" lang={a.lang.clone()}>
            <a class="skip-link" href="#av-content">{ "跳到正文" }</a>
            if let Some(site) = site {
                <header class="site-header"><p class="site-name">{ site }</p></header>
            }
            if !a.breadcrumb.is_empty() {
                <Breadcrumb items={a.breadcrumb.iter().cloned().collect::<Rc<[_]>>()} />
            }
            <div class="layout">
                if !toc.entries.is_empty() {
                    <TableOfContents toc={toc.clone()} />
                }
                <main id="av-content" class="content" tabindex="-1">
                    <article class="article">
                        <header class="article-header">
                            if let Some(k) = &a.kicker {
                                <p class="kicker">{ k }</p>
                            }
                            <h1 class="title">{ &a.title }</h1>
                            if let Some(s) = &a.subtitle {
                                <p class="subtitle">{ s }</p>
                            }
                            <Byline article={a.clone()} />
                        </header>
                        <ArticleBody article={a.clone()} toc={toc.clone()} />
                        <ArticleFooter article={a.clone()} />
                    </article>
                    if let Some(d) = &a.disclaimer {
                        <Disclaimer text={AttrValue::from(d.clone())} />
                    }
                </main>
            </div>
        </div>
    }
}
