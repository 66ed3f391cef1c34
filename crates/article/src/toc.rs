//! The table of contents, with stable ASCII anchor ids.
//!
//! Slugging Chinese headings breaks anchors, so generated ids are positional
//! (`sec-1`, `sec-1-2`). An id the article gives is kept; a duplicate gets `-1`,
//! `-2`, … appended. Linear in the number of sections (the tests count the work on
//! articles of n and 10n sections), even when every section repeats one id.

use std::collections::{HashMap, HashSet};

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
    let mut ids = Ids::default();
    let mut entries = Vec::new();
    let mut path = Vec::new();
    walk(&article.sections, &mut path, &mut ids, &mut entries);
    Toc { entries }
}

impl Toc {
    /// For each entry, the index just past its last subsection: entry `i`'s
    /// subsections are `entries[i + 1..ends[i]]`. One pass, O(n) for any nesting.
    pub fn subtree_ends(&self) -> Vec<usize> {
        let n = self.entries.len();
        let mut ends = vec![n; n];
        let mut open: Vec<usize> = Vec::new();
        for (i, e) in self.entries.iter().enumerate() {
            while let Some(&top) = open.last() {
                step();
                if self.entries[top].level < e.level {
                    break;
                }
                ends[top] = i;
                open.pop();
            }
            open.push(i);
        }
        ends
    }
}

/// The anchor id of every section, depth-first.
pub fn section_ids(article: &Article) -> Vec<String> {
    build_toc(article)
        .entries
        .into_iter()
        .map(|e| e.id)
        .collect()
}

fn walk(sections: &[Section], path: &mut Vec<usize>, ids: &mut Ids, out: &mut Vec<TocEntry>) {
    for (i, s) in sections.iter().enumerate() {
        path.push(i + 1);
        let base = match s.id.as_deref() {
            Some(id) if is_valid_id(id) => id.to_owned(),
            _ => generated_id(path),
        };
        let id = ids.unique(base);
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
        walk(&s.sections, path, ids, out);
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

/// The ids handed out so far. A repeated base resumes its suffixes where the last
/// duplicate of it stopped, so n copies of one id cost O(n), not O(n * n).
#[derive(Default)]
struct Ids {
    used: HashSet<String>,
    next_suffix: HashMap<String, usize>,
}

impl Ids {
    fn unique(&mut self, base: String) -> String {
        probe();
        if self.used.insert(base.clone()) {
            return base;
        }
        let n = self.next_suffix.entry(base.clone()).or_insert(1);
        loop {
            probe();
            let candidate = format!("{base}-{n}");
            *n += 1;
            if self.used.insert(candidate.clone()) {
                return candidate;
            }
        }
    }
}

#[cfg(test)]
thread_local! {
    /// Work done, for the scaling tests: candidate ids tried, nesting steps taken.
    static PROBES: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    static STEPS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

#[inline]
fn probe() {
    #[cfg(test)]
    PROBES.with(|p| p.set(p.get() + 1));
}

#[inline]
fn step() {
    #[cfg(test)]
    STEPS.with(|p| p.set(p.get() + 1));
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

    #[test]
    fn subtree_ends_nest_by_level() {
        let mut a = Article::new("a", "t");
        a.sections = vec![
            section(
                None,
                "1",
                vec![section(None, "1.1", vec![section(None, "1.1.1", vec![])])],
            ),
            section(None, "2", vec![]),
            section(
                None,
                "3",
                vec![section(None, "3.1", vec![]), section(None, "3.2", vec![])],
            ),
        ];
        assert_eq!(build_toc(&a).subtree_ends(), [3, 3, 3, 4, 7, 6, 7]);
        assert!(Toc::default().subtree_ends().is_empty());
    }

    fn flat(n: usize, id: Option<&str>) -> Article {
        let mut a = Article::new("a", "t");
        a.sections = (0..n).map(|_| section(id, "h", vec![])).collect();
        a
    }

    /// `n` sections in chains nested `depth` deep.
    fn deep(n: usize, depth: usize) -> Article {
        fn chain(len: usize) -> Section {
            let children = if len > 1 {
                vec![chain(len - 1)]
            } else {
                vec![]
            };
            section(None, "h", children)
        }
        let mut a = Article::new("a", "t");
        a.sections = (0..n / depth).map(|_| chain(depth)).collect();
        a
    }

    /// Candidate ids tried while building the TOC of `a`.
    fn probes_for(a: &Article) -> usize {
        PROBES.with(|p| p.set(0));
        let toc = build_toc(a);
        assert_eq!(toc.entries.len(), a.sections.len());
        PROBES.with(|p| p.get())
    }

    #[test]
    fn building_the_toc_tries_a_linear_number_of_ids() {
        for id in [None, Some("intro")] {
            let (small, big) = (probes_for(&flat(400, id)), probes_for(&flat(4000, id)));
            // At most two tries per section (a repeated id: itself, then its next
            // free suffix), so 10x the sections is at most 10x the tries.
            assert!(small <= 2 * 400, "{id:?}: {small} tries for 400 sections");
            assert!(big <= 2 * 4000, "{id:?}: {big} tries for 4000 sections");
        }
        // The ids are still the first free ones.
        let ids = section_ids(&flat(4000, Some("intro")));
        assert_eq!(
            (ids[1].as_str(), ids[3999].as_str()),
            ("intro-1", "intro-3999")
        );
        let mut a = flat(3, Some("sec-2"));
        a.sections.push(section(None, "b", vec![]));
        assert_eq!(section_ids(&a), ["sec-2", "sec-2-1", "sec-2-2", "sec-4"]);
    }

    /// Nesting steps taken by `subtree_ends` on the TOC of `a`.
    fn steps_for(a: &Article) -> usize {
        let toc = build_toc(a);
        STEPS.with(|p| p.set(0));
        assert_eq!(toc.subtree_ends().len(), toc.entries.len());
        STEPS.with(|p| p.get())
    }

    #[test]
    fn nesting_the_toc_takes_linear_steps() {
        for (small, big) in [
            (flat(2_000, None), flat(20_000, None)),
            (deep(2_000, 50), deep(20_000, 50)),
        ] {
            let (s1, s10) = (steps_for(&small), steps_for(&big));
            // Each entry is opened once and closed once.
            assert!(
                s1 <= 2 * 2_000 && s10 <= 2 * 20_000,
                "{s1} steps, then {s10}"
            );
            assert!(
                s10 >= 9 * s1,
                "{s1} steps, then {s10}: the test measures nothing"
            );
        }
    }
}
