//! The route in the page's hash, followed as it changes.

use yew::prelude::*;

use crate::browser::dom;
use crate::route::{parse, Route};

/// The current route, following `hashchange` (so back and forward work). A hash
/// that is only a section anchor keeps the route it came from; an empty hash is
/// no route. When not `enabled` (an embedded viewer: the hash is the host's), there
/// is no route and no listener.
#[hook]
pub fn use_route(enabled: bool) -> Option<Route> {
    let route = use_state_eq(|| enabled.then(|| parse(&dom::current_hash())).flatten());
    {
        let route = route.clone();
        use_effect_with(enabled, move |&enabled| {
            let listener = enabled.then(|| {
                dom::on_window_event("hashchange", move || {
                    let hash = dom::current_hash();
                    match parse(&hash) {
                        Some(r) => route.set(Some(r)),
                        None if hash.is_empty() => route.set(None),
                        None => {}
                    }
                })
            });
            move || drop(listener)
        });
    }
    (*route).clone()
}
