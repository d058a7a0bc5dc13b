//! `cxmap merge`'s three-way merge by id: independent edits merge, additions on both
//! sides stay, votes add up, real conflicts are kept in the map with both values and
//! resolve by choosing a side; and, as properties, merging with itself or with the base
//! changes nothing and no id added on either side is lost.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashSet;

use cxmap::format;
use cxmap::generate::{self, Spec};
use cxmap::model::conflict::{self, Side};
use cxmap::model::merge::merge;
use cxmap::model::{
    Edit, Friction, FrictionId, Item, JourneyMap, ListLane, NoteId, PlanEntry, Severity, ShadowNote, Stage,
    StageId, Status, ops,
};
use proptest::prelude::*;
use serde_json::{Value, json};

const CANONICAL: &str = include_str!("fixtures/canonical.json");

fn canonical() -> JourneyMap {
    format::parse(CANONICAL).unwrap().map
}

fn encoded(map: &JourneyMap) -> String {
    String::from_utf8(format::encode(map)).unwrap()
}

fn friction(map: &mut JourneyMap, stage: usize, at: usize) -> &mut Friction {
    &mut map.stages[stage].frictions[at]
}

fn note(id: &str, stage: &str, text: &str) -> ShadowNote {
    ShadowNote {
        id: NoteId(id.into()),
        at: "2026-11-22T11:00:00Z".into(),
        observer: "Bo".into(),
        stage: StageId(stage.into()),
        channel: "Store".into(),
        text: text.into(),
        ..ShadowNote::default()
    }
}

#[test]
fn independent_edits_in_one_stage_merge_cleanly() {
    let base = canonical();
    let mut ours = base.clone();
    friction(&mut ours, 0, 0).severity = Severity::Minor;
    ours.stages[0].touchpoints.push("Flyer".into());
    ours.stages[0].name = "Find".into();
    let mut theirs = base.clone();
    friction(&mut theirs, 0, 0).owner = "Ana".into();
    theirs.stages[0].goal = "Find coffee".into();
    theirs.stages[0].touchpoints.retain(|t| t != "Maps app");
    let merged = merge(&base, &ours, &theirs);
    assert!(conflict::all(&merged).is_empty());
    let stage = &merged.stages[0];
    assert_eq!(
        (stage.name.as_str(), stage.goal.as_str()),
        ("Find", "Find coffee")
    );
    assert_eq!(stage.touchpoints, ["Search engine", "Flyer"]);
    assert_eq!(stage.frictions[0].severity, Severity::Minor);
    assert_eq!(stage.frictions[0].owner, "Ana");
}

#[test]
fn additions_on_both_sides_stay_and_votes_add_up() {
    let base = canonical();
    let mut ours = base.clone();
    ours.shadow
        .notes
        .push(note("sh-ours", "st-3k9x", "Menu board hard to read").into());
    ours.stages[1]
        .frictions
        .push(Friction::new(FrictionId("fr-ours".into()), "Queue".into()));
    friction(&mut ours, 0, 0).votes += 3;
    ours.shadow.plan[0].votes += 1;
    let mut theirs = base.clone();
    theirs
        .shadow
        .notes
        .push(note("sh-thrs", "st-q7m2", "App froze at payment").into());
    theirs.stages[1]
        .frictions
        .push(Friction::new(FrictionId("fr-thrs".into()), "Cold".into()));
    friction(&mut theirs, 0, 0).votes += 1;
    theirs.shadow.plan.push(PlanEntry {
        stage: StageId("st-q7m2".into()),
        channel: "Store".into(),
        votes: 2,
        ..PlanEntry::default()
    });
    let merged = merge(&base, &ours, &theirs);
    assert!(conflict::all(&merged).is_empty());
    let notes: Vec<&str> = merged.shadow.notes.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(notes, ["sh-77d1", "sh-ours", "sh-thrs"]);
    let frictions: Vec<&str> = merged.stages[1].frictions.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(frictions, ["fr-ours", "fr-thrs"]);
    assert_eq!(merged.stages[0].frictions[0].votes, 2 + 3 + 1);
    let plan: Vec<(&str, u32)> = merged
        .shadow
        .plan
        .iter()
        .map(|p| (p.stage.as_str(), p.votes))
        .collect();
    assert_eq!(plan, [("st-3k9x", 4), ("st-q7m2", 2)]);
}

