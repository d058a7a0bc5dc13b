//! The journey-map file format (version 1): bytes to a [`JourneyMap`] with every problem
//! placed at a line and column, and a map back to canonical bytes.

mod conflicts;
mod decode;
mod diagnostic;
mod encode;
mod locate;
mod review;
mod tree;
mod validate;

pub use conflicts::conflicts;
pub use diagnostic::{Diagnostic, Level};
pub use encode::encode;
pub use review::review;

use crate::model::{FrictionId, IdGen, JourneyMap, NoteId, OpportunityId, StageId, TakenIds};
use diagnostic::Problem;

/// A map read from a file, with the warnings `cxmap check` would print.
#[derive(Debug)]
pub struct Parsed {
    pub map: JourneyMap,
    pub warnings: Vec<Diagnostic>,
}

/// Reads a file's bytes as a format-1 map. On refusal, every problem found (errors and
/// warnings) is returned, sorted by position.
pub fn parse_bytes(bytes: &[u8]) -> Result<Parsed, Vec<Diagnostic>> {
    let refuse = |line, column, message: &str| {
        Err(vec![Diagnostic {
            line,
            column,
            level: Level::Error,
            message: message.to_owned(),
        }])
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return refuse(1, 1, "the file is empty; a map starts with {\"cxmap\": 1, …}");
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        return refuse(
            1,
            1,
            "the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM",
        );
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let valid = &bytes[..error.valid_up_to()];
            let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
            let column = String::from_utf8_lossy(&valid[line_start..]).chars().count() + 1;
            let message = if bytes.contains(&0) {
                "this is a binary file, not a JSON journey map"
            } else {
                "the file is not UTF-8 text; save it as UTF-8"
            };
            return refuse(line, column, message);
        }
    };
    if text.contains('\0') {
        return refuse(1, 1, "this is a binary file, not a JSON journey map");
    }
    parse(text)
}

/// Reads a format-1 map from text.
pub fn parse(text: &str) -> Result<Parsed, Vec<Diagnostic>> {
    let root: tree::Node = match serde_json::from_str(text) {
        Ok(root) => root,
        Err(error) => {
            return Err(vec![Diagnostic {
                line: error.line().max(1),
                column: locate::char_column(text, error.line(), error.column()).max(1),
                level: Level::Error,
                message: syntax_message(&error),
            }]);
        }
    };
    let decoded = decode::decode(root);
    let mut problems = decoded.problems;
    // Decoding keeps every list item in its place (a broken one as a default), so the
    // cross-checks still point at the right places and every problem is told at once.
    problems.extend(validate::validate(&decoded.map));
    let diagnostics = place(text, problems);
    if diagnostics.iter().any(|d| d.level == Level::Error) {
        Err(diagnostics)
    } else {
        Ok(Parsed {
            map: decoded.map,
            warnings: diagnostics,
        })
    }
}

/// Gives every item that had no id a fresh one, as the format promises on save.
pub fn fill_missing_ids(map: &mut JourneyMap, ids: &mut IdGen) {
    let missing = map.ids().filter(|id| id.is_empty()).count();
    if missing == 0 {
        return;
    }
    let mut taken = TakenIds::of(map.ids());
    for stage in &mut map.stages {
        if stage.id.as_str().is_empty() {
            stage.id = StageId(taken.fresh(ids, StageId::PREFIX));
        }
        for friction in &mut stage.frictions {
            if friction.id.as_str().is_empty() {
                friction.id = FrictionId(taken.fresh(ids, FrictionId::PREFIX));
            }
        }
        for opportunity in &mut stage.opportunities {
            if opportunity.id.as_str().is_empty() {
                opportunity.id = OpportunityId(taken.fresh(ids, OpportunityId::PREFIX));
            }
        }
    }
    for note in &mut map.shadow.notes {
        if note.id.as_str().is_empty() {
            note.id = NoteId(taken.fresh(ids, NoteId::PREFIX));
        }
    }
}

/// Places each problem at its value in `text`, or at the nearest enclosing value when
/// the file does not spell it out (an absent key), sorted by position.
fn place(text: &str, problems: Vec<Problem>) -> Vec<Diagnostic> {
    if problems.is_empty() {
        return Vec::new();
    }
    let ancestry = |pointer: &str| -> Vec<String> {
        let mut chain = vec![pointer.to_owned()];
        let mut rest = pointer;
        while let Some(cut) = rest.rfind('/') {
            rest = &rest[..cut];
            chain.push(rest.to_owned());
        }
        chain
    };
    let chains: Vec<Vec<String>> = problems.iter().map(|p| ancestry(&p.path.pointer())).collect();
    let mut wanted: Vec<String> = chains.iter().flatten().cloned().collect();
    wanted.extend(
        problems
            .iter()
            .filter_map(|p| p.related.as_ref().map(|r| r.pointer())),
    );
    let positions = locate::locate(text, &wanted);
    let mut diagnostics: Vec<Diagnostic> = problems
        .into_iter()
        .zip(&chains)
        .map(|(problem, chain)| {
            let (line, column) = chain
                .iter()
                .find_map(|pointer| positions.get(pointer).copied())
                .unwrap_or((1, 1));
            let message = match &problem.related {
                Some(related) => {
                    let (line, column) = positions.get(&related.pointer()).copied().unwrap_or((1, 1));
                    let place = format!("line {line}, column {column}");
                    problem.message.replace("{related}", &place)
                }
                None => problem.message,
            };
            Diagnostic {
                line,
                column,
                level: problem.level,
                message,
            }
        })
        .collect();
    diagnostics.sort_by_key(|d| (d.line, d.column));
    diagnostics
}

/// serde_json's message without its position suffix, reworded where it would puzzle
/// someone who edits JSON by hand only now and then.
fn syntax_message(error: &serde_json::Error) -> String {
    let full = error.to_string();
    let message = full.rfind(" at line ").map_or(full.as_str(), |cut| &full[..cut]);
    if message.starts_with("recursion limit exceeded") {
        return "objects and lists are nested more than 128 levels deep; this is not a journey map"
            .to_owned();
    }
    if let Some(what) = message.strip_prefix("EOF while parsing ") {
        return format!("the file ends in the middle of {what}; is a closing bracket or quote missing?");
    }
    if message == "trailing comma" {
        return "a comma before a closing bracket; JSON allows no trailing comma".to_owned();
    }
    if message.starts_with("control character") {
        return "a raw control character (a tab or line break) inside text; write it as \\t or \\n"
            .to_owned();
    }
    if message == "expected value" {
        return "expected a value here: text in \"quotes\", a number, true, false, null, { } or [ ]"
            .to_owned();
    }
    if message.starts_with("expected `,` or") {
        return format!("{message}; is a comma missing?");
    }
    message.to_owned()
}
