//! Action sequences against the app state, no terminal: what the map and the selection
//! look like afterwards, and that undo takes every change back.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use cxmap::app::action::Action;
use cxmap::app::document::Document;
use cxmap::app::modal::{AfterLeaving, Modal, Question};
use cxmap::app::update::update;
use cxmap::app::{App, Effect};
use cxmap::assets::{EXAMPLES, TEMPLATES};
use cxmap::format;
use cxmap::model::{Friction, IdGen, Lane, Score, Status};
use proptest::prelude::*;

fn example_app() -> App {
    let map = EXAMPLES[0].map().unwrap();
    let mut app = App::with_document(Document::opened(map, "coffee.json".into()), IdGen::seeded(1));
    app.resize(120, 40);
    app
}

fn template_app() -> App {
    let map = TEMPLATES[0]
        .instantiate("Workshop", &mut IdGen::seeded(2))
        .unwrap();
    let mut app = App::with_document(Document::new_file(map, "workshop.json".into()), IdGen::seeded(3));
    app.resize(80, 24);
    app
}

fn run(app: &mut App, actions: impl IntoIterator<Item = Action>) -> Vec<Effect> {
    actions.into_iter().map(|action| update(app, action)).collect()
}

fn typed(text: &str) -> Vec<Action> {
    text.chars().map(Action::Type).collect()
}

fn map_of(app: &App) -> &cxmap::model::JourneyMap {
    &app.doc().unwrap().map
}

#[test]
fn typing_into_a_goal_and_keeping_it_sets_the_goal() {
    let mut app = template_app();
    run(&mut app, [Action::EditCell]);
    run(&mut app, typed("Hear about us"));
    run(&mut app, [Action::Commit]);
    assert_eq!(map_of(&app).stages[0].goal, "Hear about us");
    assert!(app.editor().is_none());
    assert!(app.doc().unwrap().is_dirty());
}

#[test]
fn adding_items_keeps_capturing_until_an_empty_enter() {
    let mut app = template_app();
    run(&mut app, [Action::MoveDown, Action::AddItem]);
    run(&mut app, typed("Search engine"));
    run(&mut app, [Action::Commit]);
    run(&mut app, typed("Podcast ad"));
    run(&mut app, [Action::Commit, Action::Commit]);
    assert_eq!(
        map_of(&app).stages[0].touchpoints,
        ["Search engine", "Podcast ad"]
    );
    assert!(app.editor().is_none(), "an empty Enter ends the capture");
    assert_eq!((app.cursor.lane, app.cursor.item), (Lane::Touchpoints, 1));
}

#[test]
fn new_friction_points_get_fresh_unique_ids() {
    let mut app = template_app();
    run(
        &mut app,
        [
            Action::MoveDown,
            Action::MoveDown,
            Action::MoveDown,
            Action::AddItem,
        ],
    );
    run(&mut app, typed("Ads promise a discount the site does not show"));
    run(&mut app, [Action::Commit]);
    run(&mut app, typed("Cookie banner covers the menu"));
    run(&mut app, [Action::Commit, Action::Commit]);
    let frictions = &map_of(&app).stages[0].frictions;
    assert_eq!(frictions.len(), 2);
    assert!(frictions[0].id.as_str().starts_with("fr-"));
    assert_ne!(frictions[0].id, frictions[1].id);
}

#[test]
fn escape_with_changes_asks_and_no_drops_them() {
    let mut app = template_app();
    run(&mut app, [Action::EditCell]);
    run(&mut app, typed("half a thought"));
    run(&mut app, [Action::CancelEdit]);
    assert!(matches!(
        app.question(),
        Some(Question::KeepTyping { what }) if what.starts_with("what you typed for Customer goal")
    ));
    run(&mut app, [Action::Alternative]);
    assert!(
        matches!(app.modal, Modal::Editor(_)),
        "the third answer goes back to the editor"
    );
    run(&mut app, [Action::CancelEdit, Action::No]);
    assert!(app.editor().is_none());
    assert_eq!(map_of(&app).stages[0].goal, "");
    run(&mut app, [Action::EditCell]);
    run(&mut app, typed("another"));
    run(&mut app, [Action::CancelEdit, Action::Cancel]);
    assert!(app.modal == Modal::None, "Esc Esc always gets out");
    assert_eq!(map_of(&app).stages[0].goal, "");
}

