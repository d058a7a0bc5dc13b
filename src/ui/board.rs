//! The friction board: every friction point in one table, columns chosen to fit the
//! width, only the rows on screen drawn.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::Hits;
use super::cell::{badge_text, friction_badge};
use super::theme::Theme;
use crate::app::App;
use crate::app::action::Action;
use crate::app::keymap::Mode;
use crate::app::pointer::Spot;
use crate::model::voting::shown_votes;
use crate::model::{Friction, JourneyMap};
use crate::text::display::{clean_line, truncate, width};

/// A column: heading, width, and what a friction point shows in it.
struct Column {
    heading: &'static str,
    width: usize,
    /// What the cell shows for a friction point, given the votes to show.
    cell: fn(&JourneyMap, usize, &Friction, Option<u32>) -> String,
}

/// Below this width the names (stage, channel, owner) take narrower columns, so a point's
/// owner still shows at 80 columns.
const ROOMY: usize = 100;

/// From this width on, the stage column is wide enough for most stage names whole
/// ("4 Delivery & Onboarding" on a projector at 120 columns).
const WIDE: usize = 120;

/// The columns that fit `total` columns beside at least 24 of a point's text: stage,
/// severity and votes, status, then the owner (what a council decides), the channel and
/// the evidence count while there is room.
fn columns(total: usize) -> Vec<Column> {
    let name = if total < ROOMY { 10 } else { 14 };
    let stage = Column {
        heading: "Stage",
        width: if total < WIDE { name } else { 23 },
        cell: |map, s, _, _| format!("{} {}", s + 1, map.stages[s].name),
    };
    let badge = Column {
        heading: "Sev·Votes",
        width: 9,
        cell: |_, _, f, votes| badge_text(f, votes),
    };
    let status = Column {
        heading: "Status",
        width: 11,
        cell: |_, _, f, _| f.status.label().to_owned(),
    };
    let channel = Column {
        heading: "Channel",
        width: name,
        cell: |_, _, f, _| f.channel.clone(),
    };
    let owner = Column {
        heading: "Owner",
        width: name,
        cell: |_, _, f, _| {
            if f.owner.is_empty() {
                "—".into()
            } else {
                f.owner.clone()
            }
        },
    };
    let evidence = Column {
        heading: "Ev",
        width: 3,
        cell: |_, _, f, _| f.evidence.len().to_string(),
    };
    let mut chosen = vec![stage, badge, status];
    for extra in [owner, channel, evidence] {
        let used: usize = chosen.iter().map(|c| c.width + 1).sum();
        if total.saturating_sub(used + extra.width + 1) >= 24 {
            chosen.push(extra);
        }
    }
    // The owner reads best beside the channel, as the friction form lists them.
    if let Some(at) = chosen.iter().position(|c| c.heading == "Channel") {
        let channel = chosen.remove(at);
        chosen.insert(3, channel);
    }
    chosen
}

/// Draws the board into `area`.
pub fn render(app: &App, map: &JourneyMap, area: Rect, buf: &mut Buffer, hits: &mut Hits) {
    let theme = Theme::of(app.look);
    if area.height < 3 {
        return;
    }
    let board = &app.board;
    let filter = board.filter.describe();
    let title = format!(
        " Friction board · {} point{} · by {}{} ",
        board.rows.len(),
        if board.rows.len() == 1 { "" } else { "s" },
        board.sort.label(),
        if filter.is_empty() {
            String::new()
        } else {
            format!(" · only {filter}")
        }
    );
    buf.set_stringn(
        area.x,
        area.y,
        truncate(&clean_line(&title), usize::from(area.width)),
        usize::from(area.width),
        theme.accent,
    );
    let total = usize::from(area.width);
    let columns = columns(total);
    let fixed: usize = columns.iter().map(|c| c.width + 1).sum();
    let text_width = total.saturating_sub(fixed).max(8);
    let mut header = String::new();
    for column in &columns {
        header.push_str(&format!("{:<w$} ", column.heading, w = column.width));
    }
    header.push_str("Friction point");
    buf.set_stringn(area.x, area.y + 1, &header, total, theme.header);
    let body = usize::from(area.height - 2);
    if board.rows.is_empty() {
        let note = if filter.is_empty() {
            "No friction points yet.".to_owned()
        } else {
            let clear = app.keymap.key(Mode::Board, &Action::ClearFilter);
            format!("Nothing passes the filter: {clear} shows all.")
        };
        buf.set_stringn(area.x, area.y + 2, note, total, theme.dim);
        return;
    }
    let first = (board.selected + 1).saturating_sub(body);
    for (row, &(s, f)) in board.rows.iter().enumerate().skip(first).take(body) {
        let Some(friction) = map.stages.get(s).and_then(|stage| stage.frictions.get(f)) else {
            continue;
        };
        let y = area.y + 2 + (row - first) as u16;
        hits.add(Rect::new(area.x, y, area.width, 1), Spot::Row(row));
        let base = if friction.status.is_closed() {
            theme.dim
        } else {
            theme.text
        };
        let style = if row == board.selected {
            base.patch(theme.selected)
        } else {
            base
        };
        let votes = shown_votes(app.round.as_ref(), friction.id.as_str(), friction.votes);
        let mut x = area.x;
        for column in &columns {
            let text = if column.heading == "Ev" {
                // Its own evidence and its linked notes' (the queue knows which notes).
                let notes = app
                    .queue
                    .notes(&friction.id)
                    .filter_map(|n| map.shadow.notes.get(n).map(|note| &**note));
                crate::model::evidence_of(&friction.evidence, notes)
                    .len()
                    .to_string()
            } else {
                clean_line(&(column.cell)(map, s, friction, votes)).into_owned()
            };
            let cell_style: Style = if column.heading == "Sev·Votes" {
                friction_badge(theme, friction, votes).1.patch(style)
            } else {
                style
            };
            let shown = format!("{:<w$} ", truncate(&text, column.width), w = column.width);
            buf.set_stringn(x, y, &shown, column.width + 1, cell_style);
            x += (column.width + 1) as u16;
        }
        let text = truncate(&clean_line(&friction.text), text_width).into_owned();
        let pad = text_width.saturating_sub(width(&text));
        buf.set_stringn(x, y, format!("{text}{}", " ".repeat(pad)), text_width, style);
    }
}
