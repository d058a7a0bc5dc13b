//! What the friction queue derives from the map once per change (never per frame; after
//! an edit, only from the stages it touched): which opportunities address each friction
//! point, which shadow notes back it, the evidence of the friction point in focus (its
//! own and its notes', live) and which of those files are missing, and the channel last
//! given to a friction point.

use std::collections::{HashMap, HashSet};

use super::folder::FolderListing;
use super::note_groups::NoteGroups;
use crate::model::ops::{Links, Scan};
use crate::model::{
    FrictionId, History, IdHashing, JourneyMap, ListChanges, ShadowNote, StageId, evidence_of,
};

/// Links and evidence, as of one map state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Queue {
    /// For each friction point, the opportunities addressing it: (stage, position).
    pub addressed_by: HashMap<FrictionId, Vec<(usize, usize)>, IdHashing>,
    /// Where each friction point is: (stage, position).
    pub position: HashMap<FrictionId, (usize, usize), IdHashing>,
    /// For each friction point, the shadow notes linked to it (positions, in note order).
    pub notes_of: NoteGroups<FrictionId>,
    /// For each stage, the shadow notes seen in it.
    pub notes_in_stage: NoteGroups<StageId>,
    /// The evidence of the friction point in focus: its own, then its linked notes'.
    pub evidence: Vec<String>,
    /// Entries of `evidence` that name no file beside the map.
    pub missing: HashSet<String>,
    /// The channel last set on a friction point: new ones start with it.
    pub last_channel: Option<String>,
    /// Where each stage is, by id (the first of two stages with one id).
    stage_at: HashMap<StageId, usize, IdHashing>,
    /// Per stage, the ids it put in `position` and `addressed_by`, so an edit of the
    /// stage takes out exactly those.
    keys: Vec<StageKeys>,
    /// The map revision the links were computed for.
    computed_for: Option<u64>,
    /// The map revision, folder listing and friction point (stage, position) `missing`
    /// was found for.
    checked_for: Option<(u64, u64, (usize, usize))>,
}

/// The ids one stage puts in the queue's tables.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct StageKeys {
    frictions: Vec<FrictionId>,
    addressed: Vec<FrictionId>,
}

impl Queue {
    /// Brings the links up to date with the map (`history` says what changed since:
    /// only the stages an edit touched are looked at again), and finds in the map's
    /// `folder` listing the missing evidence of the friction point in `focus` (stage,
    /// position) when it, the map or the listing changed.
    pub fn refresh(
        &mut self,
        map: &JourneyMap,
        history: &History,
        folder: &FolderListing,
        focus: Option<(usize, usize)>,
    ) {
        let changed = history.changed_since(self.computed_for);
        if !changed.everything {
            self.shift_stages(&changed.stages);
        }
        if changed.everything {
            self.stage_at.clear();
            for (s, stage) in map.stages.iter().enumerate() {
                self.stage_at.entry(stage.id.clone()).or_insert(s);
            }
        } else if changed.stages.reshaped() {
            let stages = &changed.stages;
            self.stage_at.retain(|_, s| stages.follow_in_place(s));
            for &s in stages.inserted() {
                if let Some(stage) = map.stages.get(s) {
                    self.stage_at.insert(stage.id.clone(), s);
                }
            }
        }
        if changed.everything || self.keys.len() != map.stages.len() {
            self.position.clear();
            self.addressed_by.clear();
            self.keys = vec![StageKeys::default(); map.stages.len()];
            self.add_stages(map, 0..map.stages.len());
        } else {
            for &s in changed.stages.touched() {
                self.take_out_stage(s);
            }
            self.add_stages(map, changed.stages.touched().iter().copied());
        }
        fn linked(note: &ShadowNote) -> Option<&FrictionId> {
            note.friction.as_ref()
        }
        fn stage(note: &ShadowNote) -> Option<&StageId> {
            Some(&note.stage)
        }
        if changed.everything {
            self.notes_of.rebuild(map, linked);
            self.notes_in_stage.rebuild(map, stage);
        } else {
            self.notes_of.update(map, &changed.notes, linked);
            self.notes_in_stage.update(map, &changed.notes, stage);
        }
        let revision = history.revision();
        self.computed_for = Some(revision);
        if let Some((stage, at)) = focus
            && self.checked_for != Some((revision, folder.version(), (stage, at)))
        {
            let friction = map.stages.get(stage).and_then(|s| s.frictions.get(at));
            self.evidence = friction.map_or_else(Vec::new, |f| {
                let notes = self
                    .notes(&f.id)
                    .iter()
                    .filter_map(|&n| map.shadow.notes.get(n).map(|note| &**note));
                evidence_of(&f.evidence, notes)
                    .into_iter()
                    .map(str::to_owned)
                    .collect()
            });
            self.missing = self
                .evidence
                .iter()
                .filter(|entry| folder.missing(entry))
                .cloned()
                .collect();
            self.checked_for = Some((revision, folder.version(), (stage, at)));
        } else if focus.is_none() {
            // No point in focus (none selected, or the map has none left): none shown.
            self.evidence.clear();
            self.missing.clear();
            self.checked_for = None;
        }
    }

