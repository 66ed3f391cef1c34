//! Loading an article or the index: [`transport`] gets the bytes within the limits,
//! the core parses them, and every failure becomes a [`FetchError`] with the language
//! to explain it in ([`Failure`]).

mod error;
mod transport;

use article::{parse_article, parse_index, Article, ArticleIndex};

pub use error::FetchError;
pub use transport::{check_address, FetchOptions};

use crate::browser::dom;

/// A failed load: the error, and whether to explain it in English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// What went wrong.
    pub error: FetchError,
    /// The article declared an English `lang`, or the page is English.
    pub english: bool,
}

impl Failure {
    /// `error`, explained in the page's language: there is no article to name one.
    pub fn on_page(error: FetchError) -> Self {
        Failure {
            error,
            english: is_english(None),
        }
    }
}

/// A UTF-8 byte order mark (Windows editors) is not part of the JSON.
fn without_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// The value of the first `"lang"` key in the JSON text, by a byte scan: the body
/// may be too broken to parse, and a second full parse would cost time.
fn declared_lang(bytes: &[u8]) -> Option<&str> {
    let key = b"\"lang\"";
    let at = bytes.windows(key.len()).position(|w| w == key)? + key.len();
    let rest = &bytes[at..];
    let rest = &rest[rest.iter().position(|b| !b.is_ascii_whitespace())?..];
    let rest = rest.strip_prefix(b":")?;
    let rest = &rest[rest.iter().position(|b| !b.is_ascii_whitespace())?..];
    let rest = rest.strip_prefix(b"\"")?;
    let end = rest.iter().position(|b| *b == b'"')?;
    std::str::from_utf8(&rest[..end]).ok()
}

/// Whether to explain in English: the article says so, or (no article) the page does.
fn is_english(bytes: Option<&[u8]>) -> bool {
    match bytes.and_then(declared_lang) {
        Some(lang) => dom::is_english(lang),
        None => dom::page_is_english(),
    }
}

/// Fetches `url` within `opts` (retrying transient failures) and parses it as an
/// article.
pub async fn fetch_article_with(url: &str, opts: &FetchOptions) -> Result<Article, Failure> {
    match transport::fetch_retrying(url, opts).await {
        Ok(bytes) => parse_article(without_bom(&bytes)).map_err(|e| Failure {
            error: FetchError::Load(e),
            english: is_english(Some(&bytes)),
        }),
        Err(error) => Err(Failure::on_page(error)),
    }
}

/// Fetches the article index (`articles/index.json`) at `url`, with the same
/// limits as an article (no retries: the article is shown without its neighbours).
pub async fn fetch_index(url: &str) -> Result<ArticleIndex, Failure> {
    let bytes = transport::fetch_bytes(url, &FetchOptions::default())
        .await
        .map_err(Failure::on_page)?;
    parse_index(without_bom(&bytes)).map_err(|e| Failure::on_page(FetchError::Load(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_declared_lang() {
        assert_eq!(
            declared_lang(br#"{"id":"a", "lang" : "en-GB"}"#),
            Some("en-GB")
        );
        assert_eq!(declared_lang(br#"{"lang":5}"#), None);
        assert_eq!(declared_lang(b"{}"), None);
        assert!(dom::is_english("EN") && !dom::is_english("zh-CN") && !dom::is_english("e"));
    }

    #[test]
    fn a_byte_order_mark_is_not_json() {
        assert_eq!(without_bom(b"\xEF\xBB\xBF{}"), b"{}");
        assert_eq!(without_bom(b"{}"), b"{}");
    }
}
