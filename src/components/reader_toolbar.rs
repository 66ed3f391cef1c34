//! The reader toolbar (阅读工具): 目录, 阅读设置, 朗读, then 长辈模式, 分享, 打印,
//! 快捷键, the panels they open and the reading-progress bar. Sticky at the top. On
//! phones the second group sits behind 更多 (CSS shows it inline on wider screens),
//! so the bar is one row.

use yew::prelude::*;

use super::{
    help_panel, reading_progress, settings_panel, share_panel, HelpPanelProps, SettingsPanelProps,
    SharePanelProps,
};
use crate::state::{Panel, Prefs, PrefsAction, Ui, UiAction};

/// What [`reader_toolbar`] shows.
pub struct ReaderToolbarProps {
    /// Current preferences.
    pub prefs: Prefs,
    /// Open panel and drawer.
    pub ui: Ui,
    /// Whether the article has a TOC (else no 目录 button).
    pub has_toc: bool,
    /// The page URL for sharing.
    pub share_url: AttrValue,
    /// The read-aloud control (absent without `speechSynthesis`).
    pub read_aloud: Html,
    /// Preference changes.
    pub on_prefs: Callback<PrefsAction>,
    /// Panel and drawer changes.
    pub on_ui: Callback<UiAction>,
    /// 打印.
    pub on_print: Callback<()>,
    /// 复制文章链接.
    pub on_copy_page: Callback<()>,
    /// Whether this browser can speak (指读 needs it).
    pub can_speak: bool,
    /// The reading-progress bar's ref (`hooks::use_reading_progress`).
    pub progress: NodeRef,
}

fn disclosure(
    id: &'static str,
    controls: &'static str,
    label: &'static str,
    p: Panel,
    props: &ReaderToolbarProps,
) -> Html {
    let open = props.ui.panel == Some(p);
    let onclick = props
        .on_ui
        .reform(move |_: MouseEvent| UiAction::TogglePanel(p));
    html! {
        <button type="button" {id} aria-controls={controls} aria-expanded={open.to_string()} {onclick}>
            { label }
        </button>
    }
}

/// The sticky bar with every reading control.
pub fn reader_toolbar(props: &ReaderToolbarProps) -> Html {
    let ui = props.ui;
    let toggle_toc = props.on_ui.reform(|_: MouseEvent| UiAction::ToggleToc);
    let elder = props
        .on_prefs
        .reform(|_: MouseEvent| PrefsAction::ToggleElder);
    let print = props.on_print.reform(|_: MouseEvent| ());
    let toggle_more = props.on_ui.reform(|_: MouseEvent| UiAction::ToggleMore);
    html! {
        <div class="reader-bar">
            <div class="reader-toolbar" role="group" aria-label="阅读工具">
                if props.has_toc {
                    <button type="button" id="av-btn-toc" class="toc-toggle" aria-controls="av-toc"
                        aria-expanded={ui.toc_open.to_string()} onclick={toggle_toc}>{ "目录" }</button>
                }
                // Each panel follows its button, so Tab goes from the button into it;
                // CSS shows the panels below the row of buttons.
                { disclosure("av-btn-settings", "av-panel-settings", "阅读设置", Panel::Settings, props) }
                { settings_panel(&SettingsPanelProps { prefs: props.prefs,
                    open: ui.panel == Some(Panel::Settings), on_change: props.on_prefs.clone(),
                    can_speak: props.can_speak }) }
                { props.read_aloud.clone() }
                <button type="button" id="av-btn-more" class="more-toggle" aria-controls="av-more"
                    aria-expanded={ui.more_open.to_string()} onclick={toggle_more}>{ "更多" }</button>
                <div id="av-more" class={classes!("more-menu", ui.more_open.then_some("is-open"))}>
                    <button type="button" class="elder-toggle" aria-pressed={props.prefs.elder.to_string()}
                        onclick={elder}>{ "长辈模式" }</button>
                    { disclosure("av-btn-share", "av-panel-share", "分享", Panel::Share, props) }
                    { share_panel(&SharePanelProps { url: props.share_url.clone(),
                        open: ui.panel == Some(Panel::Share), on_copy: props.on_copy_page.clone() }) }
                    <button type="button" onclick={print}>{ "打印" }</button>
                    { disclosure("av-btn-help", "av-panel-help", "快捷键", Panel::Help, props) }
                    { help_panel(&HelpPanelProps { open: ui.panel == Some(Panel::Help) }) }
                </div>
            </div>
            { reading_progress(props.progress.clone()) }
        </div>
    }
}
