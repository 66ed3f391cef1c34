//! The few direct DOM touches the app needs, all called from effects.

/// The `src` query parameter of the page URL, if present and not blank.
pub(crate) fn query_src() -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get("src").filter(|s| !s.trim().is_empty())
}

/// Sets `document.title` and `<html lang>`.
pub(crate) fn set_document_meta(title: &str, lang: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    doc.set_title(title);
    if let Some(html) = doc.document_element() {
        let _ = html.set_attribute("lang", lang);
    }
}

/// Scrolls to the element named by the URL hash. The browser tried that before the
/// article existed, so we do it again once the article is rendered.
pub(crate) fn scroll_to_hash() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(hash) = window.location().hash() else {
        return;
    };
    let id = hash.trim_start_matches('#');
    if id.is_empty() {
        return;
    }
    let id = js_sys::decode_uri_component(id)
        .map(String::from)
        .unwrap_or_else(|_| id.to_owned());
    if let Some(el) = window.document().and_then(|d| d.get_element_by_id(&id)) {
        el.scroll_into_view();
    }
}
