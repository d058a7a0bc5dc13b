//! The grid: stage columns by lane rows, stage names pinned on top and lane names on the
//! left, sideways scrolling with markers, and cells that say when they overflow.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::Hits;
use super::cell::{self, Chunk};
use super::theme::Theme;
use crate::app::App;
use crate::app::action::Action;
use crate::app::geometry::{LANE_LABEL_WIDTH, MIN_STAGE_WIDTH};
use crate::app::keymap::Mode;
use crate::app::pointer::Spot;
use crate::model::voting::Round;
use crate::model::{JourneyMap, Lane};
use crate::text::display::{clean_line, cut_short, ending_in_ellipsis, truncate, width as width_of};

/// Draws the grid of `map` into `area`, recording each stage's name, cell and item.
pub fn render(app: &App, map: &JourneyMap, area: Rect, buf: &mut Buffer, hits: &mut Hits) {
    let theme = Theme::of(app.look);
    let stages = &map.stages;
    if stages.is_empty() {
        let key = |action: Action| app.keymap.key(Mode::Grid, &action);
        let title = if map.title.trim().is_empty() {
            "give the map a title"
        } else {
            "change its title"
        };
        let lines = [
            "This map has no stages yet.".to_owned(),
            String::new(),
            format!(
                "Press {} to add the first stage, {} to {title},",
                key(Action::AddStageAfter),
                key(Action::EditTitle)
            ),
            format!("or {} to see every key.", key(Action::ShowHelp)),
        ];
        for (i, line) in lines.iter().enumerate() {
            let y = area.y + area.height / 3 + i as u16;
            if y < area.bottom() {
                let x = area.x + area.width.saturating_sub(line.chars().count() as u16) / 2;
                buf.set_stringn(x, y, line, usize::from(area.width), theme.text);
            }
        }
        return;
    }
    let columns = Columns::new(app, stages.len(), area);
    let rows = Rows::new(theme, map, &columns, area, app.round.as_ref());
    draw_header(app, map, &columns, area, buf);
    for (s, x, w) in columns.stages() {
        hits.add(Rect::new(x, area.y, w, 1).intersection(area), Spot::Stage(s));
    }
    let mut y = area.y + 1;
    draw_rule(theme, &columns, area, y, buf);
    for ((lane, &height), cells) in Lane::ALL.iter().zip(&rows.heights).zip(&rows.cells) {
        y += 1;
        draw_lane(
            app,
            &columns,
            *lane,
            cells,
            Rect::new(area.x, y, area.width, height),
            buf,
            hits,
        );
        y += height;
        if *lane != Lane::Opportunity && y < area.bottom() {
            draw_rule(theme, &columns, area, y, buf);
        }
    }
}

/// Where the stage columns are: the first stage shown and each column's x and width.
pub(super) struct Columns {
    first: usize,
    xs: Vec<(u16, u16)>,
}

impl Columns {
    pub(super) fn new(app: &App, stage_count: usize, area: Rect) -> Self {
        let room = area.width.saturating_sub(LANE_LABEL_WIDTH);
        let fits = usize::from(room / MIN_STAGE_WIDTH).max(1);
        let selected = app.cursor.stage.min(stage_count.saturating_sub(1));
        let first = app
            .cursor
            .first_stage
            .clamp(selected.saturating_sub(fits - 1), selected)
            .min(stage_count.saturating_sub(fits));
        let fit = fits.min(stage_count - first).max(1);
        let width = room / fit as u16;
        let xs = (0..fit)
            .map(|i| {
                let x = area.x + LANE_LABEL_WIDTH + width * i as u16;
                let w = if i + 1 == fit {
                    area.right().saturating_sub(x)
                } else {
                    width
                };
                (x, w)
            })
            .collect();
        Self { first, xs }
    }

    pub(super) fn stages(&self) -> impl Iterator<Item = (usize, u16, u16)> + '_ {
        self.xs
            .iter()
            .enumerate()
            .map(|(i, &(x, w))| (self.first + i, x, w))
    }

    /// Each shown stage with where its text goes: (stage, x, width).
    fn text_spans(&self) -> impl Iterator<Item = (usize, u16, usize)> + '_ {
        self.stages().enumerate().map(|(i, (s, x, w))| {
            let (text_x, room) = text_span(x, w, i == 0);
            (s, text_x, room)
        })
    }
}

