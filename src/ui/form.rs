//! A form drawn as a box over the screen: one row (or a few, for long text) per field,
//! the focused field marked, the reason a form was not kept in red at the bottom.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::cell::wrapped;
use super::theme::Theme;
use crate::app::App;
use crate::app::action::Action;
use crate::app::form::{Field, FieldValue, Form};
use crate::app::forms::FormPurpose;
use crate::app::geometry::FORM_LABEL_WIDTH;
use crate::app::keymap::{Keymap, Mode};
use crate::text::display::{clean, clean_line, join_fitting, truncate, width as width_of};

/// Lines a multi-line text field shows: more while it has the focus.
fn rows(field: &Field, focused: bool, width: usize) -> usize {
    match &field.value {
        FieldValue::Text(input) if input.multiline() => {
            let needed = wrapped(&clean(input.text()), width, 8).len();
            if focused {
                needed.clamp(2, 5)
            } else {
                needed.clamp(1, 2)
            }
        }
        _ => 1,
    }
}

/// Draws `form` (kept for `purpose`) in the middle of the screen.
pub fn render(app: &App, form: &Form, purpose: FormPurpose, frame: &mut Frame) {
    let theme = Theme::of(app.look);
    let screen = frame.area();
    let text_width = app.geometry.form_text_width();
    let heights: Vec<usize> = form
        .fields
        .iter()
        .enumerate()
        .map(|(i, field)| rows(field, i == form.focus, text_width))
        .collect();
    let inner_height = heights.iter().sum::<usize>() + 1;
    let area = super::help::popup(screen, app.geometry.form_width(), inner_height as u16 + 2);
    let block = Block::bordered()
        .border_style(theme.accent)
        .title(Span::styled(
            // A long title ends in "…" rather than stopping mid-phrase at the corner.
            format!(
                " {} ",
                truncate(
                    &clean_line(&form.title),
                    usize::from(area.width.saturating_sub(4))
                )
            ),
            theme.accent,
        ))
        .title_bottom(Span::styled(
            hints(
                &app.keymap,
                form,
                purpose,
                usize::from(area.width.saturating_sub(4)),
            ),
            theme.dim,
        ));
    let inner = block.inner(area);
    super::help::clear_popup(area, frame);
    frame.render_widget(block, area);
    let mut y = inner.y;
    for (index, (field, &height)) in form.fields.iter().zip(&heights).enumerate() {
        if y + height as u16 > inner.bottom().saturating_sub(1) {
            break;
        }
        let focused = index == form.focus;
        let label_style = if focused {
            theme.selected_header
        } else {
            theme.header
        };
        let label = format!("{:<w$}", field.label, w = usize::from(FORM_LABEL_WIDTH));
        frame.render_widget(
            Paragraph::new(Span::styled(label, label_style)),
            Rect::new(inner.x, y, FORM_LABEL_WIDTH, 1),
        );
        let value_area = Rect::new(
            inner.x + FORM_LABEL_WIDTH + 1,
            y,
            text_width as u16,
            height as u16,
        );
        render_value(theme, field, focused, value_area, frame);
        y += height as u16;
    }
    let completions = form.focused().map(Field::completions).unwrap_or_default();
    let offer = completion_hint(&app.keymap, &completions);
    let bottom = match (&form.error, &form.note, &offer) {
        (Some(error), ..) => Some((error, theme.error)),
        (None, _, Some(offer)) => Some((offer, theme.dim)),
        (None, Some(note), None) => Some((note, theme.warning)),
        (None, None, None) => None,
    };
    if let Some((text, style)) = bottom {
        let line = Line::styled(clean_line(text).into_owned(), style);
        frame.render_widget(
            Paragraph::new(line),
            Rect::new(inner.x, inner.bottom() - 1, inner.width, 1),
        );
    }
}

/// "Tab: E-mail (then Email list)": what Tab completes the focused field to.
fn completion_hint(keymap: &Keymap, completions: &[&str]) -> Option<String> {
    let (first, rest) = completions.split_first()?;
    let tab = keymap.key(Mode::Form, &Action::NextField);
    Some(if rest.is_empty() {
        format!("{tab}: {first}")
    } else {
        format!("{tab}: {first} (then {})", rest.join(", "))
    })
}

