//! The CX council view: the three biggest open friction points, compact and in full text
//! for a projector (no "…"), each with its owner and status, or "no owner" in warning
//! colour. When they do not all fit, the selected one is kept in view.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::Hits;
use super::cell::{friction_badge, wrapped};
use super::theme::Theme;
use crate::app::App;
use crate::app::action::Action;
use crate::app::keymap::Mode;
use crate::app::pointer::Spot;
use crate::model::voting::shown_votes;
use crate::model::{Friction, JourneyMap};
use crate::text::display::{clean, clean_line};

/// The most lines one point's text takes: all of it, in practice.
const FULL_TEXT: usize = 200;

/// One card's lines, each with its style.
fn card(
    app: &App,
    map: &JourneyMap,
    stage: usize,
    friction: &Friction,
    width: usize,
) -> Vec<(String, Style)> {
    let theme = Theme::of(app.look);
    let votes = shown_votes(app.round.as_ref(), friction.id.as_str(), friction.votes);
    let (badge, badge_style) = friction_badge(theme, friction, votes);
    let channel = if friction.channel.is_empty() {
        "no channel".into()
    } else {
        clean_line(&friction.channel)
    };
    let facts = format!(
        "{badge}  {}  ·  {} {}  ·  {channel}",
        friction.severity.word(),
        stage + 1,
        clean_line(&map.stages[stage].name),
    );
    let mut lines = vec![(facts, badge_style)];
    lines.extend(
        wrapped(&clean(&friction.text), width, FULL_TEXT)
            .into_iter()
            .map(|line| (line, theme.header)),
    );
    let key = |action: Action| app.keymap.key(Mode::Council, &action);
    lines.push(if friction.owner.is_empty() {
        (
            format!(
                "no owner: who takes this? ({} sets one)   status: {}",
                key(Action::SetOwner),
                friction.status.label()
            ),
            theme.warning,
        )
    } else {
        (
            format!(
                "owner: {}   status: {}",
                clean_line(&friction.owner),
                friction.status.label()
            ),
            theme.text,
        )
    });
    lines
}

/// Draws the council's cards into `area`.
pub fn render(app: &App, map: &JourneyMap, area: Rect, buf: &mut Buffer, hits: &mut Hits) {
    let theme = Theme::of(app.look);
    let title = " CX council · the three biggest open friction points, by votes then severity ";
    buf.set_stringn(area.x, area.y, title, usize::from(area.width), theme.accent);
    let width = usize::from(area.width.saturating_sub(6)).max(1);
    let cards: Vec<(usize, Vec<(String, Style)>)> = app
        .board
        .council_shown
        .iter()
        .enumerate()
        .filter_map(|(rank, &(s, f))| {
            let friction = map.stages.get(s)?.frictions.get(f)?;
            Some((rank, card(app, map, s, friction, width)))
        })
        .collect();
    if cards.is_empty() {
        buf.set_stringn(
            area.x,
            area.y + 2,
            "No open friction points.",
            usize::from(area.width),
            theme.dim,
        );
        return;
    }
    // Cards follow each other with a blank line between; the first shown is the one
    // that keeps the selected card on screen.
    let room = usize::from(area.height.saturating_sub(2));
    let through = |last: usize, first: usize| -> usize {
        cards[first..=last]
            .iter()
            .map(|(_, lines)| lines.len() + 1)
            .sum::<usize>()
    };
    let selected = app.board.selected.min(cards.len() - 1);
    let mut first = 0;
    while first < selected && through(selected, first) > room {
        first += 1;
    }
    let mut y = area.y + 2;
    for (rank, lines) in &cards[first..] {
        if y >= area.bottom() {
            break;
        }
        let number_style = if *rank == app.board.selected {
            theme.selected_header
        } else {
            theme.accent
        };
        buf.set_stringn(area.x, y, format!(" {} ", rank + 1), 3, number_style);
        let top = y;
        for (line, style) in lines {
            if y >= area.bottom() {
                break;
            }
            buf.set_stringn(area.x + 5, y, line, width, *style);
            y += 1;
        }
        hits.add(Rect::new(area.x, top, area.width, y - top), Spot::Row(*rank));
        y += 1;
    }
}
