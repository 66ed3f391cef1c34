//! Small text helpers: whitespace, dates, file types.

// White space, how running text ends and what a date looks like are the text
// importer's, so that both importers read a line alike.
pub(crate) use article::{date_at, ends_running_text, find_date, is_space, trim};

/// Runs of whitespace as one space, ends trimmed.
pub(crate) fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if is_space(c) {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

pub(crate) fn char_count(s: &str) -> usize {
    s.chars().count()
}

/// Chinese and Latin sentence punctuation: the mark of running text, not chrome.
pub(crate) fn punctuation(s: &str) -> usize {
    s.chars()
        .filter(|c| {
            matches!(
                c,
                '\u{ff0c}'
                    | '\u{3002}'
                    | '\u{3001}'
                    | '\u{ff1b}'
                    | '\u{ff1a}'
                    | '\u{ff01}'
                    | '\u{ff1f}'
                    | '\u{201c}'
                    | '\u{201d}'
                    | ','
                    | '.'
                    | ';'
            )
        })
        .count()
}

/// The attachment file types: a link to one of these is a file, not a page.
pub(crate) const FILE_TYPES: [&str; 15] = [
    "pdf", "doc", "docx", "xls", "xlsx", "wps", "et", "ofd", "zip", "rar", "7z", "ppt", "pptx",
    "txt", "csv",
];

/// The file type of a URL path (`…/a.PDF?x=1` → `pdf`) when it is an attachment type.
pub(crate) fn file_type(url: &str) -> Option<&'static str> {
    let path = url.split(['?', '#']).next()?;
    let last = path.rsplit('/').next()?;
    let (_, ext) = last.rsplit_once('.')?;
    let ext = ext.to_ascii_lowercase();
    FILE_TYPES.iter().copied().find(|t| *t == ext)
}

/// The size units, largest first: the factor, the spellings the text after the
/// number may start with, and the bare letters that count only when nothing follows.
const UNITS: [(u64, &[&str], &[&str]); 4] = [
    (1 << 30, &["GB", "G)", "G\u{ff09}"], &[]),
    (1 << 20, &["MB", "M)", "M\u{ff09}", "M "], &["M"]),
    (1 << 10, &["KB", "K)", "K\u{ff09}", "K "], &["K"]),
    (1, &["BYTES", "B)", "B "], &["B"]),
];

/// `1.2MB`, `356 KB`, `(12.5M)` → bytes.
pub(crate) fn find_size(s: &str) -> Option<u64> {
    let b = s.as_bytes();
    for i in 0..b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && (b[i - 1].is_ascii_digit() || b[i - 1] == b'.')) {
            continue;
        }
        let num_len = s[i..]
            .bytes()
            .take_while(|c| c.is_ascii_digit() || *c == b'.')
            .count();
        let num: f64 = s[i..i + num_len].parse().ok()?;
        let unit = s[i + num_len..].trim_start().to_ascii_uppercase();
        let Some((mult, ..)) = UNITS.iter().find(|(_, starts, whole)| {
            starts.iter().any(|p| unit.starts_with(p)) || whole.contains(&unit.as_str())
        }) else {
            continue;
        };
        return Some((num * *mult as f64).round() as u64);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files() {
        assert_eq!(file_type("/a/b/附件1.PDF?x=1"), Some("pdf"));
        assert_eq!(file_type("/a/b.html"), None);
        assert_eq!(find_size("附件 (1.5MB)"), Some(1_572_864));
        assert_eq!(find_size("356 KB"), Some(364_544));
        assert_eq!(find_size("第3号"), None);
    }
}
