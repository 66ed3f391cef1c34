//! The article wire format (JSON, camelCase keys), version [`SCHEMA_VERSION`], and
//! the article index's.
//!
//! Optional fields are omitted when absent, never written as empty strings. Text is
//! always text: inline content is a string or a list of structured spans, never HTML.

#[cfg(feature = "serde")]
use std::fmt;

#[cfg(feature = "serde")]
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

/// The newest `schemaVersion` this code reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

pub(crate) fn default_lang() -> String {
    "zh-CN".to_owned()
}

/// One article, as served to the viewer.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "serde",
    serde(rename_all = "camelCase", deny_unknown_fields)
)]
pub struct Article {
    /// Format version; a file newer than [`SCHEMA_VERSION`] is refused by validation.
    pub schema_version: u32,
    /// Stable identifier (ASCII letters, digits, `-`, `_`).
    pub id: String,
    /// Canonical URL of the article, if it has one.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub url: Option<String>,
    /// BCP 47 language tag, `zh-CN` when absent.
    #[cfg_attr(feature = "serde", serde(default = "default_lang"))]
    pub lang: String,
    /// The publishing site.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub site: Option<Link>,
    /// Where the article sits in the site, outermost first (首页 › 理论研究 › 正文).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub breadcrumb: Vec<Link>,
    /// The column the article belongs to, e.g. 理论研究.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub section: Option<String>,
    /// A short line above the title (引题).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub kicker: Option<String>,
    /// The headline.
    pub title: String,
    /// A line below the title (副题).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub subtitle: Option<String>,
    /// Publication date or date-time, ISO 8601 (`2024-05-19`, `2024-05-19T16:37:00+08:00`).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub published: Option<String>,
    /// Last modification, same format as `published`.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub modified: Option<String>,
    /// Authors as the page names them.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub authors: Vec<Author>,
    /// Where the article comes from (来源).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub source: Option<Link>,
    /// Responsible editor (责任编辑).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub editor: Option<String>,
    /// Abstract (摘要).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub summary: Option<String>,
    /// Keywords (关键词).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub keywords: Vec<String>,
    /// Blocks before the first section heading.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub lead: Vec<Block>,
    /// The body, by section.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub sections: Vec<Section>,
    /// Trailing source line, e.g. 来源:甘肃人大客户端.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub source_note: Option<String>,
    /// Trailing note about the author, e.g. 王兴继(作者系…).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub author_note: Option<String>,
    /// Link to the original publication (原文链接).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub original_url: Option<String>,
    /// The disclaimer (免责声明), without its label.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub disclaimer: Option<String>,
}

/// A name and perhaps a URL: the publishing site, a breadcrumb step, the source
/// (来源).
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Link {
    /// Display name, e.g. 政讯通中心, 理论研究, 甘肃人大网.
    pub name: String,
    /// Where it links, if anywhere.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub url: Option<String>,
}

/// An author.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Author {
    /// Name as printed; 佚名 for an anonymous author.
    pub name: String,
    /// Role, e.g. 记者, 通讯员.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub role: Option<String>,
    /// Affiliation.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub affiliation: Option<String>,
    /// Profile page.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub url: Option<String>,
}

/// The article index (`articles/index.json`), newest first.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct ArticleIndex {
    /// Format version, as for articles.
    pub schema_version: u32,
    /// The entries, newest first.
    pub articles: Vec<IndexEntry>,
}

/// One article in the index.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct IndexEntry {
    /// The article id; the article lives at `<id>.json` beside the index.
    pub id: String,
    /// The headline.
    pub title: String,
    /// Publication date, `YYYY-MM-DD`.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub date: Option<String>,
    /// The column, e.g. 理论研究.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub section: Option<String>,
    /// One or two sentences for the list page.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub summary: Option<String>,
}

