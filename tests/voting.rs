//! Voting by people, no terminal: each participant casts their own votes, a blind round
//! hides every count, the board keeps its order until the round ends, and the result
//! lands on the map as one undoable step.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use cxmap::app::action::Action;
use cxmap::app::document::Document;
use cxmap::app::modal::Modal;
use cxmap::app::update::update;
use cxmap::app::{App, Tone};
use cxmap::assets::EXAMPLES;
use cxmap::model::voting::{ROUNDS, shown_votes};
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
    &app.doc().unwrap().map
}

/// Starts a round from the form: people, votes each, blind (0 yes, 1 no), keep (0 totals,
/// 1 who voted what).
fn start(app: &mut App, people: &str, votes_each: &str, blind: bool, keep: bool) {
    run(app, [Action::VotingRound, Action::DeleteToLineStart]);
    run(app, typed(people));
    run(app, [Action::NextField, Action::DeleteToLineStart]);
    run(app, typed(votes_each));
    run(app, [Action::NextField]);
    if !blind {
        run(app, [Action::CursorRight]);
    }
    run(app, [Action::NextField, Action::NextField]);
    if keep {
        run(app, [Action::CursorRight]);
    }
    run(app, [Action::Commit]);
    assert!(
        app.round.is_some(),
        "the round started: {:?}",
        app.form().map(|f| &f.error)
    );
}

fn said(app: &App) -> &str {
    &app.message.as_ref().unwrap().text
}

#[test]
fn a_blind_round_enforces_each_person_s_votes_hides_counts_and_keeps_the_board_still() {
    let mut app = store_app();
    run(&mut app, [Action::ShowBoard]);
    let before = map_of(&app).clone();
    let order = app.board.rows.clone();
    start(&mut app, "Ana, Ben, Cy", "3", true, false);
    // Ana puts all three on the board's last row; her fourth is refused.
    run(
        &mut app,
        [Action::SelectLast, Action::Vote, Action::Vote, Action::Vote],
    );
    assert!(
        said(&app).contains("Ana is done · now Ben (3 to cast)"),
        "{}",
        said(&app)
    );
    run(&mut app, [Action::PreviousParticipant, Action::Vote]);
    assert_eq!(app.message.as_ref().unwrap().tone, Tone::Error);
    assert!(said(&app).contains("Ana has cast all 3 votes"), "{}", said(&app));
    assert_eq!(app.round.as_ref().unwrap().cast_by(0), 3);
    run(&mut app, [Action::NextParticipant]);
    for _ in 0..3 {
        run(&mut app, [Action::SelectFirst, Action::Vote]);
    }
    run(
        &mut app,
        [Action::SelectNext, Action::Vote, Action::Vote, Action::Vote],
    );
    assert!(app.round.as_ref().unwrap().is_complete());
    assert!(
        map_of(&app) == &before,
        "nothing reaches the map during the round"
    );
    assert_eq!(
        app.board.rows, order,
        "the board keeps its order during the round"
    );
    let (s, f) = order[order.len() - 1];
    let last = &map_of(&app).stages[s].frictions[f];
    assert_eq!(
        shown_votes(app.round.as_ref(), last.id.as_str(), last.votes),
        None,
        "blind"
    );

    run(&mut app, [Action::VotingRound]);
    assert!(app.round.is_none());
    let Modal::Notice { title, lines, .. } = &app.modal else {
        panic!("the result shows")
    };
    assert_eq!(title, "Voting round result");
    assert_eq!(lines[0], "9 of 9 votes cast by 3 people (3 each), blind.");
    assert!(lines[2].starts_with("  1=  ●3"), "{lines:?}");
    assert!(lines[3].starts_with("  1=  ●3"), "{lines:?}");
    assert!(lines[4].starts_with("  1=  ●3"), "{lines:?}");
    assert!(lines.iter().any(|l| l == "= marks a tie."), "{lines:?}");
    let voted = &map_of(&app).stages[s].frictions[f];
    assert_eq!(voted.votes, before.stages[s].frictions[f].votes + 3);
    assert_ne!(app.board.rows, order, "the board re-sorts when the round ends");
    run(&mut app, [Action::Back, Action::Undo]);
    assert!(
        map_of(&app) == &before,
        "undo takes the whole round back in one step"
    );
}

#[test]
fn an_open_round_shows_counts_as_they_come_and_undo_takes_back_the_last_vote() {
    let mut app = store_app();
    while app.cursor.lane != Lane::Friction {
        run(&mut app, [Action::MoveDown]);
    }
    start(&mut app, "2", "2", false, false);
    let point = map_of(&app).stages[0].frictions[0].clone();
    run(&mut app, [Action::Vote]);
    let round = app.round.as_ref();
    assert_eq!(
        shown_votes(round, point.id.as_str(), point.votes),
        Some(point.votes + 1)
    );
    run(&mut app, [Action::Vote, Action::Vote]);
    assert_eq!(app.round.as_ref().unwrap().shown_name(), "P2");
    run(&mut app, [Action::Undo]);
    assert!(said(&app).starts_with("Undid P2's vote on “"), "{}", said(&app));
    assert_eq!(app.round.as_ref().unwrap().cast_count(), 2);
    run(&mut app, [Action::Quit]);
    assert!(
        said(&app).starts_with("Voting round on: R ends it"),
        "{}",
        said(&app)
    );
    assert!(app.round.is_some(), "quitting never drops a round's votes");
    run(&mut app, [Action::Unvote]);
    assert!(said(&app).starts_with("P2 cast no vote"), "{}", said(&app));
    run(&mut app, [Action::PreviousParticipant, Action::Unvote]);
    assert_eq!(app.round.as_ref().unwrap().cast_by(0), 1);
}

