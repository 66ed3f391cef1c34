//! The typed model from a parsed JSON tree, in one walk that also collects every
//! type mistake with its JSON pointer.
//!
//! The walk follows the types of `model.rs` field by field (the tests check that it
//! reads exactly what serde's derived `Deserialize` reads). Each value of the wrong
//! type is reported and *repaired*: an optional field is left out, a required one
//! replaced by a placeholder of the right type, so the walk goes on and the meaning
//! checks still run: a file with type and meaning mistakes gets all of them reported.
//! Meaning problems at or under a repaired path are dropped by the caller, since they
//! would only describe the placeholder.
//!
//! Unknown fields are mistakes (usually a typo such as `titel`), except names that
//! start with `_`, which are extensions as in JSON Feed 1.1. Keys given twice are
//! mistakes too; the last one counts.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use crate::json::Json;
use crate::model::{
    Article, ArticleIndex, Attachment, Author, Block, Cell, IndexEntry, Inline, Link, Section, Span,
};
use crate::validate::Issue;

type Members<'a> = Vec<(Cow<'a, str>, Json<'a>)>;

/// Builds a `T` from `doc`, with every type problem in document order (a wrong
/// value's own problem before those of the values after it). Problems are repaired,
/// so there is always a `T`.
pub(crate) fn build<T: Build>(doc: Json<'_>) -> (T, Vec<Issue>) {
    let mut b = Builder {
        issues: Vec::new(),
        path: String::new(),
    };
    let t = b.value(doc).unwrap_or_else(T::placeholder);
    (t, b.issues)
}

/// A type the walk builds from JSON.
pub(crate) trait Build: Sized {
    /// What a value of another JSON type is reported as, "expected …".
    const EXPECTED: &'static str;
    /// `Err(v)` when `v` itself has the wrong JSON type (the caller reports it);
    /// mistakes inside `v` are reported and repaired here.
    fn build<'a>(b: &mut Builder, v: Json<'a>) -> Result<Self, Json<'a>>;
    /// A value that stands in for a wrong or missing one; never shown to a reader.
    fn placeholder() -> Self;
}

pub(crate) struct Builder {
    issues: Vec<Issue>,
    /// JSON pointer of the value being built.
    path: String,
}

/// An object's members, duplicates removed, and which of them the walk has taken.
struct Obj<'a> {
    members: Members<'a>,
    /// Bit `i`: member `i` was taken.
    taken: u64,
    /// The same from member 64 on (allocated for such large objects only).
    more: Vec<bool>,
}

impl<'a> Obj<'a> {
    fn take(&mut self, name: &str) -> Option<Json<'a>> {
        let i = self.members.iter().position(|(k, _)| k == name)?;
        match i.checked_sub(64) {
            None => self.taken |= 1 << i,
            Some(j) => self.more[j] = true,
        }
        Some(std::mem::replace(&mut self.members[i].1, Json::Null))
    }

    fn is_taken(&self, i: usize) -> bool {
        match i.checked_sub(64) {
            None => self.taken & (1 << i) != 0,
            Some(j) => self.more[j],
        }
    }

    fn all_taken(&self) -> bool {
        (0..self.members.len()).all(|i| self.is_taken(i))
    }
}

impl Builder {
    fn push(&mut self, message: String) {
        self.issues.push(Issue {
            path: self.path.clone(),
            message,
        });
    }

    /// `v` as a `T`; `None` (reported) when `v` has the wrong type.
    fn value<T: Build>(&mut self, v: Json<'_>) -> Option<T> {
        match T::build(self, v) {
            Ok(t) => Some(t),
            Err(v) => {
                self.push(format!("expected {}, found {}", T::EXPECTED, found(&v)));
                None
            }
        }
    }

    fn items<T: Build>(&mut self, items: Vec<Json<'_>>) -> Vec<T> {
        let len = self.path.len();
        let mut out = Vec::with_capacity(items.len());
        for (i, v) in items.into_iter().enumerate() {
            self.path.push('/');
            self.path.push_str(itoa(i, &mut [0; 20]));
            out.push(self.value(v).unwrap_or_else(T::placeholder));
            self.path.truncate(len);
        }
        out
    }

