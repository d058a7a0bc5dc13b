//! Present mode for the projector: snapshots of one stage and of one lane at 80×24 (a
//! zoomed terminal) and 200×50, nothing cut with "…", and its keys through the update.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use cxmap::app::App;
use cxmap::app::action::Action;
use cxmap::app::document::Document;
use cxmap::app::present::By;
use cxmap::app::screen::View;
use cxmap::app::update::update;
use cxmap::assets::EXAMPLES;
use cxmap::model::{IdGen, Lane};
use cxmap::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SIZES: [(u16, u16); 2] = [(80, 24), (200, 50)];

fn screen(app: &mut App, width: u16, height: u16) -> String {
    app.resize(width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| ui::render(app, frame)).unwrap();
    terminal.backend().to_string()
}

fn store() -> App {
    let map = EXAMPLES[1].map().unwrap();
    let mut app = App::with_document(
        Document::opened(map, "online-store.json".into()),
        IdGen::seeded(1),
    );
    app.resize(80, 24);
    app
}

fn act(app: &mut App, actions: impl IntoIterator<Item = Action>) {
    for action in actions {
        update(app, action);
    }
}

fn presented(app: &App) -> cxmap::app::present::Presenting {
    match app.view() {
        Some(View::Present(shown)) => *shown,
        other => panic!("not presenting: {other:?}"),
    }
}

#[test]
fn a_stage_in_full_text_at_each_size() {
    let mut app = store();
    act(&mut app, [Action::MoveRight, Action::MoveRight, Action::Present]);
    for (width, height) in SIZES {
        let shown = screen(&mut app, width, height);
        let body: Vec<&str> = shown.lines().skip(1).collect();
        assert!(
            !body.iter().any(|line| line.contains('…')),
            "nothing presented is cut with an ellipsis:\n{shown}"
        );
        insta::assert_snapshot!(format!("stage_{width}x{height}"), shown);
    }
}

#[test]
fn a_lane_across_the_journey_at_each_size() {
    let mut app = store();
    while app.cursor.lane != Lane::Friction {
        act(&mut app, [Action::MoveDown]);
    }
    act(&mut app, [Action::Present, Action::SwitchPresent]);
    for (width, height) in SIZES {
        let shown = screen(&mut app, width, height);
        let body: Vec<&str> = shown.lines().skip(1).collect();
        assert!(
            !body.iter().any(|line| line.contains('…')),
            "nothing presented is cut with an ellipsis:\n{shown}"
        );
        insta::assert_snapshot!(format!("lane_{width}x{height}"), shown);
    }
}

#[test]
fn next_previous_switch_scroll_and_back_to_where_it_ended() {
    let mut app = store();
    act(&mut app, [Action::Present]);
    assert_eq!(presented(&app).stage, 0);
    act(&mut app, [Action::MoveRight, Action::MoveRight, Action::MoveLeft]);
    assert_eq!(presented(&app).stage, 1);
    act(&mut app, [Action::SelectNext, Action::SelectNext]);
    assert_eq!(presented(&app).scroll, 2);
    act(&mut app, [Action::MoveRight]);
    assert_eq!(
        (presented(&app).stage, presented(&app).scroll),
        (2, 0),
        "a new stage starts at its top"
    );
    act(&mut app, [Action::SwitchPresent]);
    assert_eq!(presented(&app).by, By::Lane);
    act(&mut app, [Action::MoveRight, Action::MoveRight]);
    assert_eq!(presented(&app).lane, Lane::Emotion);
    act(&mut app, [Action::Back]);
    assert_eq!(app.view(), Some(&View::Grid));
    assert_eq!((app.cursor.stage, app.cursor.lane), (2, Lane::Emotion));
}
