//! `article-cli static`: the same article as a static HTML page with the viewer's CSS,
//! the floor the viewer is benchmarked against. Markup mirrors the viewer's DOM
//! (same classes, same landmarks), every text is escaped, every URL passes the
//! allowlist.

use std::fmt::Write;

use article::{build_toc, safe_url, Article, Block, Inline, Section, Span, Toc};
use article_site::esc;

/// Renders `article` as a complete HTML document linking `stylesheets`.
pub(crate) fn render(article: &Article, stylesheets: &[String]) -> String {
    let toc = build_toc(article);
    let mut h = String::with_capacity(64 * 1024);
    let lang = esc(&article.lang);
    let _ = write!(
        h,
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n",
        esc(&article.title)
    );
    for css in stylesheets {
        let _ = writeln!(h, "<link rel=\"stylesheet\" href=\"{}\">", esc(css));
    }
    h.push_str("</head>\n<body>\n<div class=\"article-viewer\">\n");
    h.push_str("<a class=\"skip-link\" href=\"#av-content\">跳到正文</a>\n");
    if let Some(site) = &article.site {
        let _ = writeln!(
            h,
            "<header class=\"site-header\"><p class=\"site-name\">{}</p></header>",
            esc(&site.name)
        );
    }
    if !article.breadcrumb.is_empty() {
        h.push_str("<nav class=\"breadcrumb\" aria-label=\"当前位置\"><ol>");
        let last = article.breadcrumb.len() - 1;
        for (i, c) in article.breadcrumb.iter().enumerate() {
            h.push_str("<li>");
            match c.url.as_deref().map(safe_url) {
                _ if i == last => {
                    let _ = write!(h, "<span aria-current=\"page\">{}</span>", esc(&c.name));
                }
                Some(Ok(u)) => {
                    let _ = write!(h, "<a href=\"{}\">{}</a>", esc(u.as_str()), esc(&c.name));
                }
                _ => {
                    let _ = write!(h, "<span>{}</span>", esc(&c.name));
                }
            }
            h.push_str("</li>");
        }
        h.push_str("</ol></nav>\n");
    }
    h.push_str("<div class=\"layout\">\n");
    toc_html(&mut h, &toc);
    h.push_str(
        "<main id=\"av-content\" class=\"content\" tabindex=\"-1\"><article class=\"article\">\n",
    );
    h.push_str("<header class=\"article-header\">");
    let _ = write!(h, "<h1 class=\"title\">{}</h1>", esc(&article.title));
    byline(&mut h, article);
    h.push_str("</header>\n<div class=\"article-body\">\n");
    if !article.lead.is_empty() {
        h.push_str("<div class=\"lead\">");
        for b in &article.lead {
            block(&mut h, b);
        }
        h.push_str("</div>\n");
    }
    let mut next = 0;
    sections(&mut h, &article.sections, &toc, &mut next, 2);
    h.push_str("</div>\n");
    footer(&mut h, article);
    h.push_str("</article>\n");
    if let Some(d) = &article.disclaimer {
        let _ = writeln!(
            h,
            "<section class=\"disclaimer\" aria-labelledby=\"av-disclaimer-title\">\
             <h2 id=\"av-disclaimer-title\" class=\"disclaimer-title\">免责声明</h2><p>{}</p></section>",
            esc(d)
        );
    }
    h.push_str("</main>\n</div>\n</div>\n</body>\n</html>\n");
    h
}

fn toc_html(h: &mut String, toc: &Toc) {
    if toc.entries.is_empty() {
        return;
    }
    h.push_str(
        "<nav class=\"table-of-contents\" aria-labelledby=\"av-toc-title\">\
         <h2 id=\"av-toc-title\" class=\"toc-title\">目录</h2><ol class=\"toc-list\">",
    );
    for e in &toc.entries {
        let _ = write!(
            h,
            "<li class=\"toc-item toc-level-{}\"><a href=\"#{}\"><span class=\"toc-number\" aria-hidden=\"true\">{}.</span><span class=\"toc-text\">{}</span></a></li>",
            e.level.min(4),
            esc(&e.id),
            esc(&e.number),
            esc(&e.title)
        );
    }
    h.push_str("</ol></nav>\n");
}

fn byline(h: &mut String, a: &Article) {
    h.push_str("<p class=\"byline\">");
    if let Some(p) = &a.published {
        let _ = write!(
            h,
            "<span class=\"byline-item\">发布时间：<time datetime=\"{}\">{}</time></span>",
            esc(p),
            esc(p.get(..10).unwrap_or(p))
        );
    }
    if !a.authors.is_empty() {
        let names: Vec<&str> = a.authors.iter().map(|x| x.name.as_str()).collect();
        let _ = write!(
            h,
            "<span class=\"byline-item\">作者：<span class=\"author\">{}</span></span>",
            esc(&names.join("、"))
        );
    }
    if let Some(s) = &a.source {
        let _ = write!(
            h,
            "<span class=\"byline-item\">来源：<span class=\"source\">{}</span></span>",
            esc(&s.name)
        );
    }
    h.push_str("</p>");
}

fn sections(h: &mut String, list: &[Section], toc: &Toc, next: &mut usize, level: usize) {
    for s in list {
        let id = toc
            .entries
            .get(*next)
            .map_or("", |e| e.id.as_str())
            .to_owned();
        *next += 1;
        let tag = level.min(6);
        let _ = write!(
            h,
            "<section class=\"article-section\" aria-labelledby=\"{id}\"><h{tag} id=\"{id}\" class=\"section-heading\">{}</h{tag}>",
            esc(&s.heading)
        );
        for b in &s.blocks {
            block(h, b);
        }
        sections(h, &s.sections, toc, next, level + 1);
        h.push_str("</section>\n");
    }
}

