//! The article index for a page: the one the page rendered at build time carries, read
//! once and shown in the first render, or else fetched with [`use_load`].

use article::ArticleIndex;
use yew::prelude::*;

use super::{use_load, Load};
use crate::api::fetch_index;
use crate::browser::handover;
use crate::components::error_message;

/// Which index a page wants, and so which data block of the page can stand for it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum IndexUse {
    /// Previous and next beside an article the page carries (`src` unset). Only the
    /// links are lost without it, so a failure goes to the console, not the reader.
    Neighbours,
    /// Previous and next beside an article from `src`: the page's block is another's.
    NeighboursOfSrc,
    /// A list page, which shows a failure with its retry.
    List,
}

/// The index for `usage`: carried by the page, or loaded from `url` (`None`: nothing
/// to fetch, and the state stays `Loading` unless the page carries one).
#[hook]
pub fn use_index(usage: IndexUse, url: Option<AttrValue>) -> (Load<ArticleIndex>, Callback<()>) {
    let carried = use_memo(usage, |usage| match usage {
        IndexUse::Neighbours => handover::page_neighbours(),
        IndexUse::NeighboursOfSrc => None,
        IndexUse::List => handover::page_index(),
    });
    let url = url.filter(|_| carried.is_none());
    let initial = move || (*carried).clone().map_or(Load::Loading, Load::Ready);
    let quiet = usage != IndexUse::List;
    use_load(url, initial, move |url| async move {
        fetch_index(&url).await.inspect_err(|f| {
            if quiet {
                let message = error_message(&f.error, f.english);
                web_sys::console::warn_1(&format!("文章索引 {url} 无法使用：{message}").into());
            }
        })
    })
}
