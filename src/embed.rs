//! The embed entry points, exported from the same wasm as the standalone page:
//! `embed.js` calls [`mount`] once per `<div data-article-src>` (inside the
//! element's shadow root) and [`Viewer::destroy`] when the element leaves the page.

use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::prelude::*;
use yew::AppHandle;

use crate::options::ViewerOptions;
use crate::route::current_hash;
use crate::shell::ArticleRoute;

/// Set by `embed.js` before the wasm starts, so `main` does not take over the
/// host page's `<body>`.
const EMBED_FLAG: &str = "__articleViewerEmbed";

/// Whether the wasm was loaded by `embed.js` rather than the viewer's own page.
pub fn loaded_by_embed() -> bool {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str(EMBED_FLAG))
        .is_ok_and(|v| v.is_truthy())
}

/// Properties of [`EmbeddedViewer`].
#[derive(Properties, PartialEq)]
pub struct EmbeddedViewerProps {
    /// The article JSON URL.
    pub src: AttrValue,
    /// How this viewer lives in the host page.
    pub options: ViewerOptions,
    /// A section named by the host page's hash (`#<prefix><section>`), if any.
    #[prop_or_default]
    pub section: Option<AttrValue>,
}

/// One embedded viewer.
#[component]
pub fn EmbeddedViewer(props: &EmbeddedViewerProps) -> Html {
    html! {
        <ContextProvider<ViewerOptions> context={props.options.clone()}>
            <ArticleRoute src={Some(props.src.clone())} section={props.section.clone()} />
        </ContextProvider<ViewerOptions>>
    }
}

/// A mounted viewer; [`Viewer::destroy`] tears it down.
#[wasm_bindgen]
pub struct Viewer {
    app: Option<AppHandle<EmbeddedViewer>>,
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
        index_url: Some(format!("{base}articles/index.json").into()),
        link_base: Some(base.into()),
        scope: Some(container.clone()),
    };
    let props = EmbeddedViewerProps {
        src: src.into(),
        options,
        section,
    };
    let app = yew::Renderer::<EmbeddedViewer>::with_root_and_props(container, props).render();
    Viewer { app: Some(app) }
}
