//! Keys act on the selection and nowhere else: digits set a friction point's severity or
//! the emotion score as the room says it, and nothing changes a lane that is not
//! selected. Keys are replayed through the keymap, as a person presses them.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use cxmap::app::App;
use cxmap::app::document::Document;
use cxmap::app::update::update;
use cxmap::assets::EXAMPLES;
use cxmap::model::{IdGen, JourneyMap, Lane, Score, Severity, Status};

fn store_app() -> App {
    let map = EXAMPLES[1].map().unwrap();
    let mut app = App::with_document(Document::opened(map, "store.json".into()), IdGen::seeded(1));
    app.resize(120, 40);
    app
}

/// Presses each key of `keys` (characters as typed) through the keymap.
fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let event = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        if let Some(action) = app.keymap.resolve(app.mode(), &event) {
            update(app, action);
        }
    }
}

fn map_of(app: &App) -> &JourneyMap {
    &app.doc().unwrap().map
}

fn select(app: &mut App, lane: Lane) {
    while app.cursor.lane != lane {
        press(app, "j");
    }
}

#[test]
fn digits_set_a_friction_point_s_severity_and_nothing_else() {
    let mut app = store_app();
    select(&mut app, Lane::Friction);
    let before = map_of(&app).clone();
    press(&mut app, "1");
    let point = &map_of(&app).stages[0].frictions[0];
    assert_eq!(point.severity, Severity::Minor);
    assert_eq!(
        map_of(&app).stages[0].emotion,
        before.stages[0].emotion,
        "the emotion lane is not selected"
    );
    press(&mut app, "3");
    assert_eq!(map_of(&app).stages[0].frictions[0].severity, Severity::Severe);
    press(&mut app, "u");
    assert_eq!(map_of(&app).stages[0].frictions[0].severity, Severity::Minor);
    press(&mut app, "5+-0");
    assert_eq!(map_of(&app).stages[0].emotion, before.stages[0].emotion);
    assert_eq!(map_of(&app).stages[0].frictions[0].severity, Severity::Minor);
}

#[test]
fn digits_and_signs_elsewhere_change_nothing_and_say_what_they_do() {
    let mut app = store_app();
    let before = map_of(&app).clone();
    for lane in [Lane::Goal, Lane::Touchpoints, Lane::Opportunity] {
        select(&mut app, lane);
        press(&mut app, "0123+-");
        assert!(map_of(&app) == &before, "{lane:?}");
    }
    press(&mut app, "2");
    let said = &app.message.as_ref().unwrap().text;
    assert!(said.contains("1–3 set a friction point's severity"), "{said}");
}

#[test]
fn the_emotion_score_is_typed_as_the_room_says_it() {
    let mut app = store_app();
    select(&mut app, Lane::Emotion);
    let score = |app: &App| map_of(app).stages[0].emotion.score;
    for (keys, value) in [
        ("-2", -2),
        ("0", 0),
        ("2", 2),
        ("-1", -1),
        ("+1", 1),
        ("1", 1),
        ("-", 0),
    ] {
        press(&mut app, keys);
        assert_eq!(score(&app), Score::new(value), "after {keys}");
    }
    press(&mut app, "-2");
    assert_eq!(score(&app), Score::new(-2));
    press(&mut app, "u");
    assert_eq!(score(&app), Score::new(0), "sign and digit undo as one change");
    press(&mut app, "3");
    assert_eq!(score(&app), Score::new(0), "3 is off the scale");
}

#[test]
fn a_sign_then_a_move_is_just_a_step() {
    let mut app = store_app();
    select(&mut app, Lane::Emotion);
    press(&mut app, "0-j2");
    assert_eq!(map_of(&app).stages[0].emotion.score, Score::new(-1));
    assert_eq!(map_of(&app).stages[0].frictions[0].severity, Severity::Major);
}

