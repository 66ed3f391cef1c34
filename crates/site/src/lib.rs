//! The static site build. From the built viewer (`dist/index.html`, Trunk's output,
//! as the template) and the article files it writes, into the same `dist/`:
//!
//! - `a/<id>/index.html` for every article: the viewer's page rendered natively by
//!   its own components (Yew's server renderer), its own `<head>` (title,
//!   description, canonical, Open Graph, Twitter card, `lang`, JSON-LD through the
//!   app's writer) and the article JSON as a data block the app starts from;
//! - `index.html` likewise for the default article, `list/index.html` and
//!   `list/<column>/index.html`, `404.html`;
//! - `sitemap.xml`, `robots.txt`, Atom 1.0 and JSON Feed 1.1 (`feed.xml`,
//!   `feed.json`, and per column under `list/<column>/`);
//! - `articles/index.json` and the article JSON the app fetches.
//!
//! Incremental: the rendered body of each page is cached under a hash of everything
//! it depends on, so only articles that changed (or whose neighbours changed) are
//! rendered again; files whose bytes are unchanged are not rewritten. Deterministic:
//! articles are read in file-name order, nothing depends on time or the machine.

mod escape;
mod feeds;
mod head;
mod render;
mod template;
mod text;

pub use escape::esc;

use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use article::{article_path, list_path, parse_article, Article, ArticleIndex, IndexEntry};

pub use template::{Template, DATA_ID, INDEX_DATA_ID, NEIGHBOURS_DATA_ID};

/// Bumped when the output for the same input changes: old cache entries then miss.
const GENERATOR: &str = "article-site 1";

/// The renderer itself, for the cache key: the running program's size and change
/// time. The viewer's components are compiled into it, so a page cached before a
/// change to them (a new toolbar button) misses instead of being served stale.
pub(crate) fn renderer_stamp() -> &'static str {
    static STAMP: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    STAMP.get_or_init(|| {
        std::env::current_exe()
            .and_then(std::fs::metadata)
            .map(|m| format!("{} {:?}", m.len(), m.modified().ok()))
            .unwrap_or_default()
    })
}

/// What to build, from where, for which address.
#[derive(Clone, Debug)]
pub struct Config {
    /// The article JSON files (`*.json`; `index.json` is skipped).
    pub articles: PathBuf,
    /// The built viewer: `index.html` is the template, the pages go beside it.
    pub dist: PathBuf,
    /// The site's path on its server, `/` or `/news/`. `None`: the path the
    /// template's assets are served from (Trunk's `public_url`), so the base is
    /// set once, for Trunk.
    pub base: Option<String>,
    /// Scheme and host for absolute URLs (sitemap, feeds, Open Graph, JSON-LD),
    /// e.g. `https://news.example.org`.
    pub origin: String,
    /// The article shown at the site root (`index.html`); `None`: the newest.
    pub home: Option<String>,
    /// Cache of rendered pages; `None` renders everything.
    pub cache: Option<PathBuf>,
    /// Authoring: source pages (`<id>.txt`, plain text as saved from a portal)
    /// imported on every build, each in place of the JSON of the same id.
    pub sources: Option<PathBuf>,
    /// Authoring: an article that does not load (or import) gets a page showing its
    /// problem as the viewer shows load errors, instead of stopping the build.
    pub keep_going: bool,
}

/// What a build did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Articles in the build.
    pub articles: usize,
    /// Article pages rendered (the others came from the cache).
    pub rendered: usize,
    /// Files written (their bytes changed).
    pub written: usize,
    /// Files left alone (same bytes).
    pub unchanged: usize,
}

/// Why a build failed: every bad article at once, or the first I/O problem.
#[derive(Debug)]
pub enum Error {
    /// Reading or writing a file.
    Io(PathBuf, io::Error),
    /// The template is not the viewer's `index.html`.
    Template(PathBuf, &'static str),
    /// Articles that did not load, each with its problem (all of them).
    Articles(Vec<(PathBuf, String)>),
    /// The configuration makes no sense.
    Config(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io(p, e) => write!(f, "{}: {e}", p.display()),
            Error::Template(p, why) => write!(f, "{}: {why}", p.display()),
            Error::Articles(list) => {
                for (i, (p, why)) in list.iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    write!(f, "{}: {why}", p.display())?;
                }
                Ok(())
            }
            Error::Config(why) => f.write_str(why),
        }
    }
}

impl std::error::Error for Error {}

/// One article as the build sees it.
pub(crate) struct Item {
    pub(crate) article: Rc<Article>,
    /// The file's text, as the app will parse it.
    pub(crate) json: String,
}

