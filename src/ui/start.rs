//! The start screen: new map, the bundled examples, the user's maps (newest first); and
//! the template list while making a new map.

use std::path::Path;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph};

use super::Hits;
use super::theme::Theme;
use crate::app::App;
use crate::app::action::Action;
use crate::app::keymap::Mode;
use crate::app::pointer::Spot;
use crate::app::start::{StartEntry, StartScreen};
use crate::assets::{EXAMPLES, TEMPLATES};
use crate::text::display::{clean_line, fit, truncate, width as text_width};

/// Draws the start screen into `area`.
pub fn render(app: &App, start: &StartScreen, area: Rect, frame: &mut Frame, hits: &mut Hits) {
    let theme = Theme::of(app.look);
    let [list_area, footer] = Layout::vertical([Constraint::Min(3), Constraint::Length(2)]).areas(area);
    // Each template takes two lines, each entry one.
    let (first, lines_each, count) = if start.template.is_some() {
        (render_templates(app, start, list_area, frame), 2, TEMPLATES.len())
    } else {
        (render_entries(app, start, list_area, frame), 1, start.len())
    };
    let inner = list_area.inner(Margin::new(1, 1));
    for (k, y) in (inner.y..inner.bottom()).enumerate() {
        let row = first + k / lines_each;
        if row < count {
            hits.add(Rect::new(inner.x, y, inner.width, 1), Spot::Row(row));
        }
    }
    let room = usize::from(footer.width);
    let kept = match (&start.folder, &start.problem) {
        (_, Some(problem)) => Line::styled(truncate(&clean_line(problem), room).into_owned(), theme.warning),
        (Some(folder), None) => folder_line(theme, " Your maps are kept in ", folder, "", room),
        (None, None) => Line::raw(""),
    };
    let here = (start.folder.as_ref() != Some(&start.new_maps_in)
        && !start.new_maps_in.as_os_str().is_empty())
    .then(|| {
        let why = " (where cxmap started; ./ in the list)";
        folder_line(theme, " New maps go to ", &start.new_maps_in, why, room)
    });
    frame.render_widget(
        Paragraph::new(here.into_iter().chain([kept]).collect::<Vec<_>>()),
        footer,
    );
}

/// "{lead}{folder}{aside}" within `room` columns: the aside goes first when it does not fit,
/// then the folder ends in "…".
fn folder_line(
    theme: &Theme,
    lead: &'static str,
    folder: &Path,
    aside: &'static str,
    room: usize,
) -> Line<'static> {
    let folder = clean_line(&folder.display().to_string()).into_owned();
    let aside = if text_width(lead) + text_width(&folder) + text_width(aside) <= room {
        aside
    } else {
        ""
    };
    Line::from(vec![
        Span::styled(lead, theme.dim),
        Span::raw(truncate(&folder, room.saturating_sub(text_width(lead))).into_owned()),
        Span::styled(aside, theme.dim),
    ])
}

/// Draws the list of maps, examples and new map; returns the first entry shown.
fn render_entries(app: &App, start: &StartScreen, area: Rect, frame: &mut Frame) -> usize {
    let theme = Theme::of(app.look);
    let width = usize::from(area.width.saturating_sub(4));
    let items: Vec<ListItem> = start
        .entries()
        .map(|entry| match entry {
            StartEntry::NewMap => ListItem::new(Line::styled("+ New map from a template…", theme.accent)),
            StartEntry::Example(i) => {
                let example = &EXAMPLES[i];
                ListItem::new(Line::from(vec![
                    Span::styled("◇ Example: ", theme.dim),
                    Span::raw(truncate(example.summary, width.saturating_sub(11)).into_owned()),
                ]))
            }
            StartEntry::Map(i) => map_line(app, start, i, width),
            StartEntry::Recovered(i) => recovered_line(app, start, i, width),
        })
        .collect();
    let title = if start.maps.is_empty() {
        " Start: no maps of yours yet, begin with a template or an example "
    } else {
        " Start: open a map "
    };
    let block = Block::bordered()
        .border_style(theme.rule)
        .title(Span::styled(title, theme.header));
    let mut state = ListState::default().with_selected(Some(start.selected));
    frame.render_stateful_widget(
        List::new(items).block(block).highlight_style(theme.selected),
        area,
        &mut state,
    );
    state.offset()
}

