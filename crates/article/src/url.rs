//! The URL allowlist: http, https, mailto and relative references, nothing else.
//!
//! Browsers strip leading control characters and spaces and drop tabs and newlines
//! anywhere in a URL before reading its scheme, so `" java\tscript:"` is `javascript:`.
//! We do the same, and also look through HTML entities and percent-encoding, so a
//! disguised scheme is refused rather than guessed harmless.

use std::fmt;

/// A URL that passed the allowlist, with the characters browsers ignore removed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SafeUrl(String);

impl SafeUrl {
    /// The cleaned URL.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Why a URL was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UrlError {
    /// Nothing left after trimming.
    Empty,
    /// A scheme outside the allowlist (lower-cased).
    Scheme(String),
}

impl fmt::Display for UrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UrlError::Empty => f.write_str("URL is empty"),
            UrlError::Scheme(s) => write!(f, "scheme \"{s}\" is not allowed"),
        }
    }
}

impl std::error::Error for UrlError {}

const ALLOWED: [&str; 3] = ["http", "https", "mailto"];

/// Checks `raw` against the scheme allowlist and returns it cleaned.
pub fn safe_url(raw: &str) -> Result<SafeUrl, UrlError> {
    let cleaned = strip_ignored(raw);
    if cleaned.is_empty() {
        return Err(UrlError::Empty);
    }
    check_scheme(&cleaned)?;
    // Look through encodings: whatever they spell must pass too.
    let mut decoded = cleaned.clone();
    for _ in 0..4 {
        let next = strip_ignored(&percent_decode(&decode_entities(&decoded)));
        if next == decoded {
            break;
        }
        check_scheme(&next)?;
        decoded = next;
    }
    Ok(SafeUrl(cleaned))
}

/// Removes what the URL parser ignores: leading/trailing C0 controls and spaces,
/// and ASCII tab, LF and CR anywhere. Other invisible characters are removed too,
/// since no legitimate URL needs them before its scheme.
fn strip_ignored(s: &str) -> String {
    let trimmed = s.trim_matches(|c: char| c <= ' ' || is_invisible(c));
    trimmed
        .chars()
        .filter(|&c| !matches!(c, '\t' | '\n' | '\r') && !is_invisible(c))
        .collect()
}

fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00ad}'
            | '\u{034f}'
            | '\u{061c}'
            | '\u{180e}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2069}'
            | '\u{feff}'
    ) || (c as u32) < 0x20
        || c == '\u{7f}'
}

fn check_scheme(url: &str) -> Result<(), UrlError> {
    match scheme_of(url) {
        None => Ok(()),
        Some(s) if ALLOWED.contains(&s.as_str()) => Ok(()),
        Some(s) => Err(UrlError::Scheme(s)),
    }
}

