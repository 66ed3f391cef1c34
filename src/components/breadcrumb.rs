//! The breadcrumb trail (当前位置).

use std::rc::Rc;

use article::{safe_url, Link};
use yew::prelude::*;

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
                        } else if let Some(href) = c.url.as_deref().and_then(|u| safe_url(u).ok()) {
                            <a href={href.as_str().to_owned()} rel="noopener noreferrer">{ &c.name }</a>
                        } else {
                            <span>{ &c.name }</span>
                        }
                    </li>
                }
            </ol>
        </nav>
    }
}
