//! `update(&mut App, Action) -> Effect`: applies one user intent to the state. Each mode
//! has its own file; nothing here touches the disk or the terminal.

mod board;
mod compare;
mod coverage;
mod documents;
mod edit;
mod form;
mod grid;
mod links;
mod overlay;
mod search;
mod shadow;
mod start;
mod votes;

pub use documents::delivered;

use super::overlay::{AfterLeaving, Overlay};
use super::view::View;
use super::{App, Effect, Message, Tone, action::Action, keymap::Mode};
use crate::store::SaveError;

/// Applies `action` in the app's current mode, then brings derived state up to date.
pub fn update(app: &mut App, action: Action) -> Effect {
    if matches!(app.message, Some(Message { tone: Tone::Info, .. })) {
        app.message = None;
    }
    let (mode, message) = (app.mode(), app.message.clone());
    let effect = dispatch(app, action);
    // A warning belongs to the view it was given in: moving to another one clears it.
    if app.mode() != mode && app.message.is_some() && app.message == message {
        app.message = None;
    }
    votes::recount(app);
    if let Some(doc) = &app.doc {
        let council = app.view == View::Council;
        app.board.refresh(&doc.map, doc.history.state(), council);
        // Rows, coverage and channel uses count every note: only while something shows them.
        let shadow_shown = app.shadow.open || matches!(app.view, View::Coverage | View::Channels);
        if shadow_shown {
            app.shadow.refresh(&doc.map, doc.history.state(), doc.folder());
        }
        app.search.refresh(&doc.map, doc.history.state());
        let focus = match app.view {
            View::Board => app.board.rows.get(app.board.selected).copied(),
            View::Council => app.board.council.get(app.board.selected).copied(),
            _ => (app.cursor.lane == crate::model::Lane::Friction)
                .then_some((app.cursor.stage, app.cursor.item)),
        };
        app.queue
            .refresh(&doc.map, doc.history.state(), doc.folder(), focus);
    }
    effect
}

fn dispatch(app: &mut App, action: Action) -> Effect {
    let mode = app.mode();
    // Help opens the same way wherever a key asks for it, at the keys of that mode.
    if action == Action::ShowHelp && !matches!(mode, Mode::Help | Mode::Confirm) {
        app.overlay = Some(Overlay::Help {
            scroll: 0,
            from: mode,
        });
        return Effect::Nothing;
    }
    match mode {
        Mode::Confirm => overlay::answer(app, action),
        Mode::Help => overlay::read(app, action),
        Mode::Edit => edit::update(app, action),
        Mode::Form => form::update(app, action),
        Mode::Start => start::update(app, action),
        Mode::Compare => compare::update(app, action),
        Mode::Grid | Mode::Board | Mode::Council | Mode::Shadow | Mode::Coverage | Mode::Channels
            if action.changes_map() && app.doc.as_ref().is_some_and(|d| d.read_only) =>
        {
            app.warn("Read-only: another cxmap has this map open. o opens another map, q quits");
            Effect::Nothing
        }
        Mode::Grid => grid::update(app, action),
        Mode::Board | Mode::Council => board::update(app, action),
        Mode::Shadow => shadow::update(app, action),
        Mode::Coverage => coverage::update(app, action),
        Mode::Channels => coverage::channels(app, action),
        Mode::Memo => documents::update(app, action),
        Mode::Link => links::update(app, action),
    }
}

/// Takes the result of a save the loop performed; returns what to do next.
pub fn saved(app: &mut App, result: Result<(), SaveError>, then: Option<AfterLeaving>) -> Effect {
    let Some(doc) = app.doc.as_mut() else {
        return Effect::Nothing;
    };
    match result {
        Ok(()) => {
            doc.mark_saved();
            let saved = format!("Saved {}", doc.path.display());
            app.inform(saved);
            match then {
                Some(AfterLeaving::Quit) => Effect::Quit,
                Some(AfterLeaving::StartScreen) => Effect::ShowStart,
                None => Effect::Nothing,
            }
        }
        Err(error) => {
            app.warn(format!("Not saved, your changes are kept: {error}"));
            Effect::Nothing
        }
    }
}