/// Where pages live and how they are addressed.
#[derive(Clone, Debug)]
pub(crate) struct Site {
    /// `/` or `/news/`.
    pub(crate) base: String,
    /// `https://host`, no trailing slash.
    pub(crate) origin: String,
    /// The site's name (the first article's `site.name`), for feed titles.
    pub(crate) name: String,
}

impl Site {
    /// An absolute URL for a path under the base (percent-encoded).
    pub(crate) fn url(&self, path: &str) -> String {
        format!(
            "{}{}",
            self.origin,
            article::encode_path(&format!("{}{path}", self.base))
        )
    }

    /// A root-relative link for a path under the base, as the app writes it.
    pub(crate) fn href(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

/// Builds the site; see the crate docs.
pub fn build(cfg: &Config) -> Result<Report, Error> {
    let template_path = cfg.dist.join("index.html");
    let template = Template::parse(&read(&template_path)?)
        .map_err(|why| Error::Template(template_path.clone(), why))?;
    let base = match &cfg.base {
        Some(b) => normalise_base(b)?,
        None => template.asset_base().to_owned(),
    };
    let origin = cfg.origin.trim_end_matches('/').to_owned();
    if !(origin.starts_with("https://") || origin.starts_with("http://")) || origin.len() < 9 {
        return Err(Error::Config(format!(
            "origin {origin:?}: expected http(s)://host, e.g. https://news.example.org"
        )));
    }
    let (items, broken) = load_articles(&cfg.articles, cfg.sources.as_deref())?;
    if !broken.is_empty() && !cfg.keep_going {
        return Err(Error::Articles(
            broken
                .iter()
                .map(|b| (b.path.clone(), b.error.to_string()))
                .collect(),
        ));
    }
    let index = Rc::new(ArticleIndex::build(
        &items
            .iter()
            .map(|i| (*i.article).clone())
            .collect::<Vec<_>>(),
    ));
    let name = items
        .iter()
        .find_map(|i| i.article.site.as_ref().map(|s| s.name.clone()))
        .unwrap_or_else(|| "文章".to_owned());
    let site = Site { base, origin, name };
    let mut out = Output::new(&cfg.dist);
    // Authoring: a page that shows the problem, as the app shows it for the same data.
    for b in &broken {
        eprintln!("{}: {}", b.path.display(), b.error);
        if !article::column_segment(&b.id).eq(&b.id) || b.id.is_empty() {
            continue;
        }
        let head = format!("<title>{}</title>", head::esc(&b.id));
        let body = render::problem(&b.error);
        let page = template.page(&head, "zh-CN", &body, &[(DATA_ID, &b.text)]);
        out.write(
            &format!("{}index.html", article_path(&b.id)),
            page.as_bytes(),
        )?;
    }
    let mut report = Report {
        articles: items.len(),
        ..Report::default()
    };
    let by_id: BTreeMap<&str, &Item> = items.iter().map(|i| (i.article.id.as_str(), i)).collect();

    // The article pages: bodies from the cache or rendered, in parallel.
    let jobs: Vec<render::Job> = index
        .articles
        .iter()
        .map(|e| {
            let item = by_id[e.id.as_str()];
            let (prev, next) = index.neighbours(&e.id);
            render::Job::new(&site, item, prev.cloned(), next.cloned())
        })
        .collect();
    let cache = cfg.cache.as_deref();
    let bodies = render::bodies(&jobs, cache, &mut report)?;
    let home = cfg
        .home
        .clone()
        .or_else(|| index.articles.first().map(|e| e.id.clone()));
    for (job, body) in jobs.iter().zip(&bodies) {
        let item = by_id[job.id.as_str()];
        let neighbours = feeds::index_json(&job.neighbours(&item.article));
        let page = template.page(
            &head::article_head(&site, &item.article),
            &item.article.lang,
            body,
            &[(DATA_ID, &item.json), (NEIGHBOURS_DATA_ID, &neighbours)],
        );
        out.write(
            &format!("{}index.html", article_path(&job.id)),
            page.as_bytes(),
        )?;
        if home.as_deref() == Some(job.id.as_str()) {
            out.write("index.html", page.as_bytes())?;
        }
        out.write(&article::article_json_path(&job.id), item.json.as_bytes())?;
    }
    if let Some(h) = &home {
        if !by_id.contains_key(h.as_str()) {
            return Err(Error::Config(format!(
                "home article {h:?} is not among the articles"
            )));
        }
    }

    // List pages: every column, then each one.
    let index_json = feeds::index_json(&index);
    let mut columns: Vec<Option<&str>> = vec![None];
    columns.extend(index.sections().into_iter().map(Some));
    for column in &columns {
        let body = render::list(&site, &index, *column);
        let data = &[(INDEX_DATA_ID, index_json.as_str())];
        let page = template.page(&head::list_head(&site, *column), "zh-CN", &body, data);
        out.write(
            &format!("{}index.html", list_path(*column)),
            page.as_bytes(),
        )?;
        let entries: Vec<(&IndexEntry, &Item)> = index
            .in_section(*column)
            .map(|e| (e, by_id[e.id.as_str()]))
            .collect();
        let dir = match column {
            Some(_) => list_path(*column),
            None => String::new(),
        };
        out.write(
            &format!("{dir}feed.xml"),
            feeds::atom(&site, *column, &entries).as_bytes(),
        )?;
        out.write(
            &format!("{dir}feed.json"),
            feeds::json_feed(&site, *column, &entries).as_bytes(),
        )?;
    }
    out.write("404.html", template.not_found(&site).as_bytes())?;
    out.write(
        "sitemap.xml",
        feeds::sitemap(&site, &index, &by_id, &columns).as_bytes(),
    )?;
    out.write("robots.txt", feeds::robots(&site).as_bytes())?;
    out.write(article::INDEX_JSON_PATH, index_json.as_bytes())?;
    report.written = out.written;
    report.unchanged = out.unchanged;
    Ok(report)
}

/// `/news` and `news/` alike become `/news/`.
fn normalise_base(b: &str) -> Result<String, Error> {
    let t = b.trim().trim_matches('/');
    if t.split('/').any(|s| s == "." || s == "..")
        || t.chars()
            .any(|c| c.is_control() || "?#%\\\"<>' ".contains(c))
    {
        return Err(Error::Config(format!(
            "base path {b:?}: expected /, or a path like /news/"
        )));
    }
    Ok(if t.is_empty() {
        "/".to_owned()
    } else {
        format!("/{t}/")
    })
}

fn read(p: &Path) -> Result<String, Error> {
    fs::read_to_string(p).map_err(|e| Error::Io(p.to_owned(), e))
}

/// An article file that did not load (or a source page that did not import).
pub(crate) struct Broken {
    /// The file.
    pub(crate) path: PathBuf,
    /// Its page: the file name's.
    pub(crate) id: String,
    /// The file's text (the JSON, or the source page).
    pub(crate) text: String,
    /// The problem, as the loader reports it.
    pub(crate) error: article::LoadError,
}

/// When `path` was last written (`None` if that cannot be read).
fn modified(path: &Path) -> Option<std::time::SystemTime> {
    fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// A source page imported as `article-cli import` does: HTML (by content, whatever the
/// extension) through the HTML importer, else plain text; the article, or the
/// problem as a load error the page shows, and the page's text for that page.
fn import_source(path: &Path, bytes: &[u8]) -> (Result<Article, article::LoadError>, String) {
    let imported = article_html::import_page(bytes, &article_html::Options::default())
        .map(|i| i.article)
        .map_err(|e| match e.at {
            Some((line, column)) => article::LoadError::Syntax {
                line,
                column,
                message: e.what,
            },
            None => article::LoadError::Invalid(vec![article::Issue {
                path: String::new(),
                message: format!("{}: {}", path.display(), e.what),
            }]),
        });
    let text = article_html::decode(bytes, None)
        .map(|(text, _)| text)
        .unwrap_or_else(|_| String::from_utf8_lossy(bytes).into_owned());
    (imported, text)
}

/// Every `*.json` but `index.json` in `dir`, in file-name order, each replaced by the
/// import of a source page `sources/<id>.txt` (or `.html`, `.htm`, `.shtml`, `.xhtml`,
/// any case) when there is one saved after it; and every one that failed.
fn load_articles(dir: &Path, sources: Option<&Path>) -> Result<(Vec<Item>, Vec<Broken>), Error> {
    let list = |dir: &Path, ext: &str| -> Result<Vec<PathBuf>, Error> {
        let mut paths: Vec<PathBuf> = fs::read_dir(dir)
            .map_err(|e| Error::Io(dir.to_owned(), e))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case(ext)) && p.is_file())
            .filter(|p| p.file_name().is_some_and(|n| n != "index.json"))
            .collect();
        paths.sort();
        Ok(paths)
    };
    let stem = |p: &Path| {
        p.file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_owned()
    };
    // id → (file, text, article or problem); a source page wins over the JSON.
    let mut found: BTreeMap<String, (PathBuf, String, Result<Article, article::LoadError>)> =
        BTreeMap::new();
    for p in list(dir, "json")? {
        let json = read(&p)?;
        let loaded = parse_article(json.as_bytes());
        found.insert(stem(&p), (p, json, loaded));
    }
    if let Some(src) = sources {
        let mut pages = Vec::new();
        for ext in ["txt", "html", "htm", "shtml", "xhtml"] {
            pages.extend(list(src, ext)?);
        }
        for p in pages {
            let id = stem(&p);
            // The one saved last wins: an author who edits the JSON of an article that
            // was imported from this page sees the JSON, one who edits the page sees
            // its import.
            if let Some((json_path, _, _)) = found.get(&id) {
                // On a tie (a fresh clone, a copy) the JSON, as `trunk build` uses it.
                if modified(json_path) >= modified(&p) {
                    continue;
                }
            }
            let bytes = fs::read(&p).map_err(|e| Error::Io(p.clone(), e))?;
            let (imported, text) = import_source(&p, &bytes);
            let imported = imported.and_then(|mut a| {
                a.id = id.clone();
                let issues = article::validate(&a);
                if issues.is_empty() {
                    Ok(a)
                } else {
                    Err(article::LoadError::Invalid(issues))
                }
            });
            let json = match &imported {
                Ok(a) => serde_json::to_string_pretty(a).unwrap_or_default() + "\n",
                Err(_) => text,
            };
            found.insert(id, (p, json, imported));
        }
    }
    let mut items = Vec::new();
    let mut broken = Vec::new();
    for (id, (path, text, loaded)) in found {
        match loaded {
            Ok(a) if a.id == id => items.push(Item {
                article: Rc::new(a),
                json: text,
            }),
            Ok(a) => broken.push(Broken {
                error: article::LoadError::Invalid(vec![article::Issue {
                    path: "/id".into(),
                    message: format!(
                        "{:?} must be the file name ({id}.json is what the app loads for it)",
                        a.id
                    ),
                }]),
                path,
                id,
                text,
            }),
            Err(error) => broken.push(Broken {
                path,
                id,
                text,
                error,
            }),
        }
    }
    Ok((items, broken))
}

/// Writes files under `dist`, leaving those whose bytes are already right alone
/// (servers and browsers keep their caches; a watcher sees no change).
struct Output {
    root: PathBuf,
    written: usize,
    unchanged: usize,
}

impl Output {
    fn new(root: &Path) -> Self {
        Output {
            root: root.to_owned(),
            written: 0,
            unchanged: 0,
        }
    }

