//! The viewer's routes. Pages have path URLs under the site's base path, where the
//! site build (crates/site) writes them: `a/<id>/` an article (`a/<id>/#sec-3` a
//! section of it), `list/` every column, `list/<column>/` one column. The hash
//! routes of earlier links (`#/a/<id>`, `#/a/<id>/<section>`, `#/list/<column>`) are
//! still read, to send them to their path URL. A plain `#sec-3` is a section anchor,
//! not a route. Pure: the hook that follows the address is `hooks::use_route`.

/// The article index under `base` (the viewer's URL; empty on its own page), where
/// the site build writes it ([`article::INDEX_JSON_PATH`]).
pub fn index_url(base: &str) -> String {
    format!("{base}{}", article::INDEX_JSON_PATH)
}

/// The JSON of article `id` on the viewer's own page, where the site build writes it.
pub fn article_url(id: &str) -> String {
    article::article_json_path(id)
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
        Some(Route::Article { id, .. }) => match section {
            Some(s) => format!("#/a/{id}/{s}"),
            None => format!("#/a/{id}"),
        },
        _ => section.map(|s| format!("#{s}")).unwrap_or_default(),
    }
}

/// `{base}a/<id>/`, or `{base}a/<id>/#<section>`: the article's own page, which the
/// site build writes there (`article::article_path`), so the link works without the
/// app, in a new tab, or copied.
pub fn article_href(base: &str, id: &str, section: Option<&str>) -> String {
    let page = format!("{base}{}", article::article_path(id));
    match section {
        Some(s) => format!("{page}#{s}"),
        None => page,
    }
}

/// `{base}list/<column>/`, or `{base}list/` for every column (`article::list_path`).
pub fn list_href(base: &str, section: Option<&str>) -> String {
    format!("{base}{}", article::list_path(section))
}

/// The route a page path names under `base` (`/` or `/news/`), percent-decoded:
/// `{base}a/<id>/`, `{base}list/`, `{base}list/<column>/` (the trailing slash or an
/// `index.html` optional). `None` for the base itself and anything else.
pub fn parse_path(path: &str, base: &str) -> Option<Route> {
    let rest = path.strip_prefix(base)?;
    let rest = rest.strip_suffix("index.html").unwrap_or(rest);
    let mut parts = rest.split('/').filter(|p| !p.is_empty());
    match (parts.next(), parts.next(), parts.next()) {
        (Some("a"), Some(id), None) if is_id(id) => Some(Route::Article {
            id: id.to_owned(),
            section: None,
        }),
        (Some("list"), section, None) => Some(Route::List {
            section: section.map(str::to_owned),
        }),
        _ => None,
    }
}

/// The route of a whole address: an old hash route (`#/a/<id>/sec-3`) wins, else
/// the path's, with the hash as its section (`/a/<id>/#sec-3`).
pub fn route_at(path: &str, hash: &str, base: &str) -> Option<Route> {
    parse(hash).or_else(|| match parse_path(path, base)? {
        Route::Article { id, .. } => Some(Route::Article {
            id,
            section: section_in_hash(hash),
        }),
        list => Some(list),
    })
}

/// Where an old hash link (`#/a/<id>`, `#/a/<id>/sec-3`, `#/list/…`) lives now: its
/// path URL under `base`. `None` when the hash is not such a route.
pub fn path_for_hash_route(hash: &str, base: &str) -> Option<String> {
    Some(match parse(hash)? {
        Route::Article { id, section } => article_href(base, &id, section.as_deref()),
        Route::List { section } => list_href(base, section.as_deref()),
    })
}

/// Whether an address names another page than the one the site build rendered at its
/// path: a route in the hash (`hash` as [`decode_hash`] gives it), or a non-blank
/// `?src=`. The page rendered at build time then is not the one to take over.
pub fn opens_elsewhere(hash: &str, src: Option<&str>) -> bool {
    parse(hash).is_some() || src.is_some_and(|s| !s.trim().is_empty())
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
    fn hrefs_are_the_pages_paths_and_parse_back() {
        let h = article_href("/news/", "x", Some("sec-2"));
        assert_eq!(h, "/news/a/x/#sec-2");
        let (path, hash) = h.split_once('#').unwrap();
        assert_eq!(
            route_at(path, hash, "/news/"),
            Some(Route::Article {
                id: "x".into(),
                section: Some("sec-2".into())
            })
        );
        assert_eq!(
            list_href("https://v.cn/", Some("工作动态")),
            "https://v.cn/list/工作动态/"
        );
        assert_eq!(list_href("/", None), "/list/");
        assert_eq!(
            parse_path("/list/工作动态/", "/"),
            Some(Route::List {
                section: Some("工作动态".into())
            })
        );
        assert_eq!(
            parse_path("/list/index.html", "/"),
            Some(Route::List { section: None })
        );
        assert_eq!(
            parse_path("/a/x", "/"),
            Some(Route::Article {
                id: "x".into(),
                section: None
            })
        );
        for junk in [
            "/",
            "/index.html",
            "/a/",
            "/a/x/y/",
            "/b/x/",
            "/news/a/x/",
            "/a/../x/",
        ] {
            assert_eq!(parse_path(junk, "/"), None, "{junk}");
        }
        assert_eq!(parse_path("/a/x/", "/news/"), None);
    }

    #[test]
    fn old_hash_routes_go_to_their_path_urls() {
        assert_eq!(
            path_for_hash_route("/a/x/sec-3", "/news/").as_deref(),
            Some("/news/a/x/#sec-3")
        );
        assert_eq!(path_for_hash_route("/a/x", "/").as_deref(), Some("/a/x/"));
        assert_eq!(
            path_for_hash_route("/list/理论研究", "/").as_deref(),
            Some("/list/理论研究/")
        );
        assert_eq!(path_for_hash_route("/list", "/").as_deref(), Some("/list/"));
        assert_eq!(path_for_hash_route("sec-3", "/"), None);
        // The hash route wins over the page it was opened on.
        assert_eq!(
            route_at("/a/y/", "/a/x", "/"),
            Some(Route::Article {
                id: "x".into(),
                section: None
            })
        );
        assert_eq!(route_at("/", "sec-3", "/"), None);
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
