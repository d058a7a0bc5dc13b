//! Present mode for the projector: one stage with every lane in full text (in two
//! columns on a wide screen), or one lane across every stage. Nothing is cut with "…":
//! what does not fit scrolls, and the last line says how much more there is.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::cell::{friction_badge, metric_tags, score_line, wrapped};
use super::theme;
use crate::app::App;
use crate::app::action::Action;
use crate::app::keymap::Mode;
use crate::app::present::{By, Presenting};
use crate::model::voting::{Round, shown_votes};
use crate::model::{JourneyMap, Lane, Stage};
use crate::text::display::{clean, clean_line, width as text_width};

/// Every line of an item, at most: all of it.
const FULL_TEXT: usize = 400;
/// From this width a stage shows in two columns.
const TWO_COLUMNS: usize = 140;

/// A line to draw and its style.
type Styled = (String, Style);

/// `text` wrapped to `width` after `lead` ("• ▲3 ●2 "), later lines indented under it.
fn item(lead: &str, text: &str, width: usize, style: Style) -> Vec<Styled> {
    let indent = text_width(lead);
    let body = wrapped(&clean(text), width.saturating_sub(indent).max(1), FULL_TEXT);
    body.into_iter()
        .enumerate()
        .map(|(i, line)| {
            let prefix = if i == 0 {
                lead.to_owned()
            } else {
                " ".repeat(indent)
            };
            (format!("{prefix}{line}"), style)
        })
        .collect()
}

/// A lane's content for one stage, in full.
fn lane_lines(stage: &Stage, lane: Lane, width: usize, round: Option<&Round>) -> Vec<Styled> {
    let mut lines = Vec::new();
    match lane {
        Lane::Goal => lines.extend(item("", &stage.goal, width, theme::TEXT)),
        Lane::Touchpoints => {
            for touchpoint in &stage.touchpoints {
                lines.extend(item("• ", touchpoint, width, theme::TEXT));
            }
        }
        Lane::Emotion => {
            let (score, style) = score_line(stage);
            lines.push((score, style));
            lines.extend(item("", &stage.emotion.note, width, theme::TEXT));
            let metrics = metric_tags(stage.metrics.as_ref());
            if !metrics.is_empty() {
                lines.push((metrics.join(" · "), theme::DIM));
            }
        }
        Lane::Friction => {
            for friction in &stage.frictions {
                let votes = shown_votes(round, friction.id.as_str(), friction.votes);
                let (badge, style) = friction_badge(friction, votes);
                let style = if friction.status.is_closed() {
                    theme::DIM
                } else {
                    style
                };
                lines.extend(item(&format!("• {badge} "), &friction.text, width, style));
            }
        }
        Lane::Opportunity => {
            for opportunity in &stage.opportunities {
                let votes = shown_votes(round, opportunity.id.as_str(), opportunity.votes);
                let lead = match votes {
                    Some(votes) if votes > 0 => format!("• ●{votes} "),
                    _ => "• ".to_owned(),
                };
                lines.extend(item(&lead, &opportunity.text, width, theme::TEXT));
            }
        }
    }
    lines.retain(|(line, _)| !line.is_empty());
    if lines.is_empty() {
        lines.push(("—".to_owned(), theme::DIM));
    }
    lines
}

/// The lanes in `lanes` of `stage`, each under its name, a blank line between.
fn lanes_of(stage: &Stage, lanes: &[Lane], width: usize, round: Option<&Round>) -> Vec<Styled> {
    let mut lines = Vec::new();
    for (i, &lane) in lanes.iter().enumerate() {
        if i > 0 {
            lines.push((String::new(), theme::TEXT));
        }
        lines.push((lane.name().to_uppercase(), theme::ACCENT));
        lines.extend(lane_lines(stage, lane, width, round));
    }
    lines
}

