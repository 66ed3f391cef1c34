//! 阅读设置: text size, theme, content width, as native radio groups; the
//! accessibility switches (大鼠标, 阅读辅助线, 指读, 大字幕) and 重置.

use yew::prelude::*;

use crate::state::{Aid, Prefs, PrefsAction, Theme, Width, TEXT_SIZES};

/// Properties of [`SettingsPanel`].
#[derive(PartialEq)]
pub struct SettingsPanelProps {
    /// Current preferences.
    pub prefs: Prefs,
    /// Shown or hidden.
    pub open: bool,
    /// Called with each change.
    pub on_change: Callback<PrefsAction>,
    /// Whether this browser can speak (else no 指读).
    pub can_speak: bool,
}

fn radio(
    name: &'static str,
    label: &'static str,
    checked: bool,
    cb: Callback<PrefsAction>,
    a: PrefsAction,
) -> Html {
    let onchange = Callback::from(move |_: Event| cb.emit(a));
    html! {
        <label class="seg">
            <input type="radio" {name} {checked} {onchange} />
            <span>{ label }</span>
        </label>
    }
}

/// Three fieldsets of radio buttons; the `+` / `-` keys change the size too.
pub fn settings_panel(props: &SettingsPanelProps) -> Html {
    let p = props.prefs;
    let cb = &props.on_change;
    html! {
        <section id="av-panel-settings" class="reader-panel settings-panel"
            aria-label="阅读设置" hidden={!props.open}>
            <fieldset>
                <legend>{ "字号" }</legend>
                for (i, (label, _)) in TEXT_SIZES.iter().enumerate() {
                    { radio("av-size", label, usize::from(p.size) == i, cb.clone(), PrefsAction::Size(i as u8)) }
                }
            </fieldset>
            <fieldset>
                <legend>{ "主题" }</legend>
                for t in Theme::ALL {
                    { radio("av-theme", t.label(), p.theme == t, cb.clone(), PrefsAction::Theme(t)) }
                }
            </fieldset>
            <fieldset>
                <legend>{ "版心宽度" }</legend>
                for w in Width::ALL {
                    { radio("av-width", w.label(), p.width == w, cb.clone(), PrefsAction::Width(w)) }
                }
            </fieldset>
            <fieldset>
                <legend>{ "辅助工具" }</legend>
                for a in Aid::ALL.into_iter().filter(|a| props.can_speak || *a != Aid::Point) {
                    <button type="button" role="switch" class="aid-switch" aria-checked={p.aids.get(a).to_string()}
                        onclick={cb.reform(move |_: MouseEvent| PrefsAction::ToggleAid(a))}>{ a.label() }</button>
                }
                <button type="button" class="reset" onclick={cb.reform(|_: MouseEvent| PrefsAction::Reset)}>
                    { "重置" }</button>
            </fieldset>
        </section>
    }
}
