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

#[test]
fn import_reads_stdin_and_rejects_an_empty_page() {
    let seed = std::fs::read(format!(
        "{ROOT}/crates/article/tests/import/fixtures/000_69da94d2f4a4bc00.txt"
    ))
    .unwrap();
    let out = cli(&["import", "-", "--id", "seed"], Some(&seed));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let a = article::parse_article(&out.stdout).expect("import output is valid");
    assert_eq!(a.id, "seed");

    let out = cli(&["import", "-"], Some(b"\n \n"));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "-:1:1: the page has no text\n"
    );
}
