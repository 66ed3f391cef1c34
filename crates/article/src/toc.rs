//! The table of contents, with stable ASCII anchor ids.
//!
//! Slugging Chinese headings breaks anchors, so generated ids are positional
//! (`sec-1`, `sec-1-2`). An id the article gives is kept; a duplicate gets `-1`,
//! `-2`, … appended. Linear in the number of sections.

use std::collections::HashSet;

use crate::model::{Article, Section};

/// One TOC entry, in document order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TocEntry {
    /// Anchor id of the section heading.
    pub id: String,
    /// Outline number: `1`, `1.2`, ….
    pub number: String,
    /// Nesting depth, 1 for top-level sections.
    pub level: usize,
    /// Heading text.
    pub title: String,
}

/// The table of contents of one article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Toc {
    /// Entries in document order (depth-first).
    pub entries: Vec<TocEntry>,
}

/// Builds the table of contents; `entries[i].id` is the id of the i-th section in
/// depth-first order, the same order as [`section_ids`].
pub fn build_toc(article: &Article) -> Toc {
    let mut used = HashSet::new();
    let mut entries = Vec::new();
    let mut path = Vec::new();
    walk(&article.sections, &mut path, &mut used, &mut entries);
    Toc { entries }
}

/// The anchor id of every section, depth-first.
pub fn section_ids(article: &Article) -> Vec<String> {
    build_toc(article)
        .entries
        .into_iter()
        .map(|e| e.id)
        .collect()
}

fn walk(
    sections: &[Section],
    path: &mut Vec<usize>,
    used: &mut HashSet<String>,
    out: &mut Vec<TocEntry>,
) {
    for (i, s) in sections.iter().enumerate() {
        path.push(i + 1);
        let base = match s.id.as_deref() {
            Some(id) if is_valid_id(id) => id.to_owned(),
            _ => generated_id(path),
        };
        let id = unique_id(base, used);
        out.push(TocEntry {
            id,
            number: path
                .iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join("."),
            level: path.len(),
            title: s.heading.clone(),
        });
        walk(&s.sections, path, used, out);
        path.pop();
    }
}

fn generated_id(path: &[usize]) -> String {
    let mut id = String::from("sec");
    for n in path {
        id.push('-');
        id.push_str(&n.to_string());
    }
    id
}

/// True for ids safe in a URL fragment and a CSS selector: an ASCII letter, then
/// ASCII letters, digits, `-` or `_`, at most 64 characters.
pub(crate) fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic())
        && id.len() <= 64
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

fn unique_id(base: String, used: &mut HashSet<String>) -> String {
    if used.insert(base.clone()) {
        return base;
    }
    let mut n = 1;
    loop {
        let candidate = format!("{base}-{n}");
        if used.insert(candidate.clone()) {
            return candidate;
        }
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Block;

    fn section(id: Option<&str>, heading: &str, children: Vec<Section>) -> Section {
        Section {
            id: id.map(str::to_owned),
            heading: heading.to_owned(),
            blocks: vec![Block::paragraph("p")],
            sections: children,
        }
    }

    #[test]
    fn generates_positional_ids_and_numbers() {
        let mut a = Article::new("a", "t");
        a.sections = vec![
            section(None, "一", vec![section(None, "(一)", vec![])]),
            section(None, "二", vec![]),
        ];
        let toc = build_toc(&a);
        let got: Vec<_> = toc
            .entries
            .iter()
            .map(|e| (e.id.as_str(), e.number.as_str(), e.level))
            .collect();
        assert_eq!(
            got,
            [("sec-1", "1", 1), ("sec-1-1", "1.1", 2), ("sec-2", "2", 1)]
        );
    }

    #[test]
    fn keeps_given_ids_and_dedupes() {
        let mut a = Article::new("a", "t");
        a.sections = vec![
            section(Some("intro"), "a", vec![]),
            section(Some("intro"), "b", vec![]),
            section(Some("intro"), "c", vec![]),
            section(Some("第一节"), "d", vec![]),
        ];
        assert_eq!(section_ids(&a), ["intro", "intro-1", "intro-2", "sec-4"]);
    }

    #[test]
    fn generated_id_that_collides_with_a_given_one_is_deduped() {
        let mut a = Article::new("a", "t");
        a.sections = vec![
            section(Some("sec-2"), "a", vec![]),
            section(None, "b", vec![]),
        ];
        assert_eq!(section_ids(&a), ["sec-2", "sec-2-1"]);
    }

    #[test]
    fn id_validity() {
        assert!(is_valid_id("sec-1"));
        assert!(is_valid_id("Intro_2"));
        assert!(!is_valid_id("1abc"));
        assert!(!is_valid_id("a b"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("中文"));
    }
}
