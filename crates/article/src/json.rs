//! A small JSON tree for the loader's slow path (documents with problems).
//!
//! `serde_json::Value` would do, but its parser, serializer and float formatting cost
//! the viewer's wasm about 10 KB (brotli); this module costs a fraction of that. It
//! is at least as strict as serde_json (same grammar, same depth limit, no lone
//! surrogates), keeps object keys in document order and duplicates (reported by the
//! shape check), and numbers as their source text.

use std::fmt::Write as _;

/// A parsed JSON value.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Json {
    Null,
    Bool(bool),
    /// The number exactly as written.
    Num(String),
    Str(String),
    Arr(Vec<Json>),
    /// Members in document order, duplicates kept.
    Obj(Vec<(String, Json)>),
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
pub(crate) fn parse(text: &str) -> Result<Json, SyntaxError> {
    let mut p = Parser {
        s: text.as_bytes(),
        i: 0,
        depth: 0,
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
    s: &'a [u8],
    i: usize,
    depth: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn ws_value(&mut self) -> Result<Json, &'static str> {
        self.ws();
        self.value()
    }

    fn value(&mut self) -> Result<Json, &'static str> {
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

    fn literal(&mut self, word: &[u8], v: Json) -> Result<Json, &'static str> {
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

    fn array(&mut self) -> Result<Json, &'static str> {
        self.enter()?;
        self.i += 1;
        let mut items = Vec::new();
        self.ws();
        if self.peek() == Some(b']') {
            self.i += 1;
            self.depth -= 1;
            return Ok(Json::Arr(items));
        }
        loop {
            items.push(self.ws_value()?);
            self.ws();
            match self.peek() {
                Some(b',') => {
                    self.i += 1;
                    self.ws();
                    if self.peek() == Some(b']') {
                        return Err("trailing comma");
                    }
                }
                Some(b']') => break,
                None => return Err("EOF while parsing a list"),
                Some(_) => return Err("expected `,` or `]`"),
            }
        }
        self.i += 1;
        self.depth -= 1;
        Ok(Json::Arr(items))
    }

    fn object(&mut self) -> Result<Json, &'static str> {
        self.enter()?;
        self.i += 1;
        let mut members = Vec::new();
        self.ws();
        if self.peek() == Some(b'}') {
            self.i += 1;
            self.depth -= 1;
            return Ok(Json::Obj(members));
        }
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
            members.push((key, v));
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b'}') => break,
                None => return Err("EOF while parsing an object"),
                Some(_) => return Err("expected `,` or `}`"),
            }
        }
        self.i += 1;
        self.depth -= 1;
        Ok(Json::Obj(members))
    }

    fn string(&mut self) -> Result<String, &'static str> {
        self.i += 1;
        let mut out = String::new();
        loop {
            let start = self.i;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.i += 1;
            }
            // The input is a `str` and we stopped at an ASCII byte: a char boundary.
            out.push_str(std::str::from_utf8(&self.s[start..self.i]).map_err(|_| "invalid UTF-8")?);
            match self.peek() {
                None => return Err("EOF while parsing a string"),
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.i += 1;
                    let c = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.i += 1;
                            let c = self.unicode_escape()?;
                            out.push(c);
                            continue;
                        }
                        None => return Err("EOF while parsing a string"),
                        Some(_) => return Err("invalid escape"),
                    };
                    self.i += 1;
                    out.push(c);
                }
                Some(_) => {
                    return Err("control character (\\u0000-\\u001F) found while parsing a string")
                }
            }
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

    fn number(&mut self) -> Result<Json, &'static str> {
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
        let raw = std::str::from_utf8(&self.s[start..self.i]).map_err(|_| "invalid number")?;
        Ok(Json::Num(raw.to_owned()))
    }

    fn digits(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.i += 1;
        }
    }
}

impl Json {
    /// Writes the value as compact JSON.
    pub(crate) fn write(&self, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Num(n) => out.push_str(n),
            Json::Str(s) => write_str(s, out),
            Json::Arr(items) => {
                out.push('[');
                for (k, v) in items.iter().enumerate() {
                    if k > 0 {
                        out.push(',');
                    }
                    v.write(out);
                }
                out.push(']');
            }
            Json::Obj(members) => {
                out.push('{');
                for (k, (key, v)) in members.iter().enumerate() {
                    if k > 0 {
                        out.push(',');
                    }
                    write_str(key, out);
                    out.push(':');
                    v.write(out);
                }
                out.push('}');
            }
        }
    }

    /// The value of the last member named `key`, if this is an object.
    pub(crate) fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(m) => m.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The number as a `u64`, if it is a whole number in range (`-0` is 0).
    pub(crate) fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Num(n) => {
                let digits = n.strip_prefix('-').filter(|d| d.bytes().all(|b| b == b'0'));
                match digits {
                    Some(_) => Some(0),
                    None => n.parse().ok(),
                }
            }
            _ => None,
        }
    }
}

fn write_str(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> (usize, usize, &'static str) {
        let e = parse(text).unwrap_err();
        (e.line, e.column, e.message)
    }

    #[test]
    fn parses_and_writes_back() {
        let text = r#"{"a":[1,-2.5e3,true,false,null],"b":"x\"\\\n\u00e9\ud83d\ude00","a":{}}"#;
        let v = parse(text).unwrap();
        let mut out = String::new();
        v.write(&mut out);
        let again: serde_json::Value = serde_json::from_str(&out).unwrap();
        let first: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(again, first);
        assert_eq!(
            v.get("a"),
            Some(&Json::Obj(vec![])),
            "the last duplicate wins"
        );
    }

    #[test]
    fn syntax_errors_have_positions() {
        assert_eq!(err("{\n  \"title\": ,\n}"), (2, 12, "expected value"));
        assert_eq!(err("{\"\u{6807}\u{9898}\": x}"), (1, 8, "expected value"));
        assert_eq!(err("[1,]"), (1, 4, "trailing comma"));
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

    proptest::proptest! {
        /// Accepts exactly what serde_json accepts (JSON-ish input, to reach deep).
        #[test]
        fn agrees_with_serde_json(s in "[\\[\\]{}:,\" \\\\ntrufalse0-9.eE+\\-uU\u{e9}\u{4e2d}\u{1}]{0,24}") {
            let ours = parse(&s).is_ok();
            let theirs = serde_json::from_str::<serde_json::Value>(&s).is_ok();
            proptest::prop_assert_eq!(ours, theirs, "{:?}", s);
        }
    }

    #[test]
    fn numbers() {
        assert_eq!(parse("4294967295").unwrap().as_u64(), Some(4_294_967_295));
        assert_eq!(parse("-0").unwrap().as_u64(), Some(0));
        assert_eq!(parse("1.0").unwrap().as_u64(), None);
        assert_eq!(parse("-1").unwrap().as_u64(), None);
        for bad in ["-", "1.", ".5", "1e", "+1"] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }
}
