//! What edits changed, in parts that derived views (the board, the friction queue, the
//! conflicts list) can bring up to date one by one instead of rebuilding from the map.

use super::edit::Edit;

/// The parts of a map one or more edits changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changed {
    /// Anything may have changed: stages were inserted, removed or moved (so stage
    /// positions differ), the whole map was replaced, or the history is not known.
    pub everything: bool,
    /// Stages whose contents changed where they are (their texts, scores, metrics,
    /// touchpoints, friction points or opportunities), by position, sorted, no repeats.
    pub stages: Vec<usize>,
    /// The list of shadow notes.
    pub notes: bool,
    /// The map's own fields: title, persona, channels, plan, memo, extras.
    pub map: bool,
}

impl Changed {
    /// Everything changed: derived views rebuild from the map.
    pub fn everything() -> Self {
        Self {
            everything: true,
            ..Self::default()
        }
    }

    /// Whether nothing changed.
    pub fn is_nothing(&self) -> bool {
        !self.everything && self.stages.is_empty() && !self.notes && !self.map
    }

    /// Whether the stage at `stage` may differ.
    pub fn stage(&self, stage: usize) -> bool {
        self.everything || self.stages.binary_search(&stage).is_ok()
    }

    /// Adds what `edit` changes (applied after what is recorded already).
    pub fn add(&mut self, edit: &Edit) {
        match edit {
            Edit::SetStageText { stage, .. }
            | Edit::SetScore { stage, .. }
            | Edit::SetMetrics { stage, .. }
            | Edit::InsertItem { stage, .. }
            | Edit::RemoveItem { stage, .. }
            | Edit::ReplaceItem { stage, .. }
            | Edit::MoveItem { stage, .. } => self.add_stage(*stage),
            Edit::InsertNote { .. } | Edit::RemoveNote { .. } | Edit::ReplaceNote { .. } => self.notes = true,
            Edit::SetMapText { .. }
            | Edit::SetChannels(_)
            | Edit::SetPlan(_)
            | Edit::SetMemoFacts(_)
            | Edit::SetMapExtra { .. } => self.map = true,
            Edit::InsertStage { .. }
            | Edit::RemoveStage { .. }
            | Edit::MoveStage { .. }
            | Edit::ReplaceMap(_) => self.everything = true,
            Edit::Batch(edits) => edits.iter().for_each(|edit| self.add(edit)),
        }
    }

    /// Adds what `other` records (changes made after these).
    pub fn merge(&mut self, other: &Changed) {
        self.everything |= other.everything;
        self.notes |= other.notes;
        self.map |= other.map;
        for &stage in &other.stages {
            self.add_stage(stage);
        }
    }

    fn add_stage(&mut self, stage: usize) {
        if let Err(at) = self.stages.binary_search(&stage) {
            self.stages.insert(at, stage);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ListLane, StageText};

    #[test]
    fn stage_edits_name_their_stage_and_structural_ones_everything() {
        let mut changed = Changed::default();
        assert!(changed.is_nothing());
        changed.add(&Edit::RemoveItem {
            stage: 4,
            lane: ListLane::Friction,
            at: 0,
        });
        changed.add(&Edit::Batch(vec![
            Edit::SetStageText {
                stage: 1,
                field: StageText::Goal,
                text: String::new(),
            },
            Edit::SetStageText {
                stage: 4,
                field: StageText::Name,
                text: String::new(),
            },
        ]));
        assert_eq!(changed.stages, [1, 4]);
        assert!(changed.stage(4) && !changed.stage(2) && !changed.notes && !changed.map);
        changed.add(&Edit::RemoveNote { at: 0 });
        assert!(changed.notes);
        changed.add(&Edit::MoveStage { from: 0, to: 1 });
        assert!(changed.everything && changed.stage(2));
    }
}
