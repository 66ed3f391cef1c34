//! The container that loads one article and picks how it is shown: with the reading
//! tools on the viewer's own page ([`Reader`]), or bare inside a host page
//! ([`EmbeddedArticle`]).

use std::rc::Rc;

use article::Article;
use yew::prelude::*;

use crate::api::{fetch_article_with, Failure, FetchError, FetchOptions};
use crate::browser::{dom, handover};
use crate::components::{error_view, loading, ArticleView, ErrorViewProps};
use crate::hooks::{use_load, use_place, use_scroll_spy, Load};
use crate::options::ViewerOptions;
use crate::reader::Reader;

/// Properties of [`ArticlePage`].
#[derive(Properties, PartialEq)]
pub struct ArticlePageProps {
    /// URL of the article JSON; `None` shows the article the page carries.
    #[prop_or_default]
    pub src: Option<AttrValue>,
    /// Called with the article once it is rendered.
    #[prop_or_default]
    pub on_ready: Callback<Rc<Article>>,
    /// Time, size and retry limits for the fetch.
    #[prop_or_default]
    pub options: FetchOptions,
}

/// The article the page carries (the site build's data block), or why not.
fn from_page() -> Load<Article> {
    match handover::page_article() {
        Some(Ok(a)) => Load::Ready(a),
        Some(Err(e)) => Load::Failed(Failure::on_page(FetchError::Load(e))),
        None => Load::Failed(Failure::on_page(FetchError::NotCarried)),
    }
}

/// Loads the article (from `src`, or the one the page carries) and renders it, a loading
/// status, or an error with a retry button.
#[component]
pub fn ArticlePage(props: &ArticlePageProps) -> Html {
    let options = props.options;
    let (state, on_retry) = use_load(props.src.clone(), from_page, move |src| async move {
        fetch_article_with(&src, &options).await
    });

    // An embedded viewer leaves the host's title, lang and hash alone.
    let owns_document = use_context::<ViewerOptions>().is_none_or(|o| o.owns_document());
    {
        let ready = match &state {
            Load::Ready(a) => Some(a.clone()),
            _ => None,
        };
        let on_ready = props.on_ready.clone();
        use_effect_with(ready, move |ready| {
            if let Some(a) = ready {
                if owns_document {
                    dom::set_document_meta(&a.title, &a.lang);
                }
                on_ready.emit(a.clone());
            }
        });
    }

    match state {
        Load::Loading => loading(),
        // The reading tools (toolbar, shortcuts, prefs on <html>, the hash) act on the
        // whole document, so they belong to the viewer's own page; an embedded viewer
        // shows the article with its scroll-spy only, and leaves the host page's keys,
        // URL and <html> alone.
        Load::Ready(article) if owns_document => html! { <Reader {article} /> },
        Load::Ready(article) => html! { <EmbeddedArticle {article} /> },
        Load::Failed(f) => error_view(&ErrorViewProps {
            error: f.error,
            english: f.english,
            source: props.src.clone(),
            on_retry,
        }),
    }
}

/// Properties of [`EmbeddedArticle`].
#[derive(Properties, PartialEq)]
struct EmbeddedArticleProps {
    /// The validated article.
    article: Rc<Article>,
}

/// An article inside a host page: the TOC marks the section being read (ids carry
/// the viewer's prefix), the reader's place is kept, and the host's URL is never
/// touched.
#[component]
fn EmbeddedArticle(props: &EmbeddedArticleProps) -> Html {
    let prefix = use_context::<ViewerOptions>()
        .map(|o| o.id_prefix.clone())
        .unwrap_or_default();
    let root = use_node_ref();
    let ids = use_memo((props.article.clone(), prefix.clone()), |(a, prefix)| {
        article::section_ids(a)
            .into_iter()
            .map(|id| format!("{prefix}{id}"))
            .collect::<Rc<[String]>>()
    });
    let spy = use_scroll_spy(root.clone(), (*ids).clone(), false);
    // Back to the reader's place when the host page is reloaded or returned to; no
    // offer inside a host page.
    let _ = use_place(
        root.clone(),
        AttrValue::from(props.article.id.clone()),
        (*ids).clone(),
        prefix,
        false,
    );
    html! {
        <ArticleView article={props.article.clone()} root_ref={root} current_section={spy.current.clone()} />
    }
}
