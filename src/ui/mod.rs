//! The view: `render(&App, &mut Frame)` draws the state and never changes it. One file
//! per part of the screen.

mod bars;
mod board;
mod cell;
mod channels;
mod compare;
mod conflicts;
mod council;
mod coverage;
mod curve;
mod detail;
mod dialog;
mod form;
mod grid;
mod help;
mod links;
mod memo;
mod note_links;
mod notes;
mod present;
mod start;
mod theme;

pub use help::{help_lines, overlay_max_scroll};

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::App;
use crate::app::geometry::{CURVE_HEIGHT, GRID_MIN_HEIGHT, MIN_HEIGHT, MIN_WIDTH, curve_fits};
use crate::app::modal::Modal;
use crate::app::screen::{Screen, View};
use crate::app::shadow::{Pane, PaneLayout};

/// Draws the whole screen.
pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        render_too_small(area, frame);
        return;
    }
    // The notes pane, when it has the focus under or instead of the grid, takes the
    // detail pane's rows too.
    let view = app.view();
    let pane_screen = view == Some(&View::Grid)
        && app.shadow.pane == Pane::Focused
        && PaneLayout::for_size(area.width, area.height) != PaneLayout::Beside;
    let map_detail = matches!(view, Some(View::Grid | View::Board | View::Compare(_))) && !pane_screen;
    let detail_height = if map_detail || app.modal.editor().is_some() {
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
    match &app.screen {
        Screen::Map { doc, view } => {
            let buf = frame.buffer_mut();
            match view {
                View::Grid => {
                    let layout = PaneLayout::for_size(area.width, area.height);
                    render_grid_and_notes(app, &doc.map, layout, body, buf);
                }
                View::Board => board::render(app, &doc.map, body, buf),
                View::Council => council::render(app, &doc.map, body, buf),
                View::Conflicts => conflicts::render(app, body, buf),
                View::Coverage => coverage::render(app, &doc.map, body, buf),
                View::Channels { .. } => channels::render(app, &doc.map, body, buf),
                View::Memo(preview) => memo::render(preview, body, buf),
                View::Compare(offer) => compare::render(app, &doc.map, offer, body, buf),
                View::Present(presenting) => present::render(app, &doc.map, presenting, body, buf),
            }
        }
        Screen::Start(start) => start::render(app, start, body, frame),
    }
    if detail_height > 0 {
        detail::render(app, detail, frame);
    }
    bars::render_status(app, status, frame.buffer_mut());
    render_modal(app, &app.modal, frame);
}

/// Draws a modal over the screen, what it covers first.
fn render_modal(app: &App, modal: &Modal, frame: &mut Frame) {
    match modal {
        // The editor lives in the detail pane, drawn with the screen.
        Modal::None | Modal::Editor(_) => {}
        Modal::Links(picker) => {
            if let Some(doc) = app.doc() {
                links::render(app, &doc.map, picker, frame);
            }
        }
        Modal::Form { form, purpose } => form::render(app, form, *purpose, frame),
        Modal::NoteLinks { picker, behind } => {
            render_modal(app, behind, frame);
            if let Some(doc) = app.doc() {
                note_links::render(&doc.map, picker, frame);
            }
        }
        Modal::Ask { question, behind } => {
            render_modal(app, behind, frame);
            dialog::render(app, question, frame);
        }
        Modal::Help { scroll, from, behind } => {
            render_modal(app, behind, frame);
            help::render_help(app, *scroll, *from, frame);
        }
        Modal::Notice {
            title,
            lines,
            scroll,
            behind,
        } => {
            render_modal(app, behind, frame);
            help::render_notice(app, title, lines, *scroll, frame);
        }
    }
}

/// The grid, with the notes pane beside it, below it, or instead of it while it has the
/// focus, as the terminal's size allows.
/// The grid, with the emotion curve under it when it is switched on and there is room.
fn grid_and_curve(app: &App, map: &crate::model::JourneyMap, area: Rect, buf: &mut ratatui::buffer::Buffer) {
    if !app.show_curve || !curve_fits(area.height) {
        grid::render(app, map, area, buf);
        return;
    }
    let [top, bottom] =
        Layout::vertical([Constraint::Min(GRID_MIN_HEIGHT), Constraint::Length(CURVE_HEIGHT)]).areas(area);
    grid::render(app, map, top, buf);
    curve::render(app, map, bottom, buf);
}

fn render_grid_and_notes(
    app: &App,
    map: &crate::model::JourneyMap,
    layout: PaneLayout,
    area: Rect,
    buf: &mut ratatui::buffer::Buffer,
) {
    if !app.shadow.pane.is_open() {
        grid_and_curve(app, map, area, buf);
        return;
    }
    match layout {
        PaneLayout::Beside => {
            let pane = (area.width / 3).clamp(40, 72);
            let [left, right] =
                Layout::horizontal([Constraint::Min(40), Constraint::Length(pane)]).areas(area);
            grid_and_curve(app, map, left, buf);
            notes::render(app, map, right, buf);
        }
        PaneLayout::Below => {
            let [top, bottom] =
                Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area);
            grid_and_curve(app, map, top, buf);
            notes::render(app, map, bottom, buf);
        }
        PaneLayout::Screen if app.shadow.pane == Pane::Focused => notes::render(app, map, area, buf),
        PaneLayout::Screen => grid_and_curve(app, map, area, buf),
    }
}

fn render_too_small(area: Rect, frame: &mut Frame) {
    let text = format!(
        "cxmap needs a terminal of at least {MIN_WIDTH}×{MIN_HEIGHT}; this one is {}×{}. Make the window larger or the font smaller; keys wait until then.",
        area.width, area.height
    );
    frame.render_widget(Paragraph::new(Line::raw(text)).wrap(Wrap { trim: true }), area);
}