#[test]
fn escape_with_changes_and_yes_keeps_them() {
    let mut app = template_app();
    run(&mut app, [Action::EditCell]);
    run(&mut app, typed("keep me"));
    run(&mut app, [Action::CancelEdit, Action::Yes]);
    assert_eq!(map_of(&app).stages[0].goal, "keep me");
}

#[test]
fn emotion_scores_step_and_stop_at_the_ends() {
    let mut app = template_app();
    run(&mut app, [Action::MoveDown, Action::MoveDown, Action::LowerScore]);
    assert_eq!(map_of(&app).stages[0].emotion.score, Score::new(-1));
    run(
        &mut app,
        [Action::LowerScore, Action::LowerScore, Action::LowerScore],
    );
    assert_eq!(map_of(&app).stages[0].emotion.score, Score::new(-2));
    run(&mut app, [Action::SetScore(2), Action::RaiseScore]);
    assert_eq!(map_of(&app).stages[0].emotion.score, Score::new(2));
    run(&mut app, [Action::DeleteItem]);
    assert_eq!(
        map_of(&app).stages[0].emotion.score,
        None,
        "d on the emotion lane clears the score"
    );
}

#[test]
fn stages_are_added_renamed_moved_and_deleted_with_a_question() {
    let mut app = template_app();
    run(&mut app, [Action::AddStageAfter]);
    run(&mut app, typed("Research"));
    run(&mut app, [Action::Commit]);
    let names = |app: &App| {
        map_of(app)
            .stages
            .iter()
            .map(|s| s.name.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&app)[..3], ["Awareness", "Research", "Consideration"]);
    assert_eq!(app.cursor.stage, 1);
    run(&mut app, [Action::MoveStageLeft]);
    assert_eq!(names(&app)[..2], ["Research", "Awareness"]);
    assert_eq!(app.cursor.stage, 0, "the selection moves with the stage");
    run(&mut app, [Action::RenameStage, Action::DeleteToLineStart]);
    run(&mut app, typed("Desk research"));
    run(&mut app, [Action::Commit]);
    assert_eq!(names(&app)[0], "Desk research");
    run(&mut app, [Action::DeleteStage]);
    assert_eq!(app.question(), Some(&Question::DeleteStage { stage: 0 }));
    run(&mut app, [Action::No]);
    assert_eq!(names(&app).len(), 8);
    run(&mut app, [Action::DeleteStage, Action::Yes]);
    assert_eq!(names(&app).len(), 7);
    assert_eq!(names(&app)[0], "Awareness");
}

#[test]
fn a_stage_needs_a_name_and_an_empty_new_stage_adds_nothing() {
    let mut app = template_app();
    run(
        &mut app,
        [Action::RenameStage, Action::DeleteToLineStart, Action::Commit],
    );
    assert!(app.editor().is_some(), "an empty name is not kept");
    assert_eq!(app.message.as_ref().unwrap().text, "A stage needs a name");
    run(
        &mut app,
        [
            Action::CancelEdit,
            Action::No,
            Action::AddStageAfter,
            Action::Commit,
        ],
    );
    assert_eq!(map_of(&app).stages.len(), 7);
}

