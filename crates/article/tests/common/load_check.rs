//! The loader's contract on any input, shared by the property tests and the fuzz
//! target: what loads is written back by serde and loads to the same article; every
//! problem it reports has a path, except "the document is not an object" (the only
//! problem at the root).

pub(crate) fn check_load(bytes: &[u8]) {
    match article::parse_article(bytes) {
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
}
