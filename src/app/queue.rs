//! What the friction queue derives from the map once per change (never per frame): which
//! opportunities address each friction point and which evidence files are missing; and
//! the channel last given to a friction point, the default for the next one.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use crate::model::{FrictionId, JourneyMap};

/// Links and evidence, as of one map state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Queue {
    /// For each friction point, the opportunities addressing it: (stage, position).
    pub addressed_by: HashMap<FrictionId, Vec<(usize, usize)>>,
    /// Where each friction point is: (stage, position).
    pub position: HashMap<FrictionId, (usize, usize)>,
    /// Evidence entries of friction points that name no file beside the map.
    pub missing: HashSet<String>,
    /// The channel last set on a friction point: new ones start with it.
    pub last_channel: Option<String>,
    computed_for: Option<u64>,
}

impl Queue {
    /// Recomputes links and missing evidence if the map changed (`state` is its history
    /// state); evidence paths are looked up in `folder` here, once per change.
    pub fn refresh(&mut self, map: &JourneyMap, state: u64, folder: &Path) {
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
        self.missing = crate::store::missing_evidence(map, folder).into_iter().collect();
        self.computed_for = Some(state);
    }

    /// Forgets everything about the map (another one opened).
    pub fn reset(&mut self) {
        *self = Queue::default();
    }
}
