//! The root ([`App`]): the same component on the viewer's own page and in a host
//! page ([`Embed`]); on its own page it routes the URL hash to a page of `routes`.

use yew::prelude::*;

use crate::browser::dom;
use crate::hooks::use_route;
use crate::options::ViewerOptions;
use crate::route::{self, Route};
use crate::routes::{ArticleRoute, ListRoute};

/// An embedded viewer's settings, given by `embed.js` through [`crate::browser::embed::mount`].
#[derive(Clone, Debug, PartialEq)]
pub struct Embed {
    /// The article JSON URL.
    pub src: AttrValue,
    /// How the viewer lives in the host page.
    pub options: ViewerOptions,
    /// A section named by the host page's hash (`#<prefix><section>`), if any.
    pub section: Option<AttrValue>,
}

/// Properties of [`App`].
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// Set when `embed.js` mounts the viewer into a host page; `None` on the
    /// viewer's own page.
    #[prop_or_default]
    pub embed: Option<Embed>,
}

/// The root, on the viewer's own page or embedded. On its own page: the in-app route
/// (`#/a/<id>`, `#/list/<column>`) if there is one, else the article named by
/// `?src=`, or the embedded default.
#[component]
pub fn App(props: &AppProps) -> Html {
    // One root type for both uses keeps the wasm small. Hooks run in both cases,
    // in the same order.
    let route = use_route(props.embed.is_none());
    // The app scrolls to the section a route names once the article is rendered; the
    // browser's own restoration on back/forward would race it (and scroll an article
    // that is not there yet), so the viewer's own page takes scrolling over.
    use_effect_with(props.embed.is_none(), |owns_page| {
        if *owns_page {
            if let Some(h) = dom::window().and_then(|w| w.history().ok()) {
                let _ = h.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
            }
        }
    });
    // Read once: the query does not change without a page load, and a plain section
    // anchor (`#sec-3`) only matters for the first landing (later clicks scroll by
    // themselves).
    let src = use_memo((), |()| dom::query_src().map(AttrValue::from));
    let anchor = use_memo((), |()| {
        route::section_in_hash(&dom::current_hash()).map(AttrValue::from)
    });
    if let Some(e) = &props.embed {
        return html! {
            <ContextProvider<ViewerOptions> context={e.options.clone()}>
                <ArticleRoute src={Some(e.src.clone())} section={e.section.clone()} />
            </ContextProvider<ViewerOptions>>
        };
    }
    let opts = ViewerOptions {
        link_base: Some(AttrValue::default()),
        index_url: Some(AttrValue::from(route::index_url(""))),
        ..ViewerOptions::default()
    };
    let body = match route {
        Some(Route::List { section }) => html! {
            <ListRoute section={section.map(AttrValue::from)} />
        },
        Some(Route::Article { id, section }) => {
            let src = AttrValue::from(route::article_url(&id));
            let route_id = AttrValue::from(id);
            html! {
                <ArticleRoute
                    key={route_id.to_string()}
                    {src}
                    route_id={route_id.clone()}
                    section={section.map(AttrValue::from)}
                />
            }
        }
        None => html! { <ArticleRoute src={(*src).clone()} section={(*anchor).clone()} /> },
    };
    html! {
        <ContextProvider<ViewerOptions> context={opts}>{ body }</ContextProvider<ViewerOptions>>
    }
}
