//! How a viewer instance lives in its page, passed down as context so the
//! presentational components need no new required props: the standalone page, an
//! embedded viewer and the iframe page differ only here.

use std::rc::Rc;

use article::IndexEntry;
use yew::prelude::*;

/// Per-viewer settings. The default is the viewer's own page: no prefix, the TOC
/// shown, no in-app links or index until the root sets them.
#[derive(Clone, Debug, PartialEq)]
pub struct ViewerOptions {
    /// Prepended to every section id, so two viewers on one page and the host's own
    /// ids and router never collide (`av1-` gives `av1-sec-3`). Empty on the
    /// standalone page, where `#sec-3` links keep working as they are.
    pub id_prefix: AttrValue,
    /// Whether the table of contents is shown (`data-toc="off"` hides it).
    pub show_toc: bool,
    /// Base of in-app links (`{base}#/list/…`, `{base}#/a/…`): empty on the
    /// standalone page, the viewer's own URL when embedded. `None`: no such links.
    pub link_base: Option<AttrValue>,
    /// Where the article index is, for previous/next links. `None`: no index.
    pub index_url: Option<AttrValue>,
    /// The element the viewer is mounted in when embedded: section ids are looked up
    /// inside it (a shadow root is not reachable through `document`). `None` on a
    /// page of its own.
    pub scope: Option<web_sys::Element>,
    /// Previous/next links of the article being shown, once the index is in.
    pub links: Option<ArticleLinks>,
}

impl Default for ViewerOptions {
    fn default() -> Self {
        ViewerOptions {
            id_prefix: AttrValue::default(),
            show_toc: true,
            link_base: None,
            index_url: None,
            scope: None,
            links: None,
        }
    }
}

impl ViewerOptions {
    /// Whether the viewer owns its document (title, meta, JSON-LD, URL hash).
    pub fn owns_document(&self) -> bool {
        self.scope.is_none()
    }
}

/// Previous and next articles of the article being shown, from the index.
#[derive(Clone, Debug, PartialEq)]
pub struct ArticleLinks {
    /// Base of the links, as [`ViewerOptions::link_base`].
    pub base: AttrValue,
    /// The newer article in the same column (上一篇).
    pub prev: Option<Rc<IndexEntry>>,
    /// The older article in the same column (下一篇).
    pub next: Option<Rc<IndexEntry>>,
}
