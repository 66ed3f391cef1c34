//! The fixture pages cut, spliced and corrupted (a fixed pseudo-random sequence, so
//! every run tries the same inputs): the importer never panics, and what it returns
//! validates. `MUTATIONS=N` tries more; the fuzz target (`fuzz/`, `import_html`)
//! goes further.

const PIECES: [&str; 12] = [
    "<",
    ">",
    "</div>",
    "<table><tr><td>",
    "<p>",
    "<br>",
    "\u{0}",
    "&#x0;",
    "<script>",
    "<!--",
    "\"'",
    "\u{feff}",
];

#[test]
fn mutated_pages_never_panic_and_what_comes_out_validates() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/third_party");
    let mut pages: Vec<Vec<u8>> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .map(|p| std::fs::read(p).unwrap())
        .collect();
    pages.sort();
    let n: usize = std::env::var("MUTATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(120);
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move |m: usize| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((seed >> 33) as usize) % m.max(1)
    };
    for k in 0..n {
        let mut page = pages[next(pages.len())].clone();
        // Keep pages small enough that the debug build stays quick.
        let start = next(page.len().saturating_sub(60_000).max(1));
        page = page[start..(start + 60_000).min(page.len())].to_vec();
        for _ in 0..1 + next(8) {
            let at = next(page.len() + 1);
            match next(3) {
                0 => page.truncate(at),
                1 => page
                    .splice(at..at, PIECES[next(PIECES.len())].bytes())
                    .for_each(drop),
                _ => {
                    if at < page.len() {
                        page[at] = next(256) as u8;
                    }
                }
            }
        }
        if let Ok(imported) = article_html::from_html(&page, &article_html::Options::default()) {
            let problems = article::validate(&imported.article);
            assert!(problems.is_empty(), "mutation {k}: {problems:?}");
        }
    }
}
