//! Present mode through the update: turning stages and lanes, paging a tall stage,
//! keeping the selection in view, and the grid's keys that still work while presenting.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use cxmap::app::action::Action;
use cxmap::app::document::Document;
use cxmap::app::present::{Presenting, Showing, Window, page};
use cxmap::app::screen::View;
use cxmap::app::start::StartScreen;
use cxmap::app::update::update;
use cxmap::app::{App, Tone};
use cxmap::assets::EXAMPLES;
use cxmap::model::{IdGen, Lane, Score, Severity};

/// The online store (seven stages, a tall purchase stage) at `width`×`height`.
fn store(width: u16, height: u16) -> App {
    let map = EXAMPLES[1].map().unwrap();
    let mut app = App::with_document(Document::opened(map, "store.json".into()), IdGen::seeded(1));
    app.resize(width, height);
    app
}

fn run(app: &mut App, actions: impl IntoIterator<Item = Action>) {
    for action in actions {
        update(app, action);
    }
}

fn presenting(app: &App) -> &Presenting {
    match app.view() {
        Some(View::Present(presenting)) => presenting,
        other => panic!("not presenting: {other:?}"),
    }
}

/// Whether the selection's lines are on screen, as the view draws them.
fn selection_shows(app: &App) -> bool {
    let presenting = presenting(app);
    let (columns, rows) = app.geometry.present_page();
    let page = page(
        &app.doc().unwrap().map,
        presenting.showing,
        &app.cursor,
        columns,
        None,
    );
    let lines = page.lines_of(&app.cursor).unwrap();
    let window = Window::new(page.lines.len(), rows, presenting.scroll);
    window.lines().contains(&lines.start) && window.lines().contains(&(lines.end - 1))
}

fn at(app: &App) -> (usize, Lane, usize) {
    (app.cursor.stage, app.cursor.lane, app.cursor.item)
}

#[test]
fn the_present_key_shows_the_selected_stage_and_back_lands_on_what_was_shown() {
    let mut app = store(200, 50);
    run(&mut app, [Action::MoveRight, Action::Present]);
    assert_eq!(presenting(&app).showing, Showing::Stage);
    assert_eq!(app.cursor.stage, 1);
    run(
        &mut app,
        [Action::PresentNext, Action::SelectNext, Action::SelectNext],
    );
    assert_eq!(at(&app), (2, Lane::Emotion, 0), "goal, touchpoints, emotion");
    run(&mut app, [Action::Back]);
    assert_eq!(app.view(), Some(&View::Grid));
    assert_eq!(at(&app), (2, Lane::Emotion, 0));
}

#[test]
fn next_and_previous_turn_stages_from_their_top_and_stop_at_the_ends() {
    let mut app = store(200, 50);
    run(&mut app, [Action::Present, Action::PresentPrevious]);
    assert_eq!(app.cursor.stage, 0);
    assert_eq!(app.message.as_ref().unwrap().text, "This is the first stage");
    for _ in 0..10 {
        run(&mut app, [Action::PresentNext]);
    }
    assert_eq!(app.cursor.stage, 6);
    assert_eq!(app.message.as_ref().unwrap().text, "This is the last stage");
    run(&mut app, [Action::SelectLast, Action::PresentPrevious]);
    assert_eq!(at(&app), (5, Lane::Goal, 0), "the previous stage, from its top");
    assert_eq!(presenting(&app).scroll, 0);
}

#[test]
fn a_stage_taller_than_the_screen_pages_before_the_next_stage() {
    let mut app = store(80, 24);
    run(&mut app, [Action::MoveRight, Action::MoveRight, Action::Present]);
    assert_eq!(presenting(&app).scroll, 0);
    run(&mut app, [Action::PresentNext]);
    assert_eq!(app.cursor.stage, 2, "still the purchase stage: its second page");
    assert!(presenting(&app).scroll > 0);
    assert!(selection_shows(&app), "the selection moves onto the page shown");
    run(&mut app, [Action::PresentPrevious]);
    assert_eq!((app.cursor.stage, presenting(&app).scroll), (2, 0));
    run(&mut app, [Action::PresentNext, Action::PresentNext]);
    assert_eq!(app.cursor.stage, 3);
}

#[test]
fn moving_through_the_items_keeps_the_selection_on_screen() {
    let mut app = store(80, 24);
    run(&mut app, [Action::MoveRight, Action::MoveRight, Action::Present]);
    let targets = {
        let (columns, _) = app.geometry.present_page();
        page(
            &app.doc().unwrap().map,
            Showing::Stage,
            &app.cursor,
            columns,
            None,
        )
        .targets()
        .len()
    };
    assert_eq!(
        targets,
        3 + 4 + 3,
        "goal, touchpoints, emotion, 4 points, 3 opportunities"
    );
    for _ in 0..targets {
        run(&mut app, [Action::SelectNext]);
        assert!(selection_shows(&app), "{:?}", at(&app));
    }
    assert_eq!(at(&app), (2, Lane::Opportunity, 2));
    run(&mut app, [Action::SelectFirst]);
    assert_eq!((at(&app), presenting(&app).scroll), ((2, Lane::Goal, 0), 0));
}

