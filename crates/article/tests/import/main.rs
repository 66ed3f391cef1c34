//! Importer fixtures: each `fixtures/<name>.txt` must import to the article JSON it
//! is paired with (`<name>.json`, written by `article-cli import`), that JSON must
//! load with no validation problems and match the committed JSON Schema; and the
//! importer and the loader hold their properties on generated input.
//!
//! The fixture pages are written by `fixtures/make_fixtures.py` (full-width
//! punctuation as escapes, so no editor can normalise it away).

use std::path::{Path, PathBuf};

use article::{from_plain_text, parse_article, validate, Article};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/import/fixtures");
const SEED: &str = "000_69da94d2f4a4bc00";

/// Every `(name, page, golden JSON)` except the seed, whose golden JSON is the
/// viewer's default article in `articles/`.
fn fixtures() -> &'static [(String, String, Vec<u8>)] {
    static ALL: std::sync::OnceLock<Vec<(String, String, Vec<u8>)>> = std::sync::OnceLock::new();
    ALL.get_or_init(read_fixtures)
}

fn read_fixtures() -> Vec<(String, String, Vec<u8>)> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(FIXTURES)
        .expect("fixtures directory")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .filter(|p| !p.ends_with(format!("{SEED}.txt")))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|txt| {
            let name = txt.file_stem().unwrap().to_string_lossy().into_owned();
            let page = std::fs::read_to_string(&txt).expect("fixture page");
            let golden = std::fs::read(txt.with_extension("json"))
                .unwrap_or_else(|e| panic!("{name}.json: {e}"));
            (name, page, golden)
        })
        .collect()
}

/// Imports a fixture page the way `article-cli import fixtures/<name>.txt` does.
fn import(name: &str, page: &str) -> Article {
    let mut a = from_plain_text(page).unwrap_or_else(|e| panic!("{name}: {e}"));
    name.clone_into(&mut a.id);
    a
}

fn fixture(name: &str) -> Article {
    let page = std::fs::read_to_string(Path::new(FIXTURES).join(format!("{name}.txt"))).unwrap();
    import(name, &page)
}

#[path = "../common/load_check.rs"]
mod load_check;

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
            .starts_with("王兴继（作者系"));
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

mod golden {
    use super::*;

    #[test]
    fn every_fixture_imports_to_its_golden_json() {
        let all = fixtures();
        assert!(all.len() >= 12, "only {} fixtures", all.len());
        let mut failed = Vec::new();
        for (name, page, golden) in all {
            let imported = import(name, page);
            let expected = parse_article(golden)
                .unwrap_or_else(|e| panic!("{name}.json does not load: {e:?}"));
            if imported != expected {
                failed.push(name.as_str());
            }
        }
        assert!(
            failed.is_empty(),
            "differ from their golden JSON: {failed:?}\n(regenerate with \
             `cargo run -p article-cli -- import fixtures/NAME.txt --out fixtures/NAME.json` \
             only if the change is an improvement)"
        );
    }

    #[test]
    fn breadcrumb_prefixes_and_separators() {
        for (name, crumbs) in [
            ("gov-notice", &["首页", "政务公开", "通知公告"][..]),
            ("news-kicker-subtitle", &["首页", "新闻中心", "本地要闻"]),
            ("regulation-chapters", &["首页", "政策文件", "地方性法规"]),
            ("press-conference", &["首页", "新闻发布", "发布会实录"]),
            ("county-chrome", &["首页", "部门动态", "正文"]),
            ("ascii-mixed", &["首页", "工作动态"]),
            ("date-led-meta", &["首页", "时政", "正文"]),
            ("english-news", &["Home", "News", "China"]),
        ] {
            let a = fixture(name);
            let got: Vec<_> = a.breadcrumb.iter().map(|c| c.name.as_str()).collect();
            assert_eq!(got, crumbs, "{name}");
        }
        assert_eq!(
            fixture("county-chrome").section.as_deref(),
            Some("部门动态")
        );
    }

    #[test]
    fn meta_on_one_or_several_lines_with_empty_values_absent() {
        for (name, published) in [
            ("news-kicker-subtitle", "2024-05-19T16:37:00+08:00"),
            ("regulation-chapters", "2023-02-03"),
            ("date-led-meta", "2024-05-19T08:30:15+08:00"),
            ("gov-notice", "2023-02-03"),
        ] {
            assert_eq!(
                fixture(name).published.as_deref(),
                Some(published),
                "{name}"
            );
        }
        let a = fixture("news-kicker-subtitle");
        assert_eq!(a.source.unwrap().name, "示范日报");
        let authors: Vec<_> = a
            .authors
            .iter()
            .map(|a| format!("{}:{}", a.role.as_deref().unwrap_or(""), a.name))
            .collect();
        assert_eq!(authors, ["本报记者:张三", "本报记者:李四", "通讯员:王五"]);
        let a = fixture("regulation-chapters");
        assert_eq!(a.source, None, "来源: with nothing after it is absent");
        let a = fixture("press-conference");
        assert!(
            a.authors.is_empty(),
            "作者: with nothing after it is absent"
        );
    }

