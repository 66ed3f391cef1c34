//! Fetching article JSON. Every failure becomes a [`FetchError`] that says what failed.

use std::fmt;

use article::{parse_article, Article, LoadError};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{RequestInit, Response};

/// Why an article could not be shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchError {
    /// The request never got an answer (offline, DNS, CORS, refused).
    Network(String),
    /// The server answered with a non-2xx status.
    Http {
        /// The HTTP status code.
        status: u16,
        /// The status text, if the server sent one.
        status_text: String,
    },
    /// The body is not a valid article.
    Load(LoadError),
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchError::Network(detail) => write!(f, "网络错误,未能取得文章 ({detail})"),
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
            FetchError::Load(LoadError::Invalid(issues)) => {
                write!(f, "文章内容未通过校验\u{ff0c}共 {} 处问题", issues.len())
            }
            FetchError::Load(LoadError::TooNew { found }) => write!(
                f,
                "文章格式版本 {found} 比本阅读器支持的版本 ({}) 新,请更新阅读器",
                article::SCHEMA_VERSION
            ),
            FetchError::Load(e) => write!(f, "文章数据格式错误:{e}"),
        }
    }
}

fn js_detail(v: &wasm_bindgen::JsValue) -> String {
    v.as_string()
        .or_else(|| {
            v.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| format!("{v:?}"))
}

/// Fetches `url` and parses it as an article.
pub async fn fetch_article(url: &str) -> Result<Article, FetchError> {
    let window = web_sys::window().ok_or_else(|| FetchError::Network("no window".into()))?;
    let init = RequestInit::new();
    init.set_method("GET");
    let resp = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(|e| FetchError::Network(js_detail(&e)))?;
    let resp: Response = resp
        .dyn_into()
        .map_err(|e| FetchError::Network(js_detail(&e)))?;
    if !resp.ok() {
        return Err(FetchError::Http {
            status: resp.status(),
            status_text: resp.status_text(),
        });
    }
    let buf = resp
        .array_buffer()
        .map_err(|e| FetchError::Network(js_detail(&e)))?;
    let buf = JsFuture::from(buf)
        .await
        .map_err(|e| FetchError::Network(js_detail(&e)))?;
    let bytes = js_sys::Uint8Array::new(&buf).to_vec();
    parse_article(&bytes).map_err(FetchError::Load)
}
