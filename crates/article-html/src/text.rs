//! Small text helpers: whitespace, dates, file types.

// White space and how running text ends are the text importer's, so that both
// importers read a line alike.
pub(crate) use article::{ends_running_text, is_space, trim};

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

/// The first date (and time) in `s` as ISO 8601: `2024-05-19`, `2024/5/19 16:37`,
/// `2024年5月19日 16:37`, `2024-05-19T16:37:00+08:00`, `2024.05.19`. A time without
/// an offset is Beijing time.
pub(crate) fn find_date(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut i = 0;
    while i + 8 <= b.len() {
        let starts =
            b[i..i + 4].iter().all(u8::is_ascii_digit) && (i == 0 || !b[i - 1].is_ascii_digit());
        if starts {
            if let Some(d) = date_at(&s[i..]) {
                return Some(d);
            }
        }
        i += 1;
    }
    None
}

/// A date at the very start of `s`.
pub(crate) fn date_at(s: &str) -> Option<String> {
    let mut nums: Vec<u32> = Vec::with_capacity(6);
    let mut seps: Vec<&str> = Vec::new();
    let mut rest = s;
    let mut offset: Option<String> = None;
    loop {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 4 || (nums.is_empty() && digits != 4) {
            break;
        }
        nums.push(rest[..digits].parse().ok()?);
        rest = &rest[digits..];
        if nums.len() == 6 {
            break;
        }
        let sep_len = match nums.len() {
            // Year, month: one separator of a kind.
            1 | 2 => {
                let c = rest.chars().next()?;
                if matches!(c, '-' | '/' | '.' | '\u{5e74}' | '\u{6708}') {
                    c.len_utf8()
                } else {
                    break;
                }
            }
            // Day: then perhaps 日, then T or spaces, then the hour.
            3 => {
                let after_day = rest.strip_prefix('\u{65e5}').unwrap_or(rest);
                let skip = rest.len() - after_day.len();
                let t = after_day.strip_prefix('T').unwrap_or(after_day);
                let t2 = t.trim_start_matches([' ', '\u{a0}', '\u{3000}']);
                if t2.len() == after_day.len() && !after_day.starts_with('T') {
                    rest = after_day;
                    break;
                }
                if !t2.bytes().next().is_some_and(|c| c.is_ascii_digit()) {
                    rest = after_day;
                    break;
                }
                skip + (after_day.len() - t2.len())
            }
            _ => {
                let c = rest.chars().next();
                match c {
                    Some(':' | '\u{ff1a}') => c.map_or(1, char::len_utf8),
                    _ => break,
                }
            }
        };
        seps.push(&rest[..sep_len]);
        rest = &rest[sep_len..];
    }
    if nums.len() < 3 {
        return None;
    }
    if nums.len() >= 5 {
        let after = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
        if after.starts_with('Z') {
            offset = Some("Z".to_owned());
        } else if let Some(sign) = after.chars().next().filter(|c| matches!(c, '+' | '-')) {
            let tz: String = after[1..].chars().take(5).collect();
            let (h, m) = match tz.split_once(':') {
                Some((h, m)) => (h.to_owned(), m.to_owned()),
                None if tz.len() >= 4 => (tz[..2].to_owned(), tz[2..4].to_owned()),
                None => (String::new(), String::new()),
            };
            if h.len() == 2
                && m.len() == 2
                && h.bytes().chain(m.bytes()).all(|c| c.is_ascii_digit())
            {
                offset = Some(format!("{sign}{h}:{m}"));
            }
        }
    }
    let (y, m, d) = (nums[0], nums[1], nums[2]);
    if !(1990..=2100).contains(&y)
        || !(1..=12).contains(&m)
        || d == 0
        || d > article::days_in_month(y, m)
    {
        return None;
    }
    let date = format!("{y:04}-{m:02}-{d:02}");
    if nums.len() >= 5 && nums[3] < 24 && nums[4] < 60 {
        let sec = nums.get(5).copied().filter(|s| *s < 60).unwrap_or(0);
        let tz = offset.unwrap_or_else(|| "+08:00".to_owned());
        Some(format!("{date}T{:02}:{:02}:{sec:02}{tz}", nums[3], nums[4]))
    } else {
        Some(date)
    }
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
    fn dates() {
        for (text, want) in [
            (
                "发布时间：2021-09-24 16:37",
                Some("2021-09-24T16:37:00+08:00"),
            ),
            (
                "2019年03月23日 13:55 来源",
                Some("2019-03-23T13:55:00+08:00"),
            ),
            ("2019年3月2日", Some("2019-03-02")),
            (
                "Updated: 2011-04-27 07:56",
                Some("2011-04-27T07:56:00+08:00"),
            ),
            ("2020-03-05T10:00:00Z", Some("2020-03-05T10:00:00Z")),
            (
                "2020-03-05T10:00:00+0800",
                Some("2020-03-05T10:00:00+08:00"),
            ),
            ("2020/3/5", Some("2020-03-05")),
            ("编号 123456789 2020-02-30", None),
            ("电话 12345678", None),
        ] {
            assert_eq!(find_date(text).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn files() {
        assert_eq!(file_type("/a/b/附件1.PDF?x=1"), Some("pdf"));
        assert_eq!(file_type("/a/b.html"), None);
        assert_eq!(find_size("附件 (1.5MB)"), Some(1_572_864));
        assert_eq!(find_size("356 KB"), Some(364_544));
        assert_eq!(find_size("第3号"), None);
    }
}
