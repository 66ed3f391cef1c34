//! The CLI end to end: the committed schema is fresh, `validate` reports every
//! problem with its place, `import` reads stdin.

use std::io::Write;
use std::process::{Command, Output, Stdio};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

fn cli(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_article-cli"))
        .args(args)
        .current_dir(ROOT)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("article-cli runs");
    let mut input = child.stdin.take().expect("stdin");
    input
        .write_all(stdin.unwrap_or_default())
        .expect("write stdin");
    drop(input);
    child.wait_with_output().expect("article-cli finishes")
}

#[test]
fn committed_schema_is_fresh() {
    let committed = std::fs::read_to_string(format!("{ROOT}/schema/article.schema.json"))
        .expect("schema/article.schema.json exists");
    let generated = serde_json::to_string_pretty(&article::json_schema()).unwrap() + "\n";
    assert!(
        committed == generated,
        "schema/article.schema.json is stale: run\n  cargo run -p article-cli -- schema > schema/article.schema.json"
    );
    let out = cli(&["schema"], None);
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), generated);
}

#[test]
fn validate_reports_all_ten_mistakes_with_their_paths() {
    let out = cli(&["validate", "e2e/fixtures/ten-mistakes.json"], None);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let paths: Vec<&str> = stderr
        .lines()
        .map(|l| {
            l.strip_prefix("e2e/fixtures/ten-mistakes.json: ")
                .and_then(|rest| rest.split(": ").next())
                .unwrap_or(l)
        })
        .collect();
    assert_eq!(
        paths,
        [
            "/schemaVersion",
            "/authors/0/name",
            "/keywords",
            "/sections/0/blocks/2/type",
            "/id",
            "/title",
            "/breadcrumb/0/url",
            "/published",
            "/sections/0/blocks/1/alt",
            "/sections/1/id",
        ],
        "{stderr}"
    );
}

#[test]
fn validate_json_format_and_syntax_positions() {
    let out = cli(
        &[
            "validate",
            "--format",
            "json",
            "-",
            "articles/a-000_69da94d2f4a4bc00.json",
        ],
        Some(b"{\n  \"title\": ,\n}"),
    );
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        report,
        serde_json::json!([
            {"file": "-", "valid": false, "problems": [
                {"kind": "syntax", "line": 2, "column": 12, "message": "expected value"}]},
            {"file": "articles/a-000_69da94d2f4a4bc00.json", "valid": true, "problems": []}
        ])
    );
    let out = cli(&["validate", "-"], Some(b"{\n  \"title\": ,\n}"));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "-:2:12: expected value\n"
    );
}

/// `import - --id <id>` with the file `page` (from the root) on stdin, which must
/// succeed: the article it wrote, which must be valid, and its stderr.
fn import(page: &str, id: &str) -> (article::Article, String) {
    let page = std::fs::read(format!("{ROOT}/{page}")).unwrap_or_else(|e| panic!("{page}: {e}"));
    let out = cli(&["import", "-", "--id", id], Some(&page));
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{stderr}");
    let a = article::parse_article(&out.stdout).expect("import output is valid");
    (a, stderr)
}

#[test]
fn import_reads_stdin_and_rejects_an_empty_page() {
    let (a, _) = import(
        "crates/article/tests/import/fixtures/000_69da94d2f4a4bc00.txt",
        "seed",
    );
    assert_eq!(a.id, "seed");

    let out = cli(&["import", "-"], Some(b"\n \n"));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "-:1:1: the page has no text\n"
    );
}

#[test]
fn import_tells_html_from_text_by_content() {
    // An HTML page named .txt is still read as HTML.
    let (a, stderr) = import(
        "crates/article-html/tests/third_party/gov-mee-weekly-gbk.html",
        "gov",
    );
    assert_eq!(a.title, "生态环境部一周要闻（4.10-4.16）");
    assert_eq!(
        stderr,
        "-: warning: declares utf-8 but is not valid UTF-8: read as GB18030\n"
    );
}

#[test]
fn batch_import_reports_each_problem_sums_up_and_fails_when_any_page_failed() {
    let dir = std::env::temp_dir().join(format!("article-cli-batch-{}", std::process::id()));
    let (pages, out_dir) = (dir.join("pages"), dir.join("articles"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(pages.join("sub")).unwrap();
    let fixtures = format!("{ROOT}/crates/article-html/tests/third_party");
    std::fs::copy(
        format!("{fixtures}/gov-mee-weekly.html"),
        pages.join("gov.html"),
    )
    .unwrap();
    std::fs::copy(
        format!("{fixtures}/gov-mee-weekly-gbk.html"),
        pages.join("sub/gbk.html"),
    )
    .unwrap();
    std::fs::copy(
        format!("{ROOT}/crates/article/tests/import/fixtures/gov-notice.txt"),
        pages.join("notice.txt"),
    )
    .unwrap();
    std::fs::write(pages.join("empty.txt"), "\n \n").unwrap();
    std::fs::write(
        pages.join("nothing.html"),
        "<html><body><nav>首页</nav></body></html>",
    )
    .unwrap();
    std::fs::write(pages.join("ignored.png"), [0u8, 1, 2]).unwrap();

    let run = || {
        cli(
            &[
                "import",
                pages.to_str().unwrap(),
                "--out-dir",
                out_dir.to_str().unwrap(),
            ],
            None,
        )
    };
    let out = run();
    assert_eq!(out.status.code(), Some(1), "a failed page fails the run");
    let stderr = String::from_utf8(out.stderr).unwrap();
    let p = |name: &str| pages.join(name).to_string_lossy().into_owned();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        lines,
        [
            format!("{}:1:1: the page has no text", p("empty.txt")),
            format!(
                "{}: no title found (no <title>, <h1> or title meta tag)",
                p("nothing.html")
            ),
            format!(
                "{}: warning: declares utf-8 but is not valid UTF-8: read as GB18030",
                p("sub/gbk.html")
            ),
            "imported 3 of 5 (1 with warnings), failed 2".to_owned(),
            "  1 failed: no title found (no <title>, <h1> or title meta tag)".to_owned(),
            "  1 failed: the page has no text".to_owned(),
        ]
    );
    let mut written: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(written, ["gbk.json", "gov.json", "notice.json"]);
    for f in &written {
        let bytes = std::fs::read(out_dir.join(f)).unwrap();
        article::parse_article(&bytes).unwrap_or_else(|e| panic!("{f}: {e}"));
    }
    // The same input gives the same bytes.
    let first = std::fs::read(out_dir.join("gov.json")).unwrap();
    run();
    assert_eq!(std::fs::read(out_dir.join("gov.json")).unwrap(), first);

    // All good: exit 0. Several pages without --out-dir: a clear refusal.
    std::fs::remove_file(pages.join("empty.txt")).unwrap();
    std::fs::remove_file(pages.join("nothing.html")).unwrap();
    let out = run();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = cli(&["import", pages.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "several pages or a directory need --out-dir DIR\n"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
