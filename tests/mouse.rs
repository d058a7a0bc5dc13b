//! The mouse through the view and the update: each screen is drawn into a TestBackend,
//! the click lands where a text shows, and what the frame recorded there is what the
//! update selects (a double click then does what Enter does).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use cxmap::app::action::Action;
use cxmap::app::document::Document;
use cxmap::app::modal::Modal;
use cxmap::app::pointer::{Spot, Wheel};
use cxmap::app::screen::View;
use cxmap::app::shadow::Pane;
use cxmap::app::start::StartScreen;
use cxmap::app::update::update;
use cxmap::app::{App, Effect};
use cxmap::assets::EXAMPLES;
use cxmap::model::{IdGen, Lane};
use cxmap::ui::{self, Hits};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

fn store(width: u16, height: u16) -> App {
    let map = EXAMPLES[1].map().unwrap();
    let mut app = App::with_document(Document::opened(map, "store.json".into()), IdGen::seeded(1));
    app.folder = cxmap::app::folder::FolderListing::holding(&[]);
    app.resize(width, height);
    app
}

fn run(app: &mut App, actions: impl IntoIterator<Item = Action>) -> Effect {
    actions
        .into_iter()
        .map(|action| update(app, action))
        .last()
        .unwrap_or(Effect::Nothing)
}

/// Draws the app as the terminal loop does; the screen and where it drew what.
fn draw(app: &App) -> (Buffer, Hits) {
    let mut terminal = Terminal::new(TestBackend::new(app.geometry.width, app.geometry.height)).unwrap();
    let mut hits = Hits::default();
    terminal.draw(|frame| hits = ui::draw(app, frame)).unwrap();
    (terminal.backend().buffer().clone(), hits)
}

/// Where `text` first shows on screen (its first column and its row).
fn find(buffer: &Buffer, text: &str) -> (u16, u16) {
    let area = buffer.area;
    for y in area.top()..area.bottom() {
        let cells: Vec<(u16, &str)> = (area.left()..area.right())
            .map(|x| (x, buffer[(x, y)].symbol()))
            .collect();
        for start in 0..cells.len() {
            let mut joined = String::new();
            for &(_, symbol) in &cells[start..] {
                joined.push_str(symbol);
                if joined.len() >= text.len() {
                    break;
                }
            }
            if joined.starts_with(text) {
                return (cells[start].0, y);
            }
        }
    }
    panic!("{text:?} is not on screen");
}

/// What the frame drew where `text` shows.
fn spot_at(app: &App, text: &str) -> Spot {
    let (buffer, hits) = draw(app);
    let (x, y) = find(&buffer, text);
    hits.at(x, y)
        .unwrap_or_else(|| panic!("nothing to pick at {text:?}"))
}

fn click(app: &mut App, text: &str) -> Effect {
    let spot = spot_at(app, text);
    update(app, Action::Click(spot))
}

fn double_click(app: &mut App, text: &str) -> Effect {
    let spot = spot_at(app, text);
    update(app, Action::DoubleClick(spot))
}

fn at(app: &App) -> (usize, Lane, usize) {
    (app.cursor.stage, app.cursor.lane, app.cursor.item)
}

#[test]
fn a_click_selects_the_cell_or_item_it_is_on() {
    let mut app = store(100, 30);
    click(&mut app, "The cart is at R4");
    assert_eq!(at(&app), (2, Lane::Friction, 0));
    click(&mut app, "Curious:");
    assert_eq!(at(&app), (0, Lane::Emotion, 0));
    // A stage's name selects the stage and keeps the lane.
    click(&mut app, "2 Consideration");
    assert_eq!(at(&app), (1, Lane::Emotion, 0));
    // Below a list's items: the cell, its first item.
    click(&mut app, "Product pages");
    assert_eq!(at(&app), (1, Lane::Touchpoints, 0));
}

