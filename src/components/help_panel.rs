//! 快捷键: the keyboard shortcuts, opened with `?`.

use yew::prelude::*;

/// Properties of [`HelpPanel`].
#[derive(PartialEq)]
pub struct HelpPanelProps {
    /// Shown or hidden.
    pub open: bool,
}

const KEYS: [(&str, &str); 5] = [
    ("?", "显示或关闭本帮助"),
    ("t", "打开或关闭目录"),
    ("+", "增大字号"),
    ("-", "减小字号"),
    ("Esc", "关闭目录和面板"),
];

/// A list of keys and what they do.
pub fn help_panel(props: &HelpPanelProps) -> Html {
    html! {
        <section id="av-panel-help" class="reader-panel help-panel" aria-label="快捷键"
            hidden={!props.open}>
            <dl class="shortcut-list">
                for (k, what) in KEYS {
                    <div key={k}><dt><kbd>{ k }</kbd></dt><dd>{ what }</dd></div>
                }
            </dl>
            <p class="help-note">{ "输入文字或按住 Ctrl\u{3001}Alt\u{3001}Cmd 时快捷键不起作用\u{3002}" }</p>
        </section>
    }
}
