//! 语音朗读 with the browser's `speechSynthesis`: play, pause, stop, previous and
//! next paragraph, speed. The paragraph being read is highlighted (`is-reading`)
//! and scrolled into view; reading starts at the paragraph on screen; a voice for
//! the article's `lang` is chosen. Without `speechSynthesis` nothing is rendered.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    Element, HtmlSelectElement, ScrollLogicalPosition, SpeechSynthesis, SpeechSynthesisUtterance,
    SpeechSynthesisVoice,
};
use yew::prelude::*;

/// Properties of [`ReadAloud`].
#[derive(Properties, PartialEq)]
pub struct ReadAloudProps {
    /// The viewer root; its `.article-body` is read.
    pub root: NodeRef,
    /// The article's language (BCP 47).
    pub lang: AttrValue,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Status {
    Idle,
    Playing,
    Paused,
}

const RATES: [(&str, f32); 5] = [
    ("0.75 倍", 0.75),
    ("1 倍", 1.0),
    ("1.25 倍", 1.25),
    ("1.5 倍", 1.5),
    ("2 倍", 2.0),
];

const READ: &str = ".article-body .section-heading, .article-body p, .article-body li";

struct Engine {
    synth: SpeechSynthesis,
    items: Vec<Element>,
    idx: usize,
    /// Bumped for every utterance, so a late `end` of a cancelled one is ignored.
    generation: u32,
    rate: f32,
    lang: String,
    /// The caption's boundary listener of the utterance being spoken.
    boundary: Option<Closure<dyn FnMut(JsValue)>>,
}

type Shared = Rc<RefCell<Option<Engine>>>;

/// `window.speechSynthesis`, if this browser has it (and the utterance constructor).
fn synth() -> Option<SpeechSynthesis> {
    let w = crate::browser::dom::window()?;
    let s = js_sys::Reflect::get(&w, &"speechSynthesis".into()).ok()?;
    let u = js_sys::Reflect::get(&w, &"SpeechSynthesisUtterance".into()).ok()?;
    (s.is_object() && u.is_function()).then(|| s.unchecked_into())
}

fn norm(lang: &str) -> String {
    lang.to_ascii_lowercase().replace('_', "-")
}

/// A voice for `lang`: the exact tag, else the same primary language.
fn pick_voice(synth: &SpeechSynthesis, lang: &str) -> Option<SpeechSynthesisVoice> {
    let want = norm(lang);
    let primary = want.split('-').next().unwrap_or("").to_owned();
    let voices: Vec<SpeechSynthesisVoice> = synth
        .get_voices()
        .iter()
        .map(|v| v.unchecked_into())
        .collect();
    voices
        .iter()
        .find(|v| norm(&v.lang()) == want)
        .or_else(|| {
            voices
                .iter()
                .find(|v| norm(&v.lang()).split('-').next() == Some(primary.as_str()))
        })
        .cloned()
}

/// Says `text` once, in `lang`, with the voice read-aloud would use (指读).
pub(crate) fn say(text: &str, lang: &str) {
    let Some(synth) = synth() else {
        return;
    };
    synth.cancel();
    if let Ok(u) = SpeechSynthesisUtterance::new_with_text(text) {
        u.set_lang(lang);
        if let Some(v) = pick_voice(&synth, lang) {
            u.set_voice(Some(&v));
        }
        synth.speak(&u);
    }
}

/// True where the browser can speak (and ahead of the wasm, where nearly all can).
pub(crate) fn can_speak() -> bool {
    crate::browser::dom::window().is_none() || synth().is_some()
}

/// Shows `text` in the caption bar (大字幕), if it is on.
pub(crate) fn show_caption(caption: &NodeRef, text: &str) {
    if let Some(c) = caption.cast::<Element>() {
        c.set_text_content(Some(text));
    }
}

/// The caption bar of the page, found once per paragraph (it is near the top).
fn caption_bar() -> Option<Element> {
    crate::browser::dom::window()?
        .document()?
        .query_selector(".caption-bar")
        .ok()
        .flatten()
}

fn mark(items: &[Element], idx: Option<usize>) {
    if idx.is_none() {
        if let Some(c) = caption_bar() {
            c.set_text_content(None);
        }
    }
    for (i, el) in items.iter().enumerate() {
        let _ = el
            .class_list()
            .toggle_with_force("is-reading", idx == Some(i));
    }
    if let Some(el) = idx.and_then(|i| items.get(i)) {
        crate::browser::dom::scroll_to_element(el, ScrollLogicalPosition::Center, true);
    }
}

fn speak(eng: &Shared, status: &UseStateSetter<Status>, idx: usize) {
    let (synth, generation, text, lang, rate) = {
        let mut g = eng.borrow_mut();
        let Some(e) = g.as_mut() else {
            return;
        };
        e.generation += 1;
        if idx >= e.items.len() {
            mark(&e.items, None);
            let synth = e.synth.clone();
            drop(g);
            synth.cancel();
            status.set(Status::Idle);
            return;
        }
        e.idx = idx;
        mark(&e.items, Some(idx));
        let text = e.items[idx].text_content().unwrap_or_default();
        (e.synth.clone(), e.generation, text, e.lang.clone(), e.rate)
    };
    // Events of the cancelled utterance may fire in here: no borrow is held.
    synth.cancel();
    let Ok(u) = SpeechSynthesisUtterance::new_with_text(&text) else {
        return;
    };
    u.set_lang(&lang);
    u.set_rate(rate);
    if let Some(v) = pick_voice(&synth, &lang) {
        u.set_voice(Some(&v));
    }
    let (eng2, status2) = (eng.clone(), status.clone());
    let onend = Closure::once_into_js(move || {
        let next = match eng2.borrow().as_ref() {
            Some(e) if e.generation == generation => Some(e.idx + 1),
            _ => None,
        };
        if let Some(n) = next {
            speak(&eng2, &status2, n);
        }
    });
    u.set_onend(Some(onend.unchecked_ref()));
    // 大字幕: the sentence being spoken, moved on by the engine's boundary events
    // (where the voice sends them; else the paragraph's first sentence stays).
    if let Some(bar) = caption_bar() {
        bar.set_text_content(Some(crate::state::sentence_at(&text, 0)));
        let onboundary = Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
            let at = js_sys::Reflect::get(&e, &"charIndex".into())
                .ok()
                .and_then(|v| v.as_f64())
                .unwrap_or(0.0);
            bar.set_text_content(Some(crate::state::sentence_at(&text, at as usize)));
        });
        u.set_onboundary(Some(onboundary.as_ref().unchecked_ref()));
        // Kept until the next utterance replaces it (this one is cancelled by then).
        if let Some(e) = eng.borrow_mut().as_mut() {
            e.boundary = Some(onboundary);
        }
    }
    synth.speak(&u);
    status.set(Status::Playing);
}

