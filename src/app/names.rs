//! The channel spellings and owners' names the map uses, for completing them in forms and
//! tags. Kept per stage and for the shadow notes, and gathered again after an edit only
//! from what it touched: opening a form no longer reads every note (80,000 on a big map).

use std::collections::{HashMap, HashSet};

use super::document::Document;
use crate::model::{History, IdHashing, JourneyMap, ListChanges, Stage, channels, council};

/// The names, as of one map revision.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Names {
    /// Each stage's friction points' channel spellings and owners, each once, in order.
    stages: Vec<StageNames>,
    /// How many stages use each channel spelling and each owner's name.
    channel_counts: StageCounts,
    owner_counts: StageCounts,
    /// The shadow notes' channel spellings.
    notes: NoteChannels,
    /// The shadow plan's channel spellings, each once (a plan entry per stage and
    /// channel on a big map): gathered again only when the map's own fields change.
    plan: Vec<String>,
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

/// How many stages use each name, so the names in journey order are found by reading
/// stages only until each of them has come (on a big map, within the first few).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct StageCounts(HashMap<String, usize, IdHashing>);

impl StageCounts {
    fn add(&mut self, names: &[String]) {
        for name in names {
            *self.0.entry(name.clone()).or_default() += 1;
        }
    }

    fn remove(&mut self, names: &[String]) {
        for name in names {
            if let Some(uses) = self.0.get_mut(name) {
                *uses -= 1;
                if *uses == 0 {
                    self.0.remove(name);
                }
            }
        }
    }

    /// Each name of `lists` (one per stage, in journey order) once, in the order they
    /// first come.
    fn in_order<'a>(&self, lists: impl Iterator<Item = &'a [String]>) -> Vec<&'a str> {
        let mut seen = HashSet::with_capacity_and_hasher(self.0.len(), IdHashing::default());
        let mut out = Vec::with_capacity(self.0.len());
        for list in lists {
            if seen.len() >= self.0.len() {
                break;
            }
            out.extend(list.iter().map(String::as_str).filter(|name| seen.insert(*name)));
        }
        out
    }
}

/// Each note's channel spelling as a number, so a note put in, taken out or changed
/// moves one count, and the spellings in note order take one pass over small numbers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct NoteChannels {
    /// The spellings ever seen, in the order first seen, and how many notes use each now.
    spellings: Vec<(String, usize)>,
    numbers: HashMap<String, u32, IdHashing>,
    /// Per note, its spelling's number (`UNSEEN` until it is looked at).
    of_note: Vec<u32>,
}

const UNSEEN: u32 = u32::MAX;

impl NoteChannels {
    /// Brings the counts up to date with the notes `notes` says changed.
    fn update(&mut self, map: &JourneyMap, notes: &ListChanges) {
        for &n in notes.removed() {
            self.forget(self.of_note.get(n).copied().unwrap_or(UNSEEN));
        }
        notes.reshape(&mut self.of_note, || UNSEEN);
        for &n in notes.touched() {
            let (Some(&was), Some(note)) = (self.of_note.get(n), map.shadow.notes.get(n)) else {
                continue;
            };
            self.forget(was);
            self.of_note[n] = self.count(&note.channel);
        }
    }

    fn rebuild(&mut self, map: &JourneyMap) {
        *self = Self::default();
        self.of_note = map
            .shadow
            .notes
            .iter()
            .map(|note| self.count(&note.channel))
            .collect();
    }

    fn forget(&mut self, number: u32) {
        if let Some((_, uses)) = self.spellings.get_mut(number as usize) {
            *uses -= 1;
        }
    }

    fn count(&mut self, spelling: &str) -> u32 {
        let number = match self.numbers.get(spelling) {
            Some(&number) => number,
            None => {
                let number = u32::try_from(self.spellings.len()).unwrap_or(UNSEEN - 1);
                self.numbers.insert(spelling.to_owned(), number);
                self.spellings.push((spelling.to_owned(), 0));
                number
            }
        };
        if let Some((_, uses)) = self.spellings.get_mut(number as usize) {
            *uses += 1;
        }
        number
    }

