//! 上次读到: the offer to continue where the reader left the article on an earlier visit.

use yew::prelude::*;

use crate::hooks::PlaceOffer;

/// The section last read, with 继续阅读 and 关闭, in the page flow under the toolbar.
pub(crate) fn resume_offer(o: PlaceOffer) -> Html {
    html! {
        <section class="resume" aria-label="继续阅读">
            <p>{ "上次读到\u{ff1a}" }<strong>{ o.heading }</strong></p>
            <button type="button" onclick={o.resume}>{ "继续阅读" }</button>
            <button type="button" onclick={o.dismiss}>{ "关闭" }</button>
        </section>
    }
}
