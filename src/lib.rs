//! The article viewer: a Yew single-page app that fetches article JSON, validates it
//! with the `article` core and renders it. Article text reaches the DOM only as text
//! nodes, and every URL passes [`article::safe_url`] first.

mod api;
mod app;
mod article_page;
pub mod browser;
pub mod components;
pub mod hooks;
pub mod options;
pub mod place;
mod qr;
mod reader;
pub mod route;
mod routes;
pub mod state;
pub mod structured_data;

pub use api::{check_address, fetch_article_with, fetch_index, Failure, FetchError, FetchOptions};
pub use app::{App, AppProps, Embed};
pub use article_page::{ArticlePage, ArticlePageProps};
pub use browser::handover::take_prerendered_page;
pub use browser::panic::{install_panic_hook, show_fatal, show_fatal_in};
pub use reader::{Reader, ReaderProps};
pub use routes::{ArticleRoute, ArticleRouteProps, ListRoute, ListRouteProps};

/// The id of the element in `index.html` holding the page rendered at build time.
pub const PRERENDER_ID: &str = "av-prerender";
