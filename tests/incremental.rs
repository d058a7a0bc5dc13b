//! The views derived from the map (friction board and council, the friction queue's links,
//! the conflicts list, the channels and owners forms complete, the ids in use, the notes
//! pane's rows) update after an edit from only what it touched: after any run of edits,
//! undos and redos, they equal the same views built from scratch.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashSet;

use cxmap::app::board::{Board, BoardFilter, BoardSort};
use cxmap::app::conflicts::Conflicts;
use cxmap::app::folder::FolderListing;
use cxmap::app::names::Names;
use cxmap::app::queue::Queue;
use cxmap::app::shadow::Shadowing;
use cxmap::app::used_ids::UsedIds;
use cxmap::generate::{self, Spec};
use cxmap::model::conflict::{self, CONFLICTS};
use cxmap::model::{
    Edit, ExtraField, Extras, Friction, FrictionId, History, Item, JourneyMap, ListLane, NoteId, Opportunity,
    OpportunityId, Severity, ShadowNote, Stage, StageId, StageText, Status,
};
use cxmap::model::{IdGen, channels, council, moves, ops};
use proptest::prelude::*;

/// The views kept up to date edit by edit.
struct Views {
    by_votes: Board,
    by_severity: Board,
    by_stage: Board,
    queue: Queue,
    conflicts: Conflicts,
    names: Names,
    used_ids: UsedIds,
    /// The notes pane: every note, and a filtered list.
    pane: Shadowing,
    pane_filtered: Shadowing,
}

impl Views {
    fn new() -> Self {
        let board = |sort, filter| {
            let mut board = Board::default();
            board.sort = sort;
            board.filter = filter;
            board
        };
        let open = BoardFilter {
            status: Some(Status::Open),
            ..BoardFilter::default()
        };
        Views {
            by_votes: board(BoardSort::Votes, BoardFilter::default()),
            by_severity: board(BoardSort::Severity, open),
            by_stage: board(BoardSort::Stage, BoardFilter::default()),
            queue: Queue::default(),
            conflicts: Conflicts::default(),
            names: Names::default(),
            used_ids: UsedIds::default(),
            pane: Shadowing::default(),
            pane_filtered: {
                let mut pane = Shadowing::default();
                pane.filter.channel = Some("store".into());
                pane
            },
        }
    }

    fn refresh(&mut self, map: &JourneyMap, history: &History, focus: Option<(usize, usize)>) {
        self.by_votes.refresh(map, history, false);
        self.by_severity.refresh(map, history, true);
        self.by_stage.refresh(map, history, false);
        let folder = FolderListing::holding(&[]);
        self.queue.refresh(map, history, &folder, focus);
        self.conflicts.refresh(map, history);
        self.names.refresh(map, history);
        self.used_ids.refresh(map, history);
        self.pane.refresh(map, history);
        self.pane_filtered.refresh(map, history);
    }

    fn assert_same_as(&self, fresh: &Views, after: &str) {
        for (kept, built) in [
            (&self.by_votes, &fresh.by_votes),
            (&self.by_severity, &fresh.by_severity),
            (&self.by_stage, &fresh.by_stage),
        ] {
            assert_eq!(
                kept.rows, built.rows,
                "board rows ({:?}) after {after}",
                kept.sort
            );
            assert_eq!(kept.council, built.council, "council after {after}");
        }
        assert_eq!(
            self.queue.places, fresh.queue.places,
            "stages, points and links after {after}"
        );
        assert_eq!(
            self.queue.notes, fresh.queue.notes,
            "notes per point and per stage after {after}"
        );
        assert_eq!(
            self.queue.evidence, fresh.queue.evidence,
            "evidence after {after}"
        );
        assert_eq!(
            self.conflicts.entries, fresh.conflicts.entries,
            "conflicts after {after}"
        );
        assert_eq!(self.pane.rows, fresh.pane.rows, "pane rows after {after}");
        assert_eq!(
            self.pane_filtered.rows, fresh.pane_filtered.rows,
            "filtered pane rows after {after}"
        );
    }

    /// The ids kept up to date against the map's: each id in it is taken, each of `gone`
    /// (ids it had before and has no longer) is free again.
    fn assert_ids_of(&self, map: &JourneyMap, gone: &[String], after: &str) {
        for id in map.ids() {
            assert!(self.used_ids.taken(id), "{id} is in the map after {after}");
        }
        for id in gone {
            assert!(
                !self.used_ids.taken(id),
                "{id} is no longer in the map after {after}"
            );
        }
    }

