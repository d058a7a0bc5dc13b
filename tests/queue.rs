//! Friction as an action queue, driven through actions with no terminal: search, the
//! emotion curve's switch, stage metrics, opportunity links, votes and friction fields.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use cxmap::app::App;
use cxmap::app::action::Action;
use cxmap::app::document::Document;
use cxmap::app::folder::FolderListing;
use cxmap::app::modal::Modal;
use cxmap::app::search::{Place, find};
use cxmap::app::update::update;
use cxmap::assets::EXAMPLES;
use cxmap::model::{IdGen, JourneyMap, Lane};

fn store_app() -> App {
    let map = EXAMPLES[1].map().unwrap();
    let mut app = App::with_document(Document::opened(map, "store.json".into()), IdGen::seeded(1));
    // The map's folder holds none of the example's evidence.
    app.folder = FolderListing::holding(&[]);
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
    &app.doc().unwrap().map
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
    assert_eq!(app.search.count(), expected.len(), "hits follow the typing");
    run(&mut app, [Action::Commit]);
    assert!(app.editor().is_none());
    let first = app.search.current.unwrap();
    let hit = app.search.hit(first).unwrap();
    assert!(hit.stage.unwrap() >= 1, "the first hit at or after stage 2");
    let leave = format!("{} ends the search", app.key(&Action::LeaveSearch));
    assert!(message(&app).ends_with(&leave), "{}", message(&app));
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
    assert_eq!(app.search.count(), 0);
    assert!(!app.search.hits_cell(cells[0].0, cells[0].1, cells[0].2));
}

#[test]
fn a_search_with_no_match_says_so_clearly() {
    let mut app = store_app();
    run(&mut app, [Action::Search]);
    run(&mut app, typed("zebra crossing"));
    run(&mut app, [Action::Commit]);
    let said = message(&app);
    let leave = format!("{} ends the search", app.key(&Action::LeaveSearch));
    assert!(
        said.starts_with("No match for “zebra crossing”") && said.ends_with(&leave),
        "{said}"
    );
    assert_eq!((app.cursor.stage, app.cursor.lane), (0, Lane::Goal));
    run(&mut app, [Action::MoveDown]);
    assert_eq!(
        app.message, None,
        "said once: the bar's right end keeps saying no match"
    );
    assert!(app.search.is_active() && app.search.count() == 0);
    run(&mut app, [Action::NextHit]);
    assert!(message(&app).contains("No match"));
}

#[test]
fn escape_in_the_search_prompt_leaves_the_search_without_asking() {
    let mut app = store_app();
    run(&mut app, [Action::Search]);
    run(&mut app, typed("size"));
    assert_ne!(app.search.count(), 0);
    run(&mut app, [Action::CancelEdit]);
    assert_eq!(app.modal, Modal::None);
    assert!(!app.search.is_active());
}

#[test]
fn hits_follow_changes_to_the_map() {
    let mut app = store_app();
    run(&mut app, [Action::Search]);
    run(&mut app, typed("flamingo"));
    run(&mut app, [Action::Commit]);
    assert_eq!(app.search.count(), 0);
    run(&mut app, [Action::EditCell, Action::TextEnd]);
    run(&mut app, typed(" with a flamingo"));
    run(&mut app, [Action::Commit]);
    assert_eq!(app.search.count(), 1);
    run(&mut app, [Action::Undo]);
    assert_eq!(app.search.count(), 0);
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
    assert!(app.form().is_some());
    let before = map_of(&app).stages[2].metrics.clone();
    assert!(before.as_ref().is_some_and(|m| m.csat == Some(58.0)));
    clear_and_type(&mut app, "101");
    run(&mut app, [Action::Commit]);
    let form = app.form().expect("an out-of-range CSAT keeps the form open");
    assert_eq!(
        form.error.as_deref(),
        Some("CSAT % must be a number from 0 to 100")
    );
    clear_and_type(&mut app, "");
    run(&mut app, [Action::NextField]);
    clear_and_type(&mut app, "-101");
    run(&mut app, [Action::Commit]);
    assert!(
        app.form()
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
        app.form()
            .unwrap()
            .error
            .as_deref()
            .unwrap()
            .starts_with("CES must be")
    );
    clear_and_type(&mut app, "6.5");
    run(&mut app, [Action::Commit]);
    assert!(app.form().is_none());
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
    let form = app.form().unwrap();
    assert_eq!(form.text("nps"), "45", "NPS = (12 - 3) / 20");
    assert_eq!(form.text("csat"), "85", "CSAT = 17 / 20");
    run(&mut app, [Action::Commit]);
    let metrics = map_of(&app).stages[0].metrics.clone().unwrap();
    assert_eq!(
        (metrics.csat, metrics.nps, metrics.ces),
        (Some(85.0), Some(45.0), None)
    );
}

