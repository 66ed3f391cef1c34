//! Type checking of a parsed JSON document against the article shape, collecting
//! every mistake with its JSON pointer.
//!
//! serde stops at the first type error, so a document that fails the typed fast path
//! is read into a [`Json`] tree and walked here against a table of the expected shape
//! (kept in step with `model.rs`; the fixture and fuzz tests check that a document
//! this walk accepts always deserializes). Each value of the wrong type is reported
//! and then *repaired* (an optional field removed, a required one replaced by a
//! placeholder of the right type) so that typed deserialization and the meaning checks
//! can still run: a file with type and meaning mistakes gets all of them reported.
//! Meaning problems at or under a repaired path are dropped by the caller, since they
//! would only describe the placeholder.
//!
//! Unknown fields are mistakes (usually a typo such as `titel`), except names that
//! start with `_`, which are extensions as in JSON Feed 1.1.

use std::collections::HashMap;

use crate::json::Json;
use crate::validate::Issue;

type Map = Vec<(String, Json)>;

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
pub(crate) fn check_article(doc: &mut Json) -> Vec<Issue> {
    let mut c = Checker {
        issues: Vec::new(),
        path: String::new(),
    };
    if !c.value(Ty::Obj(ARTICLE), doc) {
        *doc = placeholder(Ty::Obj(ARTICLE));
    }
    c.issues
}

/// True when `path` is `prefix` or lies under it.
pub(crate) fn is_under(path: &str, prefix: &str) -> bool {
    path.strip_prefix(prefix)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
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
    fn value(&mut self, ty: Ty, v: &mut Json) -> bool {
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

    fn array(&mut self, item: Ty, items: &mut [Json]) {
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

    fn object(&mut self, fields: &[Field], map: &mut Map) {
        self.duplicates(map);
        self.fields(fields, map, false);
    }

    /// `tagged`: the object is a block, whose `type` has been checked already.
    fn fields(&mut self, fields: &[Field], map: &mut Map, tagged: bool) {
        let len = self.path.len();
        for f in fields {
            self.path.push('/');
            self.path.push_str(f.name);
            match field_mut(map, f.name) {
                None => {
                    if f.need == Need::Required {
                        self.push(format!("missing required field \"{}\"", f.name));
                        map.push((f.name.to_owned(), placeholder(f.ty)));
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

    fn block(&mut self, map: &mut Map) {
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
    fn unknown_fields(&mut self, map: &mut Map, known: impl Fn(&str) -> bool) {
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
    fn duplicates(&mut self, map: &mut Map) {
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
            .map(|(i, (k, _))| last.get(k.as_str()) == Some(&i))
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
fn field_mut<'m>(map: &'m mut Map, name: &str) -> Option<&'m mut Json> {
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
fn placeholder(ty: Ty) -> Json {
    let x = || Json::Str("x".to_owned());
    match ty {
        Ty::Str | Ty::Inline | Ty::Span => x(),
        Ty::U32 => Json::Num("1".to_owned()),
        Ty::Bool => Json::Bool(false),
        Ty::Arr(_) => Json::Arr(Vec::new()),
        Ty::Block => Json::Obj(vec![
            ("type".to_owned(), Json::Str("paragraph".to_owned())),
            ("text".to_owned(), x()),
        ]),
        Ty::Section => Json::Obj(vec![("heading".to_owned(), x())]),
        Ty::Obj(fields) => Json::Obj(
            fields
                .iter()
                .filter(|f| f.need == Need::Required)
                .map(|f| (f.name.to_owned(), placeholder(f.ty)))
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

fn found(v: &Json) -> String {
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
    use super::*;

    fn check(json: &str) -> (Vec<String>, Json) {
        let mut v = crate::json::parse(json).unwrap();
        let issues = check_article(&mut v);
        (issues.iter().map(ToString::to_string).collect(), v)
    }

    #[test]
    fn clean_document_has_no_issues_and_only_loses_extensions() {
        let json = r#"{"schemaVersion":1,"id":"a","title":"t","site":null,
            "sections":[{"heading":"h","blocks":[{"type":"figure","src":"a.png","alt":"a","width":3},
            {"type":"paragraph","text":["a",{"text":"b","strong":true}]}]}],"_ext":{"any":1}}"#;
        let (issues, v) = check(json);
        assert!(issues.is_empty(), "{issues:?}");
        let mut expected = crate::json::parse(json).unwrap();
        if let Json::Obj(m) = &mut expected {
            m.retain(|(k, _)| k != "_ext");
        }
        assert_eq!(v, expected, "only the extension is removed");
        assert!(deserializes(&v));
    }

    #[test]
    fn every_type_error_is_reported_and_repaired() {
        let (issues, v) = check(
            r#"{"schemaVersion":"1","title":5,"lang":null,"authors":[{"name":"a"},"b",{"role":"r"}],
            "keywords":"k","titel":"t","a/b~":1,
            "sections":[{"heading":"h","blocks":[{"type":"image","src":"x"},{"text":"t"},
            {"type":"figure","src":"a","alt":"b","width":-3},{"type":"paragraph","text":[1]}],
            "sections":[{"heading":["x"]}]}]}"#,
        );
        assert_eq!(
            issues,
            [
                "/schemaVersion: expected a whole number from 0 to 4294967295, found the string \"1\"",
                "/id: missing required field \"id\"",
                "/lang: expected a string, found null",
                "/title: expected a string, found the number 5",
                "/authors/1: expected an object, found the string \"b\"",
                "/authors/2/name: missing required field \"name\"",
                "/keywords: expected a list, found the string \"k\"",
                "/sections/0/blocks/0/type: unknown block type \"image\" (expected paragraph, subheading, list, quote, figure or footnote)",
                "/sections/0/blocks/1/type: missing required field \"type\" (paragraph, subheading, list, quote, figure or footnote)",
                "/sections/0/blocks/2/width: expected a whole number from 0 to 4294967295, found the number -3",
                "/sections/0/blocks/3/text/0: expected a span (a string or an object with \"text\"), found the number 1",
                "/sections/0/sections/0/heading: expected a string, found a list",
                "/titel: unknown field \"titel\" (extension fields must start with \"_\")",
                "/a~1b~0: unknown field \"a/b~\" (extension fields must start with \"_\")",
            ]
        );
        let mut text = String::new();
        v.write(&mut text);
        let a: crate::Article =
            serde_json::from_str(&text).expect("repaired document deserializes");
        assert_eq!(a.authors.len(), 3);
    }

    #[test]
    fn root_must_be_an_object() {
        let (issues, v) = check("[1]");
        assert_eq!(issues, ["/: expected an object, found a list"]);
        assert!(deserializes(&v));
    }

    fn deserializes(v: &Json) -> bool {
        let mut text = String::new();
        v.write(&mut text);
        serde_json::from_str::<crate::Article>(&text).is_ok()
    }

    #[test]
    fn duplicate_keys_are_reported() {
        let (issues, v) =
            check(r#"{"schemaVersion":1,"id":"a","title":1,"title":"t","title":"u"}"#);
        assert_eq!(issues, ["/title: field \"title\" is given more than once"]);
        assert_eq!(v.get("title"), Some(&Json::Str("u".into())));
    }

    #[test]
    fn under() {
        assert!(is_under("/a/b", "/a"));
        assert!(is_under("/a", "/a"));
        assert!(!is_under("/ab", "/a"));
        assert!(is_under("/x", ""));
    }
}
