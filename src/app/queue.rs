//! What the friction queue derives from the map once per change (never per frame): which
//! opportunities address each friction point, which evidence files of the friction point
//! in focus are missing, and the channel last given to a friction point.

use std::collections::{HashMap, HashSet};

use super::folder::FolderListing;
use crate::model::{FrictionId, JourneyMap};

/// Links and evidence, as of one map state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Queue {
    /// For each friction point, the opportunities addressing it: (stage, position).
    pub addressed_by: HashMap<FrictionId, Vec<(usize, usize)>>,
    /// Where each friction point is: (stage, position).
    pub position: HashMap<FrictionId, (usize, usize)>,
    /// Evidence entries of the friction point in focus that name no file beside the map.
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
        if let Some((stage, at)) = focus
            && self.checked_for != Some((state, folder.version(), (stage, at)))
        {
            let evidence = map
                .stages
                .get(stage)
                .and_then(|s| s.frictions.get(at))
                .map(|f| &f.evidence);
            self.missing = evidence
                .into_iter()
                .flatten()
                .filter(|entry| folder.missing(entry))
                .cloned()
                .collect();
            self.checked_for = Some((state, folder.version(), (stage, at)));
        }
        if self.computed_for == Some(state) {
            return;
        }
        self.addressed_by.clear();
        self.position.clear();
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
        self.computed_for = Some(state);
    }

    /// Forgets everything about the map (another one opened).
    pub fn reset(&mut self) {
        *self = Queue::default();
    }
}