/// A section of the body, with optional nested subsections.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Section {
    /// Stable ASCII anchor; generated as `sec-1`, `sec-1-2` when absent.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub id: Option<String>,
    /// The heading text.
    pub heading: String,
    /// Content directly under the heading.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub blocks: Vec<Block>,
    /// Nested subsections.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub sections: Vec<Section>,
}

/// A block of body content, tagged by `type`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "serde",
    serde(tag = "type", rename_all = "camelCase", deny_unknown_fields)
)]
pub enum Block {
    /// A paragraph.
    Paragraph {
        /// Its text.
        text: Inline,
    },
    /// A heading inside a section that does not start a TOC entry.
    Subheading {
        /// Its text.
        text: String,
    },
    /// An ordered or unordered list.
    List {
        /// Numbered when true.
        #[cfg_attr(feature = "serde", serde(default))]
        ordered: bool,
        /// The items.
        items: Vec<Inline>,
    },
    /// A block quotation.
    Quote {
        /// The quoted text.
        text: Inline,
        /// Who or what is quoted.
        #[cfg_attr(
            feature = "serde",
            serde(default, skip_serializing_if = "Option::is_none")
        )]
        cite: Option<String>,
    },
    /// An image.
    Figure {
        /// Image URL.
        src: String,
        /// Text alternative (required).
        alt: String,
        /// Caption below the image.
        #[cfg_attr(
            feature = "serde",
            serde(default, skip_serializing_if = "Option::is_none")
        )]
        caption: Option<Inline>,
        /// Intrinsic width in CSS pixels.
        #[cfg_attr(
            feature = "serde",
            serde(default, skip_serializing_if = "Option::is_none")
        )]
        width: Option<u32>,
        /// Intrinsic height in CSS pixels.
        #[cfg_attr(
            feature = "serde",
            serde(default, skip_serializing_if = "Option::is_none")
        )]
        height: Option<u32>,
    },
    /// A footnote or end note.
    Footnote {
        /// Anchor id.
        #[cfg_attr(
            feature = "serde",
            serde(default, skip_serializing_if = "Option::is_none")
        )]
        id: Option<String>,
        /// Its text.
        text: Inline,
    },
}

/// Inline content: plain text, or a list of spans.
///
/// Deserialized by hand (below) rather than as `untagged`: serde buffers untagged
/// values before trying each variant, which halves the loader's speed on text.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(untagged))]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// Styled runs of text.
    Spans(Vec<Span>),
}

/// A run of inline text.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(untagged))]
pub enum Span {
    /// Plain text.
    Text(String),
    /// Text with emphasis or a link.
    Styled {
        /// The text.
        text: String,
        /// Emphasised (`em`).
        #[cfg_attr(
            feature = "serde",
            serde(default, skip_serializing_if = "std::ops::Not::not")
        )]
        emphasis: bool,
        /// Strong (`strong`).
        #[cfg_attr(
            feature = "serde",
            serde(default, skip_serializing_if = "std::ops::Not::not")
        )]
        strong: bool,
        /// Link target, checked against the URL allowlist before use.
        #[cfg_attr(
            feature = "serde",
            serde(default, skip_serializing_if = "Option::is_none")
        )]
        href: Option<String>,
    },
}

#[cfg(feature = "serde")]
impl<'de> Deserialize<'de> for Inline {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Inline;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string or a list of spans")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Inline, E> {
                Ok(Inline::Text(s.to_owned()))
            }
            fn visit_string<E: de::Error>(self, s: String) -> Result<Inline, E> {
                Ok(Inline::Text(s))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Inline, A::Error> {
                Vec::deserialize(de::value::SeqAccessDeserializer::new(seq)).map(Inline::Spans)
            }
        }
        d.deserialize_any(V)
    }
}

/// The wire shape of [`Span::Styled`].
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct StyledSpan {
    text: String,
    #[cfg_attr(feature = "serde", serde(default))]
    emphasis: bool,
    #[cfg_attr(feature = "serde", serde(default))]
    strong: bool,
    #[cfg_attr(feature = "serde", serde(default))]
    href: Option<String>,
}

