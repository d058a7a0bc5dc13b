//! What the screen says about the session's I/O: every result the session reports comes
//! here, and only here are its messages, questions and notices decided.

use super::super::action::Action;
use super::super::editor::EditTarget;
use super::super::modal::{AfterLeaving, Modal, Question};
use super::super::outcome::{Outcome, SaveAsProblem, SaveReport};
use super::super::{App, Effect};
use crate::store::SaveRefused;

/// Shows what `outcome` means for the user; returns what to do next.
pub fn report(app: &mut App, outcome: Outcome) -> Effect {
    match outcome {
        Outcome::Opened { doc, warnings } => {
            let path = doc.path.clone();
            app.open(*doc);
            if warnings > 0 {
                app.inform(format!(
                    "Opened with {warnings} warning{}: cxmap check {} lists them",
                    if warnings == 1 { "" } else { "s" },
                    path.display()
                ));
            }
        }
        Outcome::NotOpened { path, mut lines } => {
            let name = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            lines.push(String::new());
            lines.push("The file was not changed. Fix it in a text editor, then open it again.".to_owned());
            app.notice(format!("Cannot open {name}"), lines);
        }
        Outcome::Started { doc, template } => {
            let path = name_in_folder(&doc.path);
            app.open(*doc);
            let save = app.key(&Action::Save);
            app.inform(format!(
                "New map from the {template} template: {save} creates {path}"
            ));
        }
        Outcome::ExampleOpened { doc, evidence } => {
            let path = name_in_folder(&doc.path);
            app.open(*doc);
            let save = app.key(&Action::Save);
            match evidence {
                Ok(()) => app.inform(format!("A copy of the example: {save} saves it as {path}")),
                Err(error) => app.warn(format!(
                    "A copy of the bundled example; its evidence pictures could not be written: {error}"
                )),
            }
        }
        Outcome::Created { doc } => app.open(*doc),
        Outcome::EvidenceCopied { copied, failed } => super::evidence::copied(app, &copied, &failed),
        Outcome::NewMapExists {
            template,
            title,
            path,
        } => {
            if let crate::app::screen::Screen::Start(start) = &mut app.screen {
                start.template = Some(template);
                start.title = Some(title);
            }
            app.edit(
                crate::app::editor::EditTarget::NewMapFile { template },
                &path.display().to_string(),
            );
            app.warn(format!("{} is already there: name another file", path.display()));
        }
        Outcome::NotMade { what, message } => app.notice(format!("Cannot use {what}"), vec![message]),
        Outcome::LockedElsewhere { holder } => {
            if let Some(doc) = app.doc_mut() {
                doc.read_only = true;
            }
            app.ask(Question::LockedElsewhere { holder });
        }
        Outcome::RecoveryFound(offer) => app.ask(Question::Recover(Box::new(offer))),
        Outcome::Saving { path, state } => {
            if let Some(doc) = app.doc_mut().filter(|doc| doc.path == path) {
                doc.saving = Some(state);
            }
            app.inform(format!("Saving {}…", path.display()));
        }
        Outcome::Saved(report) => return saved(app, report),
        Outcome::ReadOnlyHere => {
            app.warn("Read-only: another cxmap has this map open, so it is not saved here");
        }
        Outcome::SaveAsRefused { path, why } => save_as_refused(app, &path, &why),
        Outcome::Reloaded { kept } => {
            app.modal = Modal::None;
            match kept {
                Ok(Some(copy)) => app.inform(format!(
                    "Reloaded theirs; yours is kept in {} (the start screen lists it, reopening offers it)",
                    copy.display()
                )),
                Ok(None) => app.inform("Reloaded from disk"),
                Err(error) => app.warn(format!("Reloaded theirs, but yours could not be kept: {error}")),
            }
        }
        Outcome::NotReloaded { lines } => app.notice("Cannot reload", lines),
        Outcome::RecoveryDiscarded => {
            app.inform("Discarded the recovery copy; the map is as the file has it");
        }
        Outcome::EvidenceOpened(Ok(message)) => app.inform(message),
        Outcome::EvidenceOpened(Err(message)) => app.warn(message),
        Outcome::ObserverNotRemembered(error) => {
            app.warn(format!("Your name is used for now but not remembered: {error}"));
        }
        Outcome::EditingAnyway => {
            if let Some(doc) = app.doc_mut() {
                doc.read_only = false;
            }
            app.inform("Editing anyway: a save checks for the other cxmap's changes first");
        }
        Outcome::RecoveryFailed(error) => app.warn(format!("No recovery copy: {error}")),
        Outcome::StartListed(start) => app.show_start(start),
    }
    Effect::Nothing
}

/// Takes the result of a save; returns what to do next.
fn saved(app: &mut App, report: SaveReport) -> Effect {
    let SaveReport {
        path,
        state,
        then,
        confirmed,
        result,
    } = report;
    let Some(doc) = app.doc_mut().filter(|doc| doc.path == path) else {
        return Effect::Nothing;
    };
    doc.saving = None;
    match result {
        Ok(()) => {
            doc.mark_saved_at(state);
            let dirty = doc.is_dirty();
            app.inform(format!("Saved {}", name_in_folder(&path)));
            match then {
                // Changed again while saving: ask again rather than leave that behind.
                Some(then) if dirty => app.ask(Question::LeaveUnsaved { then }),
                Some(AfterLeaving::Quit) => return Effect::Quit,
                Some(AfterLeaving::StartScreen) => return Effect::ShowStart,
                None => {}
            }
        }
        Err(SaveRefused::ChangedOnDisk) => app.ask(Question::ChangedOnDisk { then, confirmed }),
        Err(SaveRefused::Deleted) => app.ask(Question::DeletedOnDisk { then, confirmed }),
        Err(SaveRefused::ReadOnly) => app.ask(Question::ReadOnlyFile { then, confirmed }),
        Err(SaveRefused::Failed(error)) => {
            app.warn(format!("Not saved, your changes are kept: {error}"));
        }
    }
    Effect::Nothing
}

/// Offers the save-as form again with the name given, saying why nothing was written.
fn save_as_refused(app: &mut App, path: &std::path::Path, why: &SaveAsProblem) {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    app.edit(EditTarget::SaveAs, &path.display().to_string());
    app.warn(match why {
        SaveAsProblem::Exists => format!("Not saved: {name} exists already; give another name"),
        SaveAsProblem::NoFolder(folder) => format!(
            "Not saved: no folder {}; make it first, or give another",
            folder.display()
        ),
        SaveAsProblem::NotAFolder(folder) => {
            format!("Not saved: {} is a file, not a folder", folder.display())
        }
    });
}

/// "coffee-shop.json in /home/ana/maps": the file's name before its folder, so a status
/// bar that cuts a long folder short still shows which file it is.
fn name_in_folder(path: &std::path::Path) -> String {
    match (path.file_name(), path.parent()) {
        (Some(name), Some(folder)) if !folder.as_os_str().is_empty() => {
            format!("{} in {}", name.to_string_lossy(), folder.display())
        }
        _ => path.display().to_string(),
    }
}
