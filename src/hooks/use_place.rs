//! Keeps the reader's place in each article (`crate::place`) and returns them to
//! it: by itself when they come back to the page (reload, back / forward, a tab the
//! phone discarded) or the URL names the kept section; otherwise as an offer
//! (上次读到 …) the reader may take or dismiss. Works without storage: nothing is
//! kept then.

use std::cell::Cell;
use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, ScrollLogicalPosition};
use yew::prelude::*;

use crate::hooks::use_prefs::storage;
use crate::place::{arrival, permille, Arrival, Place, Places, PLACES_KEY};

thread_local! {
    /// Only the first article of a page load can be a return to it.
    static LOAD_CHECKED: Cell<Option<bool>> = const { Cell::new(None) };
    /// The reader was just returned to their place: the route's own landing on the
    /// section in the URL must not move them again.
    static RETURNED: Cell<bool> = const { Cell::new(false) };
}

/// True (once) when the article that just opened returned the reader to their place,
/// so the route skips landing on the URL's section.
pub(crate) fn returned_to_place() -> bool {
    RETURNED.with(|r| r.replace(false))
}

/// The page load showed something else first (a list): an article opened from it is
/// a new visit, whatever the load was (a reload of the list, back to it).
pub(crate) fn load_shown_elsewhere() {
    LOAD_CHECKED.with(|c| {
        if c.get().is_none() {
            c.set(Some(false));
        }
    });
}

/// The offer to continue: the section's heading and the two answers.
#[derive(Clone, PartialEq)]
pub struct PlaceOffer {
    /// The heading of the section last read.
    pub heading: AttrValue,
    /// 继续阅读.
    pub resume: Callback<MouseEvent>,
    /// Dismisses the offer.
    pub dismiss: Callback<MouseEvent>,
}

fn load() -> Places {
    storage()
        .and_then(|s| s.get_item(PLACES_KEY).ok().flatten())
        .map(|v| Places::decode(&v))
        .unwrap_or_default()
}

/// True when the browser says the reader came back to this page load. The
/// stand-alone page asks with `consume`: its later articles (in-app links) are new
/// visits; the embedded viewers of a host page all arrive with the load.
fn returning(consume: bool) -> bool {
    let known = LOAD_CHECKED.with(Cell::get);
    let r = known.unwrap_or_else(navigation_is_return);
    LOAD_CHECKED.with(|c| c.set(Some(r && !consume)));
    r
}

fn navigation_is_return() -> bool {
    let Some(w) = crate::browser::dom::window() else {
        return false;
    };
    let get = |o: &JsValue, k: &str| js_sys::Reflect::get(o, &k.into()).unwrap_or_default();
    let discarded = w
        .document()
        .is_some_and(|d| get(&d, "wasDiscarded").is_truthy());
    let perf = get(&w, "performance");
    let kind = get(&perf, "getEntriesByType")
        .dyn_into::<js_sys::Function>()
        .ok()
        .and_then(|f| f.call1(&perf, &"navigation".into()).ok())
        .map(|list| get(&get(&list, "0"), "type"))
        .and_then(|t| t.as_string());
    discarded || matches!(kind.as_deref(), Some("reload" | "back_forward"))
}

fn headings(root: &Element) -> Vec<Element> {
    root.query_selector_all(".section-heading")
        .ok()
        .map(|l| {
            (0..l.length())
                .filter_map(|i| l.item(i)?.dyn_into().ok())
                .collect()
        })
        .unwrap_or_default()
}

/// Where a landed heading's top sits: its `scroll-margin-top`.
fn landing_line(h: &Element) -> f64 {
    crate::browser::dom::window()
        .and_then(|w| w.get_computed_style(h).ok().flatten())
        .and_then(|s| s.get_property_value("scroll-margin-top").ok())
        // The whole pixels only: parsing a float would pull float parsing into the wasm.
        .and_then(|v| v.split(['.', 'p']).next()?.trim().parse::<i32>().ok())
        .map_or(0.0, f64::from)
}

fn top(el: &Element) -> f64 {
    el.get_bounding_client_rect().top()
}

/// The top of what follows heading `i`: the next heading, or the end of the viewer.
fn next_top(root: &Element, hs: &[Element], i: usize) -> f64 {
    match hs.get(i + 1) {
        Some(n) => top(n),
        None => root
            .query_selector(".av-end")
            .ok()
            .flatten()
            .map_or(top(&hs[i]), |e| top(&e)),
    }
}