    /// The names kept up to date against the map's own lists.
    fn assert_names_of(&self, map: &JourneyMap, after: &str) {
        assert_eq!(
            self.names.channels(map),
            channels::known(map),
            "channels after {after}"
        );
        assert_eq!(self.names.owners(), council::owners(map), "owners after {after}");
        for stage in &map.stages {
            let at = self.queue.stage_position(&stage.id);
            assert_eq!(at, map.stage_position(&stage.id), "{} after {after}", stage.id);
        }
    }
}

/// A small generated map with a few more links to edit.
fn start_map() -> JourneyMap {
    let mut map = generate::map(&Spec {
        stages: 9,
        notes: 40,
        seed: 11,
    });
    let ids: Vec<FrictionId> = map
        .stages
        .iter()
        .flat_map(|s| &s.frictions)
        .map(|f| f.id.clone())
        .collect();
    for (n, note) in map.shadow.notes.iter_mut().enumerate() {
        note.friction = n.is_multiple_of(3).then(|| ids[n % ids.len()].clone());
    }
    map
}

fn conflicted(mut friction: Friction) -> Friction {
    friction.extras = Extras(vec![ExtraField {
        after: Some("evidence"),
        key: CONFLICTS.to_owned(),
        value: serde_json::json!({"severity": conflict::entry(Some(2.into()), 3.into(), 1.into())}),
    }]);
    friction
}

