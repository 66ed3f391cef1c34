//! The page shapes the importer is built for, one small page each: CMS meta tags
//! over Open Graph, JSON-LD over both, `<br>`-separated and `<div>`-only bodies,
//! data tables (caption, header cells, spans) against layout tables, attachments.

use article::{Block, Inline};
use article_html::{from_html, Options};

fn import(html: &str) -> article::Article {
    let imported =
        from_html(html.as_bytes(), &Options::default()).unwrap_or_else(|e| panic!("{e}"));
    // A warning would mean a repair (or a charset overruled): none is expected here.
    assert_eq!(imported.warnings, Vec::<String>::new());
    let a = imported.article;
    assert!(
        article::validate(&a).is_empty(),
        "{:?}",
        article::validate(&a)
    );
    a
}

/// The text of the lead's paragraphs, in order.
fn lead_paragraphs(a: &article::Article) -> Vec<String> {
    a.lead
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph { text } => Some(text.plain_text()),
            _ => None,
        })
        .collect()
}

const PARA: &str = "各区人民政府，市政府各部门，各有关单位：为进一步做好相关工作，经市政府同意，现将有关事项通知如下，请结合实际认真贯彻落实。";

#[test]
fn cms_tags_win_over_open_graph_and_json_ld_over_both() {
    let head = r#"<meta property="og:title" content="OG 标题_某网"><meta name="ArticleTitle" content="关于开展专项检查的通知"><meta name="PubDate" content="2023-06-01 09:30"><meta name="ContentSource" content="市应急管理局"><meta name="ColumnName" content="通知公告"><meta name="Author" content="">"#;
    let a = import(&format!(
        "<html><head>{head}</head><body><h1>关于开展专项检查的通知</h1><div class=content><p>{PARA}</p><p>{PARA}</p></div></body></html>"
    ));
    assert_eq!(a.title, "关于开展专项检查的通知");
    assert_eq!(a.published.as_deref(), Some("2023-06-01T09:30:00+08:00"));
    assert_eq!(a.source.unwrap().name, "市应急管理局");
    assert_eq!(a.section.as_deref(), Some("通知公告"));
    assert!(a.authors.is_empty());

    let ld = r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"结构化数据的标题","datePublished":"2023-06-02T08:00:00+08:00","author":[{"@type":"Person","name":"张三"}]}</script>"#;
    let a = import(&format!(
        "<html><head>{head}{ld}</head><body><div class=content><p>{PARA}</p><p>{PARA}</p></div></body></html>"
    ));
    assert_eq!(a.title, "结构化数据的标题");
    assert_eq!(
        a.published.as_deref(),
        Some("2023-06-01T09:30:00+08:00"),
        "PubDate first"
    );
    assert_eq!(a.authors.len(), 0, "the CMS says there is no author");
}

#[test]
fn br_separated_and_div_only_bodies_are_paragraphs() {
    let a = import(&format!(
        "<html><head><title>某县人民政府关于公布事项的通告_某县人民政府</title></head><body>\
         <div id=zoom>{PARA}<br><br>{PARA}第二段。<br/>　　{PARA}第三段。</div></body></html>"
    ));
    assert_eq!(a.title, "某县人民政府关于公布事项的通告");
    let paras = lead_paragraphs(&a);
    assert_eq!(paras.len(), 3, "{paras:?}");
    assert!(paras[2].starts_with("各区人民政府") && paras[2].ends_with("第三段。"));
}

#[test]
fn data_tables_keep_caption_headers_and_spans() {
    let table = r#"<table><caption>2023年部门预算</caption><thead><tr><th>项目</th><th colspan="2">金额（万元）</th></tr></thead>
        <tbody><tr><th>基本支出</th><td>120</td><td rowspan="2">合计 300</td></tr><tr><th>项目支出</th><td><a href="/x.html">180</a></td></tr></tbody></table>"#;
    let a = import(&format!(
        "<html><head><title>预算公开_某局</title><link rel=canonical href=\"https://www.example.gov.cn/zwgk/1.html\"></head><body><h1>预算公开</h1><div class=content><p>{PARA}</p>{table}<p>{PARA}</p></div></body></html>"
    ));
    let t = a
        .lead
        .iter()
        .find_map(|b| match b {
            Block::Table {
                caption,
                head,
                rows,
            } => Some((caption, head, rows)),
            _ => None,
        })
        .expect("a table block");
    assert_eq!(t.0.as_deref(), Some("2023年部门预算"));
    assert_eq!(t.1.len(), 1);
    assert_eq!(t.1[0][1].colspan, Some(2));
    assert_eq!(t.2.len(), 2);
    assert!(t.2[0][0].header, "a th in a body row is a row header");
    assert_eq!(t.2[0][2].rowspan, Some(2));
    let Inline::Spans(spans) = &t.2[1][1].text else {
        panic!("a link in a cell")
    };
    assert!(
        matches!(&spans[0], article::Span::Styled { href: Some(h), .. } if h == "https://www.example.gov.cn/x.html")
    );
}

