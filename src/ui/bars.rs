//! The title bar (map, persona, file, unsaved marker) and the status bar (mode, message
//! or key hints from the keymap, position).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::theme;
use crate::app::{App, Screen, Tone};
use crate::text::display::{clean_line, truncate, width};

/// The top line.
pub fn render_title(app: &App, area: Rect, buf: &mut Buffer) {
    buf.set_style(area, theme::BAR);
    let right = match (&app.doc, app.screen) {
        (Some(doc), Screen::Map) => {
            let state = if doc.read_only {
                " (read-only)"
            } else if !doc.on_disk {
                " ● new, not saved yet"
            } else if doc.is_dirty() {
                " ● unsaved"
            } else {
                ""
            };
            format!("{}{state} ", clean_line(&doc.file_name()))
        }
        _ => String::new(),
    };
    let left = match (&app.doc, app.screen) {
        (Some(doc), Screen::Map) => {
            let title = if doc.map.title.is_empty() {
                "Untitled map (t names it)".into()
            } else {
                clean_line(&doc.map.title)
            };
            let persona = if doc.map.persona.is_empty() {
                "no persona yet (p)".into()
            } else {
                clean_line(&doc.map.persona)
            };
            format!(" cxmap │ {title} │ {persona}")
        }
        _ => " cxmap │ customer-journey maps".to_owned(),
    };
    let room = usize::from(area.width);
    let right = truncate(&right, room / 2).into_owned();
    let left_room = room.saturating_sub(width(&right) + 1);
    buf.set_stringn(area.x, area.y, truncate(&left, left_room), left_room, theme::BAR);
    let x = area.right().saturating_sub(width(&right) as u16);
    let style = if app.doc.as_ref().is_some_and(|d| d.is_dirty()) {
        theme::BAR_ACCENT
    } else {
        theme::BAR
    };
    buf.set_stringn(x, area.y, &right, room, style);
}

/// The bottom line.
pub fn render_status(app: &App, area: Rect, buf: &mut Buffer) {
    let mode = app.mode();
    let position = position(app);
    let room = usize::from(area.width).saturating_sub(width(&position) + 1);
    let badge = format!(" {} ", mode.badge());
    let mut used = width(&badge) + 1;
    let mut spans = vec![Span::styled(badge, theme::BAR_ACCENT), Span::raw(" ")];
    match &app.message {
        Some(message) => {
            let style = if message.tone == Tone::Error {
                theme::ERROR
            } else {
                theme::TEXT
            };
            spans.push(Span::styled(clean_line(&message.text).into_owned(), style));
        }
        None => {
            for (key, hint) in app.keymap.hints(mode) {
                let (key, hint) = (key.label(), format!(" {hint}  "));
                used += width(&key) + width(&hint);
                if used > room {
                    break;
                }
                spans.push(Span::styled(key, theme::KEY));
                spans.push(Span::raw(hint));
            }
        }
    }
    Paragraph::new(Line::from(spans)).render(
        Rect {
            width: room as u16,
            ..area
        },
        buf,
    );
    buf.set_stringn(
        area.right() - width(&position) as u16,
        area.y,
        &position,
        width(&position),
        theme::DIM,
    );
}

fn position(app: &App) -> String {
    let round = app
        .round
        .as_ref()
        .map(|round| format!("VOTING {} of {} left · ", round.left(), round.pool()))
        .unwrap_or_default();
    match (&app.doc, app.screen) {
        (Some(doc), Screen::Map) if !doc.map.stages.is_empty() => {
            format!("{round}stage {}/{} ", app.cursor.stage + 1, doc.map.stages.len())
        }
        _ => round,
    }
}
