//! One load with its states, shared by every container that fetches (the article,
//! the index beside it, the list page): a retry button and, for a transient failure
//! (offline, network, timeout, 5xx), a retry by itself when the browser is back online.

use std::future::Future;
use std::rc::Rc;

use yew::prelude::*;

use crate::api::Failure;
use crate::browser::dom;

/// Where a load stands.
pub enum Load<T> {
    /// Requested, no answer yet.
    Loading,
    /// Loaded.
    Ready(Rc<T>),
    /// Failed; [`use_load`]'s retry callback tries again.
    Failed(Failure),
}

// By hand: derived, `Clone` would ask `T: Clone`, though only the `Rc` is cloned.
impl<T> Clone for Load<T> {
    fn clone(&self) -> Self {
        match self {
            Load::Loading => Load::Loading,
            Load::Ready(v) => Load::Ready(v.clone()),
            Load::Failed(f) => Load::Failed(f.clone()),
        }
    }
}

/// Loads `url` with `fetch`, again whenever `url` changes or the returned callback is
/// called. Without a `url` nothing is fetched and the state is `initial()`.
#[hook]
pub fn use_load<T, I, F, Fut>(
    url: Option<AttrValue>,
    initial: I,
    fetch: F,
) -> (Load<T>, Callback<()>)
where
    T: 'static,
    I: FnOnce() -> Load<T> + 'static,
    F: FnOnce(AttrValue) -> Fut + 'static,
    Fut: Future<Output = Result<T, Failure>> + 'static,
{
    let state = {
        let has_url = url.is_some();
        use_state(move || if has_url { Load::Loading } else { initial() })
    };
    let attempt = use_state(|| 0u32);
    {
        let state = state.clone();
        use_effect_with((url, *attempt), move |(url, _)| {
            if let Some(url) = url.clone() {
                state.set(Load::Loading);
                wasm_bindgen_futures::spawn_local(async move {
                    state.set(match fetch(url).await {
                        Ok(v) => Load::Ready(Rc::new(v)),
                        Err(f) => Load::Failed(f),
                    });
                });
            }
        });
    }
    let retry = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(*attempt + 1))
    };
    {
        let waiting = matches!(&*state, Load::Failed(f) if f.error.is_transient());
        let retry = retry.clone();
        use_effect_with(waiting, move |waiting| {
            let listener = waiting.then(|| dom::on_window_event("online", move || retry.emit(())));
            move || drop(listener)
        });
    }
    ((*state).clone(), retry)
}
