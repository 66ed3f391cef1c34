//! Reading progress: how far down the page the reader is, written straight into the
//! progress bar's `aria-valuenow` by the scroll listener (no state, so nothing
//! re-renders while the reader scrolls; the visible bar is a CSS scroll-driven
//! animation). The same listener marks the bar around it `is-tucked` while the
//! reader scrolls down (CSS tucks it away on phones) and clears that on the way up.

use gloo_events::EventListener;
use web_sys::Element;
use yew::prelude::*;

/// How far down the page the reader is, 0 to 100.
fn percent(w: &web_sys::Window) -> u8 {
    let Some(el) = w.document().and_then(|d| d.document_element()) else {
        return 0;
    };
    let max = f64::from(el.scroll_height() - el.client_height());
    if max <= 0.0 {
        return 100;
    }
    let y = w.scroll_y().unwrap_or(0.0);
    (y / max * 100.0).round().clamp(0.0, 100.0) as u8
}

/// Scrolled this far (CSS px) in one direction, the bar tucks away or comes back.
const TUCK_STEP: f64 = 12.0;

/// Keeps the progress bar at the returned ref (`components::reading_progress`) up to
/// date; its `aria-valuenow` changes only when the whole percent does.
#[hook]
pub fn use_reading_progress() -> NodeRef {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with((), move |()| {
            let listener = crate::browser::dom::window().map(|w| {
                let (mut last_y, mut last_pct) = (w.scroll_y().unwrap_or(0.0), u8::MAX);
                let mut update = move |w: &web_sys::Window| {
                    let Some(el) = node.cast::<Element>() else {
                        return;
                    };
                    let pct = percent(w);
                    if pct != last_pct {
                        let _ = el.set_attribute("aria-valuenow", &pct.to_string());
                        last_pct = pct;
                    }
                    let y = w.scroll_y().unwrap_or(0.0);
                    if (y - last_y).abs() >= TUCK_STEP {
                        if let Some(bar) = el.parent_element() {
                            let _ = bar.class_list().toggle_with_force("is-tucked", y > last_y);
                        }
                        last_y = y;
                    }
                };
                update(&w);
                EventListener::new(&w.clone(), "scroll", move |_| update(&w))
            });
            move || drop(listener)
        });
    }
    node
}
