//! The article core: the JSON wire format ([`Article`]), loading and validation that
//! report every problem with its JSON path, the table of contents, reading time, the
//! reading position (which section is being read) and the plain-text importer for
//! portal pages.
//!
//! **Architecture invariant:** this crate knows nothing about the browser. It depends
//! only on thiserror, plus serde and serde_json behind the default `serde` feature
//! (`Serialize`/`Deserialize` for the CLI and the tests; the viewer turns it off and
//! loads through its own parser) and schemars behind `schema` (the CLI), so
//! everything here is tested natively.

mod import;
mod index;
mod json;
mod json_writer;
mod load;
mod model;
/// The loader checked against an independent second loader; test-only, kept out
/// of `src/` but compiled inside the crate because it reads `json`, `shape` and
/// `validate` internals.
#[cfg(all(test, feature = "serde"))]
#[path = "../tests/oracle/mod.rs"]
mod oracle;
mod paths;
mod punctuation;
mod reading_time;
#[cfg(feature = "schema")]
mod schema;
mod section_tracker;
mod shape;
mod toc;
mod url;
mod validate;

pub use import::{
    date_at, derived_id, ends_running_text, find_date, footnote, from_plain_text, is_chrome_line,
    is_english_text, is_space, section_from_breadcrumb, trim, ImportError, ImportErrorKind,
    Outline, BREADCRUMB_LABELS, BREADCRUMB_SEPARATORS, META_KEYS,
};
pub use index::parse_index;
pub use json_writer::JsonWriter;
pub use load::{parse_article, LoadError};
pub use model::{
    Article, ArticleIndex, Attachment, Author, Block, Cell, IndexEntry, Inline, Link, Section,
    Span, SCHEMA_VERSION,
};
pub use paths::{
    article_json_path, article_path, column_segment, encode_path, list_path, INDEX_JSON_PATH,
};
pub use punctuation::{full_width_article, full_width_punctuation};
pub use reading_time::{reading_time, ReadingTime};
#[cfg(feature = "schema")]
pub use schema::json_schema;
pub use section_tracker::SectionTracker;
pub use toc::{build_toc, section_ids, Toc, TocEntry};
pub use url::{safe_url, SafeUrl, UrlError};
pub use validate::days_in_month;
pub use validate::{validate, Issue};
