//! The file and its recovery copy side by side, each half a grid of its own, under a
//! strip that says what the copy changes, so the choice is made looking at both.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};

use super::cell::wrapped;
use super::grid;
use super::theme::Theme;
use crate::app::App;
use crate::app::modal::RecoveryOffer;
use crate::model::JourneyMap;
use crate::text::display::clean_line;

/// Most lines the strip of changes takes above the two grids.
const MAX_CHANGE_LINES: usize = 3;

/// Draws `on_disk` on the left and the recovery copy of `offer` on the right.
pub fn render(app: &App, on_disk: &JourneyMap, offer: &RecoveryOffer, area: Rect, buf: &mut Buffer) {
    let theme = Theme::of(app.look);
    let changes = format!("What the copy changes: {}", offer.changes.join("; "));
    let changes = wrapped(&clean_line(&changes), usize::from(area.width), MAX_CHANGE_LINES);
    let [strip, halves] =
        Layout::vertical([Constraint::Length(changes.len() as u16), Constraint::Fill(1)]).areas(area);
    for (y, line) in (strip.y..).zip(&changes) {
        buf.set_stringn(strip.x, y, line, usize::from(strip.width), theme.warning);
    }
    let [left, right] = Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)])
        .spacing(1)
        .areas(halves);
    let written = offer
        .written
        .parse::<jiff::Timestamp>()
        .map(|t| t.to_zoned(app.time_zone.clone()).strftime("%H:%M").to_string())
        .unwrap_or_default();
    let labels = [
        ("On disk: the file as it is", left, on_disk),
        (
            &*format!("Recovery copy from {written}: the unsaved work"),
            right,
            &*offer.map,
        ),
    ];
    for (label, half, map) in labels {
        let [title, body] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(half);
        buf.set_stringn(title.x, title.y, label, usize::from(title.width), theme.accent);
        // Nothing here is picked with the mouse: the comparison only shows.
        grid::render(app, map, body, buf, &mut super::Hits::default());
    }
}
