//! The coverage view: a heat map of shadow notes, stages across and channels down.
//! Busier cells are darker (shade glyphs and digits, so it reads without colour), gaps
//! say "gap", plan votes show as +N; below it the ranked "shadow next" queue.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::Hits;
use super::theme::Theme;
use crate::app::App;
use crate::app::action::Action;
use crate::app::keymap::Mode;
use crate::app::pointer::Spot;
use crate::model::{Cell, Coverage, JourneyMap};
use crate::text::display::{clean_line, truncate, width};

/// The narrowest a stage column gets.
const MIN_COLUMN: u16 = 9;
/// The shade of each darkness level, from a gap to the busiest cell.
const SHADES: [&str; 5] = [" ", "░", "▒", "▓", "█"];

/// A cell's text, `width` columns wide: shade, count (or "gap"), votes.
fn cell_text(coverage: &Coverage, cell: Cell, columns: usize) -> String {
    let notes = coverage.notes_at(cell);
    let votes = coverage.votes_at(cell);
    let level = coverage.level(cell);
    let shade = SHADES[level.min(4)].repeat(2);
    let count = if notes == 0 {
        "gap".to_owned()
    } else {
        notes.to_string()
    };
    let votes = if votes > 0 {
        format!(" +{votes}")
    } else {
        String::new()
    };
    let text = format!("{shade}{count:>3}{votes}");
    let text = truncate(&text, columns).into_owned();
    let pad = columns.saturating_sub(width(&text));
    format!("{text}{}", " ".repeat(pad))
}

/// Draws the view into `area`.
pub fn render(app: &App, map: &JourneyMap, area: Rect, buf: &mut Buffer, hits: &mut Hits) {
    let theme = Theme::of(app.look);
    let coverage = &app.shadow.coverage;
    let total = usize::from(area.width);
    let cells = coverage.stage_count * coverage.channels.len();
    let title = format!(
        " Coverage · {} shadow notes · {} of {cells} stage × channel cells are gaps ",
        map.shadow.notes.len(),
        coverage.gaps()
    );
    buf.set_stringn(area.x, area.y, truncate(&title, total), total, theme.accent);
    if coverage.channels.is_empty() || coverage.stage_count == 0 {
        buf.set_stringn(
            area.x,
            area.y + 2,
            format!(
                "No channels or no stages yet: {} edits the channels, {} in the grid adds a stage.",
                app.keymap.key(Mode::Coverage, &Action::ShowChannels),
                app.keymap.key(Mode::Grid, &Action::AddStageAfter)
            ),
            total,
            theme.dim,
        );
        return;
    }
    let label = (area.width / 5).clamp(10, 22);
    let room = area.width.saturating_sub(label);
    let fits = usize::from((room / MIN_COLUMN).max(1));
    let selected = app.shadow.cell;
    let first = (selected.stage + 1)
        .saturating_sub(fits)
        .min(coverage.stage_count.saturating_sub(fits));
    let shown = fits.min(coverage.stage_count - first);
    let layout = Layout {
        label,
        first,
        shown,
        column: (room / shown.max(1) as u16).min(22),
    };
    draw_header(app, map, &layout, area, buf, hits);
    let y = draw_rows(app, &layout, area, buf, hits);
    draw_queue(app, map, y, area, buf);
}

/// Where the table's columns are: the label column's width, the first stage shown, how
/// many are shown, and each stage column's width.
struct Layout {
    label: u16,
    first: usize,
    shown: usize,
    column: u16,
}

/// The stage numbers and names over the table, with the range shown.
fn draw_header(app: &App, map: &JourneyMap, layout: &Layout, area: Rect, buf: &mut Buffer, hits: &mut Hits) {
    let theme = Theme::of(app.look);
    let coverage = &app.shadow.coverage;
    let Layout {
        label,
        first,
        shown,
        column,
    } = *layout;
    let y = area.y + 1;
    let range = format!(
        "{}{}–{}/{}{}",
        if first > 0 { "◀ " } else { "" },
        first + 1,
        first + shown,
        coverage.stage_count,
        if first + shown < coverage.stage_count {
            " ▶"
        } else {
            ""
        }
    );
    buf.set_stringn(area.x, y, &range, usize::from(label), theme.dim);
    for i in 0..shown {
        let s = first + i;
        let x = area.x + label + column * i as u16;
        let name = map.stages.get(s).map_or("", |stage| stage.name.as_str());
        let head = format!("{} {}", s + 1, clean_line(name));
        let style = if s == app.shadow.cell.stage {
            theme.selected_header
        } else {
            theme.header
        };
        let columns = usize::from(column.saturating_sub(1));
        buf.set_stringn(x, y, truncate(&head, columns), columns, style);
        let cell = Cell {
            stage: s,
            channel: app.shadow.cell.channel,
        };
        hits.add(
            Rect::new(x, y, column, 1).intersection(area),
            Spot::Coverage(cell),
        );
    }
}

