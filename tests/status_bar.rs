//! The status bar at 80 columns in a workshop: a message reads whole, the voters' tally and
//! the stage give it their room while it shows and come back after.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use cxmap::app::App;
use cxmap::app::action::Action;
use cxmap::app::document::Document;
use cxmap::app::update::update;
use cxmap::assets::EXAMPLES;
use cxmap::model::{IdGen, Lane};
use cxmap::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn store_at_the_friction_lane() -> App {
    let map = EXAMPLES[1].map().unwrap();
    let mut app = App::with_document(Document::opened(map, "store.json".into()), IdGen::seeded(1));
    app.folder = cxmap::app::folder::FolderListing::holding(&[]);
    while app.cursor.lane != Lane::Friction {
        update(&mut app, Action::MoveDown);
    }
    app
}

fn act(app: &mut App, actions: impl IntoIterator<Item = Action>) {
    for action in actions {
        update(app, action);
    }
}

fn status_line(app: &mut App, width: u16, height: u16) -> String {
    app.resize(width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| ui::render(app, frame)).unwrap();
    let text = terminal.backend().to_string();
    text.lines().last().unwrap().to_owned()
}

/// The message showing, whole on the status line at 80×24.
#[track_caller]
fn reads_whole_at_80(app: &mut App, starts: &str) -> String {
    let message = app.message.as_ref().map(|m| m.text.clone()).unwrap_or_default();
    assert!(
        message.starts_with(starts),
        "said {message:?}, expected {starts:?}…"
    );
    let line = status_line(app, 80, 24);
    assert!(
        line.contains(&message),
        "cut at 80 columns:\n{line}\nwhole: {message}"
    );
    line
}

fn start_round_of_three(app: &mut App) {
    act(app, [Action::VotingRound]);
    act(app, "Ana, Ben, Cy".chars().map(Action::Type));
    act(app, [Action::Commit]);
}

#[test]
fn every_message_of_a_voting_round_reads_whole_beside_the_tally() {
    let mut app = store_at_the_friction_lane();
    start_round_of_three(&mut app);
    reads_whole_at_80(&mut app, "Round on: v casts for Ana, ] next person, R ends");
    let wide = status_line(&mut app, 120, 40);
    assert!(wide.contains("Round on") && wide.contains("▸Ana 3"), "{wide}");
    act(&mut app, [Action::Quit]);
    reads_whole_at_80(
        &mut app,
        "Voting round on: R ends it and puts its votes on the map first",
    );
    act(&mut app, [Action::Vote]);
    reads_whole_at_80(&mut app, "Ana → “");
    act(&mut app, [Action::Vote, Action::Vote]);
    reads_whole_at_80(&mut app, "Ana is done · now Ben (3 to cast)");
    act(&mut app, [Action::PreviousParticipant, Action::Vote]);
    reads_whole_at_80(&mut app, "Ana has cast all 3 votes: ] next person");
    act(&mut app, [Action::NextParticipant]);
    reads_whole_at_80(&mut app, "Now voting: Ben (3 to cast)");
    act(&mut app, std::iter::repeat_n(Action::Vote, 6));
    reads_whole_at_80(&mut app, "All 9 votes are cast: R shows the result");
    act(&mut app, [Action::Vote]);
    reads_whole_at_80(&mut app, "All 9 votes are cast: R shows the result");
    act(&mut app, [Action::Undo]);
    reads_whole_at_80(&mut app, "Undid Cy's vote on “");
    act(&mut app, [Action::Unvote]);
    reads_whole_at_80(&mut app, "Took back a vote of Cy's: 2 left");
    app.message = None;
    let hints = status_line(&mut app, 80, 24);
    assert!(
        hints.contains("▸Cy 2"),
        "with no message the tally is back:\n{hints}"
    );
}

#[test]
fn the_coach_and_the_recovery_read_whole_at_80_columns() {
    let mut app = store_at_the_friction_lane();
    act(&mut app, [Action::AddItem]);
    act(
        &mut app,
        "Add a chat button on the cart page".chars().map(Action::Type),
    );
    act(&mut app, [Action::Commit]);
    reads_whole_at_80(
        &mut app,
        "“Add” proposes a fix: after Esc, T makes it an opportunity",
    );
    act(&mut app, [Action::CancelEdit, Action::MoveDown, Action::MoveDown]);
    act(&mut app, [Action::MoveToOpportunities]);
    reads_whole_at_80(
        &mut app,
        "Select a friction point first: T moves it to the opportunities",
    );
    let mut app = store_at_the_friction_lane();
    app.inform("Recovered the unsaved work; Ctrl-S saves it, u undoes the recovery");
    start_round_of_three(&mut app);
    app.inform("Recovered the unsaved work; Ctrl-S saves it, u undoes the recovery");
    reads_whole_at_80(&mut app, "Recovered the unsaved work");
}
