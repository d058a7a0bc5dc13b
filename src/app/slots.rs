//! Handles for the items of one of the open map's lists (its stages, its shadow notes)
//! that stay the same while items are put in or taken out around them, so a view keeping
//! items by handle moves only the items that changed; a handle's position is one look-up.

use crate::model::ListChanges;

/// An item's handle: the same while the item stays in its list.
pub type Slot = u32;

/// Stands for "no position" (a free handle).
const FREE: u32 = u32::MAX;

/// The handle of each item and the position of each handle, as of one map revision.
#[derive(Debug, Clone, Default)]
pub struct Slots {
    /// The handle of the item at each position.
    slot_at: Vec<Slot>,
    /// The position of each handle's item; [`FREE`] for a handle no item has.
    position_of: Vec<u32>,
    /// Handles to give to items put in.
    free: Vec<Slot>,
}

impl Slots {
    /// Hands out afresh one handle per item of a list of `len`.
    pub fn rebuild(&mut self, len: usize) {
        self.slot_at = (0..len as u32).collect();
        self.position_of = self.slot_at.clone();
        self.free.clear();
    }

    /// Follows what `items` says changed: the items taken out give their handles back
    /// (returned, for the views to let go of; none is handed out again in this call), the
    /// items put in get handles, and the positions from the first change on are set.
    pub fn update(&mut self, items: &ListChanges) -> Vec<Slot> {
        if !items.reshaped() {
            return Vec::new();
        }
        let freed: Vec<Slot> = (items.removed().iter())
            .filter_map(|&old| self.slot_at.get(old).copied())
            .collect();
        let (free, position_of) = (&mut self.free, &mut self.position_of);
        items.reshape(&mut self.slot_at, || {
            free.pop().unwrap_or_else(|| {
                position_of.push(FREE);
                (position_of.len() - 1) as Slot
            })
        });
        for &slot in &freed {
            self.position_of[slot as usize] = FREE;
        }
        self.free.extend_from_slice(&freed);
        let from = items.unmoved_below().min(self.slot_at.len());
        for (at, &slot) in self.slot_at.iter().enumerate().skip(from) {
            self.position_of[slot as usize] = at as u32;
        }
        freed
    }

    /// How many items have handles.
    pub fn len(&self) -> usize {
        self.slot_at.len()
    }

    /// Whether no item has a handle.
    pub fn is_empty(&self) -> bool {
        self.slot_at.is_empty()
    }

    /// How many handles there are, given out or free: every handle is below it.
    pub fn capacity(&self) -> usize {
        self.position_of.len()
    }

    /// The handle of the item at `position`.
    pub fn slot(&self, position: usize) -> Option<Slot> {
        self.slot_at.get(position).copied()
    }

    /// The position of the item with handle `slot`; `None` when no item has it.
    pub fn position(&self, slot: Slot) -> Option<usize> {
        match self.position_of.get(slot as usize) {
            Some(&at) if at != FREE => Some(at as usize),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ListChanges;

    #[test]
    fn handles_stay_with_their_items_and_freed_ones_come_back_later() {
        let mut slots = Slots::default();
        slots.rebuild(5);
        let mut notes = ListChanges::default();
        notes.remove(1);
        notes.remove(1);
        notes.insert(3);
        // 0 1 2 3 4 → 0 3 4 new
        let freed = slots.update(&notes);
        assert_eq!(freed, [1, 2]);
        assert_eq!(slots.slot(1), Some(3));
        assert_eq!(slots.slot(3), Some(5), "a freed handle is not given out at once");
        assert_eq!((slots.position(4), slots.position(1)), (Some(2), None));
        let mut again = ListChanges::default();
        again.insert(0);
        assert!(slots.update(&again).is_empty());
        assert_eq!(slots.slot(0), Some(2));
        assert_eq!(
            (0..slots.len())
                .map(|n| slots.position(slots.slot(n).unwrap_or(FREE)))
                .collect::<Vec<_>>(),
            [Some(0), Some(1), Some(2), Some(3), Some(4)]
        );
    }
}
