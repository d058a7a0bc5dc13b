//! Questions asked before something cannot be taken back (or would lose typing).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::theme;
use crate::app::App;
use crate::app::overlay::{AfterLeaving, Question};
use crate::model::ops;
use crate::text::display::{clean_line, truncate};

fn wording(app: &App, question: &Question) -> (String, Vec<(&'static str, &'static str)>) {
    match question {
        Question::DeleteStage { stage } => {
            let Some(doc) = &app.doc else {
                return (String::new(), Vec::new());
            };
            let Some(current) = doc.map.stages.get(*stage) else {
                return (String::new(), Vec::new());
            };
            let notes = ops::notes_in_stage(&doc.map, *stage);
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
            text.push_str("? u undoes it.");
            (text, vec![("y", "delete"), ("n", "keep it"), ("Esc", "keep it")])
        }
        Question::LeaveUnsaved { then } => {
            let file = app
                .doc
                .as_ref()
                .map(|d| clean_line(&d.file_name()).into_owned())
                .unwrap_or_default();
            let after = match then {
                AfterLeaving::Quit => "quitting",
                AfterLeaving::StartScreen => "opening another map",
            };
            (
                format!("Save the changes to {file} before {after}?"),
                vec![("y", "save"), ("n", "don't save"), ("Esc", "stay")],
            )
        }
        Question::KeepTyping => (
            "Keep what you typed?".to_owned(),
            vec![("y", "keep it"), ("n", "drop it"), ("Esc", "back to editing")],
        ),
    }
}

/// Draws the question in a small box in the middle of the screen.
pub fn render(app: &App, question: &Question, frame: &mut Frame) {
    let (text, answers) = wording(app, question);
    let screen = frame.area();
    let width = screen.width.min(64);
    let area = Rect {
        x: screen.x + (screen.width - width) / 2,
        y: screen.y + screen.height.saturating_sub(7) / 2,
        width,
        height: 7.min(screen.height),
    };
    let mut keys = Vec::new();
    for (key, meaning) in answers {
        keys.push(Span::styled(key, theme::KEY));
        keys.push(Span::raw(format!(" {meaning}   ")));
    }
    let lines = vec![Line::raw(text), Line::raw(""), Line::from(keys)];
    let block = Block::bordered()
        .border_style(theme::WARNING)
        .title(Span::styled(" Question ", theme::WARNING));
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }).block(block), area);
}
