//! `update(&mut App, Action) -> Effect`: applies one user intent to the state. Each mode
//! has its own file; nothing here touches the disk or the terminal.

mod adding;
mod apply;
mod board;
mod capture;
mod coach;
mod compare;
mod conflicts;
mod copy;
mod coverage;
pub(super) mod documents;
mod edit;
mod evidence;
mod form;
mod grid;
mod links;
mod modal;
mod moves;
mod note_links;
pub mod outcome;
mod pointer;
mod present;
mod search;
mod selection;
mod shadow;
mod start;
pub mod typing;
mod votes;

pub use copy::copied;
pub use documents::delivered;
pub use edit::from_editor;
pub use moves::Clip;
pub use selection::ScoreSign;

use super::modal::Modal;
use super::screen::{Screen, View};
use super::{App, Effect, Message, Tone, action::Action, keymap::Mode};

/// Applies `action` in the app's current mode, then brings derived state up to date.
pub fn update(app: &mut App, action: Action) -> Effect {
    if matches!(app.message, Some(Message { tone: Tone::Info, .. })) {
        app.message = None;
    }
    let (mode, message) = (app.mode(), app.message.clone());
    if !matches!(mode, Mode::Grid | Mode::Present) {
        // A score's sign waits only for the very next key on the selection.
        app.score_sign = None;
    }
    let effect = dispatch(app, action);
    // A warning belongs to the view it was given in: moving to another one clears it.
    if app.mode() != mode && app.message.is_some() && app.message == message {
        app.message = None;
    }
    refresh(app);
    effect
}

/// Brings what is derived from the map (board, notes, search, links, missing evidence)
/// up to date with it and with the folder listing: after every action, and when a new
/// listing arrives.
pub fn refresh(app: &mut App) {
    if let Screen::Map { doc, view } = &app.screen {
        let council = *view == View::Council;
        app.board.refresh(&doc.map, &doc.history, council);
        if app.shadow.pane.is_open() {
            app.shadow.refresh(&doc.map, &doc.history);
        }
        // Coverage and channel uses count every note: only while a view shows them.
        if matches!(view, View::Coverage | View::Channels { .. }) {
            app.shadow.count(&doc.map, doc.history.state());
        }
        app.search.refresh(&doc.map, &doc.history);
        app.conflicts.refresh(&doc.map, &doc.history);
        let focus = match view {
            View::Board => app.board.rows.get(app.board.selected).copied(),
            View::Council => app.board.council_shown.get(app.board.selected).copied(),
            _ => (app.cursor.lane == crate::model::Lane::Friction)
                .then_some((app.cursor.stage, app.cursor.item)),
        };
        app.queue.refresh(&doc.map, &doc.history, &app.folder, focus);
    }
    present::keep_in_view(app);
    documents::refresh(app);
}

fn dispatch(app: &mut App, action: Action) -> Effect {
    let mode = app.mode();
    // Help opens the same way wherever a key asks for it, at the keys of that mode.
    if action == Action::ShowHelp && !matches!(mode, Mode::Help | Mode::Confirm) {
        app.modal.cover(|behind| Modal::Help {
            scroll: 0,
            from: mode,
            behind,
        });
        return Effect::Nothing;
    }
    if app.round.is_some() && matches!(mode, Mode::Grid | Mode::Board | Mode::Council | Mode::Shadow) {
        match action {
            // The round's votes are not on the map yet: undo takes back the last one cast
            // or taken back, unless the map was edited since (that edit goes back first).
            Action::Undo if votes::round_owns_undo(app) => {
                votes::take_back_last(app);
                return Effect::Nothing;
            }
            Action::Quit | Action::OpenStartScreen => {
                let end = app.keymap.key(Mode::Grid, &Action::VotingRound);
                app.warn(format!(
                    "Voting round on: {end} ends it and puts its votes on the map first"
                ));
                return Effect::Nothing;
            }
            _ => {}
        }
    }
    let action = match action {
        Action::Click(spot) => {
            pointer::select(app, mode, spot);
            return Effect::Nothing;
        }
        Action::DoubleClick(spot) => {
            if !pointer::select(app, mode, spot) {
                return Effect::Nothing;
            }
            let mode = app.mode();
            return match pointer::opening(app, mode, spot) {
                Some(open) => dispatch(app, open),
                None => Effect::Nothing,
            };
        }
        Action::Wheel { over, turn } => {
            let mut effect = Effect::Nothing;
            for action in pointer::wheel(app, mode, over, turn) {
                effect = dispatch(app, action);
            }
            return effect;
        }
        other => other,
    };
    match mode {
        Mode::Confirm => modal::answer(app, action),
        Mode::Help => modal::read(app, action),
        Mode::Edit => edit::update(app, action),
        Mode::Form => form::update(app, action),
        Mode::Start => start::update(app, action),
        Mode::Compare => compare::update(app, action),
        Mode::Grid
        | Mode::Board
        | Mode::Council
        | Mode::Conflicts
        | Mode::Shadow
        | Mode::Coverage
        | Mode::Channels
        | Mode::Present
            if action.changes_map() && app.screen.doc().is_some_and(|d| d.read_only) =>
        {
            app.warn(read_only_message(app));
            Effect::Nothing
        }
        Mode::Grid => grid::update(app, action),
        Mode::Board | Mode::Council => or_the_grid(app, action, board::update),
        Mode::Conflicts => or_the_grid(app, action, conflicts::update),
        Mode::Shadow => or_the_grid(app, action, shadow::update),
        Mode::Coverage => or_the_grid(app, action, coverage::update),
        Mode::Channels => or_the_grid(app, action, coverage::channels),
        Mode::Memo => or_the_grid(app, action, documents::update),
        Mode::Present => or_the_grid(app, action, present::update),
        Mode::Link if app.modal.note_links().is_some() => note_links::update(app, action),
        Mode::Link => links::update(app, action),
    }
}

/// What a view's keys did with an action: all of it, or nothing, passing it on to the
/// grid's keys (saving, undo, quitting… are the same in every view of the map).
enum Handled {
    Done(Effect),
    Pass(Action),
}

/// The `view`'s keys, then the grid's for what the view passes on.
fn or_the_grid(app: &mut App, action: Action, view: fn(&mut App, Action) -> Handled) -> Effect {
    match view(app, action) {
        Handled::Done(effect) => effect,
        Handled::Pass(action) => grid::update(app, action),
    }
}

/// Why a change was refused, and the keys of this view that leave the map.
fn read_only_message(app: &App) -> String {
    let mode = app.mode();
    let ways: Vec<String> = [
        (Action::OpenStartScreen, "opens another map"),
        (Action::Quit, "quits"),
    ]
    .into_iter()
    .filter_map(|(action, what)| Some(format!("{} {what}", app.keymap.bound(mode, &action)?)))
    .collect();
    let mut text = "Read-only: another cxmap has this map open".to_owned();
    if !ways.is_empty() {
        text.push_str(&format!(". {}", ways.join(", ")));
    }
    text
}
