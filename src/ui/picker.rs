//! What the two link pickers draw alike: the box over the middle of the screen, the
//! filter line at its foot (what was typed, the match count, the keys) and where each
//! listed row lies, for the mouse.

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Block, List, ListItem, ListState};

use super::Hits;
use super::help::centred;
use super::theme::Theme;
use crate::app::App;
use crate::app::action::Action;
use crate::app::keymap::Mode;
use crate::app::pointer::Spot;
use crate::app::typed_filter::TypedFilter;
use crate::text::display::{clean_line, truncate};

/// Where a picker's box goes on `screen` and which of its matching rows fit.
pub(super) struct Window {
    pub area: Rect,
    /// The first of the filter's matches listed (the selection stays in view).
    pub first: usize,
    /// How many rows fit: only those are built, as a programme map has thousands.
    pub rows: usize,
}

impl Window {
    pub fn over(screen: Rect, filter: &TypedFilter) -> Self {
        let area = centred(screen, 80, 70);
        let rows = usize::from(area.height.saturating_sub(2)).max(1);
        Self {
            area,
            first: filter.selected.saturating_sub(rows - 1),
            rows,
        }
    }

    /// The width a listed row may take inside the box.
    pub fn inner_width(&self) -> usize {
        usize::from(self.area.width.saturating_sub(2))
    }
}

/// What one picker lists in its window.
pub(super) struct Listing<'a> {
    pub title: String,
    pub items: Vec<ListItem<'a>>,
    /// The position among the filter's matches of each item, for the mouse.
    pub listed: Vec<usize>,
    /// How many rows the picker has before filtering.
    pub total: usize,
    /// What Enter does when something was typed (the filter line says it).
    pub enter_after_typing: &'a str,
}

/// Draws the box in `window` with `listing` and records each listed row for the mouse.
pub(super) fn draw(
    app: &App,
    filter: &TypedFilter,
    window: &Window,
    listing: Listing,
    frame: &mut Frame,
    hits: &mut Hits,
) {
    let theme = Theme::of(app.look);
    let key = |action: Action| app.keymap.key(Mode::Link, &action);
    let foot = if filter.query.is_empty() {
        format!(
            " type to filter · {} tick · {} keep ",
            key(Action::ToggleLink),
            key(Action::Commit)
        )
    } else {
        format!(
            " {}▏ · {} of {} · {} tick · {} {} ",
            clean_line(&filter.query),
            filter.shown.len(),
            listing.total,
            key(Action::ToggleLink),
            key(Action::Commit),
            listing.enter_after_typing
        )
    };
    let area = window.area;
    let title = truncate(&listing.title, usize::from(area.width.saturating_sub(4))).into_owned();
    let list = List::new(listing.items)
        .block(
            Block::bordered()
                .border_style(theme.accent)
                .title(Span::styled(title, theme.header))
                .title_bottom(Span::styled(foot, theme.dim)),
        )
        .highlight_style(theme.selected);
    let mut state = ListState::default().with_selected(Some(filter.selected - window.first));
    super::help::clear_popup(area, frame);
    frame.render_stateful_widget(list, area, &mut state);
    let inner = area.inner(Margin::new(1, 1));
    for (y, position) in (inner.y..inner.bottom()).zip(listing.listed) {
        hits.add(Rect::new(inner.x, y, inner.width, 1), Spot::Row(position));
    }
}
