//! The shadow-notes pane: notes newest first, each with its local time, observer, stage,
//! channel, evidence count (missing files marked), a ⚑ when it became a friction point,
//! and its text wrapped. Only the notes on screen are laid out.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Widget};

use super::Hits;
use super::cell::wrapped;
use super::theme::Theme;
use crate::app::App;
use crate::app::action::Action;
use crate::app::forms::note::local_time;
use crate::app::keymap::Mode;
use crate::app::pointer::{Area, Spot};
use crate::app::shadow::Pane;
use crate::model::{JourneyMap, ShadowNote};
use crate::text::display::{clean, clean_line, truncate, width};

/// Text lines a note shows; the selected one shows more.
const TEXT_LINES: usize = 3;
const SELECTED_TEXT_LINES: usize = 8;
/// Evidence lines the selected note lists.
const MAX_EVIDENCE_LINES: usize = 3;

fn text_lines(note: &ShadowNote, columns: usize, selected: bool) -> Vec<String> {
    let max = if selected { SELECTED_TEXT_LINES } else { TEXT_LINES };
    wrapped(&clean(&note.text), columns, max)
}

/// The second line of a note: stage, channel, evidence.
fn facts(app: &App, map: &JourneyMap, note: &ShadowNote) -> String {
    let at = app.queue.stage_position(&note.stage);
    let stage = at.and_then(|s| Some((s, map.stages.get(s)?))).map_or_else(
        || format!("stage {} (gone)", clean_line(note.stage.as_str())),
        |(s, stage)| format!("{} {}", s + 1, clean_line(&stage.name)),
    );
    let mut parts = vec![stage, clean_line(&note.channel).into_owned()];
    if !note.evidence.is_empty() {
        let missing = note.evidence.iter().filter(|e| app.folder.missing(e)).count();
        let mut evidence = format!("⎘ {} evidence", note.evidence.len());
        if missing > 0 {
            evidence.push_str(&format!(" ({missing} missing!)"));
        }
        parts.push(evidence);
    }
    parts.join(" · ")
}

/// Draws the pane into `area`.
pub fn render(app: &App, map: &JourneyMap, area: Rect, buf: &mut Buffer, hits: &mut Hits) {
    hits.add(area, Spot::Area(Area::Notes));
    let theme = Theme::of(app.look);
    let shadow = &app.shadow;
    let focused = shadow.pane == Pane::Focused;
    let key = |mode: Mode, action: Action| app.keymap.key(mode, &action);
    let filter = shadow.filter.describe(map);
    let mut title = format!(" Shadow notes · {} ", shadow.rows.len());
    if !filter.is_empty() {
        title.push_str(&format!("· only {} ", clean_line(&filter)));
    }
    let hint = if focused {
        format!(" {}: grid ", key(Mode::Shadow, Action::FocusNotes))
    } else {
        format!(" {}: notes ", key(Mode::Grid, Action::FocusNotes))
    };
    // The focus shows in the border's weight as well as its colour.
    let block = Block::bordered()
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(if focused { theme.accent } else { theme.rule })
        .title(Span::styled(
            truncate(&title, usize::from(area.width.saturating_sub(4))).into_owned(),
            theme.accent,
        ))
        .title_bottom(Span::styled(hint, theme.dim));
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.height == 0 || inner.width < 4 {
        return;
    }
    if shadow.rows.is_empty() {
        render_empty(app, filter.is_empty(), inner, buf);
        return;
    }
    let text_columns = usize::from(inner.width).saturating_sub(2).max(1);
    let height_of = |row: usize| {
        let selected = row == shadow.selected;
        shadow
            .rows
            .get(row)
            .and_then(|n| map.shadow.notes.get(n))
            .map_or(0, |note| {
                2 + text_lines(note, text_columns, selected).len() + evidence_lines(app, note, selected).len()
            })
    };
    // The first note drawn: as far back from the selection as fits.
    let room = usize::from(inner.height);
    let mut first = shadow.selected.min(shadow.rows.len() - 1);
    let mut used = height_of(first) + 1;
    while first > 0 && used + height_of(first - 1) < room {
        first -= 1;
        used += height_of(first) + 1;
    }
    let mut y = inner.y;
    for (row, n) in (first..).zip(shadow.rows.from(first)) {
        if y >= inner.bottom() {
            break;
        }
        let area = Rect {
            y,
            height: inner.bottom() - y,
            ..inner
        };
        let rows = draw_note(app, map, n, row == shadow.selected, area, buf);
        hits.add(Rect { height: rows, ..area }, Spot::Note(row));
        y += rows + 1;
    }
}

/// What the pane says with no note to list.
fn render_empty(app: &App, unfiltered: bool, area: Rect, buf: &mut Buffer) {
    let theme = Theme::of(app.look);
    let key = |mode: Mode, action: Action| app.keymap.key(mode, &action);
    let columns = usize::from(area.width);
    let lines = if unfiltered {
        vec![
            "No shadow notes yet.".to_owned(),
            String::new(),
            "Walk the journey as a customer and write down what you see:".to_owned(),
            format!(
                "{} (here) or {} (in the grid) adds a note: type, {}.",
                key(Mode::Shadow, Action::AddNote),
                key(Mode::Grid, Action::AddNote),
                key(Mode::Form, Action::Commit)
            ),
        ]
    } else {
        vec![format!(
            "No note passes the filter: {} shows all.",
            key(Mode::Shadow, Action::ClearNoteFilter)
        )]
    };
    for (y, line) in (area.y..area.bottom()).zip(lines) {
        for (dy, part) in wrapped(&line, columns, 2).into_iter().enumerate() {
            if y + (dy as u16) < area.bottom() {
                buf.set_stringn(area.x, y + dy as u16, part, columns, theme.dim);
            }
        }
    }
}

