//! What the friction queue derives from the map once per change (never per frame): which
//! opportunities address each friction point, which shadow notes back it, the evidence of
//! the friction point in focus (its own and its notes', live) and which of those files
//! are missing, and the channel last given to a friction point.

use std::collections::{HashMap, HashSet};

use super::folder::FolderListing;
use crate::model::{FrictionId, JourneyMap, evidence_of};

/// Links and evidence, as of one map state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Queue {
    /// For each friction point, the opportunities addressing it: (stage, position).
    pub addressed_by: HashMap<FrictionId, Vec<(usize, usize)>>,
    /// Where each friction point is: (stage, position).
    pub position: HashMap<FrictionId, (usize, usize)>,
    /// For each friction point, the shadow notes linked to it (positions, in note order).
    pub notes_of: HashMap<FrictionId, Vec<usize>>,
    /// The evidence of the friction point in focus: its own, then its linked notes'.
    pub evidence: Vec<String>,
    /// Entries of `evidence` that name no file beside the map.
    pub missing: HashSet<String>,
    /// The channel last set on a friction point: new ones start with it.
    pub last_channel: Option<String>,
    computed_for: Option<u64>,
    /// The map state, folder listing and friction point (stage, position) `missing` was
    /// found for.
    checked_for: Option<(u64, u64, (usize, usize))>,
}

impl Queue {
    /// Recomputes links if the map changed (`state` is its history state), and finds in
    /// the map's `folder` listing the missing evidence of the friction point in `focus`
    /// (stage, position) when it, the map or the listing changed.
    pub fn refresh(
        &mut self,
        map: &JourneyMap,
        state: u64,
        folder: &FolderListing,
        focus: Option<(usize, usize)>,
    ) {
        if self.computed_for != Some(state) {
            self.addressed_by.clear();
            self.position.clear();
            self.notes_of.clear();
            for (s, stage) in map.stages.iter().enumerate() {
                for (f, friction) in stage.frictions.iter().enumerate() {
                    self.position.insert(friction.id.clone(), (s, f));
                }
                for (o, opportunity) in stage.opportunities.iter().enumerate() {
                    for id in &opportunity.addresses {
                        self.addressed_by.entry(id.clone()).or_default().push((s, o));
                    }
                }
            }
            for (n, note) in map.shadow.notes.iter().enumerate() {
                if let Some(id) = &note.friction {
                    self.notes_of.entry(id.clone()).or_default().push(n);
                }
            }
            self.computed_for = Some(state);
        }
        if let Some((stage, at)) = focus
            && self.checked_for != Some((state, folder.version(), (stage, at)))
        {
            let friction = map.stages.get(stage).and_then(|s| s.frictions.get(at));
            self.evidence = friction.map_or_else(Vec::new, |f| {
                let notes = self.notes(&f.id).iter().filter_map(|&n| map.shadow.notes.get(n));
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
            self.checked_for = Some((state, folder.version(), (stage, at)));
        }
    }

    /// The positions of the shadow notes linked to friction point `id`.
    pub fn notes(&self, id: &FrictionId) -> &[usize] {
        self.notes_of.get(id).map_or(&[], Vec::as_slice)
    }

    /// Forgets everything about the map (another one opened).
    pub fn reset(&mut self) {
        *self = Queue::default();
    }
}