    /// Moves the tables to where stages inserted, removed or moved put their stages; a
    /// removed stage's entries go.
    fn shift_stages(&mut self, stages: &ListChanges) {
        if !stages.reshaped() {
            return;
        }
        for &s in stages.removed() {
            self.take_out_stage(s);
        }
        stages.reshape(&mut self.keys, StageKeys::default);
        self.position.retain(|_, (s, _)| stages.follow_in_place(s));
        self.addressed_by.retain(|_, by| {
            by.retain_mut(|(s, _)| stages.follow_in_place(s));
            !by.is_empty()
        });
    }

    /// Takes what stage `s` put in the tables out of them.
    fn take_out_stage(&mut self, s: usize) {
        let Some(keys) = self.keys.get_mut(s) else { return };
        for id in keys.frictions.drain(..) {
            if self.position.get(&id).is_some_and(|&(at, _)| at == s) {
                self.position.remove(&id);
            }
        }
        for id in keys.addressed.drain(..) {
            if let Some(by) = self.addressed_by.get_mut(&id) {
                by.retain(|&(at, _)| at != s);
                if by.is_empty() {
                    self.addressed_by.remove(&id);
                }
            }
        }
    }

    /// Puts the friction points and links of `stages` (in journey order) in the tables.
    fn add_stages(&mut self, map: &JourneyMap, stages: impl Iterator<Item = usize>) {
        for s in stages {
            let Some(stage) = map.stages.get(s) else { continue };
            let keys = &mut self.keys[s];
            for (f, friction) in stage.frictions.iter().enumerate() {
                self.position.insert(friction.id.clone(), (s, f));
                keys.frictions.push(friction.id.clone());
            }
            for (o, opportunity) in stage.opportunities.iter().enumerate() {
                for id in &opportunity.addresses {
                    let by = self.addressed_by.entry(id.clone()).or_default();
                    let at = by.partition_point(|&place| place <= (s, o));
                    by.insert(at, (s, o));
                    keys.addressed.push(id.clone());
                }
            }
        }
    }

    /// The positions of the shadow notes linked to friction point `id`.
    pub fn notes(&self, id: &FrictionId) -> &[usize] {
        self.notes_of.of(id)
    }

    /// The position of the stage with id `id`.
    pub fn stage_position(&self, id: &StageId) -> Option<usize> {
        self.stage_at.get(id).copied()
    }

    /// Whether `note` is linked to a friction point the map has (a link to an id that is
    /// gone backs nothing).
    pub fn backs_a_point(&self, note: &ShadowNote) -> bool {
        note.friction
            .as_ref()
            .is_some_and(|id| self.position.contains_key(id))
    }

    /// Whether the queue is up to date with the map whose history is `history`.
    pub fn is_current(&self, history: &History) -> bool {
        self.computed_for == Some(history.revision())
    }

    /// Forgets everything about the map (another one opened).
    pub fn reset(&mut self) {
        *self = Queue::default();
    }
}

/// Where to look up links in the map whose history is `history`: the queue's tables
/// when they are up to date with it, else the map itself.
pub fn links<'a>(queue: &'a Queue, history: &History) -> &'a dyn Links {
    if queue.is_current(history) { queue } else { &Scan }
}

/// The queue's tables answer what links to a friction point and which notes a stage
/// holds, as of the map it was last brought up to date with ([`Queue::is_current`]).
impl Links for Queue {
    fn addressing(&self, _: &JourneyMap, id: &FrictionId) -> Vec<(usize, usize)> {
        self.addressed_by.get(id).cloned().unwrap_or_default()
    }

    fn notes_linked(&self, _: &JourneyMap, id: &FrictionId) -> Vec<usize> {
        self.notes_of.of(id).to_vec()
    }

    fn notes_in(&self, map: &JourneyMap, stage: usize) -> Vec<usize> {
        map.stages
            .get(stage)
            .map_or_else(Vec::new, |stage| self.notes_in_stage.of(&stage.id).to_vec())
    }
}
