//! The loader never panics; every problem it reports has a path, except "the
//! document is not an object" (the only problem at the root).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match article::parse_article(data) {
        Ok(a) => assert!(article::validate(&a).is_empty()),
        Err(article::LoadError::Invalid(issues)) => {
            assert!(!issues.is_empty());
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