#[test]
fn one_lane_across_the_stages_turns_lane_by_lane() {
    let mut app = store(80, 24);
    run(&mut app, [Action::MoveRight, Action::MoveRight]);
    run(&mut app, std::iter::repeat_n(Action::MoveDown, 7));
    assert_eq!(at(&app), (2, Lane::Friction, 0));
    run(&mut app, [Action::Present, Action::PresentSwitch]);
    assert_eq!(presenting(&app).showing, Showing::Lane);
    assert!(selection_shows(&app), "the selected point shows in the lane");
    // Down the lane: past the purchase stage's four points into the next stage's.
    run(&mut app, std::iter::repeat_n(Action::SelectNext, 4));
    assert_eq!(at(&app), (3, Lane::Friction, 0));
    assert!(selection_shows(&app));
    run(&mut app, [Action::SelectLast]);
    for _ in 0..20 {
        run(&mut app, [Action::PresentNext]);
    }
    assert_eq!(app.cursor.lane, Lane::Opportunity, "the last lane");
    run(&mut app, [Action::PresentSwitch]);
    assert_eq!(presenting(&app).showing, Showing::Stage);
}

#[test]
fn votes_severity_and_scores_still_work_while_presenting() {
    let mut app = store(80, 24);
    run(&mut app, [Action::MoveRight, Action::MoveRight, Action::Present]);
    run(&mut app, std::iter::repeat_n(Action::SelectNext, 3));
    assert_eq!(at(&app), (2, Lane::Friction, 0));
    let votes = app.doc().unwrap().map.stages[2].frictions[0].votes;
    run(&mut app, [Action::Vote, Action::Number(1)]);
    let point = &app.doc().unwrap().map.stages[2].frictions[0];
    assert_eq!((point.votes, point.severity), (votes + 1, Severity::Minor));
    run(
        &mut app,
        [Action::SelectPrevious, Action::LowerScore, Action::Number(1)],
    );
    assert_eq!(
        app.doc().unwrap().map.stages[2].emotion.score,
        Score::new(-1),
        "- then 1 is -1, as in the grid"
    );
    run(&mut app, [Action::Undo, Action::Undo, Action::Undo]);
    let point = &app.doc().unwrap().map.stages[2].frictions[0];
    assert_eq!((point.votes, point.severity), (votes, Severity::Severe));
    assert!(matches!(app.view(), Some(View::Present(_))));
}

#[test]
fn quick_capture_while_presenting_adds_to_the_stage_shown() {
    let mut app = store(80, 24);
    run(&mut app, [Action::MoveRight, Action::MoveRight, Action::Present]);
    run(&mut app, std::iter::repeat_n(Action::SelectNext, 3));
    run(&mut app, [Action::AddItem]);
    run(
        &mut app,
        "Queue of nine at the till !3 @Ana".chars().map(Action::Type),
    );
    run(&mut app, [Action::Commit, Action::Commit]);
    let point = &app.doc().unwrap().map.stages[2].frictions[1];
    assert_eq!(point.text, "Queue of nine at the till");
    assert_eq!((point.severity, point.owner.as_str()), (Severity::Severe, "Ana"));
    assert!(matches!(app.view(), Some(View::Present(_))), "still presenting");
    assert_eq!(at(&app), (2, Lane::Friction, 1));
    assert!(selection_shows(&app));
}

#[test]
fn a_read_only_map_refuses_changes_while_presenting() {
    let mut app = store(80, 24);
    app.doc_mut().unwrap().read_only = true;
    run(&mut app, [Action::Present]);
    run(&mut app, std::iter::repeat_n(Action::SelectNext, 3));
    run(&mut app, [Action::Vote]);
    let message = app.message.clone().unwrap();
    assert_eq!(message.tone, Tone::Error);
    assert!(message.text.starts_with("Read-only"), "{}", message.text);
    assert!(!app.doc().unwrap().is_dirty());
}

#[test]
fn the_present_flag_opens_the_next_map_in_present_mode_once() {
    let mut app = App::at_start(StartScreen::default(), IdGen::seeded(1));
    app.opens_presenting = true;
    let map = EXAMPLES[0].map().unwrap();
    app.open(Document::opened(map.clone(), "coffee.json".into()));
    assert!(matches!(app.view(), Some(View::Present(_))));
    app.open(Document::opened(map, "coffee.json".into()));
    assert_eq!(app.view(), Some(&View::Grid));
}