    #[test]
    fn kicker_split_title_and_subtitle() {
        let a = fixture("news-kicker-subtitle");
        assert_eq!(a.kicker.as_deref(), Some("坚持人民至上 建设幸福家园"));
        assert_eq!(a.title, "扎根基层三十年的\u{201c}老支书\u{201d}");
        assert_eq!(
            a.subtitle.as_deref(),
            Some("记全国劳动模范\u{3001}示范县青山村党支部书记王建国")
        );
        let a = fixture("theory-split-title");
        assert_eq!(a.title, "新时代基层治理现代化的实践逻辑与路径选择");
        assert_eq!(a.keywords, ["基层治理", "党建引领", "数字治理"]);
        assert!(a.summary.unwrap().starts_with("基层治理是国家治理的基石"));
    }

    #[test]
    fn numbered_headings_nest_by_kind() {
        let outline = |a: &Article| -> Vec<String> {
            fn walk(s: &[article::Section], depth: usize, out: &mut Vec<String>) {
                for s in s {
                    out.push(format!(
                        "{}{} {}",
                        "  ".repeat(depth),
                        s.id.as_deref().unwrap(),
                        s.heading
                    ));
                    walk(&s.sections, depth + 1, out);
                }
            }
            let mut out = Vec::new();
            walk(&a.sections, 0, &mut out);
            out
        };
        assert_eq!(
            outline(&fixture("regulation-chapters")),
            [
                "sec-1 第一章 总则",
                "sec-2 第二章 规划与建设",
                "  sec-2-1 第一节 规划",
                "  sec-2-2 第二节 建设",
                "sec-3 第三章 附则",
            ]
        );
        assert_eq!(
            outline(&fixture("decimal-report")),
            [
                "sec-1 1. 总体情况",
                "  sec-1-1 1.1 分行业看",
                "  sec-1-2 1.2 分企业看",
                "sec-2 2. 存在的问题",
                "sec-3 3. 对策建议",
            ]
        );
        let policy = outline(&fixture("policy-runin"));
        assert_eq!(policy[2], "  sec-2-1 1.优化市场准入环境", "run-in heading");
    }

    #[test]
    fn trailing_notes_and_chrome() {
        let a = fixture("theory-split-title");
        assert_eq!(
            a.author_note.as_deref(),
            Some("(作者系示范大学马克思主义学院教授)")
        );
        assert_eq!(
            a.original_url.as_deref(),
            Some("https://www.example.cn/llyj/2023/1114/8899.html")
        );
        assert_eq!(
            fixture("news-kicker-subtitle").editor.as_deref(),
            Some("赵六")
        );
        assert_eq!(
            fixture("press-conference").disclaimer.as_deref(),
            Some("本网发布的新闻发布会实录仅供参考，如有出入以正式文件为准。")
        );
        let a = fixture("county-chrome");
        let text = serde_json::to_string(&a).unwrap();
        for chrome in [
            "字号",
            "打印本页",
            "微博",
            "上一篇",
            "ICP",
            "网站标识码",
            "点击",
        ] {
            assert!(!text.contains(chrome), "{chrome} left in {text}");
        }
        assert_eq!(a.lead.len(), 3, "the repeated title is dropped");
    }

    #[test]
    fn english_pages() {
        let a = fixture("english-news");
        assert_eq!(a.lang, "en");
        assert_eq!(a.modified.as_deref(), Some("2024-05-19T16:37:00+08:00"));
        let names: Vec<_> = a.authors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["Li Wen", "Zhou Min"]);
        assert_eq!(a.editor.as_deref(), Some("Wang Lei"));
        assert_eq!(a.sections.len(), 2);
    }
}

mod schema {
    use super::*;

    fn validator() -> jsonschema::Validator {
        let schema: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../schema/article.schema.json"
            ))
            .expect("schema/article.schema.json"),
        )
        .expect("the schema is JSON");
        jsonschema::validator_for(&schema).expect("the schema compiles")
    }

    #[test]
    fn every_fixture_and_the_default_article_match_the_schema() {
        let v = validator();
        let mut docs: Vec<(String, Vec<u8>)> = fixtures()
            .iter()
            .map(|(name, _, golden)| (name.clone(), golden.clone()))
            .collect();
        docs.push((
            "articles/a-000_69da94d2f4a4bc00.json".into(),
            include_bytes!("../../../../articles/a-000_69da94d2f4a4bc00.json").to_vec(),
        ));
        for (name, json) in docs {
            let doc: serde_json::Value = serde_json::from_slice(&json).unwrap();
            let errors: Vec<String> = v.iter_errors(&doc).map(|e| e.to_string()).collect();
            assert!(errors.is_empty(), "{name}: {errors:?}");
        }
    }

    #[test]
    fn the_schema_refuses_what_the_loader_refuses_by_type() {
        let v = validator();
        let ten: serde_json::Value =
            serde_json::from_str(include_str!("../../../../e2e/fixtures/ten-mistakes.json"))
                .unwrap();
        assert!(!v.is_valid(&ten));
        let ok = serde_json::json!({"schemaVersion": 1, "id": "a", "title": "t", "_ext": 1});
        assert!(v.is_valid(&ok));
        let typo = serde_json::json!({"schemaVersion": 1, "id": "a", "title": "t", "titel": 1});
        assert!(!v.is_valid(&typo));
    }
}

