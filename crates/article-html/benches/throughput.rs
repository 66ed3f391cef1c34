//! Throughput of the HTML importer: `cargo bench -p article-html --bench throughput`.
//!
//! Two measures, in MB/s (1 MB = 10^6 bytes), the median of several runs (the
//! machine is shared): `fixtures` imports every page of `tests/third_party/` in turn
//! (real portal pages as served, 20 KB to 800 KB each); `1mb-gov` one government
//! page whose body is the fixture's body repeated to about 1 MB; `parse-only` is
//! html5ever building the fixtures' trees and nothing more, the floor. Not a test.

#[path = "../../article/benches/timing/mod.rs"]
mod timing;

use std::hint::black_box;

fn measure(what: &str, bytes: usize, runs: usize, f: impl FnMut()) {
    let m = timing::median_time(runs, f);
    let mbs = bytes as f64 / 1e6 / m.as_secs_f64();
    println!("{what:>10}: {:>8.1} MB/s ({bytes} bytes in {m:?})", mbs);
}

fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/third_party");
    let mut pages: Vec<Vec<u8>> = std::fs::read_dir(dir)
        .expect("fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .map(|p| std::fs::read(p).expect("fixture"))
        .collect();
    pages.sort();
    let total: usize = pages.iter().map(Vec::len).sum();
    let options = article_html::Options::default();
    measure("fixtures", total, 7, || {
        for p in &pages {
            let _ = black_box(article_html::from_html(black_box(p), &options));
        }
    });

    // The floor: html5ever building the tree, nothing read from it.
    let texts: Vec<String> = pages
        .iter()
        .map(|p| String::from_utf8_lossy(p).into_owned())
        .collect();
    measure("parse-only", total, 7, || {
        for t in &texts {
            black_box(scraper::Html::parse_document(black_box(t)));
        }
    });

    let gov = std::fs::read_to_string(format!("{dir}/gov-mee-weekly.html")).expect("gov page");
    let (start, end) = (
        gov.find("<div class=TRS_Editor>").expect("body start"),
        gov.find("<!--信息挖掘 start-->").expect("body end"),
    );
    let body = &gov[start..end];
    let mut big = String::from(&gov[..start]);
    while big.len() < 1_000_000 {
        big.push_str(body);
    }
    big.push_str(&gov[end..]);
    measure("1mb-gov", big.len(), 7, || {
        let _ = black_box(article_html::from_html(black_box(big.as_bytes()), &options));
    });
}
