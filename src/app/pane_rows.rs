//! The notes pane's rows: the notes its filter lets through, newest first, kept by note
//! handle ([`Slots`]) so notes put in, taken out or changed move only their own rows.

use super::slots::{Slot, Slots};
use crate::model::{JourneyMap, ListChanges, ShadowNote};

/// Taking out more rows than this marks them in a table rather than looking for each.
const LOOKED_FOR: usize = 8;

/// The rows, as of one map revision.
#[derive(Clone, Default)]
pub struct PaneRows {
    slots: Slots,
    /// The handles of the notes listed, newest first.
    rows: Vec<Slot>,
}

impl PaneRows {
    /// How many notes are listed.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether no note is listed.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The position in the map's list of the note on row `row`.
    pub fn get(&self, row: usize) -> Option<usize> {
        self.rows.get(row).and_then(|&slot| self.slots.position(slot))
    }

    /// The notes' positions, in row order.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.from(0)
    }

    /// The notes' positions from row `first` on, in row order.
    pub fn from(&self, first: usize) -> impl Iterator<Item = usize> + '_ {
        let rows = self.rows.get(first..).unwrap_or_default();
        rows.iter().filter_map(|&slot| self.slots.position(slot))
    }

    /// The row listing the note at position `note`, if one does.
    pub fn row_of(&self, note: usize) -> Option<usize> {
        let slot = self.slots.slot(note)?;
        self.rows.iter().position(|&row| row == slot)
    }

    /// Lists afresh the notes of `map` that `admits`.
    pub fn rebuild(&mut self, map: &JourneyMap, admits: impl Fn(&ShadowNote) -> bool) {
        self.slots.rebuild(map.shadow.notes.len());
        let mut rows: Vec<Slot> = (0..map.shadow.notes.len())
            .filter(|&n| admits(&map.shadow.notes[n]))
            .map(|n| n as Slot)
            .collect();
        rows.sort_by(|&a, &b| newest_first(map, a as usize, b as usize));
        self.rows = rows;
    }

    /// Takes out the rows of the notes `notes` says were taken out or changed, and
    /// places the changed and new notes that `admits`; the others keep their rows.
    pub fn update(&mut self, map: &JourneyMap, admits: impl Fn(&ShadowNote) -> bool, notes: &ListChanges) {
        let mut out = self.slots.update(notes);
        if self.slots.len() != map.shadow.notes.len() {
            self.rebuild(map, admits);
            return;
        }
        let inserted = notes.inserted();
        out.extend(
            (notes.touched().iter())
                .filter(|n| inserted.binary_search(n).is_err())
                .filter_map(|&n| self.slots.slot(n)),
        );
        if out.len() <= LOOKED_FOR {
            for slot in out {
                if let Some(at) = self.rows.iter().position(|&row| row == slot) {
                    self.rows.remove(at);
                }
            }
        } else {
            let mut gone = vec![false; self.slots.capacity()];
            out.iter().for_each(|&slot| gone[slot as usize] = true);
            self.rows.retain(|&slot| !gone[slot as usize]);
        }
        for &n in notes.touched() {
            let (Some(slot), Some(note)) = (self.slots.slot(n), map.shadow.notes.get(n)) else {
                continue;
            };
            if admits(note) {
                let slots = &self.slots;
                let place = self.rows.partition_point(|&row| {
                    let row = slots.position(row).unwrap_or(usize::MAX);
                    newest_first(map, row, n).is_lt()
                });
                self.rows.insert(place, slot);
            }
        }
    }
}

/// Two lists are the same when they list the same notes in the same order, whatever
/// handles they gave the notes.
impl PartialEq for PaneRows {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl Eq for PaneRows {}

impl std::fmt::Debug for PaneRows {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// The pane's order: newest first (RFC 3339 UTC times sort as text), and of notes with
/// one time, the later in the file first.
fn newest_first(map: &JourneyMap, a: usize, b: usize) -> std::cmp::Ordering {
    let at = |n: usize| map.shadow.notes.get(n).map(|note| note.at.as_str());
    at(b).cmp(&at(a)).then(b.cmp(&a))
}
