//! The loader against an oracle: a second loader written independently of
//! `shape.rs` (serde's typed fast path, else a table-driven shape check that repairs
//! the JSON tree, writes it back and deserializes it with serde). For every document
//! (the fixtures, the shipped articles, the e2e fixtures, generated articles and
//! mutations of them) both must give exactly the same article or the same problems,
//! in the same order, with the same messages; and whatever serde's derived
//! `Deserialize` accepts, the builder reads to the same value.

use crate::json::{self, Json};
use crate::load::LoadError;
use crate::model::{Article, SCHEMA_VERSION};
use crate::validate::{validate, without_placeholder_issues, Issue};

/// `parse_article` by the oracle: serde first, the table-driven check when serde refuses.
fn legacy_parse_article(bytes: &[u8]) -> Result<Article, LoadError> {
    let text = std::str::from_utf8(bytes).map_err(|e| LoadError::Utf8 {
        offset: e.valid_up_to(),
    })?;
    if let Ok(article) = serde_json::from_str::<Article>(text) {
        if u64::from(article.schema_version) > u64::from(SCHEMA_VERSION) {
            return Err(LoadError::TooNew {
                found: article.schema_version.into(),
            });
        }
        let issues = validate(&article);
        return if issues.is_empty() {
            Ok(article)
        } else {
            Err(LoadError::Invalid(issues))
        };
    }
    let mut doc = json::parse(text).map_err(|e| LoadError::Syntax {
        line: e.line,
        column: e.column,
        message: e.message.to_owned(),
    })?;
    if let Some(found) = doc
        .get("schemaVersion")
        .and_then(Json::as_u64)
        .filter(|v| *v > u64::from(SCHEMA_VERSION))
    {
        return Err(LoadError::TooNew { found });
    }
    let mut issues = check_article(&mut doc);
    let mut repaired = String::with_capacity(text.len());
    write(&doc, &mut repaired);
    let article: Article = match serde_json::from_str(&repaired) {
        Ok(a) => a,
        Err(e) => {
            issues.push(Issue {
                path: String::new(),
                message: e.to_string(),
            });
            return Err(LoadError::Invalid(issues));
        }
    };
    let issues = without_placeholder_issues(issues, validate(&article));
    if issues.is_empty() {
        Ok(article)
    } else {
        Err(LoadError::Invalid(issues))
    }
}

/// Writes the value as compact JSON.
fn write(v: &Json<'_>, out: &mut String) {
    match v {
        Json::Null => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Num(n) => out.push_str(n),
        Json::Str(s) => out.push_str(&serde_json::to_string(s).unwrap()),
        Json::Arr(items) => {
            out.push('[');
            for (k, v) in items.iter().enumerate() {
                if k > 0 {
                    out.push(',');
                }
                write(v, out);
            }
            out.push(']');
        }
        Json::Obj(members) => {
            out.push('{');
            for (k, (key, v)) in members.iter().enumerate() {
                if k > 0 {
                    out.push(',');
                }
                out.push_str(&serde_json::to_string(key).unwrap());
                out.push(':');
                write(v, out);
            }
            out.push('}');
        }
    }
}

// ---- The table-driven shape check: a second, independent reading of the field tables. ----

use std::borrow::Cow;
use std::collections::HashMap;

type Map<'a> = Vec<(Cow<'a, str>, Json<'a>)>;

