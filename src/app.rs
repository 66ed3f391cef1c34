//! The one container that loads an article.

use std::rc::Rc;

use article::{parse_article, Article};
use yew::prelude::*;

use crate::api::{fetch_article_with, Failure, FetchError, FetchOptions};
use crate::components::{ArticleView, ErrorView, Loading};
use crate::dom;
use crate::hooks::use_scroll_spy;
use crate::options::ViewerOptions;
use crate::reader::Reader;

/// The seed article, imported from the reference portal page by `article-cli import`
/// and shipped inside the wasm so the default view needs no second request.
pub const DEFAULT_ARTICLE: &str = include_str!("../articles/a-000_69da94d2f4a4bc00.json");

/// Properties of [`ArticlePage`].
#[derive(Properties, PartialEq)]
pub struct ArticlePageProps {
    /// URL of the article JSON; `None` shows the embedded default.
    #[prop_or_default]
    pub src: Option<AttrValue>,
    /// Called with the article once it is rendered.
    #[prop_or_default]
    pub on_ready: Callback<Rc<Article>>,
    /// Time, size and retry limits for the fetch.
    #[prop_or_default]
    pub options: FetchOptions,
}

#[derive(Clone, PartialEq)]
enum Load {
    Loading,
    Ready(Rc<Article>),
    Failed(Failure),
}

fn embedded() -> Load {
    match parse_article(DEFAULT_ARTICLE.as_bytes()) {
        Ok(a) => Load::Ready(Rc::new(a)),
        Err(e) => Load::Failed(Failure {
            error: FetchError::Load(e),
            english: false,
        }),
    }
}

/// Loads the article (from `src` or the embedded default) and renders it, a loading
/// status, or an error with a retry button.
#[component]
pub fn ArticlePage(props: &ArticlePageProps) -> Html {
    let state = {
        let has_src = props.src.is_some();
        use_state(move || if has_src { Load::Loading } else { embedded() })
    };
    let attempt = use_state(|| 0u32);

    {
        let state = state.clone();
        let options = props.options;
        use_effect_with((props.src.clone(), *attempt), move |(src, _)| {
            if let Some(src) = src.clone() {
                state.set(Load::Loading);
                wasm_bindgen_futures::spawn_local(async move {
                    state.set(match fetch_article_with(&src, &options).await {
                        Ok(a) => Load::Ready(Rc::new(a)),
                        Err(f) => Load::Failed(f),
                    });
                });
            }
        });
    }

    // A transient failure (offline, network, timeout, 5xx) retries by itself when
    // the browser comes back online.
    {
        let waiting = matches!(&*state, Load::Failed(f) if f.error.is_transient());
        let attempt = attempt.clone();
        use_effect_with(waiting, move |waiting| {
            let listener =
                waiting.then(|| dom::on_window_event("online", move || attempt.set(*attempt + 1)));
            move || drop(listener)
        });
    }

    // An embedded viewer leaves the host's title, lang and hash alone.
    let owns_document = use_context::<ViewerOptions>().is_none_or(|o| o.owns_document());
    {
        let ready = match &*state {
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

    let on_retry = {
        let attempt = attempt.clone();
        Callback::from(move |_| attempt.set(*attempt + 1))
    };

    match &*state {
        Load::Loading => html! { <Loading /> },
        // The reading tools (toolbar, shortcuts, prefs on <html>, the hash) act on the
        // whole document, so they belong to the viewer's own page; an embedded viewer
        // shows the article with its scroll-spy only, and leaves the host page's keys,
        // URL and <html> alone.
        Load::Ready(a) if owns_document => html! { <Reader article={a.clone()} /> },
        Load::Ready(a) => html! { <EmbeddedArticle article={a.clone()} /> },
        Load::Failed(f) => html! {
            <ErrorView error={f.error.clone()} english={f.english} source={props.src.clone()} {on_retry} />
        },
    }
}

/// Properties of [`EmbeddedArticle`].
#[derive(Properties, PartialEq)]
struct EmbeddedArticleProps {
    article: Rc<Article>,
}

/// An article inside a host page: the TOC marks the section being read (ids carry
/// the viewer's prefix), and the host's URL is never touched.
#[component]
fn EmbeddedArticle(props: &EmbeddedArticleProps) -> Html {
    let prefix = use_context::<ViewerOptions>()
        .map(|o| o.id_prefix.clone())
        .unwrap_or_default();
    let root = use_node_ref();
    let ids = use_memo((props.article.clone(), prefix), |(a, prefix)| {
        article::section_ids(a)
            .into_iter()
            .map(|id| format!("{prefix}{id}"))
            .collect::<Rc<[String]>>()
    });
    let spy = use_scroll_spy(root.clone(), (*ids).clone(), false);
    html! {
        <ArticleView article={props.article.clone()} root_ref={root} current_section={spy.current.clone()} />
    }
}
