//! The reader: owns the reading state of one viewer instance (preferences, open
//! panel and drawer, scroll-spy, status messages, keyboard shortcuts) and wires it
//! into the presentational [`ArticleView`] and the [`reader_toolbar`]. Nothing here
//! is global except the `av:prefs` storage key and, for the stand-alone page, the
//! preference classes mirrored on `<html>`.

use std::rc::Rc;

use article::{section_ids, Article};
use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, HtmlElement, KeyboardEvent};
use yew::prelude::*;

use crate::browser::dom;
use crate::components::{reader_toolbar, resume_offer, ArticleView, ReadAloud, ReaderToolbarProps};
use crate::hooks::{use_aids, use_place, use_prefs, use_reading_progress, use_scroll_spy};
use crate::state::{shortcut, Panel, PrefsAction, Shortcut, Ui, UiAction};

/// Properties of [`Reader`].
#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    /// The validated article.
    pub article: Rc<Article>,
}

/// The viewer with its reading tools, on the viewer's own page (an embedded viewer
/// has none): the preference classes also go on `<html>`.
#[component]
pub fn Reader(props: &ReaderProps) -> Html {
    let a = props.article.clone();
    let root = use_node_ref();
    let prefs = use_prefs(true);
    let ui = use_reducer_eq(Ui::default);
    let ids = use_memo(a.clone(), |a| Rc::<[String]>::from(section_ids(a)));
    let spy = use_scroll_spy(root.clone(), (*ids).clone(), true);
    let offer = use_place(
        root.clone(),
        AttrValue::from(a.id.clone()),
        (*ids).clone(),
        AttrValue::default(),
        true,
    );
    let message = use_state_eq(AttrValue::default);
    let timer = use_mut_ref(|| None::<Timeout>);
    let share_url = use_state_eq(AttrValue::default);
    // The latest UI state, for the keyboard listener registered once.
    let ui_now = use_mut_ref(Ui::default);
    *ui_now.borrow_mut() = *ui;

    let say = {
        let (message, timer) = (message.setter(), timer.clone());
        Callback::from(move |m: String| {
            message.set(m.into());
            let clear = message.clone();
            *timer.borrow_mut() = Some(Timeout::new(6000, move || clear.set(AttrValue::default())));
        })
    };
    let copy = {
        let say = say.clone();
        Callback::from(move |(url, ok): (String, &'static str)| {
            let say = say.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if write_clipboard(&url).await {
                    say.emit(ok.to_owned());
                } else {
                    say.emit(format!("无法自动复制\u{ff0c}请手动复制\u{ff1a}{url}"));
                }
            });
        })
    };
    let on_copy_link = copy.reform(|id: AttrValue| (section_link(&id), "已复制本节链接"));
    let on_copy_page = copy.reform(|()| (page_href(), "已复制文章链接"));
    let on_print = Callback::from(|()| {
        if let Some(w) = dom::window() {
            let _ = w.print();
        }
    });
    let on_ui = {
        let (ui, share_url) = (ui.dispatcher(), share_url.setter());
        Callback::from(move |action: UiAction| {
            if action == UiAction::TogglePanel(Panel::Share) {
                share_url.set(page_href().into());
            }
            ui.dispatch(action);
        })
    };
    let on_prefs = prefs.dispatcher().to_callback();
    let on_navigate = {
        let (jump, ui) = (spy.jump.clone(), ui.dispatcher());
        Callback::from(move |id: AttrValue| {
            ui.dispatch(UiAction::CloseToc);
            jump.emit(id);
        })
    };
    let on_close_toc = {
        let (ui, root) = (ui.dispatcher(), root.clone());
        Callback::from(move |()| {
            ui.dispatch(UiAction::CloseToc);
            focus(&root, "#av-btn-toc");
        })
    };
    let on_top = {
        let root = root.clone();
        Callback::from(move |_: MouseEvent| {
            dom::scroll_to_top();
            // Without scrolling: a plain focus would cut the glide to the top short.
            if let Some(title) = root
                .cast::<Element>()
                .and_then(|r| r.query_selector("#av-title").ok().flatten())
            {
                dom::focus_quietly(&title);
            }
        })
    };

    // The drawer opened: move the focus into it, to the section being read.
    {
        let root = root.clone();
        use_effect_with(ui.toc_open, move |open| {
            if *open {
                let _ = focus(&root, "#av-toc [aria-current]") || focus(&root, "#av-toc a");
            }
        });
    }

    // Keyboard shortcuts: ? help, t TOC, + / - size, Esc closes.
    {
        let (prefs, ui, ui_now, root) = (
            prefs.dispatcher(),
            ui.dispatcher(),
            ui_now.clone(),
            root.clone(),
        );
        use_effect_with((), move |()| {
            let listener = dom::window().and_then(|w| w.document()).map(|doc| {
                EventListener::new(&doc, "keydown", move |e| {
                    let Some(e) = e.dyn_ref::<KeyboardEvent>() else {
                        return;
                    };
                    let modifier = e.ctrl_key() || e.alt_key() || e.meta_key();
                    let Some(s) = shortcut(&e.key(), modifier, is_typing(e.target())) else {
                        return;
                    };
                    match s {
                        Shortcut::Help => ui.dispatch(UiAction::TogglePanel(Panel::Help)),
                        Shortcut::Bigger => prefs.dispatch(PrefsAction::Bigger),
                        Shortcut::Smaller => prefs.dispatch(PrefsAction::Smaller),
                        Shortcut::Toc if is_narrow() => ui.dispatch(UiAction::ToggleToc),
                        Shortcut::Toc => {
                            let _ =
                                focus(&root, "#av-toc [aria-current]") || focus(&root, "#av-toc a");
                        }
                        Shortcut::Close => {
                            let now = *ui_now.borrow();
                            if !now.anything_open() {
                                return;
                            }
                            close_and_refocus(&root, now);
                            ui.dispatch(UiAction::CloseAll);
                        }
                    }
                    e.prevent_default();
                })
            });
            move || drop(listener)
        });
    }

    let p = *prefs;
    let lang = AttrValue::from(a.lang.clone());
    let aids = use_aids(p.aids, lang.clone());
    let can_speak = *use_memo((), |()| crate::components::can_speak());
    let progress = use_reading_progress();
    // The guide and the caption bar are fixed; early in the page, so the read-aloud
    // engine finds the caption bar at once.
    let toolbar = html! {
        <>
            { reader_toolbar(&ReaderToolbarProps { prefs: p, ui: *ui, has_toc: !ids.is_empty(),
                share_url: (*share_url).clone(),
                read_aloud: html! { <ReadAloud root={root.clone()} lang={lang.clone()} /> },
                on_prefs, on_ui, on_print, on_copy_page, can_speak, progress }) }
            if p.aids.guide {
                <div class="reading-guide" aria-hidden="true" ref={aids.guide}></div>
            }
            if p.aids.caption {
                <div class="caption-bar" aria-hidden="true" ref={aids.caption}></div>
            }
            { for offer.map(resume_offer) }
        </>
    };
    let after = html! {
        <>
            <p class="back-to-top"><button type="button" onclick={on_top}>{ "返回顶部" }</button></p>
            <p class={classes!("toast", (!message.is_empty()).then_some("is-shown"))} role="status">
                { (*message).clone() }
            </p>
        </>
    };
    // The page rendered ahead of the wasm cannot know the reader's preferences; it
    // takes them from the classes `theme-init.js` puts on <html>.
    let pref_classes = dom::window().is_some().then(|| p.classes());
    html! {
        <ArticleView article={a} class={classes!(pref_classes)} root_ref={root} {toolbar} {after}
            current_section={spy.current.clone()} toc_open={ui.toc_open} on_navigate={Some(on_navigate)}
            on_close_toc={Some(on_close_toc)} on_copy_link={Some(on_copy_link)} />
    }
}

