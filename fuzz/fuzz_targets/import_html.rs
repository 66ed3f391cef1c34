//! The HTML importer never panics on any bytes, and what it returns validates and
//! holds no URL with a script scheme.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(imported) = article_html::from_html(data, &article_html::Options::default()) {
        let a = imported.article;
        assert!(article::validate(&a).is_empty(), "{:?}", article::validate(&a));
        let json = serde_json::to_string(&a).unwrap();
        let lower = json.to_ascii_lowercase();
        assert!(!lower.contains("javascript:") && !lower.contains("vbscript:"), "{json}");
        assert_eq!(article::parse_article(json.as_bytes()).ok().as_ref(), Some(&a));
    }
});
