//! Hooks of the reader: preferences with storage, scroll-spy, reading progress.

mod use_aids;
mod use_latest_callback;
mod use_place;
pub(crate) mod use_prefs;
mod use_scroll_spy;

pub use use_aids::{use_aids, AidRefs};
pub use use_latest_callback::use_latest_callback;
pub use use_place::{use_place, PlaceOffer};
pub use use_prefs::use_prefs;
pub use use_scroll_spy::{use_scroll_spy, ScrollSpy};
