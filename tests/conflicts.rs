//! Resolving merge conflicts in the program: a map left with conflicts by `cxmap merge`
//! opens on the list of them; choosing ours or theirs is one undoable edit; the list,
//! the title bar's count and the screens at 80×24 and 200×50.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use cxmap::app::App;
use cxmap::app::action::Action;
use cxmap::app::document::Document;
use cxmap::app::screen::View;
use cxmap::app::update::update;
use cxmap::format;
use cxmap::model::conflict;
use cxmap::model::merge::merge;
use cxmap::model::{IdGen, JourneyMap, Lane, Score, Severity};
use cxmap::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const CANONICAL: &str = include_str!("fixtures/canonical.json");

/// The canonical map merged from two branches that disagree on a friction point's
/// severity and on the first stage's emotion score, and where theirs deleted the
/// opportunity ours rewrote.
fn conflicted() -> JourneyMap {
    let base = format::parse(CANONICAL).unwrap().map;
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.stages[0].frictions[0].severity = Severity::Major;
    theirs.stages[0].frictions[0].severity = Severity::Minor;
    ours.stages[0].emotion.score = Score::new(1);
    theirs.stages[0].emotion.score = None;
    ours.stages[0].opportunities[0].text = "A menu page that filters by diet".into();
    theirs.stages[0].opportunities.clear();
    merge(&base, &ours, &theirs)
}

fn app() -> App {
    let doc = Document::opened(conflicted(), "map.json".into());
    let mut app = App::with_document(doc, IdGen::seeded(1));
    app.resize(80, 24);
    update(&mut app, Action::SelectFirst);
    app
}

fn screen(app: &mut App, width: u16, height: u16) -> String {
    app.resize(width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| ui::render(app, frame)).unwrap();
    terminal.backend().to_string()
}

#[test]
fn a_conflicted_map_opens_on_its_conflicts() {
    let app = app();
    assert_eq!(app.view(), Some(&View::Conflicts));
    let fields: Vec<&str> = app
        .conflicts
        .entries
        .iter()
        .map(|e| e.conflict.field.as_str())
        .collect();
    assert_eq!(fields, ["emotion.score", "severity", "deleted"]);
    let score = &app.conflicts.entries[0];
    assert_eq!(
        (score.ours.as_str(), score.theirs.as_str()),
        ("+1 positive", "not scored")
    );
    assert_eq!(score.base.as_deref(), Some("-1 negative"));
    let clean = App::with_document(
        Document::opened(format::parse(CANONICAL).unwrap().map, "map.json".into()),
        IdGen::seeded(1),
    );
    assert_eq!(
        clean.view(),
        Some(&View::Grid),
        "a map without conflicts opens on the grid"
    );
}

#[test]
fn choosing_a_side_resolves_one_conflict_and_undo_takes_it_back() {
    let mut app = app();
    update(&mut app, Action::SelectNext);
    update(&mut app, Action::TakeTheirs);
    let map = &app.doc().unwrap().map;
    assert_eq!(map.stages[0].frictions[0].severity, Severity::Minor);
    assert_eq!(app.conflicts.entries.len(), 2);
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .starts_with("Took theirs (1 minor); 2 left")
    );
    assert!(app.doc().unwrap().is_dirty());
    update(&mut app, Action::Undo);
    assert_eq!(*app.doc().unwrap().map, conflicted());
    assert_eq!(app.conflicts.entries.len(), 3);
}

#[test]
fn every_conflict_resolved_leaves_a_map_without_any() {
    let mut app = app();
    update(&mut app, Action::TakeOurs);
    update(&mut app, Action::TakeOurs);
    update(&mut app, Action::TakeTheirs);
    let map = &app.doc().unwrap().map;
    assert!(conflict::all(map).is_empty());
    assert_eq!(map.stages[0].emotion.score, Score::new(1));
    assert!(map.stages[0].opportunities.is_empty(), "theirs deleted it");
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .contains("No conflicts left: Ctrl-S saves")
    );
    update(&mut app, Action::TakeOurs);
    assert_eq!(app.message.as_ref().unwrap().text, "No merge conflicts left");
}

#[test]
fn enter_shows_the_item_in_the_map_and_the_list_comes_back() {
    let mut app = app();
    update(&mut app, Action::SelectLast);
    update(&mut app, Action::Open);
    assert_eq!(app.view(), Some(&View::Grid));
    assert_eq!(
        (app.cursor.stage, app.cursor.lane, app.cursor.item),
        (0, Lane::Opportunity, 0)
    );
    assert!(
        screen(&mut app, 80, 24)
            .lines()
            .next()
            .unwrap()
            .contains("3 conflicts (!)")
    );
    update(&mut app, Action::ShowConflicts);
    assert_eq!(app.view(), Some(&View::Conflicts));
    update(&mut app, Action::Back);
    assert_eq!(app.view(), Some(&View::Grid));
}

#[test]
fn the_conflicts_view_at_80x24_and_200x50() {
    let mut app = app();
    update(&mut app, Action::SelectNext);
    for (width, height) in [(80, 24), (200, 50)] {
        insta::assert_snapshot!(
            format!("conflicts_{width}x{height}"),
            screen(&mut app, width, height)
        );
    }
    for _ in 0..3 {
        update(&mut app, Action::TakeOurs);
    }
    insta::assert_snapshot!("conflicts_all_resolved_80x24", screen(&mut app, 80, 24));
}

#[test]
fn a_note_in_conflict_shows_in_the_notes_pane() {
    let base = format::parse(CANONICAL).unwrap().map;
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.shadow.notes[0].text = "Hours page 404s on Android".into();
    theirs.shadow.notes[0].text = "Hours page 404s on iPhone".into();
    let doc = Document::opened(merge(&base, &ours, &theirs), "map.json".into());
    let mut app = App::with_document(doc, IdGen::seeded(1));
    update(&mut app, Action::SelectFirst);
    assert_eq!(
        app.conflicts.entries[0].item,
        "shadow note by Ana: Hours page 404s on Android"
    );
    update(&mut app, Action::Open);
    assert_eq!(app.mode(), cxmap::app::keymap::Mode::Shadow);
    assert_eq!(app.shadow.selected_note(), Some(0));
}

#[test]
fn the_memo_facts_merge_fact_by_fact_and_resolve_like_any_field() {
    use cxmap::model::MemoFacts;
    use cxmap::model::conflict::Side;
    let mut base = format::parse(CANONICAL).unwrap().map;
    base.memo = Some(MemoFacts {
        walked_by: "Ana".into(),
        ..MemoFacts::default()
    });
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.memo.as_mut().unwrap().walked_by = "Ana and Bo".into();
    ours.memo.as_mut().unwrap().devices = "phone".into();
    theirs.memo.as_mut().unwrap().walked_by = "Ana, Cleo".into();
    theirs.memo.as_mut().unwrap().when = "week 48".into();
    let merged = merge(&base, &ours, &theirs);
    let memo = merged.memo.as_ref().unwrap();
    assert_eq!((memo.when.as_str(), memo.devices.as_str()), ("week 48", "phone"));
    let found = conflict::all(&merged);
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].describe(),
        "the map memo.walked_by: “Ana and Bo” in ours, “Ana, Cleo” in theirs, “Ana” before"
    );
    let mut map = merged.clone();
    conflict::resolve(&map, &found[0], Side::Theirs)
        .unwrap()
        .apply(&mut map)
        .unwrap();
    assert_eq!(map.memo.as_ref().unwrap().walked_by, "Ana, Cleo");
    assert!(conflict::all(&map).is_empty());
}
