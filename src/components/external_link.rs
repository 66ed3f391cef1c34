//! A link out of the viewer, to an address taken from the article.

use article::safe_url;
use yew::prelude::*;

/// `<a rel="noopener noreferrer">` to `url` around `content` (the address itself when
/// `None`), if `url` passes [`safe_url`]; `None` otherwise, and the caller shows its
/// text unlinked. The opened page gets neither this window nor the referrer.
pub(crate) fn external_link(url: Option<&str>, content: Option<Html>) -> Option<Html> {
    let href = AttrValue::from(safe_url(url?).ok()?.as_str().to_owned());
    let content = content.unwrap_or_else(|| html! { { href.clone() } });
    Some(html! { <a {href} rel="noopener noreferrer">{ content }</a> })
}
