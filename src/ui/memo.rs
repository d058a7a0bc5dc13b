//! The friction memo's preview: what to look at before sending it (warnings first), then
//! the memo as the text version lays it out (78 columns), scrolled, with what it
//! includes on the line above. Only the visible lines are drawn; until the memo is
//! first laid out, the line above says so.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::theme::Theme;
use crate::app::documents::MemoPreview;

/// The widest the memo is laid out, plus a margin each side.
const COLUMN: u16 = 80;

fn summary(preview: &MemoPreview, top: usize) -> String {
    let points = if preview.options.open_only {
        "without fixed and won't-fix"
    } else {
        "every friction point"
    };
    match &preview.layout {
        Some(layout) => format!(
            " Friction memo preview · {points} · line {}/{} ",
            top + 1,
            layout.len(),
        ),
        None => format!(" Friction memo preview · {points} · laying the memo out… "),
    }
}

/// Draws the preview into `area`.
pub fn render(theme: &Theme, preview: &MemoPreview, area: Rect, buf: &mut Buffer) {
    let rows = usize::from(area.height.saturating_sub(1));
    let top = preview.top(rows);
    buf.set_stringn(
        area.x,
        area.y,
        summary(preview, top),
        usize::from(area.width),
        theme.accent,
    );
    let width = COLUMN.min(area.width);
    let left = area.x + (area.width - width) / 2 + 1;
    let room = usize::from(width.saturating_sub(1));
    let Some(layout) = &preview.layout else {
        return;
    };
    for index in top..(top + rows).min(layout.len()) {
        let (line, row) = (layout.line(index), index - top);
        let style = if index < layout.warnings {
            theme.warning
        } else if index < layout.memo_start {
            theme.dim
        } else if line.starts_with("Friction memo:") || line.starts_with("Bottom line:") {
            theme.header
        } else if line.chars().all(|c| c == '-' || c == '=') && !line.is_empty() {
            theme.rule
        } else {
            theme.text
        };
        let y = area.y + 1 + u16::try_from(row).unwrap_or(u16::MAX);
        buf.set_stringn(left, y, line, room, style);
    }
}
