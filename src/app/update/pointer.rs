//! The mouse: a click selects what it is on (a cell or an item in the grid, a row of a
//! list, a note, a coverage cell, a line of present mode's page), a double click then
//! does what Enter does there, and the wheel moves through what is under the pointer.
//! Clicks on a modal's screen (a form, a question, the editor) do nothing.

use crossterm::event::{KeyCode, KeyModifiers};

use super::super::keymap::{Key, Mode};
use super::super::pointer::{Area, Spot, Wheel};
use super::super::screen::Screen;
use super::super::shadow::Pane;
use super::super::{App, action::Action};
use super::apply::settle;
use super::{present, shadow};

/// How many lines or entries one turn of the wheel moves through a page of text.
const WHEEL_LINES: usize = 3;

/// Selects what `spot` shows, if the view in `mode` has it; whether it did.
pub(super) fn select(app: &mut App, mode: Mode, spot: Spot) -> bool {
    match (mode, spot) {
        (Mode::Grid | Mode::Shadow, Spot::Cell { stage, lane, item }) => {
            app.cursor.stage = stage;
            if app.cursor.lane != lane || item.is_some() {
                app.cursor.item = item.unwrap_or(0);
            }
            app.cursor.lane = lane;
            grid_takes_focus(app);
        }
        (Mode::Grid | Mode::Shadow, Spot::Stage(stage)) => {
            app.cursor.stage = stage;
            grid_takes_focus(app);
        }
        (Mode::Grid | Mode::Shadow, Spot::Note(row)) => {
            app.shadow.pane = Pane::Focused;
            shadow::select_note(app, row);
        }
        (Mode::Board | Mode::Council, Spot::Row(row)) => app.board.selected = row,
        (Mode::Conflicts, Spot::Row(row)) => app.conflicts.selected = row,
        (Mode::Channels, Spot::Row(row)) => app.shadow.channel = row,
        (Mode::Start, Spot::Row(row)) => match &mut app.screen {
            Screen::Start(start) => start.select(row),
            Screen::Map { .. } => return false,
        },
        (Mode::Link, Spot::Row(row)) => {
            if let Some(picker) = app.modal.links_mut() {
                picker.filter.selected = row;
            } else if let Some(picker) = app.modal.note_links_mut() {
                picker.filter.selected = row;
            } else {
                return false;
            }
        }
        (Mode::Coverage, Spot::Coverage(cell)) => app.shadow.cell = cell,
        (Mode::Present, Spot::Page(target)) => {
            app.cursor.stage = target.stage;
            app.cursor.lane = target.lane;
            app.cursor.item = target.item;
        }
        _ => return false,
    }
    true
}

/// A click in the grid while the notes pane has the focus gives the focus back to the grid.
fn grid_takes_focus(app: &mut App) {
    if app.shadow.pane == Pane::Focused {
        app.shadow.pane = Pane::Shown;
    }
    settle(app);
}

/// What a double click on `spot` does once it is selected: rename a stage on its name,
/// tick a friction point in the link picker, and elsewhere whatever Enter does in `mode`.
pub(super) fn opening(app: &App, mode: Mode, spot: Spot) -> Option<Action> {
    match (mode, spot) {
        (_, Spot::Stage(_)) => Some(Action::RenameStage),
        (Mode::Link, _) => Some(Action::ToggleLink),
        _ => {
            let enter = Key {
                code: KeyCode::Enter,
                modifiers: KeyModifiers::NONE,
            };
            app.keymap.action(mode, enter).cloned()
        }
    }
}

/// What the wheel turned over `over` does in `mode`: the actions to take, in order. The
/// notes pane (under the pointer, whatever has the focus) and present mode's page scroll
/// here and need none.
pub(super) fn wheel(app: &mut App, mode: Mode, over: Option<Spot>, turn: Wheel) -> Vec<Action> {
    let onward = matches!(turn, Wheel::Down | Wheel::Right);
    if matches!(over, Some(Spot::Note(_) | Spot::Area(Area::Notes))) && app.shadow.pane.is_open() {
        let at = if onward {
            app.shadow.selected + 1
        } else {
            app.shadow.selected.saturating_sub(1)
        };
        shadow::select_note(app, at);
        return Vec::new();
    }
    let step = if onward {
        Action::SelectNext
    } else {
        Action::SelectPrevious
    };
    match mode {
        Mode::Present => {
            present::wheel(app, onward, WHEEL_LINES);
            Vec::new()
        }
        Mode::Grid | Mode::Shadow | Mode::Coverage | Mode::Compare => vec![match turn {
            Wheel::Down => Action::MoveDown,
            Wheel::Up => Action::MoveUp,
            Wheel::Right => Action::MoveRight,
            Wheel::Left => Action::MoveLeft,
        }],
        Mode::Board | Mode::Council | Mode::Conflicts | Mode::Channels | Mode::Start | Mode::Link => {
            vec![step]
        }
        Mode::Memo | Mode::Help => vec![step; WHEEL_LINES],
        Mode::Edit | Mode::Form | Mode::Confirm => Vec::new(),
    }
}
