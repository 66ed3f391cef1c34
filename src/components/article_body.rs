//! The body: lead blocks, then sections with their headings and blocks.

use std::rc::Rc;

use article::{safe_url, Article, Block, Cell, Section, Toc};
use yew::prelude::*;

use super::inline_text;
use super::inline_text::{inline_with_notes, Notes};

/// Properties of [`ArticleBody`].
#[derive(Properties, PartialEq)]
pub struct ArticleBodyProps {
    /// The article.
    pub article: Rc<Article>,
    /// Its table of contents; supplies the section ids, in depth-first order.
    pub toc: Rc<Toc>,
    /// When set, each heading gets a copy-link button that emits the section id.
    #[prop_or_default]
    pub on_copy_link: Option<Callback<AttrValue>>,
}

/// Renders lead and sections. Section `i` (depth-first) gets `toc.entries[i].id`.
///
/// The body renders again only when its props change: `ArticleView` passes a
/// stable `on_copy_link` (`hooks::use_latest_callback`), so the reader's state
/// changing (the section being read, a panel opening) costs nothing here, however
/// long the article.
#[component]
pub fn ArticleBody(props: &ArticleBodyProps) -> Html {
    let a = &props.article;
    let mut next = 0;
    let notes = Notes {
        ids: footnote_ids(a),
        ..Notes::default()
    };
    // Top-level sections in groups: the unit the browser skips off screen
    // (`content-visibility` in article.css), few enough to track cheaply.
    let sections = a
        .sections
        .chunks(SECTION_GROUP)
        .enumerate()
        .map(|(g, group)| {
            let sections = render_sections(group, props, &notes, &mut next, 2);
            html! { <div key={g} class="section-group">{ sections }</div> }
        })
        .collect::<Html>();
    html! {
        <div class="article-body">
            if !a.lead.is_empty() {
                <div class="lead">{ for a.lead.iter().map(|b| render_block(b, &notes)) }</div>
            }
            { sections }
        </div>
    }
}

/// Top-level sections per `.section-group`.
const SECTION_GROUP: usize = 16;

/// The ids of every footnote, in order (few; marks look them up).
fn footnote_ids(a: &Article) -> Vec<String> {
    fn walk(blocks: &[Block], sections: &[Section], out: &mut Vec<String>) {
        out.extend(blocks.iter().filter_map(|b| match b {
            Block::Footnote { id: Some(id), .. } => Some(id.clone()),
            _ => None,
        }));
        for s in sections {
            walk(&s.blocks, &s.sections, out);
        }
    }
    let mut out = Vec::new();
    walk(&a.lead, &a.sections, &mut out);
    out
}

fn render_sections(
    sections: &[Section],
    props: &ArticleBodyProps,
    notes: &Notes,
    next: &mut usize,
    level: u8,
) -> Html {
    let toc: &Toc = &props.toc;
    sections
        .iter()
        .map(|s| {
            let entry = toc.entries.get(*next);
            *next += 1;
            let id = entry.map_or_else(String::new, |e| e.id.clone());
            let heading_id = id.clone();
            let tag = format!("h{}", level.min(6));
            let children = render_sections(&s.sections, props, notes, next, level + 1);
            let copy = props.on_copy_link.clone().map(|cb| {
                let id = AttrValue::from(id.clone());
                Callback::from(move |_: MouseEvent| cb.emit(id.clone()))
            });
            html! {
                <section key={id.clone()} class="article-section" aria-labelledby={id.clone()}>
                    <div class="heading-row">
                        // tabindex -1: a TOC jump moves the focus here.
                        <@{tag} id={heading_id} class="section-heading" tabindex="-1">{ &s.heading }</@>
                        if let Some(onclick) = copy {
                            <button type="button" class="copy-link" {onclick}
                                aria-label={format!("复制本节链接 {}", s.heading)}>{ "#" }</button>
                        }
                    </div>
                    { for s.blocks.iter().map(|b| render_block(b, notes)) }
                    { children }
                </section>
            }
        })
        .collect()
}