    /// Starts reading an object: keys given twice are reported, the last kept.
    fn object<'a>(&mut self, mut members: Members<'a>) -> Obj<'a> {
        if has_duplicates(&members) {
            self.duplicates(&mut members);
        }
        Obj {
            more: vec![false; members.len().saturating_sub(64)],
            members,
            taken: 0,
        }
    }

    /// Runs `f` with `name` appended to the path.
    fn at<R>(&mut self, name: &str, f: impl FnOnce(&mut Self) -> R) -> R {
        let len = self.path.len();
        self.path.push('/');
        self.path.push_str(name);
        let r = f(self);
        self.path.truncate(len);
        r
    }

    /// A field that must be present.
    fn req<T: Build>(&mut self, o: &mut Obj<'_>, name: &'static str) -> T {
        self.at(name, |b| match o.take(name) {
            None => {
                b.push(format!("missing required field \"{name}\""));
                T::placeholder()
            }
            Some(v) => b.value(v).unwrap_or_else(T::placeholder),
        })
    }

    /// A field that may be absent or `null` (`Option<T>`).
    fn opt<T: Build>(&mut self, o: &mut Obj<'_>, name: &'static str) -> Option<T> {
        match o.take(name)? {
            Json::Null => None,
            v => self.at(name, |b| b.value(v)),
        }
    }

    /// A field that may be absent, not `null` (`#[serde(default)]`).
    fn def<T: Build>(&mut self, o: &mut Obj<'_>, name: &'static str, default: fn() -> T) -> T {
        match o.take(name) {
            None => default(),
            Some(v) => self.at(name, |b| b.value(v).unwrap_or_else(default)),
        }
    }

    /// Ends an object: the members the walk did not take are unknown fields, unless
    /// they are extensions (`_…`) or `lenient` (the index ignores unknown fields).
    fn finish(&mut self, o: Obj<'_>, lenient: bool) {
        if lenient || o.all_taken() {
            return;
        }
        let len = self.path.len();
        for (i, (k, _)) in o.members.iter().enumerate() {
            if o.is_taken(i) || k.starts_with('_') {
                continue;
            }
            self.path.push('/');
            push_escaped(&mut self.path, k);
            self.push(format!(
                "unknown field \"{}\" (extension fields must start with \"_\")",
                excerpt(k)
            ));
            self.path.truncate(len);
        }
    }

    /// Reports keys given twice and keeps the last, as JSON parsers commonly do.
    fn duplicates(&mut self, map: &mut Members<'_>) {
        let keep = last_of_each_key(map);
        let len = self.path.len();
        let mut reported = HashSet::new();
        for ((k, _), kept) in map.iter().zip(&keep) {
            if !kept && reported.insert(k.clone()) {
                self.path.push('/');
                push_escaped(&mut self.path, k);
                self.push(format!("field \"{}\" is given more than once", excerpt(k)));
                self.path.truncate(len);
            }
        }
        let mut flags = keep.into_iter();
        map.retain(|_| flags.next().unwrap_or(true));
    }
}

/// For each member, whether it is the last one with its key (the one kept).
pub(crate) fn last_of_each_key(map: &[(Cow<'_, str>, Json<'_>)]) -> Vec<bool> {
    let mut last: HashMap<&str, usize> = HashMap::with_capacity(map.len());
    for (i, (k, _)) in map.iter().enumerate() {
        last.insert(k, i);
    }
    map.iter()
        .enumerate()
        .map(|(i, (k, _))| last.get(k.as_ref()) == Some(&i))
        .collect()
}

fn has_duplicates(map: &Members<'_>) -> bool {
    match map.len() {
        0 | 1 => false,
        // Objects are small: comparing pairs beats hashing.
        n if n <= 24 => (1..n).any(|i| map[..i].iter().any(|(k, _)| *k == map[i].0)),
        _ => {
            let mut seen = HashSet::with_capacity(map.len());
            !map.iter().all(|(k, _)| seen.insert(k.as_ref()))
        }
    }
}

