//! What edits changed, in parts that derived views (the board, the friction queue, the
//! conflicts list, the names) can bring up to date one by one instead of rebuilding from
//! the map: stages and shadow notes by position, inserted and removed ones included.

use super::edit::Edit;
use super::splice;

/// The parts of a map one or more edits changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changed {
    /// Anything may have changed: the whole map was replaced, or the history is not known.
    pub everything: bool,
    /// The stages: inserted, removed or moved, and changed where they are (their texts,
    /// scores, metrics, touchpoints, friction points or opportunities).
    pub stages: ListChanges,
    /// The shadow notes, likewise.
    pub notes: ListChanges,
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
        !self.everything && self.stages.is_empty() && self.notes.is_empty() && !self.map
    }

    /// Whether the stage now at `stage` may differ from the one a view saw there.
    pub fn stage(&self, stage: usize) -> bool {
        self.everything || self.stages.touches(stage)
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
            | Edit::MoveItem { stage, .. } => self.stages.touch(*stage),
            Edit::InsertStage { at, .. } => self.stages.insert(*at),
            Edit::RemoveStage { at } => self.stages.remove(*at),
            // A moved stage is taken out and put back: views place it again, as new.
            Edit::MoveStage { from, to } => {
                self.stages.remove(*from);
                self.stages.insert(*to);
            }
            Edit::InsertNote { at, .. } => self.notes.insert(*at),
            Edit::RemoveNote { at } => self.notes.remove(*at),
            Edit::ReplaceNote { at, .. } => self.notes.touch(*at),
            Edit::SetMapText { .. }
            | Edit::SetChannels(_)
            | Edit::SetPlan(_)
            | Edit::SetMemoFacts(_)
            | Edit::SetMapExtra { .. } => self.map = true,
            Edit::ReplaceMap(_) => self.everything = true,
            Edit::Batch(edits) => edits.iter().for_each(|edit| self.add(edit)),
        }
    }

    /// Adds what `other` records (changes made after these).
    pub fn merge(&mut self, other: &Changed) {
        self.everything |= other.everything;
        self.map |= other.map;
        self.stages.merge(&other.stages);
        self.notes.merge(&other.notes);
    }
}

/// What changed in one list of the map between the list a view saw (old positions) and
/// the list now (new positions): as if the `removed` items were taken out, then the
/// `inserted` ones put in, in order; `touched` says which items now may differ.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListChanges {
    /// Old positions of the items taken out, sorted.
    removed: Vec<usize>,
    /// New positions of the items put in, sorted.
    inserted: Vec<usize>,
    /// New positions of the items that may differ from what a view saw (the inserted
    /// ones included), sorted.
    touched: Vec<usize>,
}

/// Inserts `at` into a sorted list unless it is there.
fn add_sorted(list: &mut Vec<usize>, at: usize) {
    if let Err(place) = list.binary_search(&at) {
        list.insert(place, at);
    }
}

impl ListChanges {
    /// Whether nothing changed in the list.
    pub fn is_empty(&self) -> bool {
        self.removed.is_empty() && self.inserted.is_empty() && self.touched.is_empty()
    }

    /// Whether items were put in or taken out (so positions may have shifted).
    pub fn reshaped(&self) -> bool {
        !self.removed.is_empty() || !self.inserted.is_empty()
    }

    /// Old positions of the items taken out, in order.
    pub fn removed(&self) -> &[usize] {
        &self.removed
    }

    /// New positions of the items put in, in order.
    pub fn inserted(&self) -> &[usize] {
        &self.inserted
    }

    /// New positions of the items that may differ from what a view saw, in order: a
    /// view looks at these again (inserted items included).
    pub fn touched(&self) -> &[usize] {
        &self.touched
    }

    /// Whether the item now at `at` may differ from the one a view saw there.
    pub fn touches(&self, at: usize) -> bool {
        self.touched.binary_search(&at).is_ok()
    }