/// Turns two random numbers into an edit that fits `map` (or `None`: undo or redo).
fn edit_for(map: &JourneyMap, kind: u8, r: usize, fresh: &mut usize) -> Option<(Edit, &'static str)> {
    *fresh += 1;
    let n = *fresh;
    let stages = map.stages.len();
    let s = r % stages.max(1);
    let stage = map.stages.get(s)?;
    let frictions: Vec<FrictionId> = map
        .stages
        .iter()
        .flat_map(|s| &s.frictions)
        .map(|f| f.id.clone())
        .collect();
    let some_friction = || frictions.get(r / 7 % frictions.len().max(1)).cloned();
    let replace = |f: usize, change: &dyn Fn(&mut Friction)| {
        let mut friction = stage.frictions.get(f)?.clone();
        change(&mut friction);
        Some(Edit::ReplaceItem {
            stage: s,
            at: f,
            item: Item::Friction(friction),
        })
    };
    let f = r / 3 % stage.frictions.len().max(1);
    let edit = match kind % EDITS {
        0 => (replace(f, &|fr| fr.votes += 1 + (r % 4) as u32)?, "vote"),
        1 => (
            replace(f, &|fr| {
                fr.severity = [Severity::Minor, Severity::Major, Severity::Severe][r % 3];
                fr.channel = ["Web", "web", "E-mail", "Email", ""][r % 5].to_owned();
                fr.owner = ["Ana", "ana ", " Ben", ""][r % 4].to_owned();
            })?,
            "severity, channel and owner",
        ),
        2 => (
            replace(f, &|fr| {
                fr.status = [Status::Open, Status::Fixed, Status::WontFix][r % 3]
            })?,
            "status",
        ),
        3 => {
            let mut friction = Friction::new(FrictionId(format!("fr-new{n}")), format!("new {n}"));
            friction.votes = (r % 5) as u32;
            friction.evidence = vec![format!("photos/{n}.jpg")];
            let at = r % (stage.frictions.len() + 1);
            let item = Item::Friction(friction);
            (Edit::InsertItem { stage: s, at, item }, "add a friction point")
        }
        4 => {
            stage.frictions.get(f)?;
            (
                Edit::RemoveItem {
                    stage: s,
                    lane: ListLane::Friction,
                    at: f,
                },
                "remove a friction point",
            )
        }
        5 => {
            let to = r / 5 % stage.frictions.len().max(1);
            stage.frictions.get(f)?;
            let lane = ListLane::Friction;
            (
                Edit::MoveItem {
                    stage: s,
                    lane,
                    from: f,
                    to,
                },
                "move a friction point",
            )
        }
        6 => {
            let mut opportunity = Opportunity::new(OpportunityId(format!("op-new{n}")), format!("idea {n}"));
            opportunity.addresses = some_friction().into_iter().collect();
            opportunity.addresses.push(FrictionId("fr-gone".into()));
            let at = r % (stage.opportunities.len() + 1);
            let item = Item::Opportunity(opportunity);
            (Edit::InsertItem { stage: s, at, item }, "add an opportunity")
        }
        7 => {
            let o = r / 3 % stage.opportunities.len().max(1);
            let mut opportunity = stage.opportunities.get(o)?.clone();
            opportunity.addresses = some_friction().into_iter().collect();
            (
                Edit::ReplaceItem {
                    stage: s,
                    at: o,
                    item: Item::Opportunity(opportunity),
                },
                "relink an opportunity",
            )
        }
        8 => {
            let o = r / 3 % stage.opportunities.len().max(1);
            stage.opportunities.get(o)?;
            let lane = ListLane::Opportunity;
            (
                Edit::RemoveItem {
                    stage: s,
                    lane,
                    at: o,
                },
                "remove an opportunity",
            )
        }
        9 => {
            let note = ShadowNote {
                id: NoteId(format!("sh-new{n}")),
                // Some at one time, so equal times keep file order too.
                at: format!("2026-11-{:02}T10:00:00Z", 1 + r % 3 * 9),
                stage: stage.id.clone(),
                text: format!("note {n}"),
                channel: ["Store", "store", "Phone", "Chat"][r % 4].to_owned(),
                evidence: vec![format!("notes/{n}.jpg")],
                friction: some_friction(),
                ..ShadowNote::default()
            };
            let at = r % (map.shadow.notes.len() + 1);
            (
                Edit::InsertNote {
                    at,
                    note: Box::new(note),
                },
                "add a note",
            )
        }
        10 => {
            let at = r % map.shadow.notes.len().max(1);
            map.shadow.notes.get(at)?;
            (Edit::RemoveNote { at }, "remove a note")
        }
        11 => {
            let mut copy = Stage {
                id: StageId(format!("st-new{n}")),
                name: format!("stage {n}"),
                ..Stage::default()
            };
            copy.frictions = vec![Friction::new(
                FrictionId(format!("fr-st{n}")),
                "in a new stage".into(),
            )];
            let at = r % (stages + 1);
            (
                Edit::InsertStage {
                    at,
                    stage: Box::new(copy),
                },
                "add a stage",
            )
        }
        12 if stages > 2 => (Edit::RemoveStage { at: s }, "remove a stage"),
        13 => (
            Edit::MoveStage {
                from: s,
                to: r / 11 % stages,
            },
            "move a stage",
        ),
        14 => {
            // A friction point moved to another stage: two stages in one step.
            let to = r / 13 % stages;
            let point = stage.frictions.get(f)?.clone();
            let room = map.stages[to].frictions.len() - usize::from(to == s);
            let at = room.min(r % 3);
            let edit = Edit::Batch(vec![
                Edit::RemoveItem {
                    stage: s,
                    lane: ListLane::Friction,
                    at: f,
                },
                Edit::InsertItem {
                    stage: to,
                    at,
                    item: Item::Friction(point),
                },
            ]);
            (edit, "move a point to another stage")
        }
        15 => (replace(f, &|fr| *fr = conflicted(fr.clone()))?, "a conflict"),
        16 => (
            moves::duplicate_stage(map, s, &mut IdGen::seeded(n as u64), &|id| map.has_id(id))?,
            "duplicate a stage",
        ),
        17 if stages > 2 => (ops::delete_stage(map, s)?, "delete a stage, its notes and links"),
        18 => {
            let at = r % map.shadow.notes.len().max(1);
            let mut note = ShadowNote::clone(map.shadow.notes.get(at)?);
            note.channel = ["Store", "Web", "Kiosk", "kiosk", ""][r % 5].to_owned();
            note.friction = some_friction().filter(|_| !r.is_multiple_of(3));
            (
                Edit::ReplaceNote {
                    at,
                    note: Box::new(note),
                },
                "relink a note and change its channel",
            )
        }
        _ => {
            let field = StageText::Name;
            let text = format!("renamed {n}");
            (
                Edit::SetStageText {
                    stage: s,
                    field,
                    text,
                },
                "rename a stage",
            )
        }
    };
    Some(edit)
}

