//! The panic hook: a panic becomes an on-page alert plus the detail in the console,
//! never a frozen or blank page. Built with plain DOM calls (text nodes only), since
//! after a panic the Yew app can no longer render anything.

use wasm_bindgen::JsValue;

use crate::browser::dom;

/// The alert's id: whichever of this hook and `assets/loader.js` (the viewer failed
/// to start) comes first writes the alert, and the other leaves it.
const FATAL_ID: &str = "av-fatal";

/// Routes every panic to [`show_fatal`] and `console.error`.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let detail = info.to_string();
        web_sys::console::error_1(&JsValue::from_str(&detail));
        show_fatal(&detail);
    }));
}

/// Replaces the page with an alert (id `av-fatal`) that says the viewer stopped, shows
/// `detail`, and offers a reload link. Keeps nothing else of the broken app; stored
/// preferences are not touched. English when `<html lang>` is English.
pub fn show_fatal(detail: &str) {
    if let Some(body) = dom::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        show_fatal_in(&body, detail);
    }
}

/// [`show_fatal`] into `root` instead of `<body>`: its content is replaced by the alert.
/// Does nothing if an `av-fatal` alert is already on the page (the first error wins).
pub fn show_fatal_in(root: &web_sys::Element, detail: &str) {
    let Some(doc) = dom::window().and_then(|w| w.document()) else {
        return;
    };
    if doc.get_element_by_id(FATAL_ID).is_some() {
        return;
    }
    let (title, text, reload) = if dom::page_is_english() {
        (
            "The viewer stopped",
            "An internal error stopped the article viewer. Your settings are kept; reload the page to try again.",
            "Reload",
        )
    } else {
        (
            "阅读器出错了",
            "阅读器遇到内部错误已停止运行,您的设置不会丢失,请重新加载页面。",
            "重新加载",
        )
    };
    let el = |tag: &str, text: &str| {
        let e = doc.create_element(tag).ok()?;
        e.set_text_content(Some(text));
        Some(e)
    };
    let (Some(main), Some(h1), Some(p), Some(pre), Some(a)) = (
        doc.create_element("main").ok(),
        el("h1", title),
        el("p", text),
        el("pre", detail),
        el("a", reload),
    ) else {
        return;
    };
    let _ = main.set_attribute("id", FATAL_ID);
    let _ = main.set_attribute("class", "error-view");
    let _ = main.set_attribute("role", "alert");
    if let Ok(href) = doc.location().map_or(Err(JsValue::NULL), |l| l.href()) {
        let _ = a.set_attribute("href", &href);
    }
    for child in [&h1, &p, &pre, &a] {
        let _ = main.append_child(child);
    }
    root.set_text_content(None);
    let _ = root.append_child(&main);
}

#[cfg(test)]
mod tests {
    use super::FATAL_ID;
    use crate::browser::dom::is_english;

    /// `assets/loader.js` writes the alert when the viewer cannot start (before any
    /// Rust runs): the same element, found and styled the same way, in the language
    /// chosen by the same rule.
    #[test]
    fn the_start_up_alert_in_loader_js_is_this_alert() {
        let js = include_str!("../../assets/loader.js");
        let start = js.find("function fail(").expect("loader.js has fail()");
        let fail = &js[start..start + js[start..].find("\n}\n").expect("fail() ends")];
        for piece in [
            format!("getElementById('{FATAL_ID}')"),
            format!("box.id = '{FATAL_ID}'"),
            "box.className = 'error-view'".to_owned(),
            "box.setAttribute('role', 'alert')".to_owned(),
            "box.append(h, p, pre)".to_owned(),
            // The rule of `dom::is_english`, on `<html lang>` as `page_is_english`.
            "/^en/i.test(document.documentElement.lang)".to_owned(),
        ] {
            assert!(fail.contains(&piece), "loader.js fail() lacks {piece:?}");
        }
        for (tag, english) in [
            ("en", true),
            ("EN-gb", true),
            ("zh-CN", false),
            ("", false),
            ("e", false),
        ] {
            assert_eq!(is_english(tag), english, "{tag:?}");
        }
    }
}
