//! The friction memo's honesty rules, which only `cxmap check` runs: every friction point
//! has evidence (its own or its linked notes'), every evidence file exists and lies in the
//! map's folder, every stage is scored, friction text observes rather than proposes, and
//! no channel is spelled two ways. Warnings, never errors: opening a map does not run them.

use std::collections::HashMap;

use super::Checked;
use super::diagnostic::{Diagnostic, Level};
use super::places::Places;
use super::source::Pos;
use crate::model::channels::{self, Source};
use crate::model::{
    EvidencePlace, IdHashing, JourneyMap, NoteLinks, evidence_place, friction_evidence, reads_like_solution,
};

/// The memo warnings for a map read by [`super::parse_for_check`], each placed at the
/// value it is about (or the item, when the file leaves the value out), in file order;
/// `missing` says whether an evidence entry names a file that is not there.
pub fn review(checked: &Checked, missing: impl Fn(&str) -> bool) -> Vec<Diagnostic> {
    let map = &checked.parsed.map;
    let places = &checked.places;
    let mut warnings = Vec::new();
    let mut warn = |at: Pos, message: String| {
        warnings.push(Diagnostic {
            line: at.line as usize,
            column: at.column as usize,
            level: Level::Warning,
            message,
        });
    };
    let links = NoteLinks::new(map);
    let (mut f, mut e) = (0, 0);
    for (s, stage) in map.stages.iter().enumerate() {
        if stage.emotion.score.is_none() {
            warn(
                Places::get(&places.scores, s),
                "this stage has no emotion score, so the emotion curve has a gap here".to_owned(),
            );
        }
        for friction in &stage.frictions {
            if let Some(advice) = reads_like_solution(&friction.text) {
                warn(
                    Places::get(&places.friction_texts, f),
                    format!("this friction text {}", advice.message()),
                );
            }
            if friction_evidence(map, &links, friction).is_empty() {
                warn(
                    Places::get(&places.friction_evidence, f),
                    "this friction point has no evidence (a screenshot, photo, quote or figure), \
                     and no shadow note linked to it has any"
                        .to_owned(),
                );
            }
            for entry in &friction.evidence {
                if let Some(message) = file_problem(entry, &missing) {
                    warn(Places::get(&places.friction_evidence_entries, e), message);
                }
                e += 1;
            }
            f += 1;
        }
    }
    let stage_of_friction: HashMap<&str, usize, IdHashing> = map
        .stages
        .iter()
        .enumerate()
        .flat_map(|(s, stage)| stage.frictions.iter().map(move |f| (f.id.as_str(), s)))
        .rev()
        .collect();
    let mut e = 0;
    for (n, note) in map.shadow.notes.iter().enumerate() {
        for entry in &note.evidence {
            if let Some(message) = file_problem(entry, &missing) {
                warn(Places::get(&places.note_evidence_entries, e), message);
            }
            e += 1;
        }
        let Some(id) = &note.friction else { continue };
        // A link to no friction point at all is validation's warning.
        if let Some(&s) = stage_of_friction.get(id.as_str())
            && map.stages[s].id != note.stage
        {
            warn(
                Places::get(&places.note_frictions, n),
                format!(
                    "this shadow note is linked to the friction point \"{id}\" of the stage \"{}\", \
                     but the note is in another stage",
                    map.stages[s].name
                ),
            );
        }
    }
    warnings.extend(channel_twins(map, places));
    warnings.sort_by_key(|d| (d.line, d.column));
    warnings
}

/// A warning for each pair of channels that look like one spelled two ways ("Email" and
/// "E-mail"): coverage and the memo count them apart. Placed at the later spelling.
fn channel_twins(map: &JourneyMap, places: &Places) -> Vec<Diagnostic> {
    let known = channels::spellings(map);
    let names: Vec<String> = known.iter().map(|(name, _)| name.clone()).collect();
    let first_friction: Vec<usize> = map
        .stages
        .iter()
        .scan(0, |before, stage| {
            let first = *before;
            *before += stage.frictions.len();
            Some(first)
        })
        .collect();
    channels::near_twins(&names)
        .into_iter()
        .map(|(first, second)| {
            let at = match known[second].1 {
                Source::List(i) => Places::get(&places.channels, i),
                Source::Friction { stage, at } => {
                    let flat = first_friction.get(stage).map_or(usize::MAX, |first| first + at);
                    Places::get(&places.friction_channels, flat)
                }
                Source::Note(n) => Places::get(&places.note_channels, n),
                Source::Plan(p) => Places::get(&places.plan_channels, p),
            };
            Diagnostic {
                line: at.line as usize,
                column: at.column as usize,
                level: Level::Warning,
                message: format!(
                    "the channel \"{}\" looks like a twin of \"{}\": coverage and the memo count \
                     them apart; rename one onto the other in the channels screen to merge them",
                    names[second], names[first]
                ),
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
