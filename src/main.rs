//! The viewer binary that Trunk builds: mounts [`article_viewer::App`] on `<body>`.

fn main() {
    yew::Renderer::<article_viewer::App>::new().render();
}