/// One row per channel, as many as fit above the queue; returns the row after them.
fn draw_rows(app: &App, layout: &Layout, area: Rect, buf: &mut Buffer, hits: &mut Hits) -> u16 {
    let theme = Theme::of(app.look);
    let coverage = &app.shadow.coverage;
    let selected = app.shadow.cell;
    let Layout {
        label,
        first,
        shown,
        column,
    } = *layout;
    let queue_room = 4u16;
    let rows_room = usize::from(area.height.saturating_sub(3 + queue_room + 2).max(1));
    let first_row = (selected.channel + 1).saturating_sub(rows_room);
    let mut y = area.y + 2;
    for c in (first_row..coverage.channels.len()).take(rows_room) {
        let name = truncate(&clean_line(&coverage.channels[c]), usize::from(label - 1)).into_owned();
        let style = if c == selected.channel {
            theme.selected_header
        } else {
            theme.header
        };
        buf.set_stringn(area.x, y, &name, usize::from(label - 1), style);
        let row = Cell {
            stage: selected.stage,
            channel: c,
        };
        hits.add(
            Rect::new(area.x, y, label, 1).intersection(area),
            Spot::Coverage(row),
        );
        for i in 0..shown {
            let cell = Cell {
                stage: first + i,
                channel: c,
            };
            let x = area.x + label + column * i as u16;
            let columns = usize::from(column.saturating_sub(1));
            let mut style = theme.coverage_level(coverage.level(cell));
            if coverage.votes_at(cell) > 0 && coverage.notes_at(cell) == 0 {
                style = theme.warning;
            }
            if cell == selected {
                style = style.patch(theme.selected);
            }
            buf.set_stringn(x, y, cell_text(coverage, cell, columns), columns, style);
            hits.add(
                Rect::new(x, y, column, 1).intersection(area),
                Spot::Coverage(cell),
            );
        }
        y += 1;
    }
    if coverage.channels.len() > first_row + rows_room {
        buf.set_stringn(
            area.x,
            y,
            format!(
                "↓ {} more channels",
                coverage.channels.len() - first_row - rows_room
            ),
            usize::from(area.width),
            theme.dim,
        );
        y += 1;
    }
    y
}

/// Under the table from row `y`: the selected cell, the legend and what to shadow next.
fn draw_queue(app: &App, map: &JourneyMap, mut y: u16, area: Rect, buf: &mut Buffer) {
    let theme = Theme::of(app.look);
    let coverage = &app.shadow.coverage;
    let total = usize::from(area.width);
    let focus = format!(
        "Selected: {}   {}: its notes",
        clean_line(&coverage.entry(map, app.shadow.cell)),
        app.keymap.key(Mode::Coverage, &Action::NotesOfCell)
    );
    y += 1;
    if y < area.bottom() {
        buf.set_stringn(area.x, y, truncate(&focus, total), total, theme.text);
        y += 1;
    }
    if y < area.bottom() {
        let legend = "gap: no note yet · ░▒▓█ more notes, darker · +N votes to shadow it next";
        buf.set_stringn(area.x, y, truncate(legend, total), total, theme.dim);
        y += 2;
    }
    if y < area.bottom() {
        buf.set_stringn(area.x, y, "Shadow next", total, theme.header);
        y += 1;
    }
    for (rank, &cell) in coverage.queue.iter().enumerate() {
        if y >= area.bottom() {
            break;
        }
        let line = format!("{:>3}. {}", rank + 1, clean_line(&coverage.entry(map, cell)));
        buf.set_stringn(area.x, y, truncate(&line, total), total, theme.text);
        y += 1;
    }
}
