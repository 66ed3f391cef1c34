//! The disclaimer (免责声明) in its own labelled region.

use yew::prelude::*;

/// Properties of [`Disclaimer`].
#[derive(Properties, PartialEq)]
pub struct DisclaimerProps {
    /// The disclaimer text, without its label.
    pub text: AttrValue,
}

/// A `region` landmark labelled 免责声明.
#[component]
pub fn Disclaimer(props: &DisclaimerProps) -> Html {
    html! {
        <section class="disclaimer" aria-labelledby="av-disclaimer-title">
            <h2 id="av-disclaimer-title" class="disclaimer-title">{ "免责声明" }</h2>
            <p>{ &props.text }</p>
        </section>
    }
}
