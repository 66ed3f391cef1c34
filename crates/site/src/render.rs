//! The pages' bodies, rendered natively by the viewer's own components with Yew's
//! server renderer: the tree the app renders for the same route, so taking the page
//! over moves nothing. Article bodies are cached by a hash of all they depend on.

use std::fs;
use std::path::Path;
use std::rc::Rc;

use article::{Article, ArticleIndex, IndexEntry};
use article_viewer::components::{article_list, error_view, ArticleListProps, ErrorViewProps};
use article_viewer::options::{ArticleLinks, ViewerOptions};
use article_viewer::FetchError;
use article_viewer::Reader;
use yew::prelude::*;

use crate::{fnv128, Error, Item, Report, Site, GENERATOR};

/// One article page to render.
pub(crate) struct Job {
    pub(crate) id: String,
    article: Article,
    base: String,
    prev: Option<IndexEntry>,
    next: Option<IndexEntry>,
    key: u128,
}

impl Job {
    pub(crate) fn new(
        site: &Site,
        item: &Item,
        prev: Option<IndexEntry>,
        next: Option<IndexEntry>,
    ) -> Job {
        let entry = |e: &Option<IndexEntry>| {
            e.as_ref()
                .map(|e| format!("{}\u{0}{}", e.id, e.title))
                .unwrap_or_default()
        };
        let key = fnv128(&[
            GENERATOR.as_bytes(),
            crate::renderer_stamp().as_bytes(),
            site.base.as_bytes(),
            item.json.as_bytes(),
            entry(&prev).as_bytes(),
            entry(&next).as_bytes(),
        ]);
        Job {
            id: item.article.id.clone(),
            article: (*item.article).clone(),
            base: site.base.clone(),
            prev,
            next,
            key,
        }
    }
}

impl Job {
    /// The article between its neighbours, as an index: what the app needs for the
    /// 上一篇 / 下一篇 links at its first render.
    pub(crate) fn neighbours(&self, a: &Article) -> ArticleIndex {
        ArticleIndex {
            schema_version: article::SCHEMA_VERSION,
            articles: [
                self.prev.clone(),
                Some(IndexEntry::of(a)),
                self.next.clone(),
            ]
            .into_iter()
            .flatten()
            .collect(),
        }
    }
}

/// The body of every job, from the cache where the key is there, else rendered on
/// every core (each thread has its own renderer: Yew's is single-threaded).
pub(crate) fn bodies(
    jobs: &[Job],
    cache: Option<&Path>,
    report: &mut Report,
) -> Result<Vec<String>, Error> {
    let cached = |j: &Job| {
        cache.and_then(|c| fs::read_to_string(c.join(format!("{:032x}.html", j.key))).ok())
    };
    let mut out: Vec<Option<String>> = jobs.iter().map(cached).collect();
    let todo: Vec<usize> = (0..jobs.len()).filter(|&i| out[i].is_none()).collect();
    report.rendered = todo.len();
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(todo.len().max(1));
    let chunk = todo.len().div_ceil(threads).max(1);
    let rendered: Vec<(usize, String)> = std::thread::scope(|s| {
        let handles: Vec<_> = todo
            .chunks(chunk)
            .map(|part| {
                s.spawn(move || {
                    part.iter()
                        .map(|&i| (i, article_body(&jobs[i])))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    if let Some(c) = cache {
        fs::create_dir_all(c).map_err(|e| Error::Io(c.to_owned(), e))?;
    }
    for (i, body) in rendered {
        if let Some(c) = cache {
            let p = c.join(format!("{:032x}.html", jobs[i].key));
            fs::write(&p, &body).map_err(|e| Error::Io(p, e))?;
        }
        out[i] = Some(body);
    }
    // A thread that panicked left its bodies out: render them here, where the panic
    // (a bug, never bad input: the articles are validated) shows.
    Ok(out
        .into_iter()
        .enumerate()
        .map(|(i, b)| b.unwrap_or_else(|| article_body(&jobs[i])))
        .collect())
}

/// Properties of [`StaticArticle`].
#[derive(Properties, PartialEq)]
struct StaticArticleProps {
    article: Rc<Article>,
    options: ViewerOptions,
}

/// The tree the app renders for an article route once the index is in: the
/// `.av-scope` root with the reader inside, previous/next links included.
#[component]
fn StaticArticle(props: &StaticArticleProps) -> Html {
    html! {
        <div class="av-scope">
            <ContextProvider<ViewerOptions> context={props.options.clone()}>
                <Reader article={props.article.clone()} />
            </ContextProvider<ViewerOptions>>
        </div>
    }
}

fn article_body(job: &Job) -> String {
    let base = AttrValue::from(job.base.clone());
    let options = ViewerOptions {
        link_base: Some(base.clone()),
        links: Some(ArticleLinks {
            base,
            prev: job.prev.clone().map(Rc::new),
            next: job.next.clone().map(Rc::new),
        }),
        ..ViewerOptions::default()
    };
    let props = StaticArticleProps {
        article: Rc::new(job.article.clone()),
        options,
    };
    disable_buttons(&futures::executor::block_on(
        yew::LocalServerRenderer::<StaticArticle>::with_props(props)
            .hydratable(false)
            .render(),
    ))
}

/// Properties of [`StaticList`].
#[derive(Properties, PartialEq)]
struct StaticListProps {
    column: Option<AttrValue>,
    entries: Rc<[IndexEntry]>,
    sections: Rc<[AttrValue]>,
    base: AttrValue,
}

#[component]
fn StaticList(props: &StaticListProps) -> Html {
    article_list(&ArticleListProps {
        section: props.column.clone(),
        entries: props.entries.clone(),
        sections: props.sections.clone(),
        base: props.base.clone(),
    })
}

/// A list page's body: every column (`None`) or one.
pub(crate) fn list(site: &Site, index: &ArticleIndex, column: Option<&str>) -> String {
    let props = StaticListProps {
        column: column.map(|c| AttrValue::from(c.to_owned())),
        entries: index.in_section(column).cloned().collect(),
        sections: index
            .sections()
            .into_iter()
            .map(|s| AttrValue::from(s.to_owned()))
            .collect(),
        base: AttrValue::from(site.base.clone()),
    };
    futures::executor::block_on(
        yew::LocalServerRenderer::<StaticList>::with_props(props)
            .hydratable(false)
            .render(),
    )
}

/// Properties of [`StaticProblem`].
#[derive(Properties, PartialEq)]
struct StaticProblemProps {
    error: article::LoadError,
}

/// What the app shows for an article that does not load (its `error_view`).
#[component]
fn StaticProblem(props: &StaticProblemProps) -> Html {
    html! {
        <div class="av-scope">
            { error_view(&ErrorViewProps {
                error: FetchError::Load(props.error.clone()),
                english: false,
                source: None,
                on_retry: Callback::noop(),
            }) }
        </div>
    }
}

/// The page of an article that does not load: its problem, as the app shows it.
pub(crate) fn problem(error: &article::LoadError) -> String {
    let props = StaticProblemProps {
        error: error.clone(),
    };
    disable_buttons(&futures::executor::block_on(
        yew::LocalServerRenderer::<StaticProblem>::with_props(props)
            .hydratable(false)
            .render(),
    ))
}

/// The reading tools do nothing until the app has taken the page over: they are
/// disabled (greyed) until then, hidden without JavaScript (base.css). Text is
/// escaped by the renderer, so `<button ` only ever starts a tag.
fn disable_buttons(page: &str) -> String {
    page.replace("<button ", "<button disabled ")
}
