//! Inline content: text nodes, emphasis, and links that passed the URL allowlist;
//! in the body, footnote marks (`[1]`) become buttons that show their note.

use std::cell::RefCell;

use article::{Inline, Span};
use yew::prelude::*;

use super::external_link;

/// The article's footnotes, for the marks in its text.
#[derive(Default)]
pub(crate) struct Notes {
    /// Ids of the footnotes (`fn-1` …).
    pub ids: Vec<String>,
    /// The numbers of the notes whose mark has been rendered (its `fnref-` id is taken).
    pub marked: RefCell<Vec<String>>,
}

/// A piece of text: plain, or the number of a footnote mark.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Piece<'a> {
    Text(&'a str),
    Mark(&'a str),
}

/// Splits `t` at the footnote marks `[1]`, `［1］` or `[注1]` for which `has(number)`.
pub(crate) fn pieces<'a>(t: &'a str, has: impl Fn(&str) -> bool) -> Vec<Piece<'a>> {
    let mut out = Vec::new();
    let mut rest = t;
    let mut text_start = 0;
    let mut pos = 0;
    while let Some(i) = rest.find(['[', '\u{ff3b}']) {
        let open = rest[i..].chars().next().map_or(1, char::len_utf8);
        let close = if open == 1 { ']' } else { '\u{ff3d}' };
        let after = &rest[i + open..];
        let Some(end) = after.find(close) else { break };
        let num = after[..end].trim_start_matches('\u{6ce8}');
        let consumed = i + open + end + close.len_utf8();
        if !num.is_empty() && num.len() <= 3 && num.bytes().all(|b| b.is_ascii_digit()) && has(num)
        {
            if pos + i > text_start {
                out.push(Piece::Text(&t[text_start..pos + i]));
            }
            out.push(Piece::Mark(num));
            text_start = pos + consumed;
            rest = &rest[consumed..];
            pos += consumed;
        } else {
            rest = &rest[i + open..];
            pos += i + open;
        }
    }
    if text_start < t.len() {
        out.push(Piece::Text(&t[text_start..]));
    }
    out
}

/// Text with its footnote marks as buttons opening the note's popover.
fn marked_text(t: &str, notes: &Notes) -> Html {
    if notes.ids.is_empty() {
        return html! { { t } };
    }
    pieces(t, |n| {
        notes.ids.iter().any(|id| id.strip_prefix("fn-") == Some(n))
    })
    .into_iter()
    .map(|p| match p {
        Piece::Text(t) => html! { { t } },
        Piece::Mark(n) => {
            // The first mark of a note is where its back link returns to.
            let first = !notes.marked.borrow().iter().any(|m| m == n);
            if first {
                notes.marked.borrow_mut().push(n.to_owned());
            }
            html! {
                <button type="button" class="fn-ref" id={first.then(|| format!("fnref-{n}"))}
                    popovertarget={format!("fn-{n}-pop")} aria-label={format!("注释 [{n}]")}>
                    { format!("[{n}]") }
                </button>
            }
        }
    })
    .collect()
}

/// [`inline_text`], with footnote marks that open their note.
pub(crate) fn inline_with_notes(text: &Inline, notes: &Notes) -> Html {
    match text {
        Inline::Text(t) => marked_text(t, notes),
        Inline::Spans(spans) => spans
            .iter()
            .map(|s| match s {
                Span::Text(t) => marked_text(t, notes),
                s => render_span(s),
            })
            .collect(),
    }
}

/// Renders inline content as text nodes; a link whose URL is refused becomes text.
/// A plain function, not a component: a long article has tens of thousands of
/// paragraphs, and none of them needs state or hooks.
pub fn inline_text(text: &Inline) -> Html {
    match text {
        Inline::Text(t) => html! { { t } },
        Inline::Spans(spans) => spans.iter().map(render_span).collect(),
    }
}

fn render_span(s: &Span) -> Html {
    match s {
        Span::Text(t) => html! { { t } },
        Span::Styled {
            text,
            emphasis,
            strong,
            href,
        } => {
            let mut node = html! { { text } };
            if *strong {
                node = html! { <strong>{ node }</strong> };
            }
            if *emphasis {
                node = html! { <em>{ node }</em> };
            }
            external_link(href.as_deref(), Some(node.clone())).unwrap_or(node)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{pieces, Piece};

    #[test]
    fn marks_with_a_note_are_split_out() {
        let has = |n: &str| n == "1" || n == "2";
        assert_eq!(
            pieces("制度[1]。其次［2］与[注1]", has),
            [
                Piece::Text("制度"),
                Piece::Mark("1"),
                Piece::Text("。其次"),
                Piece::Mark("2"),
                Piece::Text("与"),
                Piece::Mark("1"),
            ]
        );
        // No such note, not a number, unclosed: text.
        assert_eq!(
            pieces("见[3]与[a]和[1", has),
            [Piece::Text("见[3]与[a]和[1")]
        );
        assert_eq!(pieces("[1]", has), [Piece::Mark("1")]);
        assert_eq!(pieces("", has), []);
    }
}
