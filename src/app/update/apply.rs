//! Applying an edit to the open map as one undoable step, and keeping the selection on
//! it and on screen: what every view's keys share. It imports no other key handler.

use super::super::App;
use crate::model::{Edit, Focus, Lane};

/// Applies one undoable edit and moves the selection to where it happened.
pub(super) fn apply(app: &mut App, edit: Edit, label: &str) -> bool {
    let Some(doc) = app.screen.doc_mut() else {
        return false;
    };
    match doc.apply(edit, label) {
        Ok(focus) => {
            follow(app, focus);
            true
        }
        Err(error) => {
            app.warn(error.to_string());
            false
        }
    }
}

/// Moves the selection to where an edit (or its undo) happened.
pub(super) fn follow(app: &mut App, focus: Focus) {
    if let Some(stage) = focus.stage {
        app.cursor.stage = stage;
    }
    if let Some(lane) = focus.lane {
        app.cursor.lane = lane;
        app.cursor.item = focus.item.unwrap_or(0);
    }
    settle(app);
}

/// Keeps the selection inside the map and on screen.
pub(super) fn settle(app: &mut App) {
    if let Some(doc) = app.screen.doc() {
        app.cursor.clamp(&doc.map);
        app.cursor
            .scroll_into_view(app.geometry.stage_columns(), doc.map.stages.len());
    }
}

/// Selects item `item` of `lane` in stage `stage` and keeps it on screen.
pub(super) fn select(app: &mut App, stage: usize, lane: Lane, item: usize) {
    app.cursor.stage = stage;
    app.cursor.lane = lane;
    app.cursor.item = item;
    settle(app);
}