#[test]
fn deleting_a_stage_takes_its_shadow_notes_and_undo_brings_them_back() {
    let mut app = example_app();
    let before = map_of(&app).clone();
    let stage_id = before.stages[0].id.clone();
    let notes = before.shadow.notes.iter().filter(|n| n.stage == stage_id).count();
    assert!(notes > 0, "the example has notes on its first stage");
    run(&mut app, [Action::DeleteStage, Action::Yes]);
    assert!(map_of(&app).shadow.notes.iter().all(|n| n.stage != stage_id));
    run(&mut app, [Action::Undo]);
    assert_eq!(map_of(&app), &before);
}

#[test]
fn deleting_a_friction_point_unlinks_opportunities_and_notes() {
    let mut app = example_app();
    let map = map_of(&app).clone();
    let (stage, friction) = map
        .stages
        .iter()
        .enumerate()
        .find_map(|(s, st)| st.frictions.first().map(|f| (s, f.id.clone())))
        .unwrap();
    app.cursor.stage = stage;
    app.cursor.lane = Lane::Friction;
    app.cursor.item = 0;
    run(&mut app, [Action::DeleteItem]);
    let after = map_of(&app);
    assert!(
        after
            .stages
            .iter()
            .flat_map(|s| &s.opportunities)
            .all(|o| !o.addresses.contains(&friction))
    );
    assert!(
        after
            .shadow
            .notes
            .iter()
            .all(|n| n.friction.as_ref() != Some(&friction))
    );
    let text = String::from_utf8(format::encode(after)).unwrap();
    assert!(
        format::parse(&text).unwrap().warnings.is_empty(),
        "no dangling references are left"
    );
}

#[test]
fn undo_and_redo_walk_the_history_and_track_unsaved_work() {
    let mut app = example_app();
    let original = map_of(&app).clone();
    run(
        &mut app,
        [Action::SetScore(2), Action::MoveRight, Action::SetScore(-2)],
    );
    let changed = map_of(&app).clone();
    run(&mut app, [Action::Undo, Action::Undo]);
    assert_eq!(map_of(&app), &original);
    assert!(!app.doc().unwrap().is_dirty(), "back at the saved state");
    run(&mut app, [Action::Undo]);
    assert_eq!(app.message.as_ref().unwrap().text, "Nothing to undo");
    run(&mut app, [Action::Redo, Action::Redo]);
    assert_eq!(map_of(&app), &changed);
    assert_eq!(app.cursor.stage, 1, "redo shows where the change happened");
}

#[test]
fn quitting_asks_only_when_work_is_unsaved() {
    let mut app = example_app();
    assert_eq!(run(&mut app, [Action::Quit]), [Effect::Quit]);
    let mut app = example_app();
    run(&mut app, [Action::SetScore(1)]);
    assert_eq!(run(&mut app, [Action::Quit]), [Effect::Nothing]);
    assert_eq!(
        run(&mut app, [Action::Yes]),
        [Effect::Save {
            then: Some(AfterLeaving::Quit)
        }]
    );
    run(&mut app, [Action::Quit]);
    assert_eq!(run(&mut app, [Action::No]), [Effect::Quit]);
}

#[test]
fn pasting_lines_onto_a_list_adds_one_item_each() {
    let mut app = template_app();
    run(
        &mut app,
        [
            Action::MoveDown,
            Action::Paste("Billboard\r\n\n  Radio spot \nNewsletter".into()),
        ],
    );
    assert_eq!(
        map_of(&app).stages[0].touchpoints,
        ["Billboard", "Radio spot", "Newsletter"]
    );
    run(&mut app, [Action::Undo]);
    assert!(
        map_of(&app).stages[0].touchpoints.is_empty(),
        "a paste undoes as one step"
    );
    run(&mut app, [Action::Paste("Kiosk\rApp store\r\rWidget".into())]);
    assert_eq!(
        map_of(&app).stages[0].touchpoints,
        ["Kiosk", "App store", "Widget"],
        "a terminal that sends line breaks as CR still gives one item per line"
    );
}

