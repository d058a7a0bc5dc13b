//! The friction board and the council view: moving through the rows, sorting, filtering,
//! editing in place, and jumping to a point in the grid.

use super::super::forms::{filter_form, friction_form};
use super::super::view::View;
use super::super::{App, Effect, action::Action};
use super::grid::settle;
use super::{grid, votes};
use crate::model::Lane;

pub(super) fn update(app: &mut App, action: Action) -> Effect {
    let council = app.view == View::Council;
    let count = if council {
        app.board.council.len()
    } else {
        app.board.rows.len()
    };
    let page = usize::from(app.geometry.height.saturating_sub(12).max(1));
    let selected = &mut app.board.selected;
    match action {
        Action::SelectPrevious => *selected = selected.saturating_sub(1),
        Action::SelectNext => *selected = (*selected + 1).min(count.saturating_sub(1)),
        Action::SelectFirst => *selected = 0,
        Action::SelectLast => *selected = count.saturating_sub(1),
        Action::PageUp => *selected = selected.saturating_sub(page),
        Action::PageDown => *selected = (*selected + page).min(count.saturating_sub(1)),
        Action::CycleSort => {
            app.board.sort = app.board.sort.next();
            app.board.invalidate();
            app.inform(format!("Sorted by {}", app.board.sort.label()));
        }
        Action::FilterBoard => {
            if let Some(doc) = &app.doc {
                app.form = Some(filter_form(&doc.map, &app.board.filter));
            }
        }
        Action::ClearFilter => {
            app.board.filter = Default::default();
            app.board.invalidate();
            app.inform("Showing every friction point");
        }
        Action::ShowBoard => {
            app.view = View::Board;
            app.board.selected = 0;
        }
        Action::ShowCouncil => {
            app.view = View::Council;
            app.board.selected = 0;
        }
        Action::Back => app.view = View::Grid,
        Action::Open => {
            if let Some((stage, at)) = selected_point(app) {
                app.view = View::Grid;
                app.cursor.stage = stage;
                app.cursor.lane = Lane::Friction;
                app.cursor.item = at;
                settle(app);
            }
        }
        Action::EditCell => {
            if let Some((stage, at)) = selected_point(app) {
                app.form = app
                    .doc
                    .as_ref()
                    .and_then(|doc| friction_form(&doc.map, stage, at, &app.queue.missing));
            }
        }
        Action::Vote | Action::Unvote => {
            if let Some((stage, at)) = selected_point(app) {
                app.cursor.stage = stage;
                app.cursor.lane = Lane::Friction;
                app.cursor.item = at;
                return votes::vote(app, action == Action::Vote);
            }
        }
        other => return grid::update(app, other),
    }
    Effect::Nothing
}

/// The friction point the board or council has selected: (stage, position).
fn selected_point(app: &App) -> Option<(usize, usize)> {
    let rows = if app.view == View::Council {
        &app.board.council
    } else {
        &app.board.rows
    };
    rows.get(app.board.selected).copied()
}
