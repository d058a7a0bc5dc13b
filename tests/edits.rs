//! Every kind of `Edit` and its inverse, one plain test each: applying an edit then the
//! edit it returned gives the map back exactly, and so does redoing (the inverse's
//! inverse gives the edited map). Moves go more than one place, both ways.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use cxmap::app::App;
use cxmap::app::action::Action;
use cxmap::app::document::Document;
use cxmap::app::update::update;
use cxmap::assets::EXAMPLES;
use cxmap::model::{
    Edit, FrictionId, IdGen, Item, JourneyMap, Lane, ListLane, MapText, Metrics, NoteId, Opportunity,
    OpportunityId, PlanEntry, Score, ShadowNote, Stage, StageId, StageText,
};

fn example() -> JourneyMap {
    EXAMPLES[0].map().unwrap()
}

/// Applies `edit`, checks it changed the map, then that its inverse restores the map and
/// the inverse of that (redo) gives the edited map again.
fn round_trip(edit: Edit) {
    let original = example();
    let mut map = original.clone();
    let label = format!("{edit:?}");
    let undo = edit.apply(&mut map).unwrap();
    assert_ne!(map, original, "{label} changes the map");
    let edited = map.clone();
    let redo = undo.apply(&mut map).unwrap();
    assert_eq!(map, original, "undoing {label} restores the map exactly");
    redo.apply(&mut map).unwrap();
    assert_eq!(map, edited, "redoing {label} gives the edited map again");
}

#[test]
fn map_and_stage_texts() {
    round_trip(Edit::SetMapText {
        field: MapText::Title,
        text: "New title".to_owned(),
    });
    round_trip(Edit::SetMapText {
        field: MapText::Persona,
        text: String::new(),
    });
    for field in [StageText::Name, StageText::Goal, StageText::EmotionNote] {
        round_trip(Edit::SetStageText {
            stage: 3,
            field,
            text: "changed".to_owned(),
        });
    }
}

#[test]
fn scores_and_metrics() {
    round_trip(Edit::SetScore {
        stage: 2,
        score: Score::new(-2),
    });
    round_trip(Edit::SetScore {
        stage: 0,
        score: None,
    });
    round_trip(Edit::SetMetrics {
        stage: 1,
        metrics: Some(Metrics {
            csat: Some(12.5),
            nps: Some(-40.0),
            ces: None,
            ..Metrics::default()
        }),
    });
    round_trip(Edit::SetMetrics {
        stage: 3,
        metrics: None,
    });
}

#[test]
fn stages_inserted_removed_and_moved_several_places() {
    round_trip(Edit::InsertStage {
        at: 7,
        stage: Box::new(Stage::new(StageId("st-new1".to_owned()), "Last".to_owned())),
    });
    round_trip(Edit::InsertStage {
        at: 0,
        stage: Box::new(Stage::new(StageId("st-new2".to_owned()), "First".to_owned())),
    });
    round_trip(Edit::RemoveStage { at: 4 });
    round_trip(Edit::MoveStage { from: 0, to: 5 });
    round_trip(Edit::MoveStage { from: 6, to: 1 });
    round_trip(Edit::MoveStage { from: 2, to: 3 });
}

#[test]
fn items_of_every_lane() {
    round_trip(Edit::InsertItem {
        stage: 0,
        at: 1,
        item: Item::Touchpoint("Poster".to_owned()),
    });
    round_trip(Edit::InsertItem {
        stage: 1,
        at: 0,
        item: Item::Friction(cxmap::model::Friction::new(
            FrictionId("fr-new1".to_owned()),
            "Queue".to_owned(),
        )),
    });
    round_trip(Edit::InsertItem {
        stage: 1,
        at: 0,
        item: Item::Opportunity(Opportunity::new(
            OpportunityId("op-new1".to_owned()),
            "Shorter queue".to_owned(),
        )),
    });
    for lane in [ListLane::Touchpoints, ListLane::Friction, ListLane::Opportunity] {
        round_trip(Edit::RemoveItem {
            stage: 0,
            lane,
            at: 0,
        });
    }
    let map = example();
    round_trip(Edit::ReplaceItem {
        stage: 0,
        at: 2,
        item: Item::Touchpoint("Edited touchpoint".to_owned()),
    });
    round_trip(Edit::ReplaceItem {
        stage: 0,
        at: 0,
        item: Item::Friction(map.stages[0].frictions[0].clone()).with_text("Edited".to_owned()),
    });
    round_trip(Edit::ReplaceItem {
        stage: 0,
        at: 0,
        item: Item::Opportunity(map.stages[0].opportunities[0].clone()).with_text("Edited".to_owned()),
    });
}

