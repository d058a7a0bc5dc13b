//! Rules that span the whole map: ids unique across the file (an error) and references
//! that name an id which does not exist (a warning; the rest of the file is still read).

use std::collections::{HashMap, HashSet};

use super::diagnostic::{Diagnostic, Level};
use super::places::Places;
use super::source::Pos;
use crate::model::{IdHashing, JourneyMap};

/// Every cross-reference problem of a decoded map, placed with `places`: the repeated ids
/// (errors), then the references to no id (warnings). The shadow notes, most of a big
/// map, are read once for both.
pub fn validate(map: &JourneyMap, places: &Places) -> Vec<Diagnostic> {
    let count = map.shadow.notes.len()
        + map
            .stages
            .iter()
            .map(|s| 1 + s.frictions.len() + s.opportunities.len())
            .sum::<usize>();
    let mut ids = Ids {
        first: HashMap::with_capacity_and_hasher(count, IdHashing::default()),
        repeated: Vec::new(),
    };
    for (id, at) in stage_ids(map, places) {
        ids.meet(id, at);
    }
    let mut warnings = Vec::new();
    references_and_note_ids(map, places, &mut ids, &mut warnings);
    let mut problems = ids.repeated;
    problems.extend(warnings);
    problems
}

/// The ids met so far, and the problems of those met twice.
struct Ids<'m> {
    first: HashMap<&'m str, Pos, IdHashing>,
    repeated: Vec<Diagnostic>,
}

impl<'m> Ids<'m> {
    fn meet(&mut self, id: &'m str, at: Pos) {
        if id.is_empty() {
            return;
        }
        match self.first.get(id) {
            Some(earlier) => self.repeated.push(problem(
                at,
                Level::Error,
                format!(
                    "the id \"{id}\" is used twice (first at line {}, column {}); every id must be unique in the file",
                    earlier.line, earlier.column
                ),
            )),
            None => {
                self.first.insert(id, at);
            }
        }
    }
}

fn problem(at: Pos, level: Level, message: String) -> Diagnostic {
    Diagnostic {
        line: at.line as usize,
        column: at.column as usize,
        level,
        message,
    }
}

/// The ids of the stages and their items with their positions, in file order.
fn stage_ids<'m>(map: &'m JourneyMap, places: &'m Places) -> impl Iterator<Item = (&'m str, Pos)> {
    let mut frictions = 0;
    let mut opportunities = 0;
    map.stages.iter().enumerate().flat_map(move |(s, stage)| {
        let first_friction = frictions;
        let first_opportunity = opportunities;
        frictions += stage.frictions.len();
        opportunities += stage.opportunities.len();
        let stage_id = (stage.id.as_str(), Places::get(&places.stage_ids, s));
        let friction_ids = stage.frictions.iter().enumerate().map(move |(i, f)| {
            (
                f.id.as_str(),
                Places::get(&places.friction_ids, first_friction + i),
            )
        });
        let opportunity_ids = stage.opportunities.iter().enumerate().map(move |(i, o)| {
            (
                o.id.as_str(),
                Places::get(&places.opportunity_ids, first_opportunity + i),
            )
        });
        std::iter::once(stage_id)
            .chain(friction_ids)
            .chain(opportunity_ids)
    })
}

/// Every reference to an id that does not exist, as a warning into `problems`; meets the
/// notes' ids in `ids` on the way.
fn references_and_note_ids<'m>(
    map: &'m JourneyMap,
    places: &Places,
    ids: &mut Ids<'m>,
    problems: &mut Vec<Diagnostic>,
) {
    let stages: HashSet<&str, IdHashing> = map.stages.iter().map(|s| s.id.as_str()).collect();
    let frictions: HashSet<&str, IdHashing> = map
        .stages
        .iter()
        .flat_map(|s| s.frictions.iter().map(|f| f.id.as_str()))
        .collect();
    let mut warn = |at: Pos, message: String| problems.push(problem(at, Level::Warning, message));
    let addresses = map
        .stages
        .iter()
        .flat_map(|s| &s.opportunities)
        .flat_map(|o| &o.addresses);
    for (a, id) in addresses.enumerate() {
        if !frictions.contains(id.as_str()) {
            warn(
                Places::get(&places.addresses, a),
                format!("this opportunity addresses \"{id}\", but no friction point has that id"),
            );
        }
    }
    for (n, note) in map.shadow.notes.iter().enumerate() {
        ids.meet(note.id.as_str(), Places::get(&places.note_ids, n));
        if !stages.contains(note.stage.as_str()) {
            warn(
                Places::get(&places.note_stages, n),
                format!(
                    "this shadow note names the stage \"{}\", but no stage has that id",
                    note.stage
                ),
            );
        }
        if let Some(friction) = &note.friction
            && !frictions.contains(friction.as_str())
        {
            warn(
                Places::get(&places.note_frictions, n),
                format!("this shadow note names the friction point \"{friction}\", but none has that id"),
            );
        }
    }
    for (p, entry) in map.shadow.plan.iter().enumerate() {
        if !stages.contains(entry.stage.as_str()) {
            warn(
                Places::get(&places.plan_stages, p),
                format!(
                    "this plan entry names the stage \"{}\", but no stage has that id",
                    entry.stage
                ),
            );
        }
    }
}
