//! Merge conflicts left in a map by `cxmap merge`, as `cxmap check` errors, each placed
//! at its entry in the object's `"conflicts"` field. Opening a map does not refuse them:
//! the program is where they are resolved.

use super::diagnostic::{Diagnostic, Level};
use super::locate;
use crate::model::JourneyMap;
use crate::model::conflict::{self, At, CONFLICTS};

/// The JSON pointer of the object a conflict belongs to.
fn object(at: At) -> String {
    match at {
        At::Map => String::new(),
        At::Stage(s) => format!("/stages/{s}"),
        At::Friction(s, i) => format!("/stages/{s}/frictions/{i}"),
        At::Opportunity(s, i) => format!("/stages/{s}/opportunities/{i}"),
        At::Note(n) => format!("/shadow/notes/{n}"),
        At::Plan(p) => format!("/shadow/plan/{p}"),
    }
}

/// One error per merge conflict in `map`, whose file text is `text`.
pub fn conflicts(text: &str, map: &JourneyMap) -> Vec<Diagnostic> {
    let all = conflict::all(map);
    if all.is_empty() {
        return Vec::new();
    }
    // An entry that is not spelled out is placed at the nearest value around it.
    let wanted: Vec<String> = all
        .iter()
        .map(|c| format!("{}/{CONFLICTS}/{}", object(c.at), c.field))
        .collect();
    let positions = locate::locate(text, &wanted);
    all.iter()
        .zip(positions)
        .map(|(conflict, (line, column))| Diagnostic {
            line,
            column,
            level: Level::Error,
            message: format!(
                "merge conflict: {}; open the map in cxmap to choose ours or theirs",
                conflict.describe()
            ),
        })
        .collect()
}
