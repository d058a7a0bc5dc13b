//! The text editor: cursor movement and typing go to the line editor; keeping the text
//! turns it into an edit of the map. Nothing typed is dropped without asking.

use super::super::completion::Completed;
use super::super::editor::{EditTarget, Editor};
use super::super::modal::{Modal, Question};
use super::super::screen::Screen;
use super::super::{App, Effect, TerminalWork, action::Action};
use super::adding::{default_channel, new_item};
use super::apply::{apply, select, settle};
use crate::app::queue::links;
use crate::model::capture::TagKind;
use crate::model::{Edit, Item, ListLane, MapText, Stage, StageId, StageText};
use crate::text::display::clean_line;
use crate::text::input::TextInput;
use crate::text::pasted::{lines as pasted_lines, tidy};

pub(super) fn update(app: &mut App, action: Action) -> Effect {
    let width = app.geometry.editor_width();
    let Modal::Editor(editor) = &mut app.modal else {
        return Effect::Nothing;
    };
    match action {
        Action::Commit => return commit(app),
        Action::CancelEdit if editor.target == EditTarget::Search => {
            app.modal = Modal::None;
            super::search::leave(app);
        }
        Action::CancelEdit => {
            if editor.input.is_modified() {
                let heading = editor.target.heading(app.screen.doc().map(|d| &*d.map));
                let what = format!("what you typed for {heading}");
                app.ask(Question::KeepTyping { what });
            } else {
                app.modal = Modal::None;
            }
        }
        Action::Complete => complete(app),
        Action::EditInEditor if editor.target == EditTarget::Search => {
            app.inform("A search is typed here; your editor is for the map's text");
        }
        Action::EditInEditor => {
            return Effect::Terminal(TerminalWork::EditInEditor(editor.input.text().to_owned()));
        }
        Action::Paste(text) if matches!(editor.target, EditTarget::NewItem { .. }) => {
            paste_new_items(app, &text);
        }
        Action::NewLine if !editor.input.multiline() => {
            let keep = app.key(&Action::Commit);
            app.inform(format!("This text is one line; {keep} keeps it"));
        }
        other => {
            edit_text(&mut editor.input, &other, width);
            if editor.target == EditTarget::Search {
                let query = editor.input.text().to_owned();
                super::search::typed(app, &query);
            }
        }
    }
    Effect::Nothing
}

/// The text the user's editor gave back (or why it gave none) goes into the open editor
/// or the form's focused field, as one line where the text is one line.
pub fn from_editor(app: &mut App, edited: Result<String, String>) {
    let text = match edited {
        Ok(text) => text,
        Err(why) => {
            app.warn(why);
            return;
        }
    };
    let input = match &mut app.modal {
        Modal::Editor(editor) => Some(&mut editor.input),
        Modal::Form { form, .. } => form.focused_mut().and_then(|field| field.input_mut()),
        _ => None,
    };
    let Some(input) = input else {
        return;
    };
    let one_line;
    let text = if input.multiline() {
        text.as_str()
    } else {
        one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
        one_line.as_str()
    };
    input.set_text(text);
    let keep = app.key(&Action::Commit);
    app.inform(format!("Your editor's text is in; {keep} keeps it"));
}

/// A paste into the editor of a new item: text that then holds several lines adds one
/// item a line (read as quick capture) and the editor opens for the next; else it is typed.
fn paste_new_items(app: &mut App, pasted: &str) {
    let Some(editor) = app.modal.editor_mut() else {
        return;
    };
    let (text, cursor) = (editor.input.text(), editor.input.cursor());
    let whole = format!("{}{}{}", &text[..cursor], tidy(pasted), &text[cursor..]);
    let lines = pasted_lines(&whole);
    let EditTarget::NewItem { stage, lane, at } = editor.target else {
        return;
    };
    if lines.len() < 2 || editor.addressing.is_some() {
        editor.input.paste(pasted);
        return;
    }
    let Some(editor) = app.modal.take_editor() else {
        return;
    };
    match super::adding::add_lines(app, stage, lane, at, &lines) {
        Some(done) if done.added > 0 => {
            let at = at + done.added;
            open_editor(app, EditTarget::NewItem { stage, lane, at });
            if let Modal::Editor(next) = &mut app.modal {
                next.added = editor.added + done.added;
            }
            let stop = app.key(&Action::Commit);
            app.inform(format!("{} · an empty {stop} stops", done.said(lane)));
        }
        failed => {
            app.modal = Modal::Editor(editor);
            if let Some(done) = failed {
                app.warn(done.said(lane));
            }
        }
    }
}

