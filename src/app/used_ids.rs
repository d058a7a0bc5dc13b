//! The ids the open map uses, as a table of their hashes kept per stage and per note and
//! updated from what each edit changed: a fresh id is looked up there instead of by
//! reading every item of the map (100,000 ids on a big one) for each id made.

use std::collections::HashMap;
use std::hash::BuildHasher;

use super::document::Document;
use crate::model::{History, IdGen, IdHashing, JourneyMap, ListChanges, Stage};

/// Stands for a note not hashed yet; a real hash is never it (see [`UsedIds::hash`]).
const UNSEEN: u64 = 0;

/// The hashes of the map's ids, as of one map revision.
#[derive(Debug, Clone, Default)]
pub struct UsedIds {
    /// Each stage's ids: its own, its friction points' and opportunities'.
    stages: Vec<Vec<u64>>,
    /// Each shadow note's id.
    notes: Vec<u64>,
    /// How many items use each hash.
    uses: HashMap<u64, u32, IdHashing>,
    hashing: IdHashing,
    computed_for: Option<u64>,
}

impl UsedIds {
    /// The ids of `doc`'s map, brought up to date first.
    pub fn of(&mut self, doc: &Document) -> &UsedIds {
        self.refresh(&doc.map, &doc.history);
        self
    }

    /// Whether `id` may be in use: true for every id the map uses (and, rarely, for one
    /// whose hash another shares, which only means another fresh id is tried).
    pub fn taken(&self, id: &str) -> bool {
        self.uses.contains_key(&self.hash(id))
    }

    /// A new id with `prefix` that the map does not use.
    pub fn fresh(&self, ids: &mut IdGen, prefix: &str) -> String {
        ids.fresh(prefix, |id| self.taken(id))
    }

    /// Brings the table up to date with the map (`history` says what changed since).
    pub fn refresh(&mut self, map: &JourneyMap, history: &History) {
        let changed = history.changed_since(self.computed_for);
        if changed.everything {
            self.rebuild(map);
        } else {
            self.update_stages(map, &changed.stages);
            self.update_notes(map, &changed.notes);
            if self.stages.len() != map.stages.len() || self.notes.len() != map.shadow.notes.len() {
                self.rebuild(map);
            }
        }
        self.computed_for = Some(history.revision());
    }

    fn rebuild(&mut self, map: &JourneyMap) {
        self.uses.clear();
        self.stages = map.stages.iter().map(|stage| self.count_stage(stage)).collect();
        self.notes = map
            .shadow
            .notes
            .iter()
            .map(|note| self.count(note.id.as_str()))
            .collect();
    }

    fn update_stages(&mut self, map: &JourneyMap, stages: &ListChanges) {
        for &s in stages.removed() {
            let gone = self.stages.get_mut(s).map(std::mem::take).unwrap_or_default();
            gone.into_iter().for_each(|hash| self.forget(hash));
        }
        stages.reshape(&mut self.stages, Vec::new);
        for &s in stages.touched() {
            let (Some(was), Some(stage)) = (self.stages.get_mut(s), map.stages.get(s)) else {
                continue;
            };
            let was = std::mem::take(was);
            was.into_iter().for_each(|hash| self.forget(hash));
            self.stages[s] = self.count_stage(stage);
        }
    }

    fn update_notes(&mut self, map: &JourneyMap, notes: &ListChanges) {
        for &n in notes.removed() {
            self.forget(self.notes.get(n).copied().unwrap_or(UNSEEN));
        }
        notes.reshape(&mut self.notes, || UNSEEN);
        for &n in notes.touched() {
            let (Some(&was), Some(note)) = (self.notes.get(n), map.shadow.notes.get(n)) else {
                continue;
            };
            self.forget(was);
            self.notes[n] = self.count(note.id.as_str());
        }
    }

    /// Counts a stage's ids and returns their hashes.
    fn count_stage(&mut self, stage: &Stage) -> Vec<u64> {
        let ids = std::iter::once(stage.id.as_str())
            .chain(stage.frictions.iter().map(|f| f.id.as_str()))
            .chain(stage.opportunities.iter().map(|o| o.id.as_str()));
        ids.map(|id| self.count(id)).collect()
    }

    fn count(&mut self, id: &str) -> u64 {
        let hash = self.hash(id);
        *self.uses.entry(hash).or_default() += 1;
        hash
    }

    fn forget(&mut self, hash: u64) {
        if let Some(uses) = self.uses.get_mut(&hash) {
            *uses -= 1;
            if *uses == 0 {
                self.uses.remove(&hash);
            }
        }
    }

    /// The id's hash, never [`UNSEEN`].
    fn hash(&self, id: &str) -> u64 {
        self.hashing.hash_one(id) | 1
    }
}
