//! What the friction queue derives from the map once per change (never per frame; after
//! an edit, only from the stages it touched): which opportunities address each friction
//! point, which shadow notes back it, the evidence of the friction point in focus (its
//! own and its notes', live) and which of those files are missing, and the channel last
//! given to a friction point.

use std::collections::HashSet;

use super::folder::FolderListing;
use super::note_groups::NoteGroups;
use super::places::Places;
use crate::model::ops::{Links, Scan};
use crate::model::{FrictionId, History, JourneyMap, ShadowNote, StageId, evidence_of};

/// Links and evidence, as of one map state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Queue {
    /// Where each stage and friction point is, and the opportunities addressing each point.
    pub places: Places,
    /// The shadow notes linked to each friction point and seen in each stage.
    pub notes: NoteGroups,
    /// The evidence of the friction point in focus: its own, then its linked notes'.
    pub evidence: Vec<String>,
    /// Entries of `evidence` that name no file beside the map.
    pub missing: HashSet<String>,
    /// The channel last set on a friction point: new ones start with it.
    pub last_channel: Option<String>,
    /// The map revision the links were computed for.
    computed_for: Option<u64>,
    /// The map revision, folder listing and friction point (stage, position) `missing`
    /// was found for.
    checked_for: Option<(u64, u64, (usize, usize))>,
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
        if changed.everything {
            self.places.rebuild(map);
            self.notes.rebuild(map);
        } else {
            self.places.update(map, &changed.stages);
            self.notes.update(map, &changed.notes);
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
                    .filter_map(|n| map.shadow.notes.get(n).map(|note| &**note));
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

    /// The positions of the shadow notes linked to friction point `id`, in note order.
    pub fn notes(&self, id: &FrictionId) -> impl Iterator<Item = usize> + '_ {
        self.notes.of_point(id)
    }

    /// The position of the stage with id `id`.
    pub fn stage_position(&self, id: &StageId) -> Option<usize> {
        self.places.stage(id)
    }

    /// Whether `note` is linked to a friction point the map has (a link to an id that is
    /// gone backs nothing).
    pub fn backs_a_point(&self, note: &ShadowNote) -> bool {
        note.friction.as_ref().is_some_and(|id| self.places.has_point(id))
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
        self.places.addressing(id).collect()
    }

    fn notes_linked(&self, _: &JourneyMap, id: &FrictionId) -> Vec<usize> {
        self.notes.of_point(id).collect()
    }

    fn notes_in(&self, map: &JourneyMap, stage: usize) -> Vec<usize> {
        map.stages
            .get(stage)
            .map_or_else(Vec::new, |stage| self.notes.in_stage(&stage.id).collect())
    }
}
