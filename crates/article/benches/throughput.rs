//! Throughput of the importer and the loader (parse + type check + validate) on
//! synthetic 1 MB and 10 MB portal pages: `cargo bench -p article --bench throughput`.
//!
//! Prints the median of several runs in MB/s (1 MB = 10^6 bytes); the machine is
//! shared, so medians, not means. `validate` is `parse_article` on a valid document,
//! `invalid` on the same document with one type error; `1000x` loads the benchmark's
//! 1000x article (about 8 MB), and `1000x-serde` the same as the loader did before it
//! built the model itself (UTF-8 check, serde_json's typed `from_str`, `validate`);
//! `BENCH_1000X_ONLY=1` runs these two only. Not a test.

mod timing;

use std::hint::black_box;

/// A page of about `target` bytes: header, then chapters with numbered headings,
/// paragraphs, lists and footnotes, then the trailer.
fn page(target: usize) -> String {
    let para = "基层强则国家强\u{ff0c}基层安则天下安\u{3002}县乡人大是基层国家权力机关\u{ff0c}是党和国家联系广大人民群众的桥梁纽带\u{3002}做好新时代县乡人大工作\u{ff0c}必须学习掌握基层工作的方法要领\u{ff0c}紧密结合人大工作实际\u{ff0c}用足\u{201c}绣花\u{201d}功夫\u{ff0c}做好基层文章\u{3002}";
    let mut s = String::from(
        "政讯通中心\n当前所在\u{ff1a}首页 > 理论研究 > 正文\n下足\u{201c}绣花\u{201d}功夫做好基层文章\n\
         发布时间\u{ff1a}2024-05-19 作者\u{ff1a}佚名 来源\u{ff1a}甘肃人大网\n\n",
    );
    let cn = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
    let mut chapter = 0usize;
    while s.len() < target {
        chapter += 1;
        s.push_str(&format!(
            "{}\u{3001}第{chapter}部分的标题\n",
            cn[chapter % 10]
        ));
        for sub in &cn[..3] {
            s.push_str(&format!("\u{ff08}{sub}\u{ff09}小节标题\n"));
            for _ in 0..3 {
                s.push_str(para);
                s.push('\n');
            }
            s.push_str("\u{2460}第一项\u{ff1b}\n\u{2461}第二项\u{3002}\n");
        }
        s.push_str(&format!("[{}]参见有关文件\u{3002}\n", chapter % 900 + 1));
    }
    s.push_str("来源\u{ff1a}甘肃人大客户端\n原文链接\u{ff1a}http://www.gsrdw.gov.cn/html/2023/lnyj_1114/22901.html\n");
    s
}

/// The benchmark's 1000x article (`e2e/bench/run.mjs`, `synthesize`): the seed's
/// sections repeated `factor` times, each copy after the first led by the seed's lead.
fn synthesized(factor: usize) -> article::Article {
    let seed = article::parse_article(include_bytes!(
        "../../../articles/a-000_69da94d2f4a4bc00.json"
    ))
    .expect("the seed loads");
    let mut a = seed.clone();
    let seed = &seed;
    a.id = format!("synth-{factor}");
    a.sections = (0..factor)
        .flat_map(|i| {
            seed.sections.iter().map(move |s| {
                let mut s = s.clone();
                s.id = None;
                s.heading = format!("{}-{}", i + 1, s.heading);
                if i > 0 {
                    s.blocks.splice(0..0, seed.lead.iter().cloned());
                }
                s
            })
        })
        .collect();
    a
}

fn measure(what: &str, bytes: usize, runs: usize, f: impl FnMut()) -> f64 {
    let m = timing::median_time(runs, f);
    let mbps = bytes as f64 / 1e6 / m.as_secs_f64();
    println!(
        "{what:<9} {:>6.2} MB  median {:>8.2} ms  {:>7.1} MB/s  ({runs} runs)",
        bytes as f64 / 1e6,
        m.as_secs_f64() * 1e3,
        mbps
    );
    mbps
}

fn main() {
    let big = serde_json::to_vec(&synthesized(1000)).expect("serializes");
    assert!(article::parse_article(&big).is_ok());
    measure("1000x-serde", big.len(), 7, || {
        let text = std::str::from_utf8(black_box(&big)).expect("UTF-8");
        let a: article::Article = serde_json::from_str(text).expect("deserializes");
        black_box(article::validate(&a));
    });
    measure("1000x", big.len(), 7, || {
        black_box(article::parse_article(black_box(&big)).ok());
    });
    if std::env::var_os("BENCH_1000X_ONLY").is_some() {
        return;
    }
    for (size, runs) in [(1_000_000, 21), (10_000_000, 7)] {
        let text = page(size);
        let article = article::from_plain_text(&text).expect("synthetic page imports");
        assert!(article::validate(&article).is_empty());
        let json = serde_json::to_vec(&article).expect("serializes");
        measure("import", text.len(), runs, || {
            black_box(article::from_plain_text(black_box(&text)).ok());
        });
        if std::env::var_os("BENCH_STAGES").is_some() {
            measure("value", json.len(), runs, || {
                black_box(serde_json::from_slice::<serde_json::Value>(black_box(&json)).ok());
            });
            measure("typed", json.len(), runs, || {
                black_box(serde_json::from_slice::<article::Article>(black_box(&json)).ok());
            });
            measure("meaning", json.len(), runs, || {
                black_box(article::validate(black_box(&article)));
            });
        }
        measure("validate", json.len(), runs, || {
            black_box(article::parse_article(black_box(&json)).ok());
        });
        // One type error at the end: the slow path that collects every problem.
        let mut bad = json.clone();
        bad.truncate(bad.len() - 1);
        bad.extend_from_slice(br#","modified":5}"#);
        assert!(matches!(
            article::parse_article(&bad),
            Err(article::LoadError::Invalid(ref i)) if i.len() == 1
        ));
        measure("invalid", bad.len(), runs, || {
            black_box(article::parse_article(black_box(&bad)).err());
        });
    }
}