/// Draws note `n` of the map from the top of `area`: its head (time, observer, ⚑), its
/// facts, its text and, when selected, its evidence. Returns the rows it took.
fn draw_note(app: &App, map: &JourneyMap, n: usize, selected: bool, area: Rect, buf: &mut Buffer) -> u16 {
    let theme = Theme::of(app.look);
    let Some(note) = map.shadow.notes.get(n) else {
        return 0;
    };
    let columns = usize::from(area.width);
    let text_columns = columns.saturating_sub(2).max(1);
    let focused = app.shadow.pane == Pane::Focused;
    let head_style = match (selected, focused) {
        (true, true) => theme.selected_header,
        (true, false) => theme.selected,
        _ => theme.header,
    };
    let observer = if note.observer.is_empty() {
        "someone".into()
    } else {
        clean_line(&note.observer)
    };
    let mark = if app.queue.backs_a_point(note) {
        " ⚑ friction point"
    } else {
        ""
    };
    let head = format!("{}  {observer}", local_time(&note.at, &app.time_zone));
    let head = truncate(&clean_line(&head), columns.saturating_sub(width(mark))).into_owned();
    let pad = columns.saturating_sub(width(&head) + width(mark));
    let mut y = area.y;
    buf.set_stringn(
        area.x,
        y,
        format!("{head}{}", " ".repeat(pad)),
        columns,
        head_style,
    );
    if !mark.is_empty() {
        let x = area.x + (columns - width(mark)) as u16;
        let style = theme.lane(crate::model::Lane::Friction);
        let style = if selected {
            style.patch(theme.selected)
        } else {
            style
        };
        buf.set_stringn(x, y, mark, width(mark), style);
    }
    y += 1;
    if y >= area.bottom() {
        return y - area.y;
    }
    let facts = facts(app, map, note);
    let style = if facts.contains("missing!") {
        theme.warning
    } else {
        theme.dim
    };
    buf.set_stringn(area.x, y, truncate(&facts, columns), columns, style);
    y += 1;
    for line in text_lines(note, text_columns, selected) {
        if y >= area.bottom() {
            break;
        }
        buf.set_stringn(area.x + 2, y, line, text_columns, theme.text);
        y += 1;
    }
    for (line, missing) in evidence_lines(app, note, selected) {
        if y >= area.bottom() {
            break;
        }
        let style = if missing { theme.warning } else { theme.dim };
        buf.set_stringn(area.x + 2, y, truncate(&line, text_columns), text_columns, style);
        y += 1;
    }
    y - area.y
}

/// The selected note's evidence, one a line (a few at most), missing files marked.
fn evidence_lines(app: &App, note: &ShadowNote, selected: bool) -> Vec<(String, bool)> {
    if !selected {
        return Vec::new();
    }
    let mut lines: Vec<(String, bool)> = note
        .evidence
        .iter()
        .take(MAX_EVIDENCE_LINES)
        .map(|e| {
            let missing = app.folder.missing(e);
            let mark = if missing { " (missing)" } else { "" };
            (format!("⎘ {}{mark}", clean_line(e)), missing)
        })
        .collect();
    if note.evidence.len() > MAX_EVIDENCE_LINES {
        lines.push((
            format!("  … {} more", note.evidence.len() - MAX_EVIDENCE_LINES),
            false,
        ));
    }
    lines
}

/// The selected note in full, for the detail pane while the notes pane has the focus:
/// its title and lines.
pub fn detail(app: &App, map: &JourneyMap, columns: usize) -> Option<(String, Vec<Line<'static>>)> {
    let theme = Theme::of(app.look);
    let n = app.shadow.selected_note()?;
    let note = map.shadow.notes.get(n)?;
    let title = format!(" Shadow note · {} ", facts(app, map, note));
    let observer = if note.observer.is_empty() {
        "someone".into()
    } else {
        clean_line(&note.observer)
    };
    let mut head = vec![
        Span::styled(local_time(&note.at, &app.time_zone), theme.header),
        Span::raw(format!("  {observer}")),
    ];
    if let Some(id) = &note.friction {
        let place = app.queue.places.point(id);
        let linked = place
            .and_then(|(s, f)| Some((f, map.stages.get(s)?)))
            .map_or_else(
                || format!("   ⚑ friction point {} (gone)", clean_line(id.as_str())),
                |(f, stage)| format!("   ⚑ friction point {} in {}", f + 1, clean_line(&stage.name)),
            );
        head.push(Span::styled(linked, theme.lane(crate::model::Lane::Friction)));
    }
    let mut lines = vec![Line::from(head)];
    lines.extend(
        wrapped(&clean(&note.text), columns, 64)
            .into_iter()
            .map(Line::from),
    );
    for (line, missing) in evidence_lines(app, note, true) {
        lines.push(Line::styled(
            line,
            if missing { theme.warning } else { theme.dim },
        ));
    }
    Some((truncate(&title, columns).into_owned(), lines))
}
