//! A column's list page (e.g. 理论研究): every article with date and summary.

use std::rc::Rc;

use article::{IndexEntry, Link};
use yew::prelude::*;

use super::breadcrumb;
use crate::route::{article_href, list_href};

/// What [`article_list`] shows.
#[derive(Properties, PartialEq)]
pub struct ArticleListProps {
    /// The column shown; `None` lists every column.
    #[prop_or_default]
    pub section: Option<AttrValue>,
    /// The articles to list, newest first.
    pub entries: Rc<[IndexEntry]>,
    /// Every column, for the links at the top.
    pub sections: Rc<[AttrValue]>,
    /// Base of the links (empty on the standalone page).
    #[prop_or_default]
    pub base: AttrValue,
}

/// Breadcrumb, the column title, links to the other columns and the article list.
pub fn article_list(props: &ArticleListProps) -> Html {
    let base = &props.base;
    let title = props.section.clone().unwrap_or_else(|| "全部文章".into());
    let mut crumbs = vec![Link {
        name: "首页".into(),
        url: Some(list_href(base, None)),
    }];
    if props.section.is_some() {
        crumbs.push(Link {
            name: title.to_string(),
            url: None,
        });
    } else {
        crumbs[0].url = None;
    }
    html! {
        <div class="article-viewer article-list-page">
            { breadcrumb(&crumbs) }
            <main id="av-content" class="content list-content" tabindex="-1">
                <h1 class="title">{ title.clone() }</h1>
                <nav class="column-nav" aria-label="栏目">
                    <ul>
                        for s in props.sections.iter() {
                            <li key={s.to_string()}>
                                if Some(s) == props.section.as_ref() {
                                    <span aria-current="page">{ s }</span>
                                } else {
                                    <a href={list_href(base, Some(s))}>{ s }</a>
                                }
                            </li>
                        }
                    </ul>
                </nav>
                if props.entries.is_empty() {
                    <p class="article-list-empty">{ "本栏目暂无文章。" }</p>
                } else {
                    <ul class="article-list">
                        for e in props.entries.iter() {
                            <li key={e.id.clone()} class="article-list-item">
                                <h2 class="article-list-title">
                                    <a href={article_href(base, &e.id, None)}>{ &e.title }</a>
                                </h2>
                                if let Some(d) = &e.date {
                                    <time datetime={d.clone()}>{ d }</time>
                                }
                                if let Some(s) = &e.summary {
                                    <p class="article-list-summary">{ s }</p>
                                }
                            </li>
                        }
                    </ul>
                }
            </main>
        </div>
    }
}