/// `n` in decimal, without `core::fmt`.
fn itoa(mut n: usize, buf: &mut [u8; 20]) -> &str {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    std::str::from_utf8(&buf[i..]).unwrap_or_default()
}

impl Build for String {
    const EXPECTED: &'static str = "a string";
    fn build<'a>(_: &mut Builder, v: Json<'a>) -> Result<Self, Json<'a>> {
        match v {
            Json::Str(s) => Ok(s.into_owned()),
            v => Err(v),
        }
    }
    fn placeholder() -> Self {
        "x".to_owned()
    }
}

/// `v` as a whole number, if it has one that fits `N`.
fn whole<'a, N: TryFrom<u64>>(v: Json<'a>) -> Result<N, Json<'a>> {
    match v.as_u64().and_then(|n| N::try_from(n).ok()) {
        Some(n) => Ok(n),
        None => Err(v),
    }
}

impl Build for u32 {
    const EXPECTED: &'static str = "a whole number from 0 to 4294967295";
    fn build<'a>(_: &mut Builder, v: Json<'a>) -> Result<Self, Json<'a>> {
        whole(v)
    }
    fn placeholder() -> Self {
        1
    }
}

impl Build for u64 {
    const EXPECTED: &'static str = "a whole number from 0 to 18446744073709551615";
    fn build<'a>(_: &mut Builder, v: Json<'a>) -> Result<Self, Json<'a>> {
        whole(v)
    }
    fn placeholder() -> Self {
        1
    }
}

impl Build for bool {
    const EXPECTED: &'static str = "true or false";
    fn build<'a>(_: &mut Builder, v: Json<'a>) -> Result<Self, Json<'a>> {
        match v {
            Json::Bool(b) => Ok(b),
            v => Err(v),
        }
    }
    fn placeholder() -> Self {
        false
    }
}

impl<T: Build> Build for Vec<T> {
    const EXPECTED: &'static str = "a list";
    fn build<'a>(b: &mut Builder, v: Json<'a>) -> Result<Self, Json<'a>> {
        match v {
            Json::Arr(items) => Ok(b.items(items)),
            v => Err(v),
        }
    }
    fn placeholder() -> Self {
        Vec::new()
    }
}

impl Build for Inline {
    const EXPECTED: &'static str = "text (a string or a list of spans)";
    fn build<'a>(b: &mut Builder, v: Json<'a>) -> Result<Self, Json<'a>> {
        match v {
            Json::Str(s) => Ok(Inline::Text(s.into_owned())),
            Json::Arr(items) => Ok(Inline::Spans(b.items(items))),
            v => Err(v),
        }
    }
    fn placeholder() -> Self {
        Inline::Text(String::placeholder())
    }
}

impl Build for Span {
    const EXPECTED: &'static str = "a span (a string or an object with \"text\")";
    fn build<'a>(b: &mut Builder, v: Json<'a>) -> Result<Self, Json<'a>> {
        let m = match v {
            Json::Str(s) => return Ok(Span::Text(s.into_owned())),
            Json::Obj(m) => m,
            v => return Err(v),
        };
        let mut o = b.object(m);
        let span = Span::Styled {
            text: b.req(&mut o, "text"),
            emphasis: b.def(&mut o, "emphasis", bool::default),
            strong: b.def(&mut o, "strong", bool::default),
            href: b.opt(&mut o, "href"),
        };
        b.finish(o, false);
        Ok(span)
    }
    fn placeholder() -> Self {
        Span::Text(String::placeholder())
    }
}

const BLOCK_TYPES: &str = "paragraph, subheading, list, quote, figure, table or footnote";

