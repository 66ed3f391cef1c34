//! The article footer: source note, author note, original link.

use article::Article;
use yew::prelude::*;

use super::external_link;

/// 来源 / 作者 notes and 原文链接; the link is plain text when its URL is refused.
pub fn article_footer(a: &Article) -> Html {
    if a.source_note.is_none() && a.author_note.is_none() && a.original_url.is_none() {
        return Html::default();
    }
    html! {
        <footer class="article-footer">
            if let Some(s) = &a.source_note {
                <p class="source-note">{ "来源：" }{ s }</p>
            }
            if let Some(n) = &a.author_note {
                <p class="author-note">{ "作者：" }{ n }</p>
            }
            if let Some(u) = &a.original_url {
                <p class="original-link">
                    { "原文链接：" }
                    if let Some(link) = external_link(Some(u), None) {
                        { link }
                    } else {
                        <span>{ u }</span>
                    }
                </p>
            }
        </footer>
    }
}