#[cfg(feature = "serde")]
impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Span;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string or an object with text")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Span, E> {
                Ok(Span::Text(s.to_owned()))
            }
            fn visit_string<E: de::Error>(self, s: String) -> Result<Span, E> {
                Ok(Span::Text(s))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Span, A::Error> {
                let s = StyledSpan::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Span::Styled {
                    text: s.text,
                    emphasis: s.emphasis,
                    strong: s.strong,
                    href: s.href,
                })
            }
        }
        d.deserialize_any(V)
    }
}

impl Inline {
    /// The text without styling.
    pub fn plain_text(&self) -> String {
        match self {
            Inline::Text(t) => t.clone(),
            Inline::Spans(spans) => spans.iter().map(Span::text).collect(),
        }
    }

    /// Number of characters of text.
    pub fn char_count(&self) -> usize {
        match self {
            Inline::Text(t) => t.chars().count(),
            Inline::Spans(spans) => spans.iter().map(|s| s.text().chars().count()).sum(),
        }
    }
}

impl From<&str> for Inline {
    fn from(s: &str) -> Self {
        Inline::Text(s.to_owned())
    }
}

impl Span {
    /// The span's text.
    pub fn text(&self) -> &str {
        match self {
            Span::Text(t) => t,
            Span::Styled { text, .. } => text,
        }
    }
}

impl Block {
    /// A paragraph of plain text.
    pub fn paragraph(text: impl Into<String>) -> Self {
        Block::Paragraph {
            text: Inline::Text(text.into()),
        }
    }
}

impl Article {
    /// An article with only the required fields set.
    pub fn new(id: impl Into<String>, title: impl Into<String>) -> Self {
        Article {
            schema_version: SCHEMA_VERSION,
            id: id.into(),
            url: None,
            lang: default_lang(),
            site: None,
            breadcrumb: Vec::new(),
            section: None,
            kicker: None,
            title: title.into(),
            subtitle: None,
            published: None,
            modified: None,
            authors: Vec::new(),
            source: None,
            editor: None,
            summary: None,
            keywords: Vec::new(),
            lead: Vec::new(),
            sections: Vec::new(),
            source_note: None,
            author_note: None,
            original_url: None,
            disclaimer: None,
        }
    }

    /// The published date part (`YYYY-MM-DD`), if the article has one.
    pub fn published_date(&self) -> Option<&str> {
        self.published.as_deref().and_then(|p| p.get(..10))
    }
}

#[cfg(all(test, feature = "serde"))]
mod tests {
    use super::*;

    #[test]
    fn minimal_article_round_trips_and_omits_absent_fields() {
        let mut a = Article::new("a1", "标题");
        a.sections.push(Section {
            id: Some("sec-1".into()),
            heading: "一".into(),
            blocks: vec![Block::paragraph("正文")],
            sections: vec![],
        });
        let json = serde_json::to_string(&a).unwrap();
        assert!(!json.contains("null"), "{json}");
        assert!(json.contains(r#""schemaVersion":1"#));
        assert!(json.contains(r#"{"type":"paragraph","text":"正文"}"#));
        let back: Article = serde_json::from_str(&json).unwrap();
        assert_eq!(a, back);
    }

    #[test]
    fn inline_accepts_string_or_spans() {
        let b: Block = serde_json::from_str(
            r#"{"type":"paragraph","text":["a",{"text":"b","emphasis":true},{"text":"c","href":"https://x.cn"}]}"#,
        )
        .unwrap();
        let Block::Paragraph { text } = b else {
            panic!("not a paragraph")
        };
        assert_eq!(text.plain_text(), "abc");
        assert_eq!(text.char_count(), 3);
    }

    #[test]
    fn lang_defaults_to_zh_cn() {
        let a: Article =
            serde_json::from_str(r#"{"schemaVersion":1,"id":"x","title":"t"}"#).unwrap();
        assert_eq!(a.lang, "zh-CN");
    }
}
