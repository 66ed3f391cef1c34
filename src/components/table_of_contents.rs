//! The table of contents (目录): numbered, nested for subsections, the section
//! being read marked `aria-current="location"`. A sticky sidebar on wide screens,
//! a drawer on narrow ones (opened by the toolbar's 目录 button, `#av-toc`).

use std::rc::Rc;

use article::{Toc, TocEntry};
use yew::prelude::*;

/// What [`table_of_contents`] shows.
pub struct TableOfContentsProps {
    /// The entries to list.
    pub toc: Rc<Toc>,
    /// Drawer open (narrow screens only; the sidebar is always shown).
    pub open: bool,
    /// Called with the section id instead of following the link, when set; stable
    /// across renders (`hooks::use_latest_callback`), so the lists do not re-render.
    pub on_navigate: Option<Callback<AttrValue>>,
    /// Closes the drawer; when set, the drawer has a 关闭 button (narrow screens).
    pub on_close: Option<Callback<()>>,
    /// The `nav` element, for [`mark_current`].
    pub nav: NodeRef,
}

/// `nav` landmark labelled 目录 with nested ordered lists of links to the sections.
///
/// The lists depend on the TOC alone and are not re-rendered when the section being
/// read changes (4,000 entries in a long article): `ArticleView`'s effect moves the
/// one `aria-current` attribute instead ([`mark_current`]).
pub fn table_of_contents(props: &TableOfContentsProps) -> Html {
    html! {
        <nav id="av-toc" class={classes!("table-of-contents", props.open.then_some("is-open"))}
            aria-labelledby="av-toc-title" ref={props.nav.clone()}>
            <div class="toc-head">
                <h2 id="av-toc-title" class="toc-title">{ "目录" }</h2>
                if let Some(cb) = &props.on_close {
                    <button type="button" class="toc-close" aria-label="关闭目录"
                        onclick={cb.reform(|_: MouseEvent| ())}>{ "关闭" }</button>
                }
            </div>
            <TocLists toc={props.toc.clone()} on_navigate={props.on_navigate.clone()} />
        </nav>
    }
}

/// Moves `aria-current="location"` to the link of section `current`.
pub(crate) fn mark_current(nav: &NodeRef, current: Option<&str>) {
    let Some(nav) = nav.cast::<web_sys::Element>() else {
        return;
    };
    if let Ok(Some(old)) = nav.query_selector("[aria-current]") {
        if current.is_some_and(|c| old.get_attribute("href").as_deref() == Some(&format!("#{c}"))) {
            return;
        }
        let _ = old.remove_attribute("aria-current");
    }
    let Some(id) = current else {
        return;
    };
    // Ids are ASCII letters, digits, `-` and `_` (article::toc): safe in a selector.
    if let Ok(Some(link)) = nav.query_selector(&format!("a[href=\"#{id}\"]")) {
        let _ = link.set_attribute("aria-current", "location");
    }
}

#[derive(Properties, PartialEq)]
struct TocListsProps {
    toc: Rc<Toc>,
    on_navigate: Option<Callback<AttrValue>>,
}

/// The nested lists; renders again only when the TOC itself changes.
#[component]
fn TocLists(props: &TocListsProps) -> Html {
    let ends = props.toc.subtree_ends();
    list(&props.toc.entries, 0, &ends, props.on_navigate.as_ref())
}

/// One `<ol>` for the entries of one level: `entries[start..]` up to the end of
/// the parent's subtree (`ends`, from [`Toc::subtree_ends`]), depth-first.
fn list(
    entries: &[TocEntry],
    start: usize,
    ends: &[usize],
    on_navigate: Option<&Callback<AttrValue>>,
) -> Html {
    if entries.is_empty() {
        return Html::default();
    }
    let mut items = Vec::new();
    let mut i = 0;
    while i < entries.len() {
        let end = ends[start + i] - start;
        items.push(item(
            &entries[i],
            &entries[i + 1..end],
            start + i + 1,
            ends,
            on_navigate,
        ));
        i = end;
    }
    html! { <ol class="toc-list">{ for items }</ol> }
}

fn item(
    e: &TocEntry,
    children: &[TocEntry],
    children_start: usize,
    ends: &[usize],
    on_navigate: Option<&Callback<AttrValue>>,
) -> Html {
    let onclick = on_navigate.map(|cb| {
        let (cb, id) = (cb.clone(), AttrValue::from(e.id.clone()));
        Callback::from(move |ev: MouseEvent| {
            ev.prevent_default();
            cb.emit(id.clone());
        })
    });
    html! {
        <li key={e.id.clone()} class={classes!("toc-item", format!("toc-level-{}", e.level.min(4)))}>
            <a href={format!("#{}", e.id)} {onclick}>
                <span class="toc-number" aria-hidden="true">{ format!("{}.", e.number) }</span>
                <span class="toc-text">{ &e.title }</span>
            </a>
            { list(children, children_start, ends, on_navigate) }
        </li>
    }
}