#[test]
fn a_click_on_more_shows_the_next_hidden_item() {
    let mut app = store(100, 30);
    let spot = spot_at(&app, "↓ 4 more");
    assert_eq!(
        spot,
        Spot::Cell {
            stage: 1,
            lane: Lane::Touchpoints,
            item: Some(1)
        },
        "Consideration's touchpoints show the first of five"
    );
    update(&mut app, Action::Click(spot));
    assert_eq!(at(&app), (1, Lane::Touchpoints, 1));
    let (buffer, _) = draw(&app);
    find(&buffer, "Size guide");
}

#[test]
fn a_double_click_opens_what_enter_opens() {
    let mut app = store(100, 30);
    double_click(&mut app, "The cart is at R4");
    assert!(app.form().is_some(), "a friction point opens its form");
    run(&mut app, [Action::CancelEdit]);
    double_click(&mut app, "Find somewhere");
    assert!(app.editor().is_some(), "the goal opens the editor");
    run(&mut app, [Action::CancelEdit]);
    double_click(&mut app, "3 Purchase");
    assert!(app.editor().is_some(), "a stage's name renames it");
    run(&mut app, [Action::CancelEdit]);
    // Read-only, the double click selects and the edit is refused as Enter's would be.
    app.doc_mut().unwrap().read_only = true;
    double_click(&mut app, "Curious:");
    assert!(app.editor().is_none());
    assert!(app.message.as_ref().unwrap().text.starts_with("Read-only"));
}

#[test]
fn the_wheel_moves_through_the_grid_and_the_notes_under_the_pointer() {
    let mut app = store(200, 50);
    let grid = spot_at(&app, "Find somewhere");
    run(
        &mut app,
        [Action::Wheel {
            over: Some(grid),
            turn: Wheel::Down,
        }],
    );
    assert_eq!(at(&app), (0, Lane::Touchpoints, 0));
    run(
        &mut app,
        [Action::Wheel {
            over: Some(grid),
            turn: Wheel::Right,
        }],
    );
    assert_eq!(app.cursor.stage, 1);
    // The notes pane beside the grid scrolls under the pointer, the grid keeping the focus.
    run(&mut app, [Action::ToggleNotes, Action::FocusNotes]);
    assert_eq!(app.shadow.pane, Pane::Shown);
    let (buffer, hits) = draw(&app);
    let (x, y) = find(&buffer, "Shadow notes");
    let pane = hits.at(x, y + 2).unwrap();
    let before = app.shadow.selected;
    run(
        &mut app,
        [Action::Wheel {
            over: Some(pane),
            turn: Wheel::Down,
        }],
    );
    assert_eq!(app.shadow.selected, before + 1);
    assert_eq!(app.shadow.pane, Pane::Shown);
}

#[test]
fn a_click_on_a_note_focuses_the_pane_and_a_click_in_the_grid_gives_the_focus_back() {
    let mut app = store(200, 50);
    run(&mut app, [Action::ToggleNotes]);
    run(&mut app, [Action::FocusNotes]);
    let (_, hits) = draw(&app);
    let first_place = |wanted: &dyn Fn(&Spot) -> bool| {
        let (area, _) = hits.all().iter().find(|(_, spot)| wanted(spot)).unwrap();
        hits.at(area.x, area.y).unwrap()
    };
    let note = first_place(&|spot| *spot == Spot::Note(1));
    update(&mut app, Action::Click(note));
    assert_eq!((app.shadow.pane, app.shadow.selected), (Pane::Focused, 1));
    let goal = first_place(&|spot| matches!(spot, Spot::Cell { lane: Lane::Goal, .. }));
    update(&mut app, Action::Click(goal));
    assert_eq!(app.shadow.pane, Pane::Shown);
    let Spot::Cell { stage, .. } = goal else { panic!() };
    assert_eq!(at(&app), (stage, Lane::Goal, 0));
}

