//! Components. The article ones are presentational: everything arrives through
//! props, nothing here fetches, and article text is rendered as text nodes only.
//! The reader controls (toolbar, panels, read-aloud, progress) hold only their
//! own widget state; the reader state lives in `Reader`. Only what has hooks or
//! must skip re-rendering (the body, the TOC lists) is a component; everything
//! stateless is a plain function returning `Html` (`byline`, `settings_panel`, …):
//! a component costs 350–600 bytes of brotli'd wasm (measured on twelve of them),
//! and the bundle budget is tight.

mod article_body;
mod article_footer;
mod article_list;
mod article_nav;
mod article_view;
mod breadcrumb;
mod byline;
mod disclaimer;
mod error_view;
mod external_link;
mod help_panel;
mod inline_text;
mod loading;
mod qr_code;
mod read_aloud;
mod reader_toolbar;
mod reading_meta;
mod reading_progress;
mod resume_offer;
mod settings_panel;
mod share_panel;
mod table_of_contents;

pub use article_body::{ArticleBody, ArticleBodyProps};
pub use article_footer::article_footer;
pub use article_list::{article_list, ArticleListProps};
pub use article_nav::article_nav;
pub(crate) use article_view::crumbs_with_list_links;
pub use article_view::{ArticleView, ArticleViewProps};
pub use breadcrumb::breadcrumb;
pub use byline::byline;
pub use disclaimer::disclaimer;
pub(crate) use error_view::error_message;
pub use error_view::{error_view, ErrorViewProps};
pub(crate) use external_link::external_link;
pub use help_panel::{help_panel, HelpPanelProps};
pub use inline_text::inline_text;
pub use loading::loading;
pub use qr_code::qr_code;
pub(crate) use read_aloud::{can_speak, say, show_caption};
pub use read_aloud::{ReadAloud, ReadAloudProps};
pub use reader_toolbar::{reader_toolbar, ReaderToolbarProps};
pub use reading_meta::reading_meta;
pub use reading_progress::reading_progress;
pub(crate) use resume_offer::resume_offer;
pub use settings_panel::{settings_panel, SettingsPanelProps};
pub use share_panel::{share_panel, SharePanelProps};
pub(crate) use table_of_contents::mark_current;
pub use table_of_contents::{table_of_contents, TableOfContentsProps};
