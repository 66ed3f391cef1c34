//! Browser plumbing: the direct DOM touches ([`dom`]), the hand-over from the page
//! rendered at build time ([`handover`]), the panic alert ([`panic`]), the entry points
//! for `embed.js` ([`embed`]) and, natively, the renderer of that page ([`prerender`]).
//! Components reach the browser only through these.

pub(crate) mod dom;
pub mod embed;
pub(crate) mod handover;
pub(crate) mod panic;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
