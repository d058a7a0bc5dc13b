//! `cxmap check --format`: the same problems as text, as JSON lines for tools, and as
//! GitHub annotations for CI, each with its file, line and column.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

use serde_json::{Value, json};

fn cxmap(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cxmap"))
        .args(args)
        .current_dir(dir)
        .env("CXMAP_DATA_DIR", dir.join("data"))
        .env("CXMAP_CONFIG_DIR", dir.join("config"))
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// A map with one error (severity 4) and one warning (an opportunity addressing
/// nothing), in a file whose name holds a comma and a colon.
fn broken_map(dir: &Path) -> &'static str {
    let name = "map, v2: draft.json";
    std::fs::write(
        dir.join(name),
        "{\"cxmap\": 1, \"stages\": [{\"id\": \"st-a\", \"name\": \"A\", \"emotion\": {\"score\": 1},\n\
         \"frictions\": [{\"id\": \"fr-a\", \"text\": \"Slow\", \"severity\": 4, \"evidence\": [\"https://x.test/a\"]}],\n\
         \"opportunities\": [{\"id\": \"op-a\", \"text\": \"Faster\", \"addresses\": [\"fr-zz\"]}]}]}\n",
    )
    .unwrap();
    name
}

#[test]
fn json_lines_carry_file_line_column_level_and_message() {
    let dir = tempfile::tempdir().unwrap();
    let name = broken_map(dir.path());
    let output = cxmap(dir.path(), &["check", "--format", "json", name, "missing.json"]);
    assert_eq!(output.status.code(), Some(2), "an unreadable file is exit 2");
    let lines: Vec<Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3, "{lines:#?}");
    assert_eq!(
        lines[0],
        json!({"file": name, "line": 2, "column": 58, "level": "error",
               "message": "severity must be 1 (minor), 2 (major) or 3 (severe); found 4"})
    );
    assert_eq!(
        (lines[1]["level"].as_str(), lines[1]["line"].as_u64()),
        (Some("warning"), Some(3))
    );
    assert_eq!(lines[2]["file"], json!("missing.json"));
    assert!(
        lines[2].get("line").is_none(),
        "no line for a file that could not be read"
    );
}

#[test]
fn github_annotations_escape_what_github_reads_as_syntax() {
    let dir = tempfile::tempdir().unwrap();
    let name = broken_map(dir.path());
    let output = cxmap(dir.path(), &["check", "-f", "github", name]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "::error file=map%2C v2%3A draft.json,line=2,col=58,title=cxmap check::\
         severity must be 1 (minor), 2 (major) or 3 (severe); found 4"
    );
    assert!(
        lines[1].starts_with("::warning file=map%2C v2%3A draft.json,line=3,col="),
        "{text}"
    );
    let text_form = cxmap(dir.path(), &["check", name]);
    assert_eq!(
        stdout(&text_form).lines().next(),
        Some("map, v2: draft.json:2:58: error: severity must be 1 (minor), 2 (major) or 3 (severe); found 4")
    );
}

#[test]
fn an_unknown_format_is_refused_with_the_choices() {
    let dir = tempfile::tempdir().unwrap();
    let output = cxmap(dir.path(), &["check", "--format", "xml", "a.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("choose text, json or github"));
}
