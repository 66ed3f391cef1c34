//! `article-cli`: import plain-text portal pages and validate article JSON.
//!
//! A thin shell over the `article` crate; all logic lives there.

use std::io::Read;
use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "usage:
  article-cli import <file|-> [--id ID] [--out FILE]   plain-text page -> article JSON
  article-cli validate <file>...                       check article JSON files
  article-cli index <file>... [--out FILE]             article JSON files -> index JSON";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("import") => import(&args[1..]),
        Some("validate") => validate(&args[1..]),
        Some("index") => index(&args[1..]),
        _ => Err(USAGE.to_owned()),
    };
    match result {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("{msg}");
            ExitCode::from(2)
        }
    }
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
fn id_from_path(path: &str) -> Option<String> {
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

fn import(args: &[String]) -> Result<ExitCode, String> {
    let mut input = None;
    let mut id = None;
    let mut out = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--id" => id = Some(it.next().ok_or("--id needs a value")?.clone()),
            "--out" => out = Some(it.next().ok_or("--out needs a value")?.clone()),
            _ if input.is_none() => input = Some(a.clone()),
            _ => return Err(USAGE.to_owned()),
        }
    }
    let input = input.ok_or(USAGE)?;
    let bytes = read_input(&input)?;
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "{input}: not valid UTF-8 at byte {}",
            e.utf8_error().valid_up_to()
        )
    })?;
    let mut article = article::from_plain_text(&text)
        .map_err(|e| format!("{input}:{}:{}: {}", e.line, e.column, e.kind))?;
    if let Some(id) = id.or_else(|| (input != "-").then(|| id_from_path(&input)).flatten()) {
        article.id = id;
    }
    let problems = article::validate(&article);
    if !problems.is_empty() {
        for p in &problems {
            eprintln!("{input}: {p}");
        }
        return Ok(ExitCode::FAILURE);
    }
    let json = serde_json::to_string_pretty(&article).map_err(|e| e.to_string())? + "\n";
    match out {
        Some(path) => std::fs::write(&path, json).map_err(|e| format!("{path}: {e}"))?,
        None => print!("{json}"),
    }
    Ok(ExitCode::SUCCESS)
}

fn validate(files: &[String]) -> Result<ExitCode, String> {
    if files.is_empty() {
        return Err(USAGE.to_owned());
    }
    let mut failed = false;
    for f in files {
        let bytes = read_input(f)?;
        // The index beside the articles has its own format.
        let parsed = if Path::new(f).file_name().is_some_and(|n| n == "index.json") {
            article::parse_index(&bytes).map(|_| ())
        } else {
            article::parse_article(&bytes).map(|_| ())
        };
        match parsed {
            Ok(_) => {}
            Err(article::LoadError::Invalid(issues)) => {
                failed = true;
                for i in issues {
                    eprintln!("{f}: {i}");
                }
            }
            Err(e) => {
                failed = true;
                eprintln!("{f}: {e}");
            }
        }
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn index(args: &[String]) -> Result<ExitCode, String> {
    let mut files = Vec::new();
    let mut out = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--out" => out = Some(it.next().ok_or("--out needs a value")?.clone()),
            _ => files.push(a.clone()),
        }
    }
    if files.is_empty() {
        return Err(USAGE.to_owned());
    }
    let mut articles = Vec::new();
    for f in &files {
        // The index itself may match the caller's glob.
        if Path::new(f).file_name().is_some_and(|n| n == "index.json") {
            continue;
        }
        let bytes = read_input(f)?;
        articles.push(article::parse_article(&bytes).map_err(|e| format!("{f}: {e}"))?);
    }
    let index = article::ArticleIndex::build(&articles);
    let json = serde_json::to_string_pretty(&index).map_err(|e| e.to_string())? + "\n";
    match out {
        Some(path) => std::fs::write(&path, json).map_err(|e| format!("{path}: {e}"))?,
        None => print!("{json}"),
    }
    Ok(ExitCode::SUCCESS)
}
