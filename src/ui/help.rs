//! The help overlay, built from the live keymap so it always matches the real keys; and
//! notices, which share its scrolling box.

use std::cell::RefCell;
use std::rc::Rc;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::cell::wrapped;
use super::theme::Theme;
use crate::app::App;
use crate::app::action::Action;
use crate::app::keymap::{Keymap, Mode};
use crate::app::look::Look;
use crate::app::modal::Modal;
use crate::text::display::{clean_line, width as text_width};

/// Widest the key column of the help gets; longer key lists wrap within it.
const KEY_COLUMN: usize = 22;

fn entry(theme: &Theme, keys: &str, description: &str, width: usize) -> Vec<Line<'static>> {
    let text_width = width.saturating_sub(KEY_COLUMN + 2).max(10);
    let key_lines = wrapped(keys, KEY_COLUMN, 4);
    let text_lines = wrapped(description, text_width, 6);
    (0..key_lines.len().max(text_lines.len()))
        .map(|i| {
            let key = key_lines.get(i).map_or("", String::as_str);
            let text = text_lines.get(i).map_or("", String::as_str);
            Line::from(vec![
                Span::styled(format!("  {key:<KEY_COLUMN$}"), theme.key),
                Span::raw(text.to_owned()),
            ])
        })
        .collect()
}

/// What a facilitator needs first, in the keys the keymap has now.
fn workshop(keymap: &Keymap) -> String {
    let grid = |action: Action| keymap.key(Mode::Grid, &action);
    let council = |action: Action| keymap.key(Mode::Council, &action);
    format!(
        "In a workshop: on the friction lane, {add} and type what the room says, ending with \
         tags (!3 #store @Ana: severity, channel, owner); {keep} keeps it and waits for the \
         next, an empty {keep} stops. On an opportunity, {link} links the points it addresses \
         (type a word to find one); on a point, {link} writes an opportunity for it. {note} writes a shadow note (#channel sets its channel). \
         {round} starts a voting round: {vote} casts for the person shown, {next} shows the \
         next person, {round} again ends it and {undo} undoes the last vote. {show_council} \
         shows the council, where {owner} sets an owner and {status} a status; {present} \
         presents one stage or lane on the projector.",
        add = grid(Action::AddItem),
        keep = keymap.key(Mode::Edit, &Action::Commit),
        link = grid(Action::LinkFrictions),
        note = grid(Action::AddNote),
        round = grid(Action::VotingRound),
        vote = grid(Action::Vote),
        next = grid(Action::NextParticipant),
        undo = grid(Action::Undo),
        show_council = grid(Action::ShowCouncil),
        owner = council(Action::SetOwner),
        status = council(Action::CycleStatus),
        present = grid(Action::Present),
    )
}

