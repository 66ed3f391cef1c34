//! The reading-progress bar: `role="progressbar"` whose `aria-valuenow` follows the
//! scroll position. The visible bar is a CSS scroll-driven animation.

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

/// A thin bar under the toolbar; re-renders only when the whole percent changes.
#[component]
pub fn ReadingProgress() -> Html {
    let pct = use_state_eq(|| 0u8);
    {
        let pct = pct.setter();
        use_effect_with((), move |()| {
            pct.set(percent());
            let listener = crate::browser::dom::window()
                .map(|w| EventListener::new(&w, "scroll", move |_| pct.set(percent())));
            move || drop(listener)
        });
    }
    html! {
        <div class="reading-progress" role="progressbar" aria-label="阅读进度"
            aria-valuemin="0" aria-valuemax="100" aria-valuenow={pct.to_string()}>
            <div class="reading-progress-bar"></div>
        </div>
    }
}