/// Tab: completes the `#channel` or `@owner` tag being typed and says what it did.
fn complete(app: &mut App) {
    let Some(editor) = app.modal.editor_mut() else {
        return;
    };
    let takes_tags = editor.tags.is_some();
    let message = match editor.complete_tag() {
        Completed::Name { others: 0, .. } => None,
        Completed::Name { others, .. } => Some(format!(
            "{others} more match{}: {} again for the next",
            if others == 1 { "" } else { "es" },
            app.key(&Action::Complete)
        )),
        Completed::New { kind, typed } => Some(match kind {
            TagKind::Channel => format!(
                "No channel matches “{}”: it will join the map's channels",
                clean_line(&typed)
            ),
            TagKind::Owner => format!(
                "Nobody called “{}” owns a point yet: a new owner",
                clean_line(&typed)
            ),
        }),
        Completed::NoTag if takes_tags => {
            Some("Completes a #channel or @owner tag ending the text (!1 to !3 set severity)".to_owned())
        }
        Completed::NoTag => Some("Nothing to complete here".to_owned()),
    };
    match message {
        Some(message) => app.inform(message),
        None => app.message = None,
    }
}

/// Opens the editor on `target`, holding the text it has now.
pub(super) fn open_editor(app: &mut App, target: EditTarget) {
    let text = match (target, app.screen.doc()) {
        (EditTarget::Search, _) => app.search.query.clone(),
        (EditTarget::SaveAs, Some(doc)) => doc.path.display().to_string(),
        (_, Some(doc)) => target.text_in(&doc.map),
        (_, None) => String::new(),
    };
    app.edit(target, &text);
}

/// Applies a text-editing action to a line editor laid out `width` columns wide; false
/// when the action is not about editing text.
pub(super) fn edit_text(input: &mut TextInput, action: &Action, width: usize) -> bool {
    match action {
        Action::NewLine => input.insert_newline(),
        Action::Type(c) => input.insert_char(*c),
        Action::Paste(text) => input.paste(text),
        Action::CursorLeft => input.left(),
        Action::CursorRight => input.right(),
        Action::CursorUp => return input.up(width),
        Action::CursorDown => return input.down(width),
        Action::WordLeft => input.word_left(),
        Action::WordRight => input.word_right(),
        Action::LineStart => input.home(width),
        Action::LineEnd => input.end(width),
        Action::TextStart => input.text_start(),
        Action::TextEnd => input.text_end(),
        Action::DeleteBack => input.backspace(),
        Action::DeleteForward => input.delete(),
        Action::DeleteWordBack => input.delete_word_back(),
        Action::DeleteToLineStart => input.delete_to_line_start(),
        Action::DeleteToLineEnd => input.delete_to_line_end(),
        _ => return false,
    }
    true
}

/// One edit, or several that undo as one.
fn batch(mut edits: Vec<Edit>) -> Edit {
    if edits.len() == 1 {
        edits.remove(0)
    } else {
        Edit::Batch(edits)
    }
}

