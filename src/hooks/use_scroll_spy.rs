//! Scroll-spy: which section is being read, from an `IntersectionObserver` (no
//! scroll handler). The URL hash follows it through `history.replaceState`, so
//! reading adds no history entries.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    Element, FocusOptions, HtmlElement, IntersectionObserver, IntersectionObserverEntry,
    IntersectionObserverInit,
};
use yew::prelude::*;

use crate::route;

/// What [`use_scroll_spy`] returns.
#[derive(Clone, PartialEq)]
pub struct ScrollSpy {
    /// Id of the section being read, if any.
    pub current: Option<AttrValue>,
    /// Scrolls to a section, marks it current and focuses its heading.
    pub jump: Callback<AttrValue>,
}

#[derive(Default)]
struct Spy {
    ids: Rc<[String]>,
    headings: Vec<Element>,
    /// The end of the viewer is on screen: the last section is the one being read,
    /// even when it is too short to reach the reading line.
    at_end: bool,
    /// Set by a jump; holds while its heading is on screen and no later heading
    /// has reached the reading line, so a short section stays marked after a jump.
    pinned: Option<usize>,
    /// A jump's scroll is still under way (until `scrollend`): the pin holds.
    arriving: bool,
    /// The observer has reported at least once; before that, "no section" only
    /// means "not measured yet" and must not clear the hash.
    measured: bool,
}

impl Spy {
    fn compute(&mut self) -> Option<usize> {
        let vh = web_sys::window()
            .and_then(|w| w.inner_height().ok())
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0);
        // The reading line: a third down the viewport.
        let line = vh * 0.3;
        let tops: Vec<f64> = self
            .headings
            .iter()
            .map(|h| h.get_bounding_client_rect().top())
            .collect();
        if let Some(p) = self.pinned {
            if self.arriving {
                return Some(p);
            }
            let later_reached = tops[p + 1..].iter().any(|&t| t <= line);
            if tops[p] >= -1.0 && tops[p] < vh && !later_reached {
                return Some(p);
            }
            self.pinned = None;
        }
        if self.at_end {
            tops.iter().rposition(|&t| t < vh)
        } else {
            tops.iter().rposition(|&t| t <= line)
        }
    }
}

fn replace_hash(id: Option<&str>, ids: &[String]) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let loc = window.location();
    let hash = loc.hash().unwrap_or_default();
    let current = route::section_in_hash(&hash);
    let base = format!(
        "{}{}",
        loc.pathname().unwrap_or_default(),
        loc.search().unwrap_or_default()
    );
    // Under an article route (`#/a/<id>`) the section goes after the route, so the
    // route survives; on the plain page it is the whole hash.
    let url = match id {
        Some(id) if current.as_deref() != Some(id) => {
            format!("{base}{}", route::hash_for_section(&hash, Some(id)))
        }
        // Only drop a hash that names one of our sections.
        None if current.is_some_and(|c| ids.contains(&c)) => {
            format!("{base}{}", route::hash_for_section(&hash, None))
        }
        _ => return,
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// Tracks the section being read among the headings with `ids` inside `root`.
/// `root` must contain an element with class `av-end` at its very end. With
/// `follow_hash` the URL hash names the section being read (the viewer's own page);
/// an embedded viewer passes false and leaves the host page's URL alone.
#[hook]
pub fn use_scroll_spy(root: NodeRef, ids: Rc<[String]>, follow_hash: bool) -> ScrollSpy {
    let current = use_state_eq(|| None::<usize>);
    let spy = use_mut_ref(Spy::default);

    {
        let spy = spy.clone();
        let current = current.setter();
        use_effect_with(ids.clone(), move |ids| {
            let observers = start(&root, ids, &spy, current);
            move || {
                if let Some((a, b, _closure, _arrived)) = observers {
                    a.disconnect();
                    b.disconnect();
                }
            }
        });
    }

    {
        let spy = spy.clone();
        use_effect_with(*current, move |c| {
            let s = spy.borrow();
            if !s.measured || !follow_hash {
                return;
            }
            replace_hash(c.and_then(|i| s.ids.get(i)).map(String::as_str), &s.ids);
        });
    }

    let jump = {
        let spy = spy.clone();
        let current = current.setter();
        Callback::from(move |id: AttrValue| {
            let mut s = spy.borrow_mut();
            let Some(i) = s.ids.iter().position(|x| **x == *id) else {
                return;
            };
            let Some(h) = s.headings.get(i).cloned() else {
                return;
            };
            s.pinned = Some(i);
            s.arriving = true;
            drop(s);
            current.set(Some(i));
            // Smooth unless prefers-reduced-motion: `scroll-behavior` in base.css.
            h.scroll_into_view();
            if let Some(h) = h.dyn_ref::<HtmlElement>() {
                let opts = FocusOptions::new();
                opts.set_prevent_scroll(true);
                let _ = h.focus_with_options(&opts);
            }
        })
    };

    let s = spy.borrow();
    ScrollSpy {
        current: current
            .and_then(|i| s.ids.get(i))
            .map(|id| AttrValue::from(id.clone())),
        jump,
    }
}

type Observers = (
    IntersectionObserver,
    IntersectionObserver,
    Closure<dyn FnMut(js_sys::Array)>,
    EventListener,
);

fn start(
    root: &NodeRef,
    ids: &Rc<[String]>,
    spy: &Rc<RefCell<Spy>>,
    current: UseStateSetter<Option<usize>>,
) -> Option<Observers> {
    let root = root.cast::<Element>()?;
    let headings: Vec<Element> = ids
        .iter()
        .filter_map(|id| root.query_selector(&format!("#{id}")).ok().flatten())
        .collect();
    let end = root.query_selector(".av-end").ok().flatten()?;
    if headings.len() != ids.len() {
        return None;
    }
    {
        let mut s = spy.borrow_mut();
        s.ids = ids.clone();
        s.headings = headings.clone();
        // Landing on `#sec-n` counts as a jump there.
        let hash = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        let landed = route::section_in_hash(&hash);
        s.pinned = ids.iter().position(|i| Some(i) == landed.as_ref());
        s.arriving = s.pinned.is_some();
    }

    let arrived = {
        let spy = spy.clone();
        let window = web_sys::window()?;
        EventListener::new(&window, "scrollend", move |_| {
            spy.borrow_mut().arriving = false
        })
    };
    let spy = spy.clone();
    let end_el = end.clone();
    let closure = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let mut s = spy.borrow_mut();
        s.measured = true;
        for e in entries.iter() {
            let e: IntersectionObserverEntry = e.unchecked_into();
            if e.target() == end_el {
                s.at_end = e.is_intersecting();
            }
        }
        let now = s.compute();
        // Release the borrow first: setting state may render synchronously.
        drop(s);
        current.set(now);
    });
    let f = closure.as_ref().unchecked_ref();
    // Headings: notified when one crosses the reading line, a third down the screen.
    let init = IntersectionObserverInit::new();
    init.set_root_margin("0px 0px -70% 0px");
    let headings_io = IntersectionObserver::new_with_options(f, &init).ok()?;
    for h in &headings {
        headings_io.observe(h);
    }
    // Sections and the end: notified whenever one enters or leaves the screen, so
    // a long jump that carries every heading past the line is noticed too.
    let end_io = IntersectionObserver::new(f).ok()?;
    end_io.observe(&end);
    for h in &headings {
        if let Some(section) = h.closest("section").ok().flatten() {
            end_io.observe(&section);
        }
    }
    Some((headings_io, end_io, closure, arrived))
}