#[test]
fn moving_down_walks_items_then_lanes() {
    let mut app = example_app();
    let touchpoints = map_of(&app).stages[0].touchpoints.len();
    run(&mut app, [Action::MoveDown]);
    assert_eq!((app.cursor.lane, app.cursor.item), (Lane::Touchpoints, 0));
    run(&mut app, std::iter::repeat_n(Action::MoveDown, touchpoints));
    assert_eq!((app.cursor.lane, app.cursor.item), (Lane::Emotion, 0));
    run(&mut app, [Action::MoveUp]);
    assert_eq!(
        (app.cursor.lane, app.cursor.item),
        (Lane::Touchpoints, touchpoints - 1)
    );
}

#[test]
fn the_selection_scrolls_sideways_with_the_stages() {
    let mut app = template_app();
    assert_eq!(app.geometry.stage_columns(), 3);
    run(&mut app, [Action::LastStage]);
    assert_eq!((app.cursor.stage, app.cursor.first_stage), (6, 4));
    run(&mut app, [Action::MoveLeft, Action::MoveLeft]);
    assert_eq!(app.cursor.first_stage, 4);
    run(&mut app, [Action::MoveLeft]);
    assert_eq!(app.cursor.first_stage, 3);
}

fn grid_action() -> impl Strategy<Value = Action> {
    prop_oneof![
        Just(Action::MoveLeft),
        Just(Action::MoveRight),
        Just(Action::MoveUp),
        Just(Action::MoveDown),
        Just(Action::LastStage),
        Just(Action::DeleteItem),
        Just(Action::MoveItemUp),
        Just(Action::MoveItemDown),
        Just(Action::RaiseScore),
        Just(Action::LowerScore),
        (-2i8..=2).prop_map(Action::SetScore),
        Just(Action::MoveStageLeft),
        Just(Action::MoveStageRight),
        Just(Action::Undo),
        Just(Action::Redo),
        "[a-zé ]{0,8}".prop_map(|text| Action::Paste(format!("{text}\nsecond {text}"))),
        Just(Action::DeleteStage),
        Just(Action::Yes),
        Just(Action::EditCell),
        Just(Action::AddItem),
        Just(Action::AddStageAfter),
        "[a-z]{0,4}".prop_map(|text| Action::Type(text.chars().next().unwrap_or('x'))),
        Just(Action::DeleteBack),
        Just(Action::Commit),
        Just(Action::CancelEdit),
        Just(Action::No),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn undoing_everything_restores_the_map_byte_for_byte(actions in proptest::collection::vec(grid_action(), 0..60)) {
        let mut app = example_app();
        let original = format::encode(map_of(&app));
        for action in actions {
            update(&mut app, action);
        }
        app.modal = Modal::None;
        while app.doc().unwrap().history.can_undo() {
            update(&mut app, Action::Undo);
        }
        prop_assert_eq!(format::encode(map_of(&app)), original);
        prop_assert!(!app.doc().unwrap().is_dirty());
    }

    #[test]
    fn every_edit_sequence_saves_and_loads_as_the_same_map(actions in proptest::collection::vec(grid_action(), 0..60)) {
        let mut app = example_app();
        for action in actions {
            update(&mut app, action);
        }
        let bytes = format::encode(map_of(&app));
        let reloaded = format::parse_bytes(&bytes).map_err(|d| TestCaseError::fail(format!("{d:?}")))?;
        prop_assert!(reloaded.warnings.is_empty(), "{:?}", reloaded.warnings);
        prop_assert_eq!(&reloaded.map, map_of(&app));
    }
}

fn select_first_friction(app: &mut App) -> usize {
    let stage = map_of(app)
        .stages
        .iter()
        .position(|s| s.frictions.len() > 1)
        .unwrap();
    app.cursor.stage = stage;
    app.cursor.lane = Lane::Friction;
    app.cursor.item = 0;
    stage
}

#[test]
fn enter_on_a_friction_point_opens_its_form_and_keeping_it_changes_every_field() {
    let mut app = example_app();
    let stage = select_first_friction(&mut app);
    let before = map_of(&app).clone();
    run(&mut app, [Action::EditCell]);
    assert!(app.form().is_some(), "Enter on a friction point opens the form");
    run(&mut app, [Action::TextEnd]);
    run(&mut app, typed(" (seen twice)"));
    run(
        &mut app,
        [
            Action::NextField,
            Action::Type('1'),
            Action::NextField,
            Action::DeleteToLineStart,
        ],
    );
    run(&mut app, typed("Store"));
    run(
        &mut app,
        [Action::NextField, Action::DeleteToLineStart, Action::Type('4')],
    );
    run(&mut app, [Action::NextField, Action::DeleteToLineStart]);
    run(&mut app, typed("Ana"));
    run(&mut app, [Action::NextField, Action::Type('f')]);
    run(&mut app, [Action::NextField, Action::TextEnd, Action::NewLine]);
    run(&mut app, typed("photos/till.jpg"));
    run(&mut app, [Action::Commit]);
    assert!(app.form().is_none());
    let friction = &map_of(&app).stages[stage].frictions[0];
    let original = &before.stages[stage].frictions[0];
    assert_eq!(friction.text, format!("{} (seen twice)", original.text));
    assert_eq!(friction.severity, cxmap::model::Severity::Minor);
    assert_eq!(friction.channel, "Store");
    assert_eq!(friction.votes, 4);
    assert_eq!(friction.owner, "Ana");
    assert_eq!(friction.status, cxmap::model::Status::Fixed);
    assert_eq!(
        friction.evidence.last().map(String::as_str),
        Some("photos/till.jpg")
    );
    assert_eq!(friction.id, original.id, "the id stays");
    run(&mut app, [Action::Undo]);
    assert_eq!(map_of(&app), &before, "the whole form undoes as one step");
}

#[test]
fn a_form_with_a_bad_number_stays_open_and_says_why() {
    let mut app = example_app();
    select_first_friction(&mut app);
    run(
        &mut app,
        [
            Action::EditCell,
            Action::NextField,
            Action::NextField,
            Action::NextField,
        ],
    );
    run(&mut app, [Action::DeleteToLineStart]);
    run(&mut app, typed("-3"));
    run(&mut app, [Action::PreviousField, Action::Commit]);
    let form = app.form().expect("the form stays open");
    assert_eq!(
        form.error.as_deref(),
        Some("Votes must be a whole number from 0 to 9999")
    );
    assert_eq!(
        form.fields[form.focus].label, "Votes",
        "the focus moves to the field at fault"
    );
    run(&mut app, [Action::DeleteToLineStart, Action::Type('2')]);
    assert!(
        app.form().unwrap().error.is_none(),
        "the message goes once the field changes"
    );
    run(&mut app, [Action::Commit]);
    assert!(app.form().is_none());
}

#[test]
fn escaping_a_changed_form_asks_before_dropping_it() {
    let mut app = example_app();
    let stage = select_first_friction(&mut app);
    let before = map_of(&app).stages[stage].frictions[0].clone();
    run(
        &mut app,
        [
            Action::EditCell,
            Action::NextField,
            Action::CursorRight,
            Action::CancelEdit,
        ],
    );
    assert!(matches!(
        app.question(),
        Some(Question::KeepTyping { what }) if what == "your changes to Severity"
    ));
    run(&mut app, [Action::No]);
    assert!(app.form().is_none());
    assert_eq!(map_of(&app).stages[stage].frictions[0], before);
    run(&mut app, [Action::EditCell, Action::CancelEdit]);
    assert!(app.modal == Modal::None, "an unchanged form just closes");
}

#[test]
fn votes_go_up_and_down_but_never_below_zero_and_undo_covers_them() {
    let mut app = example_app();
    let stage = select_first_friction(&mut app);
    let before = map_of(&app).stages[stage].frictions[0].votes;
    run(&mut app, [Action::Vote, Action::Vote]);
    assert_eq!(map_of(&app).stages[stage].frictions[0].votes, before + 2);
    run(&mut app, std::iter::repeat_n(Action::Unvote, before as usize + 5));
    assert_eq!(map_of(&app).stages[stage].frictions[0].votes, 0);
    assert_eq!(app.message.as_ref().unwrap().text, "No votes to take away");
    run(
        &mut app,
        std::iter::repeat_n(Action::Undo, 2 + before as usize + 2),
    );
    assert_eq!(
        map_of(&app).stages[stage].frictions[0].votes,
        before,
        "two votes added, before + 2 taken away"
    );
    app.cursor.lane = Lane::Opportunity;
    let opportunity = map_of(&app).stages[stage].opportunities[0].votes;
    run(&mut app, [Action::Vote]);
    assert_eq!(map_of(&app).stages[stage].opportunities[0].votes, opportunity + 1);
    app.cursor.lane = Lane::Goal;
    run(&mut app, [Action::Vote]);
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .starts_with("Votes go on friction points and opportunities")
    );
}

