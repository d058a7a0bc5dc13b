//! Present mode's keys: next and previous stage (or lane), switching between the stage
//! and the lane, scrolling, and back to the grid where the presentation ended.

use super::super::screen::View;
use super::super::{App, action::Action};
use super::Handled;
use super::apply::settle;

/// Opens present mode on the selected stage.
pub(super) fn open(app: &mut App) {
    if app.screen.doc().is_none_or(|d| d.map.stages.is_empty()) {
        app.inform(format!(
            "No stages to present yet: {} adds one",
            app.key(&Action::AddStageAfter)
        ));
        return;
    }
    app.present();
}

pub(super) fn update(app: &mut App, action: Action) -> Handled {
    let stages = app.screen.doc().map_or(0, |d| d.map.stages.len());
    let page = usize::from(app.geometry.height.saturating_sub(4).max(1));
    let Some(View::Present(shown)) = app.screen.view() else {
        return Handled::Pass(action);
    };
    let mut shown = *shown;
    match action {
        Action::MoveRight | Action::MoveLeft => {
            if !shown.step(action == Action::MoveRight, stages) {
                app.inform("That is the end; the other way goes back");
            }
        }
        Action::SwitchPresent => shown.switch(),
        Action::SelectNext => shown.scroll += 1,
        Action::SelectPrevious => shown.scroll = shown.scroll.saturating_sub(1),
        Action::PageDown => shown.scroll += page,
        Action::PageUp => shown.scroll = shown.scroll.saturating_sub(page),
        Action::Back => {
            app.cursor.stage = shown.stage;
            app.cursor.lane = shown.lane;
            app.cursor.item = 0;
            app.screen.show(View::Grid);
            settle(app);
            return Handled::Done(super::super::Effect::Nothing);
        }
        other => return Handled::Pass(other),
    }
    app.screen.show(View::Present(shown));
    Handled::Done(super::super::Effect::Nothing)
}
