//! The link picker over the grid: every friction point with a tick box, the nearest
//! stages first, filtered by what is typed (shown at the bottom with the match count).

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState};

use super::Hits;
use super::cell::friction_badge;
use super::help::centred;
use super::theme::Theme;
use crate::app::App;
use crate::app::action::Action;
use crate::app::keymap::Mode;
use crate::app::links::LinkPicker;
use crate::app::pointer::Spot;
use crate::model::JourneyMap;
use crate::text::display::{clean_line, truncate, width as text_width};

/// Draws `picker` in a box over the middle of the screen.
pub fn render(app: &App, map: &JourneyMap, picker: &LinkPicker, frame: &mut Frame, hits: &mut Hits) {
    let theme = Theme::of(app.look);
    let area = centred(frame.area(), 80, 70);
    let opportunity = map
        .stages
        .get(picker.stage)
        .and_then(|s| s.opportunities.get(picker.at))
        .map(|o| clean_line(&o.text).into_owned())
        .unwrap_or_default();
    let title = format!(" What does “{opportunity}” address? ");
    let title = truncate(&title, usize::from(area.width.saturating_sub(4))).into_owned();
    let width = usize::from(area.width.saturating_sub(2));
    // Only the rows that fit are built: a programme map has thousands of friction points.
    let shown = usize::from(area.height.saturating_sub(2)).max(1);
    let first = picker.filter.selected.saturating_sub(shown - 1);
    // The position in `shown` of each line listed, for the mouse.
    let mut listed = Vec::new();
    let items: Vec<ListItem> = (picker.filter.shown.iter().enumerate())
        .skip(first)
        .take(shown)
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
    let key = |action: Action| app.keymap.key(Mode::Link, &action);
    let filter = if picker.filter.query.is_empty() {
        format!(
            " type to filter · {} tick · {} keep ",
            key(Action::ToggleLink),
            key(Action::Commit)
        )
    } else {
        let takes = if picker.changes(map) {
            "keep"
        } else {
            "links the highlighted one"
        };
        format!(
            " {}▏ · {} of {} · {} tick · {} {takes} ",
            clean_line(&picker.filter.query),
            picker.filter.shown.len(),
            picker.rows.len(),
            key(Action::ToggleLink),
            key(Action::Commit)
        )
    };
    let list = List::new(items)
        .block(
            Block::bordered()
                .border_style(theme.accent)
                .title(Span::styled(title, theme.header))
                .title_bottom(Span::styled(filter, theme.dim)),
        )
        .highlight_style(theme.selected);
    let mut state = ListState::default().with_selected(Some(picker.filter.selected - first));
    super::help::clear_popup(area, frame);
    frame.render_stateful_widget(list, area, &mut state);
    let inner = area.inner(Margin::new(1, 1));
    for (y, position) in (inner.y..inner.bottom()).zip(listed) {
        hits.add(Rect::new(inner.x, y, inner.width, 1), Spot::Row(position));
    }
}