impl Build for Block {
    const EXPECTED: &'static str = "a block (an object with \"type\")";
    fn build<'a>(b: &mut Builder, v: Json<'a>) -> Result<Self, Json<'a>> {
        let Json::Obj(m) = v else { return Err(v) };
        let mut o = b.object(m);
        let kind = b.at("type", |b| match o.take("type") {
            None => {
                b.push(format!("missing required field \"type\" ({BLOCK_TYPES})"));
                None
            }
            Some(Json::Str(t)) => match t.as_ref() {
                "paragraph" | "subheading" | "list" | "quote" | "figure" | "table" | "footnote" => {
                    Some(t)
                }
                _ => {
                    b.push(format!(
                        "unknown block type \"{}\" (expected {BLOCK_TYPES})",
                        excerpt(&t)
                    ));
                    None
                }
            },
            Some(other) => {
                b.push(format!(
                    "expected the block type ({BLOCK_TYPES}), found {}",
                    found(&other)
                ));
                None
            }
        });
        // Without a known type the other fields cannot be checked: a placeholder
        // paragraph stands in, and the rest of the document is still checked.
        let Some(kind) = kind else {
            return Ok(Block::placeholder());
        };
        let block = match kind.as_ref() {
            "paragraph" => Block::Paragraph {
                text: b.req(&mut o, "text"),
            },
            "subheading" => Block::Subheading {
                text: b.req(&mut o, "text"),
            },
            "list" => Block::List {
                ordered: b.def(&mut o, "ordered", bool::default),
                items: b.req(&mut o, "items"),
            },
            "quote" => Block::Quote {
                text: b.req(&mut o, "text"),
                cite: b.opt(&mut o, "cite"),
            },
            "figure" => Block::Figure {
                src: b.req(&mut o, "src"),
                alt: b.req(&mut o, "alt"),
                caption: b.opt(&mut o, "caption"),
                width: b.opt(&mut o, "width"),
                height: b.opt(&mut o, "height"),
            },
            "table" => Block::Table {
                caption: b.opt(&mut o, "caption"),
                head: b.def(&mut o, "head", Vec::new),
                rows: b.req(&mut o, "rows"),
            },
            _ => Block::Footnote {
                id: b.opt(&mut o, "id"),
                text: b.req(&mut o, "text"),
            },
        };
        b.finish(o, false);
        Ok(block)
    }
    fn placeholder() -> Self {
        Block::paragraph(String::placeholder())
    }
}

/// A struct read from a JSON object, field by field: its [`Build`] is the same walk
/// for each.
trait Record: Sized {
    /// Unknown fields are ignored rather than reported, as in the index.
    const LENIENT: bool = false;
    /// [`Build::EXPECTED`].
    const EXPECTED: &'static str = "an object";
    /// Takes the fields from `o`, in the order their problems are to be reported.
    fn fields(b: &mut Builder, o: &mut Obj<'_>) -> Self;
    /// [`Build::placeholder`].
    fn stand_in() -> Self;
}

impl<T: Record> Build for T {
    const EXPECTED: &'static str = T::EXPECTED;
    fn build<'a>(b: &mut Builder, v: Json<'a>) -> Result<Self, Json<'a>> {
        let Json::Obj(m) = v else { return Err(v) };
        let mut o = b.object(m);
        let t = T::fields(b, &mut o);
        b.finish(o, T::LENIENT);
        Ok(t)
    }
    fn placeholder() -> Self {
        T::stand_in()
    }
}

impl Record for Cell {
    fn fields(b: &mut Builder, o: &mut Obj<'_>) -> Self {
        Cell {
            text: b.req(o, "text"),
            header: b.def(o, "header", bool::default),
            colspan: b.opt(o, "colspan"),
            rowspan: b.opt(o, "rowspan"),
        }
    }
    fn stand_in() -> Self {
        Cell::text(String::placeholder())
    }
}

impl Record for Attachment {
    fn fields(b: &mut Builder, o: &mut Obj<'_>) -> Self {
        Attachment {
            name: b.req(o, "name"),
            url: b.req(o, "url"),
            kind: b.opt(o, "type"),
            size: b.opt(o, "size"),
        }
    }
    fn stand_in() -> Self {
        Attachment {
            name: String::placeholder(),
            url: String::placeholder(),
            kind: None,
            size: None,
        }
    }
}

impl Record for Section {
    const EXPECTED: &'static str = "a section (an object with \"heading\")";
    fn fields(b: &mut Builder, o: &mut Obj<'_>) -> Self {
        Section {
            id: b.opt(o, "id"),
            heading: b.req(o, "heading"),
            blocks: b.def(o, "blocks", Vec::new),
            sections: b.def(o, "sections", Vec::new),
        }
    }
    fn stand_in() -> Self {
        Section {
            id: None,
            heading: String::placeholder(),
            blocks: Vec::new(),
            sections: Vec::new(),
        }
    }
}

