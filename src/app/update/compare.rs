//! The side-by-side view of the file and its recovery copy: look around, then take the
//! copy (yes), keep the file (no), or go back to the question. Nothing is edited here.

use super::super::modal::Question;
use super::super::screen::{Screen, View};
use super::super::{App, Effect, action::Action};
use super::apply::settle;
use super::modal::recover;

pub(super) fn update(app: &mut App, action: Action) -> Effect {
    let Screen::Map {
        doc,
        view: View::Compare(offer),
    } = &app.screen
    else {
        return Effect::Nothing;
    };
    let stages = doc.map.stages.len().max(offer.map.stages.len());
    match action {
        Action::Yes | Action::No | Action::Back => return decide(app, &action),
        Action::MoveLeft => app.cursor.stage = app.cursor.stage.saturating_sub(1),
        Action::MoveRight => app.cursor.stage = (app.cursor.stage + 1).min(stages.saturating_sub(1)),
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
    app.cursor
        .scroll_into_view(app.geometry.compare_columns(), stages);
    Effect::Nothing
}

/// Leaves the comparison for the grid: taking the copy, discarding it, or going back to
/// the question with it.
fn decide(app: &mut App, action: &Action) -> Effect {
    let Screen::Map { view, .. } = &mut app.screen else {
        return Effect::Nothing;
    };
    let offer = match std::mem::take(view) {
        View::Compare(offer) => offer,
        other => {
            *view = other;
            return Effect::Nothing;
        }
    };
    let effect = match action {
        Action::Yes => recover(app, *offer),
        Action::No => Effect::DiscardRecovery,
        _ => {
            app.ask(Question::Recover(offer));
            Effect::Nothing
        }
    };
    app.cursor.item = 0;
    settle(app);
    effect
}