fn block(h: &mut String, b: &Block) {
    match b {
        Block::Paragraph { text } => {
            h.push_str("<p>");
            inline(h, text);
            h.push_str("</p>");
        }
        Block::Subheading { text } => {
            let _ = write!(
                h,
                "<p class=\"subheading\"><strong>{}</strong></p>",
                esc(text)
            );
        }
        Block::List { ordered, items } => {
            let tag = if *ordered { "ol" } else { "ul" };
            let _ = write!(h, "<{tag} class=\"body-list\">");
            for i in items {
                h.push_str("<li>");
                inline(h, i);
                h.push_str("</li>");
            }
            let _ = write!(h, "</{tag}>");
        }
        Block::Quote { text, cite } => {
            h.push_str("<blockquote><p>");
            inline(h, text);
            h.push_str("</p>");
            if let Some(c) = cite {
                let _ = write!(h, "<footer class=\"quote-cite\">—— {}</footer>", esc(c));
            }
            h.push_str("</blockquote>");
        }
        Block::Figure {
            src, alt, caption, ..
        } => match safe_url(src) {
            Ok(u) => {
                let _ = write!(
                    h,
                    "<figure class=\"figure\"><img src=\"{}\" alt=\"{}\" loading=\"lazy\">",
                    esc(u.as_str()),
                    esc(alt)
                );
                if let Some(c) = caption {
                    h.push_str("<figcaption>");
                    inline(h, c);
                    h.push_str("</figcaption>");
                }
                h.push_str("</figure>");
            }
            Err(_) => {
                let _ = write!(h, "<p class=\"figure-refused\">[图片:{}]</p>", esc(alt));
            }
        },
        Block::Table {
            caption,
            head,
            rows,
        } => {
            h.push_str("<div class=\"table-scroll\"><table>");
            if let Some(c) = caption {
                let _ = write!(h, "<caption>{}</caption>", esc(c));
            }
            for (group, rows, is_head) in [("thead", head, true), ("tbody", rows, false)] {
                if rows.is_empty() {
                    continue;
                }
                let _ = write!(h, "<{group}>");
                for row in rows {
                    h.push_str("<tr>");
                    for cell in row {
                        let (tag, scope) = match (is_head, cell.header) {
                            (true, _) => ("th", " scope=\"col\""),
                            (false, true) => ("th", " scope=\"row\""),
                            _ => ("td", ""),
                        };
                        let _ = write!(h, "<{tag}{scope}");
                        if let Some(n) = cell.colspan.filter(|n| *n > 1) {
                            let _ = write!(h, " colspan=\"{n}\"");
                        }
                        if let Some(n) = cell.rowspan.filter(|n| *n > 1) {
                            let _ = write!(h, " rowspan=\"{n}\"");
                        }
                        h.push('>');
                        inline(h, &cell.text);
                        let _ = write!(h, "</{tag}>");
                    }
                    h.push_str("</tr>");
                }
                let _ = write!(h, "</{group}>");
            }
            h.push_str("</table></div>");
        }
        Block::Footnote { text, .. } => {
            h.push_str("<p class=\"footnote\">");
            inline(h, text);
            h.push_str("</p>");
        }
    }
}

fn inline(h: &mut String, i: &Inline) {
    match i {
        Inline::Text(t) => h.push_str(&esc(t)),
        Inline::Spans(spans) => {
            for s in spans {
                match s {
                    Span::Text(t) => h.push_str(&esc(t)),
                    Span::Styled { text, href, .. } => match href.as_deref().map(safe_url) {
                        Some(Ok(u)) => {
                            let _ = write!(
                                h,
                                "<a href=\"{}\" rel=\"noopener noreferrer\">{}</a>",
                                esc(u.as_str()),
                                esc(text)
                            );
                        }
                        _ => h.push_str(&esc(text)),
                    },
                }
            }
        }
    }
}

fn footer(h: &mut String, a: &Article) {
    if a.source_note.is_none() && a.author_note.is_none() && a.original_url.is_none() {
        return;
    }
    h.push_str("<footer class=\"article-footer\">");
    if let Some(s) = &a.source_note {
        let _ = write!(h, "<p class=\"source-note\">来源：{}</p>", esc(s));
    }
    if let Some(n) = &a.author_note {
        let _ = write!(h, "<p class=\"author-note\">作者：{}</p>", esc(n));
    }
    if let Some(u) = &a.original_url {
        match safe_url(u) {
            Ok(u) => {
                let _ = write!(
                    h,
                    "<p class=\"original-link\">原文链接：<a href=\"{0}\" rel=\"noopener noreferrer\">{0}</a></p>",
                    esc(u.as_str())
                );
            }
            Err(_) => {
                let _ = write!(
                    h,
                    "<p class=\"original-link\">原文链接：<span>{}</span></p>",
                    esc(u)
                );
            }
        }
    }
    h.push_str("</footer>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_and_refuses_bad_urls() {
        let mut a = Article::new("x", "<script>alert(1)</script>");
        a.original_url = Some("javascript:alert(1)".into());
        let html = render(&a, &["a.css".into()]);
        assert!(html.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>"));
        assert!(!html.contains("href=\"javascript"));
        assert!(html.contains("<link rel=\"stylesheet\" href=\"a.css\">"));
    }
}
