//! How compact the printed memo may get, level by level: from photos side by side to
//! every point on one line, and the words that say how compact a plan had to be.

use crate::model::Severity;

/// How much of each point a level shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Level {
    /// Picture size, in points.
    pub thumb: (f32, f32),
    /// Pictures shown per point, and how many side by side.
    pub pictures: usize,
    pub columns: usize,
    /// Points of this severity or less are one paragraph each (text and facts): no
    /// pictures, quotes or file links.
    pub one_line_up_to: Option<Severity>,
    /// Points of this severity or less are cut at a word to one printed line ("…"); the
    /// Markdown and text memos keep every word.
    pub cut_up_to: Option<Severity>,
    /// Whether notes that add to a point are quoted.
    pub quotes: bool,
}

const SMALL: (f32, f32) = (36.0, 27.0);

/// From the fullest to the most compact: smaller and fewer pictures, then no quoted
/// notes, then minor points in one paragraph, then cut to one line, then major ones the
/// same, and last the pictures go.
pub(super) const LEVELS: [Level; 10] = [
    level((72.0, 54.0), 2, 1, None, None, true),
    level((52.0, 39.0), 4, 2, None, None, true),
    level((44.0, 33.0), 2, 2, None, None, true),
    level(SMALL, 2, 2, None, None, true),
    level(SMALL, 1, 2, None, None, false),
    level(SMALL, 1, 2, Some(Severity::Minor), None, false),
    level(SMALL, 1, 2, Some(Severity::Minor), Some(Severity::Minor), false),
    level(SMALL, 1, 2, Some(Severity::Major), Some(Severity::Minor), false),
    level(SMALL, 1, 2, Some(Severity::Major), Some(Severity::Major), false),
    level(SMALL, 0, 2, Some(Severity::Severe), Some(Severity::Major), false),
];

/// What each level finishes "fits one A4 page…" with.
pub(super) const LEVEL_WORDS: [&str; 10] = [
    "",
    "",
    ", with smaller pictures",
    ", with small pictures",
    ", with small pictures and no quoted notes",
    ", with minor points without pictures",
    ", with minor points cut to one line",
    ", with minor points cut to one line, major ones without pictures",
    ", with minor and major points cut to one line",
    ", without pictures, minor and major points cut to one line",
];

const fn level(
    thumb: (f32, f32),
    pictures: usize,
    columns: usize,
    one_line_up_to: Option<Severity>,
    cut_up_to: Option<Severity>,
    quotes: bool,
) -> Level {
    Level {
        thumb,
        pictures,
        columns,
        one_line_up_to,
        cut_up_to,
        quotes,
    }
}
