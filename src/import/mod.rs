//! A sheet read into a map: the stage-by-lane grid people draw in a spreadsheet, or
//! cxmap's own CSV export, told apart by the header row. Every problem names its row and
//! column; a strict import keeps nothing unless the whole sheet was understood.

mod grid;
mod rows;
mod words;

use std::fmt;

use crate::export::rfc4180::{self, Record};
use crate::model::{IdGen, JourneyMap};

/// Something in the sheet that was not understood, and where (counted from 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub row: usize,
    pub column: usize,
    pub message: String,
}

impl Problem {
    fn at(row: usize, column: usize, message: impl Into<String>) -> Self {
        Self {
            row,
            column,
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "row {}, column {}: {}", self.row, self.column, self.message)
    }
}

/// Which kind of sheet was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetKind {
    /// Stages across, lanes down, as a workshop draws it.
    Grid,
    /// cxmap's own export: one row per item.
    Rows,
}

/// A map read from a sheet, and what was skipped on the way (only when lenient).
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub map: JourneyMap,
    pub kind: SheetKind,
    pub skipped: Vec<Problem>,
    /// What was read but deserves a look (a stage name used twice).
    pub warnings: Vec<Problem>,
    /// Friction points the sheet gave no severity, which got 2 (major): every one of a
    /// grid's, and those of cxmap's CSV with an empty severity cell.
    pub assumed_severity: usize,
}

/// Reads `text` as a sheet. `title` names the map when the sheet does not; a given
/// `title_override` always does. Strict (`lenient` false): any problem fails the whole
/// import, with every problem listed. Lenient: what was not understood is skipped and
/// listed. A sheet that is not valid CSV always fails.
pub fn import(
    text: &str,
    title: &str,
    title_override: Option<&str>,
    lenient: bool,
    ids: &mut IdGen,
) -> Result<Imported, Vec<Problem>> {
    let records = rfc4180::read_cells(text).map_err(|e| vec![Problem::at(e.row, e.column, e.message)])?;
    if records.records().all(blank) {
        return Err(vec![Problem::at(
            1,
            1,
            "the sheet is empty: stage names go across the first row, lane names down the first column",
        )]);
    }
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    let (mut map, kind, titled, assumed_severity) = if rows::is_header(records.first()) {
        let read = rows::read(&records, ids, &mut problems);
        (read.map, SheetKind::Rows, read.titled, read.assumed_severity)
    } else {
        if let Some(problem) = grid::transposed(&records) {
            return Err(vec![problem]);
        }
        let map = grid::read(&records, ids, &mut problems, &mut warnings);
        let frictions = map.stages.iter().map(|s| s.frictions.len()).sum();
        (map, SheetKind::Grid, false, frictions)
    };
    if let Some(title) = title_override {
        title.clone_into(&mut map.title);
    } else if !titled {
        title.clone_into(&mut map.title);
    }
    if map.stages.is_empty() {
        let one_cell = records.first().filter(|r| r.len() == 1).and_then(|r| r.first());
        let message = match one_cell {
            Some(cell) if cell.contains(';') || cell.contains('\t') => {
                "save the sheet as CSV with commas: it seems separated by semicolons or tabs"
            }
            _ => "no stages: put stage names across the first row, from the second column",
        };
        return Err(vec![Problem::at(1, 2, message)]);
    }
    if problems.is_empty() || lenient {
        Ok(Imported {
            map,
            kind,
            skipped: problems,
            warnings,
            assumed_severity,
        })
    } else {
        Err(problems)
    }
}

/// Whether a row holds nothing but blanks.
fn blank(record: Record<'_>) -> bool {
    record.iter().all(|cell| cell.trim().is_empty())
}