#[test]
fn rows_of_the_board_council_and_channels_are_picked_and_double_clicks_open_them() {
    let mut app = store(100, 30);
    run(&mut app, [Action::ShowBoard]);
    let row = spot_at(&app, "The delivery fee appears");
    update(&mut app, Action::Click(row));
    let (s, f) = app.board.rows[app.board.selected];
    assert!(
        app.doc().unwrap().map.stages[s].frictions[f]
            .text
            .starts_with("The delivery fee appears")
    );
    update(&mut app, Action::DoubleClick(row));
    assert_eq!(
        app.view(),
        Some(&View::Grid),
        "Enter on the board shows the point in the map"
    );
    assert_eq!(
        (app.cursor.stage, app.cursor.lane, app.cursor.item),
        (s, Lane::Friction, f)
    );

    run(&mut app, [Action::ShowCouncil]);
    click(&mut app, "The call waited 14 minutes");
    assert_eq!(app.board.selected, 1);

    run(&mut app, [Action::Back, Action::ShowCoverage]);
    let channel = spot_at(&app, "Contact-centre");
    update(&mut app, Action::Click(channel));
    let coverage = &app.shadow.coverage;
    assert_eq!(coverage.channels[app.shadow.cell.channel], "Contact-centre call");
    run(&mut app, [Action::ShowChannels]);
    click(&mut app, "Courier");
    let map = &app.doc().unwrap().map;
    assert_eq!(map.shadow.channels[app.shadow.channel], "Courier");
}

#[test]
fn the_start_screen_opens_an_example_on_a_double_click() {
    let mut app = App::at_start(StartScreen::default(), IdGen::seeded(1));
    app.resize(100, 30);
    click(&mut app, "Example: ");
    let Some(cxmap::app::screen::Screen::Start(start)) = Some(&app.screen) else {
        panic!()
    };
    assert_eq!(start.selected, 1);
    let effect = double_click(&mut app, "Example: ");
    assert_eq!(effect, Effect::OpenExample(0));
}

#[test]
fn present_mode_picks_the_line_clicked_and_the_wheel_scrolls_the_page() {
    let mut app = store(80, 24);
    run(&mut app, [Action::MoveRight, Action::MoveRight, Action::Present]);
    click(&mut app, "The empty discount-code");
    assert_eq!(at(&app), (2, Lane::Friction, 1));
    let over = Some(spot_at(&app, "The empty discount-code"));
    let Some(View::Present(before)) = app.view().cloned() else {
        panic!()
    };
    run(
        &mut app,
        [Action::Wheel {
            over,
            turn: Wheel::Down,
        }],
    );
    let Some(View::Present(after)) = app.view() else {
        panic!()
    };
    assert_eq!(after.scroll, before.scroll + 3);
    assert_eq!(at(&app), (2, Lane::Friction, 1), "the selection stays");
    double_click(&mut app, "In the app, switching");
    assert!(app.form().is_some(), "Enter's friction form, while presenting");
}

#[test]
fn the_link_picker_ticks_on_a_double_click_and_forms_ignore_clicks() {
    let mut app = store(100, 30);
    // The first opportunity of the purchase stage.
    click(&mut app, "Suggest add-ons");
    run(&mut app, [Action::LinkFrictions]);
    assert!(app.links().is_some());
    let row = spot_at(&app, "The empty discount-code");
    let chosen = app.links().unwrap().chosen.len();
    update(&mut app, Action::DoubleClick(row));
    assert_eq!(app.links().unwrap().chosen.len(), chosen + 1);
    run(&mut app, [Action::Commit]);
    // A form over the grid: a click on the grid around it does nothing.
    double_click(&mut app, "The cart is at R4");
    assert!(matches!(app.modal, Modal::Form { .. }));
    let cursor = app.cursor;
    let spot = Spot::Cell {
        stage: 0,
        lane: Lane::Goal,
        item: None,
    };
    update(&mut app, Action::Click(spot));
    assert_eq!(app.cursor, cursor);
    assert!(matches!(app.modal, Modal::Form { .. }));
}