#[test]
fn digits_on_the_board_set_the_selected_point_s_severity() {
    let mut app = store_app();
    press(&mut app, "b");
    let (stage, at) = app.board.rows[0];
    let id = map_of(&app).stages[stage].frictions[at].id.clone();
    press(&mut app, "1");
    let (s, f) = map_of(&app).friction_position(&id).unwrap();
    assert_eq!(map_of(&app).stages[s].frictions[f].severity, Severity::Minor);
}

#[test]
fn an_item_moves_to_the_next_stage_keeping_its_id_votes_and_links_and_undoes() {
    let mut app = store_app();
    // The example's stage 3 friction point that an opportunity addresses.
    press(&mut app, "ll");
    select(&mut app, Lane::Friction);
    let before = map_of(&app).clone();
    let point = before.stages[2].frictions[0].clone();
    press(&mut app, ">");
    let (s, f) = map_of(&app).friction_position(&point.id).unwrap();
    assert_eq!(s, 3);
    assert_eq!(
        map_of(&app).stages[s].frictions[f],
        point,
        "same id, votes, evidence"
    );
    assert_eq!(
        (app.cursor.stage, app.cursor.lane, app.cursor.item),
        (3, Lane::Friction, f)
    );
    assert!(app.message.as_ref().unwrap().text.starts_with("Moved to 4 "));
    press(&mut app, "<<");
    assert_eq!(map_of(&app).friction_position(&point.id).unwrap().0, 1);
    press(&mut app, "uuu");
    assert!(map_of(&app) == &before);
    press(&mut app, "g<");
    assert!(map_of(&app) == &before, "nothing before the first stage");
}

#[test]
fn cut_and_paste_moves_an_item_between_cells_and_nothing_is_lost_before() {
    let mut app = store_app();
    select(&mut app, Lane::Opportunity);
    let before = map_of(&app).clone();
    let opportunity = before.stages[0].opportunities[0].clone();
    press(&mut app, "X");
    assert!(
        map_of(&app) == &before,
        "cutting keeps the item until it is pasted"
    );
    press(&mut app, "lkP");
    assert!(map_of(&app) == &before, "a friction cell takes no opportunity");
    press(&mut app, "jlP");
    let stage = &map_of(&app).stages[2];
    assert!(stage.opportunities.contains(&opportunity));
    assert!(!map_of(&app).stages[0].opportunities.contains(&opportunity));
    assert!(app.clip.is_none());
    press(&mut app, "u");
    assert!(map_of(&app) == &before);
}

#[test]
fn a_stage_is_duplicated_after_itself_and_selected() {
    let mut app = store_app();
    press(&mut app, "lY");
    let map = map_of(&app);
    assert_eq!(map.stages.len(), EXAMPLES[1].map().unwrap().stages.len() + 1);
    assert_eq!(map.stages[2].name, format!("{} (copy)", map.stages[1].name));
    assert_eq!(app.cursor.stage, 2);
    assert!(map.stages[2].frictions.iter().all(|f| f.votes == 0));
    press(&mut app, "u");
    assert!(map_of(&app) == &EXAMPLES[1].map().unwrap());
}

#[test]
fn owners_and_status_are_one_key_each_in_the_council_view_and_on_the_board() {
    let mut app = store_app();
    press(&mut app, "c");
    let (s, f) = app.board.council[0];
    let id = map_of(&app).stages[s].frictions[f].id.clone();
    press(&mut app, "o");
    assert!(app.form().is_some(), "o asks for the owner");
    update(&mut app, cxmap::app::action::Action::DeleteToLineStart);
    press(&mut app, "kag");
    let tab = KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE);
    let action = app.keymap.resolve(app.mode(), &tab).unwrap();
    update(&mut app, action);
    assert_eq!(
        app.form().unwrap().text("name"),
        "Kagiso",
        "Tab completes the map's owners"
    );
    let enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
    let action = app.keymap.resolve(app.mode(), &enter).unwrap();
    update(&mut app, action);
    let point = |app: &App| {
        let (s, f) = map_of(app).friction_position(&id).unwrap();
        map_of(app).stages[s].frictions[f].clone()
    };
    assert_eq!(point(&app).owner, "Kagiso");
    let status = point(&app).status;
    press(&mut app, "t");
    assert_ne!(point(&app).status, status);
    press(&mut app, "u");
    assert_eq!(point(&app).status, status);
    press(&mut app, "bG");
    let (s, f) = app.board.rows[app.board.selected];
    let before = map_of(&app).stages[s].frictions[f].status;
    press(&mut app, "t");
    assert_ne!(
        map_of(&app).stages[s].frictions[f].status,
        before,
        "the board too"
    );
}

