//! The three versions of a map looked up by id, built once per merge.

use std::collections::HashMap;

use crate::model::{Friction, JourneyMap, Opportunity, PlanEntry, ShadowNote, Stage};

/// One version of the map, by id. Friction points and opportunities come with the id of
/// the stage they are in.
pub struct Index<'m> {
    pub map: &'m JourneyMap,
    pub stages: HashMap<&'m str, &'m Stage>,
    pub frictions: HashMap<&'m str, (&'m str, &'m Friction)>,
    pub opportunities: HashMap<&'m str, (&'m str, &'m Opportunity)>,
    pub notes: HashMap<&'m str, &'m ShadowNote>,
    notes_by_stage: HashMap<&'m str, Vec<&'m ShadowNote>>,
    plan_by_stage: HashMap<&'m str, Vec<&'m PlanEntry>>,
}

impl<'m> Index<'m> {
    pub fn new(map: &'m JourneyMap) -> Self {
        let mut index = Index {
            map,
            stages: HashMap::new(),
            frictions: HashMap::new(),
            opportunities: HashMap::new(),
            notes: HashMap::new(),
            notes_by_stage: HashMap::new(),
            plan_by_stage: HashMap::new(),
        };
        for stage in &map.stages {
            let id = stage.id.as_str();
            index.stages.insert(id, stage);
            for friction in &stage.frictions {
                index.frictions.insert(friction.id.as_str(), (id, friction));
            }
            for opportunity in &stage.opportunities {
                index
                    .opportunities
                    .insert(opportunity.id.as_str(), (id, opportunity));
            }
        }
        for note in &map.shadow.notes {
            index.notes.insert(note.id.as_str(), note);
            index
                .notes_by_stage
                .entry(note.stage.as_str())
                .or_default()
                .push(note);
        }
        for entry in &map.shadow.plan {
            index
                .plan_by_stage
                .entry(entry.stage.as_str())
                .or_default()
                .push(entry);
        }
        index
    }

    /// The stage with everything that names it: its shadow notes and plan entries
    /// (deleting a stage deletes them; adding or changing one changes the stage).
    pub fn stage_with_surroundings(
        &self,
        id: &str,
    ) -> (
        Option<&Stage>,
        Option<&Vec<&ShadowNote>>,
        Option<&Vec<&PlanEntry>>,
    ) {
        (
            self.stages.get(id).copied(),
            self.notes_by_stage.get(id),
            self.plan_by_stage.get(id),
        )
    }
}
