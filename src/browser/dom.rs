//! The few direct DOM touches the app needs, through [`window`] (`None` natively).

/// The browser window; `None` where there is none: natively, where the same
/// components render the pages ahead of the wasm (crates/site).
pub(crate) fn window() -> Option<web_sys::Window> {
    #[cfg(target_arch = "wasm32")]
    return web_sys::window();
    #[cfg(not(target_arch = "wasm32"))]
    return None;
}

/// The page's hash as [`crate::route::parse`] reads it (see [`crate::route::decode_hash`]).
pub(crate) fn current_hash() -> String {
    let raw = window().and_then(|w| w.location().hash().ok());
    crate::route::decode_hash(&raw.unwrap_or_default())
}

/// The one rule for the reader's language outside the article text: English when the
/// language tag starts with `en` (any case), Chinese otherwise. `assets/loader.js`
/// applies the same rule as `/^en/i` (a test in `browser::panic` holds it to this).
pub(crate) fn is_english(lang: &str) -> bool {
    lang.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("en"))
}

/// Whether the page (`<html lang>`) is English, by [`is_english`].
pub(crate) fn page_is_english() -> bool {
    window()
        .and_then(|w| w.document()?.document_element()?.get_attribute("lang"))
        .is_some_and(|l| is_english(&l))
}

/// The `src` query parameter of the page URL, if present and not blank.
pub(crate) fn query_src() -> Option<String> {
    query_param("src").filter(|s| !s.trim().is_empty())
}

/// The query parameter `name` of the page URL, if present.
pub(crate) fn query_param(name: &str) -> Option<String> {
    let search = window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}

/// A `window` event listener that is removed when the returned guard is dropped.
pub(crate) struct WindowListener {
    event: &'static str,
    closure: wasm_bindgen::closure::Closure<dyn FnMut()>,
}

impl Drop for WindowListener {
    fn drop(&mut self) {
        use wasm_bindgen::JsCast;
        if let Some(w) = window() {
            let _ = w.remove_event_listener_with_callback(
                self.event,
                self.closure.as_ref().unchecked_ref(),
            );
        }
    }
}

/// Calls `f` on every `event` at `window` until the guard is dropped.
pub(crate) fn on_window_event(event: &'static str, f: impl FnMut() + 'static) -> WindowListener {
    use wasm_bindgen::JsCast;
    let closure = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(f);
    if let Some(w) = window() {
        let _ = w.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    }
    WindowListener { event, closure }
}

/// The site's base path (`/`, `/news/`): where the page's assets are served from
/// (Trunk's `public_url`, which the site build also writes its pages under), read
/// from the module preload link Trunk writes. `/` when there is none.
pub(crate) fn base_path() -> String {
    window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector("link[rel=\"modulepreload\"]")
                .ok()
                .flatten()
        })
        .and_then(|l| l.get_attribute("href"))
        .filter(|h| h.starts_with('/'))
        .map(|h| h[..=h.rfind('/').unwrap_or(0)].to_owned())
        .unwrap_or_else(|| "/".to_owned())
}

/// The page's path, percent-decoded (`/list/理论研究/`).
pub(crate) fn pathname() -> String {
    let raw = window().and_then(|w| w.location().pathname().ok());
    crate::route::decode_hash(&raw.unwrap_or_default())
}

/// The text of the element with `id` (a data block the site build writes).
pub(crate) fn text_of(id: &str) -> Option<String> {
    window()?.document()?.get_element_by_id(id)?.text_content()
}

/// Sets `document.title` and `<html lang>`.
pub(crate) fn set_document_meta(title: &str, lang: &str) {
    let Some(doc) = window().and_then(|w| w.document()) else {
        return;
    };
    doc.set_title(title);
    if let Some(html) = doc.document_element() {
        let _ = html.set_attribute("lang", lang);
    }
}

/// The page URL's path and query, without origin or hash.
pub(crate) fn page_path() -> String {
    window()
        .map(|w| {
            let l = w.location();
            format!(
                "{}{}",
                l.pathname().unwrap_or_default(),
                l.search().unwrap_or_default()
            )
        })
        .unwrap_or_default()
}

/// How the page moves. Only a move the reader asked for glides (a TOC link, 返回顶部,
/// the sentence being read aloud), and only when they do not prefer reduced motion;
/// everything else is instant: a page that opens, the hand-over, a return to the
/// reader's place. The stylesheet sets no `scroll-behavior`, so the browser's own
/// moves (landing on a `#sec-n` link, a plain fragment link) are instant too: sliding
/// down from the top would sweep the scroll-spy, and the URL, through every section
/// above the target.
fn motion(asked: bool) -> web_sys::ScrollBehavior {
    let reduce = || {
        window()
            .and_then(|w| {
                w.match_media("(prefers-reduced-motion: reduce)")
                    .ok()
                    .flatten()
            })
            .is_some_and(|m| m.matches())
    };
    if asked && !reduce() {
        web_sys::ScrollBehavior::Smooth
    } else {
        web_sys::ScrollBehavior::Instant
    }
}

/// Scrolls `el` into view, `block` being where it lands; `asked`: see [`motion`].
pub(crate) fn scroll_to_element(
    el: &web_sys::Element,
    block: web_sys::ScrollLogicalPosition,
    asked: bool,
) {
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(block);
    opts.set_behavior(motion(asked));
    el.scroll_into_view_with_scroll_into_view_options(&opts);
}

/// Scrolls the page to its top because the reader asked (返回顶部): see [`motion`].
pub(crate) fn scroll_to_top() {
    if let Some(w) = window() {
        let o = web_sys::ScrollToOptions::new();
        o.set_top(0.0);
        o.set_behavior(motion(true));
        w.scroll_to_with_scroll_to_options(&o);
    }
}

/// Puts the page at offset (`x`, `y`) at once: see [`motion`].
pub(crate) fn jump_to(x: f64, y: f64) {
    if let Some(w) = window() {
        let o = web_sys::ScrollToOptions::new();
        o.set_left(x);
        o.set_top(y);
        o.set_behavior(motion(false));
        w.scroll_to_with_scroll_to_options(&o);
    }
}

/// Focuses `el` without scrolling to it: after a scroll the app made (a smooth one
/// would be cut short by a plain `focus()`, leaving the target off screen), or to
/// keep the reader where they are. Nothing happens for an element that is not HTML.
pub(crate) fn focus_quietly(el: &web_sys::Element) {
    use wasm_bindgen::JsCast;
    if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
        let opts = web_sys::FocusOptions::new();
        opts.set_prevent_scroll(true);
        let _ = h.focus_with_options(&opts);
    }
}
