//! Reader state as pure reducers: the persisted preferences ([`Prefs`]) and the
//! transient UI ([`Ui`]: which panel is open, whether the TOC drawer is open).
//! No web-sys here, so everything is unit-tested natively.

use std::rc::Rc;

use yew::Reducible;

/// The `localStorage` key the preferences live under. `assets/theme-init.js`
/// reads the same key before the wasm loads.
pub const PREFS_KEY: &str = "av:prefs";

/// Text size steps: label as readers know them, and the body size in px.
/// 100 % is 16px; the steps reach 200 %.
pub const TEXT_SIZES: [(&str, u8); 5] = [
    ("\u{5c0f}", 16),         // 小
    ("\u{4e2d}", 18),         // 中
    ("\u{5927}", 22),         // 大
    ("\u{7279}\u{5927}", 26), // 特大
    ("\u{8d85}\u{5927}", 32), // 超大
];

/// The default text size step (中, 18px).
pub const DEFAULT_SIZE: u8 = 1;

/// Colour theme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follows `prefers-color-scheme`.
    #[default]
    Auto,
    /// Light.
    Light,
    /// Warm paper colours.
    Sepia,
    /// Dark.
    Dark,
    /// Black and yellow, at least 7:1.
    Contrast,
}

impl Theme {
    /// Every theme, in menu order.
    pub const ALL: [Theme; 5] = [
        Theme::Auto,
        Theme::Light,
        Theme::Sepia,
        Theme::Dark,
        Theme::Contrast,
    ];

    /// Stable key, used in storage and in the `theme-…` class.
    pub fn key(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Sepia => "sepia",
            Theme::Dark => "dark",
            Theme::Contrast => "contrast",
        }
    }

    /// Chinese label.
    pub fn label(self) -> &'static str {
        match self {
            Theme::Auto => "\u{8ddf}\u{968f}\u{7cfb}\u{7edf}", // 跟随系统
            Theme::Light => "\u{6d45}\u{8272}",                // 浅色
            Theme::Sepia => "\u{62a4}\u{773c}",                // 护眼
            Theme::Dark => "\u{6df1}\u{8272}",                 // 深色
            Theme::Contrast => "\u{9ad8}\u{5bf9}\u{6bd4}",     // 高对比
        }
    }

    fn from_key(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.key() == s)
    }
}

/// Content width (the measure).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Width {
    /// About 32 characters.
    Narrow,
    /// About 40 characters.
    #[default]
    Normal,
    /// About 52 characters.
    Wide,
}

impl Width {
    /// Every width, in menu order.
    pub const ALL: [Width; 3] = [Width::Narrow, Width::Normal, Width::Wide];

    /// Stable key, used in storage and in the `width-…` class.
    pub fn key(self) -> &'static str {
        match self {
            Width::Narrow => "narrow",
            Width::Normal => "normal",
            Width::Wide => "wide",
        }
    }

    /// Chinese label.
    pub fn label(self) -> &'static str {
        match self {
            Width::Narrow => "\u{7a84}",         // 窄
            Width::Normal => "\u{6807}\u{51c6}", // 标准
            Width::Wide => "\u{5bbd}",           // 宽
        }
    }

    fn from_key(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|w| w.key() == s)
    }
}

/// The reader's persisted preferences.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Prefs {
    /// Index into [`TEXT_SIZES`].
    pub size: u8,
    /// Content width.
    pub width: Width,
    /// Colour theme.
    pub theme: Theme,
    /// 长辈模式: large text, high contrast, 60px targets, quieter chrome (all in CSS).
    pub elder: bool,
    /// The accessibility switches (大鼠标, 阅读辅助线, 指读, 大字幕).
    pub aids: Aids,
}

/// The accessibility switches of government portals' 无障碍 toolbars.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Aids {
    /// 大鼠标: a large high-contrast cursor (CSS, class `big-cursor`).
    pub cursor: bool,
    /// 阅读辅助线: a band following the pointer or the focus.
    pub guide: bool,
    /// 指读: speak what the pointer rests on or the focus is on.
    pub point: bool,
    /// 大字幕: a caption bar with the sentence being read or pointed at.
    pub caption: bool,
}

