//! Forms: Tab moves between fields, ← → change a choice, text fields edit like any
//! text; Enter keeps the form if every field checks out.

use super::super::choices::Choices;
use super::super::completion::Completed;
use super::super::form::FieldValue;
use super::super::forms::{self, FormPurpose, Outcome};
use super::super::modal::{Modal, Question};
use super::super::names::Names;
use super::super::screen::{Screen, View};
use super::super::used_ids::UsedIds;
use super::super::{App, Effect, TerminalWork, action::Action};
use super::apply::apply;
use super::edit::edit_text;
use super::votes::start_round;
use crate::model::{Edit, Friction, Item};
use crate::text::display::{clean_line, truncate};

pub(super) fn update(app: &mut App, action: Action) -> Effect {
    let width = app.geometry.form_text_width();
    let Modal::Form { form, purpose } = &mut app.modal else {
        return Effect::Nothing;
    };
    let purpose = *purpose;
    form.error = None;
    match action {
        Action::Commit => return keep(app),
        Action::CancelEdit => {
            if form.is_modified() {
                let what = format!("your changes to {}", form.changed());
                app.ask(Question::KeepTyping { what });
            } else {
                app.modal = Modal::None;
            }
        }
        Action::NextField => {
            if !super::shadow::complete_evidence(app)
                && !complete_field(app)
                && let Some((form, _)) = app.modal.form_mut()
            {
                if let Some(field) = form.focused_mut() {
                    field.suggestion = false;
                }
                form.next_field();
            }
        }
        Action::PreviousField => {
            if let Some(field) = form.focused_mut() {
                field.suggestion = false;
            }
            form.previous_field();
        }
        Action::LinkNote => super::note_links::for_form(app),
        Action::EditInEditor => match form.focused_mut().and_then(|field| field.input_mut()) {
            Some(input) => return Effect::Terminal(TerminalWork::EditInEditor(input.text().to_owned())),
            None => app.inform("This field is a choice: ← → change it"),
        },
        other => {
            // A note's stages are a long list: ← → stop at its ends.
            let stops = matches!(purpose, FormPurpose::Note { .. });
            let Some(field) = form.focused_mut() else {
                return Effect::Nothing;
            };
            let suggested = std::mem::take(&mut field.suggestion);
            let mut chose = false;
            let moved = match &mut field.value {
                FieldValue::Choice {
                    options, selected, ..
                } => {
                    chose = choose(options, selected, &other, stops);
                    chose
                }
                FieldValue::Text(input) | FieldValue::Number { input, .. } => {
                    let typed = input.text().to_owned();
                    if suggested && matches!(other, Action::Type(_) | Action::Paste(_)) {
                        input.set_text("");
                    }
                    let moved = edit_text(input, &other, width);
                    if input.text() != typed && matches!(purpose, FormPurpose::Metrics { .. }) {
                        forms::calculate(form);
                    }
                    moved
                }
            };
            if chose && let Some(doc) = app.screen.doc() {
                forms::follow_format(form, purpose, &doc.path);
                if let FormPurpose::Note { at } = purpose {
                    forms::note::stage_notice(&doc.map, at, form);
                }
            }
            match other {
                Action::CursorUp if !moved => form.previous_field(),
                Action::CursorDown if !moved => form.next_field(),
                _ => {}
            }
        }
    }
    Effect::Nothing
}

/// Tab in a field that names a channel or an owner, or in text that may end in tags:
/// completes what is typed from the map's names. False when there was nothing to
/// complete.
fn complete_field(app: &mut App) -> bool {
    let Some(field) = app.modal.form_mut().and_then(|(form, _)| form.focused_mut()) else {
        return false;
    };
    let Some(done) = field.complete() else {
        return false;
    };
    let again = app.key(&Action::NextField);
    match done {
        Completed::Name { others: 0, .. } => app.message = None,
        Completed::Name { others, .. } => app.inform(format!(
            "{others} more match{}: type more to choose, or {again} to go on",
            if others == 1 { "" } else { "es" }
        )),
        Completed::New { .. } | Completed::NoTag => return false,
    }
    true
}

