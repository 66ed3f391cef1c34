//! 分享: copy the article link, and a QR code to continue on a phone.

use yew::prelude::*;

use super::qr_code;

/// Properties of [`SharePanel`].
#[derive(PartialEq)]
pub struct SharePanelProps {
    /// The page URL to share.
    pub url: AttrValue,
    /// Shown or hidden; the QR code is only computed when shown.
    pub open: bool,
    /// Copies the link.
    pub on_copy: Callback<()>,
}

/// A copy-link button and the QR code of the page URL.
pub fn share_panel(props: &SharePanelProps) -> Html {
    let onclick = props.on_copy.reform(|_: MouseEvent| ());
    html! {
        <section id="av-panel-share" class="reader-panel share-panel" aria-label="分享"
            hidden={!props.open}>
            <button type="button" {onclick}>{ "复制文章链接" }</button>
            if props.open {
                <figure class="qr">
                    { qr_code(&props.url, "本页网址的二维码") }
                    <figcaption>{ "扫一扫在手机上阅读" }</figcaption>
                </figure>
            }
        </section>
    }
}