/// The place on screen now: the section the scroll-spy names (the last heading that
/// has reached its reading line, a third down the screen), and the landing line's
/// way through it.
fn measure(root: &Element, hs: &[Element], ids: &[String], prefix: &str) -> Option<Place> {
    let landing = landing_line(hs.first()?);
    let vh = crate::browser::dom::window()?
        .inner_height()
        .ok()?
        .as_f64()?;
    let line = vh * 0.3;
    // Headings are in page order: a binary search measures a handful of them.
    let (mut lo, mut hi) = (0, hs.len());
    while lo < hi {
        let mid = (lo + hi) / 2;
        if top(&hs[mid]) <= line {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    let i = lo.checked_sub(1)?;
    let section = ids.get(i)?.strip_prefix(prefix)?.to_owned();
    let pm = permille(landing, top(&hs[i]), next_top(root, hs, i));
    Some(Place {
        section,
        permille: pm,
    })
}

fn next_frame(f: impl FnOnce() + 'static) {
    if let Some(w) = crate::browser::dom::window() {
        let cb = Closure::once_into_js(f);
        let _ = w.request_animation_frame(cb.unchecked_ref());
    }
}

/// Scrolls to `p`: the heading at once, then, when the sections around it have been
/// laid out (two frames on), the way through it.
fn go_to(root: Element, hs: Rc<Vec<Element>>, i: usize, pm: i16, done: impl FnOnce() + 'static) {
    let Some(h) = hs.get(i).cloned() else {
        return done();
    };
    crate::browser::dom::scroll_to_element(&h, ScrollLogicalPosition::Start, false);
    next_frame(move || {
        next_frame(move || {
            if let Some(w) = crate::browser::dom::window() {
                let t = top(&h);
                let delta =
                    t - landing_line(&h) + f64::from(pm) / 1000.0 * (next_top(&root, &hs, i) - t);
                crate::browser::dom::jump_to(
                    w.scroll_x().unwrap_or(0.0),
                    w.scroll_y().unwrap_or(0.0) + delta.round(),
                );
            }
            done();
        });
    });
}

/// The section (its index) and the way through it offered to continue, with its heading.
type Offered = Option<(usize, i16, AttrValue)>;

/// The place of article `article` in the viewer at `root` (section ids `ids`, each
/// with `prefix`). Returns the offer to continue while there is one; `offer: false`
/// (embedded) never offers, it only returns.
#[hook]
pub fn use_place(
    root: NodeRef,
    article: AttrValue,
    ids: Rc<[String]>,
    prefix: AttrValue,
    offer: bool,
) -> Option<PlaceOffer> {
    let offered = use_state_eq(|| None as Offered);
    let hs = use_mut_ref(|| Rc::new(Vec::<Element>::new()));
    {
        let (root, hs, offered) = (root.clone(), hs.clone(), offered.setter());
        use_effect_with((article, ids, prefix), move |(article, ids, prefix)| {
            let listeners = root.cast::<Element>().and_then(|r| {
                let list = Rc::new(headings(&r));
                *hs.borrow_mut() = list.clone();
                let at = At {
                    root: r,
                    hs: list,
                    article: article.clone(),
                    ids: ids.clone(),
                    prefix: prefix.clone(),
                };
                arrive(Rc::new(at), offer, offered)
            });
            move || drop(listeners)
        });
    }
    let (i, pm, heading) = (*offered).clone()?;
    let resume = {
        let offered = offered.setter();
        Callback::from(move |_: MouseEvent| {
            offered.set(None);
            let (Some(r), hs) = (root.cast::<Element>(), hs.borrow().clone()) else {
                return;
            };
            let Some(h) = hs.get(i).cloned() else {
                return;
            };
            go_to(r, hs, i, pm, move || {
                crate::browser::dom::focus_quietly(&h);
            });
        })
    };
    let dismiss = {
        let offered = offered.setter();
        Callback::from(move |_: MouseEvent| offered.set(None))
    };
    Some(PlaceOffer {
        heading,
        resume,
        dismiss,
    })
}

/// One article in one viewer.
struct At {
    root: Element,
    hs: Rc<Vec<Element>>,
    article: AttrValue,
    ids: Rc<[String]>,
    prefix: AttrValue,
}

impl At {
    fn index(&self, p: &Place) -> Option<usize> {
        self.ids
            .iter()
            .position(|id| id.strip_prefix(self.prefix.as_str()) == Some(p.section.as_str()))
    }

    /// Keeps the place on screen now, if it changed.
    fn save(&self) {
        let Some(s) = storage() else {
            return;
        };
        let now = measure(&self.root, &self.hs, &self.ids, &self.prefix);
        // Read again: another tab may have kept places since.
        let mut places = load();
        if places.get(&self.article) != now.as_ref() {
            places.put(&self.article, now);
            let _ = s.set_item(PLACES_KEY, &places.encode());
        }
    }
}

/// Decides what to do on arrival, does it, then keeps the place as the reader moves.
fn arrive(at: Rc<At>, offer: bool, offered: UseStateSetter<Offered>) -> Option<[EventListener; 3]> {
    let w = crate::browser::dom::window()?;
    let doc = w.document()?;
    let kept = load().get(&at.article).cloned();
    let hash = crate::browser::dom::current_hash();
    let url = crate::route::section_in_hash(&hash);
    let url = url
        .as_deref()
        .map(|s| s.strip_prefix(at.prefix.as_str()).unwrap_or(s));
    // Nothing is kept until the arrival has happened: its own scroll is not reading.
    let settled = Rc::new(Cell::new(false));
    match arrival(kept.as_ref(), url, returning(offer)) {
        Arrival::Return(p) => match at.index(&p) {
            Some(i) => {
                // The stand-alone page only: embedded viewers share this wasm.
                RETURNED.with(|r| r.set(offer));
                let s = settled.clone();
                go_to(at.root.clone(), at.hs.clone(), i, p.permille, move || {
                    s.set(true)
                });
            }
            None => settled.set(true),
        },
        Arrival::Offer(p) if offer => {
            if let Some(i) = at.index(&p) {
                let heading = at
                    .hs
                    .get(i)
                    .and_then(|h| h.text_content())
                    .unwrap_or_default();
                offered.set(Some((i, p.permille, heading.trim().to_owned().into())));
            }
            settled.set(true);
        }
        _ => settled.set(true),
    }
    let moved = Rc::new(Cell::new(false));
    let on_scroll = {
        let moved = moved.clone();
        EventListener::new(&w, "scroll", move |_| moved.set(settled.get()))
    };
    // Only after the reader scrolled: a glance at an offer keeps the place.
    let save = Rc::new(move || {
        if moved.replace(false) {
            at.save();
        }
    });
    let on_end = {
        let save = save.clone();
        EventListener::new(&w, "scrollend", move |_| save())
    };
    // Where scrollend is missing, leaving the page keeps it.
    let on_hide = EventListener::new(&doc, "visibilitychange", move |_| save());
    Some([on_scroll, on_end, on_hide])
}