/// The heading (left, right) and the body's columns of lines for what is presented.
fn content(
    map: &JourneyMap,
    shown: &Presenting,
    width: usize,
    round: Option<&Round>,
) -> (Styled, String, Vec<Vec<Styled>>) {
    match shown.by {
        By::Stage => {
            let Some(stage) = map.stages.get(shown.stage) else {
                return ((String::new(), theme::HEADER), String::new(), Vec::new());
            };
            let heading = (
                format!("{} {}", shown.stage + 1, clean_line(&stage.name)),
                theme::HEADER,
            );
            let place = format!("stage {} of {}", shown.stage + 1, map.stages.len());
            let columns = if width >= TWO_COLUMNS {
                let half = (width - 3) / 2;
                vec![
                    lanes_of(
                        stage,
                        &[Lane::Goal, Lane::Touchpoints, Lane::Emotion],
                        half,
                        round,
                    ),
                    lanes_of(stage, &[Lane::Friction, Lane::Opportunity], half, round),
                ]
            } else {
                vec![lanes_of(stage, &Lane::ALL, width, round)]
            };
            (heading, place, columns)
        }
        By::Lane => {
            let heading = (format!("{} across the journey", shown.lane.name()), theme::HEADER);
            let index = Lane::ALL.iter().position(|&l| l == shown.lane).unwrap_or(0);
            let place = format!("lane {} of {}", index + 1, Lane::ALL.len());
            let mut lines = Vec::new();
            for (s, stage) in map.stages.iter().enumerate() {
                if s > 0 {
                    lines.push((String::new(), theme::TEXT));
                }
                lines.push((
                    format!("{} {}", s + 1, clean_line(&stage.name)).to_uppercase(),
                    theme::ACCENT,
                ));
                lines.extend(lane_lines(stage, shown.lane, width, round));
            }
            (heading, place, vec![lines])
        }
    }
}

/// The body's width and height in `area`: a margin each side, the heading and a blank
/// line above, the scroll line below.
fn body(area: Rect) -> (usize, usize) {
    (
        usize::from(area.width.saturating_sub(4)).max(1),
        usize::from(area.height.saturating_sub(3)).max(1),
    )
}

/// How far present mode can scroll on a terminal of `screen`, when it shows.
pub fn max_scroll(app: &App, screen: Rect) -> Option<usize> {
    let (map, shown) = presented(app)?;
    // The title bar above and the status bar below.
    let (width, height) = body(Rect {
        y: screen.y + 1,
        height: screen.height.saturating_sub(2),
        ..screen
    });
    let (_, _, columns) = content(map, shown, width, app.round.as_ref());
    let tallest = columns.iter().map(Vec::len).max().unwrap_or(0);
    Some(tallest.saturating_sub(height))
}

fn presented(app: &App) -> Option<(&JourneyMap, &Presenting)> {
    match app.view()? {
        crate::app::screen::View::Present(shown) => Some((&app.doc()?.map, shown)),
        _ => None,
    }
}

/// Draws what is presented into `area`.
pub fn render(app: &App, map: &JourneyMap, shown: &Presenting, area: Rect, buf: &mut Buffer) {
    let (width, height) = body(area);
    let ((heading, heading_style), place, columns) = content(map, shown, width, app.round.as_ref());
    let x = area.x + 2;
    buf.set_stringn(x, area.y, &place, width, theme::DIM);
    let place_width = text_width(&place) as u16;
    let heading_x = x + place_width + 3;
    buf.set_stringn(
        heading_x,
        area.y,
        &heading,
        width.saturating_sub(usize::from(place_width) + 3),
        heading_style,
    );
    let tallest = columns.iter().map(Vec::len).max().unwrap_or(0);
    let scroll = shown.scroll.min(tallest.saturating_sub(height));
    let column_width = if columns.len() > 1 { (width - 3) / 2 } else { width };
    for (c, lines) in columns.iter().enumerate() {
        let left = x + (c * (column_width + 3)) as u16;
        for (row, (line, style)) in lines.iter().skip(scroll).take(height).enumerate() {
            buf.set_stringn(left, area.y + 2 + row as u16, line, column_width, *style);
        }
    }
    let below = tallest.saturating_sub(scroll + height);
    let key = |action: Action| app.keymap.key(Mode::Present, &action);
    let (up, down) = (key(Action::SelectPrevious), key(Action::SelectNext));
    let scrolled = match (scroll, below) {
        (0, 0) => return,
        (0, below) => format!("↓ {below} more below ({down} scrolls)"),
        (above, 0) => format!("↑ {above} above ({up} scrolls back)"),
        (above, below) => format!("↑ {above} above · ↓ {below} below ({up} {down} scroll)"),
    };
    buf.set_stringn(x, area.bottom().saturating_sub(1), &scrolled, width, theme::DIM);
}
