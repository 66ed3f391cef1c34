//! The nesting of an article's body as it is read in order, shared by the importers
//! so that they nest sections, key footnotes and number sections alike.

use crate::model::{Article, Block, Inline, Section};

/// Builds an article's lead and sections from a body read in order: a block goes to
/// the innermost open section, or to the lead before the first heading; a heading
/// opens a section at its level. [`Outline::finish`] puts the open sections in place
/// and numbers them.
pub struct Outline<'a> {
    article: &'a mut Article,
    /// `open[d]` is the open section at depth `d + 1`.
    open: Vec<Section>,
    footnote_ids: Vec<String>,
}

impl<'a> Outline<'a> {
    /// An outline that adds to `article`'s lead and sections.
    pub fn new(article: &'a mut Article) -> Self {
        Outline {
            article,
            open: Vec::new(),
            footnote_ids: Vec::new(),
        }
    }

    /// Opens a section headed `heading` at `level` (1 is the top), closing the open
    /// ones at that level and deeper. A level more than one below the open ones nests
    /// one level down: a page may skip a level, the outline may not.
    pub fn open(&mut self, level: usize, heading: String) {
        let level = level.clamp(1, self.open.len() + 1);
        self.close_to(level - 1);
        self.open.push(Section {
            id: None,
            heading,
            blocks: Vec::new(),
            sections: Vec::new(),
        });
    }

    /// Adds `block` to the innermost open section, or to the lead.
    pub fn push(&mut self, block: Block) {
        match self.open.last_mut() {
            Some(s) => s.blocks.push(block),
            None => self.article.lead.push(block),
        }
    }

    /// Adds footnote `n`. Only the first footnote of a number gets the id `fn-n`:
    /// ids must be unique, and a page may repeat a number.
    pub fn footnote(&mut self, n: &str, text: Inline) {
        let id = format!("fn-{n}");
        let id = (!self.footnote_ids.contains(&id)).then(|| {
            self.footnote_ids.push(id.clone());
            id
        });
        self.push(Block::Footnote { id, text });
    }

    /// Closes the open sections and numbers every section: `sec-1`, `sec-1-2`, ….
    pub fn finish(mut self) {
        self.close_to(0);
        number(&mut self.article.sections, "sec");
    }

    fn close_to(&mut self, depth: usize) {
        while self.open.len() > depth {
            let Some(s) = self.open.pop() else { break };
            match self.open.last_mut() {
                Some(parent) => parent.sections.push(s),
                None => self.article.sections.push(s),
            }
        }
    }
}

fn number(sections: &mut [Section], prefix: &str) {
    for (n, s) in sections.iter_mut().enumerate() {
        let id = format!("{prefix}-{}", n + 1);
        number(&mut s.sections, &id);
        s.id = Some(id);
    }
}
