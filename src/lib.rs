//! The article viewer: a Yew single-page app that fetches article JSON, validates it
//! with the `article` core and renders it. Article text reaches the DOM only as text
//! nodes, and every URL passes [`article::safe_url`] first.

mod api;
mod app;
pub mod components;
mod dom;
pub mod hooks;
mod qr;
mod reader;
pub mod state;

pub use api::{fetch_article, FetchError};
pub use app::{App, ArticlePage, ArticlePageProps, DEFAULT_ARTICLE};
pub use reader::{Reader, ReaderProps};
