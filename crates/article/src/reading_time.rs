//! Reading time: about 500 characters a minute for Chinese, 230 words a minute for
//! English and other space-separated languages.

use crate::model::{Article, Block, Inline, Section};

/// Length and estimated reading time of an article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReadingTime {
    /// Characters (CJK text) or words (space-separated languages).
    pub units: usize,
    /// True when `units` counts words.
    pub words: bool,
    /// Whole minutes, at least 1.
    pub minutes: usize,
}

const CJK_PER_MINUTE: usize = 500;
const WORDS_PER_MINUTE: usize = 230;

/// Estimates the reading time of the title, lead and body.
pub fn reading_time(article: &Article) -> ReadingTime {
    let words = !is_cjk_lang(&article.lang);
    let mut units = count(&article.title, words);
    for b in &article.lead {
        units += block_units(b, words);
    }
    for s in &article.sections {
        units += section_units(s, words);
    }
    let per_minute = if words {
        WORDS_PER_MINUTE
    } else {
        CJK_PER_MINUTE
    };
    ReadingTime {
        units,
        words,
        minutes: units.div_ceil(per_minute).max(1),
    }
}

fn is_cjk_lang(lang: &str) -> bool {
    let primary = lang.split(['-', '_']).next().unwrap_or("");
    matches!(primary.to_ascii_lowercase().as_str(), "zh" | "ja" | "ko")
}

fn section_units(s: &Section, words: bool) -> usize {
    count(&s.heading, words)
        + s.blocks
            .iter()
            .map(|b| block_units(b, words))
            .sum::<usize>()
        + s.sections
            .iter()
            .map(|c| section_units(c, words))
            .sum::<usize>()
}

fn block_units(b: &Block, words: bool) -> usize {
    match b {
        Block::Paragraph { text } | Block::Quote { text, .. } | Block::Footnote { text, .. } => {
            inline_units(text, words)
        }
        Block::Subheading { text } => count(text, words),
        Block::List { items, .. } => items.iter().map(|i| inline_units(i, words)).sum(),
        Block::Figure { caption, .. } => caption.as_ref().map_or(0, |c| inline_units(c, words)),
        Block::Table {
            caption,
            head,
            rows,
        } => {
            caption.as_deref().map_or(0, |c| count(c, words))
                + head
                    .iter()
                    .chain(rows)
                    .flatten()
                    .map(|c| inline_units(&c.text, words))
                    .sum::<usize>()
        }
    }
}

fn inline_units(i: &Inline, words: bool) -> usize {
    match i {
        Inline::Text(t) => count(t, words),
        Inline::Spans(spans) => spans.iter().map(|s| count(s.text(), words)).sum(),
    }
}

fn count(text: &str, words: bool) -> usize {
    if words {
        text.split_whitespace().count()
    } else {
        text.chars().filter(|c| !c.is_whitespace()).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_counts_characters_at_500_a_minute() {
        let mut a = Article::new("a", "");
        a.lead = vec![Block::paragraph("字".repeat(1001))];
        let rt = reading_time(&a);
        assert_eq!((rt.units, rt.words, rt.minutes), (1001, false, 3));
    }

    #[test]
    fn english_counts_words() {
        let mut a = Article::new("a", "Two words");
        a.lang = "en".into();
        a.lead = vec![Block::paragraph("one two three")];
        let rt = reading_time(&a);
        assert_eq!((rt.units, rt.words, rt.minutes), (5, true, 1));
    }
}
