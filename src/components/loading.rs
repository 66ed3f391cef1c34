//! The loading status.

use yew::prelude::*;

/// A polite live status while the article loads.
pub fn loading() -> Html {
    html! {
        <p class="loading" role="status" aria-live="polite">{ "正在加载文章…" }</p>
    }
}
