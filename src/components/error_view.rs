//! The error state: what failed, where, and a retry button. Every word a reader sees
//! about a failed load, Chinese and English, is in this file.

use article::LoadError;
use yew::prelude::*;

use crate::api::FetchError;

/// What [`error_view`] shows.
#[derive(Properties, PartialEq)]
pub struct ErrorViewProps {
    /// What went wrong.
    pub error: FetchError,
    /// Explain in English (the article or the page is English); Chinese otherwise.
    #[prop_or_default]
    pub english: bool,
    /// The URL that was requested, if any.
    #[prop_or_default]
    pub source: Option<AttrValue>,
    /// Called when the reader asks to try again.
    pub on_retry: Callback<()>,
}

/// The Chinese or (when `en`) the English of one message; the format arguments are
/// shared, so the two cannot drift apart in what they report.
macro_rules! say {
    ($en:expr, $zh:literal, $english:literal $(, $arg:expr)* $(,)?) => {
        if $en {
            format!($english $(, $arg)*)
        } else {
            format!($zh $(, $arg)*)
        }
    };
}

/// What went wrong, for a reader: the one table of load-error messages.
pub(crate) fn error_message(error: &FetchError, en: bool) -> String {
    let mb = |bytes: &usize| bytes / (1024 * 1024);
    match error {
        FetchError::Address(s) => say!(en,
            "不允许的文章地址协议 \"{}\"（只允许 http\u{3001}https 和相对地址）",
            "The article address scheme \"{}\" is not allowed (only http, https and relative addresses).", s),
        FetchError::Network(d) => say!(en,
            "网络错误，未能取得文章（{}）",
            "Network error: the article could not be fetched ({}).", d),
        FetchError::Offline => say!(en,
            "网络已断开，恢复联网后会自动重新加载",
            "You are offline. The article will load again as soon as the connection is back."),
        FetchError::Timeout { ms } => say!(en,
            "请求超时：{} 秒内没有收到完整的文章",
            "No complete answer within {} seconds.", ms / 1000),
        FetchError::Http { status, status_text } => {
            let text = if status_text.is_empty() { String::new() } else { format!(" {status_text}") };
            let not_found = *status == 404;
            say!(en, "服务器返回 HTTP {}{}{}", "The server answered HTTP {}{}{}",
                status, text, match (not_found, en) {
                    (false, _) => "",
                    (true, false) => "：找不到该文章",
                    (true, true) => ": article not found",
                })
        }
        FetchError::ContentType(t) if t.is_empty() => say!(en,
            "服务器返回的内容没有注明类型，不是 JSON",
            "The server sent no content type instead of JSON."),
        FetchError::ContentType(t) => say!(en,
            "服务器返回的内容类型是 {}，不是 JSON",
            "The server sent {} instead of JSON.", t),
        FetchError::Empty => say!(en, "服务器返回了空内容", "The server sent an empty answer."),
        FetchError::TooLarge { limit } => say!(en,
            "文章超过 {} MB 的大小上限，已停止读取",
            "The article is larger than the {} MB limit; loading stopped.", mb(limit)),
        FetchError::Load(LoadError::Utf8 { offset }) => say!(en,
            "文章不是有效的 UTF-8 文本（第 {} 字节）",
            "The article is not valid UTF-8 text (byte {}).", offset),
        FetchError::Load(LoadError::Syntax { line, column, message }) => say!(en,
            "JSON 语法错误：第 {} 行第 {} 列：{}",
            "JSON syntax error at line {}, column {}: {}", line, column, message),
        FetchError::Load(LoadError::TooNew { found }) => say!(en,
            "文章格式版本 {} 比本阅读器支持的版本（{}）新，请更新阅读器",
            "The article uses format version {}, newer than this viewer supports ({}). Please update the viewer.",
            found, article::SCHEMA_VERSION),
        FetchError::NotCarried => say!(en,
            "页面未携带文章数据",
            "This page carries no article data."),
        FetchError::Load(LoadError::Invalid(issues)) => say!(en,
            "文章内容未通过校验（共 {} 处问题）：",
            "The article failed validation ({} problem(s)):", issues.len()),
    }
}

/// `role="alert"` message with every problem listed, and a retry button.
pub fn error_view(props: &ErrorViewProps) -> Html {
    let onclick = props.on_retry.reform(|_: MouseEvent| ());
    let issues = match &props.error {
        FetchError::Load(LoadError::Invalid(issues)) => issues.clone(),
        _ => Vec::new(),
    };
    let en = props.english;
    let (title, address, retry) = if en {
        ("The article cannot be shown", "Address: ", "Retry")
    } else {
        ("文章无法显示", "地址：", "重试")
    };
    html! {
        <main id="av-content" class="error-view" lang={if en { "en" } else { "zh-CN" }}>
            <div role="alert">
                <h1 class="error-title">{ title }</h1>
                <p class="error-message">{ error_message(&props.error, en) }</p>
                if !issues.is_empty() {
                    <ul class="error-issues">
                        for (i, issue) in issues.iter().enumerate() {
                            <li key={i}><code>{ issue.to_string() }</code></li>
                        }
                    </ul>
                }
                if let Some(src) = &props.source {
                    <p class="error-source">{ address }<code>{ src }</code></p>
                }
            </div>
            <button type="button" class="retry" {onclick}>{ retry }</button>
        </main>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_say_what_failed() {
        let http = FetchError::Http {
            status: 404,
            status_text: "Not Found".into(),
        };
        assert_eq!(
            error_message(&http, false),
            "服务器返回 HTTP 404 Not Found：找不到该文章"
        );
        assert_eq!(
            error_message(&http, true),
            "The server answered HTTP 404 Not Found: article not found"
        );
        let bare = FetchError::Http {
            status: 500,
            status_text: String::new(),
        };
        assert_eq!(error_message(&bare, true), "The server answered HTTP 500");
        let big = FetchError::TooLarge {
            limit: 5 * 1024 * 1024,
        };
        assert_eq!(
            error_message(&big, false),
            "文章超过 5 MB 的大小上限，已停止读取"
        );
        assert_eq!(
            error_message(&FetchError::ContentType(String::new()), true),
            "The server sent no content type instead of JSON."
        );
        assert_eq!(
            error_message(&FetchError::ContentType(String::new()), false),
            "服务器返回的内容没有注明类型，不是 JSON"
        );
    }

    /// The Chinese messages are written as the importers write Chinese text: with
    /// full-width punctuation (`，` `：` `（）`), which `full_width_punctuation` leaves as is.
    #[test]
    fn chinese_messages_have_full_width_punctuation() {
        let invalid = article::LoadError::Invalid(Vec::new());
        let syntax = LoadError::Syntax {
            line: 2,
            column: 3,
            message: "缺少逗号".into(),
        };
        let every = [
            FetchError::Address("ftp".into()),
            FetchError::Network("连接被重置".into()),
            FetchError::Offline,
            FetchError::Timeout { ms: 15_000 },
            FetchError::Http {
                status: 404,
                status_text: String::new(),
            },
            FetchError::ContentType(String::new()),
            FetchError::Empty,
            FetchError::TooLarge { limit: 1 << 20 },
            FetchError::Load(LoadError::Utf8 { offset: 7 }),
            FetchError::Load(syntax),
            FetchError::Load(LoadError::TooNew { found: 9 }),
            FetchError::NotCarried,
            FetchError::Load(invalid),
        ];
        for e in &every {
            let zh = error_message(e, false);
            assert_eq!(article::full_width_punctuation(&zh), zh, "{e:?}");
            assert!(!zh.contains(['(', ')', ',', ':']), "{zh}");
        }
    }
}
