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

fn clear_and_type(app: &mut App, text: &str) {
    run(app, [Action::TextStart, Action::DeleteToLineEnd]);
    run(app, typed(text));
}

#[test]
fn metrics_are_checked_against_their_ranges_and_empty_means_absent() {
    let mut app = store_app();
    run(
        &mut app,
        [Action::MoveRight, Action::MoveRight, Action::EditMetrics],
    );
    assert!(app.form.is_some());
    let before = map_of(&app).stages[2].metrics.clone();
    assert!(before.as_ref().is_some_and(|m| m.csat == Some(58.0)));
    clear_and_type(&mut app, "101");
    run(&mut app, [Action::Commit]);
    let form = app
        .form
        .as_ref()
        .expect("an out-of-range CSAT keeps the form open");
    assert_eq!(
        form.error.as_deref(),
        Some("CSAT % must be a number from 0 to 100")
    );
    clear_and_type(&mut app, "");
    run(&mut app, [Action::NextField]);
    clear_and_type(&mut app, "-101");
    run(&mut app, [Action::Commit]);
    assert!(
        app.form
            .as_ref()
            .unwrap()
            .error
            .as_deref()
            .unwrap()
            .starts_with("NPS must be")
    );
    clear_and_type(&mut app, "-40");
    run(&mut app, [Action::NextField]);
    clear_and_type(&mut app, "0.5");
    run(&mut app, [Action::Commit]);
    assert!(
        app.form
            .as_ref()
            .unwrap()
            .error
            .as_deref()
            .unwrap()
            .starts_with("CES must be")
    );
    clear_and_type(&mut app, "6.5");
    run(&mut app, [Action::Commit]);
    assert!(app.form.is_none());
    let metrics = map_of(&app).stages[2].metrics.clone().unwrap();
    assert_eq!(
        (metrics.csat, metrics.nps, metrics.ces),
        (None, Some(-40.0), Some(6.5))
    );
    run(&mut app, [Action::Undo]);
    assert_eq!(
        map_of(&app).stages[2].metrics,
        before,
        "undo brings the old metrics back"
    );

    run(&mut app, [Action::EditMetrics]);
    clear_and_type(&mut app, "");
    run(&mut app, [Action::NextField]);
    clear_and_type(&mut app, "");
    run(&mut app, [Action::NextField]);
    clear_and_type(&mut app, "");
    run(&mut app, [Action::Commit]);
    assert_eq!(
        map_of(&app).stages[2].metrics,
        None,
        "all empty: no metrics at all"
    );
}

#[test]
fn the_calculator_fills_nps_and_csat_from_counts() {
    assert_eq!(cxmap::app::forms::nps(50.0, 30.0, 20.0), Some(30.0));
    assert_eq!(cxmap::app::forms::nps(0.0, 0.0, 0.0), None);
    assert_eq!(cxmap::app::forms::csat(39.0, 50.0), Some(78.0));
    assert_eq!(
        cxmap::app::forms::csat(60.0, 50.0),
        None,
        "more satisfied than answers"
    );
    let mut app = store_app();
    run(&mut app, [Action::EditMetrics]);
    for _ in 0..3 {
        run(&mut app, [Action::NextField]);
    }
    run(&mut app, typed("12"));
    run(&mut app, [Action::NextField]);
    run(&mut app, typed("5"));
    run(&mut app, [Action::NextField]);
    run(&mut app, typed("3"));
    run(&mut app, [Action::NextField]);
    run(&mut app, typed("17"));
    run(&mut app, [Action::NextField]);
    run(&mut app, typed("20"));
    let form = app.form.as_ref().unwrap();
    assert_eq!(form.text(1), "45", "NPS = (12 - 3) / 20");
    assert_eq!(form.text(0), "85", "CSAT = 17 / 20");
    run(&mut app, [Action::Commit]);
    let metrics = map_of(&app).stages[0].metrics.clone().unwrap();
    assert_eq!(
        (metrics.csat, metrics.nps, metrics.ces),
        (Some(85.0), Some(45.0), None)
    );
}
