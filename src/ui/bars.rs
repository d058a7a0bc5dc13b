//! The title bar (map, persona, file, unsaved marker) and the status bar (mode, message
//! or key hints from the keymap, position).

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::theme::Theme;
use crate::app::action::Action;
use crate::app::editor::EditTarget;
use crate::app::form::{Field, Form};
use crate::app::keymap::Mode;
use crate::app::modal::Modal;
use crate::app::screen::{Screen, View};
use crate::app::{App, Tone};
use crate::text::display::{clean_line, truncate, width};

/// The top line.
pub fn render_title(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = Theme::of(app.look);
    buf.set_style(area, theme.bar);
    let room = usize::from(area.width);
    // The file's state is never cut; the file name gives way first, then the persona.
    let right = match app.doc() {
        Some(doc) => {
            let state = if doc.read_only {
                " (read-only) "
            } else if !doc.on_disk {
                " ● new, not saved yet "
            } else if doc.is_dirty() {
                " ● unsaved "
            } else {
                " "
            };
            let conflicts = match app.conflicts.entries.len() {
                0 => String::new(),
                n => format!(
                    "{n} conflict{} ({}) · ",
                    if n == 1 { "" } else { "s" },
                    app.keymap.key(Mode::Grid, &Action::ShowConflicts)
                ),
            };
            let file_room = (room / 2).saturating_sub(width(state) + width(&conflicts));
            format!(
                "{conflicts}{}{state}",
                truncate(&clean_line(&doc.file_name()), file_room)
            )
        }
        _ => String::new(),
    };
    let left_room = room.saturating_sub(width(&right) + 1);
    let left = match app.doc() {
        Some(doc) => {
            let key = |action| app.keymap.key(Mode::Grid, &action);
            let title = if doc.map.title.is_empty() {
                format!("Untitled map ({} names it)", key(Action::EditTitle)).into()
            } else {
                clean_line(&doc.map.title)
            };
            let persona = if doc.map.persona.is_empty() {
                format!("no persona yet ({})", key(Action::EditPersona)).into()
            } else {
                clean_line(&doc.map.persona)
            };
            // The title comes first; the persona shows in what is left, if that is enough
            // to read a few words of it.
            let prefix = " cxmap │ ";
            let text_room = left_room.saturating_sub(width(prefix));
            let title = truncate(&title, text_room);
            let persona_room = text_room.saturating_sub(width(&title) + width(" │ "));
            if persona_room >= 8 {
                format!("{prefix}{title} │ {}", truncate(&persona, persona_room))
            } else {
                format!("{prefix}{title}")
            }
        }
        None => " cxmap │ customer-journey maps".to_owned(),
    };
    buf.set_stringn(area.x, area.y, truncate(&left, left_room), left_room, theme.bar);
    let x = area.right().saturating_sub(width(&right) as u16);
    let style = if app.doc().is_some_and(|d| d.is_dirty()) {
        theme.bar_accent
    } else {
        theme.bar
    };
    buf.set_stringn(x, area.y, &right, room, style);
}

/// The bottom line.
pub fn render_status(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = Theme::of(app.look);
    let mode = app.mode();
    let badge = match app.modal {
        Modal::Notice { .. } => "NOTE",
        _ => mode.badge(),
    };
    let badge = format!(" {badge} ");
    let search = search_status(app);
    let clip = clip_status(app);
    let message = app.message.as_ref().map_or(0, |m| width(&clean_line(&m.text)));
    let free = usize::from(area.width)
        .saturating_sub(width(&badge) + 1 + message + width(&search) + width(&clip) + 1);
    let position = position(app, usize::from(area.width), free);
    let room = usize::from(area.width).saturating_sub(width(&position) + width(&search) + width(&clip) + 1);
    let mut used = width(&badge) + 1;
    let mut spans = vec![Span::styled(badge, theme.bar_accent), Span::raw(" ")];
    match &app.message {
        Some(message) => {
            let style = if message.tone == Tone::Error {
                theme.error
            } else {
                theme.text
            };
            let text = truncate(&clean_line(&message.text), room.saturating_sub(used)).into_owned();
            spans.push(Span::styled(text, style));
        }
        None => {
            for (key, hint) in hints(app, mode) {
                let hint = format!(" {hint}  ");
                used += width(&key) + width(&hint);
                if used > room {
                    break;
                }
                spans.push(Span::styled(key, theme.key));
                spans.push(Span::raw(hint));
            }
        }
    }
    Paragraph::new(Line::from(spans)).render(
        Rect {
            width: room as u16,
            ..area
        },
        buf,
    );
    let x = area.right() - width(&position) as u16;
    buf.set_stringn(x, area.y, &position, width(&position), theme.dim);
    if !search.is_empty() {
        let style = if app.search.count() == 0 && !app.search.is_finding() {
            theme.error
        } else {
            theme.warning
        };
        let x = x.saturating_sub(width(&search) as u16);
        buf.set_stringn(x, area.y, &search, width(&search), style);
    }
    if !clip.is_empty() {
        let x = x.saturating_sub((width(&search) + width(&clip)) as u16);
        buf.set_stringn(x, area.y, &clip, width(&clip), theme.warning);
    }
}

/// "✂ Queue of nine… · " while an item waits to be pasted.
fn clip_status(app: &App) -> String {
    match &app.clip {
        Some(clip) if app.mode() == Mode::Grid => {
            format!("✂ {} · ", truncate(&clean_line(&clip.text), 16))
        }
        _ => String::new(),
    }
}

