//! `import DIR|FILES… --out-dir DIR`: many pages, one `<id>.json` each, a progress
//! bar on a terminal, one `file: what` line per problem, a summary, and exit 1 when
//! any page failed. Pages are taken in sorted path order, so the same input gives
//! the same files, byte for byte.

use std::collections::{BTreeMap, HashSet};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use indicatif::{ProgressBar, ProgressStyle};

use crate::{id_from_path, import_page, pretty};

/// The page files: directories are searched (recursively) for `.html`, `.htm`,
/// `.shtml`, `.xhtml` and `.txt` files; named files are taken whatever their name.
fn collect(inputs: &[String]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for i in inputs {
        let p = Path::new(i);
        if p.is_dir() {
            walk(p, &mut out).map_err(|e| format!("{i}: {e}"))?;
        } else if p.is_file() {
            out.push(p.to_path_buf());
        } else {
            return Err(format!("{i}: no such file or directory"));
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else {
            let ext = path
                .extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase);
            if matches!(
                ext.as_deref(),
                Some("html" | "htm" | "shtml" | "xhtml" | "txt")
            ) {
                out.push(path);
            }
        }
    }
    Ok(())
}

pub(crate) fn run(
    inputs: &[String],
    out_dir: &Path,
    options: &article_html::Options,
) -> Result<ExitCode, String> {
    let files = collect(inputs)?;
    if files.is_empty() {
        return Err("no pages found (.html, .htm, .shtml, .xhtml or .txt)".to_owned());
    }
    std::fs::create_dir_all(out_dir).map_err(|e| format!("{}: {e}", out_dir.display()))?;
    let bar = if std::io::stderr().is_terminal() {
        let b = ProgressBar::new(files.len() as u64);
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} {wide_msg}") {
            b.set_style(style);
        }
        b
    } else {
        ProgressBar::hidden()
    };
    let say = |line: String| bar.suspend(|| eprintln!("{line}"));

    let mut used: HashSet<String> = HashSet::new();
    let (mut ok, mut warned) = (0usize, 0usize);
    let mut failed: BTreeMap<String, usize> = BTreeMap::new();
    for path in &files {
        let name = path.to_string_lossy().into_owned();
        bar.set_message(name.clone());
        let result = std::fs::read(path)
            .map_err(|e| crate::Failure::io(e.to_string()))
            .and_then(|bytes| import_page(&name, &bytes, options));
        match result {
            Ok((mut article, warnings)) => {
                // Two pages with one file name (a/1.html, b/1.html) get -2, -3, …
                let base = id_from_path(&name).unwrap_or_else(|| article.id.clone());
                let mut id = base.clone();
                let mut n = 1;
                while !used.insert(id.clone()) {
                    n += 1;
                    id = format!("{base}-{n}");
                }
                article.id = id;
                let target = out_dir.join(format!("{}.json", article.id));
                if let Err(e) = std::fs::write(&target, pretty(&article) + "\n") {
                    say(format!("{}: {e}", target.display()));
                    *failed
                        .entry("could not write the output".to_owned())
                        .or_default() += 1;
                    bar.inc(1);
                    continue;
                }
                for w in &warnings {
                    say(format!("{name}: warning: {w}"));
                }
                ok += 1;
                warned += usize::from(!warnings.is_empty());
            }
            Err(f) => {
                say(f.line(&name));
                *failed.entry(f.what.clone()).or_default() += 1;
            }
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    let failures: usize = failed.values().sum();
    eprintln!(
        "imported {ok} of {} ({warned} with warnings), failed {failures}",
        files.len()
    );
    for (why, n) in &failed {
        eprintln!("  {n} failed: {why}");
    }
    Ok(if failures > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