#[test]
fn a_field_changed_differently_on_both_sides_is_a_conflict_kept_in_the_map() {
    let base = canonical();
    let mut ours = base.clone();
    friction(&mut ours, 0, 0).severity = Severity::Major;
    ours.stages[1].name = "Order in the app".into();
    let mut theirs = base.clone();
    friction(&mut theirs, 0, 0).severity = Severity::Minor;
    theirs.stages[1].name = "Order online".into();
    let merged = merge(&base, &ours, &theirs);
    assert_eq!(
        merged.stages[0].frictions[0].severity,
        Severity::Major,
        "ours stands until chosen"
    );
    let text = encoded(&merged);
    let value: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        value.pointer("/stages/0/frictions/0/conflicts").unwrap(),
        &json!({"severity": {"base": 3, "ours": 2, "theirs": 1}})
    );
    let described: Vec<String> = conflict::all(&merged).iter().map(|c| c.describe()).collect();
    assert_eq!(
        described,
        [
            "fr-8c2a severity: 2 in ours, 1 in theirs, 3 before",
            "st-q7m2 name: “Order in the app” in ours, “Order online” in theirs, “Order ahead” before",
        ]
    );
    // The file still opens (an older cxmap keeps the field as an unknown one), and the
    // checker lists each conflict as an error at its line and column.
    let parsed = format::parse(&text).unwrap();
    assert_eq!(encoded(&parsed.map), text, "saved back byte for byte");
    let errors = format::conflicts(&text, &parsed.map);
    assert_eq!(errors.len(), 2);
    let (line, entry) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.trim_start().starts_with("\"severity\": {"))
        .unwrap();
    let column = entry.find('{').unwrap() + 1;
    assert_eq!(
        (errors[0].line, errors[0].column),
        (line + 1, column),
        "at the entry's value"
    );
    assert!(
        errors[0]
            .message
            .starts_with("merge conflict: fr-8c2a severity: 2 in ours, 1 in theirs")
    );
}

#[test]
fn choosing_a_side_resolves_a_conflict_as_one_undoable_edit() {
    let base = canonical();
    let mut ours = base.clone();
    friction(&mut ours, 0, 0).status = Status::Fixed;
    let mut theirs = base.clone();
    friction(&mut theirs, 0, 0).status = Status::WontFix;
    let merged = merge(&base, &ours, &theirs);
    let found = conflict::all(&merged);
    assert_eq!(found.len(), 1);
    let mut map = merged.clone();
    let edit = conflict::resolve(&map, &found[0], Side::Theirs).unwrap();
    let undo = edit.apply(&mut map).unwrap();
    assert_eq!(map.stages[0].frictions[0].status, Status::WontFix);
    assert!(conflict::all(&map).is_empty());
    assert_eq!(map.stages[0].frictions[0], theirs.stages[0].frictions[0]);
    undo.apply(&mut map).unwrap();
    assert_eq!(map, merged);
    let edit = conflict::resolve(&map, &found[0], Side::Ours).unwrap();
    edit.apply(&mut map).unwrap();
    assert_eq!(map.stages[0].frictions[0], ours.stages[0].frictions[0]);
}

#[test]
fn deleted_on_one_side_and_changed_on_the_other_is_kept_as_a_conflict() {
    let base = canonical();
    let mut ours = base.clone();
    ops::delete_item(&ours, 0, ListLane::Friction, 0)
        .unwrap()
        .apply(&mut ours)
        .unwrap();
    let mut theirs = base.clone();
    friction(&mut theirs, 0, 0).text = "The menu is a 4 MB PDF".into();
    let merged = merge(&base, &ours, &theirs);
    assert_eq!(
        merged.stages[0].frictions[0].text, "The menu is a 4 MB PDF",
        "nothing dropped"
    );
    assert_eq!(
        merged.stages[0].opportunities[0].addresses,
        [FrictionId("fr-8c2a".into())],
        "nor the links to it"
    );
    assert_eq!(
        merged.shadow.notes[0].friction,
        Some(FrictionId("fr-8c2a".into()))
    );
    let found = conflict::all(&merged);
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].describe(),
        "fr-8c2a was deleted in ours and changed in theirs; it is kept until you choose"
    );
    let mut deleted = merged.clone();
    conflict::resolve(&deleted, &found[0], Side::Ours)
        .unwrap()
        .apply(&mut deleted)
        .unwrap();
    assert!(deleted.stages[0].frictions.is_empty());
    assert!(
        deleted.shadow.notes[0].friction.is_none(),
        "links to it go with it"
    );
    let mut kept = merged.clone();
    conflict::resolve(&kept, &found[0], Side::Theirs)
        .unwrap()
        .apply(&mut kept)
        .unwrap();
    assert_eq!(kept.stages[0].frictions[0], theirs.stages[0].frictions[0]);
}

