//! The root component and the one container that loads an article.

use std::rc::Rc;

use article::{parse_article, Article};
use yew::prelude::*;

use crate::api::{fetch_article, FetchError};
use crate::components::{ErrorView, Loading};
use crate::dom;
use crate::reader::Reader;

/// The seed article, imported from the reference portal page by `article-cli import`
/// and shipped inside the wasm so the default view needs no second request.
pub const DEFAULT_ARTICLE: &str = include_str!("../articles/a-000_69da94d2f4a4bc00.json");

/// The app: shows the article named by `?src=`, or the embedded default.
#[component]
pub fn App() -> Html {
    // Read once: the query does not change without a page load.
    let src = use_memo((), |()| dom::query_src().map(AttrValue::from));
    html! {
        <ArticlePage src={(*src).clone()} />
    }
}

/// Properties of [`ArticlePage`].
#[derive(Properties, PartialEq)]
pub struct ArticlePageProps {
    /// URL of the article JSON; `None` shows the embedded default.
    #[prop_or_default]
    pub src: Option<AttrValue>,
}

#[derive(Clone, PartialEq)]
enum Load {
    Loading,
    Ready(Rc<Article>),
    Failed(FetchError),
}

fn embedded() -> Load {
    match parse_article(DEFAULT_ARTICLE.as_bytes()) {
        Ok(a) => Load::Ready(Rc::new(a)),
        Err(e) => Load::Failed(FetchError::Load(e)),
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
        use_effect_with((props.src.clone(), *attempt), move |(src, _)| {
            if let Some(src) = src.clone() {
                state.set(Load::Loading);
                wasm_bindgen_futures::spawn_local(async move {
                    state.set(match fetch_article(&src).await {
                        Ok(a) => Load::Ready(Rc::new(a)),
                        Err(e) => Load::Failed(e),
                    });
                });
            }
        });
    }

    {
        let ready = match &*state {
            Load::Ready(a) => Some(a.clone()),
            _ => None,
        };
        use_effect_with(ready, |ready| {
            if let Some(a) = ready {
                dom::set_document_meta(&a.title, &a.lang);
                dom::scroll_to_hash();
            }
        });
    }

    let on_retry = {
        let attempt = attempt.clone();
        Callback::from(move |_| attempt.set(*attempt + 1))
    };

    match &*state {
        Load::Loading => html! { <Loading /> },
        Load::Ready(a) => html! { <Reader article={a.clone()} /> },
        Load::Failed(e) => html! {
            <ErrorView error={e.clone()} source={props.src.clone()} {on_retry} />
        },
    }
}
