//! Friction as an action queue, driven through actions with no terminal: search, the
//! emotion curve's switch, stage metrics, opportunity links, votes and friction fields.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use cxmap::app::action::Action;
use cxmap::app::document::Document;
use cxmap::app::search::{Place, find};
use cxmap::app::update::update;
use cxmap::app::{App, Tone};
use cxmap::assets::EXAMPLES;
use cxmap::model::{IdGen, JourneyMap, Lane};

fn store_app() -> App {
    let map = EXAMPLES[1].map().unwrap();
    let mut app = App::with_document(Document::opened(map, "store.json".into()), IdGen::seeded(1));
    app.resize(120, 40);
    app
}

fn run(app: &mut App, actions: impl IntoIterator<Item = Action>) {
    for action in actions {
        update(app, action);
    }
}

fn typed(text: &str) -> Vec<Action> {
    text.chars().map(Action::Type).collect()
}

fn map_of(app: &App) -> &JourneyMap {
    &app.doc.as_ref().unwrap().map
}

fn message(app: &App) -> String {
    app.message.as_ref().map(|m| m.text.clone()).unwrap_or_default()
}

#[test]
fn search_jumps_to_the_first_hit_then_n_and_shift_n_walk_round() {
    let mut app = store_app();
    let expected = find(map_of(&app), "DELIVERY");
    let cells: Vec<(usize, Lane, usize)> = expected
        .iter()
        .filter_map(|hit| match (hit.stage, hit.place) {
            (Some(s), Place::Cell { lane, item }) => Some((s, lane, item)),
            _ => None,
        })
        .collect();
    assert!(cells.len() >= 3, "{expected:?}");
    run(&mut app, [Action::MoveRight, Action::Search]);
    run(&mut app, typed("DELIVERY"));
    assert_eq!(app.search.hits.len(), expected.len(), "hits follow the typing");
    run(&mut app, [Action::Commit]);
    assert!(app.editor.is_none());
    let first = app.search.current.unwrap();
    let hit = app.search.hits[first];
    assert!(hit.stage.unwrap() >= 1, "the first hit at or after stage 2");
    assert!(message(&app).starts_with(&format!("hit {}/{}", first + 1, expected.len())));
    let at = |app: &App| (app.cursor.stage, app.cursor.lane, app.cursor.item);
    if let Place::Cell { lane, item } = hit.place {
        assert_eq!(at(&app), (hit.stage.unwrap(), lane, item));
    }
    run(&mut app, [Action::NextHit]);
    assert_eq!(app.search.current, Some((first + 1) % expected.len()));
    run(&mut app, [Action::PreviousHit, Action::PreviousHit]);
    assert_eq!(
        app.search.current,
        Some((first + 2 * expected.len() - 1) % expected.len())
    );
    for _ in 0..expected.len() {
        run(&mut app, [Action::NextHit]);
    }
    assert_eq!(
        app.search.current,
        Some((first + 2 * expected.len() - 1) % expected.len()),
        "n goes round the whole map and back"
    );
    assert!(app.search.hits_cell(cells[0].0, cells[0].1, cells[0].2));
    run(&mut app, [Action::LeaveSearch]);
    assert!(!app.search.is_active());
    assert!(app.search.hits.is_empty());
    assert!(!app.search.hits_cell(cells[0].0, cells[0].1, cells[0].2));
}

#[test]
fn a_search_with_no_match_says_so_clearly() {
    let mut app = store_app();
    run(&mut app, [Action::Search]);
    run(&mut app, typed("zebra crossing"));
    run(&mut app, [Action::Commit]);
    let warning = app.message.clone().unwrap();
    assert_eq!(warning.tone, Tone::Error);
    assert!(warning.text.contains("no match"), "{}", warning.text);
    assert_eq!((app.cursor.stage, app.cursor.lane), (0, Lane::Goal));
    run(&mut app, [Action::NextHit]);
    assert!(message(&app).contains("no match"));
}

#[test]
fn escape_in_the_search_prompt_leaves_the_search_without_asking() {
    let mut app = store_app();
    run(&mut app, [Action::Search]);
    run(&mut app, typed("size"));
    assert!(!app.search.hits.is_empty());
    run(&mut app, [Action::CancelEdit]);
    assert!(app.editor.is_none() && app.overlay.is_none());
    assert!(!app.search.is_active());
}

#[test]
fn hits_follow_changes_to_the_map() {
    let mut app = store_app();
    run(&mut app, [Action::Search]);
    run(&mut app, typed("flamingo"));
    run(&mut app, [Action::Commit]);
    assert!(app.search.hits.is_empty());
    run(&mut app, [Action::EditCell, Action::TextEnd]);
    run(&mut app, typed(" with a flamingo"));
    run(&mut app, [Action::Commit]);
    assert_eq!(app.search.hits.len(), 1);
    run(&mut app, [Action::Undo]);
    assert!(app.search.hits.is_empty());
}
