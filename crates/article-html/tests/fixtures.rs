//! The fixture set (`tests/third_party/`, real pages; sources in its README) against hand-checked
//! expectations (`expected.json`): title, published day, authors, source,
//! breadcrumb, first and last body paragraph, section headings, image count, and
//! three chrome strings that must not reach the body.
//!
//! A page may list fields under `knownMisses`: the importer is known to get them
//! wrong, and the test checks that they still differ, so that a fix is noticed
//! and the expectation tightened. Everything else must hold. The same rules score
//! the peers (`scripts/compare-importers`).

use std::collections::BTreeMap;

use article::{Article, Block, Section};
use serde_json::Value;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/third_party");

/// Whitespace and punctuation width do not count: the importers write full-width
/// marks between Chinese text where the page had ASCII ones (`评:运营商` → `评：运营商`).
fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .map(|c| match c {
            '，' => ',',
            '；' => ';',
            '：' => ':',
            '？' => '?',
            '！' => '!',
            '（' => '(',
            '）' => ')',
            c => c,
        })
        .collect()
}

fn blocks(a: &Article) -> Vec<&Block> {
    fn walk<'a>(s: &'a [Section], out: &mut Vec<&'a Block>) {
        for s in s {
            out.extend(&s.blocks);
            walk(&s.sections, out);
        }
    }
    let mut out: Vec<&Block> = a.lead.iter().collect();
    walk(&a.sections, &mut out);
    out
}

fn headings(a: &Article) -> Vec<String> {
    fn walk(s: &[Section], out: &mut Vec<String>) {
        for s in s {
            out.push(s.heading.clone());
            walk(&s.sections, out);
        }
    }
    let mut out = Vec::new();
    walk(&a.sections, &mut out);
    out
}

/// What the importer says, field by field, in the shape of `expected.json`.
fn fields(a: &Article) -> BTreeMap<&'static str, Value> {
    let paras: Vec<String> = blocks(a)
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph { text } => Some(text.plain_text()),
            _ => None,
        })
        .collect();
    let body: String = blocks(a)
        .iter()
        .map(|b| match b {
            Block::Paragraph { text } | Block::Quote { text, .. } => text.plain_text(),
            Block::List { items, .. } => items.iter().map(|i| i.plain_text()).collect(),
            Block::Subheading { text } => text.clone(),
            _ => String::new(),
        })
        .chain(headings(a))
        .collect();
    let mut f = BTreeMap::new();
    f.insert("title", Value::from(a.title.clone()));
    f.insert("published", Value::from(a.published.clone()));
    f.insert(
        "authors",
        a.authors
            .iter()
            .map(|x| Value::from(x.name.clone()))
            .collect(),
    );
    f.insert(
        "source",
        Value::from(a.source.as_ref().map(|s| s.name.clone())),
    );
    f.insert(
        "breadcrumb",
        a.breadcrumb
            .iter()
            .map(|c| Value::from(c.name.clone()))
            .collect(),
    );
    f.insert("first", Value::from(paras.first().cloned()));
    f.insert("last", Value::from(paras.last().cloned()));
    f.insert(
        "headings",
        headings(a).into_iter().map(Value::from).collect(),
    );
    f.insert(
        "images",
        Value::from(
            blocks(a)
                .iter()
                .filter(|b| matches!(b, Block::Figure { .. }))
                .count(),
        ),
    );
    f.insert("body", Value::from(body));
    f
}

/// One field right, by the rules the peer table uses too.
fn right(field: &str, want: &Value, got: &BTreeMap<&str, Value>) -> bool {
    let s = |v: &Value| v.as_str().map(norm);
    match field {
        "published" => {
            let day = |v: &Value| v.as_str().map(|d| d.chars().take(10).collect::<String>());
            day(want) == day(&got["published"])
        }
        "authors" => {
            let set = |v: &Value| {
                let mut names: Vec<String> = v
                    .as_array()
                    .map(|a| a.iter().filter_map(|x| x.as_str().map(norm)).collect())
                    .unwrap_or_default();
                names.sort();
                names
            };
            set(want) == set(&got["authors"])
        }
        "breadcrumb" | "headings" => {
            let list = |v: &Value| -> Vec<String> {
                v.as_array()
                    .map(|a| a.iter().filter_map(|x| x.as_str().map(norm)).collect())
                    .unwrap_or_default()
            };
            list(want) == list(&got[field])
        }
        "images" => want == &got["images"],
        "chrome" => {
            let body = norm(got["body"].as_str().unwrap_or(""));
            want.as_array().is_some_and(|c| {
                c.iter()
                    .all(|c| !body.contains(&norm(c.as_str().unwrap_or("\u{0}"))))
            })
        }
        _ => s(want) == s(&got[field]),
    }
}

const FIELDS: [&str; 10] = [
    "title",
    "published",
    "authors",
    "source",
    "breadcrumb",
    "first",
    "last",
    "headings",
    "images",
    "chrome",
];

#[test]
fn fixture_expectations_hold() {
    let expected: BTreeMap<String, Value> = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/expected.json"))
            .expect("expected.json"),
    )
    .expect("expected.json parses");
    assert!(expected.len() >= 20, "at least 20 pages");
    let mut problems = Vec::new();
    let mut right_count: BTreeMap<&str, usize> = BTreeMap::new();
    for (page, want) in &expected {
        let bytes = std::fs::read(format!("{DIR}/{page}")).expect("fixture page");
        let imported = article_html::from_html(&bytes, &article_html::Options::default())
            .unwrap_or_else(|e| panic!("{page}: {e}"));
        let a = &imported.article;
        assert!(
            article::validate(a).is_empty(),
            "{page}: {:?}",
            article::validate(a)
        );
        let got = fields(a);
        let misses: Vec<&str> = want["knownMisses"]
            .as_array()
            .map(|m| m.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        for field in FIELDS {
            let ok = right(field, &want[field], &got);
            *right_count.entry(field).or_default() += usize::from(ok);
            match (ok, misses.contains(&field)) {
                (false, false) => problems.push(format!(
                    "{page}: {field}: expected {}, got {}",
                    want[field],
                    if field == "chrome" {
                        &got["body"]
                    } else {
                        &got[field]
                    }
                )),
                (true, true) => problems.push(format!(
                    "{page}: {field} is right now: remove it from knownMisses"
                )),
                _ => {}
            }
        }
    }
    for (field, n) in &right_count {
        println!("{field}: {n}/{}", expected.len());
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // The targets: title and date on at least 95 % of the pages.
    for field in ["title", "published"] {
        assert!(
            right_count[field] * 100 >= expected.len() * 95,
            "{field}: {}",
            right_count[field]
        );
    }
}
