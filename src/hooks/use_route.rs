//! The route in the page's address, followed as it changes. Pages have path URLs
//! (`/a/<id>/`, `/list/<column>/`, under the site's base path); a click on a link to
//! one of them moves there in place through the History API (`pushState`), and back
//! and forward (`popstate`) follow. An old hash route (`#/a/<id>/sec-3`,
//! `#/list/…`) is replaced by its path URL, at start and whenever one is typed in.

use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, MouseEvent};
use yew::prelude::*;

use crate::browser::dom;
use crate::route::{self, Route};

/// The current route, following the address. A change of section alone (a TOC
/// link, the scroll-spy) is left to the browser and keeps the route; landing on a
/// section comes with a new page. When not `enabled` (an embedded viewer: the
/// address is the host's), there is no route and no listener.
#[hook]
pub fn use_route(enabled: bool) -> Option<Route> {
    let route = use_state_eq(|| {
        enabled
            .then(|| {
                redirect_hash_route();
                location_route()
            })
            .flatten()
    });
    let now = use_mut_ref(|| (*route).clone());
    *now.borrow_mut() = (*route).clone();
    {
        let route = route.clone();
        use_effect_with(enabled, move |&enabled| {
            let listeners = enabled.then(dom::window).flatten().map(|w| {
                let follow = Rc::new(move |force: bool| {
                    let next = location_route();
                    if force || !same_page(&now.borrow(), &next) {
                        route.set(next);
                    }
                });
                let on_pop = {
                    let follow = follow.clone();
                    dom::on_window_event("popstate", move || follow(false))
                };
                let on_hash = {
                    let follow = follow.clone();
                    dom::on_window_event("hashchange", move || {
                        if route::parse(&dom::current_hash()).is_some() {
                            redirect_hash_route();
                            follow(true);
                        }
                    })
                };
                // On window, after Yew's own handlers (on the body) have had their say.
                // Not passive: it cancels the page load of the links it follows.
                let active = EventListenerOptions::enable_prevent_default();
                let on_click = EventListener::new_with_options(&w, "click", active, move |e| {
                    if let Some(url) = internal_page(e) {
                        e.prevent_default();
                        if let Ok(h) = dom::window().map_or(Err(JsValue::NULL), |w| w.history()) {
                            let _ = h.push_state_with_url(&JsValue::NULL, "", Some(&url));
                            follow(false);
                        }
                    }
                });
                (on_pop, on_hash, on_click)
            });
            move || drop(listeners)
        });
    }
    (*route).clone()
}

/// The route of the page's address.
fn location_route() -> Option<Route> {
    route::route_at(&dom::pathname(), &dom::current_hash(), &dom::base_path())
}

/// Replaces an old hash route in the address by its path URL, in the same history
/// entry.
fn redirect_hash_route() {
    let Some(url) = route::path_for_hash_route(&dom::current_hash(), &dom::base_path()) else {
        return;
    };
    if let Some(h) = dom::window().and_then(|w| w.history().ok()) {
        let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// The same page, whatever section: one article, or one list.
fn same_page(a: &Option<Route>, b: &Option<Route>) -> bool {
    match (a, b) {
        (Some(Route::Article { id: x, .. }), Some(Route::Article { id: y, .. })) => x == y,
        _ => a == b,
    }
}

/// The URL of a plain click on a link to another of the site's pages, which the app
/// shows in place. Modified clicks (new tab, download), other targets and origins,
/// anchors within the page and addresses that are not pages stay the browser's.
fn internal_page(e: &Event) -> Option<String> {
    let m = e.dyn_ref::<MouseEvent>()?;
    if m.default_prevented()
        || m.button() != 0
        || m.ctrl_key()
        || m.meta_key()
        || m.shift_key()
        || m.alt_key()
    {
        return None;
    }
    let a = e
        .target()?
        .dyn_into::<Element>()
        .ok()?
        .closest("a[href]")
        .ok()??;
    if a.has_attribute("download") || a.get_attribute("target").is_some_and(|t| t != "_self") {
        return None;
    }
    let l = dom::window()?.location();
    let url = web_sys::Url::new_with_base(&a.get_attribute("href")?, &l.href().ok()?).ok()?;
    if url.origin() != l.origin().ok()? {
        return None;
    }
    let same_document = url.pathname() == l.pathname().ok()? && url.search() == l.search().ok()?;
    if same_document && !url.hash().is_empty() {
        return None;
    }
    route::parse_path(&route::decode_hash(&url.pathname()), &dom::base_path())?;
    Some(url.href())
}
