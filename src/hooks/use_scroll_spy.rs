//! Scroll-spy: which section is being read, from `IntersectionObserver` reports
//! (no scroll handler). Each report only updates the core's [`SectionTracker`] for
//! the sections it names: no heading is re-measured, so a report costs the same in a
//! 4,000-section article as in a short one. The URL hash follows the section being
//! read through `history.replaceState` (reading adds no history entries), and only
//! when that section changes.

use std::cell::RefCell;
use std::rc::Rc;

use article::SectionTracker;
use gloo_events::EventListener;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};
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
    /// Fed by the observers' reports only; nothing is re-measured per report.
    tracker: SectionTracker,
    /// The observer has reported at least once; before that, "no section" only
    /// means "not measured yet" and must not clear the hash.
    measured: bool,
}

impl Spy {
    fn current(&mut self) -> Option<usize> {
        let headings = &self.headings;
        // Asked only about a section a jump pinned: one heading, one measurement.
        self.tracker.current(|p| {
            let vh = crate::browser::dom::window()
                .and_then(|w| w.inner_height().ok())
                .and_then(|h| h.as_f64())
                .unwrap_or(0.0);
            headings.get(p).is_some_and(|h| {
                let top = h.get_bounding_client_rect().top();
                (-1.0..vh).contains(&top)
            })
        })
    }
}

fn replace_hash(id: Option<&str>, ids: &[String]) {
    let Some(window) = crate::browser::dom::window() else {
        return;
    };
    let loc = window.location();
    let hash = loc.hash().unwrap_or_default();
    let current = route::section_in_hash(&hash);
    let base = crate::browser::dom::page_path();
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
            move || drop(observers)
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
            s.tracker.jump(i);
            drop(s);
            current.set(Some(i));
            crate::browser::dom::scroll_to_element(&h, web_sys::ScrollLogicalPosition::Start, true);
            crate::browser::dom::focus_quietly(&h);
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

/// The headings with `ids`, in order. The body renders one per TOC entry, in TOC
/// order, so one query finds them all (not one query per section: thousands in a
/// long article). `None` if the body and the ids disagree.
fn find_headings(root: &Element, ids: &[String]) -> Option<Vec<Element>> {
    let list = root.query_selector_all(".section-heading").ok()?;
    let headings: Vec<Element> = (0..list.length())
        .filter_map(|i| list.item(i).and_then(|n| n.dyn_into::<Element>().ok()))
        .collect();
    (headings.len() == ids.len() && headings.iter().zip(ids).all(|(h, id)| h.id() == *id))
        .then_some(headings)
}

/// The observers and what they call; dropping them stops the spy.
struct Observers {
    observers: [IntersectionObserver; 3],
    _callbacks: [Closure<dyn FnMut(js_sys::Array)>; 3],
    _arrived: EventListener,
}

impl Drop for Observers {
    fn drop(&mut self) {
        for o in &self.observers {
            o.disconnect();
        }
    }
}

/// How far above the screen the observed bands reach, in screen heights. Only the
/// last section that has reached the line must stay inside the band (it is at most
/// a gap away from the line); sections further up may leave it.
const ABOVE: &str = "1000%";

fn start(
    root: &NodeRef,
    ids: &Rc<[String]>,
    spy: &Rc<RefCell<Spy>>,
    current: UseStateSetter<Option<usize>>,
) -> Option<Observers> {
    let root = root.cast::<Element>()?;
    let headings = find_headings(&root, ids)?;
    let end = root.query_selector(".av-end").ok().flatten()?;
    // Each section (or a heading outside any section) maps to its index.
    let index = js_sys::Map::new();
    let targets: Vec<Element> = headings
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let t = h
                .closest("section")
                .ok()
                .flatten()
                .unwrap_or_else(|| h.clone());
            index.set(&t, &JsValue::from(i as u32));
            t
        })
        .collect();
    {
        let mut s = spy.borrow_mut();
        s.ids = ids.clone();
        s.headings = headings;
        s.tracker = SectionTracker::new();
        s.measured = false;
        // Landing on `#sec-n` counts as a jump there; not when the page rendered at
        // build time already landed and the reader may have read on: the reports say
        // where they are.
        let hash = crate::browser::dom::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        let landed = route::section_in_hash(&hash);
        let jumped = ids.iter().position(|i| Some(i) == landed.as_ref());
        if let Some(i) = jumped.filter(|_| !crate::browser::handover::pending()) {
            s.tracker.jump(i);
        }
    }

    let arrived = {
        let spy = spy.clone();
        let window = crate::browser::dom::window()?;
        EventListener::new(&window, "scrollend", move |_| {
            spy.borrow_mut().tracker.arrived()
        })
    };
    // One callback per observer: each applies its reports, then picks the section.
    let callback = |apply: fn(&mut SectionTracker, Option<usize>, bool)| {
        let (spy, index, current) = (spy.clone(), index.clone(), current.clone());
        Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let mut s = spy.borrow_mut();
            s.measured = true;
            for e in entries.iter() {
                let e: IntersectionObserverEntry = e.unchecked_into();
                let i = index.get(&e.target()).as_f64().map(|i| i as usize);
                apply(&mut s.tracker, i, e.is_intersecting());
            }
            let now = s.current();
            // Release the borrow first: setting state may render synchronously.
            drop(s);
            current.set(now);
        })
    };
    let observer = |cb: &Closure<dyn FnMut(js_sys::Array)>, margin: &str| {
        let init = IntersectionObserverInit::new();
        init.set_root_margin(margin);
        IntersectionObserver::new_with_options(cb.as_ref().unchecked_ref(), &init).ok()
    };
    // Sections whose top has reached the reading line, a third down the screen.
    let line_cb = callback(|t, i, yes| {
        if let Some(i) = i {
            t.set_above_line(i, yes)
        }
    });
    let line_io = observer(&line_cb, &format!("{ABOVE} 0px -70% 0px"))?;
    // Sections whose top is above the bottom of the screen: at the end of the page
    // the last of them is the one being read.
    let bottom_cb = callback(|t, i, yes| {
        if let Some(i) = i {
            t.set_above_bottom(i, yes)
        }
    });
    let bottom_io = observer(&bottom_cb, &format!("{ABOVE} 0px 0px 0px"))?;
    for t in &targets {
        line_io.observe(t);
        bottom_io.observe(t);
    }
    // The end of the viewer on screen.
    let end_cb = callback(|t, _, yes| t.set_at_end(yes));
    let end_io = observer(&end_cb, "0px")?;
    end_io.observe(&end);
    Some(Observers {
        observers: [line_io, bottom_io, end_io],
        _callbacks: [line_cb, bottom_cb, end_cb],
        _arrived: arrived,
    })
}
