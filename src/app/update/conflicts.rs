//! The merge-conflicts view: moving through the conflicts, choosing ours or theirs for
//! the selected one (one undoable edit), and jumping to its item in the map.

use super::super::screen::View;
use super::super::{App, Effect, action::Action};
use super::Handled;
use super::apply::{apply, settle};
use crate::app::keymap::Mode;
use crate::app::shadow::Pane;
use crate::model::Lane;
use crate::model::conflict::{self, At, Side};

pub(super) fn update(app: &mut App, action: Action) -> Handled {
    let count = app.conflicts.entries.len();
    let selected = &mut app.conflicts.selected;
    match action {
        Action::SelectPrevious => *selected = selected.saturating_sub(1),
        Action::SelectNext => *selected = (*selected + 1).min(count.saturating_sub(1)),
        Action::SelectFirst => *selected = 0,
        Action::SelectLast => *selected = count.saturating_sub(1),
        Action::TakeOurs => take(app, Side::Ours),
        Action::TakeTheirs => take(app, Side::Theirs),
        Action::Open => show_in_map(app),
        Action::Back | Action::ShowConflicts => app.screen.show(View::Grid),
        other => return Handled::Pass(other),
    }
    Handled::Done(Effect::Nothing)
}

/// Settles the selected conflict with `side`'s value.
fn take(app: &mut App, side: Side) {
    let Some(entry) = app.conflicts.selected().cloned() else {
        app.inform("No merge conflicts left");
        return;
    };
    let Some(edit) = app
        .screen
        .doc()
        .and_then(|doc| conflict::resolve(&doc.map, &entry.conflict, side))
    else {
        app.warn("This conflict no longer fits the map: edit the item by hand, then undo is still there");
        return;
    };
    let chosen = match side {
        Side::Ours => &entry.ours,
        Side::Theirs => &entry.theirs,
    };
    let label = format!("take {}", side.name());
    if apply(app, edit, &label) {
        let left = app.screen.doc().map_or(0, |doc| conflict::all(&doc.map).len());
        let undo = app.key(&Action::Undo);
        let text = if left == 0 {
            let save = app.key(&Action::Save);
            format!(
                "Took {} ({}). No conflicts left: {save} saves, then git add and git commit finish the merge",
                side.name(),
                chosen
            )
        } else {
            format!("Took {} ({}); {left} left. {undo} undoes", side.name(), chosen)
        };
        app.inform(text);
    }
}

/// Shows the selected conflict's item in the grid (or its note in the notes pane).
fn show_in_map(app: &mut App) {
    let Some(at) = app.conflicts.selected().map(|e| e.conflict.at) else {
        return;
    };
    app.screen.show(View::Grid);
    match at {
        At::Stage(s) => app.cursor.stage = s,
        At::Friction(s, i) | At::Opportunity(s, i) => {
            app.cursor.stage = s;
            app.cursor.lane = if matches!(at, At::Friction(..)) {
                Lane::Friction
            } else {
                Lane::Opportunity
            };
            app.cursor.item = i;
        }
        At::Note(n) => {
            app.shadow.pane = Pane::Focused;
            if let Some(doc) = app.screen.doc() {
                app.shadow.refresh(&doc.map, &doc.history);
            }
            match app.shadow.rows.row_of(n) {
                Some(row) => app.shadow.selected = row,
                None => {
                    let all = app.keymap.key(Mode::Shadow, &Action::ClearNoteFilter);
                    app.inform(format!(
                        "The notes filter hides that note; {all} shows every note"
                    ));
                }
            }
        }
        At::Map | At::Plan(_) => {}
    }
    settle(app);
}
