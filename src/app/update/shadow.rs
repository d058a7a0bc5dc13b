//! The shadow-notes pane: opening and focusing it, adding, editing, deleting and
//! filtering notes, opening evidence, and turning a note into a friction point.

use super::super::forms::{NoteDefaults, note::EVIDENCE, note_filter_form, note_form};
use super::super::keymap::Mode;
use super::super::modal::Question;
use super::super::screen::{ChannelsFrom, View};
use super::super::shadow::{NoteFilter, Pane, PaneLayout};
use super::super::{App, Effect, action::Action};
use super::Handled;
use super::apply::{apply, select, settle};
use crate::app::forms::FormPurpose;
use crate::model::{Edit, FrictionId, ops};
use crate::text::display::clean_line;

pub(super) fn update(app: &mut App, action: Action) -> Handled {
    let page = usize::from(app.geometry.height.saturating_sub(8).max(3)) / 3;
    let selected = app.shadow.selected;
    let select = select_note;
    match action {
        Action::SelectPrevious => select(app, selected.saturating_sub(1)),
        Action::SelectNext => select(app, selected + 1),
        Action::SelectFirst => select(app, 0),
        Action::SelectLast => select(app, usize::MAX),
        Action::PageUp => select(app, selected.saturating_sub(page)),
        Action::PageDown => select(app, selected + page),
        Action::AddNote => start_note(app),
        Action::EditNote => match (app.shadow.selected_note(), app.screen.doc()) {
            (Some(at), Some(doc)) => {
                let known = app.names.of(doc).channels(&doc.map);
                let defaults = defaults(app);
                if let Some(form) = note_form(&doc.map, known, Some(at), &defaults, &app.time_zone) {
                    app.open_form(form);
                }
            }
            _ => {
                let add = app.key(&Action::AddNote);
                app.inform(format!("No note selected: {add} adds one"));
            }
        },
        Action::DeleteNote => match app.shadow.selected_note() {
            Some(at) => app.ask(Question::DeleteNote { at }),
            None => app.inform("No note selected"),
        },
        Action::FilterNotes => {
            if let Some(doc) = app.screen.doc() {
                // The filter offers the channels the notes use, counted now.
                app.shadow.count(&doc.map, doc.history.state());
                let form = note_filter_form(&doc.map, &app.shadow.coverage, &app.shadow.filter);
                app.open_form(form);
            }
        }
        Action::ClearNoteFilter => filter_notes(app, NoteFilter::default()),
        Action::OpenEvidence => return Handled::Done(super::evidence::of_note(app)),
        Action::MakeFriction => make_friction(app),
        Action::LinkNote => super::note_links::for_note(app),
        Action::UnlinkNote => super::note_links::unlink(app),
        Action::ToggleNotes => app.shadow.pane = Pane::Hidden,
        Action::FocusNotes => app.shadow.pane = Pane::Shown,
        Action::ShowCoverage => {
            app.shadow.cell.stage = app.cursor.stage;
            app.screen.show(View::Coverage);
        }
        Action::ShowChannels => app.screen.show(View::Channels {
            from: ChannelsFrom::Grid,
        }),
        other => return Handled::Pass(other),
    }
    Handled::Done(Effect::Nothing)
}

/// The grid keys that reach the pane: `w` shows or hides it, Tab moves the focus, `W`
/// adds a note.
pub(super) fn from_grid(app: &mut App, action: &Action) {
    match action {
        Action::ToggleNotes => {
            let layout = PaneLayout::for_size(app.geometry.width, app.geometry.height);
            // An open pane the grid hides (it takes the screen when focused) comes back.
            let open = !app.shadow.pane.is_open() || layout == PaneLayout::Screen;
            app.shadow.pane = if open { Pane::Focused } else { Pane::Hidden };
            if open {
                refresh(app);
                follow_note(app);
            }
        }
        Action::FocusNotes => {
            app.shadow.pane = Pane::Focused;
            refresh(app);
            follow_note(app);
        }
        Action::AddNote => start_note(app),
        _ => {}
    }
}

/// Brings the pane's rows up to date now (the update does it after every action, but a
/// new note must be selected straight away).
fn refresh(app: &mut App) {
    if let Some(doc) = app.screen.doc() {
        app.shadow.refresh(&doc.map, &doc.history);
    }
}

/// While the pane has the focus the grid shows the selected note's stage.
/// Selects row `at` of the pane (kept within its rows), the grid following the note's
/// stage.
pub(super) fn select_note(app: &mut App, at: usize) {
    app.shadow.selected = at.min(app.shadow.rows.len().saturating_sub(1));
    follow_note(app);
}