fn blank_app() -> App {
    let map = cxmap::assets::TEMPLATES[0]
        .instantiate("Workshop", &mut IdGen::seeded(2))
        .unwrap();
    let mut app = App::with_document(Document::new_file(map, "workshop.json".into()), IdGen::seeded(3));
    // The map's folder holds nothing yet.
    app.folder = FolderListing::holding(&[]);
    app.resize(120, 40);
    app
}

fn to_friction_lane(app: &mut App) {
    run(app, [Action::MoveDown, Action::MoveDown, Action::MoveDown]);
    assert_eq!(app.cursor.lane, Lane::Friction);
}

#[test]
fn capture_asks_only_for_the_text_and_the_channel_follows_the_last_one() {
    let mut app = blank_app();
    to_friction_lane(&mut app);
    run(&mut app, [Action::AddItem]);
    assert!(
        app.editor().is_some() && app.form().is_none(),
        "capture is one line of text"
    );
    run(&mut app, typed("The menu is only a PDF"));
    run(&mut app, [Action::Commit, Action::Commit]);
    assert_eq!(
        map_of(&app).stages[0].frictions[0].channel,
        "",
        "no channel used yet"
    );
    run(&mut app, [Action::EditCell, Action::NextField, Action::NextField]);
    run(&mut app, typed("Website"));
    run(&mut app, [Action::Commit]);
    assert_eq!(map_of(&app).stages[0].frictions[0].channel, "Website");
    run(&mut app, [Action::AddItem]);
    run(&mut app, typed("No opening hours on the home page"));
    run(&mut app, [Action::Commit, Action::Commit]);
    let second = &map_of(&app).stages[0].frictions[1];
    assert_eq!(second.text, "No opening hours on the home page");
    assert_eq!(second.channel, "Website", "the last channel used");
    run(&mut app, [Action::MoveRight]);
    run(
        &mut app,
        [Action::Paste(
            "Hours differ on the maps app\nNo phone number".into(),
        )],
    );
    assert!(
        map_of(&app).stages[1]
            .frictions
            .iter()
            .all(|f| f.channel == "Website")
    );
}