/// Keeps the editor's text: turns it into the edit its target calls for.
pub(super) fn commit(app: &mut App) -> Effect {
    let Some(editor) = app.modal.take_editor() else {
        return Effect::Nothing;
    };
    let (target, modified) = (editor.target, editor.input.is_modified());
    let text = editor.input.text().to_owned();
    let trimmed = text.trim();
    match target {
        EditTarget::NewMapTitle { template } => {
            if trimmed.is_empty() {
                app.warn("Give the map a title");
                app.modal = Modal::Editor(editor);
                return Effect::Nothing;
            }
            let Screen::Start(start) = &mut app.screen else {
                return Effect::Nothing;
            };
            start.title = Some(trimmed.to_owned());
            let file = start.new_maps_in.join(crate::store::map_file_name(trimmed));
            app.edit(EditTarget::NewMapFile { template }, &file.display().to_string());
            return Effect::Nothing;
        }
        EditTarget::NewMapFile { template } => {
            if trimmed.is_empty() {
                app.warn("Give the file a name");
                app.modal = Modal::Editor(editor);
                return Effect::Nothing;
            }
            let Screen::Start(start) = &mut app.screen else {
                return Effect::Nothing;
            };
            start.template = None;
            let title = start.title.take().unwrap_or_default();
            let mut path = std::path::PathBuf::from(trimmed);
            if path.extension().is_none() {
                path.set_extension("json");
            }
            return Effect::Create {
                template,
                title,
                path,
            };
        }
        EditTarget::Search => super::search::commit(app, &text),
        EditTarget::SaveAs => {
            if trimmed.is_empty() {
                app.warn("Give the file a name");
                app.modal = Modal::Editor(editor);
                return Effect::Nothing;
            }
            return Effect::SaveAs(trimmed.into());
        }
        EditTarget::Title | EditTarget::Persona => {
            let field = if target == EditTarget::Title {
                MapText::Title
            } else {
                MapText::Persona
            };
            if modified {
                apply(app, Edit::SetMapText { field, text }, "edit title or persona");
            }
        }
        EditTarget::StageName { stage } => {
            if trimmed.is_empty() {
                app.warn("A stage needs a name");
                app.modal = Modal::Editor(editor);
                return Effect::Nothing;
            }
            if modified {
                apply(
                    app,
                    Edit::SetStageText {
                        stage,
                        field: StageText::Name,
                        text: trimmed.to_owned(),
                    },
                    "rename stage",
                );
            }
        }
        EditTarget::NewStage { at } => {
            if !trimmed.is_empty() {
                add_stage(app, at, trimmed.to_owned());
            }
        }
        EditTarget::StageText { stage, field } => {
            if modified {
                let label = if field == StageText::Goal {
                    "edit goal"
                } else {
                    "edit emotion note"
                };
                apply(app, Edit::SetStageText { stage, field, text }, label);
            }
        }
        EditTarget::Item { stage, lane, at } => {
            if let Err(problem) = commit_item(app, stage, lane, at, text, modified) {
                app.warn(problem);
                app.modal = Modal::Editor(editor);
            }
        }
        EditTarget::NewItem { stage, lane, at } => {
            if !trimmed.is_empty() {
                add_item(app, editor, stage, lane, at);
            } else if editor.added > 0 {
                run_ended(app, stage, lane, editor.added);
            }
        }
    }
    Effect::Nothing
}

/// Adds the item typed in the editor for a new item, and opens the editor for the next
/// one. A friction point's tags set its fields; a line of tags only is refused.
fn add_item(app: &mut App, editor: Editor, stage: usize, lane: ListLane, at: usize) {
    let Some(doc) = app.screen.doc() else { return };
    let text = editor.input.text().to_owned();
    let used = app.used_ids.of(doc);
    let mut item = new_item(&|id| used.taken(id), lane, text.clone(), &mut app.ids, &[]);
    default_channel(app.queue.last_channel.as_deref(), &mut item);
    if let (Item::Opportunity(opportunity), Some(point)) = (&mut item, &editor.addressing) {
        opportunity.addresses = vec![point.clone()];
    }
    let mut tagged = super::capture::Tagged::default();
    if let Item::Friction(friction) = &mut item {
        match super::capture::read_tags(&doc.map, app.names.of(doc), &text, friction) {
            Ok(read) => tagged = read,
            Err(problem) => {
                app.warn(problem);
                app.modal = Modal::Editor(editor);
                return;
            }
        }
    }
    let channel = match &item {
        Item::Friction(friction) if !friction.channel.is_empty() => Some(friction.channel.clone()),
        _ => None,
    };
    let mut edits = std::mem::take(&mut tagged.with);
    edits.push(Edit::InsertItem { stage, at, item });
    if apply(app, batch(edits), &format!("add {}", lane.item_noun())) {
        if channel.is_some() {
            app.queue.last_channel = channel;
        }
        if editor.addressing.is_some() {
            addressed(app, stage, at);
            return;
        }
        open_editor(
            app,
            EditTarget::NewItem {
                stage,
                lane,
                at: at + 1,
            },
        );
        if let Modal::Editor(next) = &mut app.modal {
            next.added = editor.added + 1;
        }
        // Short enough for 80 columns: what the tags set says it all.
        let stop = format!("an empty {} stops", app.key(&Action::Commit));
        app.inform(if tagged.said.is_empty() {
            format!("Added. Type the next {}, or {stop}", lane.item_noun())
        } else {
            format!("Added ({})", clean_line(&tagged.said))
        });
        if lane == ListLane::Friction {
            let kept = app
                .screen
                .doc()
                .and_then(|d| d.map.stages.get(stage)?.frictions.get(at))
                .map(|f| f.text.clone());
            if let Some(kept) = kept {
                super::coach::coach(app, &kept);
            }
        }
    }
}