/// Where a column's text goes: (x, width). A column owns its left border (the first
/// one shares the lane labels' border) and keeps one blank cell on each side of its
/// text, so text never touches a border.
fn text_span(x: u16, width: u16, first: bool) -> (u16, usize) {
    let (left, used) = if first { (1, 2) } else { (2, 3) };
    (x + left, usize::from(width.saturating_sub(used).max(1)))
}

/// The height of each lane, and its cells laid out (once per frame): one per shown stage.
struct Rows<'a> {
    heights: Vec<u16>,
    cells: Vec<Vec<Vec<Chunk<'a>>>>,
}

impl<'a> Rows<'a> {
    fn new(theme: &Theme, map: &'a JourneyMap, columns: &Columns, area: Rect, round: Option<&Round>) -> Self {
        let rules = 1 + (Lane::ALL.len() - 1);
        let room = usize::from(area.height).saturating_sub(1 + rules);
        let cells: Vec<Vec<Vec<Chunk<'a>>>> = Lane::ALL
            .iter()
            .map(|&lane| {
                columns
                    .text_spans()
                    .map(|(s, _, room)| {
                        map.stages
                            .get(s)
                            .map(|stage| cell::chunks(theme, stage, lane, room, round))
                            .unwrap_or_default()
                    })
                    .collect()
            })
            .collect();
        let demands: Vec<usize> = cells
            .iter()
            .map(|lane| lane.iter().map(|chunks| cell::demand(chunks)).max().unwrap_or(1))
            .collect();
        Self {
            heights: share_rows(room, &demands).into_iter().map(|h| h as u16).collect(),
            cells,
        }
    }
}

/// Shares `room` rows among lanes: an even share each (or less, if a lane wants less),
/// then the rest to whichever lane is shortest of what it wants, then round the lanes
/// so the grid fills its area.
pub fn share_rows(room: usize, demands: &[usize]) -> Vec<usize> {
    let lanes = demands.len().max(1);
    let even = room / lanes;
    let mut heights: Vec<usize> = demands
        .iter()
        .map(|&d| d.min(even).max(usize::from(even > 0)))
        .collect();
    let mut left = room.saturating_sub(heights.iter().sum());
    while left > 0 {
        let wanting = (0..demands.len())
            .filter(|&i| heights[i] < demands[i])
            .max_by_key(|&i| (demands[i] - heights[i], std::cmp::Reverse(i)));
        let Some(i) = wanting else { break };
        heights[i] += 1;
        left -= 1;
    }
    let mut i = 0;
    while left > 0 && !heights.is_empty() {
        heights[i % lanes] += 1;
        left -= 1;
        i += 1;
    }
    heights
}

fn draw_rule(theme: &Theme, columns: &Columns, area: Rect, y: u16, buf: &mut Buffer) {
    for x in area.left()..area.right() {
        buf[(x, y)].set_symbol("─").set_style(theme.rule);
    }
    buf[(area.x + LANE_LABEL_WIDTH - 1, y)].set_symbol("┼");
    for (_, x, _) in columns.stages() {
        if x > area.x + LANE_LABEL_WIDTH {
            buf[(x, y)].set_symbol("┼");
        }
    }
}

fn draw_border(x: u16, y: u16, height: u16, style: Style, symbol: &str, buf: &mut Buffer) {
    for row in y..y + height {
        buf[(x, row)].set_symbol(symbol).set_style(style);
    }
}

