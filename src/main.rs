//! The viewer binary that Trunk builds: mounts [`article_viewer::App`] on `<body>`,
//! unless `embed.js` loaded it to mount viewers into a host page.

fn main() {
    // Embedded viewers are mounted by embed.js; a panic there must not take over the
    // host page, so the page-wide panic alert is for the standalone page only.
    if !article_viewer::browser::embed::loaded_by_embed() {
        article_viewer::install_panic_hook();
        // The page rendered at build time (index.html) makes way for the app, whose
        // first render is the same page; the reader keeps their scroll and focus.
        article_viewer::take_prerendered_page();
        yew::Renderer::<article_viewer::App>::new().render();
    }
}
