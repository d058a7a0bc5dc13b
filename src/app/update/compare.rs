//! The side-by-side view of the file and its recovery copy: look around, then take the
//! copy (y), keep the file (n), or go back to the question (Esc). Nothing is edited here.

use super::super::overlay::{Overlay, Question};
use super::super::{App, Effect, action::Action};
use super::grid::settle;
use super::overlay::recover;

pub(super) fn update(app: &mut App, action: Action) -> Effect {
    let stages = app.doc.as_ref().map_or(0, |d| d.map.stages.len());
    let offered = app.recovery.as_ref().map_or(0, |r| r.map.stages.len());
    match action {
        Action::Yes => recover(app),
        Action::No => {
            app.comparing = false;
            return Effect::DiscardRecovery;
        }
        Action::Back => {
            app.comparing = false;
            app.overlay = Some(Overlay::Ask(Question::Recover));
        }
        Action::MoveLeft => app.cursor.stage = app.cursor.stage.saturating_sub(1),
        Action::MoveRight => {
            app.cursor.stage = (app.cursor.stage + 1).min(stages.max(offered).saturating_sub(1))
        }
        Action::MoveUp => {
            if let Some(above) = app.cursor.lane.above() {
                app.cursor.lane = above;
            }
        }
        Action::MoveDown => {
            if let Some(below) = app.cursor.lane.below() {
                app.cursor.lane = below;
            }
        }
        _ => {}
    }
    app.cursor.item = 0;
    if app.comparing {
        app.cursor
            .scroll_into_view(app.geometry.compare_columns(), stages.max(offered));
    } else {
        settle(app);
    }
    Effect::Nothing
}
