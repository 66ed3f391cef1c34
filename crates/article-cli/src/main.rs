//! `article-cli`: import plain-text portal pages, validate article JSON, print the
//! JSON Schema, build the article index, and render an article as static HTML.
//!
//! A thin shell over the `article` crate; all logic lives there. Problems go to
//! stderr as `file:line:col: message` (syntax) or `file: /json/pointer: message`.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod batch;
mod static_html;

use article::LoadError;
use clap::{Parser, Subcommand, ValueEnum};
use serde_json::{json, Value};

/// Convert portal pages to article JSON and check article files.
#[derive(Parser)]
#[command(name = "article-cli", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Import portal pages, as copied text or as served HTML (told apart by content):
    /// one page prints article JSON (or writes --out); several, or a directory, need
    /// --out-dir and get one `<id>.json` each.
    Import {
        /// Pages (text or HTML), directories of them, or `-` for stdin.
        #[arg(required = true)]
        inputs: Vec<String>,
        /// Write the JSON here instead of stdout (one page only).
        #[arg(long, conflicts_with = "out_dir")]
        out: Option<PathBuf>,
        /// Write one `<id>.json` per page into this directory (created if missing).
        #[arg(long)]
        out_dir: Option<PathBuf>,
        /// Article id (one page only; default: from the file name; for stdin, from
        /// title and date).
        #[arg(long)]
        id: Option<String>,
        /// Decode pages with this charset (gbk, gb18030, utf-8, …) whatever they declare.
        #[arg(long)]
        charset: Option<String>,
        /// Resolve the pages' relative links and images against this URL.
        #[arg(long)]
        base_url: Option<String>,
    },
    /// Check article JSON files; exit 1 and list every problem if any is bad.
    Validate {
        /// Files to check (`-` for stdin).
        #[arg(required = true)]
        files: Vec<String>,
        /// `text` (stderr, one problem a line) or `json` (stdout, for machines).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Print the JSON Schema of the article format.
    Schema,
    /// Build `index.json` (id, title, date, section, summary) from article files.
    Index {
        /// Article JSON files (an `index.json` among them is skipped).
        #[arg(required = true)]
        files: Vec<String>,
        /// Write the index here instead of stdout.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Render an article as a static HTML page with the viewer's markup and CSS: the
    /// floor the viewer is benchmarked against.
    Static {
        /// The article JSON.
        file: String,
        /// A stylesheet URL to link (repeatable, in order).
        #[arg(long = "css")]
        css: Vec<String>,
        /// Write the page here instead of stdout.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Build the static site into a built viewer (`trunk build --release`): a page
    /// per article at `a/<id>/`, list pages, sitemap, robots.txt, feeds, 404 page.
    Site {
        /// The built viewer; its index.html is the template.
        #[arg(long, default_value = "dist")]
        dist: PathBuf,
        /// The article JSON files.
        #[arg(long, default_value = "articles")]
        articles: PathBuf,
        /// Scheme and host for absolute URLs (sitemap, feeds, Open Graph).
        #[arg(long, env = "SITE_ORIGIN", default_value = "http://127.0.0.1:8080")]
        origin: String,
        /// The site's path (default: the one its assets are served from, Trunk's
        /// public_url).
        #[arg(long)]
        base: Option<String>,
        /// The article at the site root (default: the newest).
        #[arg(long)]
        home: Option<String>,
        /// Cache of rendered pages: only changed articles are rendered again.
        #[arg(long, default_value = "target/site-cache")]
        cache: PathBuf,
        /// Render every page, ignoring the cache.
        #[arg(long)]
        no_cache: bool,
        /// Authoring: import these source pages (`<id>.txt`) on every build, each
        /// in place of the article JSON of the same id.
        #[arg(long)]
        sources: Option<PathBuf>,
        /// Authoring: give an article that does not load a page showing its
        /// problem instead of failing.
        #[arg(long)]
        keep_going: bool,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::Import {
            inputs,
            out,
            out_dir,
            id,
            charset,
            base_url,
        } => {
            let options = article_html::Options { charset, base_url };
            match out_dir {
                Some(dir) => batch::run(&inputs, &dir, &options),
                None if inputs.len() == 1 && !Path::new(&inputs[0]).is_dir() => {
                    import(&inputs[0], out.as_deref(), id, &options)
                }
                None => Err("several pages or a directory need --out-dir DIR".to_owned()),
            }
        }
        Command::Validate { files, format } => Ok(validate(&files, format)),
        Command::Index { files, out } => index(&files, out.as_deref()),
        Command::Static { file, css, out } => static_page(&file, &css, out.as_deref()),
        Command::Site {
            dist,
            articles,
            origin,
            base,
            home,
            cache,
            no_cache,
            sources,
            keep_going,
        } => site(article_site::Config {
            articles,
            dist,
            base,
            origin,
            home,
            cache: (!no_cache).then_some(cache),
            sources,
            keep_going,
        }),
        Command::Schema => {
            println!("{}", pretty(&article::json_schema()));
            Ok(ExitCode::SUCCESS)
        }
    };
    result.unwrap_or_else(|msg| {
        eprintln!("{msg}");
        ExitCode::FAILURE
    })
}

pub(crate) fn pretty(v: &impl serde::Serialize) -> String {
    serde_json::to_string_pretty(v).unwrap_or_default()
}

fn read_input(path: &str) -> Result<Vec<u8>, String> {
    if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("-: {e}"))?;
        Ok(buf)
    } else {
        std::fs::read(path).map_err(|e| format!("{path}: {e}"))
    }
}

