//! The reading-progress bar: `role="progressbar"`, a thin bar under the toolbar.
//! `hooks::use_reading_progress` moves its `aria-valuenow` as the reader scrolls;
//! the visible bar is a CSS scroll-driven animation.

use yew::prelude::*;

/// The bar, with the ref `hooks::use_reading_progress` returned.
pub fn reading_progress(node: NodeRef) -> Html {
    html! {
        <div class="reading-progress" role="progressbar" aria-label="阅读进度"
            aria-valuemin="0" aria-valuemax="100" aria-valuenow="0" ref={node}>
            <div class="reading-progress-bar"></div>
        </div>
    }
}
