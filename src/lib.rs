//! The article viewer: a Yew single-page app that fetches article JSON, validates it
//! with the `article` core and renders it. Article text reaches the DOM only as text
//! nodes, and every URL passes [`article::safe_url`] first.

mod api;
mod app;
pub mod components;
mod dom;
pub mod embed;
mod handover;
pub mod hooks;
pub mod options;
mod panic;
pub mod place;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
mod qr;
mod reader;
pub mod route;
pub mod shell;
pub mod state;
pub mod structured_data;

pub use api::{fetch_article_with, fetch_index, Failure, FetchError, FetchOptions};
pub use app::{ArticlePage, ArticlePageProps, DEFAULT_ARTICLE};
pub use handover::take_prerendered_page;
pub use panic::{install_panic_hook, show_fatal, show_fatal_in};
pub use reader::{Reader, ReaderProps};
pub use shell::{App, AppProps, Embed};

/// The id of the element in `index.html` holding the page rendered at build time.
pub const PRERENDER_ID: &str = "av-prerender";