/// The expected type of a value.
#[derive(Clone, Copy)]
enum Ty {
    Str,
    U32,
    Bool,
    /// A string or a list of spans.
    Inline,
    /// A string or an object `{text, emphasis?, strong?, href?}`.
    Span,
    /// An object tagged by `type`.
    Block,
    /// A section (recursive, so not a plain `Obj`).
    Section,
    Obj(&'static [Field]),
    Arr(&'static Ty),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Need {
    /// Must be present.
    Required,
    /// May be absent or `null` (`Option<T>`).
    Optional,
    /// May be absent, not `null` (`#[serde(default)]`).
    Defaulted,
}

struct Field {
    name: &'static str,
    ty: Ty,
    need: Need,
}

const fn req(name: &'static str, ty: Ty) -> Field {
    Field {
        name,
        ty,
        need: Need::Required,
    }
}

const fn opt(name: &'static str, ty: Ty) -> Field {
    Field {
        name,
        ty,
        need: Need::Optional,
    }
}

const fn def(name: &'static str, ty: Ty) -> Field {
    Field {
        name,
        ty,
        need: Need::Defaulted,
    }
}

const NAME_URL: &[Field] = &[req("name", Ty::Str), opt("url", Ty::Str)];

const AUTHOR: &[Field] = &[
    req("name", Ty::Str),
    opt("role", Ty::Str),
    opt("affiliation", Ty::Str),
    opt("url", Ty::Str),
];

const ARTICLE: &[Field] = &[
    req("schemaVersion", Ty::U32),
    req("id", Ty::Str),
    opt("url", Ty::Str),
    def("lang", Ty::Str),
    opt("site", Ty::Obj(NAME_URL)),
    def("breadcrumb", Ty::Arr(&Ty::Obj(NAME_URL))),
    opt("section", Ty::Str),
    opt("kicker", Ty::Str),
    req("title", Ty::Str),
    opt("subtitle", Ty::Str),
    opt("published", Ty::Str),
    opt("modified", Ty::Str),
    def("authors", Ty::Arr(&Ty::Obj(AUTHOR))),
    opt("source", Ty::Obj(NAME_URL)),
    opt("editor", Ty::Str),
    opt("summary", Ty::Str),
    def("keywords", Ty::Arr(&Ty::Str)),
    def("lead", Ty::Arr(&Ty::Block)),
    def("sections", Ty::Arr(&Ty::Section)),
    opt("sourceNote", Ty::Str),
    opt("authorNote", Ty::Str),
    opt("originalUrl", Ty::Str),
    opt("disclaimer", Ty::Str),
];

const SECTION: &[Field] = &[
    opt("id", Ty::Str),
    req("heading", Ty::Str),
    def("blocks", Ty::Arr(&Ty::Block)),
    def("sections", Ty::Arr(&Ty::Section)),
];

const SPAN: &[Field] = &[
    req("text", Ty::Str),
    def("emphasis", Ty::Bool),
    def("strong", Ty::Bool),
    opt("href", Ty::Str),
];

/// Block types and their fields (besides `type`).
const BLOCKS: &[(&str, &[Field])] = &[
    ("paragraph", &[req("text", Ty::Inline)]),
    ("subheading", &[req("text", Ty::Str)]),
    (
        "list",
        &[def("ordered", Ty::Bool), req("items", Ty::Arr(&Ty::Inline))],
    ),
    ("quote", &[req("text", Ty::Inline), opt("cite", Ty::Str)]),
    (
        "figure",
        &[
            req("src", Ty::Str),
            req("alt", Ty::Str),
            opt("caption", Ty::Inline),
            opt("width", Ty::U32),
            opt("height", Ty::U32),
        ],
    ),
    ("footnote", &[opt("id", Ty::Str), req("text", Ty::Inline)]),
];

const BLOCK_TYPES: &str = "paragraph, subheading, list, quote, figure or footnote";

/// Checks `doc` against the article shape, repairing it in place so that it
/// deserializes. Returns the type problems, in document order.
fn check_article(doc: &mut Json<'_>) -> Vec<Issue> {
    let mut c = Checker {
        issues: Vec::new(),
        path: String::new(),
    };
    if !c.value(Ty::Obj(ARTICLE), doc) {
        *doc = placeholder(Ty::Obj(ARTICLE));
    }
    c.issues
}

struct Checker {
    issues: Vec<Issue>,
    /// JSON pointer of the value being checked.
    path: String,
}

impl Checker {
    fn push(&mut self, message: String) {
        self.issues.push(Issue {
            path: self.path.clone(),
            message,
        });
    }

    /// Checks `v` against `ty`. Returns false when `v` itself has the wrong type
    /// (already reported); the caller then removes or replaces it. Mistakes inside
    /// `v` are reported and repaired here.
    fn value(&mut self, ty: Ty, v: &mut Json<'_>) -> bool {
        let ok = match (ty, &mut *v) {
            (Ty::Str, Json::Str(_)) | (Ty::Bool, Json::Bool(_)) => true,
            (Ty::U32, n @ Json::Num(_)) => n.as_u64().is_some_and(|n| n <= u64::from(u32::MAX)),
            (Ty::Inline, Json::Str(_)) | (Ty::Span, Json::Str(_)) => true,
            (Ty::Inline, Json::Arr(items)) => {
                self.array(Ty::Span, items);
                true
            }
            (Ty::Span, Json::Obj(map)) => {
                self.object(SPAN, map);
                true
            }
            (Ty::Block, Json::Obj(map)) => {
                self.block(map);
                true
            }
            (Ty::Section, Json::Obj(map)) => {
                self.object(SECTION, map);
                true
            }
            (Ty::Obj(fields), Json::Obj(map)) => {
                self.object(fields, map);
                true
            }
            (Ty::Arr(item), Json::Arr(items)) => {
                self.array(*item, items);
                true
            }
            _ => false,
        };
        if !ok {
            self.push(format!("expected {}, found {}", expected(ty), found(v)));
        }
        ok
    }

    fn array(&mut self, item: Ty, items: &mut [Json<'_>]) {
        let len = self.path.len();
        for (i, v) in items.iter_mut().enumerate() {
            self.path.push('/');
            self.path.push_str(&i.to_string());
            if !self.value(item, v) {
                *v = placeholder(item);
            }
            self.path.truncate(len);
        }
    }

    fn object(&mut self, fields: &[Field], map: &mut Map<'_>) {
        self.duplicates(map);
        self.fields(fields, map, false);
    }

    /// `tagged`: the object is a block, whose `type` has been checked already.
    fn fields(&mut self, fields: &[Field], map: &mut Map<'_>, tagged: bool) {
        let len = self.path.len();
        for f in fields {
            self.path.push('/');
            self.path.push_str(f.name);
            match field_mut(map, f.name) {
                None => {
                    if f.need == Need::Required {
                        self.push(format!("missing required field \"{}\"", f.name));
                        map.push((Cow::Borrowed(f.name), placeholder(f.ty)));
                    }
                }
                Some(Json::Null) if f.need == Need::Optional => {}
                Some(v) => {
                    if !self.value(f.ty, v) {
                        if f.need == Need::Required {
                            *v = placeholder(f.ty);
                        } else {
                            map.retain(|(k, _)| k != f.name);
                        }
                    }
                }
            }
            self.path.truncate(len);
        }
        self.unknown_fields(map, |k| {
            (tagged && k == "type") || fields.iter().any(|f| f.name == k)
        });
    }

    fn block(&mut self, map: &mut Map<'_>) {
        self.duplicates(map);
        let len = self.path.len();
        self.path.push_str("/type");
        let fields = match field_mut(map, "type") {
            None => {
                self.push(format!("missing required field \"type\" ({BLOCK_TYPES})"));
                None
            }
            Some(Json::Str(t)) => match BLOCKS.iter().find(|(name, _)| name == t) {
                Some((_, fields)) => Some(*fields),
                None => {
                    self.push(format!(
                        "unknown block type \"{}\" (expected {BLOCK_TYPES})",
                        excerpt(t)
                    ));
                    None
                }
            },
            Some(other) => {
                self.push(format!(
                    "expected the block type ({BLOCK_TYPES}), found {}",
                    found(other)
                ));
                None
            }
        };
        self.path.truncate(len);
        match fields {
            Some(fields) => self.fields(fields, map, true),
            None => {
                // Without a known type the other fields cannot be checked: stand in
                // a paragraph so the rest of the document is still checked.
                *map = match placeholder(Ty::Block) {
                    Json::Obj(m) => m,
                    _ => Map::new(),
                };
            }
        }
    }

    /// Reports unknown fields and removes them, extensions (`_…`) too: the typed
    /// model denies unknown fields, so that its fast path never ignores a typo.
    fn unknown_fields(&mut self, map: &mut Map<'_>, known: impl Fn(&str) -> bool) {
        map.retain(|(k, _)| !k.starts_with('_'));
        let len = self.path.len();
        for (k, _) in map.iter().filter(|(k, _)| !known(k)) {
            self.path.push('/');
            push_escaped(&mut self.path, k);
            self.issues.push(Issue {
                path: self.path.clone(),
                message: format!(
                    "unknown field \"{}\" (extension fields must start with \"_\")",
                    excerpt(k)
                ),
            });
            self.path.truncate(len);
        }
        map.retain(|(k, _)| known(k));
    }

    /// Reports keys given twice and keeps the last, as JSON parsers commonly do.
    fn duplicates(&mut self, map: &mut Map<'_>) {
        if map.len() < 2 {
            return;
        }
        let mut last: HashMap<&str, usize> = HashMap::with_capacity(map.len());
        for (i, (k, _)) in map.iter().enumerate() {
            last.insert(k, i);
        }
        if last.len() == map.len() {
            return;
        }
        let keep: Vec<bool> = map
            .iter()
            .enumerate()
            .map(|(i, (k, _))| last.get(k.as_ref()) == Some(&i))
            .collect();
        let len = self.path.len();
        let mut reported = std::collections::HashSet::new();
        for ((k, _), kept) in map.iter().zip(&keep) {
            if !kept && reported.insert(k.clone()) {
                self.path.push('/');
                push_escaped(&mut self.path, k);
                self.issues.push(Issue {
                    path: self.path.clone(),
                    message: format!("field \"{}\" is given more than once", excerpt(k)),
                });
                self.path.truncate(len);
            }
        }
        let mut flags = keep.into_iter();
        map.retain(|_| flags.next().unwrap_or(true));
    }
}

/// The value of the (only, after [`Checker::duplicates`]) member `name`.
fn field_mut<'m, 'a>(map: &'m mut Map<'a>, name: &str) -> Option<&'m mut Json<'a>> {
    map.iter_mut().find(|(k, _)| k == name).map(|(_, v)| v)
}

/// RFC 6901 escaping of one reference token.
fn push_escaped(path: &mut String, key: &str) {
    for c in key.chars() {
        match c {
            '~' => path.push_str("~0"),
            '/' => path.push_str("~1"),
            c => path.push(c),
        }
    }
}

/// A value of type `ty` that passes the check; its content never reaches a reader.
fn placeholder(ty: Ty) -> Json<'static> {
    let x = || Json::Str("x".into());
    match ty {
        Ty::Str | Ty::Inline | Ty::Span => x(),
        Ty::U32 => Json::Num("1"),
        Ty::Bool => Json::Bool(false),
        Ty::Arr(_) => Json::Arr(Vec::new()),
        Ty::Block => Json::Obj(vec![
            ("type".into(), Json::Str("paragraph".into())),
            ("text".into(), x()),
        ]),
        Ty::Section => Json::Obj(vec![("heading".into(), x())]),
        Ty::Obj(fields) => Json::Obj(
            fields
                .iter()
                .filter(|f| f.need == Need::Required)
                .map(|f| (f.name.into(), placeholder(f.ty)))
                .collect(),
        ),
    }
}

fn expected(ty: Ty) -> &'static str {
    match ty {
        Ty::Str => "a string",
        Ty::U32 => "a whole number from 0 to 4294967295",
        Ty::Bool => "true or false",
        Ty::Inline => "text (a string or a list of spans)",
        Ty::Span => "a span (a string or an object with \"text\")",
        Ty::Block => "a block (an object with \"type\")",
        Ty::Section => "a section (an object with \"heading\")",
        Ty::Obj(_) => "an object",
        Ty::Arr(_) => "a list",
    }
}

fn found(v: &Json<'_>) -> String {
    match v {
        Json::Null => "null".to_owned(),
        Json::Bool(b) => b.to_string(),
        Json::Num(n) => format!("the number {}", excerpt(n)),
        Json::Str(s) => format!("the string \"{}\"", excerpt(s)),
        Json::Arr(_) => "a list".to_owned(),
        Json::Obj(_) => "an object".to_owned(),
    }
}

/// At most 40 characters of `s`, for messages.
fn excerpt(s: &str) -> String {
    match s.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;
    use std::sync::OnceLock;

    use proptest::prelude::*;

    use super::*;
    use crate::index::parse_index;
    use crate::load::parse_article;
    use crate::model::ArticleIndex;
    use crate::model::{Author, Block, Inline, Link, Section, Span};
    use crate::shape::build;

    /// Every article-shaped JSON file in the repository, with its name.
    fn corpus() -> &'static [(String, String)] {
        static ALL: OnceLock<Vec<(String, String)>> = OnceLock::new();
        ALL.get_or_init(|| {
            let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
            let mut all = Vec::new();
            for dir in [
                "crates/article/tests/import/fixtures",
                "articles",
                "e2e/fixtures",
                "tests/fixtures",
            ] {
                let mut files: Vec<_> = std::fs::read_dir(root.join(dir))
                    .unwrap_or_else(|e| panic!("{dir}: {e}"))
                    .map(|e| e.unwrap().path())
                    .filter(|p| p.extension().is_some_and(|e| e == "json"))
                    .filter(|p| !p.ends_with("index.json"))
                    .collect();
                files.sort();
                for f in files {
                    let name = format!("{dir}/{}", f.file_name().unwrap().to_string_lossy());
                    all.push((name, std::fs::read_to_string(&f).unwrap()));
                }
            }
            all
        })
    }

