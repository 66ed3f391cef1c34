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

/// English by its letters: more than `min_latin` Latin letters among `chars`, and
/// fewer than one CJK ideograph to twenty of them. Each importer says how much text
/// it reads and how many letters make a page.
pub fn is_english_text(chars: impl IntoIterator<Item = char>, min_latin: usize) -> bool {
    let (mut latin, mut cjk) = (0usize, 0usize);
    for c in chars {
        if c.is_ascii_alphabetic() {
            latin += 1;
        } else if is_cjk(c) {
            cjk += 1;
        }
    }
    latin > min_latin && cjk * 20 < latin
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

/// Closing quotes and brackets, looked through when checking how a line ends:
/// `…说:“…。”` ends a sentence.
const CLOSERS: [char; 9] = [
    '\u{201d}', '\u{2019}', '"', '\'', ')', '\u{ff09}', '\u{300b}', '\u{300d}', '\u{300f}',
];
/// The marks that end a sentence.
const FULL_STOPS: [char; 7] = [
    '\u{3002}', '\u{ff01}', '\u{ff1f}', '!', '?', '.', '\u{2026}',
];
/// The marks that end a clause, the sentence running on.
const CLAUSE_ENDS: [char; 7] = [
    ';', ':', ',', '\u{ff1b}', '\u{ff1a}', '\u{ff0c}', '\u{3001}',
];

/// Ends with a full stop (。！？ and the like), closing quotes looked through.
pub(super) fn ends_sentence(s: &str) -> bool {
    s.trim_end_matches(CLOSERS).ends_with(FULL_STOPS)
}

/// Ends with a full stop or a clause's mark (，：、 and the like), closing quotes
/// looked through: a line ending so is running text, not a heading or a label line.
pub fn ends_running_text(s: &str) -> bool {
    let end = s.trim_end_matches(CLOSERS);
    end.ends_with(FULL_STOPS) || end.ends_with(CLAUSE_ENDS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_and_running_text() {
        for (line, sentence, running) in [
            (
                "\u{4ed6}\u{8bf4}\u{ff1a}\u{201c}\u{597d}\u{3002}\u{201d}",
                true,
                true,
            ),
            ("\u{300c}\u{5b8c}\u{2026}\u{2026}\u{300d}", true, true),
            (
                "\u{4e00}\u{3001}\u{603b}\u{4f53}\u{8981}\u{6c42}\u{ff1a}",
                false,
                true,
            ),
            (
                "\u{4e00}\u{3001}\u{603b}\u{4f53}\u{8981}\u{6c42}",
                false,
                false,
            ),
            ("Rural schools get new teachers", false, false),
        ] {
            assert_eq!(ends_sentence(line), sentence, "{line}");
            assert_eq!(ends_running_text(line), running, "{line}");
        }
    }
}