#[test]
fn a_point_closed_in_the_council_keeps_its_place_so_t_again_moves_the_same_point_on() {
    let mut app = store_app();
    press(&mut app, "c");
    let shown = app.board.council_shown.clone();
    let (s, f) = shown[0];
    let id = map_of(&app).stages[s].frictions[f].id.clone();
    let status = |app: &App| {
        let (s, f) = map_of(app).friction_position(&id).unwrap();
        map_of(app).stages[s].frictions[f].status
    };
    assert_eq!(status(&app), Status::Open);
    press(&mut app, "tt");
    assert_eq!(status(&app), Status::Fixed);
    assert_eq!(app.board.council_shown[0], shown[0], "it stays where it was");
    assert_eq!(&app.board.council_shown[1..3], &shown[1..3]);
    press(&mut app, "t");
    assert_eq!(status(&app), Status::WontFix, "t again: the same point");
    let said = &app.message.as_ref().unwrap().text;
    assert!(said.starts_with("Status: won't fix"), "{said}");
    // Coming back to the council shows the open points only.
    press(&mut app, "bc");
    assert!(
        app.board
            .council_shown
            .iter()
            .all(|&(s, f)| !map_of(&app).stages[s].frictions[f].status.is_closed())
    );
    assert_eq!(app.board.council_shown.len(), 3);
}

#[test]
fn setting_an_owner_says_so() {
    let mut app = store_app();
    press(&mut app, "c");
    press(&mut app, "o");
    update(&mut app, cxmap::app::action::Action::DeleteToLineStart);
    press(&mut app, "Dee");
    let enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
    let action = app.keymap.resolve(app.mode(), &enter).unwrap();
    update(&mut app, action);
    let said = &app.message.as_ref().unwrap().text;
    assert!(said.starts_with("Owner: Dee ("), "{said}");
    assert!(said.ends_with("u undoes"), "{said}");
}

#[test]
fn a_name_typed_for_an_owner_replaces_the_one_there() {
    let mut app = store_app();
    press(&mut app, "c");
    let (s, f) = app.board.council[0];
    let id = map_of(&app).stages[s].frictions[f].id.clone();
    press(&mut app, "oDee");
    let enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
    let action = app.keymap.resolve(app.mode(), &enter).unwrap();
    update(&mut app, action);
    let (s, f) = map_of(&app).friction_position(&id).unwrap();
    assert_eq!(map_of(&app).stages[s].frictions[f].owner, "Dee");
}

#[test]
fn page_down_jumps_a_lane_at_a_time_to_its_first_item() {
    let map = cxmap::assets::EXAMPLES[1].map().unwrap();
    let mut app = cxmap::app::App::with_document(
        cxmap::app::document::Document::opened(map, "store.json".into()),
        cxmap::model::IdGen::seeded(1),
    );
    app.resize(120, 40);
    let lanes: Vec<cxmap::model::Lane> = (0..4)
        .map(|_| {
            cxmap::app::update::update(&mut app, cxmap::app::action::Action::LaneDown);
            app.cursor.lane
        })
        .collect();
    use cxmap::model::Lane;
    assert_eq!(
        lanes,
        [
            Lane::Touchpoints,
            Lane::Emotion,
            Lane::Friction,
            Lane::Opportunity
        ]
    );
    cxmap::app::update::update(&mut app, cxmap::app::action::Action::LaneUp);
    assert_eq!((app.cursor.lane, app.cursor.item), (Lane::Friction, 0));
    assert_eq!(
        app.keymap.key(
            cxmap::app::keymap::Mode::Grid,
            &cxmap::app::action::Action::LaneDown
        ),
        "PgDn"
    );
}