    /// The loader and the oracle agree; so do the builder and serde whenever
    /// serde's `Deserialize` accepts the text, with one exception: serde's derived
    /// `Deserialize` also reads a struct from a list of its fields in order
    /// (`"authors": [["name"]]`, a block as `["paragraph", "text"]`), which the format does not allow (`docs/FORMAT.md`,
    /// the JSON Schema). The oracle takes that only when nothing else is wrong.
    fn agree(text: &str) -> Result<(), TestCaseError> {
        let new = parse_article(text.as_bytes());
        if let Ok(theirs) = serde_json::from_str::<Article>(text) {
            let (ours, issues) = build::<Article>(json::parse(text).unwrap());
            if !issues.is_empty() {
                const STRUCTS: &[&str] = &[
                    "expected an object, found a list",
                    "expected a section (an object with \"heading\"), found a list",
                    "expected a block (an object with \"type\"), found a list",
                ];
                prop_assert!(
                    issues.iter().all(|i| STRUCTS.contains(&i.message.as_str())),
                    "{:?}\n{}",
                    issues,
                    text
                );
                prop_assert!(new.is_err());
                return Ok(());
            }
            prop_assert_eq!(ours, theirs);
        }
        let old = legacy_parse_article(text.as_bytes());
        prop_assert_eq!(&new, &old, "{}", text);
        Ok(())
    }

