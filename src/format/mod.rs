//! The journey-map file format (version 1): bytes to a [`JourneyMap`] with every problem
//! placed at a line and column, and a map back to canonical bytes.

mod conflicts;
mod decode;
mod diagnostic;
mod encode;
mod json;
mod locate;
mod places;
mod records;
mod review;
mod source;
#[cfg(test)]
mod syntax_tests;
mod validate;

pub use conflicts::conflicts;
pub use diagnostic::{Diagnostic, Level};
pub use encode::{encode, encode_into};
pub use review::review;

use std::io;

use crate::model::{FrictionId, IdGen, JourneyMap, NoteId, OpportunityId, StageId, TakenIds};
use json::{Json, Syntax};
use source::Source;

/// A map read from a file, with the warnings `cxmap check` would print.
#[derive(Debug)]
pub struct Parsed {
    pub map: JourneyMap,
    pub warnings: Vec<Diagnostic>,
}

/// Reads a file's bytes as a format-1 map. On refusal, every problem found (errors and
/// warnings) is returned, sorted by position.
pub fn parse_bytes(bytes: &[u8]) -> Result<Parsed, Vec<Diagnostic>> {
    read(bytes).unwrap_or_else(|error| Err(vec![refusal(format!("cannot read: {error}"))]))
}

/// Reads a format-1 map from text.
pub fn parse(text: &str) -> Result<Parsed, Vec<Diagnostic>> {
    parse_bytes(text.as_bytes())
}

/// Reads a map from `reader` in one pass, a piece at a time: the file is never held
/// whole. The outer error is the reader's; the inner one lists every problem found.
pub fn read(reader: impl io::Read) -> io::Result<Result<Parsed, Vec<Diagnostic>>> {
    Ok(read_placed(reader, false)?.map(|(parsed, _)| parsed))
}

/// A map read for `cxmap check`, with where the things its memo rules look at are.
pub struct Checked {
    pub parsed: Parsed,
    places: places::Places,
}

/// Reads a map's bytes as [`parse_bytes`] does, also keeping the places [`review`] needs.
pub fn parse_for_check(bytes: &[u8]) -> Result<Checked, Vec<Diagnostic>> {
    match read_placed(bytes, true) {
        Ok(read) => read.map(|(parsed, places)| Checked { parsed, places }),
        Err(error) => Err(vec![refusal(format!("cannot read: {error}"))]),
    }
}

type Placed = Result<(Parsed, places::Places), Vec<Diagnostic>>;

fn read_placed(reader: impl io::Read, review: bool) -> io::Result<Placed> {
    let mut json = Json::new(Source::new(reader));
    let decoded = decode::decode(&mut json, review);
    let mut source = json.source;
    // After a syntax error, or text that stopped at a byte that is not UTF-8, what is
    // left is still looked at: those refusals outrank the error.
    source.drain();
    let facts = source.facts;
    if let Some(error) = facts.error {
        return Err(error);
    }
    let refuse = |at: source::Pos, message: &str| {
        Ok(Err(vec![Diagnostic {
            line: at.line as usize,
            column: at.column as usize,
            level: Level::Error,
            message: message.to_owned(),
        }]))
    };
    let start = source::Pos { line: 1, column: 1 };
    if facts.only_whitespace {
        return refuse(start, "the file is empty; a map starts with {\"cxmap\": 1, …}");
    }
    if facts.bom {
        return refuse(
            start,
            "the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM",
        );
    }
    if let Some(at) = facts.not_utf8 {
        return refuse(
            at,
            if facts.nul {
                "this is a binary file, not a JSON journey map"
            } else {
                "the file is not UTF-8 text; save it as UTF-8"
            },
        );
    }
    if facts.nul {
        return refuse(start, "this is a binary file, not a JSON journey map");
    }
    let decoded = match decoded {
        Ok(decoded) => decoded,
        Err(Syntax { message, at }) => return refuse(at, &syntax_message(&message)),
    };
    let mut diagnostics = decoded.problems;
    diagnostics.extend(validate::validate(&decoded.map, &decoded.places));
    diagnostics.sort_by_key(|d| (d.line, d.column));
    Ok(if diagnostics.iter().any(|d| d.level == Level::Error) {
        Err(diagnostics)
    } else {
        let parsed = Parsed {
            map: decoded.map,
            warnings: diagnostics,
        };
        Ok((parsed, decoded.places))
    })
}

fn refusal(message: String) -> Diagnostic {
    Diagnostic {
        line: 1,
        column: 1,
        level: Level::Error,
        message,
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

/// A syntax error's message (serde_json's words), reworded where it would puzzle
/// someone who edits JSON by hand only now and then.
fn syntax_message(message: &str) -> String {
    if message.starts_with("recursion limit exceeded") {
        return "objects and lists are nested more than 128 levels deep; this is not a journey map"
            .to_owned();
    }
    if let Some(what) = message.strip_prefix("EOF while parsing ") {
        return format!("the file ends in the middle of {what}; is a closing bracket or quote missing?");
    }
    if message.starts_with("control character") {
        return "a raw control character (a tab or line break) inside text; write it as \\t or \\n"
            .to_owned();
    }
    if message.starts_with("expected `,` or") {
        return format!("{message}; is a comma missing?");
    }
    let reworded = match message {
        "trailing comma" => "a comma before a closing bracket; JSON allows no trailing comma",
        "expected value" => {
            "expected a value here: text in \"quotes\", a number, true, false, null, { } or [ ]"
        }
        "expected ident" => {
            "expected true, false or null here (lower case, no quotes); text goes in \"quotes\""
        }
        "key must be a string" => "a field's name must be in \"double quotes\", like \"title\"",
        "trailing characters" => {
            "more text after the map's closing }; a map file holds one { } and nothing after it"
        }
        "invalid escape" => {
            "a backslash starts an escape JSON does not know; write a backslash in text as \\\\"
        }
        _ => message,
    };
    reworded.to_owned()
}
