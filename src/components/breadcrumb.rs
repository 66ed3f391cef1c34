//! The breadcrumb trail (当前位置).

use std::rc::Rc;

use article::Link;
use yew::prelude::*;

use super::external_link;

/// Properties of [`Breadcrumb`].
#[derive(Properties, PartialEq)]
pub struct BreadcrumbProps {
    /// Steps, outermost first; the last is the current page.
    pub items: Rc<[Link]>,
}

/// `nav` landmark labelled 当前位置 with an ordered list; the last item is the page.
#[component]
pub fn Breadcrumb(props: &BreadcrumbProps) -> Html {
    let last = props.items.len().saturating_sub(1);
    html! {
        <nav class="breadcrumb" aria-label="当前位置">
            <ol>
                for (i, c) in props.items.iter().enumerate() {
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