fn follow_note(app: &mut App) {
    let stage = app.screen.doc().and_then(|doc| {
        let note = doc.map.shadow.notes.get(app.shadow.selected_note()?)?;
        doc.map.stage_position(&note.stage)
    });
    if let Some(stage) = stage {
        app.cursor.stage = stage;
        settle(app);
    }
}

/// What a new note starts with: the stage and channel the pane is filtered to, else the
/// grid's stage and the channel last written in.
fn defaults(app: &App) -> NoteDefaults {
    let map = app.screen.doc().map(|d| &d.map);
    let filter = &app.shadow.filter;
    let channel = filter
        .channel
        .clone()
        .or_else(|| app.shadow.last_channel.clone())
        .or_else(|| map.and_then(|m| m.shadow.channels.first().cloned()))
        .unwrap_or_default();
    let stage = filter
        .stage
        .as_ref()
        .and_then(|s| map?.stage_position(s))
        .unwrap_or(app.cursor.stage);
    NoteDefaults {
        stage,
        channel,
        observer: (app.shadow.observer.clone()).unwrap_or_else(|| app.shadow.observer_suggestion.clone()),
        observer_suggested: app.shadow.observer.is_none(),
        now: app.shadow.now(),
    }
}

/// Opens the form for a new note, its text first: the observer is the name given before,
/// else the login name suggested (the first note kept remembers it).
fn start_note(app: &mut App) {
    let Some(doc) = app.screen.doc() else { return };
    if doc.map.stages.is_empty() {
        let key = app.keymap.key(Mode::Grid, &Action::AddStageAfter);
        // The key is the map's: from the notes pane, say where it works.
        let there = if app.mode() == Mode::Grid {
            ""
        } else {
            " in the map"
        };
        app.inform(format!(
            "No stages yet: a note belongs to a stage ({key}{there} adds one)"
        ));
        return;
    }
    let defaults = defaults(app);
    let known = app.names.of(doc).channels(&doc.map);
    if let Some(form) = note_form(&doc.map, known, None, &defaults, &app.time_zone) {
        app.open_form(form);
    }
}

/// A note form was kept: the edit applies and the pane shows the note. The first note's
/// observer is remembered (the effect saves it in the settings).
pub(super) fn note_kept(app: &mut App, edit: Edit, label: &str, at: usize, channel: String) -> Effect {
    let mut effect = Effect::Nothing;
    if apply(app, edit, label) {
        let signed = app.screen.doc().and_then(|doc| doc.map.shadow.notes.get(at));
        if let (None, Some(note)) = (&app.shadow.observer, signed)
            && !note.observer.is_empty()
        {
            let name = note.observer.clone();
            app.shadow.observer = Some(name.clone());
            effect = Effect::RememberObserver(name);
        }
        app.shadow.last_channel = Some(channel);
        if app.shadow.pane == Pane::Hidden {
            app.shadow.pane = Pane::Shown;
        }
        refresh(app);
        app.shadow.select_note(at);
        let undo = app.key(&Action::Undo);
        let place = app.screen.doc().and_then(|doc| {
            let note = doc.map.shadow.notes.get(at)?;
            // The queue knows where each stage is once brought up to date (refresh above).
            let stage = if app.queue.is_current(&doc.history) {
                app.queue.stage_position(&note.stage)?
            } else {
                doc.map.stage_position(&note.stage)?
            };
            let channel = match note.channel.as_str() {
                "" => "no channel".into(),
                channel => clean_line(channel),
            };
            Some(format!(
                " in {} {} · {channel}",
                stage + 1,
                clean_line(&doc.map.stages[stage].name)
            ))
        });
        let place = place.unwrap_or_default();
        app.inform(if label == "add shadow note" {
            format!("Added the shadow note{place}. {undo} undoes.")
        } else {
            format!("Changed the shadow note{place}. {undo} undoes.")
        });
    }
    effect
}

/// Shows only the notes that pass `filter`.
pub(super) fn filter_notes(app: &mut App, filter: NoteFilter) {
    let cleared = filter.is_empty();
    app.shadow.filter = filter;
    app.shadow.selected = 0;
    app.shadow.invalidate();
    refresh(app);
    if cleared {
        app.inform("Showing every shadow note");
    } else {
        let shown = app.shadow.rows.len();
        app.inform(format!(
            "{shown} note{} pass the filter; {} shows all",
            if shown == 1 { "" } else { "s" },
            app.keymap.key(Mode::Shadow, &Action::ClearNoteFilter)
        ));
    }
}

