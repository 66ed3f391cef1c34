//! The two pages the viewer routes to, each a container around the presentational
//! components: one article ([`ArticleRoute`]) and a column's list ([`ListRoute`]).

mod article_route;
mod list_route;

pub use article_route::{ArticleRoute, ArticleRouteProps};
pub use list_route::{ListRoute, ListRouteProps};
