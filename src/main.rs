//! The viewer binary that Trunk builds: mounts [`article_viewer::App`] on `<body>`,
//! unless `embed.js` loaded it to mount viewers into a host page.

fn main() {
    if !article_viewer::embed::loaded_by_embed() {
        yew::Renderer::<article_viewer::App>::new().render();
    }
}
