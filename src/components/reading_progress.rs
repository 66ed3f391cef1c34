//! The reading-progress bar: `role="progressbar"` whose `aria-valuenow` follows the
//! scroll position. The visible bar is a CSS scroll-driven animation. The same
//! listener marks the bar around it `is-tucked` while the reader scrolls down (CSS
//! tucks it away on phones) and clears that on the way up.

use gloo_events::EventListener;
use yew::prelude::*;

/// How far down the page the reader is, 0 to 100.
fn percent() -> u8 {
    let Some(w) = crate::browser::dom::window() else {
        return 0;
    };
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

/// A thin bar under the toolbar; re-renders only when the whole percent changes.
#[component]
pub fn ReadingProgress() -> Html {
    let pct = use_state_eq(|| 0u8);
    let node = use_node_ref();
    {
        let (pct, node) = (pct.setter(), node.clone());
        use_effect_with((), move |()| {
            pct.set(percent());
            let mut last = 0.0;
            let listener = crate::browser::dom::window().map(|w| {
                EventListener::new(&w.clone(), "scroll", move |_| {
                    pct.set(percent());
                    let y = w.scroll_y().unwrap_or(0.0);
                    if (y - last).abs() < TUCK_STEP {
                        return;
                    }
                    let bar = node
                        .cast::<web_sys::Element>()
                        .and_then(|e| e.parent_element());
                    if let Some(bar) = bar {
                        let _ = bar.class_list().toggle_with_force("is-tucked", y > last);
                    }
                    last = y;
                })
            });
            move || drop(listener)
        });
    }
    html! {
        <div class="reading-progress" role="progressbar" aria-label="阅读进度"
            aria-valuemin="0" aria-valuemax="100" aria-valuenow={pct.to_string()} ref={node}>
            <div class="reading-progress-bar"></div>
        </div>
    }
}
