//! Rules that span the whole map: ids unique across the file (an error) and references
//! that name an id which does not exist (a warning; the rest of the file is still read).

use std::collections::{HashMap, HashSet};

use super::diagnostic::{JsonPath, Level, Problem, Segment};
use crate::model::JourneyMap;

use Segment::{Index, Key};

/// Every cross-reference problem of a decoded map, in file order.
pub fn validate(map: &JourneyMap) -> Vec<Problem> {
    let mut problems = Vec::new();
    duplicate_ids(map, &mut problems);
    dangling_references(map, &mut problems);
    problems
}

/// Where an id sits in the file; its JSON path is built only for a problem.
#[derive(Clone, Copy)]
enum IdAt {
    Stage(usize),
    Friction(usize, usize),
    Opportunity(usize, usize),
    Note(usize),
}

impl IdAt {
    fn path(self) -> JsonPath {
        JsonPath(match self {
            IdAt::Stage(s) => vec![Key("stages"), Index(s), Key("id")],
            IdAt::Friction(s, i) => vec![Key("stages"), Index(s), Key("frictions"), Index(i), Key("id")],
            IdAt::Opportunity(s, i) => {
                vec![Key("stages"), Index(s), Key("opportunities"), Index(i), Key("id")]
            }
            IdAt::Note(n) => vec![Key("shadow"), Key("notes"), Index(n), Key("id")],
        })
    }
}

/// Every id of the map with its place, in file order.
fn ids(map: &JourneyMap) -> impl Iterator<Item = (&str, IdAt)> {
    let stages = map.stages.iter().enumerate().flat_map(|(s, stage)| {
        let frictions = stage
            .frictions
            .iter()
            .enumerate()
            .map(move |(i, f)| (f.id.as_str(), IdAt::Friction(s, i)));
        let opportunities = stage
            .opportunities
            .iter()
            .enumerate()
            .map(move |(i, o)| (o.id.as_str(), IdAt::Opportunity(s, i)));
        std::iter::once((stage.id.as_str(), IdAt::Stage(s)))
            .chain(frictions)
            .chain(opportunities)
    });
    let notes = map
        .shadow
        .notes
        .iter()
        .enumerate()
        .map(|(n, note)| (note.id.as_str(), IdAt::Note(n)));
    stages.chain(notes)
}

fn duplicate_ids(map: &JourneyMap, problems: &mut Vec<Problem>) {
    let count = map.shadow.notes.len()
        + map
            .stages
            .iter()
            .map(|s| 1 + s.frictions.len() + s.opportunities.len())
            .sum::<usize>();
    let mut first: HashMap<&str, IdAt> = HashMap::with_capacity(count);
    for (id, at) in ids(map) {
        if id.is_empty() {
            continue;
        }
        match first.get(id) {
            Some(earlier) => problems.push(Problem {
                message: format!(
                    "the id \"{id}\" is used twice (first at {{related}}); every id must be unique in the file"
                ),
                path: at.path(),
                level: Level::Error,
                related: Some(earlier.path()),
            }),
            None => {
                first.insert(id, at);
            }
        }
    }
}

fn dangling_references(map: &JourneyMap, problems: &mut Vec<Problem>) {
    let stages: HashSet<&str> = map.stages.iter().map(|s| s.id.as_str()).collect();
    let frictions: HashSet<&str> = map
        .stages
        .iter()
        .flat_map(|s| s.frictions.iter().map(|f| f.id.as_str()))
        .collect();
    let mut warn = |path: Vec<Segment>, message: String| {
        problems.push(Problem {
            path: JsonPath(path),
            level: Level::Warning,
            message,
            related: None,
        })
    };
    for (s, stage) in map.stages.iter().enumerate() {
        for (o, opportunity) in stage.opportunities.iter().enumerate() {
            for (a, id) in opportunity.addresses.iter().enumerate() {
                if !frictions.contains(id.as_str()) {
                    warn(
                        vec![
                            Key("stages"),
                            Index(s),
                            Key("opportunities"),
                            Index(o),
                            Key("addresses"),
                            Index(a),
                        ],
                        format!("this opportunity addresses \"{id}\", but no friction point has that id"),
                    );
                }
            }
        }
    }
    for (n, note) in map.shadow.notes.iter().enumerate() {
        if !stages.contains(note.stage.as_str()) {
            warn(
                vec![Key("shadow"), Key("notes"), Index(n), Key("stage")],
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
                vec![Key("shadow"), Key("notes"), Index(n), Key("friction")],
                format!("this shadow note names the friction point \"{friction}\", but none has that id"),
            );
        }
    }
    for (p, entry) in map.shadow.plan.iter().enumerate() {
        if !stages.contains(entry.stage.as_str()) {
            warn(
                vec![Key("shadow"), Key("plan"), Index(p), Key("stage")],
                format!(
                    "this plan entry names the stage \"{}\", but no stage has that id",
                    entry.stage
                ),
            );
        }
    }
}
