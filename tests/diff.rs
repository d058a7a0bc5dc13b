//! `cxmap diff`: every kind of change named by id in words, the text, Markdown and JSON
//! forms, the exit status, and the one-fact-per-line listing for git's textconv.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

use cxmap::format;
use cxmap::model::JourneyMap;
use cxmap::model::diff::{self, Action, Kind};
use serde_json::{Value, json};

const CANONICAL: &str = include_str!("fixtures/canonical.json");

fn map_of(value: &Value) -> JourneyMap {
    format::parse(&value.to_string()).unwrap().map
}

fn canonical() -> Value {
    serde_json::from_str(CANONICAL).unwrap()
}

fn words(old: &Value, new: &Value) -> Vec<String> {
    diff::changes(&map_of(old), &map_of(new))
        .iter()
        .map(|c| c.words())
        .collect()
}

#[test]
fn every_kind_of_change_is_named_by_id() {
    let old = canonical();
    let mut new = old.clone();
    new["title"] = json!("Sunday coffee");
    let stages = new["stages"].as_array_mut().unwrap();
    let discover = &mut stages[0];
    discover["name"] = json!("Find");
    discover["goal"] = json!("Find coffee");
    discover["touchpoints"] = json!(["Maps app", "Search engine", "Flyer"]);
    discover["emotion"]["score"] = json!(1);
    discover["metrics"]["csat"] = json!(80.0);
    discover["metrics"].as_object_mut().unwrap().remove("ces");
    let friction = &mut discover["frictions"][0];
    friction["severity"] = json!(2);
    friction["votes"] = json!(5);
    friction["owner"] = json!("Ana");
    friction["status"] = json!("fixed");
    friction["evidence"] = json!(["photos/menu-2.jpg"]);
    friction["x-jira"] = json!("CX-12");
    discover["opportunities"][0]["addresses"] = json!([]);
    discover["opportunities"][0]["votes"] = json!(3);
    discover["frictions"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "fr-new1", "text": "No prices online"}));
    stages.swap(0, 1);
    stages.push(json!({"id": "st-new2", "name": "Pay", "goal": "Pay fast"}));
    let shadow = &mut new["shadow"];
    shadow["channels"] = json!(["Website", "Store"]);
    shadow["notes"][0]["text"] = json!("Hours page 404s");
    shadow["notes"][0].as_object_mut().unwrap().remove("friction");
    shadow["notes"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "sh-new3", "stage": "st-new2", "channel": "Store", "text": "Queue"}));
    shadow["plan"][0]["votes"] = json!(7);
    assert_eq!(
        words(&old, &new),
        [
            "title: “Sunday coffee - regulars” → “Sunday coffee”",
            "st-q7m2 stage “Order ahead” moved: position 2 → 1",
            "st-3k9x stage renamed: “Discover” → “Find”",
            "st-3k9x goal: “Find a coffee shop open on Sunday morning near me” → “Find coffee”",
            "st-3k9x touchpoint added: “Flyer”",
            "st-3k9x touchpoints reordered",
            "st-3k9x emotion score: -1 → 1",
            "st-3k9x CSAT: 78.0 → 80.0",
            "st-3k9x CES: 3.4 → none",
            "fr-8c2a severity: 3 → 2",
            "fr-8c2a votes: 2 → 5",
            "fr-8c2a owner: (empty) → “Ana”",
            "fr-8c2a status: open → fixed",
            "fr-8c2a evidence removed: “photos/menu-pdf.jpg”",
            "fr-8c2a evidence added: “photos/menu-2.jpg”",
            "fr-8c2a field “x-jira”: none → “CX-12”",
            "fr-new1 friction point added in “Find”: “No prices online”",
            "op-1f0e no longer addresses fr-8c2a",
            "op-1f0e votes: 0 → 3",
            "st-new2 stage added: “Pay”",
            "st-new2 goal: (empty) → “Pay fast”",
            "channel removed: “Mobile app”",
            "channel added: “Store”",
            "sh-77d1 text: “Hours page 404s on mobile” → “Hours page 404s”",
            "sh-77d1 friction: fr-8c2a → none",
            "sh-new3 shadow note added in “Pay” × Store: “Queue”",
            "plan “Find” × Mobile app votes 3 → 7",
        ]
    );
}

#[test]
fn removals_and_moves_between_stages_are_named() {
    let old = canonical();
    let mut new = old.clone();
    let friction = new["stages"][0]["frictions"].as_array_mut().unwrap().remove(0);
    new["stages"][1]["frictions"]
        .as_array_mut()
        .unwrap()
        .push(friction);
    new["stages"][0]["opportunities"] = json!([]);
    new["shadow"]["notes"] = json!([]);
    new["shadow"]["plan"] = json!([]);
    assert_eq!(
        words(&old, &new),
        [
            "op-1f0e opportunity removed from “Discover”: “Embed a menu filterable by dietary need”",
            "fr-8c2a friction point moved from “Discover” to “Order ahead”",
            "sh-77d1 shadow note removed: “Hours page 404s on mobile”",
            "plan “Discover” × Mobile app removed (had 3 votes)",
        ]
    );
    let mut fewer = old.clone();
    fewer["stages"].as_array_mut().unwrap().remove(0);
    let gone = words(&old, &fewer);
    assert_eq!(gone[0], "st-3k9x stage removed: “Discover”");
    assert!(gone.contains(
        &"fr-8c2a friction point removed from “Discover”: “The menu is only a PDF download”".to_owned()
    ));
}

