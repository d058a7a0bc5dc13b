//! Present mode for the projector: one stage with every lane, or one lane across every
//! stage, in full text. The page is laid out here as lines that know what they show, so
//! the update scrolls to the selection with the same arithmetic the view draws with.

mod page;

pub use page::{Look, Page, PageLine, Span, page};

use super::cursor::Cursor;
use crate::model::Lane;

/// What present mode shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Showing {
    /// The selected stage, every lane.
    Stage,
    /// The selected lane, across every stage.
    Lane,
}

/// Present mode's own state. The stage or lane it shows is the grid's selection, so every
/// key that acts on the selection (a vote, a severity, quick capture) acts on what the
/// room sees, and leaving lands the grid on it.
#[derive(Debug, Clone, PartialEq)]
pub struct Presenting {
    pub showing: Showing,
    /// Page lines scrolled off the top.
    pub scroll: usize,
    /// The selection the scroll last brought into view: a selection moved by anything (a
    /// key, an edit, undo) is brought into view once, and scrolling away from it stays.
    pub followed: Option<Target>,
}

impl Presenting {
    /// Present mode showing `showing`, from the top.
    pub fn new(showing: Showing) -> Self {
        Self {
            showing,
            scroll: 0,
            followed: None,
        }
    }
}

/// Something on the page the selection can rest on: a stage's goal, its touchpoints (as
/// one line), its emotion, one friction point or one opportunity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    pub stage: usize,
    pub lane: Lane,
    /// The item, for friction points and opportunities; 0 otherwise.
    pub item: usize,
}

impl Target {
    /// Whether the grid's selection is on this target (any touchpoint selects the line
    /// that shows them all).
    pub fn holds(&self, cursor: &Cursor) -> bool {
        self.stage == cursor.stage
            && self.lane == cursor.lane
            && (self.item == cursor.item
                || matches!(self.lane, Lane::Touchpoints | Lane::Goal | Lane::Emotion))
    }
}

/// Which lines of a page show, given the rows there are and the lines scrolled off the
/// top. A line saying how many more there are takes the first row when some are above,
/// and the last when some are below.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// The first line shown.
    pub first: usize,
    /// How many lines show.
    pub shown: usize,
    /// Lines above the first shown (its marker row shows when > 0).
    pub above: usize,
    /// Lines below the last shown (its marker row shows when > 0).
    pub below: usize,
}

impl Window {
    /// The window over `len` lines in `rows` rows, scrolled by `scroll`. A page that fits
    /// never scrolls; one that does not may scroll until its last line is the first shown
    /// (a page turned to its last part starts that part at the top, rows left blank below).
    pub fn new(len: usize, rows: usize, scroll: usize) -> Self {
        let first = if len <= rows { 0 } else { scroll.min(len - 1) };
        let mut shown = rows.saturating_sub(usize::from(first > 0));
        if first + shown < len {
            shown = shown.saturating_sub(1);
        }
        let shown = shown.min(len - first);
        Self {
            first,
            shown,
            above: first,
            below: len - first - shown,
        }
    }

    /// The lines shown, as indexes into the page.
    pub fn lines(&self) -> std::ops::Range<usize> {
        self.first..self.first + self.shown
    }
}

/// The scroll that shows a page of `len` lines in `rows` rows down to its last line on the
/// last row, under the marker of the lines above: the most the wheel and following the
/// selection scroll.
pub fn max_scroll(len: usize, rows: usize) -> usize {
    if len <= rows { 0 } else { len + 1 - rows.max(2) }
}

/// The scroll that shows `lines` (or as much of them as fits, from their start), moving
/// as little as possible from `scroll`.
pub fn scroll_to(lines: std::ops::Range<usize>, len: usize, rows: usize, scroll: usize) -> usize {
    let mut scroll = scroll.min(max_scroll(len, rows));
    if lines.start < scroll || Window::new(len, rows, scroll).shown == 0 {
        return lines.start.min(max_scroll(len, rows));
    }
    while scroll < lines.start {
        let window = Window::new(len, rows, scroll);
        if lines.end <= window.first + window.shown {
            break;
        }
        scroll += 1;
    }
    scroll
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_that_fits_shows_whole_without_markers() {
        let window = Window::new(5, 10, 3);
        assert_eq!(
            (window.first, window.shown, window.above, window.below),
            (0, 5, 0, 0)
        );
    }

    #[test]
    fn markers_take_rows_only_when_lines_are_hidden() {
        let top = Window::new(30, 10, 0);
        assert_eq!((top.first, top.shown, top.below), (0, 9, 21));
        let middle = Window::new(30, 10, 5);
        assert_eq!(
            (middle.first, middle.shown, middle.above, middle.below),
            (5, 8, 5, 17)
        );
        let end = Window::new(30, 10, 21);
        assert_eq!((end.first, end.shown, end.above, end.below), (21, 9, 21, 0));
        assert_eq!(max_scroll(30, 10), 21);
        let turned = Window::new(30, 10, 25);
        assert_eq!((turned.first, turned.shown, turned.below), (25, 5, 0));
        assert_eq!(Window::new(30, 10, 100).first, 29);
    }

    #[test]
    fn scrolling_to_lines_moves_as_little_as_it_can() {
        // Lines 12..14 below a window of 9 from the top: scroll until they are the last shown.
        let scroll = scroll_to(12..14, 30, 10, 0);
        let window = Window::new(30, 10, scroll);
        assert!(window.lines().contains(&12) && window.lines().contains(&13));
        assert_eq!(window.first + window.shown, 14);
        // Lines above the window: they become the first shown.
        assert_eq!(scroll_to(2..4, 30, 10, 10), 2);
        // Lines already shown: nothing moves.
        assert_eq!(scroll_to(6..8, 30, 10, 5), 5);
        // Taller than the window: their start shows.
        assert_eq!(Window::new(30, 10, scroll_to(3..20, 30, 10, 0)).first, 3);
    }
}