impl Record for Link {
    fn fields(b: &mut Builder, o: &mut Obj<'_>) -> Self {
        Link {
            name: b.req(o, "name"),
            url: b.opt(o, "url"),
        }
    }
    fn stand_in() -> Self {
        Link {
            name: String::placeholder(),
            url: None,
        }
    }
}

impl Record for Author {
    fn fields(b: &mut Builder, o: &mut Obj<'_>) -> Self {
        Author {
            name: b.req(o, "name"),
            role: b.opt(o, "role"),
            affiliation: b.opt(o, "affiliation"),
            url: b.opt(o, "url"),
        }
    }
    fn stand_in() -> Self {
        Author {
            name: String::placeholder(),
            role: None,
            affiliation: None,
            url: None,
        }
    }
}

impl Record for Article {
    fn fields(b: &mut Builder, o: &mut Obj<'_>) -> Self {
        // Fields are read in the order written, which is the order of the problems.
        Article {
            schema_version: b.req(o, "schemaVersion"),
            id: b.req(o, "id"),
            url: b.opt(o, "url"),
            lang: b.def(o, "lang", crate::model::default_lang),
            site: b.opt(o, "site"),
            breadcrumb: b.def(o, "breadcrumb", Vec::new),
            section: b.opt(o, "section"),
            kicker: b.opt(o, "kicker"),
            title: b.req(o, "title"),
            subtitle: b.opt(o, "subtitle"),
            published: b.opt(o, "published"),
            modified: b.opt(o, "modified"),
            authors: b.def(o, "authors", Vec::new),
            source: b.opt(o, "source"),
            editor: b.opt(o, "editor"),
            summary: b.opt(o, "summary"),
            keywords: b.def(o, "keywords", Vec::new),
            lead: b.def(o, "lead", Vec::new),
            sections: b.def(o, "sections", Vec::new),
            source_note: b.opt(o, "sourceNote"),
            author_note: b.opt(o, "authorNote"),
            original_url: b.opt(o, "originalUrl"),
            disclaimer: b.opt(o, "disclaimer"),
            attachments: b.def(o, "attachments", Vec::new),
        }
    }
    fn stand_in() -> Self {
        let x = String::placeholder;
        let mut a = Article::new(x(), x());
        a.schema_version = u32::placeholder();
        a
    }
}

impl Record for IndexEntry {
    const LENIENT: bool = true;
    fn fields(b: &mut Builder, o: &mut Obj<'_>) -> Self {
        IndexEntry {
            id: b.req(o, "id"),
            title: b.req(o, "title"),
            date: b.opt(o, "date"),
            section: b.opt(o, "section"),
            summary: b.opt(o, "summary"),
        }
    }
    fn stand_in() -> Self {
        IndexEntry {
            id: String::placeholder(),
            title: String::placeholder(),
            date: None,
            section: None,
            summary: None,
        }
    }
}

impl Record for ArticleIndex {
    const LENIENT: bool = true;
    fn fields(b: &mut Builder, o: &mut Obj<'_>) -> Self {
        ArticleIndex {
            schema_version: b.req(o, "schemaVersion"),
            articles: b.req(o, "articles"),
        }
    }
    fn stand_in() -> Self {
        ArticleIndex {
            schema_version: u32::placeholder(),
            articles: Vec::new(),
        }
    }
}

/// RFC 6901 escaping of one reference token.
pub(crate) fn push_escaped(path: &mut String, key: &str) {
    for c in key.chars() {
        match c {
            '~' => path.push_str("~0"),
            '/' => path.push_str("~1"),
            c => path.push(c),
        }
    }
}

