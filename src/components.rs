//! Presentational components: everything arrives through props, and nothing here
//! fetches. Article text is rendered as text nodes only.

mod article_body;
mod article_footer;
mod article_list;
mod article_nav;
mod article_view;
mod breadcrumb;
mod byline;
mod disclaimer;
mod error_view;
mod inline_text;
mod loading;
mod table_of_contents;

pub use article_body::{ArticleBody, ArticleBodyProps};
pub use article_footer::{ArticleFooter, ArticleFooterProps};
pub use article_list::{ArticleList, ArticleListProps};
pub use article_nav::{ArticleNav, ArticleNavProps};
pub(crate) use article_view::crumbs_with_list_links;
pub use article_view::{ArticleView, ArticleViewProps};
pub use breadcrumb::{Breadcrumb, BreadcrumbProps};
pub use byline::{Byline, BylineProps};
pub use disclaimer::{Disclaimer, DisclaimerProps};
pub use error_view::{ErrorView, ErrorViewProps};
pub use inline_text::{InlineText, InlineTextProps};
pub use loading::Loading;
pub use table_of_contents::{TableOfContents, TableOfContentsProps};
