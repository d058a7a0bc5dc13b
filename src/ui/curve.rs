//! The emotion curve under the grid: each stage's score on a -2..+2 axis with a neutral
//! midline, aligned with the stage columns on screen and joined across stages. A stage
//! with no score is a gap in the curve, never a zero.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::symbols::Marker;
use ratatui::text::Span;
use ratatui::widgets::Widget;
use ratatui::widgets::canvas::{Canvas, Line};

use super::grid::Columns;
use super::theme::Theme;
use crate::app::App;
use crate::app::geometry::LANE_LABEL_WIDTH;
use crate::model::{JourneyMap, Lane, Score};

/// Half the axis: scores run -2..+2 and each row of the plot holds one step.
const REACH: f64 = 2.5;

/// Draws the curve into `area` (its first row is a rule with the curve's name).
pub fn render(app: &App, map: &JourneyMap, area: Rect, buf: &mut Buffer) {
    let theme = Theme::of(app.look);
    if area.height < 2 || map.stages.is_empty() {
        return;
    }
    let columns = Columns::new(app, map.stages.len(), area);
    let rule_y = area.y;
    for x in area.left()..area.right() {
        buf[(x, rule_y)].set_symbol("─").set_style(theme.rule);
    }
    buf.set_stringn(
        area.x,
        rule_y,
        "Emotion curve",
        usize::from(LANE_LABEL_WIDTH - 1),
        theme.lane(Lane::Emotion),
    );
    let plot_y = rule_y + 1;
    let rows = area.height - 1;
    let row_of = |score: f64| {
        let from_top = (REACH - 0.5 - score) / (2.0 * REACH) * f64::from(rows);
        plot_y + (from_top.round().max(0.0) as u16).min(rows - 1)
    };
    for (label, score) in [("+2", 2.0), ("0", 0.0), ("-2", -2.0)] {
        let x = area.x + LANE_LABEL_WIDTH - 2 - label.len() as u16;
        buf.set_stringn(x, row_of(score), label, label.len(), theme.dim);
    }
    for y in plot_y..area.bottom() {
        buf[(area.x + LANE_LABEL_WIDTH - 1, y)]
            .set_symbol("│")
            .set_style(theme.rule);
    }
    let left = area.x + LANE_LABEL_WIDTH;
    let width = area.right().saturating_sub(left);
    if width == 0 {
        return;
    }
    let points: Vec<(f64, Option<Score>, u16)> = columns
        .stages()
        .filter_map(|(s, x, w)| {
            let stage = map.stages.get(s)?;
            Some((f64::from(x - left) + f64::from(w) / 2.0, stage.emotion.score, w))
        })
        .collect();
    // The curve runs on to the stages just off screen, so it does not seem to stop.
    let shown: Vec<usize> = columns.stages().map(|(s, ..)| s).collect();
    let first = shown.first().copied().unwrap_or(0);
    let last = shown.last().copied().unwrap_or(0);
    let neighbour = |stage: Option<usize>, from: Option<&(f64, Option<Score>, u16)>, step: f64| {
        let stage = map.stages.get(stage?)?;
        let &(x, _, w) = from?;
        Some((x + step * f64::from(w), stage.emotion.score, w))
    };
    let before = neighbour(first.checked_sub(1), points.first(), -1.0);
    let after = neighbour(Some(last + 1), points.last(), 1.0);
    let line: Vec<(f64, Option<Score>, u16)> = before
        .into_iter()
        .chain(points.iter().copied())
        .chain(after)
        .collect();
    let plot = Rect::new(left, plot_y, width, rows);
    Canvas::default()
        .marker(Marker::Braille)
        .x_bounds([0.0, f64::from(width)])
        .y_bounds([-REACH, REACH])
        .paint(|ctx| {
            ctx.draw(&Line::new(0.0, 0.0, f64::from(width), 0.0, theme.curve_axis));
            ctx.layer();
            for pair in line.windows(2) {
                if let [(x1, Some(a), _), (x2, Some(b), _)] = pair {
                    let (y1, y2) = (f64::from(a.value()), f64::from(b.value()));
                    ctx.draw(&Line::new(*x1, y1, *x2, y2, theme.curve_line));
                }
            }
        })
        .render(plot, buf);
    for &(x, score, w) in &points {
        let cell_x = left + x as u16;
        match score {
            Some(score) => {
                let y = row_of(f64::from(score.value()));
                let mark = format!("● {}", score.signed());
                let room = usize::from(area.right().saturating_sub(cell_x));
                buf.set_stringn(cell_x, y, &mark, room, theme.score(score));
            }
            None => {
                let gap = "no score";
                let start = cell_x.saturating_sub(gap.len() as u16 / 2).max(left);
                let room = usize::from(w).min(usize::from(area.right().saturating_sub(start)));
                buf.set_stringn(start, plot_y, Span::raw(gap).content, room, theme.dim);
            }
        }
    }
}