pub(crate) fn found(v: &Json<'_>) -> String {
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
pub(crate) fn excerpt(s: &str) -> String {
    match s.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(json: &str) -> (Vec<String>, Article) {
        let (a, issues) = build::<Article>(crate::json::parse(json).unwrap());
        (issues.iter().map(ToString::to_string).collect(), a)
    }

    #[test]
    fn clean_document_has_no_issues_and_only_loses_extensions() {
        let json = r#"{"schemaVersion":1,"id":"a","title":"t","site":null,
            "sections":[{"heading":"h","blocks":[{"type":"figure","src":"a.png","alt":"a","width":3},
            {"type":"paragraph","text":["a",{"text":"b","strong":true}]}]}],"_ext":{"any":1}}"#;
        let (issues, a) = check(json);
        assert!(issues.is_empty(), "{issues:?}");
        let mut expected = Article::new("a", "t");
        expected.sections.push(Section {
            id: None,
            heading: "h".into(),
            blocks: vec![
                Block::Figure {
                    src: "a.png".into(),
                    alt: "a".into(),
                    caption: None,
                    width: Some(3),
                    height: None,
                },
                Block::Paragraph {
                    text: Inline::Spans(vec![
                        Span::Text("a".into()),
                        Span::Styled {
                            text: "b".into(),
                            emphasis: false,
                            strong: true,
                            href: None,
                        },
                    ]),
                },
            ],
            sections: vec![],
        });
        assert_eq!(a, expected);
    }

    #[test]
    fn every_type_error_is_reported_and_repaired() {
        let (issues, a) = check(
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
                "/sections/0/blocks/0/type: unknown block type \"image\" (expected paragraph, subheading, list, quote, figure, table or footnote)",
                "/sections/0/blocks/1/type: missing required field \"type\" (paragraph, subheading, list, quote, figure, table or footnote)",
                "/sections/0/blocks/2/width: expected a whole number from 0 to 4294967295, found the number -3",
                "/sections/0/blocks/3/text/0: expected a span (a string or an object with \"text\"), found the number 1",
                "/sections/0/sections/0/heading: expected a string, found a list",
                "/titel: unknown field \"titel\" (extension fields must start with \"_\")",
                "/a~1b~0: unknown field \"a/b~\" (extension fields must start with \"_\")",
            ]
        );
        assert_eq!(a.authors.len(), 3);
        assert_eq!(a.lang, "zh-CN", "a wrong defaulted field takes its default");
        assert_eq!(a.sections[0].blocks[0], Block::placeholder());
    }

    #[test]
    fn root_must_be_an_object() {
        let (issues, a) = check("[1]");
        assert_eq!(issues, ["/: expected an object, found a list"]);
        assert_eq!(a, Article::placeholder());
    }

    #[test]
    fn duplicate_keys_are_reported() {
        let (issues, a) =
            check(r#"{"schemaVersion":1,"id":"a","title":1,"title":"t","title":"u"}"#);
        assert_eq!(issues, ["/title: field \"title\" is given more than once"]);
        assert_eq!(a.title, "u");
        let many: String = (0..80).map(|i| format!(r#""_{i}":0,"#)).collect();
        let (issues, _) = check(&format!(
            r#"{{{many}"_3":1,"schemaVersion":1,"id":"a","title":"t","titel":"t"}}"#
        ));
        assert_eq!(
            issues,
            [
                "/_3: field \"_3\" is given more than once",
                "/titel: unknown field \"titel\" (extension fields must start with \"_\")"
            ],
            "fields after the 64th are read too"
        );
    }

    #[test]
    fn the_index_ignores_unknown_fields() {
        let (index, issues) = build::<ArticleIndex>(
            crate::json::parse(
                r#"{"schemaVersion":1,"x":1,"articles":[{"id":"a","title":"t","y":2},{"id":3}]}"#,
            )
            .unwrap(),
        );
        let issues: Vec<String> = issues.iter().map(ToString::to_string).collect();
        assert_eq!(
            issues,
            [
                "/articles/1/id: expected a string, found the number 3",
                "/articles/1/title: missing required field \"title\"",
            ]
        );
        assert_eq!(index.articles[0].id, "a");
    }

    #[test]
    fn decimal() {
        for n in [0, 7, 10, 1234, usize::MAX] {
            assert_eq!(itoa(n, &mut [0; 20]), n.to_string());
        }
    }
}
