//! The body: lead blocks, then sections with their headings and blocks.

use std::rc::Rc;

use article::{safe_url, Article, Block, Section, Toc};
use yew::prelude::*;

use super::InlineText;

/// Properties of [`ArticleBody`].
#[derive(Properties, PartialEq)]
pub struct ArticleBodyProps {
    /// The article.
    pub article: Rc<Article>,
    /// Its table of contents; supplies the section ids, in depth-first order.
    pub toc: Rc<Toc>,
}

/// Renders lead and sections. Section `i` (depth-first) gets `toc.entries[i].id`.
#[component]
pub fn ArticleBody(props: &ArticleBodyProps) -> Html {
    let a = &props.article;
    let mut next = 0;
    let sections = render_sections(&a.sections, &props.toc, &mut next, 2);
    html! {
        <div class="article-body">
            if !a.lead.is_empty() {
                <div class="lead">{ for a.lead.iter().map(render_block) }</div>
            }
            { sections }
        </div>
    }
}

fn render_sections(sections: &[Section], toc: &Toc, next: &mut usize, level: u8) -> Html {
    sections
        .iter()
        .map(|s| {
            let entry = toc.entries.get(*next);
            *next += 1;
            let id = entry.map_or_else(String::new, |e| e.id.clone());
            let heading_id = id.clone();
            let tag = format!("h{}", level.min(6));
            let children = render_sections(&s.sections, toc, next, level + 1);
            html! {
                <section key={id.clone()} class="article-section" aria-labelledby={id.clone()}>
                    <@{tag} id={heading_id} class="section-heading">{ &s.heading }</@>
                    { for s.blocks.iter().map(render_block) }
                    { children }
                </section>
            }
        })
        .collect()
}

fn render_block(b: &Block) -> Html {
    match b {
        Block::Paragraph { text } => html! { <p><InlineText text={text.clone()} /></p> },
        Block::Subheading { text } => html! { <p class="subheading"><strong>{ text }</strong></p> },
        Block::List { ordered, items } => {
            let lis = items
                .iter()
                .map(|i| html! { <li><InlineText text={i.clone()} /></li> })
                .collect::<Html>();
            if *ordered {
                html! { <ol class="body-list">{ lis }</ol> }
            } else {
                html! { <ul class="body-list">{ lis }</ul> }
            }
        }
        Block::Quote { text, cite } => html! {
            <blockquote>
                <p><InlineText text={text.clone()} /></p>
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
                        <figcaption><InlineText text={c.clone()} /></figcaption>
                    }
                </figure>
            },
            // Validation refuses such articles; never render an unchecked URL anyway.
            Err(_) => html! { <p class="figure-refused">{ format!("[图片:{alt}]") }</p> },
        },
        Block::Footnote { id, text } => html! {
            <p class="footnote" id={id.clone()}><InlineText text={text.clone()} /></p>
        },
    }
}