#[test]
fn a_stage_deleted_on_one_side_stays_when_the_other_added_to_it() {
    let base = canonical();
    let mut ours = base.clone();
    ops::delete_stage(&ours, 0).unwrap().apply(&mut ours).unwrap();
    let mut theirs = base.clone();
    theirs
        .shadow
        .notes
        .push(note("sh-new1", "st-3k9x", "Hours on the door differ").into());
    let merged = merge(&base, &ours, &theirs);
    let stage = &merged.stages[0];
    assert_eq!(stage.id.as_str(), "st-3k9x");
    assert_eq!(stage.frictions.len(), 1, "its friction point stays with it");
    assert_eq!(
        merged.shadow.notes.len(),
        2,
        "its old note stays, the new one too"
    );
    assert_eq!(conflict::all(&merged)[0].field, "deleted");
    let mut agreed = merged.clone();
    let found = conflict::all(&merged);
    conflict::resolve(&agreed, &found[0], Side::Ours)
        .unwrap()
        .apply(&mut agreed)
        .unwrap();
    assert!(
        !encoded(&agreed).contains("st-3k9x"),
        "deleting it takes its notes and plan entries too"
    );
}

#[test]
fn stages_moved_and_renamed_on_both_sides_all_land() {
    let base = canonical();
    let mut ours = base.clone();
    ours.stages
        .push(Stage::new(StageId("st-pay1".into()), "Pay".into()).into());
    ours.stages[0].name = "Find".into();
    let mut theirs = base.clone();
    theirs.stages.swap(0, 1);
    theirs.stages[0].name = "Order on the app".into();
    let merged = merge(&base, &ours, &theirs);
    assert!(conflict::all(&merged).is_empty());
    let names: Vec<&str> = merged.stages.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Order on the app", "Find", "Pay"]);
}

/// One random change a person could make on their branch.
#[derive(Debug, Clone)]
enum Change {
    AddFriction(usize, String),
    EditFriction(usize, u8),
    DeleteFriction(usize),
    MoveFriction(usize, usize),
    Vote(usize, u8),
    AddStage(usize, String),
    RenameStage(usize, String),
    DeleteStage(usize),
    MoveStage(usize, usize),
    AddNote(usize, String),
    EditNote(usize, String),
    DeleteNote(usize),
    AddTouchpoint(usize, String),
    PlanVote(usize, String),
    AddChannel(String),
}

fn change() -> impl Strategy<Value = Change> {
    let n = 0usize..64;
    let word = prop_oneof![Just("Web"), Just("Store"), Just("Queue"), Just("App")].prop_map(str::to_owned);
    prop_oneof![
        (n.clone(), word.clone()).prop_map(|(a, w)| Change::AddFriction(a, w)),
        (n.clone(), any::<u8>()).prop_map(|(a, b)| Change::EditFriction(a, b)),
        n.clone().prop_map(Change::DeleteFriction),
        (n.clone(), n.clone()).prop_map(|(a, b)| Change::MoveFriction(a, b)),
        (n.clone(), any::<u8>()).prop_map(|(a, b)| Change::Vote(a, b)),
        (n.clone(), word.clone()).prop_map(|(a, w)| Change::AddStage(a, w)),
        (n.clone(), word.clone()).prop_map(|(a, w)| Change::RenameStage(a, w)),
        n.clone().prop_map(Change::DeleteStage),
        (n.clone(), n.clone()).prop_map(|(a, b)| Change::MoveStage(a, b)),
        (n.clone(), word.clone()).prop_map(|(a, w)| Change::AddNote(a, w)),
        (n.clone(), word.clone()).prop_map(|(a, w)| Change::EditNote(a, w)),
        n.clone().prop_map(Change::DeleteNote),
        (n.clone(), word.clone()).prop_map(|(a, w)| Change::AddTouchpoint(a, w)),
        (n.clone(), word.clone()).prop_map(|(a, w)| Change::PlanVote(a, w)),
        word.prop_map(Change::AddChannel),
    ]
}