fn render_block(b: &Block, notes: &Notes) -> Html {
    match b {
        Block::Paragraph { text } => html! { <p>{ inline_with_notes(text, notes) }</p> },
        Block::Subheading { text } => html! { <p class="subheading"><strong>{ text }</strong></p> },
        Block::List { ordered, items } => {
            let lis = items
                .iter()
                .map(|i| html! { <li>{ inline_with_notes(i, notes) }</li> })
                .collect::<Html>();
            if *ordered {
                html! { <ol class="body-list">{ lis }</ol> }
            } else {
                html! { <ul class="body-list">{ lis }</ul> }
            }
        }
        Block::Quote { text, cite } => html! {
            <blockquote>
                <p>{ inline_text(text) }</p>
                if let Some(c) = cite { <footer class="quote-cite">{ "—— " }{ c }</footer> }
            </blockquote>
        },
        Block::Figure {
            src,
            alt,
            caption,
            width,
            height,
        } => match safe_url(src) {
            Ok(url) => html! {
                <figure class="figure">
                    <img src={url.as_str().to_owned()} alt={alt.clone()} loading="lazy"
                        width={width.map(|w| w.to_string())} height={height.map(|h| h.to_string())} />
                    if let Some(c) = caption {
                        <figcaption>{ inline_text(c) }</figcaption>
                    }
                </figure>
            },
            // Validation refuses such articles; never render an unchecked URL anyway.
            Err(_) => html! { <p class="figure-refused">{ format!("[图片：{alt}]") }</p> },
        },
        Block::Footnote { id, text } => {
            let n = id.as_deref().and_then(|id| id.strip_prefix("fn-"));
            let marked = n.filter(|n| notes.marked.borrow().iter().any(|m| m == n));
            html! {
                <>
                    <p class="footnote" id={id.clone()}>
                        if let Some(n) = n { <span class="fn-num">{ format!("[{n}] ") }</span> }
                        { inline_text(text) }
                        if let Some(n) = marked {
                            { " " }
                            <a class="fn-back" href={format!("#fnref-{n}")}
                                aria-label={format!("返回正文注释 [{n}] 处")}>{ "↩" }</a>
                        }
                    </p>
                    // The note beside its mark: a native popover (Esc and a click
                    // outside close it, the focus goes back to the mark).
                    if let Some(n) = n {
                        <span class="fn-pop" id={format!("fn-{n}-pop")} popover="auto">
                            { inline_text(text) }
                        </span>
                    }
                </>
            }
        }
        Block::Table {
            caption,
            head,
            rows,
        } => render_table(caption.as_deref(), head, rows),
    }
}

/// A table scrolls sideways inside its own region, never the page: the region is
/// labelled and focusable so a keyboard can scroll it too.
fn render_table(caption: Option<&str>, head: &[Vec<Cell>], rows: &[Vec<Cell>]) -> Html {
    let row = |r: &Vec<Cell>, in_head: bool| {
        let cells = r.iter().map(|c| {
            let span = |n: Option<u32>| n.filter(|n| *n > 1).map(|n| n.to_string());
            let (colspan, rowspan) = (span(c.colspan), span(c.rowspan));
            if in_head || c.header {
                let scope = if in_head { "col" } else { "row" };
                html! { <th {scope} {colspan} {rowspan}>{ inline_text(&c.text) }</th> }
            } else {
                html! { <td {colspan} {rowspan}>{ inline_text(&c.text) }</td> }
            }
        });
        html! { <tr>{ for cells }</tr> }
    };
    html! {
        <div class="table-scroll" role="region" tabindex="0"
            aria-label={caption.unwrap_or("表格").to_owned()}>
            <table>
                if let Some(c) = caption { <caption>{ c }</caption> }
                if !head.is_empty() { <thead>{ for head.iter().map(|r| row(r, true)) }</thead> }
                <tbody>{ for rows.iter().map(|r| row(r, false)) }</tbody>
            </table>
        </div>
    }
}
