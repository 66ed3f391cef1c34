//! The error state: what failed, where, and a retry button.

use article::LoadError;
use yew::prelude::*;

use crate::api::FetchError;

/// Properties of [`ErrorView`].
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

/// `role="alert"` message with every problem listed, and a retry button.
#[component]
pub fn ErrorView(props: &ErrorViewProps) -> Html {
    let onclick = props.on_retry.reform(|_: MouseEvent| ());
    let issues = match &props.error {
        FetchError::Load(LoadError::Invalid(issues)) => issues.clone(),
        _ => Vec::new(),
    };
    let en = props.english;
    let (title, address, retry) = if en {
        ("The article cannot be shown", "Address: ", "Retry")
    } else {
        ("文章无法显示", "地址:", "重试")
    };
    html! {
        <main id="av-content" class="error-view" lang={if en { "en" } else { "zh-CN" }}>
            <div role="alert">
                <h1 class="error-title">{ title }</h1>
                <p class="error-message">{ props.error.message(en) }</p>
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
