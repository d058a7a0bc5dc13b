//! The note-link picker over the screen: the friction points a note may back, or the
//! shadow notes a friction point may gather, each with a tick box, the own stage first,
//! filtered by what is typed (shown at the bottom with the match count).

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::ListItem;

use super::Hits;
use super::cell::friction_badge;
use super::picker::{Listing, Window};
use super::theme::Theme;
use crate::app::App;
use crate::app::note_links::{Linking, NoteLinkPicker, Offer};
use crate::model::JourneyMap;
use crate::text::display::{clean_line, truncate, width as text_width};

/// Draws `picker` in a box over the middle of the screen.
pub fn render(app: &App, map: &JourneyMap, picker: &NoteLinkPicker, frame: &mut Frame, hits: &mut Hits) {
    let theme = Theme::of(app.look);
    let window = Window::over(frame.area(), &picker.filter);
    let title = match &picker.linking {
        Linking::Note { at } => {
            let note = map
                .shadow
                .notes
                .get(*at)
                .map_or_else(String::new, |n| clean_line(&n.text).into_owned());
            format!(" Which friction point does “{note}” back? ")
        }
        Linking::Point { id } => {
            let point = map
                .friction_position(id)
                .and_then(|(s, f)| map.stages.get(s)?.frictions.get(f))
                .map_or_else(String::new, |f| clean_line(&f.text).into_owned());
            format!(" Which shadow notes back “{point}”? ")
        }
    };
    let width = window.inner_width();
    let own_stage = match &picker.linking {
        Linking::Note { at } => map
            .shadow
            .notes
            .get(*at)
            .and_then(|n| map.stage_position(&n.stage)),
        Linking::Point { id } => map.friction_position(id).map(|(s, _)| s),
    };
    let mut listed = Vec::new();
    let items: Vec<ListItem> = picker
        .filter
        .shown
        .iter()
        .skip(window.first)
        .take(window.rows)
        .enumerate()
        .filter_map(|(position, &row)| {
            let offer = picker.rows.get(row)?;
            let tick = if picker.chosen.contains(&row) {
                "[x] "
            } else {
                "[ ] "
            };
            let (stage, badge, text) = match offer {
                Offer::Point { stage, at } => {
                    let friction = map.stages.get(*stage)?.frictions.get(*at)?;
                    let (badge, style) = friction_badge(theme, friction, Some(friction.votes));
                    (*stage, Span::styled(badge, style), friction.text.clone())
                }
                Offer::Note { at } => {
                    let note = map.shadow.notes.get(*at)?;
                    let stage = map.stage_position(&note.stage).unwrap_or(usize::MAX);
                    let who = format!("{} · {}", clean_line(&note.observer), clean_line(&note.channel));
                    (stage, Span::styled(who, theme.dim), note.text.clone())
                }
            };
            let place = map.stages.get(stage).map_or_else(
                || "no stage".to_owned(),
                |s| format!("{} {}", stage + 1, clean_line(&s.name)),
            );
            let place = format!("{} · ", truncate(&place, width / 4));
            let used = text_width(tick) + text_width(&place) + text_width(&badge.content) + 1;
            let text = truncate(&clean_line(&text), width.saturating_sub(used)).into_owned();
            let text_style = if Some(stage) == own_stage {
                theme.text
            } else {
                theme.dim
            };
            listed.push(window.first + position);
            Some(ListItem::new(Line::from(vec![
                Span::styled(tick, theme.accent),
                Span::styled(place, theme.dim),
                badge,
                Span::styled(format!(" {text}"), text_style),
            ])))
        })
        .collect();
    let listing = Listing {
        title,
        items,
        listed,
        total: picker.rows.len(),
        enter_after_typing: "keep",
    };
    super::picker::draw(app, &picker.filter, &window, listing, frame, hits);
}
