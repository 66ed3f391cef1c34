//! The viewer's side of `tests/startup_rules.json`, the table of rules that
//! `assets/theme-init.js` and `assets/loader.js` apply before the wasm runs:
//! every stored preference string gives the classes `Prefs::decode` / `classes`
//! give, every URL the route `route::parse` reads, whether the page opens on
//! another article than the default one, and which article it fetches.
//! `e2e/tests/startup-rules.spec.ts` holds the JavaScript (and the running
//! viewer) to the same table.

use std::collections::BTreeSet;

use article_viewer::check_address;
use article_viewer::route::{decode_hash, opens_elsewhere, parse, Route};
use article_viewer::state::Prefs;
use serde_json::Value;

fn table() -> Value {
    let text = include_str!("startup_rules.json");
    serde_json::from_str(text).expect("tests/startup_rules.json is JSON")
}

fn cases<'a>(table: &'a Value, name: &str) -> &'a [Value] {
    let cases = table[name]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default();
    assert!(
        cases.len() > 10,
        "tests/startup_rules.json: too few \"{name}\" cases"
    );
    cases
}

fn string(v: &Value) -> Option<&str> {
    v.as_str()
}

#[test]
fn stored_prefs_give_the_table_classes() {
    let table = table();
    for case in cases(&table, "prefs") {
        let stored = string(&case["stored"]);
        let prefs = stored.map(Prefs::decode).unwrap_or_default();
        let got: BTreeSet<String> = prefs.classes().into_iter().collect();
        let want: BTreeSet<String> = case["classes"]
            .as_array()
            .expect("classes is a list")
            .iter()
            .map(|c| c.as_str().expect("a class is a string").to_owned())
            .collect();
        assert_eq!(got, want, "stored {stored:?} ({})", case["why"]);
    }
}

/// The route the table names: `{"article": id, "section": s}`, `{"list": column}`
/// or `null`.
fn table_route(v: &Value) -> Option<Route> {
    if v.is_null() {
        return None;
    }
    if let Some(id) = string(&v["article"]) {
        return Some(Route::Article {
            id: id.to_owned(),
            section: string(&v["section"]).map(str::to_owned),
        });
    }
    assert!(v.get("list").is_some(), "unknown route {v}");
    Some(Route::List {
        section: string(&v["list"]).map(str::to_owned),
    })
}

/// The article the viewer fetches first: the route's (`/articles/<id>.json`, under the
/// base path `/` of these pages), else a non-blank `?src=` (as `App` reads it) that
/// the transport's `check_address` lets through.
fn first_fetch(route: Option<&Route>, src: Option<&str>) -> Option<String> {
    match route {
        Some(Route::Article { id, .. }) => {
            Some(format!("/{}", article_viewer::route::article_url(id)))
        }
        Some(Route::List { .. }) => None,
        None => src
            .filter(|s| !s.trim().is_empty())
            .filter(|s| check_address(s).is_ok())
            .map(str::to_owned),
    }
}

#[test]
fn urls_give_the_table_route_and_fetch() {
    let table = table();
    for case in cases(&table, "urls") {
        let url = case["url"].as_str().expect("url is a string");
        let hash = case["hash"].as_str().expect("hash is a string");
        // The hash as `location.hash` gives it, read by the viewer's own decoding.
        let raw = url.find('#').map_or("", |at| &url[at..]);
        assert_eq!(decode_hash(raw), hash, "{url}: hash ({})", case["why"]);
        let src = string(&case["src"]);
        let route = parse(hash);
        assert_eq!(
            route,
            table_route(&case["route"]),
            "{url}: route ({})",
            case["why"]
        );
        let routed = opens_elsewhere(hash, src);
        assert_eq!(
            Some(routed),
            case["routed"].as_bool(),
            "{url}: routed ({})",
            case["why"]
        );
        let fetch = first_fetch(route.as_ref(), src);
        assert_eq!(
            fetch.as_deref(),
            string(&case["fetch"]),
            "{url}: fetch ({})",
            case["why"]
        );
        // The early fetch is the viewer's own request or none (then the viewer
        // fetches by itself): never another address.
        let early = string(&case["early"]);
        assert!(
            early.is_none() || early == fetch.as_deref(),
            "{url}: early fetch {early:?}"
        );
    }
}