/// ← and → step through a choice, round and round, or stopping at the ends when `stops`
/// (a long list such as a note's stages, drawn with ◀ ▶ while more lie beyond); a typed
/// letter or digit jumps to the next option that starts with it (a stage's number or
/// name). Returns whether the action was about the choice.
fn choose(options: &Choices, selected: &mut usize, action: &Action, stops: bool) -> bool {
    let count = options.count().max(1);
    match action {
        Action::CursorLeft if stops => *selected = selected.saturating_sub(1),
        Action::CursorRight if stops => *selected = (*selected + 1).min(count - 1),
        Action::CursorLeft => *selected = (*selected + count - 1) % count,
        Action::CursorRight | Action::Type(' ') => *selected = (*selected + 1) % count,
        Action::Type(c) => {
            let answers = |i: &usize| options.answers_to(*i, *c);
            if let Some(next) = (1..=count).map(|step| (*selected + step) % count).find(answers) {
                *selected = next;
            }
        }
        _ => return false,
    }
    true
}

/// The friction point a form's edit puts in place, if it does.
fn kept_friction(edit: &Edit) -> Option<&Friction> {
    match edit {
        Edit::ReplaceItem {
            item: Item::Friction(friction),
            ..
        } => Some(friction),
        Edit::Batch(edits) => edits.iter().find_map(kept_friction),
        _ => None,
    }
}

/// A point's new owner in words, for the status bar: "Owner: Dee (“Card declined…”)".
fn owner_said(friction: &Friction) -> String {
    let text = truncate(&clean_line(&friction.text), 30).into_owned();
    match friction.owner.as_str() {
        "" => format!("No owner now (“{text}”)"),
        owner => format!("Owner: {} (“{text}”)", clean_line(owner)),
    }
}

/// Keeps the form: its edit is applied, or the form stays open saying what to fix.
pub(super) fn keep(app: &mut App) -> Effect {
    let Some((mut form, purpose)) = app.modal.take_form() else {
        return Effect::Nothing;
    };
    let (doc, memo) = match &app.screen {
        Screen::Map { doc, view } => {
            let memo = match view {
                View::Memo(preview) => Some(&**preview),
                _ => None,
            };
            (Some(doc), memo)
        }
        Screen::Start(_) => (None, None),
    };
    let (no_names, no_ids) = (Names::default(), UsedIds::default());
    let names = doc.map_or(&no_names, |doc| app.names.of(doc));
    let used = doc.map_or(&no_ids, |doc| app.used_ids.of(doc));
    let context = forms::Context {
        map: doc.map(|doc| &doc.map),
        memo,
        coverage: &app.shadow.coverage,
        ids: &mut app.ids,
        taken: &|id| used.taken(id),
        names,
        zone: &app.time_zone,
        folder: &app.folder,
    };
    match forms::outcome(&mut form, purpose, context) {
        Err(message) => {
            form.error = Some(message);
            app.open_form((form, purpose));
        }
        Ok(Outcome::Unchanged) => {}
        Ok(Outcome::Edit(edit, label)) => {
            let kept = kept_friction(&edit).map(|f| f.text.clone());
            if let Some(friction) = kept_friction(&edit)
                && !friction.channel.is_empty()
            {
                app.queue.last_channel = Some(friction.channel.clone());
            }
            let metrics = matches!(edit, crate::model::Edit::SetMetrics { .. });
            let outside_before = super::evidence::outside_before(app, &edit);
            let owner = matches!(purpose, FormPurpose::Owner { .. })
                .then(|| kept_friction(&edit).map(owner_said))
                .flatten();
            if apply(app, edit, label) {
                let undo = app.key(&Action::Undo);
                if metrics {
                    app.inform(format!("Stage metrics kept. {undo} undoes"));
                }
                if let Some(said) = owner {
                    app.inform(format!("{said} · {undo} undoes"));
                }
                if let Some(kept) = kept {
                    super::coach::coach(app, &kept);
                }
                super::evidence::offer_copies(app, outside_before);
            }
        }
        Ok(Outcome::StartRound(setup)) => start_round(app, setup),
        Ok(Outcome::Filter(filter)) => {
            app.board.filter = filter;
            app.board.invalidate();
        }
        Ok(Outcome::Note {
            edit,
            label,
            at,
            channel,
        }) => {
            let outside_before = super::evidence::outside_before(app, &edit);
            let effect = super::shadow::note_kept(app, edit, label, at, channel);
            super::evidence::offer_copies(app, outside_before);
            return effect;
        }
        Ok(Outcome::NoteFilter(filter)) => super::shadow::filter_notes(app, filter),
        Ok(Outcome::MergeChannels { from, into }) => {
            app.open_form((form, purpose));
            app.ask(Question::MergeChannels { from, into });
        }
        Ok(Outcome::Deliver(delivery)) => return Effect::Deliver(delivery),
        Ok(Outcome::OpenEvidence(entry)) => return Effect::OpenEvidence(entry),
    }
    Effect::Nothing
}