/// The keys that apply to this form: what Tab does (completes, or the next field with
/// several fields), the
/// choosing keys only with a choice, linking shadow notes only on a friction point's.
fn hints(keymap: &Keymap, form: &Form, purpose: FormPurpose, room: usize) -> String {
    let key = |action: Action| keymap.key(Mode::Form, &action);
    let mut hints = Vec::new();
    // Tab completes the tag or name the cursor ends; ↓ still moves on.
    match form.focused().and_then(Field::tab_completes) {
        Some(what) => {
            hints.push(format!("{} completes {what}", key(Action::NextField)));
            if form.fields.len() > 1 {
                hints.push(format!("{} next field", key(Action::CursorDown)));
            }
        }
        None if form.fields.len() > 1 => hints.push(format!("{} next field", key(Action::NextField))),
        None => {}
    }
    if form
        .fields
        .iter()
        .any(|f| matches!(f.value, FieldValue::Choice { .. }))
    {
        hints.push(format!(
            "{} {} choose",
            key(Action::CursorLeft),
            key(Action::CursorRight)
        ));
    }
    if matches!(purpose, FormPurpose::Friction { .. }) {
        hints.push(format!("{} notes", key(Action::LinkNote)));
    }
    hints.push(format!("{} keeps", key(Action::Commit)));
    hints.push(format!("{} cancels", key(Action::CancelEdit)));
    if form
        .fields
        .iter()
        .any(|f| !matches!(f.value, FieldValue::Choice { .. }))
    {
        hints.push(format!("{} editor", key(Action::EditInEditor)));
    }
    // A hint is never cut in half.
    format!(" {} ", join_fitting(hints, room))
}

fn render_value(theme: &Theme, field: &Field, focused: bool, area: Rect, frame: &mut Frame) {
    let width = usize::from(area.width);
    match &field.value {
        FieldValue::Choice {
            options, selected, ..
        } => {
            // Options before the selected one give way when they all do not fit; ◀ and ▶
            // say more lie off to the left or right.
            // Widths are measured only for the options near the selected one (a stage
            // list holds thousands).
            let width_at = |i: usize| options.label(i).map_or(0, |o| width_of(&clean_line(&o)) + 3);
            let (mut skip, mut shown) = (*selected, width_at(*selected));
            while skip > 0 && shown + width_at(skip - 1) + 4 <= width {
                skip -= 1;
                shown += width_at(skip);
            }
            let mut spans = Vec::new();
            let mut used = 0;
            if skip > 0 {
                spans.push(Span::styled("◀ ", theme.dim));
                used += 2;
            }
            for i in skip..options.count() {
                let Some(option) = options.label(i) else { break };
                let more = if i + 1 < options.count() { 2 } else { 0 };
                let option_width = width_at(i);
                if i > *selected && used + option_width + more > width {
                    spans.push(Span::styled("▶", theme.dim));
                    break;
                }
                let style = match (i == *selected, focused) {
                    (true, true) => theme.selected_header,
                    (true, false) => theme.selected,
                    (false, _) => theme.dim,
                };
                spans.push(Span::styled(format!(" {} ", clean_line(&option)), style));
                spans.push(Span::raw(" "));
                used += option_width;
            }
            frame.render_widget(Paragraph::new(Line::from(spans)), area);
        }
        FieldValue::Text(input) | FieldValue::Number { input, .. } if focused => {
            let view = input.view(width, usize::from(area.height));
            // A suggestion shows selected: typing replaces it.
            let style = if field.suggestion {
                theme.selected
            } else {
                Style::default()
            };
            let lines: Vec<Line> = view
                .lines
                .into_iter()
                .map(|line| Line::styled(line, style))
                .collect();
            let used = lines.first().map_or(0, Line::width);
            frame.render_widget(Paragraph::new(lines), area);
            draw_hint(theme, field, used, area, frame);
            frame.set_cursor_position(Position {
                x: area.x + view.cursor.0,
                y: area.y + view.cursor.1,
            });
        }
        FieldValue::Text(input) | FieldValue::Number { input, .. } => {
            let lines: Vec<Line> = if input.text().is_empty() {
                vec![Line::styled("—", theme.dim)]
            } else {
                wrapped(&clean(input.text()), width, usize::from(area.height))
                    .into_iter()
                    .map(Line::from)
                    .collect()
            };
            let used = lines.first().map_or(0, Line::width);
            frame.render_widget(Paragraph::new(lines), area);
            draw_hint(theme, field, used, area, frame);
        }
    }
}

/// The field's hint, dim, two columns after the `used` columns of its value's first line,
/// when it fits whole.
fn draw_hint(theme: &Theme, field: &Field, used: usize, area: Rect, frame: &mut Frame) {
    let start = used + 2;
    if field.hint.is_empty() || start + width_of(field.hint) > usize::from(area.width) {
        return;
    }
    let x = area.x + start as u16;
    let spot = Rect::new(x, area.y, area.right().saturating_sub(x), 1);
    frame.render_widget(Paragraph::new(Line::styled(field.hint, theme.dim)), spot);
}