#[test]
fn the_same_map_in_another_layout_has_no_changes() {
    let map = canonical();
    let squeezed = format::parse(&map.to_string()).unwrap().map;
    let pretty = format::parse(CANONICAL).unwrap().map;
    assert!(diff::changes(&pretty, &squeezed).is_empty());
}

#[test]
fn changes_carry_their_data_for_json() {
    let old = canonical();
    let mut new = old.clone();
    new["stages"][0]["frictions"][0]["severity"] = json!(1);
    let changes = diff::changes(&map_of(&old), &map_of(&new));
    assert_eq!(changes.len(), 1);
    let change = &changes[0];
    assert_eq!((change.kind, change.action), (Kind::Friction, Action::Changed));
    assert_eq!(
        change.to_json(),
        json!({
            "kind": "friction", "id": "fr-8c2a", "stage": "st-3k9x", "stage_name": "Discover",
            "change": "changed", "field": "severity", "before": 3, "after": 1,
            "words": "fr-8c2a severity: 3 → 1"
        })
    );
}

fn cxmap(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cxmap"))
        .args(args)
        .current_dir(dir)
        .env("CXMAP_DATA_DIR", dir.join("data"))
        .env("CXMAP_CONFIG_DIR", dir.join("config"))
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[test]
fn the_command_prints_words_and_exits_by_whether_maps_differ() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.json"), CANONICAL).unwrap();
    let mut new = canonical();
    new["stages"][0]["frictions"][0]["text"] = json!("Menu \u{1b}[2Jonly as PDF");
    std::fs::write(dir.path().join("b.json"), new.to_string()).unwrap();

    let same = cxmap(dir.path(), &["diff", "a.json", "a.json"]);
    assert_eq!(same.status.code(), Some(0));
    assert_eq!(text(&same.stdout), "");

    let different = cxmap(dir.path(), &["diff", "a.json", "b.json"]);
    assert_eq!(different.status.code(), Some(1), "{}", text(&different.stderr));
    assert_eq!(
        text(&different.stdout),
        "fr-8c2a text: “The menu is only a PDF download” → “Menu ␛[2Jonly as PDF”\n"
    );

    let md = cxmap(dir.path(), &["diff", "a.json", "b.json", "--format", "md"]);
    assert_eq!(
        text(&md.stdout),
        "# Changes from a.json to b.json\n\n## Stage Discover (`st-3k9x`)\n\n\
         - `fr-8c2a` text: “The menu is only a PDF download” → “Menu ␛\\[2Jonly as PDF”\n"
    );

    let json = cxmap(dir.path(), &["diff", "a.json", "b.json", "-f", "json"]);
    let document: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(document["equal"], json!(false));
    assert_eq!(
        document["changes"][0]["after"],
        json!("Menu \u{1b}[2Jonly as PDF")
    );

    std::fs::write(dir.path().join("broken.json"), "{\"cxmap\": 1, \"stages\": [}").unwrap();
    let broken = cxmap(dir.path(), &["diff", "a.json", "broken.json"]);
    assert_eq!(broken.status.code(), Some(2), "trouble is not a difference");
    assert!(
        text(&broken.stderr).contains("broken.json:1:"),
        "{}",
        text(&broken.stderr)
    );
    let missing = cxmap(dir.path(), &["diff", "a.json"]);
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn textconv_lists_one_fact_per_line_and_passes_other_files_through() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("map.json"), CANONICAL).unwrap();
    let output = cxmap(dir.path(), &["diff", "--textconv", "map.json"]);
    assert_eq!(output.status.code(), Some(0));
    let listing = text(&output.stdout);
    for line in [
        "title: Sunday coffee - regulars",
        "stage st-3k9x: Discover",
        "  fr-8c2a severity: 3 (severe)",
        "  fr-8c2a owner: (empty)",
        "  op-1f0e addresses: fr-8c2a",
        "  sh-77d1 friction: fr-8c2a",
    ] {
        assert!(
            listing.lines().any(|l| l == line),
            "{line:?} missing from\n{listing}"
        );
    }
    assert!(listing.lines().all(|l| l == l.trim_end()), "no trailing spaces");
    std::fs::write(dir.path().join("notes.json"), "{ not a map").unwrap();
    let other = cxmap(dir.path(), &["diff", "--textconv", "notes.json"]);
    assert_eq!(other.status.code(), Some(0));
    assert_eq!(text(&other.stdout), "{ not a map");
}

#[test]
fn the_memo_facts_are_named_when_they_change() {
    let old = canonical();
    let mut new = old.clone();
    new["memo"] = json!({"walked_by": "Ana", "when": "week 48", "devices": ""});
    assert_eq!(
        words(&old, &new),
        [
            "memo walked by: (empty) → “Ana”",
            "memo when: (empty) → “week 48”"
        ]
    );
}
