//! Present mode: what it shows on top (the stage or the lane, and its neighbours), then
//! the page laid out by `app::present`, scrolled, with the selection marked in the margin.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::Hits;
use super::cell::metric_tags;
use super::theme::Theme;
use crate::app::App;
use crate::app::action::Action;
use crate::app::geometry::PRESENT_HEADING;
use crate::app::pointer::Spot;
use crate::app::present::{Look, Presenting, Showing, Window, page};
use crate::model::{JourneyMap, Lane};
use crate::text::display::{clean_line, truncate, width};

/// Draws present mode into `area`.
pub fn render(
    app: &App,
    map: &JourneyMap,
    presenting: &Presenting,
    area: Rect,
    buf: &mut Buffer,
    hits: &mut Hits,
) {
    let theme = Theme::of(app.look);
    let (columns, _) = app.geometry.present_page();
    let columns = columns.min(usize::from(area.width));
    let left = area.x + (area.width - columns as u16) / 2;
    let heading = Rect::new(left, area.y, columns as u16, 1);
    if map.stages.is_empty() {
        buf.set_stringn(left, area.y, "This map has no stages yet.", columns, theme.header);
        return;
    }
    draw_heading(app, map, presenting.showing, heading, buf);
    draw_rule(
        app,
        map,
        presenting.showing,
        Rect {
            y: area.y + 1,
            ..heading
        },
        buf,
    );
    let page = page(map, presenting.showing, &app.cursor, columns, app.round.as_ref());
    let rows = usize::from(area.height.saturating_sub(PRESENT_HEADING));
    let window = Window::new(page.lines.len(), rows, presenting.scroll);
    let mut y = area.y + PRESENT_HEADING;
    if window.above > 0 {
        let text = format!("↑ {} more line{}", window.above, plural(window.above));
        buf.set_stringn(left, y, text, columns, theme.accent);
        y += 1;
    }
    for line in &page.lines[window.lines()] {
        if let Some(target) = line.target {
            hits.add(Rect::new(area.x, y, area.width, 1), Spot::Page(target));
        }
        if line.target.is_some_and(|t| t.holds(&app.cursor)) && left > area.x {
            buf.set_stringn(left - 1, y, "▌", 1, theme.accent);
        }
        let mut x = left;
        for span in &line.spans {
            let room = usize::from(left + columns as u16 - x);
            (x, _) = buf.set_stringn(x, y, &span.text, room, style(theme, span.look));
        }
        y += 1;
    }
    if window.below > 0 {
        let next = app.key(&Action::PresentNext);
        let text = format!(
            "↓ {} more line{} ({next} shows them)",
            window.below,
            plural(window.below)
        );
        buf.set_stringn(left, y, text, columns, theme.accent);
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The colour of each part the page's text plays.
fn style(theme: &Theme, look: Look) -> Style {
    match look {
        Look::Lane(lane) => theme.lane(lane),
        Look::Stage => theme.header,
        Look::Text | Look::Detail => theme.text,
        Look::Wanting => theme.warning,
        Look::Severity(severity) => theme.severity(severity),
        Look::Closed => theme.dim,
        Look::Votes => theme.votes,
        Look::Score(score) => theme.score(score),
    }
}

/// "3/7  Purchase" and the stage's metrics, or "Friction points · every stage".
fn draw_heading(app: &App, map: &JourneyMap, showing: Showing, area: Rect, buf: &mut Buffer) {
    let theme = Theme::of(app.look);
    let room = usize::from(area.width);
    let (position, name, right) = match showing {
        Showing::Stage => {
            let s = app.cursor.stage.min(map.stages.len() - 1);
            let stage = &map.stages[s];
            let tags = metric_tags(stage.metrics.as_ref()).join(" · ");
            (
                format!("{}/{}  ", s + 1, map.stages.len()),
                clean_line(&stage.name).into_owned(),
                tags,
            )
        }
        Showing::Lane => {
            let lane = app.cursor.lane;
            let at = Lane::ALL.iter().position(|&l| l == lane).unwrap_or(0);
            (
                format!("{}/{}  ", at + 1, Lane::ALL.len()),
                lane.name().to_owned(),
                format!("across the {} stages", map.stages.len()),
            )
        }
    };
    let name_style = match showing {
        Showing::Stage => theme.accent,
        Showing::Lane => theme.lane(app.cursor.lane),
    };
    let (x, _) = buf.set_stringn(area.x, area.y, &position, room, theme.header);
    let used = width(&position);
    let (end, _) = buf.set_stringn(x, area.y, &name, room.saturating_sub(used), name_style);
    let free = usize::from(area.right().saturating_sub(end));
    if !right.is_empty() && width(&right) + 2 <= free {
        let x = area.right() - width(&right) as u16;
        buf.set_stringn(x, area.y, &right, width(&right), theme.header);
    }
}

/// A rule naming the neighbours: "◀ 2 Consideration ──── 4 Delivery ▶".
fn draw_rule(app: &App, map: &JourneyMap, showing: Showing, area: Rect, buf: &mut Buffer) {
    let theme = Theme::of(app.look);
    for x in area.left()..area.right() {
        buf[(x, area.y)].set_symbol("─").set_style(theme.rule);
    }
    let (before, after) = match showing {
        Showing::Stage => {
            let s = app.cursor.stage;
            let name = |i: usize| {
                map.stages
                    .get(i)
                    .map(|st| format!("{} {}", i + 1, clean_line(&st.name)))
            };
            (s.checked_sub(1).and_then(name), name(s + 1))
        }
        Showing::Lane => (
            app.cursor.lane.above().map(|l| l.name().to_owned()),
            app.cursor.lane.below().map(|l| l.name().to_owned()),
        ),
    };
    let half = usize::from(area.width / 2).saturating_sub(3);
    if let Some(before) = before {
        let text = format!("◀ {} ", truncate(&before, half));
        buf.set_stringn(area.x, area.y, text, half + 3, theme.header);
    }
    if let Some(after) = after {
        let text = format!(" {} ▶", truncate(&after, half));
        let x = area.right().saturating_sub(width(&text) as u16);
        buf.set_stringn(x, area.y, text, half + 3, theme.header);
    }
}
