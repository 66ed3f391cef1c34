//! The byline: publish time, authors, source.

use article::Article;
use yew::prelude::*;

use super::external_link;

/// 发布时间 / 作者 / 来源, each only when present.
pub fn byline(a: &Article) -> Html {
    let authors = a
        .authors
        .iter()
        .map(|au| au.name.as_str())
        .collect::<Vec<_>>()
        .join("、");
    html! {
        <p class="byline">
            if let Some(p) = &a.published {
                <span class="byline-item">
                    { "发布时间：" }
                    <time datetime={p.clone()}>{ display_datetime(p) }</time>
                </span>
            }
            if !authors.is_empty() {
                <span class="byline-item">{ "作者：" }<span class="author">{ authors }</span></span>
            }
            if let Some(s) = &a.source {
                <span class="byline-item">
                    { "来源：" }
                    if let Some(link) = external_link(s.url.as_deref(), Some(html! { { &s.name } })) {
                        { link }
                    } else {
                        <span class="source">{ &s.name }</span>
                    }
                </span>
            }
        </p>
    }
}

/// `2024-05-19T16:37:00+08:00` → `2024-05-19 16:37`, as portals print it.
fn display_datetime(iso: &str) -> String {
    match (iso.get(..10), iso.get(11..16)) {
        (Some(d), Some(t)) => format!("{d} {t}"),
        _ => iso.to_owned(),
    }
}
