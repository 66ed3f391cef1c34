//! The table of contents (目录): numbered, nested for subsections, the section
//! being read marked `aria-current="location"`. A sticky sidebar on wide screens,
//! a drawer on narrow ones (opened by the toolbar's 目录 button, `#av-toc`).

use std::rc::Rc;

use article::{Toc, TocEntry};
use yew::prelude::*;

/// Properties of [`TableOfContents`].
#[derive(Properties, PartialEq)]
pub struct TableOfContentsProps {
    /// The entries to list.
    pub toc: Rc<Toc>,
    /// Id of the section being read.
    #[prop_or_default]
    pub current: Option<AttrValue>,
    /// Drawer open (narrow screens only; the sidebar is always shown).
    #[prop_or_default]
    pub open: bool,
    /// Called with the section id instead of following the link, when set.
    #[prop_or_default]
    pub on_navigate: Option<Callback<AttrValue>>,
    /// Closes the drawer; when set, the drawer has a 关闭 button (narrow screens).
    #[prop_or_default]
    pub on_close: Option<Callback<()>>,
}

/// `nav` landmark labelled 目录 with nested ordered lists of links to the sections.
#[component]
pub fn TableOfContents(props: &TableOfContentsProps) -> Html {
    html! {
        <nav id="av-toc" class={classes!("table-of-contents", props.open.then_some("is-open"))}
            aria-labelledby="av-toc-title">
            <div class="toc-head">
                <h2 id="av-toc-title" class="toc-title">{ "目录" }</h2>
                if let Some(cb) = &props.on_close {
                    <button type="button" class="toc-close" aria-label="关闭目录"
                        onclick={cb.reform(|_: MouseEvent| ())}>{ "关闭" }</button>
                }
            </div>
            { list(&props.toc.entries, props) }
        </nav>
    }
}

/// One `<ol>` for the entries of one level; `entries` starts at that level and
/// each entry's subsections follow it (depth-first order).
fn list(entries: &[TocEntry], props: &TableOfContentsProps) -> Html {
    let Some(first) = entries.first() else {
        return Html::default();
    };
    let level = first.level;
    let mut items = Vec::new();
    let mut i = 0;
    while i < entries.len() {
        let e = &entries[i];
        let end = entries[i + 1..]
            .iter()
            .position(|c| c.level <= level)
            .map_or(entries.len(), |n| i + 1 + n);
        items.push(item(e, &entries[i + 1..end], props));
        i = end;
    }
    html! { <ol class="toc-list">{ for items }</ol> }
}

fn item(e: &TocEntry, children: &[TocEntry], props: &TableOfContentsProps) -> Html {
    let is_current = props.current.as_deref() == Some(e.id.as_str());
    let onclick = props.on_navigate.clone().map(|cb| {
        let id = AttrValue::from(e.id.clone());
        Callback::from(move |ev: MouseEvent| {
            ev.prevent_default();
            cb.emit(id.clone());
        })
    });
    html! {
        <li key={e.id.clone()} class={classes!("toc-item", format!("toc-level-{}", e.level.min(4)))}>
            <a href={format!("#{}", e.id)} aria-current={is_current.then_some("location")} {onclick}>
                <span class="toc-number" aria-hidden="true">{ format!("{}.", e.number) }</span>
                <span class="toc-text">{ &e.title }</span>
            </a>
            { list(children, props) }
        </li>
    }
}