/// Every binding, grouped by mode, as the help overlay's lines for a box `width` wide;
/// the keys of `first` (where the help was asked from) come first.
pub fn help_lines(theme: &Theme, keymap: &Keymap, width: usize, first: Mode) -> Vec<Line<'static>> {
    let key = |action: Action| keymap.key(Mode::Grid, &action);
    let intro = format!(
        "A journey map is stages (columns) by lanes (rows). Move with the arrows, {} edits, \
         {} adds, {} undoes, {} saves. Every key:",
        key(Action::EditCell),
        key(Action::AddItem),
        key(Action::Undo),
        key(Action::Save)
    );
    let mut lines: Vec<Line<'static>> = wrapped(&intro, width, 4).into_iter().map(Line::raw).collect();
    lines.push(Line::raw(""));
    lines.extend(wrapped(&workshop(keymap), width, 12).into_iter().map(Line::raw));
    let modes = std::iter::once(first).chain(Mode::ALL.into_iter().filter(|&mode| mode != first));
    for mode in modes {
        lines.push(Line::raw(""));
        lines.push(Line::styled(mode.title().to_owned(), theme.accent));
        for (keys, action) in keymap.groups(mode) {
            let keys: Vec<String> = keys.iter().map(|k| k.label()).collect();
            lines.extend(entry(theme, &keys.join("  "), &keymap.describe(action), width));
        }
        if mode == Mode::Edit {
            lines.extend(entry(
                theme,
                "any other key",
                "types itself; pasted text goes in at the cursor",
                width,
            ));
            lines.extend(entry(
                theme,
                "!1 !2 !3 #channel @owner",
                "tags ending a friction point (or #channel a shadow note) set its severity, \
                 channel and owner, e.g. \"Queue at the till !3 #store @Ana\"; #email finds \
                 E-mail (case, spaces and hyphens aside) and #phone a call channel, a new \
                 channel joins the map's list, \
                 _ stands for a space, a backslash keeps a trailing tag as text (\\#1)",
                width,
            ));
        }
        if mode == Mode::Form {
            lines.extend(entry(
                theme,
                "← →  a letter",
                "on a choice: the option before or after; a letter or digit jumps to the next \
                 option starting with it (a stage by its number or its name)",
                width,
            ));
        }
        if mode == Mode::Grid {
            lines.extend(entry(
                theme,
                "paste",
                "on touchpoints, friction or opportunity: one item per line (a friction \
                 point's tags read as typed); in the editor of a, several lines do the same",
                width,
            ));
            lines.extend(entry(
                theme,
                "click  double-click  wheel",
                "the mouse, in every view: a click selects the cell, item, row or note it is on; \
                 a double click then does what Enter does there (on a stage's name: renames it); \
                 the wheel moves through the grid, lists and panes under the pointer (with Shift, \
                 or sideways: across the stages). \"mouse\": false in settings.json leaves the \
                 mouse to the terminal",
                width,
            ));
        }
    }
    lines
}

