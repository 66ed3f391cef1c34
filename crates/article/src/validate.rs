//! Meaning checks on a parsed [`Article`]. Every problem is collected, each with the
//! JSON path (RFC 6901 pointer) of the value at fault.

use std::collections::HashSet;
use std::fmt;

use crate::model::{Article, Block, Inline, Section, Span, SCHEMA_VERSION};
use crate::toc::is_valid_id;
use crate::url::safe_url;

/// One problem found in an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    /// JSON pointer to the value, e.g. `/sections/2/blocks/0/src`.
    pub path: String,
    /// What is wrong, in plain words.
    pub message: String,
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() {
            "/"
        } else {
            &self.path
        };
        write!(f, "{path}: {}", self.message)
    }
}

/// True when `path` is `prefix` or lies under it.
pub(crate) fn is_under(path: &str, prefix: &str) -> bool {
    path.strip_prefix(prefix)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// The type problems, then the meaning problems that are not at or under a value a
/// type problem repaired: those would only describe its placeholder.
pub(crate) fn without_placeholder_issues(
    mut type_issues: Vec<Issue>,
    meaning: impl IntoIterator<Item = Issue>,
) -> Vec<Issue> {
    let repaired = type_issues.len();
    for issue in meaning {
        if !type_issues[..repaired]
            .iter()
            .any(|t| is_under(&issue.path, &t.path))
        {
            type_issues.push(issue);
        }
    }
    type_issues
}

/// Returns every meaning problem of `article`; empty when it is valid.
pub fn validate(article: &Article) -> Vec<Issue> {
    let mut v = Validator::default();
    v.article(article);
    v.issues
}

#[derive(Default)]
struct Validator {
    issues: Vec<Issue>,
    ids: HashSet<String>,
}

impl Validator {
    fn push(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.issues.push(Issue {
            path: path.into(),
            message: message.into(),
        });
    }

    fn article(&mut self, a: &Article) {
        if a.schema_version > SCHEMA_VERSION {
            self.push(
                "/schemaVersion",
                format!(
                    "schemaVersion {} is newer than this viewer supports ({SCHEMA_VERSION})",
                    a.schema_version
                ),
            );
        } else if a.schema_version == 0 {
            self.push("/schemaVersion", "schemaVersion must be 1 or more");
        }
        if !is_valid_id(&a.id) {
            self.push(
                "/id",
                "id must start with an ASCII letter and contain only letters, digits, - and _ (at most 64)",
            );
        }
        self.non_empty("/title", &a.title, "title");
        self.non_empty("/lang", &a.lang, "lang");
        self.opt_url("/url", a.url.as_deref());
        if let Some(site) = &a.site {
            self.non_empty("/site/name", &site.name, "site name");
            self.opt_url("/site/url", site.url.as_deref());
        }
        for (i, c) in a.breadcrumb.iter().enumerate() {
            self.non_empty(format!("/breadcrumb/{i}/name"), &c.name, "breadcrumb name");
            self.opt_url(format!("/breadcrumb/{i}/url"), c.url.as_deref());
        }
        self.opt_date("/published", a.published.as_deref());
        self.opt_date("/modified", a.modified.as_deref());
        for (i, au) in a.authors.iter().enumerate() {
            self.non_empty(format!("/authors/{i}/name"), &au.name, "author name");
            self.opt_url(format!("/authors/{i}/url"), au.url.as_deref());
        }
        if let Some(src) = &a.source {
            self.non_empty("/source/name", &src.name, "source name");
            self.opt_url("/source/url", src.url.as_deref());
        }
        self.opt_url("/originalUrl", a.original_url.as_deref());
        for (i, b) in a.lead.iter().enumerate() {
            self.block(&format!("/lead/{i}"), b);
        }
        self.sections("/sections", &a.sections);
    }

    fn sections(&mut self, base: &str, sections: &[Section]) {
        for (i, s) in sections.iter().enumerate() {
            let path = format!("{base}/{i}");
            if let Some(id) = &s.id {
                if !is_valid_id(id) {
                    self.push(
                        format!("{path}/id"),
                        format!("id \"{id}\" must start with an ASCII letter and contain only letters, digits, - and _"),
                    );
                } else if !self.ids.insert(id.clone()) {
                    self.push(format!("{path}/id"), format!("duplicate id \"{id}\""));
                }
            }
            self.non_empty(format!("{path}/heading"), &s.heading, "heading");
            for (j, b) in s.blocks.iter().enumerate() {
                self.block(&format!("{path}/blocks/{j}"), b);
            }
            self.sections(&format!("{path}/sections"), &s.sections);
        }
    }

    fn block(&mut self, path: &str, b: &Block) {
        match b {
            Block::Paragraph { text } | Block::Quote { text, .. } => self.inline(path, text),
            Block::Subheading { text } => {
                self.non_empty(format!("{path}/text"), text, "subheading")
            }
            Block::List { items, .. } => {
                for (i, item) in items.iter().enumerate() {
                    self.inline(&format!("{path}/items/{i}"), item);
                }
            }
            Block::Figure {
                src, alt, caption, ..
            } => {
                self.url(format!("{path}/src"), src);
                if alt.trim().is_empty() {
                    self.push(
                        format!("{path}/alt"),
                        "figure needs alt text describing the image",
                    );
                }
                if let Some(c) = caption {
                    self.inline(&format!("{path}/caption"), c);
                }
            }
            Block::Footnote { id, text } => {
                if let Some(id) = id {
                    if !is_valid_id(id) {
                        self.push(
                            format!("{path}/id"),
                            format!("id \"{id}\" is not a valid anchor id"),
                        );
                    } else if !self.ids.insert(id.clone()) {
                        self.push(format!("{path}/id"), format!("duplicate id \"{id}\""));
                    }
                }
                self.inline(path, text);
            }
        }
    }

    fn inline(&mut self, path: &str, text: &Inline) {
        match text {
            Inline::Text(t) => self.non_empty(format!("{path}/text"), t, "text"),
            Inline::Spans(spans) => {
                if spans.is_empty() {
                    self.push(format!("{path}/text"), "text must not be empty");
                }
                for (i, s) in spans.iter().enumerate() {
                    if let Span::Styled { href: Some(h), .. } = s {
                        self.url(format!("{path}/text/{i}/href"), h);
                    }
                }
            }
        }
    }

    fn non_empty(&mut self, path: impl Into<String>, value: &str, what: &str) {
        if value.trim().is_empty() {
            self.push(path, format!("{what} must not be empty"));
        }
    }

    fn url(&mut self, path: impl Into<String>, value: &str) {
        if let Err(e) = safe_url(value) {
            self.push(path, e.to_string());
        }
    }

    fn opt_url(&mut self, path: impl Into<String>, value: Option<&str>) {
        if let Some(v) = value {
            self.url(path, v);
        }
    }

    fn opt_date(&mut self, path: &str, value: Option<&str>) {
        if let Some(v) = value {
            if let Err(why) = check_datetime(v) {
                self.push(path, format!("\"{v}\" is not a valid date: {why}"));
            }
        }
    }
}

/// Accepts `YYYY-MM-DD`, optionally followed by `THH:MM[:SS[.fff]]` and `Z` or `±HH:MM`.
pub(crate) fn check_datetime(s: &str) -> Result<(), &'static str> {
    let b = s.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        if part.bytes().all(|c| c.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return Err("expected YYYY-MM-DD");
    }
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return Err("expected YYYY-MM-DD");
    };
    if !(1..=12).contains(&m) {
        return Err("month out of range");
    }
    if d == 0 || d > days_in_month(y, m) {
        return Err("day out of range for the month");
    }
    if b.len() == 10 {
        return Ok(());
    }
    if b[10] != b'T' && b[10] != b' ' {
        return Err("expected T between date and time");
    }
    if b.len() < 16 || b[13] != b':' {
        return Err("expected HH:MM after the date");
    }
    let (Some(h), Some(mi)) = (num(11..13), num(14..16)) else {
        return Err("expected HH:MM after the date");
    };
    if h > 23 || mi > 59 {
        return Err("time out of range");
    }
    let mut rest = &s[16..];
    if let Some(sec) = rest.strip_prefix(':') {
        let digits: String = sec.chars().take(2).collect();
        match digits.parse::<u32>() {
            Ok(v) if digits.len() == 2 && v <= 60 => rest = &sec[2..],
            _ => return Err("seconds out of range"),
        }
        if let Some(frac) = rest.strip_prefix('.') {
            let n = frac.bytes().take_while(u8::is_ascii_digit).count();
            if n == 0 {
                return Err("expected digits after the decimal point");
            }
            rest = &frac[n..];
        }
    }
    match rest {
        "" | "Z" => Ok(()),
        tz if tz.len() == 6
            && (tz.starts_with('+') || tz.starts_with('-'))
            && tz.as_bytes()[3] == b':' =>
        {
            match (tz[1..3].parse::<u32>(), tz[4..6].parse::<u32>()) {
                (Ok(th), Ok(tm)) if th <= 14 && tm <= 59 => Ok(()),
                _ => Err("time zone offset out of range"),
            }
        }
        _ => Err("unexpected text after the time"),
    }
}

fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        2 if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Link, Section};

    #[test]
    fn valid_article_has_no_issues() {
        let mut a = Article::new("a1", "标题");
        a.published = Some("2024-05-19".into());
        assert!(validate(&a).is_empty());
    }

    #[test]
    fn reports_every_problem_with_its_path() {
        let mut a = Article::new("1bad", " ");
        a.schema_version = 99;
        a.published = Some("2024-02-30".into());
        a.breadcrumb = vec![Link {
            name: "首页".into(),
            url: Some("javascript:alert(1)".into()),
        }];
        a.sections = vec![
            Section {
                id: Some("x".into()),
                heading: "h".into(),
                blocks: vec![Block::Figure {
                    src: "data:image/png;base64,AAAA".into(),
                    alt: "".into(),
                    caption: None,
                    width: None,
                    height: None,
                }],
                sections: vec![],
            },
            Section {
                id: Some("x".into()),
                heading: "".into(),
                blocks: vec![],
                sections: vec![],
            },
        ];
        let got: Vec<String> = validate(&a).iter().map(ToString::to_string).collect();
        assert_eq!(
            got,
            [
                "/schemaVersion: schemaVersion 99 is newer than this viewer supports (1)",
                "/id: id must start with an ASCII letter and contain only letters, digits, - and _ (at most 64)",
                "/title: title must not be empty",
                "/breadcrumb/0/url: scheme \"javascript\" is not allowed",
                "/published: \"2024-02-30\" is not a valid date: day out of range for the month",
                "/sections/0/blocks/0/src: scheme \"data\" is not allowed",
                "/sections/0/blocks/0/alt: figure needs alt text describing the image",
                "/sections/1/id: duplicate id \"x\"",
                "/sections/1/heading: heading must not be empty",
            ]
        );
    }

    #[test]
    fn under() {
        assert!(is_under("/a/b", "/a"));
        assert!(is_under("/a", "/a"));
        assert!(!is_under("/ab", "/a"));
        assert!(is_under("/x", ""));
    }

    #[test]
    fn meaning_problems_under_a_repaired_value_are_dropped() {
        let issue = |path: &str| Issue {
            path: path.to_owned(),
            message: "m".to_owned(),
        };
        let merged = without_placeholder_issues(
            vec![issue("/a")],
            [issue("/a/b"), issue("/ab"), issue("/a")],
        );
        let paths: Vec<_> = merged.iter().map(|i| i.path.as_str()).collect();
        assert_eq!(paths, ["/a", "/ab"]);
    }

    #[test]
    fn dates() {
        for ok in [
            "2024-05-19",
            "2024-02-29",
            "2024-05-19T16:37",
            "2024-05-19T16:37:05+08:00",
            "2024-05-19T16:37:05.123Z",
        ] {
            assert_eq!(check_datetime(ok), Ok(()), "{ok}");
        }
        for bad in [
            "2023-02-29",
            "2024-13-01",
            "19-05-2024",
            "2024-05-19T25:00",
            "2024-05-19T10:00+99:00",
            "2024-05-19x",
        ] {
            assert!(check_datetime(bad).is_err(), "{bad}");
        }
    }
}