#[test]
fn votes_at_the_largest_count_stay_there_instead_of_wrapping_to_zero() {
    let mut map = EXAMPLES[0].map().unwrap();
    let stage = map.stages.iter().position(|s| !s.frictions.is_empty()).unwrap();
    map.stages[stage].frictions[0].votes = u32::MAX;
    let text = format::encode(&map);
    let mut app = App::with_document(
        Document::opened(format::parse_bytes(&text).unwrap().map, "m.json".into()),
        IdGen::seeded(1),
    );
    assert_eq!(select_first_friction(&mut app), stage);
    run(&mut app, [Action::Vote]);
    assert_eq!(map_of(&app).stages[stage].frictions[0].votes, u32::MAX);
    assert!(!app.doc().unwrap().is_dirty(), "nothing changed");
    let said = &app.message.as_ref().unwrap().text;
    assert!(said.contains("4294967295 votes is the most"), "{said}");
    run(&mut app, [Action::Unvote]);
    assert_eq!(map_of(&app).stages[stage].frictions[0].votes, u32::MAX - 1);
}

#[test]
fn the_board_lists_sorts_filters_and_jumps_to_the_grid() {
    use cxmap::app::screen::View;
    let mut app = example_app();
    run(&mut app, [Action::ShowBoard]);
    assert_eq!(app.view(), Some(&View::Board));
    let total: usize = map_of(&app).stages.iter().map(|s| s.frictions.len()).sum();
    assert_eq!(app.board.rows.len(), total);
    run(&mut app, [Action::CycleSort, Action::CycleSort]);
    assert_eq!(app.message.as_ref().unwrap().text, "Sorted by stage order");
    assert!(app.board.rows.windows(2).all(|w| w[0] < w[1]));
    run(
        &mut app,
        [Action::FilterBoard, Action::CursorRight, Action::Commit],
    );
    let open = map_of(&app)
        .stages
        .iter()
        .flat_map(|s| &s.frictions)
        .filter(|f| f.status == Status::Open)
        .count();
    assert_eq!(app.board.rows.len(), open, "the filter keeps open points only");
    run(&mut app, [Action::SelectLast, Action::Open]);
    assert_eq!(app.view(), Some(&View::Grid));
    let &(stage, at) = app.board.rows.last().unwrap();
    assert_eq!(
        (app.cursor.stage, app.cursor.lane, app.cursor.item),
        (stage, Lane::Friction, at)
    );
    run(&mut app, [Action::ShowBoard, Action::ClearFilter]);
    assert_eq!(app.board.rows.len(), total);
}

