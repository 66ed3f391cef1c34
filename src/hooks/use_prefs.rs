//! Reader preferences in a reducer, loaded from and saved to `localStorage`.
//!
//! Storage may be missing or throw (private mode, a sandboxed iframe): then the
//! preferences still work for the visit and are simply not kept.

use yew::prelude::*;

use crate::state::{Prefs, PREFS_KEY};

/// `localStorage`, if this page may use it.
pub(crate) fn storage() -> Option<web_sys::Storage> {
    // Both the getter and `getItem` can throw a SecurityError.
    crate::browser::dom::window()?
        .local_storage()
        .ok()
        .flatten()
}

fn load() -> Prefs {
    storage()
        .and_then(|s| s.get_item(PREFS_KEY).ok().flatten())
        .map(|v| Prefs::decode(&v))
        .unwrap_or_default()
}

fn save(p: Prefs) {
    if let Some(s) = storage() {
        let _ = s.set_item(PREFS_KEY, &p.encode());
    }
}

/// Sets the pref classes on `<html>`, so the page background and the scrollbar
/// follow the theme too (`assets/theme-init.js` did the same before the wasm).
fn apply_to_html(p: Prefs) {
    let Some(html) = crate::browser::dom::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let mut keep: Vec<String> = html
        .class_name()
        .split_whitespace()
        .filter(|c| {
            !(c.starts_with("theme-")
                || c.starts_with("text-")
                || c.starts_with("width-")
                || *c == "elder"
                || *c == "big-cursor")
        })
        .map(str::to_owned)
        .collect();
    keep.extend(p.classes());
    html.set_class_name(&keep.join(" "));
}

/// The reader's preferences. Each change is saved under [`PREFS_KEY`] and mirrored
/// on `<html>` when `on_html` is true (the stand-alone page; an embedded viewer
/// keeps its classes on its own root).
#[hook]
pub fn use_prefs(on_html: bool) -> UseReducerHandle<Prefs> {
    let prefs = use_reducer_eq(load);
    let loaded = use_mut_ref(|| *prefs);
    use_effect_with(*prefs, move |p| {
        if on_html {
            apply_to_html(*p);
        }
        // Do not write what was just read: a reload alone changes nothing.
        if *loaded.borrow() != *p {
            *loaded.borrow_mut() = *p;
            save(*p);
        }
    });
    prefs
}
