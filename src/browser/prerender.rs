//! The page rendered ahead of the wasm (native only; see `src/bin/prerender.rs`).

/// The viewer's page for the embedded default article as HTML, inside
/// `<div id="av-prerender">`, its buttons disabled. Every text is escaped by Yew's
/// renderer, as in the DOM.
pub fn default_page() -> String {
    let page = futures::executor::block_on(
        yew::LocalServerRenderer::<crate::App>::new()
            .hydratable(false)
            .render(),
    );
    // Its buttons do nothing until the app has replaced it: say so, and let nobody
    // click into the void. (Text is escaped, so `<button` only starts a tag.)
    let page = page.replace("<button ", "<button disabled ");
    format!("<div id=\"{}\">{page}</div>\n", crate::PRERENDER_ID)
}

#[cfg(test)]
mod tests {
    use super::default_page;

    #[test]
    fn the_default_article_is_rendered_with_its_tools_disabled() {
        let page = default_page();
        let seed = article::parse_article(crate::DEFAULT_ARTICLE.as_bytes()).unwrap();
        assert!(page.starts_with("<div id=\"av-prerender\"><div class=\"av-scope\">"));
        // The title is escaped text in the page (the seed's title has no markup).
        assert!(page.contains(&seed.title));
        for s in &seed.sections {
            assert!(page.contains(&s.heading), "section {:?} missing", s.heading);
        }
        assert!(page.contains("免责声明"));
        // Every button is disabled until the app replaces the page.
        assert_eq!(
            page.matches("<button ").count(),
            page.matches("<button disabled ").count()
        );
        assert!(page.matches("<button ").count() >= 8);
        // No hydration markers, scripts or inline styles (the CSP forbids them).
        for bad in ["<!--", "<script", "style=\""] {
            assert!(!page.contains(bad), "{bad} in the rendered page");
        }
    }
}