/// "/query hit 3/7 · ", "/query 7 hits · ", "/query 7 hits… · " while hits are still being
/// found, or "/query no match · " while a search is on.
fn search_status(app: &App) -> String {
    let search = &app.search;
    if !search.is_active() || app.doc().is_none() {
        return String::new();
    }
    let count = search.count();
    let state = match search.current {
        _ if search.is_finding() => format!("{count} hit{}…", if count == 1 { "" } else { "s" }),
        _ if count == 0 => "no match".to_owned(),
        Some(current) => format!("hit {}/{count}", current + 1),
        None => format!("{count} hit{}", if count == 1 { "" } else { "s" }),
    };
    let query = truncate(&clean_line(&search.query), 16).into_owned();
    format!("/{query} {state} · ")
}

/// The keys the status bar offers: a question's own answers in its words ("y save
/// n don't save  Esc stay"), else the mode's hints that make sense right now.
fn hints(app: &App, mode: Mode) -> Vec<(String, Cow<'static, str>)> {
    if let (Mode::Confirm, Some(question)) = (mode, app.question()) {
        return super::dialog::answer_keys(app, question)
            .into_iter()
            .map(|(key, hint)| (key, Cow::Borrowed(hint)))
            .collect();
    }
    let mut hints: Vec<(String, Cow<'static, str>)> = Vec::new();
    for (key, hint, action) in app.keymap.hints(mode) {
        if !hint_applies(app, mode, action) {
            continue;
        }
        if let (Action::NextField, Some(form)) = (action, app.modal.form()) {
            form_tab_hints(app, form, key.label(), &mut hints);
            continue;
        }
        let hint = Cow::Borrowed(hint);
        // Two keys in a row for one thing share it: "↑↓ scroll", not "↑ scroll" alone.
        match hints.last_mut() {
            Some((keys, last)) if *last == hint => keys.push_str(&key.label()),
            _ => hints.push((key.label(), hint)),
        }
    }
    hints
}

/// A form's Tab: "Tab completes #store  ↓ next field" while the cursor ends a tag or a
/// name Tab completes, else "Tab next field" (none in a form of one field).
fn form_tab_hints(app: &App, form: &Form, tab: String, hints: &mut Vec<(String, Cow<'static, str>)>) {
    let several = form.fields.len() > 1;
    match form.focused().and_then(Field::tab_completes) {
        Some(what) => {
            hints.push((tab, Cow::Owned(format!("completes {what}"))));
            if several {
                let down = app.keymap.key(Mode::Form, &Action::CursorDown);
                hints.push((down, Cow::Borrowed("next field")));
            }
        }
        None if several => hints.push((tab, Cow::Borrowed("next field"))),
        None => {}
    }
}

/// Whether a key's hint makes sense right now: no "new line" in a one-line editor, no
/// "back" on the start screen's top level, no "new map" while choosing its template.
fn hint_applies(app: &App, mode: Mode, action: &Action) -> bool {
    match action {
        Action::NewLine => app.modal.editor().is_some_and(|e| e.input.multiline()),
        // A search is typed in place: $EDITOR is for the map's text.
        Action::EditInEditor => app.modal.editor().is_none_or(|e| e.target != EditTarget::Search),
        // The emotion keys act on the emotion lane only.
        Action::RaiseScore => app.cursor.lane == crate::model::Lane::Emotion,
        Action::Back if mode == Mode::Start => {
            matches!(&app.screen, Screen::Start(start) if start.template.is_some())
        }
        // Already choosing the new map's template.
        Action::NewMap => matches!(&app.screen, Screen::Start(start) if start.template.is_none()),
        _ => true,
    }
}

/// "▸Ana 2 · Ben 3 · Cy 3 · 4:05 left · ": who votes now and what everyone has left
/// (shortened to "▸Ana 2 left · 7/9 cast" when that takes more than `room`), and the
/// timer.
fn round_status(app: &App, room: usize) -> String {
    let Some(round) = &app.round else {
        return String::new();
    };
    let timer = round
        .timer
        .map(|timer| format!(" · {}", timer.label(app.now)))
        .unwrap_or_default();
    let people: Vec<String> = round
        .participants()
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let mark = if i == round.shown() { "▸" } else { "" };
            format!("{mark}{} {}", truncate(&clean_line(name), 12), round.left(i))
        })
        .collect();
    let full = format!("{}{timer} · ", people.join(" · "));
    if width(&full) <= room {
        return full;
    }
    format!(
        "▸{} {} left · {}/{} cast{timer} · ",
        truncate(&clean_line(round.shown_name()), 12),
        round.left(round.shown()),
        round.cast_count(),
        round.pool()
    )
}

/// The right end: the round's tally and the grid's stage, in `width` columns. A message
/// showing leaves `free` columns: the tally shortens, then goes, then the stage, so the
/// message reads whole.
fn position(app: &App, line: usize, free: usize) -> String {
    // With no message the round's tally takes at most half the line.
    let full = with_stage(app, round_status(app, (line / 2).min(free)));
    let short = with_stage(app, round_status(app, 0));
    [full, short, with_stage(app, String::new())]
        .into_iter()
        .find(|candidate| width(candidate) <= free)
        .unwrap_or_default()
}

/// `round` then, where the grid shows, the stage ("stage 2/7 ").
fn with_stage(app: &App, round: String) -> String {
    // The grid's stage means something only where the grid shows.
    match &app.screen {
        Screen::Map {
            doc,
            view: View::Grid | View::Compare(_),
        } if !doc.map.stages.is_empty() => {
            format!("{round}stage {}/{} ", app.cursor.stage + 1, doc.map.stages.len())
        }
        _ if round.is_empty() => round,
        _ => format!("{} ", round.trim_end_matches(" · ")),
    }
}