/// Deletes note `at` after the question was answered yes.
pub(super) fn delete_note(app: &mut App, at: usize) {
    if apply(app, Edit::RemoveNote { at }, "delete shadow note") {
        let undo = app.key(&Action::Undo);
        app.inform(format!("Deleted the shadow note. {undo} undoes."));
    }
}

fn make_friction(app: &mut App) {
    let Some(doc) = app.screen.doc() else { return };
    let Some(at) = app.shadow.selected_note() else {
        app.inform("No note selected");
        return;
    };
    let Some(note) = doc.map.shadow.notes.get(at) else {
        return;
    };
    if let Some(id) = &note.friction
        && doc.map.friction_position(id).is_some()
    {
        app.inform("This note is already a friction point (marked ⚑)");
        return;
    }
    let id = FrictionId(app.used_ids.of(doc).fresh(&mut app.ids, FrictionId::PREFIX));
    let Some(edit) = ops::note_to_friction(&doc.map, at, id) else {
        let edit = app.key(&Action::EditNote);
        app.warn(format!("{edit} edits the note to give it a stage: it names none"));
        return;
    };
    let stage = doc.map.stage_position(&note.stage);
    let text = note.text.clone();
    let at_point = stage
        .and_then(|s| doc.map.stages.get(s))
        .map_or(0, |s| s.frictions.len());
    if apply(app, edit, "make friction point") {
        if let Some(stage) = stage {
            // The grid waits on the new point, so its keys (T, o…) work after Tab.
            select(app, stage, crate::model::Lane::Friction, at_point);
        }
        let undo = app.key(&Action::Undo);
        app.inform(format!(
            "{undo} undoes · the note is now a friction point (⚑) in its stage"
        ));
        super::coach::coach(app, &text);
    }
}

/// Tab in the note form's evidence field completes the path being typed from the map's
/// folder listing, as far as the candidates agree, and lists them when there are several.
/// Returns false only on an empty evidence line (or outside that field): Tab then moves
/// on.
pub(super) fn complete_evidence(app: &mut App) -> bool {
    let keep = app.key(&Action::Commit);
    let tab = app.key(&Action::NextField);
    let Some((form, purpose)) = app.modal.form_mut() else {
        return false;
    };
    if !matches!(purpose, FormPurpose::Note { .. }) || form.focused_name() != Some(EVIDENCE) {
        return false;
    }
    let Some(input) = form.focused_mut().and_then(|f| f.input_mut()) else {
        return false;
    };
    let before = &input.text()[..input.cursor()];
    let partial = before
        .rsplit('\n')
        .next()
        .unwrap_or_default()
        .trim_start()
        .to_owned();
    if partial.is_empty() {
        return false;
    }
    if crate::model::is_url(&partial) {
        app.inform(format!("Nothing to complete in a URL: {keep} keeps the note"));
        return true;
    }
    // Files may have just been copied in: the next Tab finds them.
    app.folder.want_fresh();
    let Some(completion) = app.folder.complete(&partial) else {
        app.inform(format!("Still reading the map's folder: {tab} again in a moment"));
        return true;
    };
    if completion.common.len() > partial.len() {
        input.paste(&completion.common[partial.len()..]);
    }
    let message = match completion.candidates.len() {
        0 if completion.exact => format!("Nothing to complete: {keep} keeps the note"),
        0 => format!(
            "Nothing in the map's folder starts with “{}”",
            crate::text::display::truncate(&crate::text::display::clean_line(&partial), 20)
        ),
        1 if completion.candidates[0].len() <= partial.len() => {
            format!("Nothing to complete: {keep} keeps the note")
        }
        1 => String::new(),
        _ => matches(&completion.candidates),
    };
    if message.is_empty() {
        app.message = None;
    } else {
        app.inform(message);
    }
    true
}

/// "3 matches: a.png b.jpg c.png", names without their folder, as many as fit a line.
fn matches(candidates: &[String]) -> String {
    const ROOM: usize = 70;
    let mut text = format!("{} matches:", candidates.len());
    for (shown, candidate) in candidates.iter().enumerate() {
        let name = candidate
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or(candidate);
        let slash = if candidate.ends_with('/') { "/" } else { "" };
        let more = format!(" … {} more", candidates.len() - shown);
        let after = if shown + 1 < candidates.len() {
            more.chars().count()
        } else {
            0
        };
        if text.chars().count() + 1 + name.chars().count() + slash.len() + after > ROOM {
            text.push_str(&more);
            break;
        }
        text.push(' ');
        text.push_str(name);
        text.push_str(slash);
    }
    text
}