/// The scheme, ASCII letters lower-cased, if the URL has one (a run of scheme
/// characters followed by `:` before any `/`, `?` or `#`). Only ASCII letters are
/// folded, as browsers do for schemes: a non-ASCII character never becomes an
/// allowed one (and the viewer is spared the Unicode case tables).
fn scheme_of(url: &str) -> Option<String> {
    let colon = url.find(':')?;
    let head = &url[..colon];
    if head.contains(['/', '?', '#']) {
        return None;
    }
    if !head.chars().next()?.is_ascii_alphabetic() {
        // `1:2`, or a non-ASCII start: a browser reads it as a path, but
        // refuse anything that tries to look like a scheme with junk in it.
        return if head.chars().all(|c| c.is_ascii_alphanumeric()) {
            None
        } else {
            Some(head.to_ascii_lowercase())
        };
    }
    Some(head.to_ascii_lowercase())
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push(h * 16 + l);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// Decodes numeric character references (`&#58;`, `&#x3A;`, with or without `;`)
/// and the few named ones that matter for schemes.
fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        if let Some((ch, used)) = entity(after) {
            out.push(ch);
            rest = &after[used..];
        } else {
            out.push('&');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

fn entity(s: &str) -> Option<(char, usize)> {
    const NAMED: [(&str, char); 6] = [
        ("colon;", ':'),
        ("tab;", '\t'),
        ("newline;", '\n'),
        ("sol;", '/'),
        ("lpar;", '('),
        ("amp;", '&'),
    ];
    for (name, ch) in NAMED {
        // `get`, not indexing: the bytes after `&` need not end on a char boundary.
        if s.get(..name.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(name))
        {
            return Some((ch, name.len()));
        }
    }
    let num = s.strip_prefix('#')?;
    let (radix, digits, prefix) = match num.strip_prefix(['x', 'X']) {
        Some(h) => (16, h, 2),
        None => (10, num, 1),
    };
    let len = digits
        .bytes()
        .take_while(|b| (*b as char).is_digit(radix))
        .count();
    if len == 0 {
        return None;
    }
    // Fold with saturation: `&#0000000000106;` (any number of leading zeros) is `j`.
    let value = digits[..len].chars().fold(0u32, |v, d| {
        v.saturating_mul(radix)
            .saturating_add(d.to_digit(radix).unwrap_or(0))
    });
    let ch = char::from_u32(value).unwrap_or('\u{fffd}');
    let semi = usize::from(digits[len..].starts_with(';'));
    Some((ch, prefix + len + semi))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(u: &str) -> bool {
        safe_url(u).is_err()
    }

    #[test]
    fn allows_http_https_mailto_and_relative() {
        for u in [
            "http://www.gsrdw.gov.cn/html/2023/lnyj_1114/22901.html",
            "HTTPS://example.cn/a?b=c#d",
            "mailto:editor@example.cn",
            "/articles/a.json",
            "a.json",
            "../x/y.json",
            "//cdn.example.cn/x.png",
            "?src=x.json",
            "#sec-1",
            "path/with:colon",
        ] {
            assert!(safe_url(u).is_ok(), "{u}");
        }
    }

    #[test]
    fn refuses_script_schemes_and_disguises() {
        for u in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " \u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "java\u{200b}script:alert(1)",
            "javascript&#58;alert(1)",
            "javascript&#x3A;alert(1)",
            "javascript&colon;alert(1)",
            "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)",
            "javascript%3Aalert(1)",
            "%6A%61%76%61%73%63%72%69%70%74:alert(1)",
            "data:text/html;base64,PHNjcmlwdD4=",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
            "\u{2066}javascript:alert(1)",
            "java\u{2069}script:alert(1)",
            "\u{202e}javascript:alert(1)",
            "\u{feff}javascript:alert(1)",
            "&#0000000000106;avascript:alert(1)",
            "&#X6A;avascript:alert(1)",
            "javascript&Tab;:alert(1)",
            "jav&#x09;ascript:alert(1)",
            "java&NewLine;script:alert(1)",
            "%2561%256A:x",
            "%256Aavascript:alert(1)",
            "DATA:text/html,<script>alert(1)</script>",
            "  VBScript:msgbox(1)",
            "\u{0}javascript:alert(1)",
            "\u{1f}\u{7f}javascript:alert(1)",
            "\u{ff4a}avascript:alert(1)",
            "blob:https://a.cn/uuid",
            "filesystem:https://a.cn/x",
        ] {
            assert!(refused(u), "{u:?} should be refused");
        }
        assert_eq!(
            safe_url("javascript:x").unwrap_err().to_string(),
            "scheme \"javascript\" is not allowed"
        );
        assert_eq!(safe_url("  \n ").unwrap_err(), UrlError::Empty);
    }

    #[test]
    fn entities_next_to_multibyte_text_do_not_panic() {
        // Found by the property tests: `&` followed by text whose sixth byte falls
        // inside a character.
        for u in [
            "& \u{1ee42}",
            "&ab\u{4e2d}\u{6587}",
            "https://a.cn/?q=&\u{4e2d}\u{6587}\u{6587}",
        ] {
            assert!(safe_url(u).is_ok(), "{u:?}");
        }
    }

    #[test]
    fn cleans_ignored_characters() {
        assert_eq!(
            safe_url("  https://a.cn/\tx \n").unwrap().as_str(),
            "https://a.cn/x"
        );
    }
}
