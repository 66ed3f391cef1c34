//! Prints the viewer's own page for the embedded default article, rendered natively by
//! the same components (Yew's server renderer). `scripts/prerender.sh`, a Trunk
//! `pre_build` hook, inlines it into `index.html`: the article shows before the wasm
//! has arrived, and `main.rs` swaps in the live app, whose first render is the same.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    print!("{}", article_viewer::browser::prerender::default_page());
}

#[cfg(target_arch = "wasm32")]
fn main() {}