    fn write(&mut self, rel: &str, bytes: &[u8]) -> Result<(), Error> {
        let path = self.root.join(rel);
        if fs::read(&path).is_ok_and(|old| old == bytes) {
            self.unchanged += 1;
            return Ok(());
        }
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(|e| Error::Io(dir.to_owned(), e))?;
        }
        // Whole or not at all: a server (trunk serve) or another hook may be reading
        // the file right now.
        let tmp = path.with_extension("site-tmp");
        fs::write(&tmp, bytes).map_err(|e| Error::Io(tmp.clone(), e))?;
        fs::rename(&tmp, &path).map_err(|e| Error::Io(path.clone(), e))?;
        self.written += 1;
        Ok(())
    }
}

/// A 128-bit FNV-1a hash: the cache key of a page body. Stable across runs and
/// machines (std's hasher is not promised to be).
pub(crate) fn fnv128(parts: &[&[u8]]) -> u128 {
    const PRIME: u128 = 0x0000000001000000000000000000013B;
    let mut h: u128 = 0x6c62272e07bb014262b821756295c58d;
    for p in parts {
        for &b in p.iter().chain((p.len() as u64).to_le_bytes().iter()) {
            h ^= u128::from(b);
            h = h.wrapping_mul(PRIME);
        }
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_paths_are_normalised_or_refused() {
        assert_eq!(normalise_base("/").unwrap(), "/");
        assert_eq!(normalise_base("").unwrap(), "/");
        assert_eq!(normalise_base("news").unwrap(), "/news/");
        assert_eq!(normalise_base("/a/b/").unwrap(), "/a/b/");
        for bad in ["/../x/", "/a b/", "/x?y", "/\"x"] {
            assert!(normalise_base(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_hash_separates_its_parts() {
        assert_ne!(fnv128(&[b"ab", b"c"]), fnv128(&[b"a", b"bc"]));
        assert_eq!(fnv128(&[b"x"]), fnv128(&[b"x"]));
    }
}
