//! The friction board and the council view: moving through the rows, sorting, filtering,
//! editing in place (owner and status with one key each, where decisions are made), and
//! jumping to a point in the grid.

use super::super::forms::{filter_form, friction_form, owner_form};
use super::super::screen::View;
use super::super::{App, Effect, action::Action};
use super::apply::{apply, select};
use super::{Handled, copy, votes};
use crate::model::{Edit, Friction, Item, Lane, Status};

pub(super) fn update(app: &mut App, action: Action) -> Handled {
    let council = matches!(app.screen.view(), Some(View::Council));
    let count = if council {
        app.board.council_shown.len()
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
            if let Some(doc) = app.screen.doc() {
                let form = filter_form(&doc.map, app.names.of(doc), &app.board.filter);
                app.open_form(form);
            }
        }
        Action::ClearFilter => {
            app.board.filter = Default::default();
            app.board.invalidate();
            app.inform("Showing every friction point");
        }
        Action::ShowBoard => {
            app.screen.show(View::Board);
            app.board.selected = 0;
        }
        Action::ShowCouncil => {
            app.screen.show(View::Council);
            app.board.open_council();
        }
        Action::Back => app.screen.show(View::Grid),
        Action::Open => {
            if let Some((stage, at)) = selected_point(app) {
                app.screen.show(View::Grid);
                select(app, stage, Lane::Friction, at);
            }
        }
        Action::EditCell => {
            if let Some((stage, at)) = selected_point(app)
                && let Some(form) = app
                    .screen
                    .doc()
                    .and_then(|doc| friction_form(&doc.map, app.names.of(doc), stage, at, &app.queue))
            {
                app.open_form(form);
            }
        }
        Action::SetOwner => {
            if let Some((stage, at)) = selected_point(app)
                && let Some(form) = app
                    .screen
                    .doc()
                    .and_then(|doc| owner_form(&doc.map, app.names.of(doc), stage, at))
            {
                app.open_form(form);
            }
        }
        Action::CycleStatus => {
            if let Some((stage, at)) = selected_point(app) {
                next_status(app, stage, at);
            }
        }
        Action::Number(n) => {
            if let Some((stage, at)) = selected_point(app) {
                super::selection::set_severity(app, stage, at, n);
            }
        }
        Action::Copy => {
            if let Some((stage, at)) = selected_point(app) {
                return Handled::Done(copy::friction_point(app, stage, at));
            }
        }
        Action::Vote | Action::Unvote => {
            if let Some((stage, at)) = selected_point(app) {
                app.cursor.stage = stage;
                app.cursor.lane = Lane::Friction;
                app.cursor.item = at;
                return Handled::Done(votes::vote(app, action == Action::Vote));
            }
        }
        other => return Handled::Pass(other),
    }
    Handled::Done(Effect::Nothing)
}

/// The friction point the board or council has selected: (stage, position).
/// Moves friction point `at` of stage `stage` on to the next status, round the four.
pub(super) fn next_status(app: &mut App, stage: usize, at: usize) {
    let Some(friction) = app
        .screen
        .doc()
        .and_then(|doc| doc.map.stages.get(stage)?.frictions.get(at).cloned())
    else {
        return;
    };
    let now = Status::ALL
        .iter()
        .position(|s| *s == friction.status)
        .map_or(Status::Open, |i| Status::ALL[(i + 1) % Status::ALL.len()]);
    let item = Item::Friction(Friction {
        status: now,
        ..friction
    });
    if apply(app, Edit::ReplaceItem { stage, at, item }, "status") {
        let again = app.key(&Action::CycleStatus);
        app.inform(format!("Status: {} · {again} again for the next", now.label()));
    }
}

fn selected_point(app: &App) -> Option<(usize, usize)> {
    let rows = if matches!(app.screen.view(), Some(View::Council)) {
        &app.board.council_shown
    } else {
        &app.board.rows
    };
    rows.get(app.board.selected).copied()
}
