//! Shadow notes' positions grouped by a key (the friction point a note backs, the stage
//! it was seen in), brought up to date from what edits changed: notes put in or taken
//! out shift the positions after them, and only changed notes are grouped again.

use std::collections::HashMap;
use std::hash::Hash;

use crate::model::{JourneyMap, ListChanges, ShadowNote};

/// For each key, the positions of the notes it groups, in note order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteGroups<K: Eq + Hash> {
    groups: HashMap<K, Vec<usize>>,
}

impl<K: Eq + Hash> Default for NoteGroups<K> {
    fn default() -> Self {
        Self {
            groups: HashMap::new(),
        }
    }
}

impl<K: Eq + Hash + Clone> NoteGroups<K> {
    /// The positions of the notes `key` groups.
    pub fn of(&self, key: &K) -> &[usize] {
        self.groups.get(key).map_or(&[], Vec::as_slice)
    }

    /// Groups every note of `map` afresh (`key` says which group a note is in, if any).
    pub fn rebuild(&mut self, map: &JourneyMap, key: impl Fn(&ShadowNote) -> Option<&K>) {
        self.groups.clear();
        self.add(map, 0..map.shadow.notes.len(), key);
    }

    /// Shifts the positions past notes put in or taken out, takes the changed notes out
    /// of their groups and puts them in again.
    pub fn update(&mut self, map: &JourneyMap, notes: &ListChanges, key: impl Fn(&ShadowNote) -> Option<&K>) {
        if notes.is_empty() {
            return;
        }
        let touched = notes.touched();
        // Notes put in are in no group yet: only the others are looked for.
        let changed: Vec<usize> = (touched.iter().copied())
            .filter(|n| notes.inserted().binary_search(n).is_err())
            .collect();
        if !notes.reshaped() && changed.is_empty() {
            self.add(map, touched.iter().copied(), key);
            return;
        }
        let lists = self.groups.len();
        // Looking each changed note up in every group, or every entry up among them.
        let each_touched = changed.len().saturating_mul(lists) < self.groups.values().map(Vec::len).sum();
        let unmoved = notes.unmoved_below();
        self.groups.retain(|_, list| {
            if notes.reshaped() {
                let from = list.partition_point(|&n| n < unmoved);
                let mut kept = from;
                for i in from..list.len() {
                    let mut n = list[i];
                    if notes.follow_in_place(&mut n) {
                        list[kept] = n;
                        kept += 1;
                    }
                }
                list.truncate(kept);
            }
            if each_touched {
                for n in &changed {
                    if let Ok(at) = list.binary_search(n) {
                        list.remove(at);
                    }
                }
            } else {
                list.retain(|n| changed.binary_search(n).is_err());
            }
            !list.is_empty()
        });
        self.add(map, touched.iter().copied(), key);
    }

    /// Puts the notes at `positions` in their groups.
    fn add(
        &mut self,
        map: &JourneyMap,
        positions: impl Iterator<Item = usize>,
        key: impl Fn(&ShadowNote) -> Option<&K>,
    ) {
        for n in positions {
            let Some(key) = map.shadow.notes.get(n).and_then(|note| key(note)) else {
                continue;
            };
            let list = self.groups.entry(key.clone()).or_default();
            if let Err(at) = list.binary_search(&n) {
                list.insert(at, n);
            }
        }
    }
}