/// An article id from a file name: invalid characters become `-`, and a name that
/// does not start with a letter gets an `a-` prefix.
pub(crate) fn id_from_path(path: &str) -> Option<String> {
    let stem = Path::new(path).file_stem()?.to_str()?;
    let mut id: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    if !id.starts_with(|c: char| c.is_ascii_alphabetic()) {
        id.insert_str(0, "a-");
    }
    id.truncate(64);
    Some(id)
}

/// Why a page was not imported: `file:line:col: what` for a text page, `file: what`
/// otherwise (`what` alone is [`Failure::what`], for the batch summary).
pub(crate) struct Failure {
    at: Option<(usize, usize)>,
    pub(crate) what: String,
}

impl Failure {
    pub(crate) fn line(&self, file: &str) -> String {
        match self.at {
            Some((l, c)) => format!("{file}:{l}:{c}: {}", self.what),
            None => format!("{file}: {}", self.what),
        }
    }
}

impl Failure {
    pub(crate) fn io(what: String) -> Self {
        failure(what)
    }
}

fn failure(what: impl ToString) -> Failure {
    Failure {
        at: None,
        what: what.to_string(),
    }
}

/// One page imported, text or HTML by its content: the article and warnings.
pub(crate) fn import_page(
    name: &str,
    bytes: &[u8],
    options: &article_html::Options,
) -> Result<(article::Article, Vec<String>), Failure> {
    let article_html::Imported {
        mut article,
        warnings,
    } = article_html::import_page(bytes, options).map_err(|e| Failure {
        at: e.at,
        what: e.what,
    })?;
    if let Some(id) = (name != "-").then(|| id_from_path(name)).flatten() {
        article.id = id;
    }
    if let Some(p) = article::validate(&article).first() {
        return Err(failure(format!("the imported article is invalid: {p}")));
    }
    Ok((article, warnings))
}

fn import(
    input: &str,
    out: Option<&Path>,
    id: Option<String>,
    options: &article_html::Options,
) -> Result<ExitCode, String> {
    let bytes = read_input(input)?;
    let (mut article, warnings) = import_page(input, &bytes, options).map_err(|e| e.line(input))?;
    for w in &warnings {
        eprintln!("{input}: warning: {w}");
    }
    if let Some(id) = id {
        article.id = id;
        if let Some(p) = article::validate(&article).first() {
            return Err(format!("{input}: {p}"));
        }
    }
    let json = pretty(&article) + "\n";
    match out {
        Some(path) => std::fs::write(path, json).map_err(|e| format!("{}: {e}", path.display()))?,
        None => print!("{json}"),
    }
    Ok(ExitCode::SUCCESS)
}