    #[test]
    fn every_repository_document_loads_as_the_oracle_loads_it() {
        let all = corpus();
        assert!(all.len() >= 20, "only {} documents", all.len());
        let (mut valid, mut invalid) = (0, 0);
        for (name, text) in all {
            if let Err(e) = agree(text) {
                panic!("{name}: {e}");
            }
            match parse_article(text.as_bytes()) {
                Ok(_) => valid += 1,
                Err(_) => invalid += 1,
            }
        }
        assert!(
            valid >= 15 && invalid >= 2,
            "{valid} valid, {invalid} invalid"
        );
    }

    #[test]
    fn the_index_reads_as_serde_reads_it() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../articles/index.json");
        let bytes = std::fs::read(path).unwrap();
        let theirs: ArticleIndex = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(parse_index(&bytes).unwrap(), theirs);
    }

    /// An article with every field and every kind of block and span.
    fn rich() -> String {
        let spans = Inline::Spans(vec![
            Span::Text("a".into()),
            Span::Styled {
                text: "b".into(),
                emphasis: true,
                strong: true,
                href: Some("https://a.cn/".into()),
            },
        ]);
        let mut a = Article::new("rich", "t");
        a.url = Some("https://a.cn/1".into());
        a.lang = "en".into();
        a.site = Some(Link {
            name: "s".into(),
            url: Some("https://a.cn/".into()),
        });
        a.breadcrumb = vec![Link {
            name: "c".into(),
            url: Some("/c".into()),
        }];
        a.section = Some("s".into());
        a.kicker = Some("k".into());
        a.subtitle = Some("s".into());
        a.published = Some("2024-05-19".into());
        a.modified = Some("2024-05-19T16:37:00+08:00".into());
        a.authors = vec![Author {
            name: "n".into(),
            role: Some("r".into()),
            affiliation: Some("a".into()),
            url: Some("https://a.cn/".into()),
        }];
        a.source = Some(Link {
            name: "s".into(),
            url: Some("https://a.cn/".into()),
        });
        a.editor = Some("e".into());
        a.summary = Some("s".into());
        a.keywords = vec!["k".into()];
        let blocks = |footnote: &str| {
            vec![
                Block::Paragraph {
                    text: spans.clone(),
                },
                Block::Subheading { text: "s".into() },
                Block::List {
                    ordered: true,
                    items: vec![spans.clone(), "i".into()],
                },
                Block::Quote {
                    text: "q".into(),
                    cite: Some("c".into()),
                },
                Block::Figure {
                    src: "a.png".into(),
                    alt: "a".into(),
                    caption: Some(spans.clone()),
                    width: Some(3),
                    height: Some(4),
                },
                Block::Footnote {
                    id: Some(footnote.into()),
                    text: spans.clone(),
                },
            ]
        };
        a.lead = blocks("fn-1");
        a.sections = vec![Section {
            id: Some("s1".into()),
            heading: "h".into(),
            blocks: blocks("fn-2"),
            sections: vec![Section {
                id: None,
                heading: "h2".into(),
                blocks: vec![Block::paragraph("p")],
                sections: Vec::new(),
            }],
        }];
        a.source_note = Some("n".into());
        a.author_note = Some("n".into());
        a.original_url = Some("https://a.cn/o".into());
        a.disclaimer = Some("d".into());
        assert!(validate(&a).is_empty(), "{:?}", validate(&a));
        serde_json::to_string(&a).unwrap()
    }

    /// Every field of every kind of object, in turn: given each kind of value,
    /// left out, given twice; and every kind of object given unknown fields.
    #[test]
    fn every_field_with_every_kind_of_value_loads_as_the_oracle_loads_it() {
        const PROBES: &[&str] = &[
            "null",
            "true",
            "0",
            "-0",
            "-1",
            "1.5",
            "4294967296",
            "\"x\"",
            "\"\"",
            "[]",
            "[1]",
            "[\"x\"]",
            "{}",
            "{\"text\":\"t\"}",
            "{\"type\":\"paragraph\",\"text\":\"t\"}",
            "{\"name\":\"n\"}",
            "{\"heading\":\"h\"}",
        ];
        let rich = rich();
        let mut docs: Vec<&str> = vec![&rich];
        docs.extend(corpus().iter().map(|(_, t)| t.as_str()));
        let mut seen = std::collections::HashSet::new();
        let mut checked = 0;
        for text in docs {
            let tree = json::parse(text).unwrap();
            let mut all = Vec::new();
            nodes(&tree, &mut Vec::new(), &mut all);
            for at in all {
                let mut probe = |edit: &dyn Fn(&mut Json<'_>)| {
                    let mut t = tree.clone();
                    edit(node_mut(&mut t, &at));
                    let mut out = String::new();
                    write(&t, &mut out);
                    if let Err(e) = agree(&out) {
                        panic!("{e}");
                    }
                    checked += 1;
                };
                // The node's place in the format: its path without list indices.
                let mut shape = String::new();
                let mut v = &tree;
                for &i in &at {
                    v = match v {
                        Json::Arr(items) => {
                            shape.push_str("/*");
                            &items[i]
                        }
                        Json::Obj(m) => {
                            shape.push('/');
                            shape.push_str(&m[i].0);
                            &m[i].1
                        }
                        _ => unreachable!(),
                    };
                }
                // Blocks differ by type: tell them apart.
                if let Some(Json::Str(t)) = v.get("type") {
                    shape.push_str(&format!("[{t}]"));
                }
                let Json::Obj(members) = v else { continue };
                if !seen.insert(shape) {
                    continue;
                }
                for i in 0..members.len() {
                    for p in PROBES {
                        probe(&|n| {
                            if let Json::Obj(m) = n {
                                m[i].1 = json::parse(p).unwrap();
                            }
                        });
                    }
                    probe(&|n| {
                        if let Json::Obj(m) = n {
                            m.remove(i);
                        }
                    });
                    probe(&|n| {
                        if let Json::Obj(m) = n {
                            let copy = m[i].clone();
                            m.push(copy);
                        }
                    });
                }
                // Every field wrong at once, so the order of the problems counts.
                probe(&|n| {
                    if let Json::Obj(m) = n {
                        for (_, v) in m.iter_mut() {
                            *v = json::parse("[[1]]").unwrap();
                        }
                    }
                });
                probe(&|n| {
                    if let Json::Obj(m) = n {
                        m.clear();
                    }
                });
                for key in ["titel", "_x", "a/b~"] {
                    probe(&|n| {
                        if let Json::Obj(m) = n {
                            m.push((key.into(), Json::Null));
                        }
                    });
                }
            }
        }
        assert!(checked > 1000, "only {checked} probes");
    }

    // ---- Generated documents ----

    /// Numbers at the edges of what a `u32` field accepts.
    const NUMBERS: &[&str] = &[
        "0",
        "-0",
        "1",
        "7",
        "-1",
        "1.0",
        "1e2",
        "-0.0",
        "4294967295",
        "4294967296",
        "18446744073709551616",
        "0.5",
    ];

    /// Keys of the format (so that values land where they mean something), typos,
    /// extensions and oddities.
    const KEYS: &[&str] = &[
        "schemaVersion",
        "id",
        "title",
        "lang",
        "url",
        "site",
        "name",
        "breadcrumb",
        "authors",
        "keywords",
        "lead",
        "sections",
        "heading",
        "blocks",
        "type",
        "text",
        "items",
        "ordered",
        "src",
        "alt",
        "caption",
        "width",
        "emphasis",
        "href",
        "titel",
        "_ext",
        "_",
        "a/b~",
        "",
    ];

    fn json_string() -> impl Strategy<Value = String> {
        prop_oneof![
            prop::sample::select(
                &[
                    "paragraph",
                    "subheading",
                    "list",
                    "quote",
                    "figure",
                    "footnote",
                    "x",
                    "",
                    "https://a.cn/",
                    "javascript:x",
                    "2024-02-30",
                    "sec-1"
                ][..]
            )
            .prop_map(str::to_owned),
            "\\PC{0,8}",
            "[\"\\\\/\\x00-\\x1f\u{7f}\u{10000}-\u{10ffff}a]{0,4}",
        ]
        .prop_map(|s| serde_json::to_string(&s).unwrap())
    }

    /// JSON text of any value, small; objects may repeat keys.
    fn json_text() -> impl Strategy<Value = String> {
        let leaf = prop_oneof![
            Just("null".to_owned()),
            Just("true".to_owned()),
            Just("false".to_owned()),
            prop::sample::select(NUMBERS).prop_map(str::to_owned),
            json_string(),
        ];
        leaf.prop_recursive(3, 24, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4)
                    .prop_map(|v| format!("[{}]", v.join(","))),
                prop::collection::vec((prop::sample::select(KEYS), inner), 0..4).prop_map(|m| {
                    let members: Vec<String> = m
                        .iter()
                        .map(|(k, v)| format!("{}:{v}", serde_json::to_string(k).unwrap()))
                        .collect();
                    format!("{{{}}}", members.join(","))
                }),
            ]
        })
    }

    /// Index paths of every node of `v`, root first.
    fn nodes(v: &Json<'_>, at: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
        out.push(at.clone());
        let children: Vec<&Json<'_>> = match v {
            Json::Arr(items) => items.iter().collect(),
            Json::Obj(m) => m.iter().map(|(_, v)| v).collect(),
            _ => Vec::new(),
        };
        for (i, c) in children.into_iter().enumerate() {
            at.push(i);
            nodes(c, at, out);
            at.pop();
        }
    }

    fn node_mut<'v, 'a>(v: &'v mut Json<'a>, at: &[usize]) -> &'v mut Json<'a> {
        at.iter().fold(v, |v, &i| match v {
            Json::Arr(items) => &mut items[i],
            Json::Obj(m) => &mut m[i].1,
            _ => unreachable!("a path goes through containers only"),
        })
    }

    /// One edit of a document.
    #[derive(Debug, Clone)]
    enum Edit {
        Replace,
        Remove,
        Duplicate,
        DuplicateKeyNewValue,
        Insert(&'static str),
    }

    fn edit() -> impl Strategy<Value = Edit> {
        prop_oneof![
            3 => Just(Edit::Replace),
            1 => Just(Edit::Remove),
            1 => Just(Edit::Duplicate),
            1 => Just(Edit::DuplicateKeyNewValue),
            2 => prop::sample::select(KEYS).prop_map(Edit::Insert),
        ]
    }

    /// `doc` with `edits` applied at the nodes `at` picks, as text.
    fn mutate(
        doc: &str,
        edits: &[(prop::sample::Index, prop::sample::Index, Edit)],
        value: &str,
    ) -> String {
        let mut tree = json::parse(doc).unwrap();
        let value = json::parse(value).unwrap();
        for (at, child, e) in edits {
            let mut all = Vec::new();
            nodes(&tree, &mut Vec::new(), &mut all);
            let node = node_mut(&mut tree, &all[at.index(all.len())]);
            match (e, node) {
                (Edit::Replace, node) => *node = value.clone(),
                (Edit::Remove, Json::Obj(m)) if !m.is_empty() => {
                    m.remove(child.index(m.len()));
                }
                (Edit::Remove, Json::Arr(a)) if !a.is_empty() => {
                    a.remove(child.index(a.len()));
                }
                (Edit::Duplicate, Json::Obj(m)) if !m.is_empty() => {
                    let copy = m[child.index(m.len())].clone();
                    m.push(copy);
                }
                (Edit::Duplicate, Json::Arr(a)) if !a.is_empty() => {
                    let copy = a[child.index(a.len())].clone();
                    a.push(copy);
                }
                (Edit::DuplicateKeyNewValue, Json::Obj(m)) if !m.is_empty() => {
                    let i = child.index(m.len());
                    let key = m[i].0.clone();
                    m.insert(i, (key, value.clone()));
                }
                (Edit::Insert(k), Json::Obj(m)) => {
                    let i = child.index(m.len() + 1);
                    m.insert(i, ((*k).into(), value.clone()));
                }
                (Edit::Insert(_) | Edit::DuplicateKeyNewValue, Json::Arr(a)) => {
                    let i = child.index(a.len() + 1);
                    a.insert(i, value.clone());
                }
                _ => {}
            }
        }
        let mut out = String::new();
        write(&tree, &mut out);
        out
    }

    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            3 => "[a-z][a-z0-9_-]{0,6}",
            1 => "\\PC{0,10}",
            1 => "[\"\\\\/\\x00-\\x1f<>&\u{7f}\u{2028}\u{10000}-\u{10ffff}]{0,4}",
        ]
    }

    fn opt_text() -> impl Strategy<Value = Option<String>> {
        prop::option::of(text())
    }

    fn span() -> impl Strategy<Value = Span> {
        prop_oneof![
            text().prop_map(Span::Text),
            (text(), any::<bool>(), any::<bool>(), opt_text()).prop_map(
                |(text, emphasis, strong, href)| Span::Styled {
                    text,
                    emphasis,
                    strong,
                    href
                }
            ),
        ]
    }

    fn inline() -> impl Strategy<Value = Inline> {
        prop_oneof![
            text().prop_map(Inline::Text),
            prop::collection::vec(span(), 0..3).prop_map(Inline::Spans),
        ]
    }

    fn block() -> impl Strategy<Value = Block> {
        prop_oneof![
            inline().prop_map(|text| Block::Paragraph { text }),
            text().prop_map(|text| Block::Subheading { text }),
            (any::<bool>(), prop::collection::vec(inline(), 0..3))
                .prop_map(|(ordered, items)| Block::List { ordered, items }),
            (inline(), opt_text()).prop_map(|(text, cite)| Block::Quote { text, cite }),
            (
                text(),
                text(),
                prop::option::of(inline()),
                any::<Option<u32>>(),
                any::<Option<u32>>()
            )
                .prop_map(|(src, alt, caption, width, height)| Block::Figure {
                    src,
                    alt,
                    caption,
                    width,
                    height
                }),
            (opt_text(), inline()).prop_map(|(id, text)| Block::Footnote { id, text }),
        ]
    }

    fn section() -> impl Strategy<Value = Section> {
        let flat = (opt_text(), text(), prop::collection::vec(block(), 0..3)).prop_map(
            |(id, heading, blocks)| Section {
                id,
                heading,
                blocks,
                sections: Vec::new(),
            },
        );
        flat.prop_recursive(2, 8, 3, |inner| {
            (
                opt_text(),
                text(),
                prop::collection::vec(block(), 0..2),
                prop::collection::vec(inner, 0..3),
            )
                .prop_map(|(id, heading, blocks, sections)| Section {
                    id,
                    heading,
                    blocks,
                    sections,
                })
        })
    }

    fn name_url() -> impl Strategy<Value = (String, Option<String>)> {
        (text(), opt_text())
    }

    fn article() -> impl Strategy<Value = Article> {
        let head = (
            any::<u32>().prop_map(|v| v % 3),
            text(),
            opt_text(),
            text(),
            prop::option::of(name_url()),
            prop::collection::vec(name_url(), 0..3),
            opt_text(),
            opt_text(),
            text(),
            opt_text(),
            opt_text(),
            opt_text(),
        );
        let tail = (
            prop::collection::vec((text(), opt_text(), opt_text(), opt_text()), 0..3),
            prop::option::of(name_url()),
            opt_text(),
            opt_text(),
            prop::collection::vec(text(), 0..3),
            prop::collection::vec(block(), 0..3),
            prop::collection::vec(section(), 0..3),
            (opt_text(), opt_text(), opt_text(), opt_text()),
        );
        (head, tail).prop_map(|(h, t)| {
            let mut a = Article::new(h.1, h.8);
            a.schema_version = h.0;
            a.url = h.2;
            a.lang = h.3;
            a.site = h.4.map(|(name, url)| Link { name, url });
            a.breadcrumb =
                h.5.into_iter()
                    .map(|(name, url)| Link { name, url })
                    .collect();
            a.section = h.6;
            a.kicker = h.7;
            a.subtitle = h.9;
            a.published = h.10;
            a.modified = h.11;
            a.authors =
                t.0.into_iter()
                    .map(|(name, role, affiliation, url)| Author {
                        name,
                        role,
                        affiliation,
                        url,
                    })
                    .collect();
            a.source = t.1.map(|(name, url)| Link { name, url });
            a.editor = t.2;
            a.summary = t.3;
            a.keywords = t.4;
            a.lead = t.5;
            a.sections = t.6;
            (a.source_note, a.author_note, a.original_url, a.disclaimer) = t.7;
            a
        })
    }

    proptest! {
        /// Any article serde writes, the builder reads back exactly, and both
        /// loaders load (or refuse) alike.
        #[test]
        fn generated_articles_read_back(a in article()) {
            let text = serde_json::to_string(&a).unwrap();
            let (ours, issues) = build::<Article>(json::parse(&text).unwrap());
            prop_assert!(issues.is_empty(), "{:?}", issues);
            prop_assert_eq!(&ours, &a);
            agree(&text)?;
        }

        /// Repository documents with a few edits anywhere: the same article or the
        /// same problems from the loader and the oracle.
        #[test]
        fn edited_documents_load_as_the_oracle_loads_them(
            doc in any::<prop::sample::Index>(),
            edits in prop::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>(), edit()), 1..4),
            value in json_text(),
        ) {
            let all = corpus();
            let (_, text) = &all[doc.index(all.len())];
            agree(&mutate(text, &edits, &value))?;
        }

        /// Generated articles with edits.
        #[test]
        fn edited_generated_articles_load_as_the_oracle_loads_them(
            a in article(),
            edits in prop::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>(), edit()), 1..3),
            value in json_text(),
        ) {
            agree(&mutate(&serde_json::to_string(&a).unwrap(), &edits, &value))?;
        }

        /// Any small JSON document.
        #[test]
        fn any_document_loads_as_the_oracle_loads_it(text in json_text()) {
            agree(&text)?;
        }
    }
}
