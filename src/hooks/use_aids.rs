//! The pointer aids of 阅读设置: 阅读辅助线 (a band that follows the pointer, or
//! the element the keyboard focus is on), 指读 (after a short rest, the text under
//! the pointer or with the focus is spoken with the read-aloud voice) and 大字幕
//! (the same text in very large type along the bottom). The listeners exist only
//! while one of them is on.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement, MouseEvent};
use yew::prelude::*;

use crate::components::{say, show_caption};
use crate::state::{sentence_at, Aids};

/// What a rest of the pointer or the focus names: text blocks, headings, controls.
const POINTABLE: &str =
    ".article-body p, .article-body li, .section-heading, .title, button, a, label, legend";

/// How long the pointer or the focus must rest before its text is spoken or shown.
const DWELL_MS: u32 = 600;

/// The elements the aids draw in; [`use_aids`] moves and fills them.
pub struct AidRefs {
    /// The reading guide band.
    pub guide: NodeRef,
    /// The caption bar.
    pub caption: NodeRef,
}

/// Runs the switched-on aids for this page, speaking in `lang`.
#[hook]
pub fn use_aids(aids: Aids, lang: AttrValue) -> AidRefs {
    let guide = use_node_ref();
    let caption = use_node_ref();
    {
        let (guide, caption) = (guide.clone(), caption.clone());
        use_effect_with((aids, lang), move |(aids, lang)| {
            let on = aids.guide || aids.point || aids.caption;
            let listeners = on
                .then(|| start(*aids, lang.to_string(), guide, caption))
                .flatten();
            move || drop(listeners)
        });
    }
    AidRefs { guide, caption }
}

#[derive(Default)]
struct Rest {
    target: Option<Element>,
    timer: Option<Timeout>,
}

/// The text a rest on `el` names: the sentence under the pointer in a text block,
/// else the element's label or visible text.
fn text_of(el: &Element, at: Option<(f32, f32)>) -> String {
    if let Some((node, offset)) = at.and_then(|(x, y)| caret_at(el, x, y)) {
        let text = node.text_content().unwrap_or_default();
        let s = sentence_at(&text, offset);
        if !s.is_empty() {
            return s.to_owned();
        }
    }
    el.get_attribute("aria-label")
        .or_else(|| el.dyn_ref::<HtmlElement>().map(HtmlElement::inner_text))
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text node inside `el` and the offset in it under the point (x, y), by
/// `document.caretPositionFromPoint` where the browser has it.
fn caret_at(el: &Element, x: f32, y: f32) -> Option<(web_sys::Node, usize)> {
    let get = |o: &JsValue, k: &str| js_sys::Reflect::get(o, &k.into()).ok();
    let doc: JsValue = el.owner_document()?.into();
    let f = get(&doc, "caretPositionFromPoint")?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let pos = f.call2(&doc, &x.into(), &y.into()).ok()?;
    let node = get(&pos, "offsetNode")?.dyn_into::<web_sys::Node>().ok()?;
    let offset = get(&pos, "offset")?.as_f64()?;
    el.contains(Some(&node)).then_some((node, offset as usize))
}

fn place_guide(guide: &NodeRef, y: f64) {
    if let Some(g) = guide.cast::<HtmlElement>() {
        let _ = g
            .style()
            // Whole pixels: formatting a float would pull float printing into the wasm.
            .set_property("transform", &format!("translateY({}px)", y.round() as i32));
    }
}

fn start(aids: Aids, lang: String, guide: NodeRef, caption: NodeRef) -> Option<[EventListener; 2]> {
    let doc = crate::browser::dom::window()?.document()?;
    let rest = Rc::new(RefCell::new(Rest::default()));
    // A new element under the pointer or focus: wait, then speak and show its text.
    let rest_on = {
        let doc = doc.clone();
        move |el: Option<Element>, at: Option<(f32, f32)>| {
            let mut r = rest.borrow_mut();
            if r.target == el {
                return;
            }
            r.timer = el.clone().map(|el| {
                let (doc, lang, caption) = (doc.clone(), lang.clone(), caption.clone());
                Timeout::new(DWELL_MS, move || {
                    let text = text_of(&el, at);
                    // Reading aloud goes on undisturbed: its voice and its caption.
                    let reading = doc.query_selector(".is-reading").ok().flatten().is_some();
                    if text.is_empty() || reading {
                        return;
                    }
                    if aids.caption {
                        show_caption(&caption, &text);
                    }
                    if aids.point {
                        say(&text, &lang);
                    }
                })
            });
            r.target = el;
        }
    };
    let rest_on = Rc::new(rest_on);
    let on_move = {
        let (rest_on, guide) = (rest_on.clone(), guide.clone());
        EventListener::new(&doc, "pointermove", move |e| {
            let Some(e) = e.dyn_ref::<MouseEvent>() else {
                return;
            };
            if aids.guide {
                place_guide(&guide, f64::from(e.client_y()));
            }
            if aids.point || aids.caption {
                let el = e
                    .target()
                    .and_then(|t| t.dyn_into::<Element>().ok())
                    .and_then(|t| t.closest(POINTABLE).ok().flatten());
                rest_on(el, Some((e.client_x() as f32, e.client_y() as f32)));
            }
        })
    };
    let on_focus = EventListener::new(&doc, "focusin", move |e| {
        let Some(el) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        if aids.guide {
            let r = el.get_bounding_client_rect();
            place_guide(&guide, r.top() + r.height() / 2.0);
        }
        if aids.point || aids.caption {
            rest_on(Some(el), None);
        }
    });
    Some([on_move, on_focus])
}