/// One accessibility switch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Aid {
    /// 大鼠标.
    Cursor,
    /// 阅读辅助线.
    Guide,
    /// 指读.
    Point,
    /// 大字幕.
    Caption,
}

impl Aid {
    /// Every switch, in menu order.
    pub const ALL: [Aid; 4] = [Aid::Cursor, Aid::Guide, Aid::Point, Aid::Caption];

    /// Storage key.
    pub fn key(self) -> &'static str {
        match self {
            Aid::Cursor => "cursor",
            Aid::Guide => "guide",
            Aid::Point => "point",
            Aid::Caption => "caption",
        }
    }

    /// Chinese label.
    pub fn label(self) -> &'static str {
        match self {
            Aid::Cursor => "\u{5927}\u{9f20}\u{6807}", // 大鼠标
            Aid::Guide => "\u{9605}\u{8bfb}\u{8f85}\u{52a9}\u{7ebf}", // 阅读辅助线
            Aid::Point => "\u{6307}\u{8bfb}",          // 指读
            Aid::Caption => "\u{5927}\u{5b57}\u{5e55}", // 大字幕
        }
    }

    fn from_key(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.key() == s)
    }
}

impl Aids {
    /// Whether switch `a` is on.
    pub fn get(self, a: Aid) -> bool {
        match a {
            Aid::Cursor => self.cursor,
            Aid::Guide => self.guide,
            Aid::Point => self.point,
            Aid::Caption => self.caption,
        }
    }

    fn set(&mut self, a: Aid, on: bool) {
        match a {
            Aid::Cursor => self.cursor = on,
            Aid::Guide => self.guide = on,
            Aid::Point => self.point = on,
            Aid::Caption => self.caption = on,
        }
    }
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            size: DEFAULT_SIZE,
            width: Width::default(),
            theme: Theme::default(),
            elder: false,
            aids: Aids::default(),
        }
    }
}

/// A change to [`Prefs`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrefsAction {
    /// One text size step up (stops at the largest).
    Bigger,
    /// One text size step down (stops at the smallest).
    Smaller,
    /// A given text size step (clamped).
    Size(u8),
    /// A content width.
    Width(Width),
    /// A theme.
    Theme(Theme),
    /// Switch elder mode on or off.
    ToggleElder,
    /// Switch an accessibility aid on or off.
    ToggleAid(Aid),
    /// 重置: every reading setting back to its default.
    Reset,
}

impl Prefs {
    /// Applies one action.
    pub fn apply(self, action: PrefsAction) -> Prefs {
        let max = TEXT_SIZES.len() as u8 - 1;
        let mut p = self;
        match action {
            PrefsAction::Bigger => p.size = (p.size + 1).min(max),
            PrefsAction::Smaller => p.size = p.size.saturating_sub(1),
            PrefsAction::Size(s) => p.size = s.min(max),
            PrefsAction::Width(w) => p.width = w,
            PrefsAction::Theme(t) => p.theme = t,
            PrefsAction::ToggleElder => p.elder = !p.elder,
            PrefsAction::ToggleAid(a) => p.aids.set(a, !p.aids.get(a)),
            PrefsAction::Reset => p = Prefs::default(),
        }
        p
    }

