//! Plain text of an article for its feed items (`content_text`, Atom `type="text"`):
//! headings on their own lines, blocks separated by a blank line. Feeds carry text,
//! never HTML from the article.

use article::{Article, Block, Section};

/// The article's body as plain text.
pub(crate) fn body_text(a: &Article) -> String {
    let mut parts: Vec<String> = Vec::new();
    blocks(&a.lead, &mut parts);
    sections(&a.sections, &mut parts);
    parts.join("\n\n")
}

fn sections(list: &[Section], parts: &mut Vec<String>) {
    for s in list {
        parts.push(s.heading.clone());
        blocks(&s.blocks, parts);
        sections(&s.sections, parts);
    }
}

fn blocks(list: &[Block], parts: &mut Vec<String>) {
    for b in list {
        match b {
            Block::Paragraph { text } | Block::Footnote { text, .. } => {
                parts.push(text.plain_text())
            }
            Block::Subheading { text } => parts.push(text.clone()),
            Block::List { ordered, items } => parts.push(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, t)| {
                        let mark = if *ordered {
                            format!("{}. ", i + 1)
                        } else {
                            "• ".to_owned()
                        };
                        format!("{mark}{}", t.plain_text())
                    })
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
            Block::Quote { text, cite } => parts.push(match cite {
                Some(c) => format!("{} ——{c}", text.plain_text()),
                None => text.plain_text(),
            }),
            Block::Figure { alt, caption, .. } => parts.push(match caption {
                Some(c) => format!("[图：{alt}] {}", c.plain_text()),
                None => format!("[图：{alt}]"),
            }),
            // One line a row, cells separated by tabs, the caption above.
            Block::Table {
                caption,
                head,
                rows,
            } => {
                let mut lines: Vec<String> = caption.iter().cloned().collect();
                lines.extend(head.iter().chain(rows).map(|row| {
                    row.iter()
                        .map(|c| c.text.plain_text())
                        .collect::<Vec<_>>()
                        .join("\t")
                }));
                parts.push(lines.join("\n"));
            }
        }
    }
}

/// A date or date-time as RFC 3339, as feeds and sitemaps want it: a bare date is
/// midnight in China (`T00:00:00+08:00`), a time without a zone is China time, and
/// missing seconds are `:00` (docs/FORMAT.md). `None` if it is neither.
pub(crate) fn rfc3339(s: &str) -> Option<String> {
    let s = s.trim();
    let date = s.get(..10)?;
    if !date.bytes().enumerate().all(|(i, b)| {
        if i == 4 || i == 7 {
            b == b'-'
        } else {
            b.is_ascii_digit()
        }
    }) {
        return None;
    }
    let rest = &s[10..];
    if rest.is_empty() {
        return Some(format!("{date}T00:00:00+08:00"));
    }
    let rest = rest.strip_prefix(['T', ' '])?;
    let (time, zone) = match rest.find(['Z', '+', '-']) {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "+08:00"),
    };
    let time = match time.len() {
        5 => format!("{time}:00"),
        8 => time.to_owned(),
        n if n > 8 && time.as_bytes()[8] == b'.' => time[..8].to_owned(),
        _ => return None,
    };
    Some(format!("{date}T{time}{zone}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_become_rfc3339_in_china_time() {
        for (date, want) in [
            ("2024-05-19", Some("2024-05-19T00:00:00+08:00")),
            ("2024-05-19 08:30", Some("2024-05-19T08:30:00+08:00")),
            ("2024-05-19T08:30:15Z", Some("2024-05-19T08:30:15Z")),
            (
                "2024-05-19T08:30:15.25+01:00",
                Some("2024-05-19T08:30:15+01:00"),
            ),
            ("19 May", None),
        ] {
            assert_eq!(rfc3339(date).as_deref(), want, "{date}");
        }
    }

    #[test]
    fn the_body_is_text_with_headings_on_their_own_lines() {
        let mut a = Article::new("x", "t");
        a.lead = vec![Block::paragraph("导语<b>")];
        a.sections = vec![Section {
            id: None,
            heading: "一、标题".into(),
            blocks: vec![Block::List {
                ordered: true,
                items: vec!["甲".into(), "乙".into()],
            }],
            sections: vec![],
        }];
        assert_eq!(body_text(&a), "导语<b>\n\n一、标题\n\n1. 甲\n2. 乙");
    }
}