fn draw_header(app: &App, map: &JourneyMap, columns: &Columns, area: Rect, buf: &mut Buffer) {
    let theme = Theme::of(app.look);
    let y = area.y;
    let count = map.stages.len();
    let last = columns.first + columns.xs.len();
    let range = format!(
        "{}{}–{}/{}{}",
        if columns.first > 0 { "◀ " } else { "" },
        columns.first + 1,
        last,
        count,
        if last < count { " ▶" } else { "" }
    );
    let label = truncate(&range, usize::from(LANE_LABEL_WIDTH - 1));
    let style = if columns.first > 0 || last < count {
        theme.accent
    } else {
        theme.dim
    };
    buf.set_stringn(area.x, y, label, usize::from(LANE_LABEL_WIDTH - 1), style);
    draw_border(area.x + LANE_LABEL_WIDTH - 1, y, 1, theme.rule, "│", buf);
    for (s, x, w) in columns.stages() {
        let Some(stage) = map.stages.get(s) else {
            continue;
        };
        let selected = s == app.cursor.stage;
        let style = match (selected, app.search.hits_name(s)) {
            (true, _) => theme.selected_header,
            (false, true) => theme.header.patch(theme.hit),
            (false, false) => theme.header,
        };
        if x > area.x + LANE_LABEL_WIDTH {
            draw_border(x, y, 1, theme.rule, "│", buf);
        }
        let text_x = if x > area.x + LANE_LABEL_WIDTH { x + 1 } else { x };
        let room = usize::from(area.right().min(x + w).saturating_sub(text_x));
        let title = format!(" {} {}", s + 1, clean_line(&stage.name));
        let tags = header_metrics(&stage.metrics, width_of(&title), room);
        let title_room = room.saturating_sub(width_of(&tags));
        let title = truncate(&title, title_room);
        buf.set_stringn(text_x, y, format!("{title:<title_room$}"), title_room, style);
        if !tags.is_empty() {
            let x = text_x + title_room as u16;
            buf.set_stringn(x, y, &tags, room - title_room, style.patch(theme.dim));
        }
    }
}

/// The metrics that fit in a stage header beside its name (keeping at least ten
/// columns of the name), e.g. " CSAT 58% NPS -23 ".
fn header_metrics(metrics: &Option<crate::model::Metrics>, title: usize, room: usize) -> String {
    let keep = title.min(10);
    let mut out = String::new();
    for tag in cell::metric_tags(metrics.as_ref()) {
        let next = format!("{out}{tag} ");
        if keep + 1 + width_of(&next) > room {
            break;
        }
        out = next;
    }
    if out.is_empty() { out } else { format!(" {out}") }
}

fn draw_lane(
    app: &App,
    columns: &Columns,
    lane: Lane,
    cells: &[Vec<Chunk>],
    area: Rect,
    buf: &mut Buffer,
    hits: &mut Hits,
) {
    let theme = Theme::of(app.look);
    if area.height == 0 || area.y >= buf.area.bottom() {
        return;
    }
    let area = area.intersection(buf.area);
    let lane_selected = lane == app.cursor.lane;
    let verb = if lane.list().is_some() { "adds" } else { "writes" };
    let empty_hint = format!("{} {verb}", app.keymap.key(Mode::Grid, &Action::EditCell));
    let label_style = if lane_selected {
        theme.lane(lane).patch(theme.selected)
    } else {
        theme.lane(lane)
    };
    buf.set_stringn(
        area.x,
        area.y,
        lane.name(),
        usize::from(LANE_LABEL_WIDTH - 1),
        label_style,
    );
    draw_border(
        area.x + LANE_LABEL_WIDTH - 1,
        area.y,
        area.height,
        theme.rule,
        "│",
        buf,
    );
    for ((s, x, w), chunks) in columns.stages().zip(cells) {
        let selected = lane_selected && s == app.cursor.stage;
        let first = x == area.x + LANE_LABEL_WIDTH;
        if !first {
            draw_border(x, area.y, area.height, theme.rule, "│", buf);
        }
        if selected {
            let border_x = if first { area.x + LANE_LABEL_WIDTH - 1 } else { x };
            draw_border(border_x, area.y, area.height, theme.accent, "┃", buf);
        }
        let (text_x, room) = text_span(x, w, first);
        let room = room.min(usize::from(area.right().saturating_sub(text_x)));
        let cell_area = Rect::new(text_x, area.y, room as u16, area.height);
        let look = CellLook {
            lane,
            selected,
            item: selected.then_some(app.cursor.item),
            empty_hint: &empty_hint,
        };
        let hit = |index: usize, chunk: &Chunk| match (chunk.item, lane) {
            (Some(item), _) => app.search.hits_cell(s, lane, item),
            (None, Lane::Emotion) => index > 0 && app.search.hits_cell(s, lane, 0),
            (None, _) => app.search.hits_cell(s, lane, 0),
        };
        let cell = Rect::new(x, area.y, w, area.height).intersection(area);
        hits.add(
            cell,
            Spot::Cell {
                stage: s,
                lane,
                item: None,
            },
        );
        let items = draw_cell(theme, chunks, &look, &hit, cell_area, buf);
        for (y, item) in (area.y..).zip(items) {
            if let Some(item) = item {
                let row = Rect::new(x, y, w, 1).intersection(area);
                hits.add(
                    row,
                    Spot::Cell {
                        stage: s,
                        lane,
                        item: Some(item),
                    },
                );
            }
        }
    }
}