/// Applies a change the way the program would (deleting goes through `ops`, so links
/// and notes go too). `side` keeps new ids of the two branches apart.
fn apply(map: &mut JourneyMap, change: &Change, side: &str, serial: usize) {
    let stages = map.stages.len();
    let frictions: Vec<(usize, usize)> = (0..stages)
        .flat_map(|s| (0..map.stages[s].frictions.len()).map(move |f| (s, f)))
        .collect();
    let edit = match change.clone() {
        Change::AddFriction(s, text) if stages > 0 => Some(Edit::InsertItem {
            stage: s % stages,
            at: 0,
            item: Item::Friction(Friction::new(FrictionId(format!("fr-{side}{serial}")), text)),
        }),
        Change::EditFriction(f, how) if !frictions.is_empty() => {
            let (s, i) = frictions[f % frictions.len()];
            let mut edited = map.stages[s].frictions[i].clone();
            match how % 3 {
                0 => edited.severity = Severity::from_number(i64::from(how % 3) + 1).unwrap(),
                1 => edited.owner = format!("owner {side}"),
                _ => edited.text.push_str(side),
            }
            Some(Edit::ReplaceItem {
                stage: s,
                at: i,
                item: Item::Friction(edited),
            })
        }
        Change::DeleteFriction(f) if !frictions.is_empty() => {
            let (s, i) = frictions[f % frictions.len()];
            ops::delete_item(map, s, ListLane::Friction, i)
        }
        Change::MoveFriction(f, to) if !frictions.is_empty() => {
            let (s, i) = frictions[f % frictions.len()];
            let item = Item::Friction(map.stages[s].frictions[i].clone());
            let to = to % stages;
            let at = if to == s {
                0
            } else {
                map.stages[to].frictions.len()
            };
            Some(Edit::Batch(vec![
                Edit::RemoveItem {
                    stage: s,
                    lane: ListLane::Friction,
                    at: i,
                },
                Edit::InsertItem { stage: to, at, item },
            ]))
        }
        Change::Vote(f, by) if !frictions.is_empty() => {
            let (s, i) = frictions[f % frictions.len()];
            let mut voted = map.stages[s].frictions[i].clone();
            voted.votes += u32::from(by % 4);
            Some(Edit::ReplaceItem {
                stage: s,
                at: i,
                item: Item::Friction(voted),
            })
        }
        Change::AddStage(at, name) => Some(Edit::InsertStage {
            at: at % (stages + 1),
            stage: Box::new(Stage::new(StageId(format!("st-{side}{serial}")), name)),
        }),
        Change::RenameStage(s, name) if stages > 0 => Some(Edit::SetStageText {
            stage: s % stages,
            field: cxmap::model::StageText::Name,
            text: format!("{name} {side}"),
        }),
        Change::DeleteStage(s) if stages > 1 => ops::delete_stage(map, s % stages),
        Change::MoveStage(from, to) if stages > 1 => Some(Edit::MoveStage {
            from: from % stages,
            to: to % stages,
        }),
        Change::AddNote(s, text) if stages > 0 => Some(Edit::InsertNote {
            at: map.shadow.notes.len(),
            note: Box::new(note(
                &format!("sh-{side}{serial}"),
                map.stages[s % stages].id.as_str(),
                &text,
            )),
        }),
        Change::EditNote(n, text) if !map.shadow.notes.is_empty() => {
            let at = n % map.shadow.notes.len();
            let mut edited = ShadowNote::clone(&map.shadow.notes[at]);
            edited.text = format!("{text} {side}");
            Some(Edit::ReplaceNote {
                at,
                note: Box::new(edited),
            })
        }
        Change::DeleteNote(n) if !map.shadow.notes.is_empty() => Some(Edit::RemoveNote {
            at: n % map.shadow.notes.len(),
        }),
        Change::AddTouchpoint(s, text) if stages > 0 => Some(Edit::InsertItem {
            stage: s % stages,
            at: 0,
            item: Item::Touchpoint(format!("{text} {side}{serial}")),
        }),
        Change::PlanVote(s, channel) if stages > 0 => {
            let mut plan = map.shadow.plan.clone();
            let stage = map.stages[s % stages].id.clone();
            match plan.iter_mut().find(|p| p.stage == stage && p.channel == channel) {
                Some(entry) => entry.votes += 1,
                None => plan.push(PlanEntry {
                    stage,
                    channel,
                    votes: 1,
                    ..PlanEntry::default()
                }),
            }
            Some(Edit::SetPlan(plan))
        }
        Change::AddChannel(channel) => {
            let mut channels = map.shadow.channels.clone();
            channels.push(format!("{channel} {side}"));
            Some(Edit::SetChannels(channels))
        }
        _ => None,
    };
    if let Some(edit) = edit {
        edit.apply(map).unwrap();
    }
}

fn ids(map: &JourneyMap) -> HashSet<String> {
    map.ids().map(str::to_owned).collect()
}

fn small_map() -> impl Strategy<Value = JourneyMap> {
    (0u64..1000, 2usize..6).prop_map(|(seed, stages)| {
        generate::map(&Spec {
            stages,
            notes: stages * 2,
            seed,
        })
    })
}

