//! The importer never panics, and what it returns passes validation and loads back.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(a) = article::from_plain_text(text) {
            assert!(
                article::validate(&a).is_empty(),
                "{:?}",
                article::validate(&a)
            );
            let json = serde_json::to_vec(&a).unwrap();
            assert_eq!(article::parse_article(&json).unwrap(), a);
        }
    }
});
