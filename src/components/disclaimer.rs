//! The disclaimer (免责声明) in its own labelled region.

use yew::prelude::*;

/// A `region` landmark labelled 免责声明 with `text`, the disclaimer without its label.
pub fn disclaimer(text: &str) -> Html {
    html! {
        <section class="disclaimer" aria-labelledby="av-disclaimer-title">
            <h2 id="av-disclaimer-title" class="disclaimer-title">{ "免责声明" }</h2>
            <p>{ text }</p>
        </section>
    }
}
