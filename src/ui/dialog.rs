//! Questions asked before something cannot be taken back (or would lose typing).

use crate::app::queue::links;
use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::cell::wrapped;
use super::theme::Theme;
use crate::app::App;
use crate::app::action::Action;
use crate::app::keymap::Mode;
use crate::app::modal::{AfterLeaving, Question, RecoveryOffer};
use crate::text::display::{clean_line, truncate};

/// When a recovery copy was written, in the local time of the screen.
fn local_time(app: &App, written: &str) -> String {
    written
        .parse::<jiff::Timestamp>()
        .map(|t| {
            t.to_zoned(app.time_zone.clone())
                .strftime("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_else(|_| written.to_owned())
}

fn file_name(app: &App) -> String {
    app.doc()
        .map(|d| clean_line(&d.file_name()).into_owned())
        .unwrap_or_default()
}

/// The keys that answer `question` with what each means, keys meaning the same thing
/// together ("n/Esc keep it"), for the question's box and the status bar.
pub(super) fn answer_keys(app: &App, question: &Question) -> Vec<(String, &'static str)> {
    let mut keys: Vec<(String, &'static str)> = Vec::new();
    for (action, meaning) in answers(question) {
        let key = app.keymap.key(Mode::Confirm, &action);
        match keys.iter_mut().find(|(_, said)| *said == meaning) {
            Some((joined, _)) => {
                joined.push('/');
                joined.push_str(&key);
            }
            None => keys.push((key, meaning)),
        }
    }
    keys
}

/// Each question's answers: the action that gives it and what it means.
fn answers(question: &Question) -> Vec<(Action, &'static str)> {
    use Action::{Alternative, Cancel, No, Yes};
    match question {
        Question::DeleteStage { .. } | Question::DeleteNote { .. } => {
            vec![(Yes, "delete"), (No, "keep it"), (Cancel, "keep it")]
        }
        Question::MergeChannels { .. } => vec![(Yes, "merge"), (No, "back"), (Cancel, "back")],
        Question::LeaveUnsaved { .. } => vec![(Yes, "save"), (No, "don't save"), (Cancel, "stay")],
        Question::KeepLinks { .. } => vec![
            (Yes, "keep them"),
            (No, "don't keep"),
            (Alternative, "back to ticking"),
            (Cancel, "don't keep"),
        ],
        Question::KeepTyping { .. } => vec![
            (Yes, "keep"),
            (No, "don't keep"),
            (Alternative, "back to editing"),
            (Cancel, "don't keep"),
        ],
        Question::Recover(_) => vec![
            (Yes, "recover it"),
            (No, "discard it"),
            (Alternative, "compare side by side"),
            (Cancel, "later"),
        ],
        Question::ChangedOnDisk { .. } => vec![
            (Yes, "overwrite"),
            (No, "reload theirs, keep yours as a recovery copy"),
            (Alternative, "save as…"),
            (Cancel, "cancel"),
        ],
        Question::DeletedOnDisk { .. } => vec![
            (Yes, "save it again"),
            (Alternative, "save as…"),
            (Cancel, "cancel"),
        ],
        Question::ReadOnlyFile { .. } => {
            vec![(Yes, "replace it"), (Alternative, "save as…"), (Cancel, "cancel")]
        }
        Question::ReplaceFile(_) => vec![(Yes, "replace it"), (No, "keep it"), (Cancel, "keep it")],
        Question::LockedElsewhere { .. } => vec![(Yes, "stay read-only"), (No, "edit anyway")],
        Question::CopyEvidence { .. } => vec![
            (Yes, "copy beside the map"),
            (No, "keep the path"),
            (Cancel, "keep the path"),
        ],
    }
}

/// What the question says.
fn text(app: &App, question: &Question) -> String {
    // Undo happens back where the question was asked from.
    let undo = app.keymap.key(app.screen_mode(), &Action::Undo);
    match question {
        Question::DeleteStage { stage } => delete_stage(app, *stage, &undo),
        Question::DeleteNote { at } => {
            let Some(note) = app.doc().and_then(|d| d.map.shadow.notes.get(*at)) else {
                return String::new();
            };
            let text = truncate(&clean_line(&note.text), 50).into_owned();
            let linked = if note.friction.is_some() {
                " (its friction point stays)"
            } else {
                ""
            };
            format!("Delete the shadow note “{text}”{linked}? {undo} undoes it.")
        }
        Question::MergeChannels { from, into } => {
            // Counted once per change with the channels screen, not per frame.
            let uses = app
                .doc()
                .and_then(|d| d.map.shadow.channels.iter().position(|c| c == from))
                .and_then(|at| app.shadow.channel_uses.get(at).copied())
                .unwrap_or_default();
            let into = truncate(&clean_line(into), 30).into_owned();
            let what = if uses.is_empty() {
                format!("“{}”", truncate(&clean_line(from), 30))
            } else {
                uses.listed()
            };
            format!("“{into}” exists: merge {what} into it? {undo} undoes it.")
        }
        Question::LeaveUnsaved { then } => leave_unsaved(app, *then),
        Question::KeepLinks { what } | Question::KeepTyping { what } => {
            format!("Keep {}?", clean_line(what))
        }
        Question::Recover(offer) => recover(app, offer),
        Question::ChangedOnDisk { .. } => format!(
            "{} was changed on disk since you opened it, by another program or person. \
             Overwrite it with your version?",
            file_name(app)
        ),
        Question::CopyEvidence { entries } => format!(
            "{} outside the map's folder, so {} behind when the map is shared or moved: {}. \
             Copy {} into evidence/ beside the map?",
            if entries.len() == 1 {
                "This file is"
            } else {
                "These files are"
            },
            if entries.len() == 1 {
                "it stays"
            } else {
                "they stay"
            },
            entries
                .iter()
                .map(|e| clean_line(e).into_owned())
                .collect::<Vec<_>>()
                .join(", "),
            if entries.len() == 1 { "it" } else { "them" }
        ),
        Question::ReplaceFile(delivery) => format!(
            "{} already exists. Replace it with the {}?",
            clean_line(&delivery.path.display().to_string()),
            delivery.what
        ),
        Question::DeletedOnDisk { .. } => format!(
            "{} was deleted (or moved away) since you opened it. Save your version there again?",
            file_name(app)
        ),
        Question::ReadOnlyFile { .. } => format!(
            "{} is read-only: its permissions do not let you change it. Replace it with \
             your version all the same? It stays read-only.",
            file_name(app)
        ),
        Question::LockedElsewhere { holder } => format!(
            "{} is open in another cxmap ({}). If both of you edit it, saves overwrite each other. \
             It is open here read-only.",
            file_name(app),
            clean_line(holder)
        ),
    }
}

fn delete_stage(app: &App, stage: usize, undo: &str) -> String {
    let Some(doc) = app.doc() else {
        return String::new();
    };
    let Some(current) = doc.map.stages.get(stage) else {
        return String::new();
    };
    let notes = links(&app.queue, &doc.history).notes_in(&doc.map, stage).len();
    let name = truncate(&clean_line(&current.name), 40).into_owned();
    let mut text = format!("Delete stage “{name}”");
    let items = current.item_count();
    if items > 0 || notes > 0 {
        text.push_str(&format!(
            " with its {items} item{} and {notes} shadow note{}",
            if items == 1 { "" } else { "s" },
            if notes == 1 { "" } else { "s" }
        ));
    }
    text.push_str(&format!("? {undo} undoes it."));
    text
}

fn leave_unsaved(app: &App, then: AfterLeaving) -> String {
    let doc = app.doc();
    let file = doc
        .map(|d| clean_line(&d.file_name()).into_owned())
        .unwrap_or_default();
    let after = match then {
        AfterLeaving::Quit => "quitting",
        AfterLeaving::StartScreen => "opening another map",
    };
    match doc {
        Some(d) if !d.on_disk && !d.history.can_undo() => {
            format!("{file} is not saved yet. Save it before {after}?")
        }
        _ => format!("Save the changes to {file} before {after}?"),
    }
}

fn recover(app: &App, offer: &RecoveryOffer) -> String {
    let mut text = format!(
        "Unsaved work on {} was kept from {}. It changes:",
        file_name(app),
        local_time(app, &offer.written)
    );
    for change in offer.changes.iter().take(8) {
        text.push_str(&format!("\n • {}", clean_line(change)));
    }
    if offer.changes.len() > 8 {
        text.push_str(&format!("\n • and {} more", offer.changes.len() - 8));
    }
    text.push_str("\nTake it back?");
    text
}

/// Draws the question in a box in the middle of the screen, as tall as its text.
pub fn render(app: &App, question: &Question, frame: &mut Frame) {
    let theme = Theme::of(app.look);
    let text = text(app, question);
    let screen = frame.area();
    let width = screen.width.min(72);
    let inner_width = usize::from(width.saturating_sub(2));
    let mut lines: Vec<Line> = text
        .lines()
        .flat_map(|line| wrapped(line, inner_width, 6))
        .map(Line::raw)
        .collect();
    lines.push(Line::raw(""));
    let mut keys: Vec<Span> = Vec::new();
    let mut used = 0;
    for (key, meaning) in answer_keys(app, question) {
        let meaning = format!(" {meaning}   ");
        let needed = key.chars().count() + meaning.chars().count();
        if used + needed > inner_width && !keys.is_empty() {
            lines.push(Line::from(std::mem::take(&mut keys)));
            used = 0;
        }
        used += needed;
        keys.push(Span::styled(key, theme.key));
        keys.push(Span::raw(meaning));
    }
    lines.push(Line::from(keys));
    let area = super::help::popup(screen, width, lines.len() as u16 + 2);
    let block = Block::bordered()
        .border_style(theme.warning)
        .title(Span::styled(" Question ", theme.warning));
    super::help::clear_popup(area, frame);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
