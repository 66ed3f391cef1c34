//! Where the static site puts each page, relative to the site's base path: the app
//! links to these paths and the site build writes its files at them, so one function
//! decides both.
//!
//! - `articles/<id>.json` and `articles/index.json` the data the app fetches,
//! - `a/<id>/` an article (`a/<id>/#sec-3` a section of it),
//! - `list/` every column, `list/<column>/` one column.
//!
//! Article ids are ASCII letters, digits, `-` and `_` (validated); a column name is
//! free text, so [`column_segment`] makes it one safe path segment.

/// Where the index is: `articles/index.json`.
pub const INDEX_JSON_PATH: &str = "articles/index.json";

/// Where article `id`'s JSON is: `articles/<id>.json`.
pub fn article_json_path(id: &str) -> String {
    format!("articles/{id}.json")
}

/// The path of an article's page: `a/<id>/`.
pub fn article_path(id: &str) -> String {
    format!("a/{id}/")
}

/// The path of a list page: `list/<column>/`, or `list/` for every column.
pub fn list_path(column: Option<&str>) -> String {
    match column {
        Some(c) => format!("list/{}/", column_segment(c)),
        None => "list/".to_owned(),
    }
}

/// A column name as one path segment, the same in a link and on disk: characters
/// that would end, escape or split the segment (`/`, `\`, `?`, `#`, `%`, controls,
/// and a name that is only dots) become `-`. Chinese text stays as it is (browsers
/// percent-encode it, servers decode it back to the file name).
pub fn column_segment(name: &str) -> String {
    let s: String = name
        .trim()
        .chars()
        .map(|c| match c {
            '/' | '\\' | '?' | '#' | '%' => '-',
            c if c.is_control() => '-',
            c => c,
        })
        .collect();
    if s.is_empty() || s.chars().all(|c| c == '.') {
        "-".to_owned()
    } else {
        s
    }
}

/// `s` percent-encoded for a URL path (RFC 3986 unreserved characters and `/` kept):
/// what sitemaps and feeds need for a column name.
pub fn encode_path(s: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xf)]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_live_at_clean_paths() {
        assert_eq!(article_path("lifa-gaozhiliang"), "a/lifa-gaozhiliang/");
        assert_eq!(list_path(None), "list/");
        assert_eq!(list_path(Some("理论研究")), "list/理论研究/");
    }

    #[test]
    fn a_column_name_never_leaves_its_segment() {
        for (name, seg) in [
            ("a/b", "a-b"),
            ("..", "-"),
            (".", "-"),
            ("", "-"),
            ("x\\..\\y", "x-..-y"),
            ("50%?#", "50---"),
            ("a\nb", "a-b"),
            (" 工作动态 ", "工作动态"),
        ] {
            assert_eq!(column_segment(name), seg, "{name:?}");
        }
    }

    #[test]
    fn paths_are_percent_encoded_for_absolute_urls() {
        assert_eq!(encode_path("list/工作/"), "list/%E5%B7%A5%E4%BD%9C/");
        assert_eq!(encode_path("a b&c"), "a%20b%26c");
    }
}