    /// The label of the current size step (小 … 超大).
    pub fn size_label(self) -> &'static str {
        TEXT_SIZES[usize::from(self.size)].0
    }

    /// Storage form: `size=1;width=normal;theme=auto;elder=0`, then each switch
    /// that is on (`;cursor=1`).
    pub fn encode(self) -> String {
        let mut s = format!(
            "size={};width={};theme={};elder={}",
            self.size,
            self.width.key(),
            self.theme.key(),
            u8::from(self.elder)
        );
        for a in Aid::ALL.into_iter().filter(|a| self.aids.get(*a)) {
            s.push_str(&format!(";{}=1", a.key()));
        }
        s
    }

    /// Reads the storage form; unknown or broken fields keep their defaults, so an
    /// old or hand-edited value never stops the page.
    pub fn decode(s: &str) -> Prefs {
        let mut p = Prefs::default();
        for pair in s.split(';') {
            let Some((k, v)) = pair.split_once('=') else {
                continue;
            };
            match k.trim() {
                "size" => {
                    if let Ok(n) = v.trim().parse::<u8>() {
                        p = p.apply(PrefsAction::Size(n));
                    }
                }
                "width" => p.width = Width::from_key(v.trim()).unwrap_or(p.width),
                "theme" => p.theme = Theme::from_key(v.trim()).unwrap_or(p.theme),
                "elder" => p.elder = v.trim() == "1",
                k => {
                    if let Some(a) = Aid::from_key(k) {
                        p.aids.set(a, v.trim() == "1");
                    }
                }
            }
        }
        p
    }

    /// The classes that carry these prefs, on `<html>` and on the viewer root.
    /// `assets/theme-init.js` builds the same list.
    pub fn classes(self) -> Vec<String> {
        let mut c = vec![
            format!("theme-{}", self.theme.key()),
            format!("text-{}", self.size),
            format!("width-{}", self.width.key()),
        ];
        if self.elder {
            c.push("elder".to_owned());
        }
        // The only switch that changes pixels before anything is pointed at.
        if self.aids.cursor {
            c.push("big-cursor".to_owned());
        }
        c
    }
}

/// `Reducible` through the type's pure `apply`, keeping the same `Rc` when nothing
/// changed, so `use_reducer_eq` skips the re-render.
macro_rules! reducible_by_apply {
    ($state:ty, $action:ty) => {
        impl Reducible for $state {
            type Action = $action;

            fn reduce(self: Rc<Self>, action: $action) -> Rc<Self> {
                let next = self.apply(action);
                if next == *self {
                    self
                } else {
                    Rc::new(next)
                }
            }
        }
    };
}

reducible_by_apply!(Prefs, PrefsAction);

/// A panel of the reader toolbar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    /// 阅读设置: size, theme, width.
    Settings,
    /// 分享: copy link, QR code.
    Share,
    /// 快捷键 help.
    Help,
}

/// Transient reader UI.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Ui {
    /// The open panel, at most one.
    pub panel: Option<Panel>,
    /// Whether the TOC drawer is open (narrow screens).
    pub toc_open: bool,
    /// Whether the 更多 menu is open (phones: the less used tools).
    pub more_open: bool,
}

/// A change to [`Ui`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UiAction {
    /// Open the panel, or close it if it is open; closes the drawer.
    TogglePanel(Panel),
    /// Open or close the TOC drawer; closes any panel.
    ToggleToc,
    /// Close the TOC drawer (after a jump).
    CloseToc,
    /// Open or close the 更多 menu; closes the drawer.
    ToggleMore,
    /// Esc: close whatever is open.
    CloseAll,
}

impl Ui {
    /// Applies one action.
    pub fn apply(self, action: UiAction) -> Ui {
        match action {
            // A panel opened from the 更多 menu shows inside it: the menu stays.
            UiAction::TogglePanel(p) => Ui {
                panel: (self.panel != Some(p)).then_some(p),
                toc_open: false,
                ..self
            },
            UiAction::ToggleToc => Ui {
                toc_open: !self.toc_open,
                ..Ui::default()
            },
            UiAction::ToggleMore => Ui {
                more_open: !self.more_open,
                panel: self.panel.filter(|_| !self.more_open),
                toc_open: false,
            },
            UiAction::CloseToc => Ui {
                toc_open: false,
                ..self
            },
            UiAction::CloseAll => Ui::default(),
        }
    }

    /// True when Esc has something to close.
    pub fn anything_open(self) -> bool {
        self.panel.is_some() || self.toc_open || self.more_open
    }
}

reducible_by_apply!(Ui, UiAction);