#[test]
fn the_board_edits_and_votes_in_place_and_keeps_up_with_changes() {
    let mut app = example_app();
    run(&mut app, [Action::ShowBoard, Action::SelectFirst]);
    let (stage, at) = app.board.rows[0];
    let votes = map_of(&app).stages[stage].frictions[at].votes;
    run(&mut app, [Action::Vote]);
    assert_eq!(map_of(&app).stages[stage].frictions[at].votes, votes + 1);
    assert_eq!(app.board.rows[0], (stage, at), "still first by votes");
    run(&mut app, [Action::EditCell]);
    assert!(app.form().is_some(), "e edits in place");
    run(&mut app, [Action::TextStart]);
    run(&mut app, typed("Seen again: "));
    run(&mut app, [Action::Commit]);
    assert!(
        map_of(&app).stages[stage].frictions[at]
            .text
            .starts_with("Seen again: ")
    );
    run(&mut app, [Action::Undo, Action::Undo]);
    assert_eq!(map_of(&app).stages[stage].frictions[at].votes, votes);
}

#[test]
fn the_council_shows_the_top_three_open_points() {
    use cxmap::app::screen::View;
    let mut app = example_app();
    run(&mut app, [Action::ShowCouncil]);
    assert_eq!(app.view(), Some(&View::Council));
    assert_eq!(app.board.council.len(), 3);
    let map = map_of(&app);
    let council: Vec<&Friction> = app
        .board
        .council
        .iter()
        .map(|&(s, f)| &map.stages[s].frictions[f])
        .collect();
    assert!(council.iter().all(|f| !f.status.is_closed()));
    assert!(
        council
            .windows(2)
            .all(|w| (w[0].votes, w[0].severity) >= (w[1].votes, w[1].severity))
    );
    run(&mut app, [Action::SelectNext, Action::Open]);
    assert_eq!(app.view(), Some(&View::Grid));
    assert_eq!((app.cursor.stage, app.cursor.item), app.board.council[1]);
}

