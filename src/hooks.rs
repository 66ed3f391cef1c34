//! Hooks: the route in the URL hash, one load (state, retry, retry when back online)
//! and the index loaded through it or carried by the page,
//! preferences with storage, the scroll-spy, the reader's place, reading progress,
//! the pointer aids, and a stable callback.

mod use_aids;
mod use_index;
mod use_latest_callback;
mod use_load;
mod use_place;
pub(crate) mod use_prefs;
mod use_reading_progress;
mod use_route;
mod use_scroll_spy;

pub use use_aids::{use_aids, AidRefs};
pub use use_index::{use_index, IndexUse};
pub use use_latest_callback::use_latest_callback;
pub use use_load::{use_load, Load};
pub(crate) use use_place::{load_shown_elsewhere, returned_to_place};
pub use use_place::{use_place, PlaceOffer};
pub use use_prefs::use_prefs;
pub use use_reading_progress::use_reading_progress;
pub use use_route::use_route;
pub use use_scroll_spy::{use_scroll_spy, ScrollSpy};
