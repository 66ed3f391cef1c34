//! The embed entry points, exported from the same wasm as the standalone page:
//! `embed.js` calls [`mount`] once per `<div data-article-src>` (inside the
//! element's shadow root) and [`Viewer::destroy`] when the element leaves the page.

use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::{AppHandle, AttrValue};

use crate::app::{App, AppProps, Embed};
use crate::browser::dom::current_hash;
use crate::options::ViewerOptions;

/// Set by `embed.js` before the wasm starts, so `main` does not take over the
/// host page's `<body>`.
const EMBED_FLAG: &str = "__articleViewerEmbed";

/// Whether the wasm was loaded by `embed.js` rather than the viewer's own page.
pub fn loaded_by_embed() -> bool {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str(EMBED_FLAG))
        .is_ok_and(|v| v.is_truthy())
}

/// A mounted viewer; [`Viewer::destroy`] tears it down.
#[wasm_bindgen]
pub struct Viewer {
    app: Option<AppHandle<App>>,
}

#[wasm_bindgen]
impl Viewer {
    /// Unmounts the viewer: its components, their effects, listeners and observers.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

/// Mounts a viewer for the article at `src` into `container` (an element inside the
/// host element's shadow root). Section ids get `id_prefix` (only ASCII letters,
/// digits, `-` and `_` are kept); `base` is the viewer's own URL, where its list
/// pages, index and standalone article pages live.
#[wasm_bindgen]
pub fn mount(
    container: Element,
    src: String,
    id_prefix: String,
    show_toc: bool,
    base: String,
) -> Viewer {
    let prefix: String = id_prefix
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
        .collect();
    // A host URL like `page.html#av1-sec-3` deep-links into viewer `av1-`.
    let hash = current_hash();
    let section = hash
        .strip_prefix(prefix.as_str())
        .filter(|s| !prefix.is_empty() && !s.is_empty())
        .map(|s| AttrValue::from(s.to_owned()));
    let options = ViewerOptions {
        id_prefix: prefix.into(),
        show_toc,
        index_url: Some(crate::route::index_url(&base).into()),
        link_base: Some(base.into()),
        scope: Some(container.clone()),
        links: None,
    };
    let embed = Embed {
        src: src.into(),
        options,
        section,
    };
    let props = AppProps { embed: Some(embed) };
    let app = yew::Renderer::<App>::with_root_and_props(container, props).render();
    Viewer { app: Some(app) }
}
