//! Over the screen: scrolling the help or a notice, and answering questions.

use super::super::editor::EditTarget;
use super::super::modal::{AfterLeaving, Modal, Question, RecoveryOffer};
use super::super::outcome::Confirmed;
use super::super::screen::View;
use super::super::{App, Effect, action::Action};
use super::apply::apply;
use super::edit::commit;
use super::edit::open_editor;
use super::form::keep;
use crate::app::queue::links;
use crate::model::{Edit, ops};

/// Keys while the help or a notice is showing.
pub(super) fn read(app: &mut App, action: Action) -> Effect {
    let page = app.geometry.help_page();
    let Some(scroll) = app.modal.scroll_mut() else {
        return Effect::Nothing;
    };
    match action {
        Action::SelectPrevious => *scroll = scroll.saturating_sub(1),
        Action::SelectNext => *scroll += 1,
        Action::PageUp => *scroll = scroll.saturating_sub(page),
        Action::PageDown => *scroll += page,
        Action::SelectFirst => *scroll = 0,
        Action::SelectLast => *scroll = usize::MAX / 2,
        Action::Back => app.modal.close(),
        _ => {}
    }
    Effect::Nothing
}

/// Keys while a question is asked: y, n or Esc.
pub(super) fn answer(app: &mut App, action: Action) -> Effect {
    if !matches!(
        action,
        Action::Yes | Action::No | Action::Cancel | Action::Alternative
    ) {
        return Effect::Nothing;
    }
    let Some(question) = app.modal.take_question() else {
        return Effect::Nothing;
    };
    match (question, action) {
        (Question::DeleteStage { stage }, Action::Yes) => {
            delete_stage(app, stage);
            Effect::Nothing
        }
        (Question::DeleteNote { at }, Action::Yes) => {
            super::shadow::delete_note(app, at);
            Effect::Nothing
        }
        (Question::MergeChannels { from, into }, Action::Yes) => {
            app.modal = Modal::None;
            super::coverage::merge_channels(app, &from, &into);
            Effect::Nothing
        }
        (Question::LeaveUnsaved { then }, Action::Yes) => Effect::Save { then: Some(then) },
        (Question::LeaveUnsaved { then }, Action::No) => match then {
            AfterLeaving::Quit => Effect::Quit,
            AfterLeaving::StartScreen => Effect::ShowStart,
        },
        (Question::KeepLinks { .. }, Action::Yes) if app.modal.note_links().is_some() => {
            super::note_links::keep(app);
            Effect::Nothing
        }
        (Question::KeepLinks { .. }, Action::Yes) => {
            super::links::keep(app);
            Effect::Nothing
        }
        (Question::KeepLinks { .. }, Action::No | Action::Cancel) => {
            app.modal.close();
            app.inform("Links left as they were");
            Effect::Nothing
        }
        (Question::KeepTyping { .. }, Action::Yes) if app.modal.form().is_some() => keep(app),
        (Question::KeepTyping { .. }, Action::Yes) => commit(app),
        (Question::KeepTyping { .. }, Action::No | Action::Cancel) => {
            app.modal = Modal::None;
            app.inform("Left without keeping the changes");
            Effect::Nothing
        }
        (Question::Recover(offer), Action::Yes) => recover(app, *offer),
        (Question::Recover(_), Action::No) => Effect::DiscardRecovery,
        (Question::Recover(offer), Action::Alternative) => {
            app.screen.show(View::Compare(offer));
            Effect::Nothing
        }
        (Question::Recover(_), _) => {
            app.inform("The recovery copy is kept: reopen the map to decide");
            Effect::Nothing
        }
        (
            Question::ChangedOnDisk { then, confirmed } | Question::DeletedOnDisk { then, confirmed },
            Action::Yes,
        ) => Effect::SaveConfirmed {
            then,
            confirmed: Confirmed {
                overwrite: true,
                ..confirmed
            },
        },
        (Question::ReadOnlyFile { then, confirmed }, Action::Yes) => Effect::SaveConfirmed {
            then,
            confirmed: Confirmed {
                read_only: true,
                ..confirmed
            },
        },
        (Question::ChangedOnDisk { .. }, Action::No) => Effect::Reload,
        (
            Question::ChangedOnDisk { .. } | Question::DeletedOnDisk { .. } | Question::ReadOnlyFile { .. },
            Action::Alternative,
        ) => {
            open_editor(app, EditTarget::SaveAs);
            Effect::Nothing
        }
        (
            question @ (Question::ChangedOnDisk { .. }
            | Question::DeletedOnDisk { .. }
            | Question::ReadOnlyFile { .. }),
            _,
        ) => {
            save_cancelled(app, &question);
            Effect::Nothing
        }
        (Question::CopyEvidence { entries }, Action::Yes) => Effect::CopyEvidence(entries),
        (Question::CopyEvidence { .. }, _) => {
            app.inform("Kept as typed, marked ↗ outside the map's folder");
            Effect::Nothing
        }
        (Question::ReplaceFile(mut delivery), Action::Yes) => {
            delivery.replace = true;
            Effect::Deliver(delivery)
        }
        (Question::ReplaceFile(delivery), _) => {
            app.inform(format!(
                "Nothing written; {} is as it was",
                delivery.path.display()
            ));
            Effect::Nothing
        }
        (Question::LockedElsewhere { .. }, Action::No) => Effect::TakeLock,
        (Question::LockedElsewhere { .. }, _) => {
            app.inform("Read-only: the other cxmap keeps editing this map");
            Effect::Nothing
        }
        _ => Effect::Nothing,
    }
}

/// Deletes stage `stage` after the question was answered yes.
fn delete_stage(app: &mut App, stage: usize) {
    let Some(doc) = app.screen.doc() else { return };
    let name = doc
        .map
        .stages
        .get(stage)
        .map(|s| s.name.clone())
        .unwrap_or_default();
    if let Some(edit) = ops::delete_stage_with(&doc.map, stage, links(&app.queue, &doc.history))
        && apply(app, edit, "delete stage")
    {
        app.inform(format!(
            "Deleted stage “{}”. {} undoes.",
            crate::text::display::truncate(&name, 40),
            app.key(&Action::Undo)
        ));
    }
}

/// The save question about the file on disk was cancelled: the status bar says the work
/// is not saved, and why, until something else is said.
fn save_cancelled(app: &mut App, question: &Question) {
    let name = app
        .doc()
        .and_then(|doc| doc.path.file_name())
        .map_or_else(|| "the map".to_owned(), |n| n.to_string_lossy().into_owned());
    let why = match question {
        Question::DeletedOnDisk { .. } => "was deleted on disk",
        Question::ReadOnlyFile { .. } => "is read-only",
        _ => "changed on disk",
    };
    let save = app.key(&Action::Save);
    app.warn(format!("Not saved: {name} {why}; {save} asks again"));
}

/// Takes the offered recovery copy as one undoable change; the map is then unsaved, and
/// the session makes the work its unsaved work.
pub(super) fn recover(app: &mut App, offer: RecoveryOffer) -> Effect {
    if !apply(app, Edit::ReplaceMap(offer.map), "recover unsaved work") {
        return Effect::Nothing;
    }
    app.inform(format!(
        "Recovered the unsaved work; {} saves it, {} undoes the recovery",
        app.key(&Action::Save),
        app.key(&Action::Undo)
    ));
    Effect::RecoveryTaken
}
