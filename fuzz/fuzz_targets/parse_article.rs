//! The loader never panics; what it loads is written back by serde and loads to the
//! same article; every problem it reports has a path, except "the document is not
//! an object" (the only problem at the root).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match article::parse_article(data) {
        Ok(a) => {
            let json = serde_json::to_vec(&a).unwrap();
            assert_eq!(article::parse_article(&json).unwrap(), a);
        }
        Err(article::LoadError::Invalid(issues)) => {
            for i in &issues {
                assert!(
                    !i.path.is_empty() || i.message.starts_with("expected an object"),
                    "{i}"
                );
            }
        }
        Err(_) => {}
    }
});