/// One line of a cell, as styled pieces drawn left to right (bullet, badge, text,
/// overflow count).
struct CellLine {
    parts: Vec<(String, Style)>,
    /// The list item the line shows (or a "more" line leads to), for the mouse.
    item: Option<usize>,
}

impl CellLine {
    fn new(text: String, style: Style) -> Self {
        Self {
            parts: vec![(text, style)],
            item: None,
        }
    }

    fn of_item(mut self, item: Option<usize>) -> Self {
        self.item = item;
        self
    }

    /// Cuts the line's text to leave room for `marker` at its end, in `style` (or the
    /// text's own style), within `width` columns: how a cell says it holds more.
    fn end_with(&mut self, marker: String, style: Option<Style>, width: usize) {
        let before: usize = self.parts[..self.parts.len().saturating_sub(1)]
            .iter()
            .map(|(text, _)| width_of(text))
            .sum();
        let room = width.saturating_sub(before + width_of(&marker));
        let Some((text, text_style)) = self.parts.last_mut() else {
            return;
        };
        let marker_style = style.unwrap_or(*text_style);
        *text = cut_short(text, room);
        self.parts.push((marker, marker_style));
    }
}

/// `hit(index, chunk)` says whether the chunk holds a search hit (drawn highlighted).
/// How a cell is drawn: its lane, whether it is selected (and which item), and what it
/// says while selected and empty.
struct CellLook<'a> {
    lane: Lane,
    selected: bool,
    item: Option<usize>,
    empty_hint: &'a str,
}

/// Returns the list item each line drawn shows, top to bottom.
fn draw_cell(
    theme: &Theme,
    chunks: &[Chunk],
    look: &CellLook,
    hit: &dyn Fn(usize, &Chunk) -> bool,
    area: Rect,
    buf: &mut Buffer,
) -> Vec<Option<usize>> {
    let CellLook {
        lane,
        selected,
        empty_hint,
        ..
    } = *look;
    let width = usize::from(area.width);
    let height = usize::from(area.height);
    if height == 0 || width == 0 {
        return Vec::new();
    }
    let lines = if chunks.is_empty() {
        if selected {
            vec![CellLine::new(format!("{empty_hint:<width$}"), theme.selected)]
        } else {
            Vec::new()
        }
    } else if lane.list().is_none() {
        text_lines(theme, chunks, selected, hit, width, height)
    } else {
        list_lines(theme, chunks, look, hit, width, height)
    };
    for (y, line) in (area.y..).zip(&lines) {
        let mut x = area.x;
        for (text, style) in &line.parts {
            let used = usize::from(x - area.x);
            (x, _) = buf.set_stringn(x, y, text, width.saturating_sub(used), *style);
        }
    }
    lines.iter().map(|line| line.item).collect()
}

/// A goal or emotion cell's lines, the last one ending in "…" when more is hidden.
fn text_lines(
    theme: &Theme,
    chunks: &[Chunk],
    selected: bool,
    hit: &dyn Fn(usize, &Chunk) -> bool,
    width: usize,
    height: usize,
) -> Vec<CellLine> {
    let highlight = if selected { theme.selected } else { Style::new() };
    let all: Vec<(String, Style)> = chunks
        .iter()
        .enumerate()
        .flat_map(|(i, c)| {
            let style = if hit(i, c) {
                c.style.patch(theme.hit)
            } else {
                c.style
            };
            c.lines().map(move |l| (l, style))
        })
        .collect();
    let mut lines = Vec::with_capacity(height);
    for (i, (line, style)) in all.iter().take(height).enumerate() {
        let cut = i + 1 == height && all.len() > height;
        let text = if cut {
            ending_in_ellipsis(line, width)
        } else {
            line.clone()
        };
        let text = if selected { format!("{text:<width$}") } else { text };
        lines.push(CellLine::new(text, style.patch(highlight)));
    }
    lines
}

