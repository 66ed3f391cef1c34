//! Bytes to a validated [`Article`]: the one entry point the viewer and the CLI use.

use serde::Deserialize;
use thiserror::Error;

use crate::model::{Article, SCHEMA_VERSION};
use crate::validate::{validate, Issue};

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
    /// The JSON does not have the article's shape.
    #[error("{path}: {message} (line {line}, column {column})")]
    Type {
        /// JSON pointer of the value at fault (best effort; `/` for the document).
        path: String,
        /// What was expected.
        message: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// The document declares a format this code does not know.
    #[error("schemaVersion {found} is newer than this viewer supports ({SCHEMA_VERSION}); update the viewer")]
    TooNew {
        /// The declared version.
        found: u64,
    },
    /// The article parsed but has meaning problems; all of them are listed.
    #[error("{} problem(s) in the article", .0.len())]
    Invalid(Vec<Issue>),
}

/// Parses and validates an article from raw bytes.
pub fn parse_article(bytes: &[u8]) -> Result<Article, LoadError> {
    let text = std::str::from_utf8(bytes).map_err(|e| LoadError::Utf8 {
        offset: e.valid_up_to(),
    })?;
    let article: Article = match serde_json::from_str(text) {
        Ok(a) => a,
        Err(e) if e.is_syntax() || e.is_eof() => {
            return Err(LoadError::Syntax {
                line: e.line(),
                column: e.column(),
                message: strip_position(&e.to_string()),
            })
        }
        Err(e) => {
            // A newer format may not fit today's types: say so instead of a type error.
            if let Some(found) = declared_version(text).filter(|v| *v > u64::from(SCHEMA_VERSION)) {
                return Err(LoadError::TooNew { found });
            }
            return Err(LoadError::Type {
                path: "/".to_owned(),
                message: strip_position(&e.to_string()),
                line: e.line(),
                column: e.column(),
            });
        }
    };
    if u64::from(article.schema_version) > u64::from(SCHEMA_VERSION) {
        return Err(LoadError::TooNew {
            found: article.schema_version.into(),
        });
    }
    let issues = validate(&article);
    if issues.is_empty() {
        Ok(article)
    } else {
        Err(LoadError::Invalid(issues))
    }
}

fn declared_version(text: &str) -> Option<u64> {
    #[derive(Deserialize)]
    struct Peek {
        #[serde(rename = "schemaVersion")]
        schema_version: Option<u64>,
    }
    serde_json::from_str::<Peek>(text).ok()?.schema_version
}

/// serde_json appends " at line L column C"; we report those separately.
pub(crate) fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_owned(),
        None => msg.to_owned(),
    }
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

    #[test]
    fn type_error_and_validation_errors() {
        let err = parse_article(br#"{"schemaVersion": 1, "id": "a", "title": 5}"#).unwrap_err();
        assert!(matches!(err, LoadError::Type { .. }), "{err:?}");
        let err = parse_article(br#"{"schemaVersion": 1, "id": "a", "title": ""}"#).unwrap_err();
        assert_eq!(err.to_string(), "1 problem(s) in the article");
    }
}