fn map_line(app: &App, start: &StartScreen, index: usize, width: usize) -> ListItem<'static> {
    let theme = Theme::of(app.look);
    let Some(map) = start.maps.get(index) else {
        return ListItem::new("");
    };
    let file = map
        .path
        .file_name()
        .map(|n| clean_line(&n.to_string_lossy()).into_owned())
        .unwrap_or_default();
    // A map in the folder cxmap started in, beside those in the data folder.
    let here = start.folder.as_deref() != Some(start.new_maps_in.as_path())
        && map.path.parent() == Some(start.new_maps_in.as_path());
    let file = if here { format!("./{file}") } else { file };
    let date = map
        .modified
        .and_then(|t| jiff::Timestamp::try_from(t).ok())
        .map(|t| {
            t.to_zoned(app.time_zone.clone())
                .strftime("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_default();
    match &map.content {
        Ok((title, stages)) => {
            let title = if title.is_empty() {
                "(untitled)".into()
            } else {
                clean_line(title)
            };
            // Columns line up from row to row: title, stage count, date, file name.
            let file_room = (width / 4).clamp(12, 32);
            let stages = format!("{stages:>3} stage{}", if *stages == 1 { " " } else { "s" });
            let meta = format!("{stages}  {date:<16}  {}", fit(&file, file_room));
            let room = width.saturating_sub(text_width(&meta) + 4);
            let marker = if start.recoverable.get(index).copied().unwrap_or(false) {
                Span::styled("⟲ ", theme.warning)
            } else {
                Span::raw("  ")
            };
            ListItem::new(Line::from(vec![
                marker,
                Span::raw(format!("{}  ", fit(&title, room))),
                Span::styled(meta, theme.dim),
            ]))
        }
        Err(problem) => ListItem::new(Line::from(vec![
            Span::styled(format!("  ✗ {file}: "), theme.error),
            Span::styled(
                truncate(&clean_line(problem), width.saturating_sub(file.len() + 6)).into_owned(),
                theme.dim,
            ),
        ])),
    }
}

fn recovered_line(app: &App, start: &StartScreen, index: usize, width: usize) -> ListItem<'static> {
    let theme = Theme::of(app.look);
    let Some(entry) = start.recoveries.get(index) else {
        return ListItem::new("");
    };
    let when = entry
        .written
        .parse::<jiff::Timestamp>()
        .map(|t| {
            t.to_zoned(app.time_zone.clone())
                .strftime("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_default();
    let path = clean_line(&entry.map_path.display().to_string()).into_owned();
    ListItem::new(Line::from(vec![
        Span::styled("⟲ Unsaved work: ", theme.warning),
        Span::raw(truncate(&path, width.saturating_sub(36)).into_owned()),
        Span::styled(format!("  {when}"), theme.dim),
    ]))
}

/// Draws the templates to choose from; returns the first one shown.
fn render_templates(app: &App, start: &StartScreen, area: Rect, frame: &mut Frame) -> usize {
    let theme = Theme::of(app.look);
    let width = usize::from(area.width.saturating_sub(4));
    let items: Vec<ListItem> = TEMPLATES
        .iter()
        .map(|template| {
            let stages = template
                .map()
                .map(|m| {
                    m.stages
                        .iter()
                        .map(|s| s.name.clone())
                        .collect::<Vec<_>>()
                        .join(" → ")
                })
                .unwrap_or_default();
            ListItem::new(vec![
                Line::from(vec![
                    Span::styled(format!("{:<9}", template.name), theme.accent),
                    Span::raw(truncate(template.summary, width.saturating_sub(9)).into_owned()),
                ]),
                Line::styled(
                    format!("         {}", truncate(&stages, width.saturating_sub(9))),
                    theme.dim,
                ),
            ])
        })
        .collect();
    let keys = &app.keymap;
    let title = format!(
        " New map: choose a template ({}), {} goes back ",
        keys.key(Mode::Start, &Action::Open),
        keys.key(Mode::Start, &Action::Back)
    );
    let block = Block::bordered()
        .border_style(theme.accent)
        .title(Span::styled(title, theme.accent));
    let mut state = ListState::default().with_selected(start.template);
    frame.render_stateful_widget(
        List::new(items).block(block).highlight_style(theme.selected),
        area,
        &mut state,
    );
    state.offset()
}
