//! The breadcrumb trail (当前位置).

use article::Link;
use yew::prelude::*;

use super::external_link;

/// `nav` landmark labelled 当前位置 with an ordered list of `items`, outermost
/// first; the last item is the page.
pub fn breadcrumb(items: &[Link]) -> Html {
    let last = items.len().saturating_sub(1);
    html! {
        <nav class="breadcrumb" aria-label="当前位置">
            <ol>
                for (i, c) in items.iter().enumerate() {
                    <li key={i}>
                        if i == last {
                            <span aria-current="page">{ &c.name }</span>
                        } else if let Some(link) = external_link(c.url.as_deref(), Some(html! { { &c.name } })) {
                            { link }
                        } else {
                            <span>{ &c.name }</span>
                        }
                    </li>
                }
            </ol>
        </nav>
    }
}