fn edited(base: &JourneyMap, changes: &[Change], side: &str) -> JourneyMap {
    let mut map = base.clone();
    for (serial, change) in changes.iter().enumerate() {
        apply(&mut map, change, side, serial);
    }
    map
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn merging_with_itself_or_with_the_base_changes_nothing(
        base in small_map(),
        changes in prop::collection::vec(change(), 0..12),
    ) {
        let a = edited(&base, &changes, "a");
        prop_assert_eq!(encoded(&merge(&a, &a, &a)), encoded(&a));
        prop_assert_eq!(encoded(&merge(&base, &base, &a)), encoded(&a));
        prop_assert_eq!(encoded(&merge(&base, &a, &base)), encoded(&a));
    }

    #[test]
    fn merge_keeps_every_id_added_on_either_side_and_writes_a_valid_map(
        base in small_map(),
        ours in prop::collection::vec(change(), 0..12),
        theirs in prop::collection::vec(change(), 0..12),
    ) {
        let (o, t) = (edited(&base, &ours, "o"), edited(&base, &theirs, "t"));
        let merged = merge(&base, &o, &t);
        let (before, after) = (ids(&base), ids(&merged));
        for id in ids(&o).union(&ids(&t)).filter(|id| !before.contains(*id)) {
            prop_assert!(after.contains(id), "{} was added and is gone", id);
        }
        for id in ids(&o).intersection(&ids(&t)) {
            prop_assert!(after.contains(id), "{} is on both sides and is gone", id);
        }
        let text = encoded(&merged);
        let parsed = format::parse(&text);
        prop_assert!(parsed.is_ok(), "{:?}", parsed.err());
        // Every conflict resolves, either way, and leaves a map with none.
        for side in [Side::Ours, Side::Theirs] {
            let mut map = merged.clone();
            while let Some(first) = conflict::all(&map).into_iter().next() {
                let edit = conflict::resolve(&map, &first, side);
                prop_assert!(edit.is_some(), "{} cannot be resolved", first.describe());
                edit.unwrap().apply(&mut map).unwrap();
            }
        }
    }
}

#[test]
fn the_command_writes_into_ours_or_out_and_exits_by_what_happened() {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name);
    let write = |name: &str, map: &JourneyMap| std::fs::write(path(name), format::encode(map)).unwrap();
    let base = canonical();
    let mut ours = base.clone();
    friction(&mut ours, 0, 0).owner = "Ana".into();
    let mut theirs = base.clone();
    theirs.stages[1].goal = "Order before leaving home".into();
    write("base.json", &base);
    write("ours.json", &ours);
    write("theirs.json", &theirs);
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_cxmap"))
            .args(args)
            .current_dir(dir.path())
            .env("CXMAP_DATA_DIR", path("data"))
            .env("CXMAP_CONFIG_DIR", path("config"))
            .output()
            .unwrap()
    };
    let clean = run(&[
        "merge",
        "base.json",
        "ours.json",
        "theirs.json",
        "-o",
        "merged.json",
    ]);
    assert_eq!(
        clean.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&clean.stderr)
    );
    let merged = format::parse(&std::fs::read_to_string(path("merged.json")).unwrap())
        .unwrap()
        .map;
    assert_eq!(merged.stages[0].frictions[0].owner, "Ana");
    assert_eq!(merged.stages[1].goal, "Order before leaving home");
    assert_eq!(
        std::fs::read(path("ours.json")).unwrap(),
        format::encode(&ours),
        "-o leaves ours alone"
    );
    let again = run(&[
        "merge",
        "base.json",
        "ours.json",
        "theirs.json",
        "-o",
        "merged.json",
    ]);
    assert_eq!(again.status.code(), Some(2), "an existing OUT needs --force");

    std::fs::write(path("theirs.json"), "{\"cxmap\": 1, \"stages\": [}").unwrap();
    let broken = run(&["merge", "base.json", "ours.json", "theirs.json"]);
    assert_eq!(broken.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&broken.stderr).contains("theirs.json:1:"));
    assert_eq!(
        std::fs::read(path("ours.json")).unwrap(),
        format::encode(&ours),
        "nothing written"
    );

    write("theirs.json", &theirs);
    let into_ours = run(&["merge", "base.json", "ours.json", "theirs.json"]);
    assert_eq!(into_ours.status.code(), Some(0));
    assert_eq!(
        std::fs::read(path("ours.json")).unwrap(),
        std::fs::read(path("merged.json")).unwrap()
    );
}
