//! The view: `render(&App, &mut Frame)` draws the state and never changes it. One file
//! per part of the screen.

mod bars;
mod board;
mod cell;
mod compare;
mod council;
mod detail;
mod dialog;
mod form;
mod grid;
mod help;
mod start;
mod theme;

pub use cell::signed;
pub use help::help_lines;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::geometry::{MIN_HEIGHT, MIN_WIDTH};
use crate::app::overlay::Overlay;
use crate::app::view::View;
use crate::app::{App, Screen};

/// Draws the whole screen.
pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        render_too_small(area, frame);
        return;
    }
    let detail_height = if (app.screen == Screen::Map && app.view != View::Council) || app.editor.is_some() {
        app.geometry.detail_height().min(area.height.saturating_sub(6))
    } else {
        0
    };
    let [title, body, detail, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(detail_height),
        Constraint::Length(1),
    ])
    .areas(area);
    bars::render_title(app, title, frame.buffer_mut());
    match (app.screen, &app.doc, &app.recovery) {
        (Screen::Map, Some(doc), Some(offer)) if app.comparing => {
            compare::render(
                app,
                &doc.map,
                &offer.map,
                &offer.written,
                body,
                frame.buffer_mut(),
            );
        }
        (Screen::Map, Some(doc), _) => match app.view {
            View::Grid => grid::render(app, &doc.map, body, frame.buffer_mut()),
            View::Board => board::render(app, &doc.map, body, frame.buffer_mut()),
            View::Council => council::render(app, &doc.map, body, frame.buffer_mut()),
        },
        _ => start::render(app, body, frame),
    }
    if detail_height > 0 {
        detail::render(app, detail, frame);
    }
    bars::render_status(app, status, frame.buffer_mut());
    if let Some(form) = &app.form {
        form::render(app, form, frame);
    }
    match &app.overlay {
        Some(Overlay::Help { scroll }) => help::render_help(app, *scroll, frame),
        Some(Overlay::Notice { title, lines, scroll }) => help::render_notice(title, lines, *scroll, frame),
        Some(Overlay::Ask(question)) => dialog::render(app, question, frame),
        None => {}
    }
}

fn render_too_small(area: Rect, frame: &mut Frame) {
    let text = format!(
        "cxmap needs a terminal of at least {MIN_WIDTH}×{MIN_HEIGHT}; this one is {}×{}. Make the window larger or the font smaller.",
        area.width, area.height
    );
    frame.render_widget(Paragraph::new(Line::raw(text)).wrap(Wrap { trim: true }), area);
}