/// How many kinds of edit `edit_for` makes; the step kinds after them undo, redo or do
/// nothing.
const EDITS: u8 = 20;
const KINDS: u8 = EDITS + 4;

/// Runs `steps`, bringing the views up to date after every `lag`th step only (so they
/// catch up with several steps at once), and checks them against a rebuild each time.
fn check(steps: &[(u8, usize)], lag: usize) {
    let mut map = start_map();
    let mut history = History::default();
    let mut kept = Views::new();
    kept.refresh(&map, &history, Some((0, 0)));
    let mut fresh_ids = 0;
    let mut ever: HashSet<String> = map.ids().map(str::to_owned).collect();
    for (i, &(kind, r)) in steps.iter().enumerate() {
        let done = match kind % KINDS {
            k if k == EDITS || k == EDITS + 1 => history.undo(&mut map).map(|_| "undo"),
            k if k == EDITS + 2 => history.redo(&mut map).map(|_| "redo"),
            k if k == EDITS + 3 => Some("nothing"),
            _ => edit_for(&map, kind, r, &mut fresh_ids)
                .map(|(edit, label)| history.apply(&mut map, edit, label).map(|_| label).unwrap()),
        };
        let Some(done) = done else { continue };
        if (i + 1) % lag != 0 && i + 1 != steps.len() {
            continue;
        }
        let focus = map
            .stages
            .iter()
            .position(|s| !s.frictions.is_empty())
            .map(|s| (s, r % map.stages[s].frictions.len()));
        kept.refresh(&map, &history, focus);
        let mut fresh = Views::new();
        fresh.refresh(&map, &History::default(), focus);
        kept.assert_same_as(&fresh, &format!("step {i}: {done}"));
        kept.assert_names_of(&map, &format!("step {i}: {done}"));
        let now: HashSet<&str> = map.ids().collect();
        ever.extend(now.iter().map(|id| (*id).to_owned()));
        let gone: Vec<String> = ever
            .iter()
            .filter(|id| !now.contains(id.as_str()))
            .cloned()
            .collect();
        kept.assert_ids_of(&map, &gone, &format!("step {i}: {done}"));
        assert_links_found(&map, &kept.queue, r, &format!("step {i}: {done}"));
    }
}

/// Deleting a stage or a friction point finds the same links through the queue's tables
/// as by reading the map.
fn assert_links_found(map: &JourneyMap, queue: &Queue, r: usize, after: &str) {
    let s = r % map.stages.len().max(1);
    let by_scan = ops::delete_stage(map, s);
    assert_eq!(
        ops::delete_stage_with(map, s, queue),
        by_scan,
        "delete stage {s} after {after}"
    );
    let lane = ListLane::Friction;
    for f in 0..map.stages.get(s).map_or(0, |stage| stage.frictions.len()) {
        let by_scan = ops::delete_item(map, s, lane, f);
        let found = ops::delete_item_with(map, s, lane, f, queue);
        assert_eq!(found, by_scan, "delete point {s}/{f} after {after}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn incremental_views_equal_a_full_rebuild(
        steps in prop::collection::vec((0u8..KINDS, 0usize..10_000), 1..60),
        lag in 1usize..5,
    ) {
        check(&steps, lag);
    }
}

#[test]
fn every_kind_of_edit_in_turn() {
    let steps: Vec<(u8, usize)> = (0..240)
        .map(|i| ((i % usize::from(KINDS)) as u8, i * 7919 % 10_007))
        .collect();
    check(&steps, 1);
    check(&steps, 3);
}

#[test]
fn the_selection_follows_its_point_across_an_incremental_update() {
    let mut map = start_map();
    let mut history = History::default();
    let mut board = Board::default();
    board.refresh(&map, &history, false);
    board.selected = board.rows.len() - 1;
    let (s, f) = board.rows[board.selected];
    let chosen = map.stages[s].frictions[f].id.clone();
    let mut voted = map.stages[s].frictions[f].clone();
    voted.votes += 1000;
    let vote = Edit::ReplaceItem {
        stage: s,
        at: f,
        item: Item::Friction(voted),
    };
    history.apply(&mut map, vote, "vote").unwrap();
    board.refresh(&map, &history, false);
    assert_eq!(board.selected, 0, "the voted point leads and stays selected");
    let (s, f) = board.rows[0];
    assert_eq!(map.stages[s].frictions[f].id, chosen);
}
