//! The shadow notes grouped by the friction point each backs and the stage each was seen
//! in, kept by note handle ([`Slots`]): notes put in or taken out move only their own
//! entries, and only changed notes are grouped again.

use std::collections::HashMap;
use std::hash::Hash;

use super::slots::{Slot, Slots};
use crate::model::{FrictionId, IdHashing, JourneyMap, ListChanges, StageId};

/// Stands for "in no group".
const NONE: u32 = u32::MAX;

/// The notes per friction point and per stage, as of one map revision.
#[derive(Debug, Clone, Default)]
pub struct NoteGroups {
    slots: Slots,
    by_point: Groups<FrictionId>,
    by_stage: Groups<StageId>,
}

impl NoteGroups {
    /// Groups every note of `map` afresh.
    pub fn rebuild(&mut self, map: &JourneyMap) {
        self.slots.rebuild(map.shadow.notes.len());
        self.by_point.clear();
        self.by_stage.clear();
        for (n, note) in map.shadow.notes.iter().enumerate() {
            let slot = n as Slot;
            self.by_point.put(slot, note.friction.as_ref(), &self.slots);
            self.by_stage.put(slot, Some(&note.stage), &self.slots);
        }
    }

    /// Lets go of the notes `notes` says were taken out and groups the changed and new
    /// ones again; the other notes' entries stay as they are.
    pub fn update(&mut self, map: &JourneyMap, notes: &ListChanges) {
        if notes.is_empty() {
            return;
        }
        for slot in self.slots.update(notes) {
            self.by_point.take_out(slot);
            self.by_stage.take_out(slot);
        }
        if self.slots.len() != map.shadow.notes.len() {
            self.rebuild(map);
            return;
        }
        for &n in notes.touched() {
            let (Some(slot), Some(note)) = (self.slots.slot(n), map.shadow.notes.get(n)) else {
                continue;
            };
            self.by_point.take_out(slot);
            self.by_point.put(slot, note.friction.as_ref(), &self.slots);
            self.by_stage.take_out(slot);
            self.by_stage.put(slot, Some(&note.stage), &self.slots);
        }
    }

    /// The positions of the notes linked to friction point `id`, in note order.
    pub fn of_point(&self, id: &FrictionId) -> impl Iterator<Item = usize> + '_ {
        self.by_point.positions(id, &self.slots)
    }

    /// The positions of the notes seen in the stage with id `id`, in note order.
    pub fn in_stage(&self, id: &StageId) -> impl Iterator<Item = usize> + '_ {
        self.by_stage.positions(id, &self.slots)
    }
}

/// Two groupings are the same when they list the same positions under the same keys,
/// whatever handles they gave the notes.
impl PartialEq for NoteGroups {
    fn eq(&self, other: &Self) -> bool {
        self.by_point.listed(&self.slots) == other.by_point.listed(&other.slots)
            && self.by_stage.listed(&self.slots) == other.by_stage.listed(&other.slots)
    }
}

impl Eq for NoteGroups {}

/// Notes by one key: each key's group of handles, in note order.
#[derive(Debug, Clone)]
struct Groups<K> {
    /// Which group each key has (a group stays, maybe empty, until the next rebuild).
    index: HashMap<K, u32, IdHashing>,
    /// Each group's handles, in note order.
    members: Vec<Vec<Slot>>,
    /// The group of each handle ([`NONE`] for none).
    group_of: Vec<u32>,
}

impl<K> Default for Groups<K> {
    fn default() -> Self {
        Self {
            index: HashMap::default(),
            members: Vec::new(),
            group_of: Vec::new(),
        }
    }
}

impl<K: Eq + Hash + Clone> Groups<K> {
    fn clear(&mut self) {
        self.index.clear();
        self.members.clear();
        self.group_of.clear();
    }

    /// Puts the note with handle `slot` in `key`'s group (in none for `None`).
    fn put(&mut self, slot: Slot, key: Option<&K>, slots: &Slots) {
        let Some(key) = key else { return };
        let group = match self.index.get(key) {
            Some(&group) => group,
            None => {
                let group = self.members.len() as u32;
                self.index.insert(key.clone(), group);
                self.members.push(Vec::new());
                group
            }
        };
        let at = slots.position(slot);
        let list = &mut self.members[group as usize];
        let place = list.partition_point(|&other| slots.position(other) < at);
        list.insert(place, slot);
        if self.group_of.len() <= slot as usize {
            self.group_of
                .resize(slots.capacity().max(slot as usize + 1), NONE);
        }
        self.group_of[slot as usize] = group;
    }

    /// Takes the note with handle `slot` out of its group, if it is in one.
    fn take_out(&mut self, slot: Slot) {
        let Some(group) = self.group_of.get_mut(slot as usize) else {
            return;
        };
        let list = self.members.get_mut(*group as usize);
        *group = NONE;
        if let Some(list) = list
            && let Some(at) = list.iter().position(|&other| other == slot)
        {
            list.remove(at);
        }
    }

    fn positions<'a>(&'a self, key: &K, slots: &'a Slots) -> impl Iterator<Item = usize> + 'a {
        let list = self
            .index
            .get(key)
            .map_or(&[][..], |&group| &self.members[group as usize]);
        list.iter().filter_map(|&slot| slots.position(slot))
    }

    /// Every non-empty group, by key, as positions.
    fn listed(&self, slots: &Slots) -> HashMap<&K, Vec<usize>, IdHashing> {
        (self.index.keys())
            .map(|key| (key, self.positions(key, slots).collect::<Vec<_>>()))
            .filter(|(_, list)| !list.is_empty())
            .collect()
    }
}
