//! A small JSON parser: the loader reads every document into this tree, then
//! `shape.rs` builds the typed article from it.
//!
//! It replaces serde_json in the viewer, whose parser, derived `Deserialize` impls
//! and float formatting cost the wasm far more. It is at least as strict as
//! serde_json (same grammar, same depth limit, no lone surrogates), keeps object keys
//! in document order and duplicates (reported by the shape check), and numbers as
//! their source text. Strings without escapes borrow from the input.

use std::borrow::Cow;

/// A parsed JSON value, borrowing from the text it was parsed from.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Json<'a> {
    Null,
    Bool(bool),
    /// The number exactly as written.
    Num(&'a str),
    Str(Cow<'a, str>),
    Arr(Vec<Json<'a>>),
    /// Members in document order, duplicates kept.
    Obj(Vec<(Cow<'a, str>, Json<'a>)>),
}

/// A syntax error with its 1-based line and column (in characters).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    pub(crate) line: usize,
    pub(crate) column: usize,
    pub(crate) message: &'static str,
}

/// serde_json's nesting limit, so both parsers agree on what is too deep.
const MAX_DEPTH: usize = 128;

/// Parses one JSON document.
pub(crate) fn parse(text: &str) -> Result<Json<'_>, SyntaxError> {
    let mut p = Parser {
        text,
        s: text.as_bytes(),
        i: 0,
        depth: 0,
        items: Vec::new(),
        members: Vec::new(),
    };
    let result = p.ws_value().and_then(|v| {
        p.ws();
        if p.i < p.s.len() {
            Err("trailing characters")
        } else {
            Ok(v)
        }
    });
    result.map_err(|message| {
        let at = p.i.min(text.len());
        // Back to a char boundary: the error may sit inside a multibyte character.
        let at = (0..=at)
            .rev()
            .find(|&k| text.is_char_boundary(k))
            .unwrap_or(0);
        let before = &text[..at];
        let line_start = before.rfind('\n').map_or(0, |n| n + 1);
        SyntaxError {
            line: before.bytes().filter(|&b| b == b'\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
            message,
        }
    })
}

struct Parser<'a> {
    text: &'a str,
    s: &'a [u8],
    i: usize,
    depth: usize,
    /// The items of the arrays being parsed, innermost last; each array takes its
    /// own off the end when it closes, so its `Vec` is allocated once, to size.
    items: Vec<Json<'a>>,
    /// The same for the members of objects.
    members: Vec<(Cow<'a, str>, Json<'a>)>,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn ws_value(&mut self) -> Result<Json<'a>, &'static str> {
        self.ws();
        self.value()
    }

    fn value(&mut self) -> Result<Json<'a>, &'static str> {
        match self.peek() {
            None => Err("EOF while parsing a value"),
            Some(b'n') => self.literal(b"null", Json::Null),
            Some(b't') => self.literal(b"true", Json::Bool(true)),
            Some(b'f') => self.literal(b"false", Json::Bool(false)),
            Some(b'"') => self.string().map(Json::Str),
            Some(b'[') => self.array(),
            Some(b'{') => self.object(),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err("expected value"),
        }
    }

    fn literal(&mut self, word: &[u8], v: Json<'a>) -> Result<Json<'a>, &'static str> {
        if self.s[self.i..].starts_with(word) {
            self.i += word.len();
            Ok(v)
        } else {
            Err("expected ident")
        }
    }

    fn enter(&mut self) -> Result<(), &'static str> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            Err("recursion limit exceeded")
        } else {
            Ok(())
        }
    }

    /// Steps over an opening bracket; true (and the container closed) when `close`
    /// follows at once.
    fn open(&mut self, close: u8) -> Result<bool, &'static str> {
        self.enter()?;
        self.i += 1;
        self.ws();
        let empty = self.peek() == Some(close);
        if empty {
            self.close();
        }
        Ok(empty)
    }

    /// Steps over a closing bracket.
    fn close(&mut self) {
        self.i += 1;
        self.depth -= 1;
    }

    /// After an item or a member: steps over a comma (false, more follows) or over
    /// `close` (true, the container is closed).
    fn comma_or(
        &mut self,
        close: u8,
        eof: &'static str,
        neither: &'static str,
    ) -> Result<bool, &'static str> {
        self.ws();
        match self.peek() {
            Some(b',') => {
                self.i += 1;
                Ok(false)
            }
            Some(c) if c == close => {
                self.close();
                Ok(true)
            }
            None => Err(eof),
            Some(_) => Err(neither),
        }
    }

    fn array(&mut self) -> Result<Json<'a>, &'static str> {
        if self.open(b']')? {
            return Ok(Json::Arr(Vec::new()));
        }
        let base = self.items.len();
        loop {
            let v = self.ws_value()?;
            self.items.push(v);
            if self.comma_or(b']', "EOF while parsing a list", "expected `,` or `]`")? {
                return Ok(Json::Arr(self.items.split_off(base)));
            }
            self.ws();
            if self.peek() == Some(b']') {
                return Err("trailing comma");
            }
        }
    }

    fn object(&mut self) -> Result<Json<'a>, &'static str> {
        if self.open(b'}')? {
            return Ok(Json::Obj(Vec::new()));
        }
        let base = self.members.len();
        loop {
            self.ws();
            match self.peek() {
                Some(b'"') => {}
                Some(b'}') => return Err("trailing comma"),
                None => return Err("EOF while parsing an object"),
                Some(_) => return Err("key must be a string"),
            }
            let key = self.string()?;
            self.ws();
            match self.peek() {
                Some(b':') => self.i += 1,
                None => return Err("EOF while parsing an object"),
                Some(_) => return Err("expected `:`"),
            }
            let v = self.ws_value()?;
            self.members.push((key, v));
            if self.comma_or(b'}', "EOF while parsing an object", "expected `,` or `}`")? {
                return Ok(Json::Obj(self.members.split_off(base)));
            }
        }
    }

    fn string(&mut self) -> Result<Cow<'a, str>, &'static str> {
        self.i += 1;
        let start = self.i;
        self.plain();
        if self.peek() == Some(b'"') {
            // No escapes: borrow. The input is a `str` and both ends sit next to
            // ASCII bytes, so they are char boundaries.
            self.i += 1;
            return Ok(Cow::Borrowed(&self.text[start..self.i - 1]));
        }
        let mut out = String::from(&self.text[start..self.i]);
        loop {
            match self.peek() {
                None => return Err("EOF while parsing a string"),
                Some(b'"') => {
                    self.i += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    self.i += 1;
                    let c = match self.peek() {
                        None => return Err("EOF while parsing a string"),
                        Some(b'u') => {
                            self.i += 1;
                            self.unicode_escape()?
                        }
                        Some(e) => {
                            let c = match e {
                                b'"' => '"',
                                b'\\' => '\\',
                                b'/' => '/',
                                b'b' => '\u{8}',
                                b'f' => '\u{c}',
                                b'n' => '\n',
                                b'r' => '\r',
                                b't' => '\t',
                                _ => return Err("invalid escape"),
                            };
                            self.i += 1;
                            c
                        }
                    };
                    out.push(c);
                }
                Some(_) => {
                    return Err("control character (\\u0000-\\u001F) found while parsing a string")
                }
            }
            let from = self.i;
            self.plain();
            out.push_str(&self.text[from..self.i]);
        }
    }

    /// Skips the characters of a string that need no attention, eight bytes at a
    /// time.
    fn plain(&mut self) {
        const ONES: u64 = u64::from_le_bytes([1; 8]);
        const HIGH: u64 = ONES << 7;
        let has_zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
        let start = self.i;
        for chunk in self.s[start..].chunks_exact(8) {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            let w = u64::from_le_bytes(word);
            // The high bit of each byte that is `"`, `\` or below 0x20. A borrow
            // can only mark bytes after a marked one, so the lowest mark is exact.
            let special = has_zero(w ^ (ONES * u64::from(b'"')))
                | has_zero(w ^ (ONES * u64::from(b'\\')))
                | (w.wrapping_sub(ONES * 0x20) & !w & HIGH);
            if special != 0 {
                self.i += special.trailing_zeros() as usize / 8;
                return;
            }
            self.i += 8;
        }
        while let Some(b) = self.peek() {
            if b == b'"' || b == b'\\' || b < 0x20 {
                break;
            }
            self.i += 1;
        }
    }

    /// After `\u`: four hex digits, and a second escape for a surrogate pair.
    fn unicode_escape(&mut self) -> Result<char, &'static str> {
        let hi = self.hex4()?;
        let code = match hi {
            0xd800..=0xdbff => {
                if self.s.get(self.i..self.i + 2) != Some(b"\\u") {
                    return Err("lone leading surrogate in hex escape");
                }
                self.i += 2;
                let lo = self.hex4()?;
                if !(0xdc00..=0xdfff).contains(&lo) {
                    return Err("lone leading surrogate in hex escape");
                }
                0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00)
            }
            0xdc00..=0xdfff => return Err("lone trailing surrogate in hex escape"),
            c => c,
        };
        char::from_u32(code).ok_or("invalid unicode code point")
    }

    fn hex4(&mut self) -> Result<u32, &'static str> {
        let digits = self
            .s
            .get(self.i..self.i + 4)
            .ok_or("EOF while parsing a string")?;
        let mut v = 0;
        for &d in digits {
            v = v * 16 + (d as char).to_digit(16).ok_or("invalid escape")?;
        }
        self.i += 4;
        Ok(v)
    }

    fn number(&mut self) -> Result<Json<'a>, &'static str> {
        let start = self.i;
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        match self.peek() {
            Some(b'0') => self.i += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err("invalid number"),
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            if !self.peek().is_some_and(|b| b.is_ascii_digit()) {
                return Err("invalid number");
            }
            self.digits();
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if !self.peek().is_some_and(|b| b.is_ascii_digit()) {
                return Err("invalid number");
            }
            self.digits();
        }
        Ok(Json::Num(&self.text[start..self.i]))
    }

    fn digits(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.i += 1;
        }
    }
}

