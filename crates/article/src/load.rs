//! Bytes to a validated [`Article`]: the one entry point the viewer and the CLI use.

use thiserror::Error;

use crate::json;
use crate::model::{Article, SCHEMA_VERSION};
use crate::shape::{self, Build};
use crate::validate::{validate, without_placeholder_issues, Issue};

/// Why a document could not be loaded as an article.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum LoadError {
    /// The bytes are not UTF-8.
    #[error("not valid UTF-8 at byte {offset}")]
    Utf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// The text is not JSON.
    #[error("JSON syntax error at line {line}, column {column}: {message}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser expected.
        message: String,
    },
    /// The document declares a format this code does not know.
    #[error("schemaVersion {found} is newer than this viewer supports ({SCHEMA_VERSION}); update the viewer")]
    TooNew {
        /// The declared version.
        found: u64,
    },
    /// The JSON does not have the article's shape or meaning: every problem, type
    /// errors first, each with its JSON pointer.
    #[error("{} problem(s) in the article", .0.len())]
    Invalid(Vec<Issue>),
}

/// Parses and validates an article from raw bytes.
///
/// Three stages, each reporting everything it finds: JSON syntax (the first error,
/// with line and column), the shape (every type error, see `shape.rs`), then meaning
/// ([`validate`]). A document whose `schemaVersion` is newer than [`SCHEMA_VERSION`]
/// gets only [`LoadError::TooNew`], since its other "mistakes" may be new features.
pub fn parse_article(bytes: &[u8]) -> Result<Article, LoadError> {
    let (article, type_issues) = load::<Article>(bytes)?;
    let issues = without_placeholder_issues(type_issues, validate(&article));
    if issues.is_empty() {
        Ok(article)
    } else {
        Err(LoadError::Invalid(issues))
    }
}

/// UTF-8, JSON syntax, the version, then the typed value with its type problems.
pub(crate) fn load<T: Build>(bytes: &[u8]) -> Result<(T, Vec<Issue>), LoadError> {
    let text = std::str::from_utf8(bytes).map_err(|e| LoadError::Utf8 {
        offset: e.valid_up_to(),
    })?;
    let doc = json::parse(text).map_err(|e| LoadError::Syntax {
        line: e.line,
        column: e.column,
        message: e.message.to_owned(),
    })?;
    if let Some(found) = doc
        .get("schemaVersion")
        .and_then(json::Json::as_u64)
        .filter(|v| *v > u64::from(SCHEMA_VERSION))
    {
        return Err(LoadError::TooNew { found });
    }
    Ok(shape::build(doc))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_error_has_line_and_column() {
        let err = parse_article(b"{\n  \"title\": ,\n}").unwrap_err();
        let LoadError::Syntax { line, column, .. } = err else {
            panic!("{err:?}")
        };
        assert_eq!((line, column), (2, 12));
    }

    #[test]
    fn invalid_utf8_is_reported() {
        assert_eq!(
            parse_article(b"{\"a\": \"\xff\"}").unwrap_err(),
            LoadError::Utf8 { offset: 7 }
        );
    }

    #[test]
    fn newer_schema_is_named() {
        let err = parse_article(br#"{"schemaVersion": 7, "id": "a", "title": 5}"#).unwrap_err();
        assert_eq!(err, LoadError::TooNew { found: 7 });
        assert!(err.to_string().contains("newer"));
    }

    fn problems(json: &str) -> Vec<String> {
        match parse_article(json.as_bytes()) {
            Err(LoadError::Invalid(issues)) => issues.iter().map(ToString::to_string).collect(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn type_and_meaning_errors_are_reported_together() {
        assert_eq!(
            problems(r#"{"schemaVersion": 1, "id": "a", "title": 5, "published": "2024-02-30"}"#),
            [
                "/title: expected a string, found the number 5",
                "/published: \"2024-02-30\" is not a valid date: day out of range for the month",
            ]
        );
        assert_eq!(
            problems(r#"{"schemaVersion": 1, "id": "a", "title": ""}"#),
            ["/title: title must not be empty"]
        );
    }

    #[test]
    fn extensions_load_and_unknown_fields_are_reported() {
        let a = parse_article(
            br#"{"schemaVersion": 1, "id": "a", "title": "t", "_x": [1],
                "lead": [{"type": "paragraph", "text": [{"text": "s", "_y": 2}], "_z": 3}]}"#,
        )
        .expect("extension fields are allowed anywhere");
        assert_eq!(a.lead.len(), 1);
        assert_eq!(
            problems(
                r#"{"schemaVersion": 1, "id": "a", "title": "t", "sumary": "s",
                "lead": [{"type": "figure", "src": "a.png", "alt": "a", "capton": "c"}]}"#
            ),
            [
                "/lead/0/capton: unknown field \"capton\" (extension fields must start with \"_\")",
                "/sumary: unknown field \"sumary\" (extension fields must start with \"_\")",
            ]
        );
    }

    #[test]
    fn meaning_problems_of_placeholders_are_not_reported() {
        // The missing id and title are stood in by placeholders; only the type
        // errors are reported, not "title must not be empty" and the like.
        assert_eq!(
            problems(r#"{"schemaVersion": 0, "sections": [7, {"heading": "h", "id": "1x"}]}"#),
            [
                "/id: missing required field \"id\"",
                "/title: missing required field \"title\"",
                "/sections/0: expected a section (an object with \"heading\"), found the number 7",
                "/schemaVersion: schemaVersion must be 1 or more",
                "/sections/1/id: id \"1x\" must start with an ASCII letter and contain only letters, digits, - and _",
            ]
        );
    }
}
