//! The channel spellings and owners' names the map uses, for completing them in forms and
//! tags. Kept per stage and for the shadow notes, and gathered again after an edit only
//! from what it touched: opening a form no longer reads every note (80,000 on a big map).

use std::collections::HashSet;

use super::document::Document;
use crate::model::{History, JourneyMap, Stage, channels, council};

/// The names, as of one map revision.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Names {
    /// Each stage's friction points' channel spellings and owners, each once, in order.
    stages: Vec<StageNames>,
    /// The shadow notes' channel spellings, each once, in note order.
    notes: Vec<String>,
    computed_for: Option<u64>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct StageNames {
    channels: Vec<String>,
    owners: Vec<String>,
}

impl StageNames {
    fn of(stage: &Stage) -> Self {
        Self {
            channels: distinct(stage.frictions.iter().map(|f| f.channel.as_str())),
            owners: distinct(stage.frictions.iter().map(|f| f.owner.as_str())),
        }
    }
}

/// Each of `names` once, in the order they first come.
fn distinct<'a>(names: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut seen = HashSet::new();
    names
        .filter(|name| seen.insert(*name))
        .map(str::to_owned)
        .collect()
}

impl Names {
    /// The names of `doc`'s map, brought up to date first.
    pub fn of(&mut self, doc: &Document) -> &Names {
        self.refresh(&doc.map, &doc.history);
        self
    }

    /// Brings the names up to date with the map (`history` says what changed since).
    pub fn refresh(&mut self, map: &JourneyMap, history: &History) {
        let changed = history.changed_since(self.computed_for);
        if changed.everything || self.stages.len() != map.stages.len() {
            self.stages = map.stages.iter().map(|stage| StageNames::of(stage)).collect();
        } else {
            for &s in &changed.stages {
                if let Some(stage) = map.stages.get(s) {
                    self.stages[s] = StageNames::of(stage);
                }
            }
        }
        if changed.everything || changed.notes {
            self.notes = distinct(map.shadow.notes.iter().map(|n| n.channel.as_str()));
        }
        self.computed_for = Some(history.revision());
    }

    /// Every channel `map` knows, as [`channels::known`] lists them.
    pub fn channels(&self, map: &JourneyMap) -> Vec<String> {
        let spellings = map.shadow.channels.iter().map(String::as_str);
        let stages = self
            .stages
            .iter()
            .flat_map(|s| s.channels.iter().map(String::as_str));
        let notes = self.notes.iter().map(String::as_str);
        let plan = map.shadow.plan.iter().map(|entry| entry.channel.as_str());
        let mut seen = HashSet::new();
        let mut twins = HashSet::new();
        // As channels::known: each spelling once, blanks left out, then one per twin.
        spellings
            .chain(stages)
            .chain(notes)
            .chain(plan)
            .filter(|name| seen.insert(*name) && !name.trim().is_empty())
            .filter(|name| twins.insert(channels::canonical(name)))
            .map(str::to_owned)
            .collect()
    }

    /// Everyone who owns a friction point, as [`council::owners`] lists them.
    pub fn owners(&self) -> Vec<String> {
        council::owners_of(
            self.stages
                .iter()
                .flat_map(|s| s.owners.iter().map(String::as_str)),
        )
    }
}
