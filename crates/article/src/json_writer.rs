//! A tiny JSON writer (serde_json would cost the viewer's wasm far more): objects,
//! lists, strings and whole numbers. The viewer writes its JSON-LD with it, and the
//! static site build its JSON-LD, JSON Feed and data blocks, so what a page carries
//! before and after the app starts is the same text.
//!
//! Strings are escaped for JSON and for the `<script>` element they may end up in:
//! `<`, `>`, `&`, U+2028 and U+2029 as `\uXXXX`, so the text can never close the
//! element or open a comment.

/// Appends JSON to a string; the caller keeps opens and closes balanced.
#[derive(Debug, Default)]
pub struct JsonWriter {
    /// The JSON written so far.
    pub out: String,
    /// A value was just written: the next key or item needs a comma.
    comma: bool,
}

impl JsonWriter {
    /// An empty writer.
    pub fn new() -> Self {
        Self::default()
    }

    fn sep(&mut self) {
        if self.comma {
            self.out.push(',');
        }
    }

    /// Opens an object (`{`) or a list (`[`).
    pub fn open(&mut self, c: char) {
        self.sep();
        self.out.push(c);
        self.comma = false;
    }

    /// Closes an object (`}`) or a list (`]`).
    pub fn close(&mut self, c: char) {
        self.out.push(c);
        self.comma = true;
    }

    /// An object key; its value follows.
    pub fn key(&mut self, k: &str) {
        self.sep();
        self.string(k);
        self.out.push(':');
        self.comma = false;
    }

    /// A string value.
    pub fn str(&mut self, v: &str) {
        self.sep();
        self.string(v);
        self.comma = true;
    }

    /// `"k":"v"`.
    pub fn field(&mut self, k: &str, v: &str) {
        self.key(k);
        self.str(v);
    }

    /// `"k":"v"` if there is a `v`.
    pub fn opt_field(&mut self, k: &str, v: Option<&str>) {
        if let Some(v) = v {
            self.field(k, v);
        }
    }

    /// A whole number.
    pub fn num(&mut self, n: usize) {
        self.sep();
        self.out.push_str(&n.to_string());
        self.comma = true;
    }

    /// JSON written elsewhere, as one value (the caller vouches for it).
    pub fn raw(&mut self, json: &str) {
        self.sep();
        self.out.push_str(json);
        self.comma = true;
    }

    fn string(&mut self, s: &str) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        self.out.push('"');
        for c in s.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\r' => self.out.push_str("\\r"),
                '\t' => self.out.push_str("\\t"),
                '\u{0}'..='\u{1f}' | '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
                    self.out.push_str("\\u");
                    let n = c as u32;
                    for shift in [12, 8, 4, 0] {
                        self.out.push(char::from(HEX[(n >> shift) as usize & 0xf]));
                    }
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }
}

#[cfg(all(test, feature = "serde"))]
mod tests {
    use super::JsonWriter;

    #[test]
    fn strings_are_escaped_for_json_and_for_the_script_element() {
        let nasty = "a\"b\\c/\n\r\t\u{0}\u{1}\u{1f}\u{7f}</script><!--&amp;\u{2028}\u{2029}\u{4e2d}\u{1f600}";
        let mut j = JsonWriter::new();
        j.str(nasty);
        for c in ['<', '>', '&', '\u{2028}', '\u{2029}'] {
            assert!(!j.out.contains(c), "{c:?} in {}", j.out);
        }
        assert!(!j.out.chars().any(|c| c < ' '), "{}", j.out);
        assert_eq!(serde_json::from_str::<String>(&j.out).unwrap(), nasty);
    }

    #[test]
    fn objects_lists_and_numbers_nest() {
        let mut j = JsonWriter::new();
        j.open('{');
        j.field("a", "x");
        j.key("b");
        j.open('[');
        j.num(1);
        j.raw("true");
        j.open('{');
        j.close('}');
        j.close(']');
        j.opt_field("c", None);
        j.close('}');
        assert_eq!(j.out, r#"{"a":"x","b":[1,true,{}]}"#);
    }
}
