//! Fetching article JSON. Every failure becomes a [`FetchError`] that says what failed.
//!
//! One attempt ([`fetch_bytes`]) is bounded in time (an `AbortController` fires after
//! [`FetchOptions::timeout_ms`], covering the body too) and in size (the body is read
//! chunk by chunk and abandoned as soon as it passes [`FetchOptions::max_bytes`]).
//! [`fetch_article_with`] retries the failures that retrying can cure, backing off.

use std::cell::Cell;
use std::fmt;
use std::rc::Rc;

use article::{parse_article, parse_index, Article, ArticleIndex, LoadError};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, ReadableStreamDefaultReader, RequestInit, Response};

/// Limits for one article load.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FetchOptions {
    /// Give up on an attempt (request and body) after this many milliseconds.
    pub timeout_ms: u32,
    /// Refuse a body longer than this many bytes, counted while it arrives.
    pub max_bytes: usize,
    /// Automatic retries after a transient failure (network, timeout, 5xx).
    pub retries: u32,
    /// First back-off delay; it doubles on each retry.
    pub backoff_ms: u32,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            timeout_ms: 15_000,
            max_bytes: 5 * 1024 * 1024,
            retries: 2,
            backoff_ms: 1_000,
        }
    }
}

/// Why an article could not be shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchError {
    /// The article address uses a scheme other than http, https or a relative path
    /// (the lower-cased scheme, or empty when the address is blank).
    Address(String),
    /// The request or the body transfer failed (DNS, refused, CORS, connection dropped).
    Network(String),
    /// The browser reports no network connection.
    Offline,
    /// No complete answer within the time limit.
    Timeout {
        /// The limit, in milliseconds.
        ms: u32,
    },
    /// The server answered with a non-2xx status.
    Http {
        /// The HTTP status code.
        status: u16,
        /// The status text, if the server sent one.
        status_text: String,
    },
    /// The server sent something other than JSON (the type it named, maybe empty).
    ContentType(String),
    /// The body is empty (or only white space).
    Empty,
    /// The body is longer than the size limit.
    TooLarge {
        /// The limit, in bytes.
        limit: usize,
    },
    /// The body is not a valid article.
    Load(LoadError),
}

impl FetchError {
    /// Whether trying again, unchanged, may succeed.
    pub fn is_transient(&self) -> bool {
        match self {
            FetchError::Network(_) | FetchError::Offline | FetchError::Timeout { .. } => true,
            FetchError::Http { status, .. } => *status >= 500 || matches!(status, 408 | 429),
            _ => false,
        }
    }

    /// The message for a reader, in Chinese or (when `english`) in English.
    pub fn message(&self, english: bool) -> String {
        if english {
            self.english()
        } else {
            self.to_string()
        }
    }

    fn english(&self) -> String {
        match self {
            FetchError::Address(s) => format!("The article address scheme \"{s}\" is not allowed (only http, https and relative addresses)."),
            FetchError::Network(d) => format!("Network error: the article could not be fetched ({d})."),
            FetchError::Offline => "You are offline. The article will load again as soon as the connection is back.".into(),
            FetchError::Timeout { ms } => format!("No complete answer within {} seconds.", ms / 1000),
            FetchError::Http { status, status_text } => {
                let mut s = format!("The server answered HTTP {status}");
                if !status_text.is_empty() {
                    s.push(' ');
                    s.push_str(status_text);
                }
                if *status == 404 {
                    s.push_str(": article not found");
                }
                s
            }
            FetchError::ContentType(t) => format!("The server sent {} instead of JSON.", shown_type(t)),
            FetchError::Empty => "The server sent an empty answer.".into(),
            FetchError::TooLarge { limit } => format!("The article is larger than the {} limit; loading stopped.", mib(*limit)),
            FetchError::Load(LoadError::Utf8 { offset }) => format!("The article is not valid UTF-8 text (byte {offset})."),
            FetchError::Load(LoadError::Syntax { line, column, message }) => format!("JSON syntax error at line {line}, column {column}: {message}"),
            FetchError::Load(LoadError::TooNew { found }) => format!("The article uses format version {found}, newer than this viewer supports ({}). Please update the viewer.", article::SCHEMA_VERSION),
            FetchError::Load(LoadError::Invalid(issues)) => format!("The article failed validation ({} problem(s)):", issues.len()),
        }
    }
}