#[test]
fn moves_past_the_ends_say_so_and_change_nothing() {
    let mut app = example_app();
    let before = map_of(&app).clone();
    run(&mut app, [Action::MoveStageLeft]);
    assert_eq!(map_of(&app), &before);
    assert_eq!(
        app.message.as_ref().map(|m| m.text.as_str()),
        Some("This is the first stage already")
    );
    run(&mut app, [Action::SetScore(2), Action::RaiseScore]);
    assert!(
        app.message
            .as_ref()
            .is_some_and(|m| m.text.contains("already +2")),
        "{:?}",
        app.message
    );
    run(&mut app, [Action::MoveStageRight]);
    assert_eq!(map_of(&app).stages[1].id, before.stages[0].id);
    assert_eq!(
        app.message.as_ref().map(|m| m.text.as_str()),
        Some("Stage moved to position 2 of 7")
    );
}

#[test]
fn an_opportunity_links_to_friction_points_and_undo_unlinks() {
    let mut app = example_app();
    let stage = 1;
    run(&mut app, [Action::MoveRight]);
    while app.cursor.lane != Lane::Opportunity {
        run(&mut app, [Action::MoveDown]);
    }
    let before = map_of(&app).stages[stage].opportunities[0].addresses.clone();
    run(&mut app, [Action::LinkFrictions]);
    let picker = app.links().expect("A opens the picker on an opportunity");
    assert_eq!(
        picker.rows[0].stage, stage,
        "the opportunity's own stage comes first"
    );
    let far = picker.rows.iter().position(|r| r.stage != stage).unwrap();
    let far_id = picker.rows[far].friction.clone();
    for _ in 0..far {
        run(&mut app, [Action::SelectNext]);
    }
    run(&mut app, [Action::ToggleLink, Action::Commit]);
    assert!(app.links().is_none());
    let after = &map_of(&app).stages[stage].opportunities[0].addresses;
    assert!(after.contains(&far_id), "{after:?}");
    assert_eq!(after.len(), before.len() + 1);
    run(&mut app, [Action::Undo]);
    assert_eq!(map_of(&app).stages[stage].opportunities[0].addresses, before);
    run(&mut app, [Action::MoveUp, Action::LinkFrictions]);
    assert!(app.links().is_none(), "only an opportunity opens the picker");
}

