//! The grid selection: a stage, a lane and, in list lanes, an item; plus the first stage
//! column on screen, so sideways scrolling stays put while moving within the view.

use crate::model::{JourneyMap, Lane, ListLane, Stage};

/// Where the selection is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    pub stage: usize,
    pub lane: Lane,
    /// The selected item in a list lane; 0 in an empty list or a text lane.
    pub item: usize,
    /// The leftmost stage column on screen.
    pub first_stage: usize,
}

impl Default for Cursor {
    fn default() -> Self {
        Self {
            stage: 0,
            lane: Lane::Goal,
            item: 0,
            first_stage: 0,
        }
    }
}

/// How many items a stage's list lane holds.
pub fn list_len(stage: &Stage, lane: ListLane) -> usize {
    match lane {
        ListLane::Touchpoints => stage.touchpoints.len(),
        ListLane::Friction => stage.frictions.len(),
        ListLane::Opportunity => stage.opportunities.len(),
    }
}

impl Cursor {
    /// Items in the selected cell (0 for text lanes and empty lists).
    pub fn cell_len(&self, map: &JourneyMap) -> usize {
        match (map.stages.get(self.stage), self.lane.list()) {
            (Some(stage), Some(list)) => list_len(stage, list),
            _ => 0,
        }
    }

    /// Brings the selection back inside the map after stages or items went away.
    pub fn clamp(&mut self, map: &JourneyMap) {
        self.stage = self.stage.min(map.stages.len().saturating_sub(1));
        self.item = self.item.min(self.cell_len(map).saturating_sub(1));
        self.first_stage = self.first_stage.min(self.stage);
    }

    /// Scrolls sideways just enough that the selected stage is among the `columns` shown.
    pub fn scroll_into_view(&mut self, columns: usize, stage_count: usize) {
        let columns = columns.max(1);
        if self.stage < self.first_stage {
            self.first_stage = self.stage;
        } else if self.stage >= self.first_stage + columns {
            self.first_stage = self.stage + 1 - columns;
        }
        let last_start = stage_count.saturating_sub(columns);
        self.first_stage = self.first_stage.min(last_start);
    }
}
