//! Inline content: text nodes, emphasis, and links that passed the URL allowlist.

use article::{Inline, Span};
use yew::prelude::*;

use super::external_link;

/// Renders inline content as text nodes; a link whose URL is refused becomes text.
/// A plain function, not a component: a long article has tens of thousands of
/// paragraphs, and none of them needs state or hooks.
pub fn inline_text(text: &Inline) -> Html {
    match text {
        Inline::Text(t) => html! { { t } },
        Inline::Spans(spans) => spans.iter().map(render_span).collect(),
    }
}

fn render_span(s: &Span) -> Html {
    match s {
        Span::Text(t) => html! { { t } },
        Span::Styled {
            text,
            emphasis,
            strong,
            href,
        } => {
            let mut node = html! { { text } };
            if *strong {
                node = html! { <strong>{ node }</strong> };
            }
            if *emphasis {
                node = html! { <em>{ node }</em> };
            }
            external_link(href.as_deref(), Some(node.clone())).unwrap_or(node)
        }
    }
}
