//! The friction memo's honesty rules, which only `cxmap check` runs: every friction point
//! has evidence (its own or its linked notes'), every evidence file exists and lies in the
//! map's folder, every stage is scored, friction text observes rather than proposes, and
//! no channel is spelled two ways. Warnings, never errors: opening a map does not run them.

use std::collections::HashMap;

use super::diagnostic::{Diagnostic, JsonPath, Level, Problem, Segment};
use crate::model::channels::{self, Source};
use crate::model::{
    EvidencePlace, JourneyMap, NoteLinks, evidence_place, friction_evidence, reads_like_solution,
};

use Segment::{Index, Key};

/// The memo warnings for `map`, whose file text is `text`, placed at line and column;
/// `missing` says whether an evidence entry names a file that is not there.
pub fn review(text: &str, map: &JourneyMap, missing: impl Fn(&str) -> bool) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut warn = |path: Vec<Segment>, message: String| {
        problems.push(Problem {
            path: JsonPath(path),
            level: Level::Warning,
            message,
            related: None,
        });
    };
    let links = NoteLinks::new(map);
    for (s, stage) in map.stages.iter().enumerate() {
        if stage.emotion.score.is_none() {
            warn(
                vec![Key("stages"), Index(s), Key("emotion"), Key("score")],
                "this stage has no emotion score, so the emotion curve has a gap here".to_owned(),
            );
        }
        for (f, friction) in stage.frictions.iter().enumerate() {
            let at = |rest: &[Segment]| {
                let mut path = vec![Key("stages"), Index(s), Key("frictions"), Index(f)];
                path.extend_from_slice(rest);
                path
            };
            if let Some(advice) = reads_like_solution(&friction.text) {
                warn(
                    at(&[Key("text")]),
                    format!("this friction text {}", advice.message()),
                );
            }
            if friction_evidence(map, &links, friction).is_empty() {
                warn(
                    at(&[Key("evidence")]),
                    "this friction point has no evidence (a screenshot, photo, quote or figure), \
                     and no shadow note linked to it has any"
                        .to_owned(),
                );
            }
            for (e, entry) in friction.evidence.iter().enumerate() {
                if let Some(message) = file_problem(entry, &missing) {
                    warn(at(&[Key("evidence"), Index(e)]), message);
                }
            }
        }
    }
    let stage_of_friction: HashMap<&str, usize> = map
        .stages
        .iter()
        .enumerate()
        .flat_map(|(s, stage)| stage.frictions.iter().map(move |f| (f.id.as_str(), s)))
        .rev()
        .collect();
    for (n, note) in map.shadow.notes.iter().enumerate() {
        for (e, entry) in note.evidence.iter().enumerate() {
            if let Some(message) = file_problem(entry, &missing) {
                warn(
                    vec![Key("shadow"), Key("notes"), Index(n), Key("evidence"), Index(e)],
                    message,
                );
            }
        }
        let Some(id) = &note.friction else { continue };
        // A link to no friction point at all is validation's warning.
        if let Some(&s) = stage_of_friction.get(id.as_str())
            && map.stages[s].id != note.stage
        {
            warn(
                vec![Key("shadow"), Key("notes"), Index(n), Key("friction")],
                format!(
                    "this shadow note is linked to the friction point \"{id}\" of the stage \"{}\", \
                     but the note is in another stage",
                    map.stages[s].name
                ),
            );
        }
    }
    problems.extend(channel_twins(map));
    super::place(text, problems)
}

/// A warning for each pair of channels that look like one spelled two ways ("Email" and
/// "E-mail"): coverage and the memo count them apart. Placed at the later spelling.
fn channel_twins(map: &JourneyMap) -> Vec<Problem> {
    let known = channels::spellings(map);
    let names: Vec<String> = known.iter().map(|(name, _)| name.clone()).collect();
    channels::near_twins(&names)
        .into_iter()
        .map(|(first, second)| {
            let path = match known[second].1 {
                Source::List(i) => vec![Key("shadow"), Key("channels"), Index(i)],
                Source::Friction { stage, at } => {
                    vec![
                        Key("stages"),
                        Index(stage),
                        Key("frictions"),
                        Index(at),
                        Key("channel"),
                    ]
                }
                Source::Note(n) => vec![Key("shadow"), Key("notes"), Index(n), Key("channel")],
                Source::Plan(p) => vec![Key("shadow"), Key("plan"), Index(p), Key("channel")],
            };
            Problem {
                path: JsonPath(path),
                level: Level::Warning,
                message: format!(
                    "the channel \"{}\" looks like a twin of \"{}\": coverage and the memo count \
                     them apart; rename one onto the other in the channels screen to merge them",
                    names[second], names[first]
                ),
                related: None,
            }
        })
        .collect()
}

/// What is wrong with one evidence file, by the one rule every place follows: a file that
/// is not there, or one outside the map's folder (allowed, but it stays behind when the
/// map is shared).
fn file_problem(entry: &str, missing: impl Fn(&str) -> bool) -> Option<String> {
    if missing(entry) {
        return Some(format!(
            "the evidence file \"{entry}\" is not there (paths are relative to the map's folder)"
        ));
    }
    (evidence_place(entry) == EvidencePlace::Outside).then(|| {
        format!(
            "the evidence file \"{entry}\" is outside the map's folder: it stays behind when the \
             map is shared; copy it into a folder beside the map"
        )
    })
}