#[test]
fn a_blind_round_run_while_presenting_hides_every_count_on_the_page() {
    let mut app = store(80, 24);
    run(&mut app, [Action::MoveRight, Action::MoveRight, Action::Present]);
    run(&mut app, std::iter::repeat_n(Action::SelectNext, 3));
    // Three people, two votes each, blind (the form's default), totals kept.
    run(&mut app, [Action::VotingRound, Action::DeleteToLineStart]);
    run(&mut app, "3".chars().map(Action::Type));
    run(&mut app, [Action::NextField, Action::DeleteToLineStart]);
    run(&mut app, "2".chars().map(Action::Type));
    run(&mut app, [Action::Commit]);
    assert!(app.round.as_ref().is_some_and(|r| r.blind));
    assert!(matches!(app.view(), Some(View::Present(_))));
    run(&mut app, [Action::Vote, Action::NextParticipant, Action::Vote]);
    assert_eq!(app.round.as_ref().unwrap().cast_by(0), 1);
    let (columns, _) = app.geometry.present_page();
    let shown = page(
        &app.doc().unwrap().map,
        Showing::Stage,
        &app.cursor,
        columns,
        app.round.as_ref(),
    );
    let text: String = shown
        .lines
        .iter()
        .flat_map(|line| line.spans.iter().map(|s| s.text.as_str()))
        .collect();
    assert!(text.contains("1 ▲3 "), "{text}");
    assert!(!text.contains('●'), "no count shows in a blind round: {text}");
}

#[test]
fn owner_and_status_are_set_on_the_point_the_room_sees() {
    let mut app = store(80, 24);
    run(&mut app, [Action::MoveRight, Action::MoveRight, Action::Present]);
    run(&mut app, [Action::SetOwner]);
    assert!(app.form().is_none(), "the goal has no owner");
    run(&mut app, std::iter::repeat_n(Action::SelectNext, 4));
    assert_eq!(at(&app), (2, Lane::Friction, 1));
    run(&mut app, [Action::SetOwner, Action::DeleteToLineStart]);
    run(&mut app, "Thandi".chars().map(Action::Type));
    run(&mut app, [Action::Commit, Action::CycleStatus]);
    let point = &app.doc().unwrap().map.stages[2].frictions[1];
    assert_eq!(point.owner, "Thandi");
    assert_eq!(point.status, cxmap::model::Status::InProgress);
    assert!(matches!(app.view(), Some(View::Present(_))));
}

#[test]
fn an_opportunity_names_the_other_stages_points_it_addresses_by_stage() {
    let mut map = EXAMPLES[1].map().unwrap();
    let delivery = [
        map.stages[3].frictions[0].id.clone(),
        map.stages[3].frictions[1].id.clone(),
    ];
    let own = map.stages[2].frictions[0].id.clone();
    map.stages[2].opportunities[0].addresses = vec![own, delivery[0].clone(), delivery[1].clone()];
    let cursor = cxmap::app::cursor::Cursor {
        stage: 2,
        ..Default::default()
    };
    let page = page(&map, Showing::Stage, &cursor, 200, None);
    let text: Vec<String> = page
        .lines
        .iter()
        .map(|line| line.spans.iter().map(|s| s.text.as_str()).collect())
        .collect();
    let wanted = "for friction 1 · friction 1, 2 in 4 Delivery & Onboarding";
    assert!(text.iter().any(|line| line.contains(wanted)), "{text:#?}");
}

#[test]
fn the_grid_sets_owner_and_status_with_the_council_s_keys() {
    use cxmap::app::keymap::Mode;
    let mut app = store(120, 40);
    for mode in [Mode::Grid, Mode::Council, Mode::Board, Mode::Present] {
        assert_eq!(app.keymap.key(mode, &Action::SetOwner), "o", "{mode:?}");
        assert_eq!(app.keymap.key(mode, &Action::CycleStatus), "t", "{mode:?}");
    }
    while app.cursor.lane != Lane::Friction {
        run(&mut app, [Action::MoveDown]);
    }
    run(&mut app, [Action::SetOwner, Action::DeleteToLineStart]);
    run(&mut app, "Naledi".chars().map(Action::Type));
    run(&mut app, [Action::Commit, Action::CycleStatus]);
    let point = &app.doc().unwrap().map.stages[0].frictions[0];
    assert_eq!(point.owner, "Naledi");
    assert_eq!(point.status, cxmap::model::Status::InProgress);
    assert!(matches!(app.view(), Some(View::Grid)));
}
