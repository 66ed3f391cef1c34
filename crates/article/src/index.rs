//! The article index (`articles/index.json`): one entry per article (id, title, date,
//! section, summary), newest first. The viewer builds its column list pages and the
//! previous/next links from it; `article-cli index` writes it from the article files.

use std::collections::HashSet;

use crate::load::{load, LoadError};
use crate::model::{Article, ArticleIndex, Block, IndexEntry, SCHEMA_VERSION};
use crate::toc::is_valid_id;
use crate::validate::{check_datetime, is_under, without_placeholder_issues, Issue};

/// Longest generated summary, in characters (before the ellipsis).
const SUMMARY_CHARS: usize = 80;

impl IndexEntry {
    /// The index entry of an article: its own summary, or the start of its first
    /// paragraph.
    pub fn of(a: &Article) -> Self {
        let summary = a.summary.clone().or_else(|| {
            let first = a
                .lead
                .iter()
                .chain(a.sections.iter().flat_map(|s| s.blocks.iter()))
                .find_map(|b| match b {
                    Block::Paragraph { text } => Some(text.plain_text()),
                    _ => None,
                })?;
            Some(truncate(&first, SUMMARY_CHARS))
        });
        IndexEntry {
            id: a.id.clone(),
            title: a.title.clone(),
            date: a.published_date().map(str::to_owned),
            section: a.section.clone(),
            summary,
        }
    }
}

fn truncate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}\u{2026}", &s[..i]),
        None => s.to_owned(),
    }
}

impl ArticleIndex {
    /// The index of `articles`, newest first (ties by id, so the order is stable).
    pub fn build(articles: &[Article]) -> Self {
        let mut entries: Vec<IndexEntry> = articles.iter().map(IndexEntry::of).collect();
        entries.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id)));
        ArticleIndex {
            schema_version: SCHEMA_VERSION,
            articles: entries,
        }
    }

    /// The entries of one column (all entries for `None`), in index order.
    pub fn in_section<'a>(
        &'a self,
        section: Option<&'a str>,
    ) -> impl Iterator<Item = &'a IndexEntry> + 'a {
        self.articles
            .iter()
            .filter(move |e| section.is_none() || e.section.as_deref() == section)
    }

    /// The columns, in order of first appearance.
    pub fn sections(&self) -> Vec<&str> {
        let mut seen = HashSet::new();
        self.articles
            .iter()
            .filter_map(|e| e.section.as_deref())
            .filter(|s| seen.insert(*s))
            .collect()
    }

    /// The entries before (newer) and after (older) article `id` in its own column;
    /// `(None, None)` when the index does not list it.
    pub fn neighbours(&self, id: &str) -> (Option<&IndexEntry>, Option<&IndexEntry>) {
        let Some(me) = self.articles.iter().find(|e| e.id == id) else {
            return (None, None);
        };
        let column: Vec<&IndexEntry> = self.in_section(me.section.as_deref()).collect();
        let pos = column.iter().position(|e| e.id == id).unwrap_or(0);
        let prev = pos.checked_sub(1).and_then(|p| column.get(p).copied());
        (prev, column.get(pos + 1).copied())
    }
}

/// Parses and checks an index: every id valid and unique, every title non-empty,
/// every date `YYYY-MM-DD`. All problems, type and meaning, are listed with their
/// JSON paths; fields the index does not know are ignored.
pub fn parse_index(bytes: &[u8]) -> Result<ArticleIndex, LoadError> {
    let (index, type_issues) = load::<ArticleIndex>(bytes)?;
    let mut meaning = Vec::new();
    let mut ids = HashSet::new();
    for (i, e) in index.articles.iter().enumerate() {
        let mut push = |field: &str, message: &str| {
            meaning.push(Issue {
                path: format!("/articles/{i}/{field}"),
                message: message.to_owned(),
            });
        };
        if !is_valid_id(&e.id) {
            push(
                "id",
                "not a valid id (ASCII letter, then letters, digits, - or _)",
            );
        } else if !type_issues
            .iter()
            .any(|t| is_under(&format!("/articles/{i}/id"), &t.path))
            && !ids.insert(e.id.as_str())
        {
            // (A placeholder id is not an id: it takes none from a real entry.)
            push("id", "duplicate id");
        }
        if e.title.trim().is_empty() {
            push("title", "empty title");
        }
        if let Some(d) = &e.date {
            if d.len() != 10 || check_datetime(d).is_err() {
                push("date", "expected YYYY-MM-DD");
            }
        }
    }
    let issues = without_placeholder_issues(type_issues, meaning);
    if issues.is_empty() {
        Ok(index)
    } else {
        Err(LoadError::Invalid(issues))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str, date: &str, section: &str) -> Article {
        let mut a = Article::new(id, format!("title {id}"));
        a.published = Some(date.to_owned());
        a.section = Some(section.to_owned());
        a.lead.push(Block::paragraph("一".repeat(100)));
        a
    }

    #[test]
    fn build_sorts_newest_first_and_summarises() {
        let idx = ArticleIndex::build(&[
            article("a", "2024-01-02", "理论研究"),
            article("b", "2024-03-01T08:00:00+08:00", "理论研究"),
        ]);
        let ids: Vec<_> = idx.articles.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["b", "a"]);
        assert_eq!(idx.articles[0].date.as_deref(), Some("2024-03-01"));
        let summary = idx.articles[0].summary.as_deref().unwrap();
        assert_eq!(summary.chars().count(), SUMMARY_CHARS + 1);
        assert!(summary.ends_with('\u{2026}'));
    }

    #[test]
    fn neighbours_stay_in_the_column() {
        let idx = ArticleIndex::build(&[
            article("a", "2024-01-03", "x"),
            article("b", "2024-01-02", "y"),
            article("c", "2024-01-01", "x"),
        ]);
        let (p, n) = idx.neighbours("a");
        assert_eq!(
            (p.map(|e| &e.id[..]), n.map(|e| &e.id[..])),
            (None, Some("c"))
        );
        let (p, n) = idx.neighbours("c");
        assert_eq!((p.map(|e| &e.id[..]), n), (Some("a"), None));
        assert_eq!(idx.neighbours("zz"), (None, None));
        assert_eq!(idx.sections(), ["x", "y"]);
        assert_eq!(idx.in_section(Some("x")).count(), 2);
    }

    #[test]
    fn parse_reports_every_problem_with_its_path() {
        let err = parse_index(
            br#"{"schemaVersion":1,"articles":[
                {"id":"a","title":"t"},{"id":"a","title":" ","date":"2024-02-30"},{"id":"1x","title":"t"}]}"#,
        )
        .unwrap_err();
        let LoadError::Invalid(issues) = err else {
            panic!("{err:?}")
        };
        let paths: Vec<_> = issues.iter().map(|i| i.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "/articles/1/id",
                "/articles/1/title",
                "/articles/1/date",
                "/articles/2/id"
            ]
        );
        assert!(matches!(
            parse_index(b"{\"articles\": [}"),
            Err(LoadError::Syntax { line: 1, .. })
        ));
    }
}
