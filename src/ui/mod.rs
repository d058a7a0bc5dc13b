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
mod hits;
mod links;
mod memo;
mod note_links;
mod notes;
mod picker;
mod present;
mod start;
pub mod theme;

pub use help::{help_lines, overlay_max_scroll};
pub use hits::Hits;
pub use theme::Theme;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use ratatui::buffer::Buffer;

use crate::app::App;
use crate::app::geometry::{CURVE_HEIGHT, GRID_MIN_HEIGHT, MIN_HEIGHT, MIN_WIDTH, curve_fits};
use crate::app::modal::Modal;
use crate::app::pointer::{Area, Spot};
use crate::app::screen::{Screen, View};
use crate::app::shadow::{Pane, PaneLayout};
use crate::model::JourneyMap;

/// Draws the whole screen.
pub fn render(app: &App, frame: &mut Frame) {
    draw(app, frame);
}

/// Draws the whole screen and says where it drew what a click can pick.
pub fn draw(app: &App, frame: &mut Frame) -> Hits {
    let mut hits = Hits::default();
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        render_too_small(app, area, frame);
    } else {
        render_screen(app, area, frame, &mut hits);
    }
    Theme::of(app.look).finish(frame.buffer_mut());
    hits
}

fn render_screen(app: &App, area: Rect, frame: &mut Frame, hits: &mut Hits) {
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
                    render_grid_and_notes(app, &doc.map, layout, body, buf, hits);
                }
                View::Board => board::render(app, &doc.map, body, buf, hits),
                View::Council => council::render(app, &doc.map, body, buf, hits),
                View::Conflicts => conflicts::render(app, body, buf, hits),
                View::Coverage => coverage::render(app, &doc.map, body, buf, hits),
                View::Channels { .. } => channels::render(app, &doc.map, body, buf, hits),
                View::Memo(preview) => memo::render(Theme::of(app.look), preview, body, buf),
                View::Compare(offer) => compare::render(app, &doc.map, offer, body, buf),
                View::Present(presenting) => {
                    present::render(app, &doc.map, presenting, body, buf, hits);
                }
            }
        }
        Screen::Start(start) => start::render(app, start, body, frame, hits),
    }
    if detail_height > 0 {
        detail::render(app, detail, frame);
    }
    bars::render_status(app, status, frame.buffer_mut());
    render_modal(app, &app.modal, frame, hits);
}

/// Draws a modal over the screen, what it covers first.
fn render_modal(app: &App, modal: &Modal, frame: &mut Frame, hits: &mut Hits) {
    match modal {
        // The editor lives in the detail pane, drawn with the screen.
        Modal::None | Modal::Editor(_) => {}
        Modal::Links(picker) => {
            if let Some(doc) = app.doc() {
                links::render(app, &doc.map, picker, frame, hits);
            }
        }
        Modal::Form { form, purpose } => form::render(app, form, *purpose, frame),
        Modal::NoteLinks { picker, behind } => {
            render_modal(app, behind, frame, hits);
            if let Some(doc) = app.doc() {
                note_links::render(app, &doc.map, picker, frame, hits);
            }
        }
        Modal::Ask { question, behind } => {
            render_modal(app, behind, frame, hits);
            dialog::render(app, question, frame);
        }
        Modal::Help { scroll, from, behind } => {
            render_modal(app, behind, frame, hits);
            help::render_help(app, *scroll, *from, frame);
        }
        Modal::Notice {
            title,
            lines,
            scroll,
            behind,
        } => {
            render_modal(app, behind, frame, hits);
            help::render_notice(app, title, lines, *scroll, frame);
        }
    }
}

/// The grid, with the emotion curve under it when it is switched on and there is room
/// (the wheel over the curve turns the grid).
fn grid_and_curve(app: &App, map: &JourneyMap, area: Rect, buf: &mut Buffer, hits: &mut Hits) {
    hits.add(area, Spot::Area(Area::Grid));
    if !app.show_curve || !curve_fits(area.height) {
        grid::render(app, map, area, buf, hits);
        return;
    }
    let [top, bottom] =
        Layout::vertical([Constraint::Min(GRID_MIN_HEIGHT), Constraint::Length(CURVE_HEIGHT)]).areas(area);
    grid::render(app, map, top, buf, hits);
    curve::render(app, map, bottom, buf);
}

/// The grid, with the notes pane beside it, below it, or instead of it while it has the
/// focus, as the terminal's size allows.
fn render_grid_and_notes(
    app: &App,
    map: &JourneyMap,
    layout: PaneLayout,
    area: Rect,
    buf: &mut Buffer,
    hits: &mut Hits,
) {
    if !app.shadow.pane.is_open() {
        grid_and_curve(app, map, area, buf, hits);
        return;
    }
    match layout {
        PaneLayout::Beside => {
            let pane = (area.width / 3).clamp(40, 72);
            let [left, right] =
                Layout::horizontal([Constraint::Min(40), Constraint::Length(pane)]).areas(area);
            grid_and_curve(app, map, left, buf, hits);
            notes::render(app, map, right, buf, hits);
        }
        PaneLayout::Below => {
            let [top, bottom] =
                Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area);
            grid_and_curve(app, map, top, buf, hits);
            notes::render(app, map, bottom, buf, hits);
        }
        PaneLayout::Screen if app.shadow.pane == Pane::Focused => notes::render(app, map, area, buf, hits),
        PaneLayout::Screen => grid_and_curve(app, map, area, buf, hits),
    }
}

fn render_too_small(app: &App, area: Rect, frame: &mut Frame) {
    let quit = app.keymap.bound(app.mode(), &crate::app::action::Action::Quit);
    let keys = match quit {
        Some(quit) if !app.doc().is_some_and(|doc| doc.is_dirty()) => {
            format!("keys do nothing until then, but {quit} quits")
        }
        _ => "keys do nothing until then".to_owned(),
    };
    let text = format!(
        "cxmap needs a terminal of at least {MIN_WIDTH}×{MIN_HEIGHT}; this one is {}×{}. Make the window larger or the font smaller; {keys}.",
        area.width, area.height
    );
    frame.render_widget(Paragraph::new(Line::raw(text)).wrap(Wrap { trim: true }), area);
}
