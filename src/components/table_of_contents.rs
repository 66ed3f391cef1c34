//! The section table of contents (目录).

use std::rc::Rc;

use article::Toc;
use yew::prelude::*;

/// Properties of [`TableOfContents`].
#[derive(Properties, PartialEq)]
pub struct TableOfContentsProps {
    /// Entries built by [`article::build_toc`].
    pub toc: Rc<Toc>,
}

/// `nav` landmark labelled 目录, one link per section heading.
#[component]
pub fn TableOfContents(props: &TableOfContentsProps) -> Html {
    html! {
        <nav class="table-of-contents" aria-labelledby="av-toc-title">
            <h2 id="av-toc-title" class="toc-title">{ "目录" }</h2>
            <ol class="toc-list">
                for e in props.toc.entries.iter() {
                    <li key={e.id.clone()} class={classes!("toc-item", format!("toc-level-{}", e.level.min(4)))}>
                        <a href={format!("#{}", e.id)}>
                            <span class="toc-number" aria-hidden="true">{ format!("{}.", e.number) }</span>
                            <span class="toc-text">{ &e.title }</span>
                        </a>
                    </li>
                }
            </ol>
        </nav>
    }
}