/// The first item not hidden under the sticky toolbar: where the reader is.
fn first_on_screen(root: &Element, items: &[Element]) -> usize {
    let bar_bottom = root
        .query_selector(".reader-bar")
        .ok()
        .flatten()
        .map_or(0.0, |b| b.get_bounding_client_rect().bottom());
    items
        .iter()
        .position(|el| el.get_bounding_client_rect().bottom() > bar_bottom + 1.0)
        .unwrap_or(0)
}

/// The 朗读 button and, while reading, its controls.
#[component]
pub fn ReadAloud(props: &ReadAloudProps) -> Html {
    // Known at the first render, so the button does not appear later and shift the
    // rest of the toolbar (a layout shift Lighthouse counted).
    // The page rendered ahead of the wasm (no window) shows the button, as nearly every
    // browser has speech synthesis: the toolbar then does not reflow when the app starts.
    let available = use_memo((), |()| {
        crate::browser::dom::window().is_none() || synth().is_some()
    });
    let status = use_state_eq(|| Status::Idle);
    let rate = use_state_eq(|| 1.0f32);
    let eng: Shared = use_mut_ref(|| None);

    {
        let eng = eng.clone();
        use_effect_with((), move |()| {
            // Leaving the page (or the viewer) stops the voice.
            move || {
                if let Some(e) = eng.borrow().as_ref() {
                    e.synth.cancel();
                    mark(&e.items, None);
                }
            }
        });
    }
    if !*available {
        return Html::default();
    }

    let toggle = {
        let (eng, st, root, lang, rate) = (
            eng.clone(),
            status.setter(),
            props.root.clone(),
            props.lang.clone(),
            *rate,
        );
        let playing = *status != Status::Idle;
        Callback::from(move |_: MouseEvent| {
            if playing {
                let synth = eng.borrow_mut().as_mut().map(|e| {
                    e.generation += 1;
                    mark(&e.items, None);
                    e.synth.clone()
                });
                if let Some(s) = synth {
                    s.cancel();
                }
                st.set(Status::Idle);
                return;
            }
            let (Some(synth), Some(root)) = (synth(), root.cast::<Element>()) else {
                return;
            };
            let list = root.query_selector_all(READ).ok();
            let items: Vec<Element> = list
                .map(|l| {
                    (0..l.length())
                        .filter_map(|i| l.item(i)?.dyn_into().ok())
                        .collect()
                })
                .unwrap_or_default();
            let start = first_on_screen(&root, &items);
            *eng.borrow_mut() = Some(Engine {
                synth,
                items,
                idx: start,
                generation: 0,
                rate,
                lang: lang.to_string(),
                boundary: None,
            });
            speak(&eng, &st, start);
        })
    };

    let step = |delta: isize| {
        let (eng, st) = (eng.clone(), status.setter());
        Callback::from(move |_: MouseEvent| {
            let idx = eng.borrow().as_ref().map(|e| e.idx);
            if let Some(i) = idx {
                speak(&eng, &st, i.saturating_add_signed(delta));
            }
        })
    };

    let pause = {
        let (eng, st, now) = (eng.clone(), status.setter(), *status);
        Callback::from(move |_: MouseEvent| {
            let Some(s) = eng.borrow().as_ref().map(|e| e.synth.clone()) else {
                return;
            };
            if now == Status::Paused {
                s.resume();
                st.set(Status::Playing);
            } else {
                s.pause();
                st.set(Status::Paused);
            }
        })
    };

    let on_rate = {
        let (eng, st, rate) = (eng.clone(), status.setter(), rate.setter());
        Callback::from(move |e: Event| {
            let Some(sel) = e.target_dyn_into::<HtmlSelectElement>() else {
                return;
            };
            let r = RATES
                .get(sel.selected_index().max(0) as usize)
                .map_or(1.0, |r| r.1);
            rate.set(r);
            let idx = eng.borrow_mut().as_mut().map(|e| {
                e.rate = r;
                e.idx
            });
            // Say the current paragraph again at the new speed.
            if let Some(i) = idx {
                speak(&eng, &st, i);
            }
        })
    };

    let active = *status != Status::Idle;
    html! {
        <>
            <button type="button" class="read-aloud-toggle" onclick={toggle}>
                { if active { "停止朗读" } else { "朗读" } }
            </button>
            if active {
                <div class="read-aloud-controls" role="group" aria-label="语音朗读">
                    <button type="button" onclick={pause}>
                        { if *status == Status::Paused { "继续" } else { "暂停" } }
                    </button>
                    <button type="button" onclick={step(-1)}>{ "上一段" }</button>
                    <button type="button" onclick={step(1)}>{ "下一段" }</button>
                    <label class="rate">
                        { "语速" }
                        <select onchange={on_rate}>
                            for (label, r) in RATES {
                                <option key={label} selected={(r - *rate).abs() < 0.01}>{ label }</option>
                            }
                        </select>
                    </label>
                </div>
            }
        </>
    }
}
