//! The channels screen: the map's channel list in order, with where each is used.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::Hits;
use super::theme::Theme;
use crate::app::App;
use crate::app::action::Action;
use crate::app::keymap::Mode;
use crate::app::pointer::Spot;
use crate::model::JourneyMap;
use crate::text::display::{clean_line, truncate};

/// Draws the list into `area`.
pub fn render(app: &App, map: &JourneyMap, area: Rect, buf: &mut Buffer, hits: &mut Hits) {
    let theme = Theme::of(app.look);
    let total = usize::from(area.width);
    let title = format!(
        " Channels · {} · where the customer meets the brand; renaming reaches every note, friction point and plan vote ",
        map.shadow.channels.len()
    );
    buf.set_stringn(area.x, area.y, truncate(&title, total), total, theme.accent);
    if map.shadow.channels.is_empty() {
        buf.set_stringn(
            area.x,
            area.y + 2,
            format!(
                "No channels yet: {} adds one (website, mobile app, store, contact-centre call…).",
                app.keymap.key(Mode::Channels, &Action::AddChannel)
            ),
            total,
            theme.dim,
        );
        return;
    }
    let body = usize::from(area.height.saturating_sub(2));
    let first = (app.shadow.channel + 1).saturating_sub(body);
    for (i, channel) in map.shadow.channels.iter().enumerate().skip(first).take(body) {
        let y = area.y + 2 + (i - first) as u16;
        hits.add(Rect::new(area.x, y, area.width, 1), Spot::Row(i));
        let uses = app
            .shadow
            .channel_uses
            .get(i)
            .map(|u| u.describe())
            .filter(|d| !d.is_empty())
            .unwrap_or_else(|| "unused".to_owned());
        let name = truncate(&clean_line(channel), 22).into_owned();
        let pad = " ".repeat(22usize.saturating_sub(crate::text::display::width(&name)));
        let line = format!(" {:>2}. {name}{pad}  {uses}", i + 1);
        let style = if i == app.shadow.channel {
            theme.selected
        } else {
            theme.text
        };
        let line = format!("{line:<total$}");
        buf.set_stringn(area.x, y, line, total, style);
    }
}