#[test]
fn who_voted_what_is_kept_only_when_asked() {
    let mut app = store_app();
    while app.cursor.lane != Lane::Opportunity {
        run(&mut app, [Action::MoveDown]);
    }
    start(&mut app, "Ana", "1", true, false);
    run(&mut app, [Action::Vote, Action::VotingRound, Action::Back]);
    assert!(!map_of(&app).extras.0.iter().any(|f| f.key == ROUNDS));
    start(&mut app, "Ana, Ben", "1", true, true);
    run(
        &mut app,
        [Action::Vote, Action::Vote, Action::VotingRound, Action::Back],
    );
    let rounds = &map_of(&app)
        .extras
        .0
        .iter()
        .find(|f| f.key == ROUNDS)
        .unwrap()
        .value;
    let ballots = rounds[0]["ballots"].as_array().unwrap();
    assert_eq!(ballots.len(), 2);
    assert_eq!(ballots[1]["voter"], "Ben");
}

#[test]
fn the_round_form_refuses_people_named_twice_and_remembers_the_last_round() {
    let mut app = store_app();
    run(&mut app, [Action::VotingRound, Action::DeleteToLineStart]);
    run(&mut app, typed("Ana, ana"));
    run(&mut app, [Action::Commit]);
    let error = app.form().unwrap().error.clone().unwrap();
    assert!(error.contains("named twice"), "{error}");
    run(&mut app, [Action::DeleteToLineStart]);
    run(&mut app, typed("Ana, Ben"));
    run(
        &mut app,
        [
            Action::Commit,
            Action::VotingRound,
            Action::Back,
            Action::VotingRound,
        ],
    );
    assert_eq!(
        app.form().unwrap().text("people"),
        "Ana, Ben",
        "the next round starts as the last"
    );
}

#[test]
fn undo_in_a_round_takes_back_the_last_thing_done_a_vote_taken_back_included() {
    let mut app = store_app();
    run(&mut app, [Action::ShowBoard]);
    start(&mut app, "Ana, Ben", "2", true, false);
    run(&mut app, [Action::Vote, Action::SelectNext, Action::Vote]);
    // Ben votes on the second row, then takes it back: undo puts that vote back, it
    // does not take back another one.
    run(&mut app, [Action::Vote, Action::Unvote]);
    assert_eq!(app.round.as_ref().unwrap().cast_by(1), 0);
    run(&mut app, [Action::Undo]);
    let round = app.round.as_ref().unwrap();
    assert_eq!((round.cast_by(0), round.cast_by(1)), (2, 1), "{}", said(&app));
    assert!(said(&app).starts_with("Ben's vote on “"), "{}", said(&app));
    assert!(said(&app).ends_with("” is back: 1 left"), "{}", said(&app));
    run(&mut app, [Action::Undo]);
    let round = app.round.as_ref().unwrap();
    assert_eq!((round.cast_by(0), round.cast_by(1)), (2, 0), "{}", said(&app));
    assert!(said(&app).starts_with("Undid Ben's vote on “"), "{}", said(&app));
}

#[test]
fn a_vote_past_the_last_one_of_the_room_says_the_round_can_end() {
    let mut app = store_app();
    run(&mut app, [Action::ShowBoard]);
    start(&mut app, "Ana, Ben", "1", true, false);
    run(&mut app, [Action::Vote, Action::Vote, Action::Vote]);
    assert_eq!(app.message.as_ref().unwrap().tone, Tone::Error);
    assert!(
        said(&app).starts_with("All 2 votes are cast: R shows the result"),
        "{}",
        said(&app)
    );
}

#[test]
fn what_the_round_form_suggests_is_replaced_by_what_is_typed() {
    let mut app = store_app();
    run(&mut app, [Action::ShowBoard, Action::VotingRound]);
    // The form suggests 3 people and 3 votes each: typing replaces, never appends.
    run(&mut app, typed("Ana, Ben"));
    run(&mut app, [Action::NextField]);
    run(&mut app, typed("2"));
    run(&mut app, [Action::Commit]);
    let round = app.round.as_ref().expect("the round started");
    assert_eq!(round.participants(), ["Ana", "Ben"]);
    assert_eq!(round.votes_each(), 2);
}

#[test]
fn undo_in_a_round_takes_back_a_map_edit_made_after_the_last_vote_first() {
    let mut app = store_app();
    while app.cursor.lane != Lane::Friction {
        run(&mut app, [Action::MoveDown]);
    }
    start(&mut app, "Ana, Ben", "2", true, false);
    run(&mut app, [Action::Vote]);
    let severity = map_of(&app).stages[0].frictions[0].severity;
    let other = if severity.number() == 3 { 1 } else { 3 };
    run(&mut app, [Action::Number(other)]);
    assert_ne!(map_of(&app).stages[0].frictions[0].severity, severity);
    run(&mut app, [Action::Undo]);
    assert_eq!(
        map_of(&app).stages[0].frictions[0].severity,
        severity,
        "the severity set after the vote goes back first"
    );
    assert_eq!(app.round.as_ref().unwrap().cast_count(), 1, "the vote stays");
    run(&mut app, [Action::Undo]);
    assert_eq!(app.round.as_ref().unwrap().cast_count(), 0, "then the vote");
    run(&mut app, [Action::Undo]);
    assert!(
        said(&app).starts_with("No vote cast in this round yet"),
        "{}",
        said(&app)
    );
}
