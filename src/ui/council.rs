//! The CX council view: the three biggest open friction points, large enough for a
//! projector, each with its owner, or "no owner" in warning colour.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::cell::{friction_badge, wrapped};
use super::theme;
use crate::app::App;
use crate::model::JourneyMap;
use crate::model::voting::shown_votes;
use crate::text::display::{clean, clean_line};

/// Draws the council's cards into `area`.
pub fn render(app: &App, map: &JourneyMap, area: Rect, buf: &mut Buffer) {
    let title = " CX council · the three biggest open friction points, by votes then severity ";
    buf.set_stringn(area.x, area.y, title, usize::from(area.width), theme::ACCENT);
    let council = &app.board.council;
    if council.is_empty() {
        buf.set_stringn(
            area.x,
            area.y + 2,
            "No open friction points.",
            usize::from(area.width),
            theme::DIM,
        );
        return;
    }
    let card_height = (area.height.saturating_sub(1) / 3).max(4);
    let width = usize::from(area.width.saturating_sub(6));
    for (rank, &(s, f)) in council.iter().enumerate() {
        let Some(friction) = map.stages.get(s).and_then(|stage| stage.frictions.get(f)) else {
            continue;
        };
        let top = area.y + 1 + card_height * rank as u16;
        if top + 3 > area.bottom() {
            break;
        }
        let selected = rank == app.board.selected;
        let number_style = if selected {
            theme::SELECTED_HEADER
        } else {
            theme::ACCENT
        };
        buf.set_stringn(area.x, top + 1, format!(" {} ", rank + 1), 3, number_style);
        let votes = shown_votes(app.round.as_ref(), friction.id.as_str(), friction.votes);
        let (badge, badge_style) = friction_badge(friction, votes);
        let stage = &map.stages[s];
        let facts = format!(
            "{badge}  {}  ·  {} {}  ·  {}",
            friction.severity.word(),
            s + 1,
            clean_line(&stage.name),
            if friction.channel.is_empty() {
                "no channel".into()
            } else {
                clean_line(&friction.channel)
            },
        );
        buf.set_stringn(area.x + 5, top, &facts, width, badge_style);
        let room = usize::from(card_height.saturating_sub(3)).max(1);
        for (i, line) in wrapped(&clean(&friction.text), width, room).iter().enumerate() {
            buf.set_stringn(area.x + 5, top + 1 + i as u16, line, width, theme::HEADER);
        }
        let owner_y = top + 1 + room as u16;
        if owner_y < area.bottom() {
            if friction.owner.is_empty() {
                buf.set_stringn(
                    area.x + 5,
                    owner_y,
                    "no owner: who takes this?",
                    width,
                    theme::WARNING,
                );
            } else {
                let owner = format!(
                    "owner: {}   status: {}",
                    clean_line(&friction.owner),
                    friction.status.label()
                );
                buf.set_stringn(area.x + 5, owner_y, owner, width, theme::TEXT);
            }
        }
    }
}
