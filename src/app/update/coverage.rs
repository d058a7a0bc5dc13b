//! The coverage view (moving over the stage × channel cells, plan votes, jumping to a
//! cell's notes) and the channels screen (add, rename everywhere, remove, reorder).

use super::super::forms::channel_form;
use super::super::screen::{ChannelsFrom, Screen, View};
use super::super::shadow::{NoteFilter, Pane};
use super::super::{App, Effect, action::Action};
use super::Handled;
use super::apply::{apply, settle};
use super::shadow::filter_notes;
use crate::model::{Edit, PlanEntry, channels};
use crate::text::display::{clean_line, truncate};

pub(super) fn update(app: &mut App, action: Action) -> Handled {
    let coverage = &app.shadow.coverage;
    let (stages, rows) = (coverage.stage_count, coverage.channels.len());
    let cell = &mut app.shadow.cell;
    match action {
        Action::MoveLeft => cell.stage = cell.stage.saturating_sub(1),
        Action::MoveRight => cell.stage = (cell.stage + 1).min(stages.saturating_sub(1)),
        Action::MoveUp => cell.channel = cell.channel.saturating_sub(1),
        Action::MoveDown => cell.channel = (cell.channel + 1).min(rows.saturating_sub(1)),
        Action::PlanVote => plan_vote(app, true),
        Action::PlanUnvote => plan_vote(app, false),
        Action::NotesOfCell => notes_of_cell(app),
        Action::ShowChannels => app.screen.show(View::Channels {
            from: ChannelsFrom::Coverage,
        }),
        Action::Back => app.screen.show(View::Grid),
        other => return Handled::Pass(other),
    }
    Handled::Done(Effect::Nothing)
}

/// The selected cell's stage id and channel name.
fn selected_cell(app: &App) -> Option<(crate::model::StageId, String)> {
    let doc = app.screen.doc()?;
    let cell = app.shadow.cell;
    let stage = doc.map.stages.get(cell.stage)?.id.clone();
    let channel = app.shadow.coverage.channels.get(cell.channel)?.clone();
    Some((stage, channel))
}

fn plan_vote(app: &mut App, up: bool) {
    let Some((stage, channel)) = selected_cell(app) else {
        app.inform("No stage × channel here: add stages and channels first");
        return;
    };
    let Some(doc) = app.screen.doc() else { return };
    let mut plan = doc.map.shadow.plan.clone();
    let found = plan
        .iter()
        .position(|p| p.stage == stage && p.channel.to_lowercase() == channel.to_lowercase());
    match (found, up) {
        (Some(p), true) if plan[p].votes == u32::MAX => {
            app.inform(format!("{} votes is the most cxmap counts", u32::MAX));
            return;
        }
        (Some(p), true) => plan[p].votes += 1,
        (None, true) => plan.push(PlanEntry {
            stage,
            channel,
            votes: 1,
            ..PlanEntry::default()
        }),
        (Some(p), false) if plan[p].votes > 1 => plan[p].votes -= 1,
        (Some(p), false) => {
            plan.remove(p);
        }
        (None, false) => {
            app.inform("No votes on this cell to take away");
            return;
        }
    }
    let label = if up { "plan vote" } else { "take back plan vote" };
    if apply(app, Edit::SetPlan(plan), label) {
        let undo = app.key(&Action::Undo);
        app.inform(if up {
            format!("Voted to shadow this cell next. {undo} undoes.")
        } else {
            format!("Took a vote away. {undo} undoes.")
        });
    }
}

fn notes_of_cell(app: &mut App) {
    let Some((stage, channel)) = selected_cell(app) else {
        return;
    };
    app.screen.show(View::Grid);
    app.cursor.stage = app.shadow.cell.stage;
    settle(app);
    app.shadow.pane = Pane::Focused;
    filter_notes(
        app,
        NoteFilter {
            stage: Some(stage),
            channel: Some(channel),
            ..NoteFilter::default()
        },
    );
}

/// Keys on the channels screen.
pub(super) fn channels(app: &mut App, action: Action) -> Handled {
    let Screen::Map {
        doc,
        view: View::Channels { from },
    } = &app.screen
    else {
        return Handled::Done(Effect::Nothing);
    };
    let from = *from;
    let count = doc.map.shadow.channels.len();
    let selected = app.shadow.channel;
    match action {
        Action::SelectPrevious => app.shadow.channel = selected.saturating_sub(1),
        Action::SelectNext => app.shadow.channel = (selected + 1).min(count.saturating_sub(1)),
        Action::SelectFirst => app.shadow.channel = 0,
        Action::SelectLast => app.shadow.channel = count.saturating_sub(1),
        Action::AddChannel => {
            if let Some(form) = channel_form(&doc.map, None) {
                app.open_form(form);
            }
        }
        Action::RenameChannel => match channel_form(&doc.map, Some(selected)) {
            Some(form) => app.open_form(form),
            None => {
                let add = app.key(&Action::AddChannel);
                app.inform(format!("No channels yet: {add} adds one"));
            }
        },
        Action::RemoveChannel => {
            let Some(name) = doc.map.shadow.channels.get(selected).cloned() else {
                return Handled::Done(Effect::Nothing);
            };
            match channels::remove(&doc.map, &name) {
                Ok(edit) => {
                    if apply(app, edit, "remove channel") {
                        app.inform(format!(
                            "Removed the channel “{}”. {} undoes.",
                            truncate(&clean_line(&name), 20),
                            app.key(&Action::Undo)
                        ));
                    }
                }
                Err(_) => app.warn(format!(
                    "“{}” is in use, so it stays: {} renames or merges it",
                    truncate(&clean_line(&name), 20),
                    app.key(&Action::RenameChannel)
                )),
            }
        }
        Action::MoveChannelUp | Action::MoveChannelDown => {
            let to = if action == Action::MoveChannelDown {
                selected + 1
            } else {
                selected.wrapping_sub(1)
            };
            if to < count {
                let mut list = doc.map.shadow.channels.clone();
                list.swap(selected, to);
                if apply(app, Edit::SetChannels(list), "move channel") {
                    app.shadow.channel = to;
                }
            }
        }
        Action::Back => app.screen.show(match from {
            ChannelsFrom::Coverage => View::Coverage,
            ChannelsFrom::Grid => View::Grid,
        }),
        other => return Handled::Pass(other),
    }
    Handled::Done(Effect::Nothing)
}

/// Merges channel `from` into `into` after the question was answered yes.
pub(super) fn merge_channels(app: &mut App, from: &str, into: &str) {
    let Some(edit) = app
        .screen
        .doc()
        .and_then(|d| channels::rename(&d.map, from, into))
    else {
        return;
    };
    if apply(app, edit, "merge channels") {
        let short = |name: &str| truncate(&clean_line(name), 20).into_owned();
        app.inform(format!(
            "Merged “{}” into “{}”. {} undoes.",
            short(from),
            short(into),
            app.key(&Action::Undo)
        ));
    }
}