    /// The spellings the notes use, each once, in the order the notes first use them.
    fn in_note_order(&self) -> Vec<&str> {
        let mut left = self.spellings.iter().filter(|(_, uses)| *uses > 0).count();
        let mut listed = vec![false; self.spellings.len()];
        let mut out = Vec::with_capacity(left);
        for &number in &self.of_note {
            if left == 0 {
                break;
            }
            if let Some(seen) = listed.get_mut(number as usize)
                && !*seen
            {
                *seen = true;
                left -= 1;
                out.push(self.spellings[number as usize].0.as_str());
            }
        }
        out
    }
}

/// Each of `names` once, in the order they first come.
fn distinct<'a>(names: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut seen: HashSet<&str, IdHashing> = HashSet::default();
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
        if !changed.everything {
            for &s in changed.stages.removed() {
                if let Some(gone) = self.stages.get(s) {
                    self.channel_counts.remove(&gone.channels);
                    self.owner_counts.remove(&gone.owners);
                }
            }
            changed.stages.reshape(&mut self.stages, StageNames::default);
        }
        if changed.everything || self.stages.len() != map.stages.len() {
            self.stages = map.stages.iter().map(|stage| StageNames::of(stage)).collect();
            (self.channel_counts, self.owner_counts) = Default::default();
            for names in &self.stages {
                self.channel_counts.add(&names.channels);
                self.owner_counts.add(&names.owners);
            }
        } else {
            for &s in changed.stages.touched() {
                if let (Some(names), Some(stage)) = (self.stages.get_mut(s), map.stages.get(s)) {
                    self.channel_counts.remove(&names.channels);
                    self.owner_counts.remove(&names.owners);
                    *names = StageNames::of(stage);
                    self.channel_counts.add(&names.channels);
                    self.owner_counts.add(&names.owners);
                }
            }
        }
        if changed.everything {
            self.notes.rebuild(map);
        } else {
            self.notes.update(map, &changed.notes);
        }
        if self.notes.of_note.len() != map.shadow.notes.len() {
            self.notes.rebuild(map);
        }
        if changed.everything || changed.map {
            self.plan = distinct(map.shadow.plan.iter().map(|entry| entry.channel.as_str()));
        }
        self.computed_for = Some(history.revision());
    }

    /// Every channel `map` knows, as [`channels::known`] lists them.
    pub fn channels(&self, map: &JourneyMap) -> Vec<String> {
        let spellings = map.shadow.channels.iter().map(String::as_str);
        let stages = (self.channel_counts)
            .in_order(self.stages.iter().map(|s| s.channels.as_slice()))
            .into_iter();
        let notes = self.notes.in_note_order().into_iter();
        let plan = self.plan.iter().map(String::as_str);
        let mut seen: HashSet<&str, IdHashing> = HashSet::default();
        let mut twins: HashSet<_, IdHashing> = HashSet::default();
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
        let owners = (self.owner_counts).in_order(self.stages.iter().map(|s| s.owners.as_slice()));
        council::owners_of(owners.into_iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::{self, Spec};
    use crate::model::{Edit, PlanEntry};

    #[test]
    fn a_channel_only_the_plan_names_comes_and_goes_with_the_plan() {
        let mut map = generate::map(&Spec {
            stages: 6,
            notes: 12,
            seed: 3,
        });
        let mut history = History::default();
        let mut names = Names::default();
        names.refresh(&map, &history);
        assert_eq!(names.channels(&map), channels::known(&map));
        let mut plan = map.shadow.plan.clone();
        plan.push(PlanEntry {
            stage: map.stages[1].id.clone(),
            channel: "Drive-through".to_owned(),
            ..PlanEntry::default()
        });
        history
            .apply(&mut map, Edit::SetPlan(plan), "plan")
            .expect("a plan for a stage of the map applies");
        names.refresh(&map, &history);
        assert!(names.channels(&map).contains(&"Drive-through".to_owned()));
        assert_eq!(names.channels(&map), channels::known(&map));
        history.undo(&mut map);
        names.refresh(&map, &history);
        assert_eq!(names.channels(&map), channels::known(&map));
    }
}
