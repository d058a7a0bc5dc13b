//! Where each stage and friction point is and which opportunities address each point,
//! kept by stage handle ([`Slots`]): stages put in, taken out or moved change only their
//! own entries, and only the stages an edit touched are read again.

use std::collections::HashMap;

use super::slots::{Slot, Slots};
use crate::model::{FrictionId, IdHashing, JourneyMap, ListChanges, StageId};

/// The places, as of one map revision.
#[derive(Debug, Clone, Default)]
pub struct Places {
    stages: Slots,
    /// Where each friction point is: its stage's handle, its position in the stage.
    points: HashMap<FrictionId, (Slot, usize), IdHashing>,
    /// For each friction point, the opportunities addressing it (stage handle, position),
    /// in journey order.
    addressed_by: HashMap<FrictionId, Vec<(Slot, usize)>, IdHashing>,
    /// Each stage's handle, by id (the first of two stages with one id).
    stage_at: HashMap<StageId, Slot, IdHashing>,
    /// Per stage, the ids it put in the tables, so an edit of the stage takes out exactly
    /// those.
    keys: Vec<StageKeys>,
}

/// The ids one stage puts in the tables.
#[derive(Debug, Clone, Default)]
struct StageKeys {
    id: Option<StageId>,
    frictions: Vec<FrictionId>,
    addressed: Vec<FrictionId>,
}

impl Places {
    /// Places every stage of `map` afresh.
    pub fn rebuild(&mut self, map: &JourneyMap) {
        self.stages.rebuild(map.stages.len());
        self.points.clear();
        self.addressed_by.clear();
        self.stage_at.clear();
        self.keys = vec![StageKeys::default(); map.stages.len()];
        self.add_stages(map, 0..map.stages.len());
    }

    /// Takes out what the stages `stages` says were taken out or changed put in, and
    /// places the changed and new stages again.
    pub fn update(&mut self, map: &JourneyMap, stages: &ListChanges) {
        if stages.is_empty() {
            return;
        }
        for &s in stages.removed() {
            self.take_out_stage(s);
        }
        self.stages.update(stages);
        stages.reshape(&mut self.keys, StageKeys::default);
        if self.keys.len() != map.stages.len() || self.stages.len() != map.stages.len() {
            self.rebuild(map);
            return;
        }
        for &s in stages.touched() {
            self.take_out_stage(s);
        }
        self.add_stages(map, stages.touched().iter().copied());
    }

    /// Where friction point `id` is: (stage, position in it).
    pub fn point(&self, id: &FrictionId) -> Option<(usize, usize)> {
        let &(stage, at) = self.points.get(id)?;
        Some((self.stages.position(stage)?, at))
    }

    /// Whether the map has a friction point with id `id`.
    pub fn has_point(&self, id: &FrictionId) -> bool {
        self.points.contains_key(id)
    }

    /// The opportunities addressing friction point `id`, (stage, position), in journey
    /// order.
    pub fn addressing(&self, id: &FrictionId) -> impl Iterator<Item = (usize, usize)> + '_ {
        let by = self.addressed_by.get(id).map_or(&[][..], Vec::as_slice);
        by.iter()
            .filter_map(|&(stage, at)| Some((self.stages.position(stage)?, at)))
    }

    /// The position of the stage with id `id`.
    pub fn stage(&self, id: &StageId) -> Option<usize> {
        self.stages.position(*self.stage_at.get(id)?)
    }

    /// Takes what stage `s` put in the tables out of them.
    fn take_out_stage(&mut self, s: usize) {
        let (Some(keys), Some(slot)) = (self.keys.get_mut(s), self.stages.slot(s)) else {
            return;
        };
        if let Some(id) = keys.id.take()
            && self.stage_at.get(&id) == Some(&slot)
        {
            self.stage_at.remove(&id);
        }
        for id in keys.frictions.drain(..) {
            if self.points.get(&id).is_some_and(|&(at, _)| at == slot) {
                self.points.remove(&id);
            }
        }
        for id in keys.addressed.drain(..) {
            if let Some(by) = self.addressed_by.get_mut(&id) {
                by.retain(|&(at, _)| at != slot);
                if by.is_empty() {
                    self.addressed_by.remove(&id);
                }
            }
        }
    }

    /// Puts the friction points and links of `stages` (in journey order) in the tables.
    fn add_stages(&mut self, map: &JourneyMap, stages: impl Iterator<Item = usize>) {
        for s in stages {
            let (Some(stage), Some(slot)) = (map.stages.get(s), self.stages.slot(s)) else {
                continue;
            };
            let keys = &mut self.keys[s];
            if !self.stage_at.contains_key(&stage.id) {
                self.stage_at.insert(stage.id.clone(), slot);
                keys.id = Some(stage.id.clone());
            }
            for (f, friction) in stage.frictions.iter().enumerate() {
                self.points.insert(friction.id.clone(), (slot, f));
                keys.frictions.push(friction.id.clone());
            }
            for (o, opportunity) in stage.opportunities.iter().enumerate() {
                for id in &opportunity.addresses {
                    let by = self.addressed_by.entry(id.clone()).or_default();
                    let places = &self.stages;
                    let at = by.partition_point(|&(stage, at)| (places.position(stage), at) <= (Some(s), o));
                    by.insert(at, (slot, o));
                    keys.addressed.push(id.clone());
                }
            }
        }
    }
}

/// Two sets of places are the same when they give the same positions for the same ids,
/// whatever handles they gave the stages.
impl PartialEq for Places {
    fn eq(&self, other: &Self) -> bool {
        let points =
            (self.points.keys()).all(|id| other.points.contains_key(id) && self.point(id) == other.point(id));
        let addressed = (self.addressed_by.keys())
            .all(|id| other.addressed_by.contains_key(id) && self.addressing(id).eq(other.addressing(id)));
        let stages = (self.stage_at.keys())
            .all(|id| other.stage_at.contains_key(id) && self.stage(id) == other.stage(id));
        self.points.len() == other.points.len()
            && self.addressed_by.len() == other.addressed_by.len()
            && self.stage_at.len() == other.stage_at.len()
            && points
            && addressed
            && stages
    }
}

impl Eq for Places {}