#[test]
fn layout_tables_are_read_as_content() {
    let a = import(&format!(
        "<html><head><title>工作动态_某局</title></head><body><table><tr><td><div>导航</div></td><td>\
         <table><tr><td><p>{PARA}</p><p>{PARA}再一段。</p></td></tr></table></td></tr></table></body></html>"
    ));
    assert!(!a.lead.iter().any(|b| matches!(b, Block::Table { .. })));
    assert!(a.lead.len() >= 2, "{:?}", a.lead);
}

#[test]
fn attachments_with_type_and_size() {
    let a = import(&format!(
        "<html><head><title>关于印发办法的通知_某市</title></head><body><div class=content><p>{PARA}</p><p>{PARA}</p>\
         <p>附件：<a href=\"/u/cms/1/2023.PDF\">1.实施办法.pdf</a>（356KB）</p>\
         <p><a href=\"files/表格.xlsx\">2.申报表</a></p><p><a href=\"files/说明.html\">说明</a></p></div></body></html>"
    ));
    let got: Vec<(&str, &str, Option<&str>, Option<u64>)> = a
        .attachments
        .iter()
        .map(|x| (x.name.as_str(), x.url.as_str(), x.kind.as_deref(), x.size))
        .collect();
    assert_eq!(
        got,
        [
            (
                "实施办法.pdf",
                "/u/cms/1/2023.PDF",
                Some("pdf"),
                Some(364_544)
            ),
            ("申报表", "files/表格.xlsx", Some("xlsx"), None),
        ]
    );
}

#[test]
fn breadcrumbs_of_list_items_and_with_controls_not_menus() {
    let crumbs = |a: &article::Article| -> Vec<String> {
        a.breadcrumb.iter().map(|c| c.name.clone()).collect()
    };
    // A menu named 导航 is not the breadcrumb; a `<ul class=breadcrumb>` of `<li>`s is.
    let a = import(&format!(
        "<html><head><title>通知_某省</title></head><body><ul id=daohang1><li><a href=/a/>新闻中心</a></li><li><a href=/b/>政务公开</a></li></ul>\
         <ul class=breadcrumb><li><a href=/>首页</a></li><li class=path-cur><span>&gt;</span> <a href=/zw/>政务公开</a></li><li class=path-cur><span>&gt;</span> 通知公告</li></ul>\
         <h1>通知</h1><div class=content><p>{PARA}</p><p>{PARA}</p></div></body></html>"
    ));
    assert_eq!(crumbs(&a), ["首页", "政务公开", "通知公告"]);
    assert_eq!(a.section.as_deref(), Some("通知公告"));
    // The font-size and print controls inside the breadcrumb's element are not steps.
    let a = import(&format!(
        "<html><head><title>通知_某省</title></head><body><div class=BreadcrumbNav><a href=/>首页</a> &gt; <a href=/gb/>公报</a>\
         <div class=pages_print>字号：<span>默认</span> <span>大</span> | <span>打印</span></div></div>\
         <h1>通知</h1><div class=content><p>{PARA}</p><p>{PARA}</p></div></body></html>"
    ));
    assert_eq!(crumbs(&a), ["首页", "公报"]);
}

#[test]
fn a_title_printed_over_lines_and_a_signature_closing_the_text() {
    let a = import(&format!(
        "<html><head><title>某某委员会关于批准 某某决议__公报_中国政府网</title><meta name=author content=录入员></head><body>\
         <div class=pages_content><p align=center><strong>某某委员会<br>关于批准某某决议</strong><br>（2007年6月29日通过）</p>\
         <p>{PARA}</p><p>{PARA}（张巨峰）</p><div>（责任编辑：系统管理员）</div></div></body></html>"
    ));
    assert_eq!(a.title, "某某委员会关于批准某某决议");
    let names: Vec<&str> = a.authors.iter().map(|x| x.name.as_str()).collect();
    // The operator in `<meta name=author>` is printed nowhere: no author.
    assert_eq!(names, ["张巨峰"]);
    assert_eq!(a.editor, None);
    let first = match &a.lead[0] {
        Block::Paragraph { text } => text.plain_text(),
        b => panic!("{b:?}"),
    };
    assert_eq!(first, PARA);
}

#[test]
fn attachment_lists_leave_nothing_behind_in_the_body() {
    let a = import(&format!(
        "<html><head><title>关于印发办法的通知_某市</title></head><body><div class=TRS_Editor><p>{PARA}</p><p>{PARA}</p>\
         <p>附件：</p><p><a href=\"./P1.pdf\">1.实施办法.pdf</a></p><p>（356KB）</p>\
         <p><a href=\"./P2.docx\">2.申报表.docx</a>（28KB）</p><p>附件3：<a href=\"./P3.xls\">统计表.xls</a></p></div></body></html>"
    ));
    let got: Vec<(&str, Option<u64>)> = a
        .attachments
        .iter()
        .map(|x| (x.name.as_str(), x.size))
        .collect();
    assert_eq!(
        got,
        [
            ("实施办法.pdf", Some(364_544)),
            ("申报表.docx", Some(28_672)),
            ("统计表.xls", None)
        ]
    );
    assert_eq!(lead_paragraphs(&a), [PARA, PARA]);
}