#[test]
fn leaving_the_link_picker_with_new_ticks_asks_first() {
    let mut app = example_app();
    while app.cursor.lane != Lane::Opportunity {
        run(&mut app, [Action::MoveDown]);
    }
    let before = map_of(&app).stages[0].opportunities[0].addresses.clone();
    run(&mut app, [Action::LinkFrictions, Action::CancelEdit]);
    assert!(app.modal == Modal::None, "no ticks, no question");
    run(
        &mut app,
        [Action::LinkFrictions, Action::ToggleLink, Action::CancelEdit],
    );
    assert!(matches!(
        app.question(),
        Some(Question::KeepLinks { what }) if what == "the links you ticked (1 fewer)" || what == "the links you ticked (1 more)"
    ));
    run(&mut app, [Action::Alternative]);
    assert!(app.links().is_some(), "the third answer goes back to ticking");
    run(&mut app, [Action::CancelEdit, Action::No]);
    assert!(app.links().is_none());
    assert_eq!(map_of(&app).stages[0].opportunities[0].addresses, before);
    run(
        &mut app,
        [
            Action::LinkFrictions,
            Action::ToggleLink,
            Action::CancelEdit,
            Action::Yes,
        ],
    );
    assert_ne!(map_of(&app).stages[0].opportunities[0].addresses, before);
}

#[test]
fn the_council_opens_on_its_first_point_and_redoes_there() {
    let mut app = example_app();
    run(
        &mut app,
        [
            Action::ShowBoard,
            Action::SelectNext,
            Action::SelectNext,
            Action::Back,
        ],
    );
    run(&mut app, [Action::ShowCouncil]);
    assert_eq!(app.board.selected, 0, "not the board's row number");
    let keymap = cxmap::app::keymap::Keymap::default();
    let ctrl_r = crossterm::event::KeyEvent::new(
        crossterm::event::KeyCode::Char('r'),
        crossterm::event::KeyModifiers::CONTROL,
    );
    assert_eq!(
        keymap.resolve(cxmap::app::keymap::Mode::Council, &ctrl_r),
        Some(Action::Redo)
    );
}

#[test]
fn delete_on_an_empty_goal_or_an_unscored_emotion_says_there_is_nothing_to_delete() {
    let mut app = template_app();
    let before = map_of(&app).clone();
    assert_eq!(app.cursor.lane, Lane::Goal);
    run(&mut app, [Action::DeleteItem]);
    let said = &app.message.as_ref().expect("a word, not silence").text;
    assert!(said.starts_with("Nothing to delete: the goal is empty"), "{said}");
    while app.cursor.lane != Lane::Emotion {
        run(&mut app, [Action::MoveDown]);
    }
    run(&mut app, [Action::DeleteItem]);
    let said = &app.message.as_ref().expect("a word, not silence").text;
    assert_eq!(said, "Nothing to delete: the emotion is not scored");
    assert_eq!(map_of(&app), &before);
}

#[test]
fn ctrl_c_in_a_prompt_steps_back_out_of_it_rather_than_doing_nothing() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    let press = |app: &mut App| {
        let action = app
            .keymap
            .resolve(app.mode(), &ctrl_c)
            .expect("Ctrl-C is bound here");
        update(app, action)
    };
    let mut app = example_app();
    run(&mut app, [Action::EditCell]);
    assert!(app.editor().is_some());
    press(&mut app);
    assert!(app.editor().is_none(), "the untouched editor closes");
    run(&mut app, [Action::EditCell, Action::Type('x')]);
    press(&mut app);
    assert!(app.question().is_some(), "typed text is asked about, not dropped");
    press(&mut app);
    assert!(app.question().is_none());
    run(&mut app, [Action::ShowHelp]);
    press(&mut app);
    assert!(!matches!(app.modal, Modal::Help { .. }), "the help closes");
}
