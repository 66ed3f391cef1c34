//! Dates as portal pages print them, read into ISO 8601. Both importers read dates
//! so: the text importer in its meta lines, the HTML importer in meta tags, scripts
//! and the visible page.

use crate::validate::{check_datetime, days_in_month};

/// The years a page's date is in: the web's. A number outside them that reads like a
/// year is an amount, a code or a date in the page's history, not the page's own.
const YEARS: std::ops::RangeInclusive<u32> = 1990..=2100;

/// The first date (and time) in `s` as ISO 8601: `2024-05-19`, `2024/5/19 16:37`,
/// `2024年5月19日 16:37`, `2024-05-19T16:37:00+08:00`, `2024.05.19`. A time without
/// an offset is Beijing time.
pub fn find_date(s: &str) -> Option<String> {
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

/// A value the page labels as a date (after `发布时间：`, at the start of a meta line),
/// read leniently: any separators (`2024 年 5 月 19 日`, `2024－05－19`, `16时37分`) and
/// any year from 1900, since the label already says it is a date. [`find_date`] and
/// [`date_at`] look for a date in text that may hold other numbers, so they ask for
/// its shape and the web's years.
pub(crate) fn labelled_date(s: &str) -> Option<String> {
    let mut nums = [0u32; 6];
    let mut n = 0;
    for part in s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
    {
        if n == 6 {
            break;
        }
        nums[n] = if part.len() <= 4 {
            part.parse().ok()?
        } else {
            return None;
        };
        n += 1;
    }
    if n < 3 {
        return None;
    }
    let [y, m, d, h, mi, sec] = nums;
    if !(1900..=2999).contains(&y) {
        return None;
    }
    let date = format!("{y:04}-{m:02}-{d:02}");
    let iso = if n >= 5 && h < 24 && mi < 60 {
        let sec = if n == 6 && sec < 60 { sec } else { 0 };
        format!("{date}T{h:02}:{mi:02}:{sec:02}+08:00")
    } else {
        date
    };
    check_datetime(&iso).ok().map(|()| iso)
}

/// A date at the very start of `s`.
pub fn date_at(s: &str) -> Option<String> {
    let mut nums: Vec<u32> = Vec::with_capacity(6);
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
    if !YEARS.contains(&y) || !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
        return None;
    }
    let date = format!("{y:04}-{m:02}-{d:02}");
    let iso = if nums.len() >= 5 && nums[3] < 24 && nums[4] < 60 {
        let sec = nums.get(5).copied().filter(|s| *s < 60).unwrap_or(0);
        let tz = offset.unwrap_or_else(|| "+08:00".to_owned());
        format!("{date}T{:02}:{:02}:{sec:02}{tz}", nums[3], nums[4])
    } else {
        date
    };
    // An offset the article format refuses (`+99:99`) makes no date.
    check_datetime(&iso).ok().map(|()| iso)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_labelled_date_is_read_leniently() {
        for (text, want) in [
            ("2023/2/3", Some("2023-02-03")),
            ("2023.2.3", Some("2023-02-03")),
            ("2023年02月03日", Some("2023-02-03")),
            ("2024 年 5 月 19 日", Some("2024-05-19")),
            ("2024－05－19", Some("2024-05-19")),
            ("1989-12-26", Some("1989-12-26")),
            ("2024-05-19 16:37", Some("2024-05-19T16:37:00+08:00")),
            ("2024年5月19日16时37分", Some("2024-05-19T16:37:00+08:00")),
            ("2023-02-30", None),
            ("99999999999-1-1", None),
        ] {
            assert_eq!(labelled_date(text).as_deref(), want, "{text}");
        }
        // Free text asks for the shape and the web's years.
        assert_eq!(find_date("1989-12-26"), None);
    }

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
            ("2023.2.3", Some("2023-02-03")),
            ("2023年02月03日", Some("2023-02-03")),
            ("2023-02-30", None),
            ("99999999999-1-1", None),
            ("2020-03-05T10:00:00+99:99", None),
            ("编号 123456789 2020-02-30", None),
            ("电话 12345678", None),
        ] {
            assert_eq!(find_date(text).as_deref(), want, "{text}");
        }
    }
}
