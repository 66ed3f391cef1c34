//! In-app routes in the URL hash, so the viewer needs no server fallback:
//! `#/a/<id>` an article, `#/a/<id>/<section>` a section of it, `#/list` every
//! column and `#/list/<column>` one column. A plain `#sec-3` is a section anchor,
//! not a route, so links written for a page without routes keep working. Pure: the
//! hook that follows the page's hash is `hooks::use_route`.

/// Where the viewer's own page finds the index and the articles, relative to its base.
pub const ARTICLES_DIR: &str = "articles/";

/// The article index under `base` (the viewer's URL; empty on its own page).
pub fn index_url(base: &str) -> String {
    format!("{base}{ARTICLES_DIR}index.json")
}

/// The JSON of article `id` on the viewer's own page.
pub fn article_url(id: &str) -> String {
    format!("{ARTICLES_DIR}{id}.json")
}

/// A parsed route.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// One article, optionally scrolled to a section.
    Article {
        /// The article id (`articles/<id>.json`).
        id: String,
        /// A section anchor id.
        section: Option<String>,
    },
    /// A list page: one column, or every column for `None`.
    List {
        /// The column name, e.g. 理论研究.
        section: Option<String>,
    },
}

/// Parses a decoded hash (with or without the leading `#`). `None` for anything
/// that is not a route, including section anchors like `sec-3`.
pub fn parse(hash: &str) -> Option<Route> {
    let path = hash.strip_prefix('#').unwrap_or(hash).strip_prefix('/')?;
    let mut parts = path.split('/').filter(|p| !p.is_empty());
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some("a"), Some(id), section, None) if is_id(id) => Some(Route::Article {
            id: id.to_owned(),
            section: section.filter(|s| is_id(s)).map(str::to_owned),
        }),
        (Some("list"), section, None, None) => Some(Route::List {
            section: section.map(str::to_owned),
        }),
        _ => None,
    }
}

fn is_id(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_alphabetic())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// `{base}#/a/<id>`, or with `/<section>`.
pub fn article_href(base: &str, id: &str, section: Option<&str>) -> String {
    match section {
        Some(s) => format!("{base}#/a/{id}/{s}"),
        None => format!("{base}#/a/{id}"),
    }
}

/// The section a hash names: `#sec-3` or `#/a/<id>/sec-3` give `sec-3`.
pub fn section_in_hash(hash: &str) -> Option<String> {
    match parse(hash) {
        Some(Route::Article { section, .. }) => section,
        Some(Route::List { .. }) => None,
        None => {
            let id = hash.strip_prefix('#').unwrap_or(hash);
            (!id.is_empty()).then(|| id.to_owned())
        }
    }
}

/// The hash that names `section` while keeping the article route the page is on:
/// under `#/a/<id>…` it is `#/a/<id>/<section>` (or `#/a/<id>` for none), else
/// `#<section>` (or empty).
pub fn hash_for_section(current_hash: &str, section: Option<&str>) -> String {
    match parse(current_hash) {
        Some(Route::Article { id, .. }) => article_href("", &id, section),
        _ => section.map(|s| format!("#{s}")).unwrap_or_default(),
    }
}

/// `{base}#/list/<column>`, or `{base}#/list` for every column.
pub fn list_href(base: &str, section: Option<&str>) -> String {
    match section {
        Some(s) => format!("{base}#/list/{s}"),
        None => format!("{base}#/list"),
    }
}

/// A raw `location.hash` as [`parse`] reads it: without `#`, percent-decoded as
/// `decodeURIComponent` does; kept undecoded when a `%` escape is broken or the
/// bytes are not UTF-8 (so `#%23` is `#`, and `#%zz` stays `%zz`).
pub fn decode_hash(raw: &str) -> String {
    let hash = raw.trim_start_matches('#');
    percent_decode(hash).unwrap_or_else(|| hash.to_owned())
}

fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_parse() {
        assert_eq!(
            parse("#/a/lifa-1"),
            Some(Route::Article {
                id: "lifa-1".into(),
                section: None
            })
        );
        assert_eq!(
            parse("/a/x/sec-3"),
            Some(Route::Article {
                id: "x".into(),
                section: Some("sec-3".into())
            })
        );
        assert_eq!(parse("#/list"), Some(Route::List { section: None }));
        assert_eq!(
            parse("#/list/理论研究"),
            Some(Route::List {
                section: Some("理论研究".into())
            })
        );
    }

    #[test]
    fn anchors_and_junk_are_not_routes() {
        for h in [
            "#sec-3",
            "",
            "#",
            "#/",
            "#/a/",
            "#/a/../x",
            "#/a/x/y/z",
            "#/b/x",
        ] {
            assert_eq!(parse(h), None, "{h}");
        }
    }

    #[test]
    fn hashes_decode_as_decode_uri_component() {
        assert_eq!(decode_hash("#/list/%E7%90%86"), "/list/理");
        assert_eq!(decode_hash("##"), "");
        assert_eq!(decode_hash("#%23"), "#");
        assert_eq!(decode_hash("#%2"), "%2");
        assert_eq!(decode_hash("#%zz"), "%zz");
        assert_eq!(decode_hash("#%FF"), "%FF");
        assert_eq!(decode_hash(""), "");
        assert_eq!(article_url("x"), "articles/x.json");
        assert_eq!(
            index_url("https://v.cn/"),
            "https://v.cn/articles/index.json"
        );
    }

    #[test]
    fn hrefs_round_trip() {
        let h = article_href("", "x", Some("sec-2"));
        assert_eq!(h, "#/a/x/sec-2");
        assert!(matches!(parse(&h), Some(Route::Article { .. })));
        assert_eq!(
            list_href("https://v.cn/", Some("工作动态")),
            "https://v.cn/#/list/工作动态"
        );
    }

    #[test]
    fn section_hashes_keep_the_route() {
        assert_eq!(section_in_hash("#sec-3").as_deref(), Some("sec-3"));
        assert_eq!(section_in_hash("#/a/x/sec-3").as_deref(), Some("sec-3"));
        assert_eq!(section_in_hash("#/a/x"), None);
        assert_eq!(section_in_hash("#/list"), None);
        assert_eq!(section_in_hash(""), None);
        assert_eq!(
            hash_for_section("#/a/x/sec-1", Some("sec-4")),
            "#/a/x/sec-4"
        );
        assert_eq!(hash_for_section("#/a/x/sec-1", None), "#/a/x");
        assert_eq!(hash_for_section("#sec-1", Some("sec-2")), "#sec-2");
        assert_eq!(hash_for_section("", None), "");
    }
}
