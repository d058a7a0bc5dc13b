//! `cxmap query`: friction points across maps in one table, filtered, worst first, as
//! Markdown (with the points per channel), CSV or JSON.

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

fn friction(
    id: &str,
    text: &str,
    severity: u8,
    channel: &str,
    votes: u32,
    owner: &str,
    status: &str,
) -> Value {
    json!({"id": id, "text": text, "severity": severity, "channel": channel, "votes": votes,
           "owner": owner, "status": status})
}

/// Two maps in a folder `maps`: a café and a shop, sharing the Website channel.
fn maps(dir: &Path) {
    std::fs::create_dir(dir.join("maps")).unwrap();
    let cafe = json!({"cxmap": 1, "title": "Café", "stages": [
        {"id": "st-c1", "name": "Discover", "frictions": [
            friction("fr-c1", "Hours missing", 3, "Website", 2, "", "open"),
            friction("fr-c2", "=HYPERLINK(\"x\") in a note", 1, "Store", 0, "Thandi", "fixed")]},
        {"id": "st-c2", "name": "Pay", "frictions": [
            friction("fr-c3", "Card refused", 2, "mobile app", 5, "Dev team", "in-progress")]}]});
    let shop = json!({"cxmap": 1, "title": "Shop", "stages": [
        {"id": "st-s1", "name": "pay", "frictions": [
            friction("fr-s1", "Coupon field sends people away", 3, "website", 6, "Naledi", "open"),
            friction("fr-s2", "Slow receipt", 2, "E-mail", 1, "", "open")]}]});
    std::fs::write(dir.join("maps/cafe.json"), cafe.to_string()).unwrap();
    std::fs::write(dir.join("maps/shop.json"), shop.to_string()).unwrap();
}

fn json_rows(output: &Output) -> Vec<Value> {
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice::<Vec<Value>>(&output.stdout).unwrap()
}

fn ids(rows: &[Value]) -> Vec<&str> {
    rows.iter().map(|r| r["id"].as_str().unwrap()).collect()
}

#[test]
fn every_point_of_every_map_worst_first() {
    let dir = tempfile::tempdir().unwrap();
    maps(dir.path());
    let rows = json_rows(&cxmap(dir.path(), &["query", "maps", "-f", "json"]));
    assert_eq!(ids(&rows), ["fr-s1", "fr-c1", "fr-c3", "fr-s2", "fr-c2"]);
    assert_eq!(
        rows[0],
        json!({"map": "maps/shop.json", "stage": "pay", "channel": "website", "severity": 3, "votes": 6,
               "owner": "Naledi", "status": "open", "text": "Coupon field sends people away", "id": "fr-s1"})
    );
}

#[test]
fn filters_combine_and_match_without_regard_to_case() {
    let dir = tempfile::tempdir().unwrap();
    maps(dir.path());
    let run = |args: &[&str]| {
        let mut all = vec!["query", "maps/cafe.json", "maps/shop.json", "-f", "json"];
        all.extend_from_slice(args);
        json_rows(&cxmap(dir.path(), &all))
    };
    assert_eq!(ids(&run(&["--channel", "WEBSITE"])), ["fr-s1", "fr-c1"]);
    assert_eq!(ids(&run(&["--severity", "3"])), ["fr-s1", "fr-c1"]);
    assert_eq!(
        ids(&run(&["--severity", "major", "--status", "open"])),
        ["fr-s1", "fr-c1", "fr-s2"]
    );
    assert_eq!(ids(&run(&["--stage", "PAY"])), ["fr-s1", "fr-c3", "fr-s2"]);
    assert_eq!(ids(&run(&["--stage", "st-c2"])), ["fr-c3"]);
    assert_eq!(
        ids(&run(&["--owner", ""])),
        ["fr-c1", "fr-s2"],
        "nobody owns them"
    );
    assert_eq!(
        ids(&run(&["--status", "fixed", "--status", "in-progress"])),
        ["fr-c3", "fr-c2"]
    );
    assert_eq!(
        ids(&run(&["--owner", "thandi", "--channel", "Website"])),
        Vec::<&str>::new()
    );
    let wrong = cxmap(dir.path(), &["query", "maps", "--status", "closed"]);
    assert_eq!(wrong.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("choose open, in-progress, fixed or wont-fix"));
}

#[test]
fn markdown_says_which_channel_hurts_most() {
    let dir = tempfile::tempdir().unwrap();
    maps(dir.path());
    let output = cxmap(dir.path(), &["query", "maps"]);
    let text = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "| map | stage | channel | severity | votes | owner | status | text |"
    );
    assert_eq!(
        lines[2],
        "| maps/shop.json | pay | website | 3 severe | 6 | Naledi | open | Coupon field sends people away |"
    );
    let by_channel = &lines[lines.iter().position(|l| l.starts_with("| channel |")).unwrap()..];
    assert_eq!(
        by_channel[2].to_lowercase(),
        "| website | 2 | 2 | 8 |",
        "website and Website are one channel"
    );
}

#[test]
fn csv_opens_in_a_spreadsheet_without_running_formulas() {
    let dir = tempfile::tempdir().unwrap();
    maps(dir.path());
    let output = cxmap(dir.path(), &["query", "maps", "--format", "csv"]);
    let text = String::from_utf8(output.stdout).unwrap();
    let mut lines = text.split("\r\n");
    assert_eq!(
        lines.next(),
        Some("map,stage,channel,severity,votes,owner,status,text,id")
    );
    assert!(text.contains("\"'=HYPERLINK(\"\"x\"\") in a note\""), "{text}");
}

#[test]
fn a_map_that_cannot_be_read_is_named_and_the_others_still_listed() {
    let dir = tempfile::tempdir().unwrap();
    maps(dir.path());
    std::fs::write(
        dir.path().join("maps/broken.json"),
        "{\"cxmap\": 1, \"stages\": 5}",
    )
    .unwrap();
    let output = cxmap(dir.path(), &["query", "maps", "-f", "json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("maps/broken.json:1:"));
    let rows: Vec<Value> = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(rows.len(), 5);
}

#[test]
fn no_table_when_there_is_no_map_to_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    let output = cxmap(dir.path(), &["query", "empty"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        output.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("no maps in empty"), "{said}");

    std::fs::write(
        dir.path().join("empty/broken.json"),
        "{\"cxmap\": 1, \"stages\": 5}",
    )
    .unwrap();
    let output = cxmap(dir.path(), &["query", "empty"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        output.stdout.is_empty(),
        "an empty table reads as no friction points"
    );
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(
        said.contains("broken.json:1:") && said.contains("no map could be read"),
        "{said}"
    );
}
