//! Overlays: scrolling the help or a notice, and answering questions.

use super::super::editor::EditTarget;
use super::super::overlay::{AfterLeaving, Overlay, Question};
use super::super::{App, Effect, action::Action};
use super::edit::commit;
use super::form::keep;
use super::grid::{apply, open_editor};
use crate::model::{Edit, ops};

/// Keys while the help or a notice is showing.
pub(super) fn read(app: &mut App, action: Action) -> Effect {
    let page = app.geometry.help_page();
    let scroll = match &mut app.overlay {
        Some(Overlay::Help { scroll, .. } | Overlay::Notice { scroll, .. }) => scroll,
        _ => return Effect::Nothing,
    };
    match action {
        Action::SelectPrevious => *scroll = scroll.saturating_sub(1),
        Action::SelectNext => *scroll += 1,
        Action::PageUp => *scroll = scroll.saturating_sub(page),
        Action::PageDown => *scroll += page,
        Action::SelectFirst => *scroll = 0,
        Action::SelectLast => *scroll = usize::MAX / 2,
        Action::Back => app.overlay = None,
        _ => {}
    }
    Effect::Nothing
}

/// Keys while a question is asked: y, n or Esc.
pub(super) fn answer(app: &mut App, action: Action) -> Effect {
    let Some(Overlay::Ask(question)) = app.overlay.clone() else {
        return Effect::Nothing;
    };
    if !matches!(
        action,
        Action::Yes | Action::No | Action::Cancel | Action::Alternative
    ) {
        return Effect::Nothing;
    }
    app.overlay = None;
    match (question, action) {
        (Question::DeleteStage { stage }, Action::Yes) => {
            let Some(doc) = app.doc.as_ref() else {
                return Effect::Nothing;
            };
            let name = doc
                .map
                .stages
                .get(stage)
                .map(|s| s.name.clone())
                .unwrap_or_default();
            if let Some(edit) = ops::delete_stage(&doc.map, stage)
                && apply(app, edit, "delete stage")
            {
                app.inform(format!(
                    "Deleted stage “{}”. u undoes.",
                    crate::text::display::truncate(&name, 40)
                ));
            }
            Effect::Nothing
        }
        (Question::DeleteNote { at }, Action::Yes) => {
            super::shadow::delete_note(app, at);
            Effect::Nothing
        }
        (Question::MergeChannels { from, into }, Action::Yes) => {
            app.form = None;
            super::coverage::merge_channels(app, &from, &into);
            Effect::Nothing
        }
        (Question::LeaveUnsaved { then }, Action::Yes) => Effect::Save { then: Some(then) },
        (Question::LeaveUnsaved { then }, Action::No) => match then {
            AfterLeaving::Quit => Effect::Quit,
            AfterLeaving::StartScreen => Effect::ShowStart,
        },
        (Question::KeepLinks, Action::Yes) => {
            super::links::keep(app);
            Effect::Nothing
        }
        (Question::KeepLinks, Action::No) => {
            app.links = None;
            app.inform("Links left as they were");
            Effect::Nothing
        }
        (Question::KeepTyping, Action::Yes) if app.form.is_some() => keep(app),
        (Question::KeepTyping, Action::Yes) => commit(app),
        (Question::KeepTyping, Action::No) => {
            app.editor = None;
            app.form = None;
            app.inform("Dropped what was typed");
            Effect::Nothing
        }
        (Question::Recover, Action::Yes) => {
            recover(app);
            Effect::Nothing
        }
        (Question::Recover, Action::No) => Effect::DiscardRecovery,
        (Question::Recover, Action::Alternative) => {
            app.comparing = true;
            Effect::Nothing
        }
        (Question::Recover, _) => {
            app.recovery = None;
            app.inform("The recovery copy is kept: reopen the map to decide");
            Effect::Nothing
        }
        (Question::ChangedOnDisk { then }, Action::Yes) => Effect::SaveAnyway { then },
        (Question::ChangedOnDisk { .. }, Action::No) => Effect::Reload,
        (Question::ChangedOnDisk { .. }, Action::Alternative) => {
            open_editor(app, EditTarget::SaveAs);
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

/// Takes the offered recovery copy as one undoable change; the map is then unsaved.
pub(super) fn recover(app: &mut App) {
    app.comparing = false;
    let Some(offer) = app.recovery.take() else { return };
    if apply(app, Edit::ReplaceMap(offer.map), "recover unsaved work") {
        app.inform("Recovered the unsaved work; Ctrl-S saves it, u undoes the recovery");
    }
}
