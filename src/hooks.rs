//! Hooks of the reader: preferences with storage, scroll-spy, reading progress.

mod use_latest_callback;
mod use_prefs;
mod use_scroll_spy;

pub use use_latest_callback::use_latest_callback;
pub use use_prefs::use_prefs;
pub use use_scroll_spy::{use_scroll_spy, ScrollSpy};