impl<'a> Json<'a> {
    /// The value of the last member named `key`, if this is an object.
    pub(crate) fn get(&self, key: &str) -> Option<&Json<'a>> {
        match self {
            Json::Obj(m) => m.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The number as a `u64`, if it is written as one: digits only, in range. As
    /// for serde_json, `1.0`, `1e2` and `-0` are not (the last is a float there).
    pub(crate) fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Num(n) => n.parse().ok(),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> (usize, usize, &'static str) {
        let e = parse(text).unwrap_err();
        (e.line, e.column, e.message)
    }

    /// The tree as a `serde_json::Value` (the last of duplicate keys wins, as there).
    #[cfg(feature = "serde")]
    fn to_value(v: &Json<'_>) -> serde_json::Value {
        use serde_json::Value;
        match v {
            Json::Null => Value::Null,
            Json::Bool(b) => Value::Bool(*b),
            Json::Num(n) => serde_json::from_str(n).unwrap(),
            Json::Str(s) => Value::String(s.to_string()),
            Json::Arr(items) => Value::Array(items.iter().map(to_value).collect()),
            Json::Obj(m) => Value::Object(
                m.iter()
                    .map(|(k, v)| (k.to_string(), to_value(v)))
                    .collect(),
            ),
        }
    }

    #[cfg(feature = "serde")]
    #[test]
    fn parses_as_serde_json_does() {
        let text = r#"{"a":[1,-2.5e3,true,false,null],"b":"x\"\\\n\u00e9\ud83d\ude00","c":"\u4e2d文","a":{}}"#;
        let v = parse(text).unwrap();
        let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(to_value(&v), theirs);
        assert_eq!(
            v.get("a"),
            Some(&Json::Obj(vec![])),
            "the last duplicate wins"
        );
        assert_eq!(
            v.get("c"),
            Some(&Json::Str("\u{4e2d}\u{6587}".into())),
            "an escape and a plain character"
        );
        assert!(
            matches!(parse(r#""plain""#), Ok(Json::Str(Cow::Borrowed("plain")))),
            "strings without escapes are borrowed"
        );
    }

    #[test]
    fn syntax_errors_have_positions() {
        assert_eq!(err("{\n  \"title\": ,\n}"), (2, 12, "expected value"));
        assert_eq!(err("{\"\u{6807}\u{9898}\": x}"), (1, 8, "expected value"));
        assert_eq!(err("[1,]"), (1, 4, "trailing comma"));
        assert_eq!(err("{\"a\":1,}"), (1, 8, "trailing comma"));
        assert_eq!(err("[1 2]"), (1, 4, "expected `,` or `]`"));
        assert_eq!(err("{\"a\":1 2}"), (1, 8, "expected `,` or `}`"));
        assert_eq!(err("[1, 2"), (1, 6, "EOF while parsing a list"));
        assert_eq!(err("{\"a\":1"), (1, 7, "EOF while parsing an object"));
        assert_eq!(err("01"), (1, 2, "trailing characters"));
        assert_eq!(
            err("\"a\u{1}\""),
            (
                1,
                3,
                "control character (\\u0000-\\u001F) found while parsing a string"
            )
        );
        assert_eq!(
            err("\"\\ud800\""),
            (1, 8, "lone leading surrogate in hex escape")
        );
        assert_eq!(err(""), (1, 1, "EOF while parsing a value"));
        assert_eq!(err(&"[".repeat(200)).2, "recursion limit exceeded");
    }

    #[cfg(feature = "serde")]
    proptest::proptest! {
        /// Accepts exactly what serde_json accepts, and reads the same value
        /// (JSON-ish input, to reach deep).
        #[test]
        fn agrees_with_serde_json(s in "[\\[\\]{}:,\" \\\\ntrufalse0-9.eE+\\-uU\u{e9}\u{4e2d}\u{1}]{0,24}") {
            let ours = parse(&s);
            let theirs = serde_json::from_str::<serde_json::Value>(&s);
            proptest::prop_assert_eq!(ours.is_ok(), theirs.is_ok(), "{:?}", s);
            if let (Ok(ours), Ok(theirs)) = (ours, theirs) {
                proptest::prop_assert_eq!(to_value(&ours), theirs);
            }
        }

        /// Any text, written by serde_json, reads back.
        #[test]
        fn strings_round_trip(s in "\\PC*|[\"\\\\/\u{0}-\u{1f}\u{7f}\u{10000}-\u{10ffff}a]{0,12}") {
            let text = serde_json::to_string(&s).unwrap();
            proptest::prop_assert_eq!(parse(&text).unwrap(), Json::Str(s.into()));
        }
    }

    #[test]
    fn numbers() {
        assert_eq!(parse("4294967295").unwrap().as_u64(), Some(4_294_967_295));
        assert_eq!(parse("-0").unwrap().as_u64(), None);
        assert_eq!(parse("1e2").unwrap().as_u64(), None);
        assert_eq!(parse("18446744073709551616").unwrap().as_u64(), None);
        assert_eq!(parse("1.0").unwrap().as_u64(), None);
        assert_eq!(parse("-1").unwrap().as_u64(), None);
        for bad in ["-", "1.", ".5", "1e", "+1"] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }
}
