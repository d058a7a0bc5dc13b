//! Evidence in the program: `o` opens the selected friction point's (its own and its
//! linked notes') or shadow note's with the system's opener, one entry at once, several
//! after a choice; and a file typed from outside the map's folder is offered a copy
//! beside the map, so it travels with it.

use std::collections::BTreeSet;

use super::super::forms::evidence_form;
use super::super::modal::Question;
use super::super::{App, Effect, action::Action};
use super::apply::apply;
use crate::model::{Edit, EvidencePlace, Item, JourneyMap, Lane, evidence_place, ops};

/// The selected friction point's evidence.
pub(super) fn of_point(app: &mut App) -> Effect {
    let is_point = app.cursor.lane == Lane::Friction
        && app
            .screen
            .doc()
            .and_then(|d| d.map.stages.get(app.cursor.stage))
            .is_some_and(|s| app.cursor.item < s.frictions.len());
    if !is_point {
        let key = app.key(&Action::OpenEvidence);
        app.inform(format!("{key} opens a friction point's evidence: select one"));
        return Effect::Nothing;
    }
    let entries = app.queue.evidence.clone();
    let edit = app.key(&Action::EditCell);
    open(app, "Open the friction point's evidence", entries, &edit)
}

/// The selected shadow note's evidence.
pub(super) fn of_note(app: &mut App) -> Effect {
    let Some(note) = app
        .shadow
        .selected_note()
        .and_then(|n| app.screen.doc()?.map.shadow.notes.get(n))
    else {
        app.inform("No note selected");
        return Effect::Nothing;
    };
    let entries: Vec<String> = note
        .evidence
        .iter()
        .map(|e| e.trim().to_owned())
        .filter(|e| !e.is_empty())
        .collect();
    let edit = app.key(&Action::EditNote);
    open(app, "Open the note's evidence", entries, &edit)
}

/// Opens the one entry, offers a choice between several, or says how to add one (`edit`
/// is the key that edits the note or point).
fn open(app: &mut App, title: &str, entries: Vec<String>, edit: &str) -> Effect {
    match entries.as_slice() {
        [] => {
            app.inform(format!("{edit} edits it to add evidence: it has none"));
            Effect::Nothing
        }
        [one] => Effect::OpenEvidence(one.clone()),
        several => {
            let choose = format!(
                "{title} ({} {} choose, {} opens)",
                app.keymap
                    .key(super::super::keymap::Mode::Form, &Action::CursorLeft),
                app.keymap
                    .key(super::super::keymap::Mode::Form, &Action::CursorRight),
                app.keymap.key(super::super::keymap::Mode::Form, &Action::Commit)
            );
            let folder = &app.folder;
            let form = evidence_form(&choose, several, &|e| folder.missing(e));
            app.open_form(form);
            Effect::Nothing
        }
    }
}

/// The entries of `map` that point outside its folder.
fn outside(map: &JourneyMap) -> BTreeSet<String> {
    map.evidence()
        .map(str::trim)
        .filter(|e| evidence_place(e) == EvidencePlace::Outside)
        .map(str::to_owned)
        .collect()
}

/// The map's entries outside its folder before `edit`, when the edit brings in any of
/// its own: only then can a kept form have new files to offer copies of, so the whole
/// map is looked through only then.
pub(super) fn outside_before(app: &App, edit: &Edit) -> Option<BTreeSet<String>> {
    let doc = app.screen.doc()?;
    brings_outside(edit).then(|| outside(&doc.map))
}

fn brings_outside(edit: &Edit) -> bool {
    let outside = |evidence: &[String]| {
        evidence
            .iter()
            .any(|e| evidence_place(e.trim()) == EvidencePlace::Outside)
    };
    match edit {
        Edit::InsertItem { item, .. } | Edit::ReplaceItem { item, .. } => match item {
            Item::Friction(friction) => outside(&friction.evidence),
            Item::Touchpoint(_) | Item::Opportunity(_) => false,
        },
        Edit::InsertNote { note, .. } | Edit::ReplaceNote { note, .. } => outside(&note.evidence),
        Edit::InsertStage { stage, .. } => stage.frictions.iter().any(|f| outside(&f.evidence)),
        Edit::ReplaceMap(_) => true,
        Edit::Batch(edits) => edits.iter().any(brings_outside),
        _ => false,
    }
}

/// After a form was kept: offers to copy beside the map the files outside its folder that
/// the form brought in (those of `before` were offered already; `None`: it brought none).
pub(super) fn offer_copies(app: &mut App, before: Option<BTreeSet<String>>) {
    let (Some(doc), Some(before)) = (app.screen.doc(), before) else {
        return;
    };
    let new: Vec<String> = outside(&doc.map).difference(&before).cloned().collect();
    if !new.is_empty() {
        app.ask(Question::CopyEvidence { entries: new });
    }
}

/// The files were copied beside the map: the map names the copies (one undoable change).
pub(super) fn copied(app: &mut App, copied: &[(String, String)], failed: &[String]) {
    if let Some(edit) = app
        .screen
        .doc()
        .and_then(|doc| ops::rename_evidence(&doc.map, copied))
        && apply(app, edit, "copy evidence beside the map")
    {
        let names: Vec<&str> = copied.iter().map(|(_, copy)| copy.as_str()).collect();
        app.inform(format!(
            "{} undoes: copied beside the map as {}",
            app.key(&Action::Undo),
            names.join(", ")
        ));
    }
    if !failed.is_empty() {
        app.warn(format!("Not copied (kept as typed): {}", failed.join("; ")));
    }
}
