//! One article with previous/next links from the index, structured data when the
//! viewer owns the page, the scroll to a routed section, and section links that work
//! inside a shadow root.

use std::rc::Rc;

use article::Article;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use crate::api::FetchOptions;
use crate::article_page::ArticlePage;
use crate::browser::{dom, handover};
use crate::components::crumbs_with_list_links;
use crate::hooks::{use_index, IndexUse, Load};
use crate::options::{ArticleLinks, ViewerOptions};
use crate::structured_data;

/// Properties of [`ArticleRoute`].
#[derive(Properties, PartialEq)]
pub struct ArticleRouteProps {
    /// The article JSON; `None` is the article the page carries.
    #[prop_or_default]
    pub src: Option<AttrValue>,
    /// The article id when shown through its route (`a/<id>/`): a new id starts at
    /// the top.
    #[prop_or_default]
    pub route_id: Option<AttrValue>,
    /// The section (id without prefix) to scroll to once the article is shown.
    #[prop_or_default]
    pub section: Option<AttrValue>,
}

/// One article with previous/next links from the index, structured data when the
/// viewer owns the page, and section links that work inside a shadow root or a route.
#[component]
pub fn ArticleRoute(props: &ArticleRouteProps) -> Html {
    let opts = use_context::<ViewerOptions>().unwrap_or_default();
    let ready = use_state(|| None::<Rc<Article>>);
    // On the viewer's own page `?timeout=5` (seconds) changes the 15 s default and
    // `?maxmb=20` the 5 MB size cap (for very long articles).
    let fetch_options = use_memo(opts.owns_document(), |owns| {
        let mut o = FetchOptions::default();
        let param = |name: &str| {
            owns.then(|| dom::query_param(name))
                .flatten()
                .and_then(|t| t.parse::<u32>().ok())
        };
        if let Some(s) = param("timeout") {
            o.timeout_ms = s.clamp(1, 600) * 1000;
        }
        if let Some(mb) = param("maxmb") {
            o.max_bytes = mb.clamp(1, 100) as usize * 1024 * 1024;
        }
        o
    });

    // The article is still worth showing without the index: only its neighbours are
    // lost. The page's own article (no `src`) comes with its neighbours, so the links
    // are in the first render, as on the page rendered at build time.
    let own = props.src.is_none();
    let usage = if own {
        IndexUse::Neighbours
    } else {
        IndexUse::NeighboursOfSrc
    };
    let (index, _) = use_index(usage, opts.index_url.clone());

    // Another article opened in place (上一篇 / 下一篇, a list link): it starts at its top,
    // not at the offset the reader had reached in the previous one. A section in the
    // route (a deep link, or back to where the reader was) lands there instead, below.
    // On the first start, the page's article was already on screen, rendered at build
    // time (crates/site): the reader stays where they were in it, scrolled and focused,
    // and a section in the URL needs no landing (the browser landed there). In the
    // first effects, not once `ready` is set: Yew may yield to the browser in between.
    let handed_over = use_mut_ref(|| false);
    {
        let owns = opts.owns_document();
        let top = owns && props.section.is_none();
        let handed_over = handed_over.clone();
        use_effect_with(props.route_id.clone(), move |_| {
            if owns && handover::restore_reader_place() {
                *handed_over.borrow_mut() = true;
            } else if top {
                dom::jump_to(0.0, 0.0);
            }
        });
    }

    {
        let opts = opts.clone();
        let handed_over = handed_over.clone();
        use_effect_with(
            ((*ready).clone(), props.section.clone()),
            move |(ready, section)| {
                let Some(a) = ready else { return };
                if opts.owns_document() {
                    publish_metadata(a, opts.link_base.as_deref());
                }
                // Not `||`: the place's flag is taken either way.
                let landed = std::mem::take(&mut *handed_over.borrow_mut())
                    | crate::hooks::returned_to_place();
                if let Some(s) = section.as_ref().filter(|_| !landed) {
                    // Landing on a route: at once, so no later layout or focus change can cut
                    // a smooth scroll short.
                    scroll_to_id(
                        opts.scope.as_ref(),
                        &format!("{}{s}", opts.id_prefix),
                        false,
                    );
                }
            },
        );
    }

    // Before ArticlePage reports it ready, the page's own article is already known.
    let shown = (*ready).clone().or_else(|| {
        own.then(|| handover::page_article().and_then(Result::ok))
            .flatten()
    });
    let links = match (&index, &shown, &opts.link_base) {
        (Load::Ready(index), Some(a), Some(base)) => {
            let (prev, next) = index.neighbours(&a.id);
            Some(ArticleLinks {
                base: base.clone(),
                prev: prev.cloned().map(Rc::new),
                next: next.cloned().map(Rc::new),
            })
        }
        _ => None,
    };

    let on_ready = {
        let ready = ready.clone();
        Callback::from(move |a: Rc<Article>| ready.set(Some(a)))
    };
    let onclick = {
        let scope = opts.scope.clone();
        Callback::from(move |e: MouseEvent| on_anchor_click(&e, scope.as_ref()))
    };
    let inner = ViewerOptions { links, ..opts };
    html! {
        <div class="av-scope" {onclick}>
            <ContextProvider<ViewerOptions> context={inner}>
                <ArticlePage src={props.src.clone()} {on_ready} options={*fetch_options} />
            </ContextProvider<ViewerOptions>>
        </div>
    }
}

/// Section links (`#sec-3`) inside a shadow root: the browser cannot find their
/// targets there. On the viewer's own page they are plain anchors; every other link
/// keeps its default behaviour.
fn on_anchor_click(e: &MouseEvent, scope: Option<&Element>) {
    if e.default_prevented() || e.button() != 0 || e.ctrl_key() || e.meta_key() || e.shift_key() {
        return;
    }
    let Some(link) = e
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|t| t.closest("a[href^='#']").ok().flatten())
    else {
        return;
    };
    let href = link.get_attribute("href").unwrap_or_default();
    let target = &href[1..];
    if target.is_empty() || target.starts_with('/') {
        return;
    }
    if scope.is_some() {
        e.prevent_default();
        scroll_to_id(scope, target, true);
    }
}

/// Scrolls to the element with `id`, looked up inside `scope` when embedded.
/// The skip link's target (`av-content`) also gets focus.
pub(crate) fn scroll_to_id(scope: Option<&Element>, id: &str, smooth: bool) {
    // Ids are ASCII letters, digits, `-` and `_` (validated), so the selector is safe.
    let el = match scope {
        Some(s) => s.query_selector(&format!("[id=\"{id}\"]")).ok().flatten(),
        None => dom::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id)),
    };
    let Some(el) = el else { return };
    dom::scroll_to_element(&el, web_sys::ScrollLogicalPosition::Start, smooth);
    if el.has_attribute("tabindex") {
        dom::focus_quietly(&el);
    }
}

/// JSON-LD, meta description and canonical link for the article on this page.
fn publish_metadata(a: &Article, link_base: Option<&str>) {
    let Some(href) = dom::window().and_then(|w| w.location().href().ok()) else {
        return;
    };
    let resolve = |u: &str| web_sys::Url::new_with_base(u, &href).ok().map(|u| u.href());
    let crumbs: Vec<Option<String>> = crumbs_with_list_links(a, link_base)
        .iter()
        .map(|c| c.url.as_deref().and_then(resolve))
        .collect();
    structured_data::apply(a, &href, &crumbs);
}
