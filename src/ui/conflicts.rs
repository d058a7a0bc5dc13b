//! The merge-conflicts view: each conflict left by `cxmap merge` as a block (the item,
//! what conflicts, ours, theirs and the value before), the selected one marked, and the
//! keys that choose a side.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::Hits;
use super::theme::Theme;
use crate::app::App;
use crate::app::action::Action;
use crate::app::conflicts::Entry;
use crate::app::keymap::Mode;
use crate::app::pointer::Spot;
use crate::model::conflict::At;
use crate::text::display::{clean_line, truncate};

/// Rows one conflict takes: item, what, ours, theirs, before, and a blank line.
const BLOCK: u16 = 6;

/// Draws the list of conflicts into `area`.
pub fn render(app: &App, area: Rect, buf: &mut Buffer, hits: &mut Hits) {
    let theme = Theme::of(app.look);
    let entries = &app.conflicts.entries;
    let room = usize::from(area.width);
    let key = |action: Action| app.keymap.key(Mode::Conflicts, &action);
    let heading = if entries.is_empty() {
        format!(
            " No merge conflicts left · {} saves, then git add and git commit · {} map",
            key(Action::Save),
            key(Action::Back)
        )
    } else {
        format!(
            " {} merge conflict{} from git · {} ours · {} theirs · {} show in the map",
            entries.len(),
            if entries.len() == 1 { "" } else { "s" },
            key(Action::TakeOurs),
            key(Action::TakeTheirs),
            key(Action::Open)
        )
    };
    buf.set_stringn(area.x, area.y, truncate(&heading, room), room, theme.accent);
    let visible = usize::from(area.height.saturating_sub(2) / BLOCK).max(1);
    let first = app.conflicts.selected.saturating_sub(visible - 1);
    for (row, (index, entry)) in entries.iter().enumerate().skip(first).take(visible).enumerate() {
        let top = area.y + 2 + row as u16 * BLOCK;
        let block = Rect::new(area.x, top, area.width, BLOCK - 1).intersection(area);
        hits.add(block, Spot::Row(index));
        draw_block(
            theme,
            entry,
            index == app.conflicts.selected,
            Rect { y: top, ..area },
            buf,
        );
    }
}

fn draw_block(theme: &Theme, entry: &Entry, selected: bool, area: Rect, buf: &mut Buffer) {
    let room = usize::from(area.width.saturating_sub(4));
    let item_style = if selected {
        buf.set_stringn(area.x, area.y, "▶", 1, theme.accent);
        theme.selected_header
    } else {
        theme.header
    };
    let mut line = |offset: u16, text: String, style| {
        if offset < area.height {
            let text = truncate(&clean_line(&text), room).into_owned();
            buf.set_stringn(area.x + 2, area.y + offset, text, room, style);
        }
    };
    let item = match entry.conflict.at {
        At::Map | At::Plan(_) => entry.item.clone(),
        _ => format!("{} · {}", entry.conflict.item, entry.item),
    };
    line(0, item, item_style);
    line(1, format!("  {}", entry.what), theme.warning);
    line(2, format!("  ours:   {}", entry.ours), theme.text);
    line(3, format!("  theirs: {}", entry.theirs), theme.text);
    if let Some(base) = &entry.base {
        line(4, format!("  before: {base}"), theme.dim);
    }
}
