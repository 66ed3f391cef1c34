//! A callback that stays the same across renders and calls whatever the caller passed
//! last, so a component can skip re-rendering a large subtree when only its parent's
//! closures changed.

use yew::prelude::*;

/// `Some` stable callback while `cb` is `Some`; calling it calls the latest `cb`.
/// It changes only when `cb` switches between `None` and `Some`.
#[hook]
pub fn use_latest_callback<T: 'static>(cb: Option<Callback<T>>) -> Option<Callback<T>> {
    let has = cb.is_some();
    let latest = use_mut_ref(|| None::<Callback<T>>);
    *latest.borrow_mut() = cb;
    let stable = use_memo(has, |has| {
        has.then(|| {
            let latest = latest.clone();
            Callback::from(move |value: T| {
                let cb = latest.borrow().clone();
                if let Some(cb) = cb {
                    cb.emit(value);
                }
            })
        })
    });
    (*stable).clone()
}