    /// Where the item a view saw at `old` is now; `None` when it was taken out.
    pub fn follow(&self, old: usize) -> Option<usize> {
        let gone_before = match self.removed.binary_search(&old) {
            Ok(_) => return None,
            Err(before) => before,
        };
        let at = old - gone_before;
        // Each item put in at or before where this one has got to moves it on by one:
        // the j-th of them does when `inserted[j] - j <= at` (true up to some j, then not).
        let (mut low, mut high) = (0, self.inserted.len());
        while low < high {
            let mid = (low + high) / 2;
            if self.inserted[mid] - mid <= at {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        Some(at + low)
    }

    /// The positions below this one stay where they were (nothing was put in or taken
    /// out before them).
    pub fn unmoved_below(&self) -> usize {
        let first = |list: &[usize]| list.first().copied().unwrap_or(usize::MAX);
        first(&self.removed).min(first(&self.inserted))
    }

    /// Moves the position `at` to where its item is now; false when it was taken out.
    pub fn follow_in_place(&self, at: &mut usize) -> bool {
        self.follow(*at).map(|now| *at = now).is_some()
    }

    /// Reshapes `list`, one entry per item as a view saw them, into one per item now:
    /// the removed entries go and `fill()` stands for each inserted item.
    pub fn reshape<T>(&self, list: &mut Vec<T>, mut fill: impl FnMut() -> T) {
        if splice::take_out(list, &self.removed).is_none() {
            for &at in self.removed.iter().rev() {
                if at < list.len() {
                    list.remove(at);
                }
            }
        }
        let items = self.inserted.iter().map(|&at| (at, fill())).collect();
        if let Err(items) = splice::put_in(list, items) {
            for (at, item) in items {
                list.insert(at.min(list.len()), item);
            }
        }
    }

    /// The item now at `at` may differ.
    pub fn touch(&mut self, at: usize) {
        add_sorted(&mut self.touched, at);
    }

    /// An item was put in at `at`, shifting the ones from there on.
    pub fn insert(&mut self, at: usize) {
        for list in [&mut self.inserted, &mut self.touched] {
            for place in list.iter_mut().filter(|place| **place >= at) {
                *place += 1;
            }
        }
        add_sorted(&mut self.inserted, at);
        self.touch(at);
    }

    /// The item at `at` was taken out, shifting the ones after it back.
    pub fn remove(&mut self, at: usize) {
        let was_inserted = self.inserted.binary_search(&at).is_ok();
        if !was_inserted {
            let old = self.old_position(at);
            add_sorted(&mut self.removed, old);
        }
        for list in [&mut self.inserted, &mut self.touched] {
            list.retain(|&place| place != at);
            for place in list.iter_mut().filter(|place| **place > at) {
                *place -= 1;
            }
        }
    }

    /// Where the item now at `at`, one a view saw (not inserted since), was then.
    fn old_position(&self, at: usize) -> usize {
        let put_before = self.inserted.partition_point(|&put| put < at);
        let mut old = at - put_before;
        for &gone in &self.removed {
            if gone > old {
                break;
            }
            old += 1;
        }
        old
    }

    /// Adds what `other` records (changes made to the list after these).
    pub fn merge(&mut self, other: &ListChanges) {
        for &at in other.removed.iter().rev() {
            self.remove(at);
        }
        for &at in &other.inserted {
            self.insert(at);
        }
        for &at in &other.touched {
            self.touch(at);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ListLane, StageText};

    #[test]
    fn stage_edits_name_their_stage_and_moves_shift_the_others() {
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
        assert_eq!(changed.stages.touched(), [1, 4]);
        assert!(changed.stage(4) && !changed.stage(2) && changed.notes.is_empty() && !changed.map);
        changed.add(&Edit::RemoveNote { at: 0 });
        assert!(changed.notes.reshaped() && changed.notes.follow(0).is_none());
        changed.add(&Edit::MoveStage { from: 0, to: 2 });
        // 0 1 2 3 4 → 1 2 0 3 4: the moved stage is new at 2, 1 is now at 0.
        assert_eq!(changed.stages.touched(), [0, 2, 4]);
        assert_eq!(changed.stages.follow(0), None);
        assert_eq!(changed.stages.follow(1), Some(0));
        assert_eq!(changed.stages.follow(3), Some(3));
    }

    /// Applies inserts and removals (`true` inserts) to `list` and to `record`.
    fn run(list: &mut Vec<Option<usize>>, record: &mut ListChanges, ops: &[(bool, usize)]) {
        for &(insert, at) in ops {
            if insert {
                let at = at % (list.len() + 1);
                list.insert(at, None);
                record.insert(at);
            } else if !list.is_empty() {
                let at = at % list.len();
                list.remove(at);
                record.remove(at);
            }
        }
    }

    /// Checks `record` against `list`, which started as the old positions 0..8.
    fn agree(list: &[Option<usize>], record: &ListChanges, ops: &[(bool, usize)]) {
        for old in 0..8 {
            assert_eq!(
                record.follow(old),
                list.iter().position(|&o| o == Some(old)),
                "{ops:?}"
            );
        }
        let mut seen: Vec<Option<usize>> = (0..8).map(Some).collect();
        record.reshape(&mut seen, || None);
        assert_eq!(seen, list, "{ops:?}");
        let new = (0..list.len()).filter(|&at| list[at].is_none());
        assert!(new.into_iter().all(|at| record.touches(at)), "{ops:?}");
    }

    #[test]
    fn positions_follow_any_run_of_inserts_and_removals_merged_or_not() {
        for seed in 0..2000usize {
            let ops: Vec<(bool, usize)> = (0..seed % 11)
                .map(|i| ((seed >> i) & 1 == 1, (seed * 31 + i * 17) % 13))
                .collect();
            let start: Vec<Option<usize>> = (0..8).map(Some).collect();
            let (mut list, mut record) = (start.clone(), ListChanges::default());
            run(&mut list, &mut record, &ops);
            agree(&list, &record, &ops);
            let (first, second) = ops.split_at(ops.len() / 2);
            let (mut list, mut merged, mut later) = (start, ListChanges::default(), ListChanges::default());
            run(&mut list, &mut merged, first);
            run(&mut list, &mut later, second);
            merged.merge(&later);
            agree(&list, &merged, &ops);
        }
    }
}
