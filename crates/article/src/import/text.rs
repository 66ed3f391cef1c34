//! Text helpers every zone uses: trimming, `key:value` labels, the dash, the language.

pub(super) const COLONS: [char; 2] = [':', '\u{ff1a}'];
pub(super) const DASH: char = '\u{2014}';

/// White space as both importers trim it: Unicode's (the ideographic and no-break
/// spaces portals indent with among it), and the BOM and zero-width space that pages
/// carry into their text.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}')
}

/// `s` without the [`is_space`] white space around it.
pub fn trim(s: &str) -> &str {
    s.trim_matches(is_space)
}

/// Mostly Latin letters and few CJK characters: an English page.
pub(super) fn is_english(text: &str) -> bool {
    let (mut latin, mut cjk) = (0usize, 0usize);
    for c in text.chars().take(20_000) {
        if c.is_ascii_alphabetic() {
            latin += 1;
        } else if is_cjk(c) {
            cjk += 1;
        }
    }
    latin > 0 && cjk * 20 < latin
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// Splits `key:value` at the first ASCII or full-width colon.
pub(super) fn split_label(s: &str) -> Option<(&str, &str)> {
    let idx = s.find(COLONS)?;
    let colon_len = s[idx..].chars().next().map_or(1, char::len_utf8);
    Some((trim(&s[..idx]), trim(&s[idx + colon_len..])))
}

/// Ends with sentence punctuation (。！？ and the like), closing quotes looked through.
pub(super) fn ends_sentence(s: &str) -> bool {
    s.trim_end_matches(['\u{201d}', '\u{2019}', '"', ')', '\u{ff09}', '\u{300b}'])
        .ends_with(['\u{3002}', '\u{ff01}', '\u{ff1f}', '!', '?', '.'])
}