/// A list cell's lines: the items around the selected one, each bullet's badge in its
/// own style, and a cell that holds more than it shows says so: "…" where an item is cut,
/// a "↓ N more" line for items below, or both on one line when only one fits.
fn list_lines(
    theme: &Theme,
    chunks: &[Chunk],
    look: &CellLook,
    hit: &dyn Fn(usize, &Chunk) -> bool,
    width: usize,
    height: usize,
) -> Vec<CellLine> {
    let item = look.item;
    let mut lines = Vec::with_capacity(height);
    let window = cell::window(chunks, height, item);
    // The "↑ N more" line only where it leaves a row for the selected item (and the
    // "↓ N more" line below): in a two-row cell the item itself matters more.
    let rows_below = usize::from(window.end < chunks.len() && height > 1);
    let above = window.start > 0 && height >= 2 + rows_below;
    if above {
        let line = CellLine::new(format!("↑ {} more", window.start), theme.dim);
        lines.push(line.of_item(chunks[window.start - 1].item));
    }
    // Rows the whole items leave free above the "↓ N more" line show the start of the
    // next item, cut with "…", rather than stay blank.
    let rows_used = usize::from(above)
        + chunks[window.start..window.end]
            .iter()
            .map(Chunk::height)
            .sum::<usize>();
    let end = if rows_below > 0 && rows_used + 1 < height {
        window.end + 1
    } else {
        window.end
    };
    let hidden = chunks.len() - end;
    for (index, chunk) in chunks.iter().enumerate().take(end).skip(window.start) {
        let highlighted = look.selected && chunk.item == item;
        let style = if hit(index, chunk) {
            chunk.style.patch(theme.hit)
        } else {
            chunk.style
        };
        let style = if highlighted {
            style.patch(theme.selected)
        } else {
            style
        };
        for (index, line) in chunk.lines().enumerate() {
            let line = if highlighted {
                format!("{line:<width$}")
            } else {
                line
            };
            let bullet = "• ".len();
            let cell_line = match (index, chunk.badge) {
                (0, Some((len, badge)))
                    if line.is_char_boundary(bullet + len) && line.len() >= bullet + len =>
                {
                    let badge = if highlighted {
                        badge.patch(theme.selected)
                    } else {
                        badge
                    };
                    CellLine {
                        parts: vec![
                            (line[..bullet].to_owned(), style),
                            (line[bullet..bullet + len].to_owned(), badge),
                            (line[bullet + len..].to_owned(), style),
                        ],
                        item: chunk.item,
                    }
                }
                _ => CellLine::new(line, style).of_item(chunk.item),
            };
            lines.push(cell_line);
        }
    }
    let content_rows = if hidden > 0 && height > 1 {
        height - 1
    } else {
        height
    };
    let cut = lines.len() > content_rows;
    lines.truncate(content_rows);
    let more_on_last_line = hidden > 0 && lines.len() >= height;
    if let Some(last) = lines.last_mut() {
        if more_on_last_line {
            last.end_with(format!("… ↓{hidden}"), Some(theme.warning), width);
        } else if cut {
            last.end_with(String::from("…"), None, width);
        }
    }
    if hidden > 0 && lines.len() < height {
        let below = CellLine::new(format!("↓ {hidden} more"), theme.dim);
        lines.push(below.of_item(chunks[end].item));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::share_rows;

    #[test]
    fn rows_go_first_to_lanes_that_want_them_then_round() {
        assert_eq!(share_rows(5, &[1, 1, 1, 1, 1]), [1, 1, 1, 1, 1]);
        assert_eq!(share_rows(10, &[3, 6, 2, 9, 4]), [2, 2, 2, 2, 2]);
        assert_eq!(share_rows(14, &[1, 6, 2, 9, 4]), [1, 3, 2, 6, 2]);
        assert_eq!(share_rows(12, &[1, 1, 1, 1, 1]), [3, 3, 2, 2, 2]);
        assert_eq!(share_rows(3, &[2, 2, 2, 2, 2]), [1, 1, 1, 0, 0]);
    }
}