fn write_out(out: Option<&Path>, text: &str) -> Result<(), String> {
    match out {
        Some(path) => std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display())),
        None => {
            print!("{text}");
            Ok(())
        }
    }
}

fn is_index_file(f: &str) -> bool {
    Path::new(f).file_name().is_some_and(|n| n == "index.json")
}

fn index(files: &[String], out: Option<&Path>) -> Result<ExitCode, String> {
    let mut articles = Vec::new();
    for f in files.iter().filter(|f| !is_index_file(f)) {
        let bytes = read_input(f)?;
        articles.push(article::parse_article(&bytes).map_err(|e| format!("{f}: {e}"))?);
    }
    let index = article::ArticleIndex::build(&articles);
    write_out(out, &(pretty(&index) + "\n"))?;
    Ok(ExitCode::SUCCESS)
}

fn static_page(file: &str, css: &[String], out: Option<&Path>) -> Result<ExitCode, String> {
    let bytes = read_input(file)?;
    let article = article::parse_article(&bytes).map_err(|e| format!("{file}: {e}"))?;
    write_out(out, &static_html::render(&article, css))?;
    Ok(ExitCode::SUCCESS)
}

fn site(cfg: article_site::Config) -> Result<ExitCode, String> {
    let start = std::time::Instant::now();
    let r = article_site::build(&cfg).map_err(|e| e.to_string())?;
    eprintln!(
        "site: {} articles, {} rendered, {} files written, {} unchanged, in {:.2} s",
        r.articles,
        r.rendered,
        r.written,
        r.unchanged,
        start.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

/// The problems of one file as (line:col or JSON pointer, message).
fn problems(path: &str, bytes: &[u8]) -> Vec<Value> {
    if is_index_file(path) {
        return match article::parse_index(bytes) {
            Ok(_) => Vec::new(),
            Err(e) => vec![json!({"kind": "index", "message": e.to_string()})],
        };
    }
    match article::parse_article(bytes) {
        Ok(_) => Vec::new(),
        Err(LoadError::Syntax {
            line,
            column,
            message,
        }) => vec![json!({"kind": "syntax", "line": line, "column": column, "message": message})],
        Err(LoadError::Invalid(issues)) => issues
            .iter()
            .map(|i| {
                let path = if i.path.is_empty() { "/" } else { &i.path };
                json!({"kind": "invalid", "path": path, "message": i.message})
            })
            .collect(),
        Err(e @ LoadError::TooNew { .. }) => {
            vec![json!({"kind": "tooNew", "path": "/schemaVersion", "message": e.to_string()})]
        }
        Err(e @ LoadError::Utf8 { .. }) => vec![json!({"kind": "utf8", "message": e.to_string()})],
    }
}

fn validate(files: &[String], format: Format) -> ExitCode {
    let mut failed = false;
    let mut report = Vec::new();
    for f in files {
        let found = match read_input(f) {
            Ok(bytes) => problems(f, &bytes),
            Err(e) => vec![json!({"kind": "io", "message": e})],
        };
        failed |= !found.is_empty();
        if format == Format::Text {
            for p in &found {
                let msg = p["message"].as_str().unwrap_or_default();
                match (&p["line"], &p["column"], &p["path"]) {
                    (Value::Number(l), Value::Number(c), _) => eprintln!("{f}:{l}:{c}: {msg}"),
                    (_, _, Value::String(path)) => eprintln!("{f}: {path}: {msg}"),
                    _ if p["kind"] == "io" => eprintln!("{msg}"),
                    _ => eprintln!("{f}: {msg}"),
                }
            }
        }
        report.push(json!({"file": f, "valid": found.is_empty(), "problems": found}));
    }
    if format == Format::Json {
        println!("{}", pretty(&report));
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