#[test]
fn every_friction_field_is_kept_from_the_form_and_checked() {
    let mut app = blank_app();
    to_friction_lane(&mut app);
    run(&mut app, [Action::AddItem]);
    run(&mut app, typed("The cart is at R450"));
    run(&mut app, [Action::Commit, Action::Commit, Action::EditCell]);
    run(
        &mut app,
        [Action::TextStart, Action::DeleteToLineEnd, Action::Commit],
    );
    assert_eq!(
        app.form().unwrap().error.as_deref(),
        Some("A friction point needs its text: what happened?")
    );
    run(
        &mut app,
        typed("The cart is at R450 and shipping is free over R500"),
    );
    run(
        &mut app,
        [Action::NextField, Action::Type('3'), Action::NextField],
    );
    run(&mut app, typed("Mobile app"));
    run(&mut app, [Action::NextField]);
    run(&mut app, [Action::TextStart, Action::DeleteToLineEnd]);
    run(&mut app, typed("-1"));
    run(&mut app, [Action::Commit]);
    assert!(
        app.form()
            .unwrap()
            .error
            .as_deref()
            .unwrap()
            .starts_with("Votes must be")
    );
    run(&mut app, [Action::TextStart, Action::DeleteToLineEnd]);
    run(&mut app, typed("4"));
    run(&mut app, [Action::NextField]);
    run(&mut app, typed("Naledi"));
    run(
        &mut app,
        [Action::NextField, Action::CursorRight, Action::NextField],
    );
    run(&mut app, typed("photos/cart.png"));
    run(&mut app, [Action::NewLine]);
    run(&mut app, typed("https://example.com/survey"));
    run(&mut app, [Action::Commit]);
    assert!(app.form().is_none(), "{:?}", app.form().map(|f| &f.error));
    let friction = map_of(&app).stages[0].frictions[0].clone();
    assert_eq!(
        friction.text,
        "The cart is at R450 and shipping is free over R500"
    );
    assert_eq!(friction.severity, cxmap::model::Severity::Severe);
    assert_eq!(friction.channel, "Mobile app");
    assert_eq!(friction.votes, 4);
    assert_eq!(friction.owner, "Naledi");
    assert_eq!(friction.status, cxmap::model::Status::InProgress);
    assert_eq!(
        friction.evidence,
        ["photos/cart.png", "https://example.com/survey"]
    );
    run(&mut app, [Action::EditCell]);
    let note = app.form().unwrap().note.clone().unwrap_or_default();
    assert!(
        note.contains("photos/cart.png") && !note.contains("example.com"),
        "{note}"
    );
    run(&mut app, [Action::CancelEdit, Action::Undo]);
    assert_eq!(map_of(&app).stages[0].frictions[0].text, "The cart is at R450");
    assert_eq!(map_of(&app).stages[0].frictions[0].votes, 0);
}

#[test]
fn votes_never_go_below_zero_and_undo_one_at_a_time() {
    let mut app = blank_app();
    to_friction_lane(&mut app);
    run(&mut app, [Action::AddItem]);
    run(&mut app, typed("Hours differ"));
    run(&mut app, [Action::Commit, Action::Commit]);
    let votes = |app: &App| map_of(app).stages[0].frictions[0].votes;
    run(&mut app, [Action::Unvote]);
    assert_eq!(votes(&app), 0);
    assert!(message(&app).contains("No votes to take away"));
    run(
        &mut app,
        [Action::Vote, Action::Vote, Action::Vote, Action::Unvote],
    );
    assert_eq!(votes(&app), 2);
    run(&mut app, [Action::Undo]);
    assert_eq!(votes(&app), 3);
    run(&mut app, [Action::Undo, Action::Undo]);
    assert_eq!(votes(&app), 1);
    run(&mut app, [Action::Redo]);
    assert_eq!(votes(&app), 2);
}

#[test]
fn the_calculator_refuses_counts_it_cannot_use_and_a_kept_form_says_so() {
    let mut app = store_app();
    run(&mut app, [Action::MoveRight, Action::EditMetrics]);
    for _ in 0..6 {
        run(&mut app, [Action::NextField]);
    }
    run(&mut app, typed("70"));
    run(&mut app, [Action::NextField]);
    run(&mut app, typed("60"));
    run(&mut app, [Action::Commit]);
    assert_eq!(
        app.form().and_then(|f| f.error.as_deref()),
        Some("Satisfied answers cannot be more than all answers")
    );
    run(&mut app, [Action::DeleteBack, Action::DeleteBack]);
    run(&mut app, typed("80"));
    run(&mut app, [Action::Commit]);
    assert!(app.form().is_none(), "sensible counts are kept");
    assert_eq!(
        map_of(&app).stages[1].metrics.as_ref().and_then(|m| m.csat),
        Some(87.5)
    );
    assert_eq!(message(&app), "Stage metrics kept. u undoes");
}