fn shown_type(t: &str) -> &str {
    if t.is_empty() {
        "no content type"
    } else {
        t
    }
}

fn mib(bytes: usize) -> String {
    format!("{} MB", bytes / (1024 * 1024))
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchError::Address(s) => write!(
                f,
                "不允许的文章地址协议 \"{s}\"(只允许 http\u{3001}https 和相对地址)"
            ),
            FetchError::Network(detail) => write!(f, "网络错误,未能取得文章 ({detail})"),
            FetchError::Offline => f.write_str("网络已断开,恢复联网后会自动重新加载"),
            FetchError::Timeout { ms } => {
                write!(f, "请求超时:{} 秒内没有收到完整的文章", ms / 1000)
            }
            FetchError::Http {
                status,
                status_text,
            } => {
                write!(f, "服务器返回 HTTP {status}")?;
                if !status_text.is_empty() {
                    write!(f, " {status_text}")?;
                }
                if *status == 404 {
                    f.write_str(":找不到该文章")?;
                }
                Ok(())
            }
            FetchError::ContentType(t) => {
                let t = if t.is_empty() { "(无)" } else { t };
                write!(f, "服务器返回的内容类型是 {t},不是 JSON")
            }
            FetchError::Empty => f.write_str("服务器返回了空内容"),
            FetchError::TooLarge { limit } => {
                write!(f, "文章超过 {} 的大小上限,已停止读取", mib(*limit))
            }
            FetchError::Load(LoadError::Utf8 { offset }) => {
                write!(f, "文章不是有效的 UTF-8 文本(第 {offset} 字节)")
            }
            FetchError::Load(LoadError::Syntax {
                line,
                column,
                message,
            }) => write!(f, "JSON 语法错误:第 {line} 行第 {column} 列:{message}"),
            FetchError::Load(LoadError::TooNew { found }) => write!(
                f,
                "文章格式版本 {found} 比本阅读器支持的版本 ({}) 新,请更新阅读器",
                article::SCHEMA_VERSION
            ),
            FetchError::Load(LoadError::Invalid(issues)) => {
                write!(f, "文章内容未通过校验(共 {} 处问题):", issues.len())
            }
        }
    }
}

/// A failed load: the error, and whether to explain it in English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// What went wrong.
    pub error: FetchError,
    /// The article declared an English `lang`, or the page is English.
    pub english: bool,
}

