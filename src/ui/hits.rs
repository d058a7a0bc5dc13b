//! Where a frame drew what a click can pick: each part of the screen records its spots as
//! it draws them, so the mouse is tested against exactly what showed, with no layout
//! worked out twice.

use ratatui::layout::{Position, Rect};

use crate::app::pointer::Spot;

/// The spots of one frame, in the order they were drawn.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hits {
    spots: Vec<(Rect, Spot)>,
}

impl Hits {
    /// Records that `area` shows `spot` (an empty area records nothing).
    pub fn add(&mut self, area: Rect, spot: Spot) {
        if !area.is_empty() {
            self.spots.push((area, spot));
        }
    }

    /// What is at `column`, `row`: the spot drawn last there, so an item wins over the
    /// cell or pane it is drawn in.
    pub fn at(&self, column: u16, row: u16) -> Option<Spot> {
        let position = Position::new(column, row);
        self.spots
            .iter()
            .rev()
            .find(|(area, _)| area.contains(position))
            .map(|&(_, spot)| spot)
    }

    /// Every spot recorded, with where (for tests that click what they see).
    pub fn all(&self) -> &[(Rect, Spot)] {
        &self.spots
    }
}
