//! The whole article page: breadcrumb, reader chrome, TOC, title, byline, reading
//! time, body, notes, disclaimer. Presentational: the reader state arrives through
//! props (see `Reader`), so the same layout renders without it.

use std::rc::Rc;

use article::{build_toc, Article, Attachment, Link};
use yew::prelude::*;

use super::{
    article_footer, article_nav, breadcrumb, byline, disclaimer, external_link, mark_current,
    reading_meta, table_of_contents, ArticleBody, TableOfContentsProps,
};
use crate::hooks::use_latest_callback;
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
    // Stable callbacks, so the body and the TOC lists never re-render for them.
    let on_navigate = use_latest_callback(props.on_navigate.clone());
    let on_copy_link = use_latest_callback(props.on_copy_link.clone());
    let nav = use_node_ref();
    {
        let nav = nav.clone();
        use_effect_with(
            (props.current_section.clone(), toc.clone()),
            move |(current, _)| mark_current(&nav, current.as_deref()),
        );
    }
    let site = a.site.as_ref().map(|s| s.name.clone());
    html! {
        <div class={classes!("article-viewer", props.class.clone())} lang={a.lang.clone()}
            ref={props.root_ref.clone()}>
            <a class="skip-link" href="#av-content">{ "跳到正文" }</a>
            if let Some(site) = site {
                <header class="site-header"><p class="site-name">{ site }</p></header>
            }
            if !a.breadcrumb.is_empty() {
                { breadcrumb(&crumbs) }
            }
            { props.toolbar.clone() }
            <div class="layout">
                if opts.show_toc && !toc.entries.is_empty() {
                    { table_of_contents(&TableOfContentsProps { toc: toc.clone(), open: props.toc_open,
                        on_navigate, on_close: props.on_close_toc.clone(), nav }) }
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
                            { byline(a) }
                            { reading_meta(a) }
                        </header>
                        <ArticleBody article={a.clone()} toc={toc.clone()} {on_copy_link} />
                        { article_footer(a) }
                        if !a.attachments.is_empty() {
                            <section class="attachments" aria-labelledby="av-attachments-title">
                                <h2 id="av-attachments-title">{ "附件" }</h2>
                                <ul>{ for a.attachments.iter().filter_map(attachment) }</ul>
                            </section>
                        }
                        if let Some(l) = links {
                            { article_nav(&l.base, &l.prev, &l.next) }
                        }
                    </article>
                    if let Some(d) = &a.disclaimer {
                        { disclaimer(d) }
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

/// One attachment: its link, then file type and size (`PDF，1.2 MB`). An unsafe URL
/// (validation refuses it anyway) is never linked.
fn attachment(x: &Attachment) -> Option<Html> {
    let link = external_link(Some(&x.url), Some(html! { { &x.name } }))?;
    // In units of 1,024 bytes, as portals print sizes (364,544 B is 356 KB). Integer
    // arithmetic only: float formatting would add about 10 KB to the wasm.
    let size = x.size.map(|b| {
        let kb = (b + 512) / 1024;
        let tenths = (b * 10 + (1 << 19)) >> 20;
        match b {
            0..1024 => format!("{b} B"),
            _ if kb < 1000 => format!("{kb} KB"),
            _ => format!("{}.{} MB", tenths / 10, tenths % 10),
        }
    });
    let meta: Vec<String> = x
        .kind
        .iter()
        .map(|k| k.to_ascii_uppercase())
        .chain(size)
        .collect();
    Some(html! {
        <li>
            { link }
            if !meta.is_empty() { <span class="attachment-meta">{ format!("（{}）", meta.join("，")) }</span> }
        </li>
    })
}