#[test]
fn items_moved_several_places_both_ways() {
    let map = example();
    let stage = map.stages.iter().position(|s| s.touchpoints.len() >= 4).unwrap();
    round_trip(Edit::MoveItem {
        stage,
        lane: ListLane::Touchpoints,
        from: 0,
        to: 3,
    });
    round_trip(Edit::MoveItem {
        stage,
        lane: ListLane::Touchpoints,
        from: 3,
        to: 0,
    });
    let stage = map.stages.iter().position(|s| s.frictions.len() >= 2).unwrap();
    round_trip(Edit::MoveItem {
        stage,
        lane: ListLane::Friction,
        from: 1,
        to: 0,
    });
    let stage = map
        .stages
        .iter()
        .position(|s| s.opportunities.len() >= 2)
        .unwrap();
    round_trip(Edit::MoveItem {
        stage,
        lane: ListLane::Opportunity,
        from: 0,
        to: 1,
    });
}

#[test]
fn shadow_notes_channels_and_plan() {
    let map = example();
    let note = ShadowNote {
        id: NoteId("sn-new1".to_owned()),
        at: "2026-11-30T10:00:00Z".to_owned(),
        observer: "Ana".to_owned(),
        stage: map.stages[0].id.clone(),
        channel: "App".to_owned(),
        text: "Seen".to_owned(),
        ..ShadowNote::default()
    };
    round_trip(Edit::InsertNote {
        at: 2,
        note: Box::new(note.clone()),
    });
    round_trip(Edit::RemoveNote { at: 0 });
    round_trip(Edit::ReplaceNote {
        at: 1,
        note: Box::new(note),
    });
    round_trip(Edit::SetChannels(vec!["Only one".to_owned()]));
    round_trip(Edit::SetPlan(vec![PlanEntry {
        stage: map.stages[2].id.clone(),
        channel: "Phone".to_owned(),
        votes: 3,
        ..PlanEntry::default()
    }]));
}

#[test]
fn whole_maps_and_batches() {
    let mut other = example();
    other.title = "Another map altogether".to_owned();
    other.stages.truncate(2);
    round_trip(Edit::ReplaceMap(Box::new(other)));
    round_trip(Edit::Batch(vec![
        Edit::MoveStage { from: 0, to: 4 },
        Edit::RemoveItem {
            stage: 4,
            lane: ListLane::Touchpoints,
            at: 0,
        },
        Edit::SetMapText {
            field: MapText::Title,
            text: "Batched".to_owned(),
        },
        Edit::MoveStage { from: 6, to: 0 },
    ]));
}

#[test]
fn a_touchpoint_edited_in_the_program_then_undone_is_as_it_was() {
    let map = example();
    let stage = map.stages.iter().position(|s| s.touchpoints.len() >= 2).unwrap();
    let mut app = App::with_document(Document::opened(map.clone(), "m.json".into()), IdGen::seeded(4));
    app.resize(120, 40);
    app.cursor.stage = stage;
    app.cursor.lane = Lane::Touchpoints;
    app.cursor.item = 1;
    let mut run = |actions: Vec<Action>| {
        for action in actions {
            update(&mut app, action);
        }
    };
    run(vec![Action::EditCell, Action::DeleteToLineStart]);
    run("Edited in the workshop".chars().map(Action::Type).collect());
    run(vec![Action::Commit]);
    assert_eq!(
        app.doc().unwrap().map.stages[stage].touchpoints[1],
        "Edited in the workshop"
    );
    update(&mut app, Action::Undo);
    assert_eq!(*app.doc().unwrap().map, map, "undo gives the map back exactly");
    assert!(!app.doc().unwrap().is_dirty());
}