fn js_detail(v: &JsValue) -> String {
    v.as_string()
        .or_else(|| {
            v.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| format!("{v:?}"))
}

fn is_offline() -> bool {
    crate::dom::window().is_some_and(|w| !w.navigator().on_line())
}

/// Resolves after `ms` milliseconds.
async fn sleep(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = crate::dom::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Aborts the request when the time limit passes; clears the timer when dropped.
struct Deadline {
    timer: i32,
    fired: Rc<Cell<bool>>,
    _on_fire: Closure<dyn FnMut()>,
}

impl Deadline {
    fn start(controller: &AbortController, ms: u32) -> Self {
        let fired = Rc::new(Cell::new(false));
        let on_fire = {
            let fired = fired.clone();
            let controller = controller.clone();
            Closure::<dyn FnMut()>::new(move || {
                fired.set(true);
                controller.abort();
            })
        };
        let timer = crate::dom::window()
            .and_then(|w| {
                w.set_timeout_with_callback_and_timeout_and_arguments_0(
                    on_fire.as_ref().unchecked_ref(),
                    ms.min(i32::MAX as u32) as i32,
                )
                .ok()
            })
            .unwrap_or(0);
        Deadline {
            timer,
            fired,
            _on_fire: on_fire,
        }
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        if let Some(w) = crate::dom::window() {
            w.clear_timeout_with_handle(self.timer);
        }
    }
}

/// JSON media types: `application/json`, `text/json` and any `+json` suffix.
fn is_json_type(content_type: &str) -> bool {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    essence == "application/json" || essence == "text/json" || essence.ends_with("+json")
}

/// The response `assets/loader.js` started for `url` before the wasm ran, with the
/// controller that aborts it; taken once. A response for another URL is aborted: the
/// viewer asked for something else.
fn take_early(window: &web_sys::Window, url: &str) -> Option<(js_sys::Promise, AbortController)> {
    let key = JsValue::from_str("__avEarlyArticle");
    let early = js_sys::Reflect::get(window, &key).ok()?;
    if early.is_undefined() {
        return None;
    }
    let _ = js_sys::Reflect::delete_property(window.unchecked_ref::<js_sys::Object>(), &key);
    let field = |name: &str| js_sys::Reflect::get(&early, &JsValue::from_str(name)).ok();
    let controller: AbortController = field("controller")?.dyn_into().ok()?;
    if field("url")?.as_string().as_deref() != Some(url) {
        controller.abort();
        return None;
    }
    Some((field("response")?.dyn_into().ok()?, controller))
}

/// One attempt: the body bytes of a 2xx JSON answer within the time and size limits.
pub(crate) async fn fetch_bytes(url: &str, opts: &FetchOptions) -> Result<Vec<u8>, FetchError> {
    // `?src=` comes from whoever wrote the link: never fetch data:, blob:, javascript: …
    match article::safe_url(url) {
        Ok(u)
            if !u
                .as_str()
                .get(..7)
                .is_some_and(|p| p.eq_ignore_ascii_case("mailto:")) => {}
        Ok(_) => return Err(FetchError::Address("mailto".into())),
        Err(article::UrlError::Scheme(s)) => return Err(FetchError::Address(s)),
        Err(article::UrlError::Empty) => return Err(FetchError::Address(String::new())),
    }
    let window = crate::dom::window().ok_or_else(|| FetchError::Network("no window".into()))?;
    let early = take_early(&window, url);
    let controller = match &early {
        Some((_, c)) => c.clone(),
        None => AbortController::new().map_err(|e| FetchError::Network(js_detail(&e)))?,
    };
    let deadline = Deadline::start(&controller, opts.timeout_ms);
    let failed = |e: JsValue| {
        if deadline.fired.get() {
            FetchError::Timeout {
                ms: opts.timeout_ms,
            }
        } else if is_offline() {
            FetchError::Offline
        } else {
            FetchError::Network(js_detail(&e))
        }
    };

    let request = match early {
        Some((response, _)) => response,
        None => {
            let init = RequestInit::new();
            init.set_method("GET");
            init.set_signal(Some(&controller.signal()));
            window.fetch_with_str_and_init(url, &init)
        }
    };
    let resp = JsFuture::from(request).await.map_err(failed)?;
    let resp: Response = resp.dyn_into().map_err(failed)?;
    if !resp.ok() {
        controller.abort();
        return Err(FetchError::Http {
            status: resp.status(),
            status_text: resp.status_text(),
        });
    }
    let headers = resp.headers();
    let content_type = headers
        .get("content-type")
        .ok()
        .flatten()
        .unwrap_or_default();
    if !is_json_type(&content_type) {
        controller.abort();
        return Err(FetchError::ContentType(content_type));
    }
    let declared = headers
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|l| l.trim().parse::<u64>().ok());
    if declared.is_some_and(|l| l > opts.max_bytes as u64) {
        controller.abort();
        return Err(FetchError::TooLarge {
            limit: opts.max_bytes,
        });
    }

    let Some(body) = resp.body() else {
        return Err(FetchError::Empty);
    };
    let reader: ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bytes = Vec::with_capacity(declared.unwrap_or(0) as usize);
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(failed)?;
        let done = js_sys::Reflect::get(&chunk, &"done".into()).map_err(failed)?;
        if done.is_truthy() {
            break;
        }
        let value: js_sys::Uint8Array = js_sys::Reflect::get(&chunk, &"value".into())
            .map_err(failed)?
            .unchecked_into();
        if bytes.len() + value.length() as usize > opts.max_bytes {
            // Stop the transfer now: the rest of an oversized body is never read.
            controller.abort();
            return Err(FetchError::TooLarge {
                limit: opts.max_bytes,
            });
        }
        let start = bytes.len();
        bytes.resize(start + value.length() as usize, 0);
        value.copy_to(&mut bytes[start..]);
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(FetchError::Empty);
    }
    Ok(bytes)
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

fn is_english_tag(lang: &str) -> bool {
    lang.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("en"))
}