/// An empty `Enter` ended a run of adding: the status bar says what the run added.
fn run_ended(app: &mut App, stage: usize, lane: ListLane, added: usize) {
    let noun = lane.item_noun();
    let nouns = match (added, noun.strip_suffix('y')) {
        (1, _) => noun.to_owned(),
        (_, Some(stem)) => format!("{stem}ies"),
        (_, None) => format!("{noun}s"),
    };
    let name = app
        .screen
        .doc()
        .and_then(|doc| doc.map.stages.get(stage))
        .map_or_else(String::new, |s| clean_line(&s.name).into_owned());
    let undo = app.key(&Action::Undo);
    app.inform(format!(
        "{added} {nouns} added to {} {name} · {undo} undoes the last",
        stage + 1
    ));
}

/// A new opportunity that addresses a point was kept: the selection goes to it.
fn addressed(app: &mut App, stage: usize, at: usize) {
    select(app, stage, crate::model::Lane::Opportunity, at);
    let undo = app.key(&Action::Undo);
    app.inform(format!(
        "Added: the opportunity addresses the point. {undo} undoes"
    ));
}

fn add_stage(app: &mut App, at: usize, name: String) {
    let Some(doc) = app.screen.doc() else { return };
    let id = StageId(app.used_ids.of(doc).fresh(&mut app.ids, StageId::PREFIX));
    let stage = Box::new(Stage::new(id, name));
    if apply(app, Edit::InsertStage { at, stage }, "add stage") {
        app.cursor.lane = crate::model::Lane::Goal;
        app.cursor.item = 0;
        settle(app);
    }
}

/// Keeps an edited item; refused (the editor stays) when a friction point's line is only
/// tags.
fn commit_item(
    app: &mut App,
    stage: usize,
    lane: ListLane,
    at: usize,
    text: String,
    modified: bool,
) -> Result<(), String> {
    let Some(doc) = app.screen.doc() else {
        return Ok(());
    };
    if text.trim().is_empty() {
        if let Some(edit) =
            crate::model::ops::delete_item_with(&doc.map, stage, lane, at, links(&app.queue, &doc.history))
            && apply(app, edit, &format!("delete {}", lane.item_noun()))
        {
            app.inform(format!(
                "Deleted the emptied {}. {} undoes.",
                lane.item_noun(),
                app.key(&Action::Undo)
            ));
        }
        return Ok(());
    }
    if !modified {
        return Ok(());
    }
    let Some(current) = doc.map.stages.get(stage) else {
        return Ok(());
    };
    let item = match lane {
        ListLane::Touchpoints => Some(Item::Touchpoint(text.clone())),
        ListLane::Friction => current.frictions.get(at).cloned().map(Item::Friction),
        ListLane::Opportunity => current.opportunities.get(at).cloned().map(Item::Opportunity),
    };
    let Some(mut item) = item.map(|item| item.with_text(text.clone())) else {
        return Ok(());
    };
    let mut edits = Vec::new();
    if let Item::Friction(friction) = &mut item {
        edits = super::capture::read_tags(&doc.map, app.names.of(doc), &text, friction)?.with;
    }
    let kept = match &item {
        Item::Friction(friction) => Some(friction.text.clone()),
        _ => None,
    };
    edits.push(Edit::ReplaceItem { stage, at, item });
    if apply(app, batch(edits), &format!("edit {}", lane.item_noun()))
        && let Some(kept) = kept
    {
        super::coach::coach(app, &kept);
    }
    Ok(())
}