/// Esc: give the focus back to the button that opened what is being closed.
fn close_and_refocus(root: &NodeRef, now: Ui) {
    let button = match now.panel {
        _ if now.more_open => "#av-btn-more",
        Some(Panel::Settings) => "#av-btn-settings",
        Some(Panel::Share) => "#av-btn-share",
        Some(Panel::Help) => "#av-btn-help",
        None => "#av-btn-toc",
    };
    focus(root, button);
}

/// Focuses the first element matching `selector` inside the viewer.
fn focus(root: &NodeRef, selector: &str) -> bool {
    let el = root
        .cast::<Element>()
        .and_then(|r| r.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<HtmlElement>().ok());
    match el {
        Some(el) => el.focus().is_ok(),
        None => false,
    }
}

/// True below the width where the TOC becomes a sidebar (layout.css, 64rem).
fn is_narrow() -> bool {
    dom::window()
        .and_then(|w| w.match_media("(max-width: 63.99rem)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Keys typed into a text field are text, not shortcuts.
fn is_typing(target: Option<web_sys::EventTarget>) -> bool {
    let Some(el) = target.and_then(|t| t.dyn_into::<HtmlElement>().ok()) else {
        return false;
    };
    if el.is_content_editable() {
        return true;
    }
    match el.tag_name().as_str() {
        "TEXTAREA" | "SELECT" => true,
        "INPUT" => !matches!(
            el.get_attribute("type").as_deref(),
            Some("radio" | "checkbox" | "button" | "submit" | "reset")
        ),
        _ => false,
    }
}

/// A link to section `id` of this page, keeping the article route if there is one.
fn section_link(id: &str) -> String {
    let hash = dom::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    format!(
        "{}{}",
        page_base(),
        crate::route::hash_for_section(&hash, Some(id))
    )
}

/// The page URL without its hash.
fn page_base() -> String {
    let origin = dom::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    format!("{origin}{}", dom::page_path())
}

/// The page URL as it is now, hash included (the section being read).
fn page_href() -> String {
    dom::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// `navigator.clipboard.writeText`, false where it is missing or refused.
async fn write_clipboard(text: &str) -> bool {
    let Some(w) = dom::window() else {
        return false;
    };
    let clip = js_sys::Reflect::get(&w.navigator(), &"clipboard".into()).unwrap_or_default();
    if !clip.is_object() {
        return false;
    }
    let clip: web_sys::Clipboard = clip.unchecked_into();
    JsFuture::from(clip.write_text(text)).await.is_ok()
}
