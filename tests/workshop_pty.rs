//! The live workshop in the real program, in a pseudo-terminal: quick capture lands on
//! disk, a blind round of three people refuses a fourth vote from one of them, and an
//! item moves across stages with its id, votes and evidence.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use support::{Sandbox, keys};

fn saved_map(path: &std::path::Path) -> cxmap::model::JourneyMap {
    cxmap::format::parse(&std::fs::read_to_string(path).unwrap())
        .unwrap()
        .map
}

/// From the first stage's goal down to its first friction point (past 4 touchpoints and
/// the emotion lane of the online-store example).
const TO_FRICTION: &str = "jjjjjj";

#[test]
fn quick_capture_tags_land_on_disk() {
    let sandbox = Sandbox::new();
    let path = sandbox.example("online-store");
    let mut tui = sandbox.spawn(&[path.to_str().unwrap()], 100, 30);
    tui.wait_for("1 Awareness");
    tui.send(TO_FRICTION);
    tui.wait_for("Friction 1/2");
    tui.send("a");
    tui.wait_for("New friction point");
    tui.type_text("Queue of nine at the till !3 #kiosk @Ana");
    tui.wait_for("→ severity 3 severe, channel Kiosk (new), owner Ana (new)");
    tui.send(keys::ENTER);
    tui.wait_for("Added (severity 3, new channel “Kiosk”, @Ana)");
    tui.send(keys::ENTER);
    tui.wait_until_gone("New friction point");
    tui.send(keys::CTRL_S);
    tui.wait_for("Saved");
    let map = saved_map(&path);
    let point = map.stages[0]
        .frictions
        .iter()
        .find(|f| f.text == "Queue of nine at the till")
        .unwrap();
    assert_eq!(point.severity, cxmap::model::Severity::Severe);
    assert_eq!((point.channel.as_str(), point.owner.as_str()), ("Kiosk", "Ana"));
    assert_eq!(map.shadow.channels.last().unwrap(), "Kiosk");
    tui.send("q");
    assert!(tui.wait_exit());
}

#[test]
fn a_blind_round_of_three_people_refuses_a_fourth_vote_from_one_of_them() {
    let sandbox = Sandbox::new();
    let path = sandbox.example("online-store");
    let before: u32 = saved_map(&path)
        .stages
        .iter()
        .flat_map(|s| &s.frictions)
        .map(|f| f.votes)
        .sum();
    let mut tui = sandbox.spawn(&[path.to_str().unwrap()], 120, 30);
    tui.wait_for("1 Awareness");
    tui.send("bR");
    tui.wait_for("Start a voting round");
    tui.send(keys::CTRL_U);
    tui.type_text("Ana, Ben, Cy");
    tui.send(keys::ENTER);
    tui.wait_for("▸Ana 3 · Ben 3 · Cy 3");
    assert!(!tui.screen().contains('●'), "a blind round hides every count");
    tui.send("vvv");
    tui.wait_for("Ana is done · now Ben");
    tui.send("[v");
    tui.wait_for("Ana has cast all 3 votes");
    tui.send("]jvvv");
    tui.wait_for("Ben is done · now Cy");
    tui.send("jjvvv");
    tui.wait_for("All 9 votes are cast");
    assert!(!tui.screen().contains('●'), "still hidden until the round ends");
    tui.send("R");
    tui.wait_for("Voting round result");
    tui.wait_for("9 of 9 votes cast by 3 people (3 each), blind.");
    tui.escape_until_gone("Voting round result");
    tui.send(keys::CTRL_S);
    tui.wait_for("Saved");
    let after: u32 = saved_map(&path)
        .stages
        .iter()
        .flat_map(|s| &s.frictions)
        .map(|f| f.votes)
        .sum();
    assert_eq!(after, before + 9);
    tui.send("q");
    assert!(tui.wait_exit());
}

#[test]
fn an_item_moves_across_stages_keeping_its_id_votes_and_evidence() {
    let sandbox = Sandbox::new();
    let path = sandbox.example("online-store");
    let point = saved_map(&path).stages[0].frictions[0].clone();
    let mut tui = sandbox.spawn(&[path.to_str().unwrap()], 100, 30);
    tui.wait_for("1 Awareness");
    tui.send(TO_FRICTION);
    tui.wait_for("Friction 1/2");
    tui.send(">");
    tui.wait_for("Moved to 2 Consideration");
    tui.send(">");
    tui.wait_for("Moved to 3 Purchase");
    tui.send(keys::CTRL_S);
    tui.wait_for("Saved");
    let map = saved_map(&path);
    let (stage, at) = map.friction_position(&point.id).unwrap();
    assert_eq!(stage, 2);
    assert_eq!(
        map.stages[stage].frictions[at], point,
        "same id, votes, evidence, owner"
    );
    assert!(!map.stages[0].frictions.contains(&point));
    tui.send("q");
    assert!(tui.wait_exit());
}
