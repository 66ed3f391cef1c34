//! A column's list page (or every column's), from the article index.

use std::rc::Rc;

use yew::prelude::*;

use crate::browser::{dom, handover};
use crate::components::{article_list, error_view, loading, ArticleListProps, ErrorViewProps};
use crate::hooks::{use_index, IndexUse, Load};
use crate::options::ViewerOptions;
use crate::structured_data;

/// Properties of [`ListRoute`].
#[derive(Properties, PartialEq)]
pub struct ListRouteProps {
    /// The column; `None` lists every column.
    #[prop_or_default]
    pub section: Option<AttrValue>,
}

/// Loads the index and shows one column's list page.
#[component]
pub fn ListRoute(props: &ListRouteProps) -> Html {
    let opts = use_context::<ViewerOptions>().unwrap_or_default();
    let (state, on_retry) = use_index(IndexUse::List, opts.index_url.clone());
    {
        let owns = opts.owns_document();
        use_effect_with(props.section.clone(), move |section| {
            if owns {
                crate::hooks::load_shown_elsewhere();
                let title = section.as_deref().unwrap_or("全部文章");
                dom::set_document_meta(title, "zh-CN");
                structured_data::clear();
                // Taking over the list page rendered at build time keeps the reader's
                // place; any other list starts at the top.
                if !handover::restore_reader_place() {
                    dom::jump_to(0.0, 0.0);
                }
            }
        });
    }
    match state {
        Load::Loading => loading(),
        Load::Failed(f) => error_view(&ErrorViewProps {
            error: f.error,
            english: f.english,
            source: opts.index_url.clone(),
            on_retry,
        }),
        Load::Ready(index) => {
            let section = props.section.as_deref();
            let entries: Rc<[_]> = index.in_section(section).cloned().collect();
            let sections: Rc<[AttrValue]> = index
                .sections()
                .into_iter()
                .map(|s| AttrValue::from(s.to_owned()))
                .collect();
            article_list(&ArticleListProps {
                section: props.section.clone(),
                entries,
                sections,
                base: opts.link_base.clone().unwrap_or_default(),
            })
        }
    }
}
