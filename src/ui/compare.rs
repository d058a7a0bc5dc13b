//! The file and its recovery copy side by side, each half a grid of its own, so the
//! choice between them is made looking at both.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};

use super::{grid, theme};
use crate::app::App;
use crate::model::JourneyMap;

/// Draws `on_disk` on the left and `copy` (written at `written`) on the right.
pub fn render(
    app: &App,
    on_disk: &JourneyMap,
    copy: &JourneyMap,
    written: &str,
    area: Rect,
    buf: &mut Buffer,
) {
    let [left, right] = Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)])
        .spacing(1)
        .areas(area);
    let written = written
        .parse::<jiff::Timestamp>()
        .map(|t| t.to_zoned(app.time_zone.clone()).strftime("%H:%M").to_string())
        .unwrap_or_default();
    let labels = [
        ("On disk: the file as it is", left, on_disk),
        (
            &*format!("Recovery copy from {written}: the unsaved work"),
            right,
            copy,
        ),
    ];
    for (label, half, map) in labels {
        let [title, body] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(half);
        buf.set_stringn(title.x, title.y, label, usize::from(title.width), theme::ACCENT);
        grid::render(app, map, body, buf);
    }
}
