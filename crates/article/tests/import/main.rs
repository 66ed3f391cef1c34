//! Importer fixtures: each `fixtures/<name>.txt` must import to the article JSON it
//! is paired with, and that JSON must load with no validation problems.

use article::{from_plain_text, parse_article, validate, Article};

mod seed {
    use super::*;

    /// The seed page (a copy of the reference portal page) imports to exactly the
    /// article the viewer ships as its embedded default.
    #[test]
    fn seed_imports_to_the_committed_default_article() {
        let text = include_str!("fixtures/000_69da94d2f4a4bc00.txt");
        let mut imported = from_plain_text(text).expect("seed imports");
        imported.id = "a-000_69da94d2f4a4bc00".into();
        let committed: Article = parse_article(include_bytes!(
            "../../../../articles/a-000_69da94d2f4a4bc00.json"
        ))
        .expect("committed default article is valid");
        assert_eq!(imported, committed);
        assert!(validate(&imported).is_empty());
    }

    #[test]
    fn seed_has_the_expected_shape() {
        let a = from_plain_text(include_str!("fixtures/000_69da94d2f4a4bc00.txt")).unwrap();
        assert_eq!(a.title, "下足“绣花”功夫做好基层文章");
        let crumbs: Vec<_> = a.breadcrumb.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(crumbs, ["首页", "理论研究", "正文"]);
        assert_eq!(a.published.as_deref(), Some("2024-05-19"));
        assert_eq!(a.authors[0].name, "佚名");
        assert_eq!(a.source.as_ref().unwrap().name, "甘肃人大网");
        assert_eq!(a.lead.len(), 1);
        assert_eq!(a.sections.len(), 4);
        assert!(a.sections.iter().all(|s| s.blocks.len() == 1));
        assert_eq!(a.source_note.as_deref(), Some("甘肃人大客户端"));
        assert!(a
            .author_note
            .as_deref()
            .unwrap()
            .starts_with("王兴继(作者系"));
        assert_eq!(
            a.original_url.as_deref(),
            Some("http://www.gsrdw.gov.cn/html/2023/lnyj_1114/22901.html")
        );
        assert!(a
            .disclaimer
            .as_deref()
            .unwrap()
            .starts_with("本文来源于网络转载"));
    }

    #[test]
    fn format_round_trips() {
        let a = from_plain_text(include_str!("fixtures/000_69da94d2f4a4bc00.txt")).unwrap();
        let json = serde_json::to_vec(&a).unwrap();
        assert_eq!(parse_article(&json).unwrap(), a);
    }
}

mod articles_dir {
    //! The shipped articles: each `articles/src/<id>.txt` imports to `articles/<id>.json`,
    //! and `articles/index.json` is the index of exactly the committed articles.

    use std::path::Path;

    use article::{parse_article, parse_index, ArticleIndex};

    use super::*;

    fn dir() -> &'static Path {
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../articles"))
    }

    #[test]
    fn every_source_page_imports_to_its_committed_json() {
        let mut n = 0;
        for entry in std::fs::read_dir(dir().join("src")).unwrap() {
            let path = entry.unwrap().path();
            let id = path.file_stem().unwrap().to_str().unwrap().to_owned();
            let text = std::fs::read_to_string(&path).unwrap();
            let mut imported = from_plain_text(&text).expect("source page imports");
            imported.id = id.clone();
            let committed: Article =
                parse_article(&std::fs::read(dir().join(format!("{id}.json"))).unwrap())
                    .expect("committed article is valid");
            assert_eq!(imported, committed, "{id}");
            n += 1;
        }
        assert!(n >= 4, "only {n} source pages");
    }

    #[test]
    fn index_lists_exactly_the_committed_articles() {
        let mut articles = Vec::new();
        for entry in std::fs::read_dir(dir()).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") && !path.ends_with("index.json") {
                articles.push(parse_article(&std::fs::read(&path).unwrap()).unwrap());
            }
        }
        let committed = parse_index(&std::fs::read(dir().join("index.json")).unwrap())
            .expect("committed index is valid");
        assert_eq!(
            committed,
            ArticleIndex::build(&articles),
            "articles/index.json is stale: run article-cli index"
        );
    }
}
