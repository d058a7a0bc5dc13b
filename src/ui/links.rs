//! The link picker over the grid: every friction point with a tick box, the nearest
//! stages first, filtered by what is typed (shown at the bottom with the match count).

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::ListItem;

use super::Hits;
use super::cell::friction_badge;
use super::picker::{Listing, Window};
use super::theme::Theme;
use crate::app::App;
use crate::app::links::LinkPicker;
use crate::model::JourneyMap;
use crate::text::display::{clean_line, truncate, width as text_width};

/// Draws `picker` in a box over the middle of the screen.
pub fn render(app: &App, map: &JourneyMap, picker: &LinkPicker, frame: &mut Frame, hits: &mut Hits) {
    let theme = Theme::of(app.look);
    let window = Window::over(frame.area(), &picker.filter);
    let opportunity = map
        .stages
        .get(picker.stage)
        .and_then(|s| s.opportunities.get(picker.at))
        .map(|o| clean_line(&o.text).into_owned())
        .unwrap_or_default();
    let title = format!(" What does “{opportunity}” address? ");
    let width = window.inner_width();
    let mut listed = Vec::new();
    let items: Vec<ListItem> = (picker.filter.shown.iter().enumerate())
        .skip(window.first)
        .take(window.rows)
        .filter_map(|(position, &i)| {
            let row = picker.rows.get(i)?;
            let stage = map.stages.get(row.stage)?;
            let friction = stage.frictions.iter().find(|f| f.id == row.friction)?;
            let tick = if picker.chosen.contains(&row.friction) {
                "[x] "
            } else {
                "[ ] "
            };
            let place = format!("{} {}", row.stage + 1, clean_line(&stage.name));
            let place = format!("{} · ", truncate(&place, width / 3));
            let (badge, badge_style) = friction_badge(theme, friction, Some(friction.votes));
            let used = text_width(tick) + text_width(&place) + text_width(&badge) + 1;
            let text = truncate(&clean_line(&friction.text), width.saturating_sub(used)).into_owned();
            let text_style = if row.stage == picker.stage {
                theme.text
            } else {
                theme.dim
            };
            listed.push(position);
            Some(ListItem::new(Line::from(vec![
                Span::styled(tick, theme.accent),
                Span::styled(place, theme.dim),
                Span::styled(badge, badge_style),
                Span::styled(format!(" {text}"), text_style),
            ])))
        })
        .collect();
    let enter_after_typing = if picker.changes(map) {
        "keep"
    } else {
        "links the highlighted one"
    };
    let listing = Listing {
        title,
        items,
        listed,
        total: picker.rows.len(),
        enter_after_typing,
    };
    super::picker::draw(app, &picker.filter, &window, listing, frame, hits);
}
