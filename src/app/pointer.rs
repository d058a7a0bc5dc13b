//! The mouse as the update sees it: what the pointer was over (the view records where it
//! drew each thing as it draws it, so a click is tested against exactly what showed) and
//! which way the wheel turned.

use super::present::Target;
use crate::model::{Cell, Lane};

/// Something on screen a click picks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spot {
    /// A grid cell: the item under the pointer in a list cell, none in a text cell or
    /// below a list's items.
    Cell {
        stage: usize,
        lane: Lane,
        item: Option<usize>,
    },
    /// A stage's name at the top of the grid.
    Stage(usize),
    /// Entry `n` of the list the view shows: the board's or the council's points, the
    /// start screen's entries or templates, the channels, the merge conflicts, the
    /// friction points of the link picker.
    Row(usize),
    /// Entry `n` of the notes pane's rows.
    Note(usize),
    /// A stage × channel cell of the coverage view.
    Coverage(Cell),
    /// What a line of present mode's page shows.
    Page(Target),
    /// Where the grid, the notes pane or a list is drawn but nothing in it was hit: the
    /// wheel turns there all the same.
    Area(Area),
}

/// A part of the screen the wheel scrolls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    Grid,
    Notes,
}

/// Which way the wheel turned (a sideways wheel, or Shift with the wheel, turns left and
/// right).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wheel {
    Up,
    Down,
    Left,
    Right,
}
