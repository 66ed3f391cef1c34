//! The viewer binary that Trunk builds: mounts [`article_viewer::App`] on `<body>`.

fn main() {
    article_viewer::install_panic_hook();
    yew::Renderer::<article_viewer::App>::new().render();
}