mod properties {
    //! Generated pages and documents. `PROPTEST_CASES=100000 cargo test --release
    //! -p article --test import properties` runs them at scale.

    use super::*;
    use proptest::prelude::*;

    /// Fragments real pages are made of, so generated input reaches deep paths.
    const PIECES: &[&str] = &[
        "\n",
        "\n",
        "\n",
        " ",
        "\u{3000}",
        "首页",
        " > ",
        ">>",
        "\u{203a}",
        "/",
        "当前位置",
        "您当前所在位置",
        ":",
        "\u{ff1a}",
        "发布时间",
        "2024-05-19",
        " 16:37",
        "2023年02月03日",
        "2023/2/3",
        "作者",
        "本报记者",
        "通讯员",
        "来源",
        "信息来源",
        "责任编辑",
        "浏览次数",
        "字号",
        "打印本页",
        "微信 微博",
        "一\u{3001}",
        "(一)",
        "\u{ff08}二\u{ff09}",
        "1.",
        "1.1 ",
        "第一章",
        "第二节",
        "\u{2460}",
        "\u{25cf}",
        "[1]",
        "——",
        "\u{3010}摘要\u{3011}",
        "\u{3010}关键词\u{3011}",
        "(作者系",
        ")",
        "原文链接",
        "http://a.cn/x",
        "javascript:alert(1)",
        "[免责声明]",
        "免责声明",
        "未经授权不得转载",
        "(完)",
        "By ",
        "Updated: ",
        "Home > News",
        "标题",
        "正文内容很长的一段话",
        "\u{3002}",
        "\u{ff0c}",
        "Text.",
        "\u{feff}",
        "\r",
    ];

    fn page() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop_oneof![
                4 => prop::sample::select(PIECES).prop_map(str::to_owned),
                1 => any::<String>(),
            ],
            0..80,
        )
        .prop_map(|parts| parts.concat())
    }

    /// Any JSON value, small.
    fn json_value() -> impl Strategy<Value = serde_json::Value> {
        use serde_json::Value;
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<f64>()
                .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
            "[a-z:/ ]{0,12}".prop_map(Value::String),
            "[&#;:a-z0-9\u{4e00}-\u{4e20}\u{1ee42}]{0,12}".prop_map(Value::String),
            Just(Value::String(String::new())),
            Just(Value::String("javascript:x".into())),
        ];
        leaf.prop_recursive(3, 16, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                prop::collection::btree_map("[a-z]{1,6}|type|text|heading|id", inner, 0..4)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    /// Every pointer into `v`, so a mutation can replace any of them.
    fn pointers(v: &serde_json::Value, at: String, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, child) in m {
                    pointers(child, format!("{at}/{k}"), out);
                }
            }
            serde_json::Value::Array(a) => {
                for (i, child) in a.iter().enumerate() {
                    pointers(child, format!("{at}/{i}"), out);
                }
            }
            _ => {}
        }
        out.push(at);
    }

    use crate::load_check::check_load;

    proptest! {
        /// import(text) yields an article that passes validation, or a clear error.
        #[test]
        fn import_yields_valid_articles_or_an_error(text in page()) {
            if let Ok(a) = from_plain_text(&text) {
                let problems = validate(&a);
                prop_assert!(problems.is_empty(), "{problems:?}\n{text:?}");
                let json = serde_json::to_vec(&a).unwrap();
                prop_assert_eq!(parse_article(&json).unwrap(), a);
            }
        }

        #[test]
        fn loading_arbitrary_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
            check_load(&bytes);
        }

        /// A valid article with one value replaced by anything: all problems are
        /// reported with a path, never a panic or a pathless error.
        #[test]
        fn loading_mutated_articles_reports_with_paths(
            which in any::<prop::sample::Index>(),
            fixture in 0usize..13,
            replacement in json_value(),
        ) {
            let all = fixtures();
            let (_, _, golden) = &all[fixture % all.len()];
            let mut doc: serde_json::Value = serde_json::from_slice(golden).unwrap();
            let mut ptrs = Vec::new();
            pointers(&doc, String::new(), &mut ptrs);
            let at = which.get(&ptrs).clone();
            if let Some(slot) = doc.pointer_mut(&at) {
                *slot = replacement;
            }
            check_load(&serde_json::to_vec(&doc).unwrap());
        }
    }
}