/// Whether to explain in English: the article says so, or (no article) the page does.
fn is_english(bytes: Option<&[u8]>) -> bool {
    match bytes.and_then(declared_lang) {
        Some(lang) => is_english_tag(lang),
        None => crate::dom::window()
            .and_then(|w| w.document()?.document_element()?.get_attribute("lang"))
            .is_some_and(|l| is_english_tag(&l)),
    }
}

/// Fetches `url`, parses it as an article, and retries transient failures with
/// exponential back-off (`backoff_ms`, then twice that, …) up to `retries` times.
/// When the browser is offline it stops at once: the caller retries on `online`.
pub async fn fetch_article_with(url: &str, opts: &FetchOptions) -> Result<Article, Failure> {
    let mut attempt = 0;
    loop {
        let result = match fetch_bytes(url, opts).await {
            // A UTF-8 byte order mark (Windows editors) is not part of the JSON.
            Ok(bytes) => parse_article(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes))
                .map_err(|e| Failure {
                    error: FetchError::Load(e),
                    english: is_english(Some(&bytes)),
                }),
            Err(error) => Err(Failure {
                error,
                english: is_english(None),
            }),
        };
        match result {
            Err(f)
                if f.error.is_transient()
                    && f.error != FetchError::Offline
                    && attempt < opts.retries =>
            {
                sleep(opts.backoff_ms.saturating_mul(1 << attempt.min(16))).await;
                attempt += 1;
            }
            other => return other,
        }
    }
}

/// Fetches the article index (`articles/index.json`) at `url`, with the same
/// limits as an article (no retries: the article is shown without its neighbours).
pub async fn fetch_index(url: &str) -> Result<ArticleIndex, FetchError> {
    let bytes = fetch_bytes(url, &FetchOptions::default()).await?;
    parse_index(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes)).map_err(FetchError::Load)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_types() {
        for t in [
            "application/json",
            "application/json; charset=utf-8",
            "Application/JSON",
            "application/ld+json",
            "text/json",
        ] {
            assert!(is_json_type(t), "{t}");
        }
        for t in [
            "",
            "text/html",
            "text/plain",
            "application/javascript",
            "application/jsonx",
        ] {
            assert!(!is_json_type(t), "{t}");
        }
    }

    #[test]
    fn finds_the_declared_lang() {
        assert_eq!(
            declared_lang(br#"{"id":"a", "lang" : "en-GB"}"#),
            Some("en-GB")
        );
        assert_eq!(declared_lang(br#"{"lang":5}"#), None);
        assert_eq!(declared_lang(b"{}"), None);
        assert!(is_english_tag("EN") && !is_english_tag("zh-CN") && !is_english_tag("e"));
    }

    #[test]
    fn transient_failures() {
        assert!(FetchError::Timeout { ms: 1 }.is_transient());
        assert!(FetchError::Http {
            status: 503,
            status_text: String::new()
        }
        .is_transient());
        assert!(!FetchError::Http {
            status: 404,
            status_text: String::new()
        }
        .is_transient());
        assert!(!FetchError::Empty.is_transient());
    }
}
