//! The hits found so far, kept stage by stage so that an edit re-reads only the stages it
//! touched, and the passes that find them a slice at a time: a search of a large map never
//! holds a keystroke up, it goes on between keys.

use std::collections::HashMap;

use super::Place;
use super::needle::Needle;
use crate::model::{IdHashing, JourneyMap, Lane, ShadowNote, Stage, StageId};

/// How much text one slice of a search reads (bytes, each place counting a little more
/// for being one): about a tenth of a millisecond.
const SLICE: usize = 128 * 1024;
/// What looking at one place (a cell item, a note) costs beyond its bytes, in the same
/// units.
const PER_PLACE: usize = 32;

/// The hits: the title's and persona's, then each stage's in grid order (its name, its
/// lanes top to bottom, then its shadow notes).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Found {
    pub(super) top: Vec<Place>,
    pub(super) stages: Vec<Vec<Place>>,
    pub(super) count: usize,
}

/// Work left to do for the query and map the hits are being found for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Pass {
    /// Reading every text of the stages from `next` on.
    Stages { next: usize },
    /// Reading every shadow note from `next` on, each hit placed in its stage.
    Notes {
        next: usize,
        stage_at: HashMap<StageId, usize, IdHashing>,
    },
    /// The query was typed on: keeping, stage by stage from `next`, the hits that still
    /// hold it (nothing else can).
    Narrow { next: usize },
}

impl Found {
    /// Starts over: the title and persona read now, the stages left to [`Found::work`].
    pub(super) fn start(&mut self, map: &JourneyMap, needle: &Needle) -> Pass {
        self.top = top_hits(map, needle);
        self.stages = vec![Vec::new(); map.stages.len()];
        self.count = self.top.len();
        Pass::Stages { next: 0 }
    }

    /// Keeps, of the title's and persona's hits, those that still hold the query; the
    /// stages' are left to [`Found::work`].
    pub(super) fn narrow(&mut self, map: &JourneyMap, needle: &Needle) -> Pass {
        self.recheck_top(map, needle);
        Pass::Narrow { next: 0 }
    }

    /// Reads the title and persona again.
    pub(super) fn recheck_top(&mut self, map: &JourneyMap, needle: &Needle) {
        let top = top_hits(map, needle);
        self.count = self.count - self.top.len() + top.len();
        self.top = top;
    }

    /// Reads the cells of stage `s` again, keeping its shadow notes' hits.
    pub(super) fn recheck_stage(&mut self, map: &JourneyMap, needle: &Needle, s: usize) {
        let (Some(stage), Some(hits)) = (map.stages.get(s), self.stages.get_mut(s)) else {
            return;
        };
        let before = hits.len();
        let notes: Vec<Place> = hits
            .iter()
            .copied()
            .filter(|place| matches!(place, Place::ShadowNote(_)))
            .collect();
        stage_hits(stage, needle, hits);
        hits.extend(notes);
        self.count = self.count - before + hits.len();
    }

    /// One slice of work, from `pass` on; the pass left, if any.
    pub(super) fn work(&mut self, map: &JourneyMap, needle: &Needle, mut pass: Pass) -> Option<Pass> {
        let mut budget = SLICE;
        loop {
            pass = self.read(map, needle, pass, &mut budget)?;
            if budget == 0 {
                return Some(pass);
            }
        }
    }

