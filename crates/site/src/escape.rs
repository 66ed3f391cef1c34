//! Escaping for what the site build writes: HTML text and attributes, XML text and
//! attributes, JSON inside a `<script>` data block. One character walk, three tables.

/// `s` with every character that `table` names replaced; `Some("")` drops it.
fn replace(s: &str, table: impl Fn(char) -> Option<&'static str>) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match table(c) {
            Some(r) => out.push_str(r),
            None => out.push(c),
        }
    }
    out
}

/// The entities both markups need in content and double-quoted attributes.
fn markup(c: char) -> Option<&'static str> {
    Some(match c {
        '&' => "&amp;",
        '<' => "&lt;",
        '>' => "&gt;",
        '"' => "&quot;",
        _ => return None,
    })
}

/// Text for HTML, in element content and attributes in either quotes.
pub fn esc(s: &str) -> String {
    replace(s, |c| if c == '\'' { Some("&#39;") } else { markup(c) })
}

/// Text for XML content and double-quoted attributes; characters XML 1.0 cannot hold
/// (controls other than tab and newlines, U+FFFE, U+FFFF) are dropped.
pub(crate) fn xml(s: &str) -> String {
    replace(s, |c| match c {
        '\t' | '\n' | '\r' => None,
        c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => Some(""),
        c => markup(c),
    })
}

/// JSON text that cannot end its `<script>` element or open a comment: `<`, `>` and
/// `&` occur in JSON only inside strings, where `\u003c` means the same; U+2028 and
/// U+2029 likewise, for old parsers.
pub(crate) fn script_safe(json: &str) -> String {
    replace(json, |c| {
        Some(match c {
            '<' => "\\u003c",
            '>' => "\\u003e",
            '&' => "\\u0026",
            '\u{2028}' => "\\u2028",
            '\u{2029}' => "\\u2029",
            _ => return None,
        })
    })
}
