//! Linking shadow notes and friction points from the notes pane (the selected note to one
//! point, or off its point) and from a friction point's form (the notes behind it): one
//! undoable change each, after which the point's evidence includes its notes'.

use super::super::forms::FormPurpose;
use super::super::keymap::Mode;
use super::super::modal::{Modal, Question};
use super::super::note_links::NoteLinkPicker;
use super::super::{App, Effect, action::Action};
use super::apply::apply;
use crate::model::ops;

/// `l` in the notes pane: which friction point the selected note backs.
pub(super) fn for_note(app: &mut App) {
    let Some(at) = app.shadow.selected_note() else {
        app.inform("No note selected");
        return;
    };
    let Some(doc) = app.screen.doc() else { return };
    match NoteLinkPicker::for_note(&doc.map, at) {
        Some(picker) => app.modal.cover(|behind| Modal::NoteLinks { picker, behind }),
        None => {
            let make = app.key(&Action::MakeFriction);
            app.inform(format!(
                "The map has no friction points yet: {make} makes this note one"
            ));
        }
    }
}

/// `L` in the notes pane: the selected note backs no friction point any more.
pub(super) fn unlink(app: &mut App) {
    let Some(at) = app.shadow.selected_note() else {
        app.inform("No note selected");
        return;
    };
    let Some(edit) = app.screen.doc().and_then(|doc| ops::unlink_note(&doc.map, at)) else {
        let link = app.key(&Action::LinkNote);
        app.inform(format!(
            "This note backs no friction point: {link} links it to one"
        ));
        return;
    };
    if apply(app, edit, "unlink note") {
        let undo = app.key(&Action::Undo);
        app.inform(format!("{undo} undoes: the note backs no friction point now"));
    }
}

/// The link key in a friction point's form: the notes behind that point.
pub(super) fn for_form(app: &mut App) {
    let Some((_, FormPurpose::Friction { stage, at })) = app.modal.form_mut() else {
        app.inform("Shadow notes link to a friction point: open one's form first");
        return;
    };
    let Some(doc) = app.screen.doc() else { return };
    match NoteLinkPicker::for_point(&doc.map, stage, at) {
        Some(picker) => app.modal.cover(|behind| Modal::NoteLinks { picker, behind }),
        None => {
            let add = app.keymap.key(Mode::Grid, &Action::AddNote);
            app.inform(format!("{add} adds a shadow note: the map has none yet"));
        }
    }
}

/// The picker's keys.
pub(super) fn update(app: &mut App, action: Action) -> Effect {
    let Some(picker) = app.modal.note_links_mut() else {
        return Effect::Nothing;
    };
    if picker.filter.take(&action) {
        return Effect::Nothing;
    }
    match action {
        Action::ToggleLink => picker.toggle(),
        Action::CancelEdit => {
            if picker.changes() {
                let what = "the links you ticked".to_owned();
                app.ask(Question::KeepLinks { what });
            } else {
                app.modal.close();
            }
        }
        Action::Commit => keep(app),
        _ => {}
    }
    Effect::Nothing
}

/// Keeps the ticked links as one undoable change and closes the picker.
pub(super) fn keep(app: &mut App) {
    let Some(picker) = app.modal.take_note_links() else {
        return;
    };
    let Some(edit) = app.screen.doc().and_then(|doc| picker.edit(&doc.map)) else {
        app.inform("Links unchanged");
        return;
    };
    // The form (if the picker was opened over one) stays open: put it aside while the
    // edit applies, so the selection follows the change without closing it.
    let under = std::mem::take(&mut app.modal);
    let linked = picker.chosen.len();
    if apply(app, edit, "link notes") {
        app.modal = under;
        let undo = app.key(&Action::Undo);
        app.inform(match picker.linking {
            super::super::note_links::Linking::Note { .. } if linked == 0 => {
                format!("{undo} undoes: the note backs no friction point now")
            }
            super::super::note_links::Linking::Note { .. } => {
                format!("{undo} undoes: the note and its evidence back that point")
            }
            super::super::note_links::Linking::Point { .. } => format!(
                "{undo} undoes: {linked} note{} and evidence back this point",
                if linked == 1 { "" } else { "s" }
            ),
        });
    } else {
        app.modal = under;
    }
}