/// The help's lines as last built, with what they were built from.
struct Built {
    look: Look,
    keymap: Keymap,
    width: usize,
    first: Mode,
    lines: Rc<[Line<'static>]>,
}

thread_local! {
    /// The help last shown: it stays the same while it scrolls, so each frame and the
    /// loop's scroll clamp reuse it instead of wrapping every key's description again.
    static BUILT: RefCell<Option<Built>> = const { RefCell::new(None) };
}

/// [`help_lines`] for `app`'s look and keymap, built again only when they, `width` or
/// `first` differ from the last call's.
fn help_for(app: &App, width: usize, first: Mode) -> Rc<[Line<'static>]> {
    BUILT.with_borrow_mut(|built| {
        if let Some(built) = built.as_ref().filter(|built| {
            built.look == app.look
                && built.width == width
                && built.first == first
                && built.keymap == app.keymap
        }) {
            return Rc::clone(&built.lines);
        }
        let lines: Rc<[Line<'static>]> = help_lines(Theme::of(app.look), &app.keymap, width, first).into();
        *built = Some(Built {
            look: app.look,
            keymap: app.keymap.clone(),
            width,
            first,
            lines: Rc::clone(&lines),
        });
        lines
    })
}

/// A centred box `percent`% of the screen, at least as big as fits.
pub fn centred(area: Rect, width_percent: u16, height_percent: u16) -> Rect {
    let share = |length: u16, percent: u16| {
        u16::try_from(u32::from(length) * u32::from(percent) / 100).unwrap_or(length)
    };
    let width = share(area.width, width_percent)
        .max(area.width.min(100).saturating_sub(4))
        .min(100);
    let height = share(area.height, height_percent).max(area.height.min(10));
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// A pop-up box `width` × `height` in the middle of `screen`, with equal margins left and
/// right (one column wider when the difference is odd).
pub fn popup(screen: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(screen.width);
    let width = if (screen.width - width) % 2 == 1 {
        width + 1
    } else {
        width
    };
    let height = height.min(screen.height);
    Rect {
        x: screen.x + (screen.width - width) / 2,
        y: screen.y + (screen.height - height) / 2,
        width,
        height,
    }
}

/// Blanks `area` and a two-column margin either side of it, so no stray letter of the
/// screen below sits against the box's border.
pub fn clear_popup(area: Rect, frame: &mut Frame) {
    let screen = frame.area();
    let x = area.x.saturating_sub(2).max(screen.x);
    let right = (area.right() + 2).min(screen.right());
    frame.render_widget(Clear, Rect::new(x, area.y, right - x, area.height));
}

/// The keys that scroll and close the help and notices, as their box's bottom line says.
fn box_keys(keymap: &Keymap) -> String {
    let key = |action: Action| keymap.key(Mode::Help, &action);
    format!(
        " {}{} {} {} scroll · {} closes ",
        key(Action::SelectPrevious),
        key(Action::SelectNext),
        key(Action::PageUp),
        key(Action::PageDown),
        key(Action::Back)
    )
}

/// Draws `lines` in a scrolling box titled `title`.
fn render_box(app: &App, title: &str, lines: &[Line<'static>], scroll: usize, frame: &mut Frame) {
    let theme = Theme::of(app.look);
    let area = box_area(frame.area());
    let block = Block::bordered()
        .border_style(theme.accent)
        .title(Span::styled(format!(" {title} "), theme.accent))
        .title_bottom(Span::styled(box_keys(&app.keymap), theme.dim));
    let inner = block.inner(area);
    let max_scroll = lines.len().saturating_sub(usize::from(inner.height));
    let scroll = scroll.min(max_scroll);
    let visible: Vec<Line> = lines
        .iter()
        .skip(scroll)
        .take(usize::from(inner.height))
        .cloned()
        .collect();
    clear_popup(area, frame);
    frame.render_widget(Paragraph::new(visible).block(block), area);
}

/// How far the help or notice over a screen of `area` can scroll (its lines less the
/// box's height), so the loop can keep the scroll within it; `None` when neither shows.
pub fn overlay_max_scroll(app: &App, area: Rect) -> Option<usize> {
    let area = box_area(area);
    let width = usize::from(area.width.saturating_sub(2));
    let lines = match &app.modal {
        Modal::Help { from, .. } => help_for(app, width, *from).len(),
        Modal::Notice { lines, .. } => lines.iter().map(|l| notice_line(l, width).len()).sum(),
        _ => return None,
    };
    Some(lines.saturating_sub(usize::from(area.height.saturating_sub(2))))
}

/// Where the help and notices are drawn on a screen of `area`.
fn box_area(area: Rect) -> Rect {
    centred(area, 80, 80)
}

/// The help overlay.
pub fn render_help(app: &App, scroll: usize, from: Mode, frame: &mut Frame) {
    let width = usize::from(box_area(frame.area()).width.saturating_sub(2));
    render_box(app, "Keys", &help_for(app, width, from), scroll, frame);
}

/// A notice: a problem that takes more than one line to explain.
pub fn render_notice(app: &App, title: &str, lines: &[String], scroll: usize, frame: &mut Frame) {
    let width = usize::from(box_area(frame.area()).width.saturating_sub(2));
    let lines: Vec<Line<'static>> = lines
        .iter()
        .flat_map(|l| notice_line(l, width))
        .map(Line::raw)
        .collect();
    render_box(app, &clean_line(title), &lines, scroll, frame);
}

/// A notice's line wrapped to `width`. A tab marks where its text starts after a label
/// ("   1  ●6  \tThe cart is…"): the lines it wraps onto start there too, under the text.
fn notice_line(line: &str, width: usize) -> Vec<String> {
    let Some((label, text)) = line.split_once('\t') else {
        return wrapped(&clean_line(line), width, 8);
    };
    let label = clean_line(label);
    let hang = text_width(&label);
    if hang * 2 > width {
        return wrapped(&format!("{label}{}", clean_line(text)), width, 8);
    }
    wrapped(&clean_line(text), width - hang, 8)
        .into_iter()
        .enumerate()
        .map(|(i, part)| {
            if i == 0 {
                format!("{label}{part}")
            } else {
                format!("{}{part}", " ".repeat(hang))
            }
        })
        .collect()
}
