//! The hand-over from the page rendered at build time (every page of the site, see
//! crates/site) to the live app. The reader may already be reading it:
//! where they had scrolled to and what had keyboard focus carry over, since the
//! app's first render is the same page, element for element.

use std::cell::{OnceCell, RefCell};
use std::rc::Rc;

use article::{Article, ArticleIndex, LoadError};

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use crate::PRERENDER_ID;

thread_local! {
    static PENDING: RefCell<Option<Handover>> = const { RefCell::new(None) };
    static PAGE_DATA: OnceCell<PageData> = const { OnceCell::new() };
}

/// What the site build gives a page for the app, in data blocks
/// (`<script type="application/json">`: never run, allowed by the CSP): the
/// article's JSON (`av-article`), an article page's neighbours as an index of the
/// previous article, the article and the next (`av-neighbours`), a list page's index
/// (`av-index`). Read once, before the app mounts: mounting clears `<body>`.
struct PageData {
    article: Option<Result<Rc<Article>, LoadError>>,
    neighbours: Option<Rc<ArticleIndex>>,
    index: Option<Rc<ArticleIndex>>,
}

fn page_data<T>(f: impl FnOnce(&PageData) -> T) -> T {
    PAGE_DATA.with(|c| {
        f(c.get_or_init(|| {
            let text = crate::browser::dom::text_of;
            let index = |id: &str| {
                let t = text(id)?;
                article::parse_index(t.as_bytes()).ok().map(Rc::new)
            };
            PageData {
                article: text("av-article")
                    .map(|t| article::parse_article(t.as_bytes()).map(Rc::new)),
                neighbours: index("av-neighbours"),
                index: index("av-index"),
            }
        }))
    })
}

/// The article the page carries, parsed by the core loader: the app starts from it,
/// with no request, as the page rendered at build time shows it. `None` when the page
/// carries none; the load error when its JSON is bad (shown as any load error is).
pub(crate) fn page_article() -> Option<Result<Rc<Article>, LoadError>> {
    page_data(|d| d.article.clone())
}

/// The neighbours an article page carries: its 上一篇 / 下一篇 links are there in the
/// first render, as in the page rendered at build time.
pub(crate) fn page_neighbours() -> Option<Rc<ArticleIndex>> {
    page_data(|d| d.neighbours.clone())
}

/// The article index a list page carries, if it does and it loads: the list is shown
/// from it at once, as the page rendered at build time shows it.
pub(crate) fn page_index() -> Option<Rc<ArticleIndex>> {
    page_data(|d| d.index.clone())
}

/// Removes the page rendered at build time, if there is one, and keeps the reader's
/// place in it for [`restore_reader_place`]; reads the data blocks the page carries.
/// Call it right before the app renders: both happen before the next paint (Yew
/// renders in a microtask).
pub fn take_prerendered_page() {
    page_data(|_| ());
    if let Some(h) = Handover::take() {
        PENDING.with(|p| *p.borrow_mut() = Some(h));
    }
}

/// True from [`take_prerendered_page`] until [`restore_reader_place`]: the app's page
/// is replacing one the reader may already have scrolled in.
pub(crate) fn pending() -> bool {
    PENDING.with(|p| p.borrow().is_some())
}

/// Once the app has rendered the article: puts the reader back where they were in
/// the page rendered at build time. True if there was such a page; false, doing
/// nothing, after the first time.
pub(crate) fn restore_reader_place() -> bool {
    PENDING
        .with(|p| p.borrow_mut().take())
        .map(Handover::restore)
        .is_some()
}

/// The reader's place in the page rendered at build time, taken as it is removed.
#[derive(Debug)]
struct Handover {
    scroll: (f64, f64),
    /// Child indices from the page's root (`.av-scope`, or a list page's) to the focused element.
    focus: Option<Vec<u32>>,
}

impl Handover {
    fn take() -> Option<Handover> {
        let w = crate::browser::dom::window()?;
        let doc = w.document()?;
        let root = doc.get_element_by_id(PRERENDER_ID)?;
        // Hidden (`theme-init.js`: the URL names another article), it was never read.
        let shown = root
            .dyn_ref::<HtmlElement>()
            .is_some_and(|r| r.offset_height() > 0);
        // The page's own article or list takes over its place; an address that names
        // something else (an old hash route, `?src=`) starts on its own.
        let default_article = !crate::route::opens_elsewhere(
            &crate::browser::dom::current_hash(),
            crate::browser::dom::query_src().as_deref(),
        );
        if !shown || !default_article {
            root.remove();
            return None;
        }
        let scroll = (w.scroll_x().unwrap_or(0.0), w.scroll_y().unwrap_or(0.0));
        let focus = root
            .first_element_child()
            .zip(doc.active_element())
            .and_then(|(scope, active)| path_to(&scope, &active));
        root.remove();
        Some(Handover { scroll, focus })
    }

    fn restore(self) {
        let Some(w) = crate::browser::dom::window() else {
            return;
        };
        // Between removing the page and rendering the app the document is short for a
        // moment, and the browser may reset the offset to the top: put it back, at once
        // and before the next paint, only if it was lost that way, never over scrolling
        // the reader did since.
        let now = (w.scroll_x().unwrap_or(0.0), w.scroll_y().unwrap_or(0.0));
        if now == (0.0, 0.0) && self.scroll != now {
            crate::browser::dom::jump_to(self.scroll.0, self.scroll.1);
        }
        let doc = w.document();
        // Focus moved on in the meantime (Yew may yield to the browser before its
        // effects run): leave it where the reader put it.
        let body_focused = doc.as_ref().is_some_and(|d| {
            d.active_element()
                .is_none_or(|a| d.body().is_some_and(|b| b.is_same_node(Some(&a))))
        });
        let scope = doc.filter(|_| body_focused).and_then(|d| {
            d.query_selector("body > .av-scope, body > .article-list-page")
                .ok()
                .flatten()
        });
        let target = self
            .focus
            .zip(scope)
            .and_then(|(path, scope)| follow(&scope, &path));
        if let Some(el) = target {
            super::dom::focus_quietly(&el);
        }
    }
}

/// The child indices leading from `root` down to `el`, if `el` is inside it.
fn path_to(root: &Element, el: &Element) -> Option<Vec<u32>> {
    let mut path = Vec::new();
    let mut cur = el.clone();
    while &cur != root {
        let parent = cur.parent_element()?;
        let children = parent.children();
        let index = (0..children.length()).find(|&i| children.item(i).as_ref() == Some(&cur))?;
        path.push(index);
        cur = parent;
    }
    path.reverse();
    Some(path)
}

fn follow(root: &Element, path: &[u32]) -> Option<Element> {
    path.iter()
        .try_fold(root.clone(), |el, &i| el.children().item(i))
}