    /// Reads what `pass` has left until it ends or `budget` runs out; the pass after.
    fn read(&mut self, map: &JourneyMap, needle: &Needle, pass: Pass, budget: &mut usize) -> Option<Pass> {
        match pass {
            Pass::Stages { mut next } => {
                while let (Some(stage), Some(hits)) = (map.stages.get(next), self.stages.get_mut(next)) {
                    if *budget == 0 {
                        return Some(Pass::Stages { next });
                    }
                    *budget = budget.saturating_sub(stage_hits(stage, needle, hits));
                    self.count += hits.len();
                    next += 1;
                }
                let stage_at = (map.stages.iter().enumerate())
                    .map(|(s, stage)| (stage.id.clone(), s))
                    .collect();
                Some(Pass::Notes { next: 0, stage_at })
            }
            Pass::Notes { mut next, stage_at } => {
                while let Some(note) = map.shadow.notes.get(next) {
                    if *budget == 0 {
                        return Some(Pass::Notes { next, stage_at });
                    }
                    let texts = note_texts(note);
                    *budget = budget.saturating_sub(cost(&texts));
                    if texts.iter().any(|text| needle.found_in(text)) {
                        let s = stage_at.get(&note.stage);
                        if let Some(hits) = s.and_then(|&s| self.stages.get_mut(s)) {
                            hits.push(Place::ShadowNote(next));
                            self.count += 1;
                        }
                    }
                    next += 1;
                }
                None
            }
            Pass::Narrow { mut next } => {
                while next < self.stages.len() {
                    if *budget == 0 {
                        return Some(Pass::Narrow { next });
                    }
                    let hits = &mut self.stages[next];
                    let before = hits.len();
                    hits.retain(|&place| {
                        let texts = texts_of(map, next, place);
                        *budget = budget.saturating_sub(cost(&texts));
                        texts.iter().any(|text| needle.found_in(text))
                    });
                    *budget = budget.saturating_sub(PER_PLACE);
                    self.count -= before - hits.len();
                    next += 1;
                }
                None
            }
        }
    }
}

/// What reading one place's `texts` costs against a slice's budget.
fn cost(texts: &[&str]) -> usize {
    PER_PLACE + texts.iter().map(|text| text.len()).sum::<usize>()
}

fn top_hits(map: &JourneyMap, needle: &Needle) -> Vec<Place> {
    [(Place::Title, &map.title), (Place::Persona, &map.persona)]
        .into_iter()
        .filter(|(_, text)| needle.found_in(text))
        .map(|(place, _)| place)
        .collect()
}

/// Puts the hits among `stage`'s own texts (not its notes) into `hits`, in grid order;
/// what reading them cost.
fn stage_hits(stage: &Stage, needle: &Needle, hits: &mut Vec<Place>) -> usize {
    hits.clear();
    let mut spent = 0;
    for place in stage_places(stage) {
        let texts = stage_texts(stage, place);
        spent += cost(&texts);
        if texts.iter().any(|text| needle.found_in(text)) {
            hits.push(place);
        }
    }
    spent
}

/// Every place of `stage`'s own texts, in grid order: its name, then its lanes top to
/// bottom.
fn stage_places(stage: &Stage) -> impl Iterator<Item = Place> {
    let items = |lane, count| (0..count).map(move |item| Place::Cell { lane, item });
    let cell = |lane| Place::Cell { lane, item: 0 };
    [Place::StageName, cell(Lane::Goal)]
        .into_iter()
        .chain(items(Lane::Touchpoints, stage.touchpoints.len()))
        .chain([cell(Lane::Emotion)])
        .chain(items(Lane::Friction, stage.frictions.len()))
        .chain(items(Lane::Opportunity, stage.opportunities.len()))
}

/// The texts a hit at `place` in stage `s` was found in (empty where it has fewer).
fn texts_of(map: &JourneyMap, s: usize, place: Place) -> [&str; 3] {
    match place {
        Place::Title => [&map.title, "", ""],
        Place::Persona => [&map.persona, "", ""],
        Place::ShadowNote(n) => map.shadow.notes.get(n).map_or([""; 3], |note| note_texts(note)),
        Place::StageName | Place::Cell { .. } => map
            .stages
            .get(s)
            .map_or([""; 3], |stage| stage_texts(stage, place)),
    }
}

/// The texts of `stage` at `place` (its name or a cell item; empty where it has fewer).
fn stage_texts(stage: &Stage, place: Place) -> [&str; 3] {
    let Place::Cell { lane, item } = place else {
        return [
            if place == Place::StageName {
                &stage.name
            } else {
                ""
            },
            "",
            "",
        ];
    };
    match lane {
        Lane::Goal => [&stage.goal, "", ""],
        Lane::Emotion => [&stage.emotion.note, "", ""],
        Lane::Touchpoints => [stage.touchpoints.get(item).map_or("", String::as_str), "", ""],
        Lane::Friction => stage
            .frictions
            .get(item)
            .map_or([""; 3], |f| [&f.text, &f.owner, &f.channel]),
        Lane::Opportunity => [stage.opportunities.get(item).map_or("", |o| &o.text), "", ""],
    }
}

/// A shadow note's texts a search reads.
fn note_texts(note: &ShadowNote) -> [&str; 3] {
    [&note.text, &note.observer, &note.channel]
}
