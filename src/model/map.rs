//! The journey map: title, persona, stages in journey order, and the shadow part.

use std::collections::HashMap;

use super::extras::Extras;
use super::ids::{FrictionId, IdGen, IdHashing, NoteId, OpportunityId, StageId};
use super::memo::MemoFacts;
use super::shadow::Shadow;
use super::shared::Shared;
use super::stage::Stage;

/// The file format version this program reads and writes.
pub const FORMAT_VERSION: u64 = 1;

/// One journey map, as one file holds it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct JourneyMap {
    pub title: String,
    pub persona: String,
    pub stages: Vec<Shared<Stage>>,
    pub shadow: Shadow,
    /// Who walked the journey, when and on what, as the memo says; absent until written.
    pub memo: Option<MemoFacts>,
    pub extras: Extras,
}

impl JourneyMap {
    /// A map with the given stages, every cell empty.
    pub fn with_stages(title: &str, stage_names: &[&str], ids: &mut IdGen) -> Self {
        let mut map = JourneyMap {
            title: title.to_owned(),
            ..JourneyMap::default()
        };
        for name in stage_names {
            let id = map.fresh_stage_id(ids);
            map.stages.push(Stage::new(id, (*name).to_owned()).into());
        }
        map
    }

    /// Every id in the file, of every kind.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        let stage_ids = self.stages.iter().flat_map(|stage| {
            std::iter::once(stage.id.as_str())
                .chain(stage.frictions.iter().map(|f| f.id.as_str()))
                .chain(stage.opportunities.iter().map(|o| o.id.as_str()))
        });
        stage_ids.chain(self.shadow.notes.iter().map(|n| n.id.as_str()))
    }

    /// Every evidence entry of the map: friction points' then shadow notes'.
    pub fn evidence(&self) -> impl Iterator<Item = &str> {
        let frictions = self
            .stages
            .iter()
            .flat_map(|s| &s.frictions)
            .flat_map(|f| &f.evidence);
        let notes = self.shadow.notes.iter().flat_map(|n| &n.evidence);
        frictions.chain(notes).map(String::as_str)
    }

    /// Whether any item of the map already has this id.
    pub fn has_id(&self, id: &str) -> bool {
        self.ids().any(|existing| existing == id)
    }

    /// The stages by id, for looking up many references at once: finding each one by
    /// scanning the stages costs notes × stages on a big map. The first of two stages
    /// with one id wins, as a scan would find it.
    pub fn stages_by_id(&self) -> HashMap<&str, &Stage, IdHashing> {
        let mut index = HashMap::with_capacity_and_hasher(self.stages.len(), IdHashing::default());
        for stage in &self.stages {
            index.entry(stage.id.as_str()).or_insert(&**stage);
        }
        index
    }

    /// The position of a stage in journey order.
    pub fn stage_position(&self, id: &StageId) -> Option<usize> {
        self.stages.iter().position(|stage| &stage.id == id)
    }

    /// The stage position and index of a friction point.
    pub fn friction_position(&self, id: &FrictionId) -> Option<(usize, usize)> {
        self.stages.iter().enumerate().find_map(|(s, stage)| {
            let i = stage.frictions.iter().position(|f| &f.id == id)?;
            Some((s, i))
        })
    }

    /// A new stage id, unique in this map.
    pub fn fresh_stage_id(&self, ids: &mut IdGen) -> StageId {
        StageId(ids.fresh(StageId::PREFIX, |id| self.has_id(id)))
    }

    /// A new friction id, unique in this map.
    pub fn fresh_friction_id(&self, ids: &mut IdGen) -> FrictionId {
        FrictionId(ids.fresh(FrictionId::PREFIX, |id| self.has_id(id)))
    }

    /// A new opportunity id, unique in this map.
    pub fn fresh_opportunity_id(&self, ids: &mut IdGen) -> OpportunityId {
        OpportunityId(ids.fresh(OpportunityId::PREFIX, |id| self.has_id(id)))
    }

    /// A new shadow-note id, unique in this map.
    pub fn fresh_note_id(&self, ids: &mut IdGen) -> NoteId {
        NoteId(ids.fresh(NoteId::PREFIX, |id| self.has_id(id)))
    }
}