/// What a key press asks for, given the key and whether a modifier is held or the
/// focus is in a text field. `None` leaves the key to the browser.
pub fn shortcut(key: &str, modifier: bool, typing: bool) -> Option<Shortcut> {
    if modifier || typing {
        return None;
    }
    Some(match key {
        "?" => Shortcut::Help,
        "t" | "T" => Shortcut::Toc,
        "+" | "=" => Shortcut::Bigger,
        "-" | "_" => Shortcut::Smaller,
        "Escape" => Shortcut::Close,
        _ => return None,
    })
}

/// A keyboard shortcut.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shortcut {
    /// `?`: show the shortcut help.
    Help,
    /// `t`: open or close the table of contents.
    Toc,
    /// `+`: larger text.
    Bigger,
    /// `-`: smaller text.
    Smaller,
    /// Esc: close what is open.
    Close,
}

/// The sentence of `text` around the UTF-16 offset `at` (what the DOM and the
/// speech engine count in), trimmed; sentences end after 。！？；!?; or a line break.
pub fn sentence_at(text: &str, at: usize) -> &str {
    let mut units = 0;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        units += c.len_utf16();
        if matches!(
            c,
            '\u{3002}' | '\u{ff01}' | '\u{ff1f}' | '\u{ff1b}' | '!' | '?' | ';' | '\n'
        ) {
            if units > at {
                return text[start..end].trim();
            }
            start = end;
        }
    }
    text[start..].trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_at_counts_utf16_and_keeps_the_stop() {
        let t = "第一句。第二句很长！Third? 末尾";
        assert_eq!(sentence_at(t, 0), "第一句。");
        assert_eq!(sentence_at(t, 3), "第一句。");
        assert_eq!(sentence_at(t, 4), "第二句很长！");
        assert_eq!(sentence_at(t, 12), "Third?");
        assert_eq!(sentence_at(t, 99), "末尾");
        // A character outside the BMP counts two units.
        assert_eq!(sentence_at("\u{20000}。乙。", 2), "\u{20000}。");
        assert_eq!(sentence_at("\u{20000}。乙。", 3), "乙。");
        assert_eq!(sentence_at("", 5), "");
    }

    #[test]
    fn sizes_span_100_to_200_percent_with_a_large_step() {
        assert!(TEXT_SIZES.len() >= 5);
        assert_eq!(TEXT_SIZES[0].1, 16);
        assert_eq!(TEXT_SIZES[TEXT_SIZES.len() - 1].1, 32);
        assert!(TEXT_SIZES.iter().any(|s| s.1 >= 18));
        assert!(TEXT_SIZES.windows(2).all(|w| w[0].1 < w[1].1));
        let labels: Vec<_> = TEXT_SIZES.iter().map(|s| s.0).collect();
        assert_eq!(labels, ["小", "中", "大", "特大", "超大"]);
    }

    #[test]
    fn size_steps_clamp_at_both_ends() {
        let mut p = Prefs::default();
        for _ in 0..10 {
            p = p.apply(PrefsAction::Bigger);
        }
        assert_eq!((p.size, p.size_label()), (4, "超大"));
        for _ in 0..10 {
            p = p.apply(PrefsAction::Smaller);
        }
        assert_eq!((p.size, p.size_label()), (0, "小"));
        assert_eq!(p.apply(PrefsAction::Size(200)).size, 4);
    }

    #[test]
    fn encode_decode_round_trip() {
        let p = Prefs {
            size: 3,
            width: Width::Wide,
            theme: Theme::Sepia,
            elder: true,
            aids: Aids {
                cursor: true,
                caption: true,
                ..Aids::default()
            },
        };
        assert_eq!(
            p.encode(),
            "size=3;width=wide;theme=sepia;elder=1;cursor=1;caption=1"
        );
        assert_eq!(Prefs::decode(&p.encode()), p);
        assert_eq!(
            Prefs::default().encode(),
            "size=1;width=normal;theme=auto;elder=0"
        );
    }

    #[test]
    fn every_aid_toggles_and_reset_restores_every_default() {
        let mut p = Prefs::default()
            .apply(PrefsAction::Size(4))
            .apply(PrefsAction::Theme(Theme::Dark))
            .apply(PrefsAction::Width(Width::Wide))
            .apply(PrefsAction::ToggleElder);
        for a in Aid::ALL {
            p = p.apply(PrefsAction::ToggleAid(a));
            assert!(p.aids.get(a), "{a:?}");
        }
        assert_eq!(Prefs::decode(&p.encode()), p);
        assert!(p.classes().contains(&"big-cursor".to_owned()));
        assert_eq!(p.apply(PrefsAction::Reset), Prefs::default());
        let off = p.apply(PrefsAction::ToggleAid(Aid::Guide));
        assert!(!off.aids.guide && off.aids.point);
    }

    #[test]
    fn decode_keeps_defaults_for_broken_fields() {
        let p = Prefs::decode("size=x;theme=neon;width=;junk;elder=1;size=9");
        assert_eq!(
            p,
            Prefs {
                size: 4,
                elder: true,
                ..Prefs::default()
            }
        );
        assert_eq!(Prefs::decode(""), Prefs::default());
    }

    #[test]
    fn classes_name_every_pref() {
        let p = Prefs::default()
            .apply(PrefsAction::Theme(Theme::Dark))
            .apply(PrefsAction::ToggleElder);
        assert_eq!(
            p.classes(),
            ["theme-dark", "text-1", "width-normal", "elder"]
        );
    }

    #[test]
    fn reduce_returns_same_rc_when_nothing_changes() {
        let p = Rc::new(Prefs::default().apply(PrefsAction::Size(0)));
        let same = p.clone().reduce(PrefsAction::Smaller);
        assert!(Rc::ptr_eq(&p, &same));
    }

    #[test]
    fn panels_are_exclusive_and_esc_closes_everything() {
        let ui = Ui::default().apply(UiAction::TogglePanel(Panel::Settings));
        assert_eq!(ui.panel, Some(Panel::Settings));
        let ui = ui.apply(UiAction::TogglePanel(Panel::Share));
        assert_eq!(ui.panel, Some(Panel::Share));
        let ui = ui.apply(UiAction::TogglePanel(Panel::Share));
        assert_eq!(ui.panel, None);
        let ui = ui.apply(UiAction::ToggleToc);
        assert!(ui.toc_open && ui.anything_open());
        let ui = ui.apply(UiAction::TogglePanel(Panel::Help));
        assert!(!ui.toc_open);
        assert_eq!(ui.apply(UiAction::CloseAll), Ui::default());
    }

    #[test]
    fn the_more_menu_keeps_its_panel_and_closes_with_esc() {
        let ui = Ui::default().apply(UiAction::ToggleMore);
        assert!(ui.more_open && ui.anything_open());
        let ui = ui.apply(UiAction::TogglePanel(Panel::Share));
        assert!(ui.more_open && ui.panel == Some(Panel::Share));
        // Closing the menu closes what was opened from it.
        assert_eq!(ui.apply(UiAction::ToggleMore), Ui::default());
        assert_eq!(ui.apply(UiAction::CloseAll), Ui::default());
        assert!(!ui.apply(UiAction::ToggleToc).more_open);
    }

    #[test]
    fn shortcuts_are_ignored_while_typing_or_with_a_modifier() {
        assert_eq!(shortcut("?", false, false), Some(Shortcut::Help));
        assert_eq!(shortcut("t", false, false), Some(Shortcut::Toc));
        assert_eq!(shortcut("+", false, false), Some(Shortcut::Bigger));
        assert_eq!(shortcut("-", false, false), Some(Shortcut::Smaller));
        assert_eq!(shortcut("Escape", false, false), Some(Shortcut::Close));
        assert_eq!(shortcut("t", true, false), None);
        assert_eq!(shortcut("+", false, true), None);
        assert_eq!(shortcut("x", false, false), None);
    }
}
