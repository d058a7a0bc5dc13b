//! A sheet drawn as the grid: stage names across the first row, lane names down the first
//! column, each cell a goal, an emotion, or a list of items (one per line or semicolon).

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use super::{Problem, blank, words};
use crate::export::rfc4180::{Record, Table};
use crate::model::{
    Friction, FrictionId, IdGen, JourneyMap, Lane, Opportunity, OpportunityId, Shared, Stage, StageId,
    TakenIds,
};

/// A sheet drawn the other way round (stages down the first column, lanes across the
/// first row): the first row names a lane and the first column names none.
pub fn transposed(records: &Table<'_>) -> Option<Problem> {
    let (c, lane) = records
        .first()?
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, cell)| words::lane(cell).is_some())?;
    let labels: Vec<&str> = records
        .records()
        .skip(1)
        .filter_map(|r| r.first())
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect();
    if labels.is_empty() || labels.iter().any(|l| words::lane(l).is_some()) {
        return None;
    }
    Some(Problem::at(
        1,
        c + 1,
        format!(
            "the sheet seems transposed (\"{}\" is a lane): stages go across the first row, lanes down the first column",
            lane.trim()
        ),
    ))
}

/// Reads the grid; every cell not understood becomes a problem (and is left out). A
/// stage name used twice is kept and warned about.
pub fn read(
    records: &Table<'_>,
    ids: &mut IdGen,
    problems: &mut Vec<Problem>,
    warnings: &mut Vec<Problem>,
) -> JourneyMap {
    let Some(header) = records.first() else {
        return JourneyMap::default();
    };
    let mut taken = TakenIds::default();
    let used = used_columns(records, header.len());
    let (stages, stage_of_column) = stages_of(header, &used, ids, &mut taken, problems, warnings);
    let mut cells = Cells {
        goal_rows: vec![None; stages.len()],
        emotion_rows: vec![None; stages.len()],
        map: JourneyMap {
            stages: stages.into_iter().map(Shared::new).collect(),
            ..JourneyMap::default()
        },
        stage_of_column,
        taken,
        ids,
        problems,
    };
    for (r, record) in records.records().enumerate().skip(1) {
        cells.row(r + 1, record);
    }
    cells.map
}

/// The stages the header row names, and which stage each column holds (column c of the
/// sheet, counted from 0, holds stage c - 1 when it is named).
fn stages_of(
    header: Record<'_>,
    used: &[bool],
    ids: &mut IdGen,
    taken: &mut TakenIds,
    problems: &mut Vec<Problem>,
    warnings: &mut Vec<Problem>,
) -> (Vec<Stage>, Vec<Option<usize>>) {
    let mut stages = Vec::new();
    let mut stage_of_column: Vec<Option<usize>> = vec![None];
    // The first column (counted from 0) with each stage name, by the name in lower case.
    let mut first_named: HashMap<String, usize> = HashMap::new();
    for (c, name) in header.iter().enumerate().skip(1) {
        let name = name.trim();
        if name.is_empty() {
            stage_of_column.push(None);
            if used[c] {
                problems.push(Problem::at(1, c + 1, "this column holds items but no stage name"));
            }
            continue;
        }
        match first_named.entry(name.to_ascii_lowercase()) {
            Entry::Occupied(first) => warnings.push(Problem::at(
                1,
                c + 1,
                format!(
                    "rename one of the two stages named \"{name}\" (columns {} and {}); both were kept",
                    first.get() + 1,
                    c + 1
                ),
            )),
            Entry::Vacant(slot) => {
                slot.insert(c);
            }
        }
        stage_of_column.push(Some(stages.len()));
        let id = StageId(taken.fresh(ids, StageId::PREFIX));
        stages.push(Stage::new(id, name.to_owned()));
    }
    (stages, stage_of_column)
}

/// The map as the rows below the header fill it in.
struct Cells<'a> {
    map: JourneyMap,
    stage_of_column: Vec<Option<usize>>,
    /// The row each stage's goal and emotion came from, to refuse a second.
    goal_rows: Vec<Option<usize>>,
    emotion_rows: Vec<Option<usize>>,
    taken: TakenIds,
    ids: &'a mut IdGen,
    problems: &'a mut Vec<Problem>,
}

impl Cells<'_> {
    /// One row (`row` counted from 1): its lane from the first column, then its cells.
    fn row(&mut self, row: usize, record: Record<'_>) {
        if blank(record) {
            return;
        }
        let label = record.first().map_or("", str::trim);
        let Some(lane) = words::lane(label) else {
            let message = if label.is_empty() {
                format!(
                    "this row has no lane name; the first column names one of: {}",
                    words::LANE_NAMES
                )
            } else {
                format!("\"{label}\" is not a lane; use one of: {}", words::LANE_NAMES)
            };
            self.problems.push(Problem::at(row, 1, message));
            return;
        };
        for (c, cell) in record.iter().enumerate().skip(1) {
            if cell.trim().is_empty() {
                continue;
            }
            let Some(Some(s)) = self.stage_of_column.get(c).copied() else {
                if c >= self.stage_of_column.len() {
                    self.problems
                        .push(Problem::at(row, c + 1, "a cell beyond the last stage column"));
                }
                continue;
            };
            self.cell(lane, s, (row, c + 1), cell);
        }
    }

    /// One cell of lane `lane` for stage `s`, at (row, column).
    fn cell(&mut self, lane: Lane, s: usize, (row, column): (usize, usize), cell: &str) {
        let stage = &mut self.map.stages[s];
        match lane {
            Lane::Goal => {
                if let Some(first) = self.goal_rows[s] {
                    self.problems.push(Problem::at(
                        row,
                        column,
                        format!("a second goal for this stage (the first is on row {first})"),
                    ));
                    return;
                }
                self.goal_rows[s] = Some(row);
                cell.trim().clone_into(&mut stage.goal);
            }
            Lane::Emotion => {
                if let Some(first) = self.emotion_rows[s] {
                    self.problems.push(Problem::at(
                        row,
                        column,
                        format!("a second emotion for this stage (the first is on row {first})"),
                    ));
                    return;
                }
                match words::emotion(cell) {
                    Ok(emotion) => {
                        self.emotion_rows[s] = Some(row);
                        if let Some((score, note)) = emotion {
                            stage.emotion.score = Some(score);
                            stage.emotion.note = note;
                        }
                    }
                    Err(message) => self.problems.push(Problem::at(row, column, message)),
                }
            }
            Lane::Touchpoints => stage.touchpoints.extend(words::items(cell)),
            Lane::Friction => {
                for text in words::items(cell) {
                    let id = FrictionId(self.taken.fresh(self.ids, FrictionId::PREFIX));
                    stage.frictions.push(Friction::new(id, text));
                }
            }
            Lane::Opportunity => {
                for text in words::items(cell) {
                    let id = OpportunityId(self.taken.fresh(self.ids, OpportunityId::PREFIX));
                    stage.opportunities.push(Opportunity::new(id, text));
                }
            }
        }
    }
}

/// Which of the first `count` columns hold something below the header row.
fn used_columns(records: &Table<'_>, count: usize) -> Vec<bool> {
    let mut used = vec![false; count];
    for record in records.records().skip(1) {
        for (c, cell) in record.iter().enumerate().take(count) {
            used[c] |= !cell.trim().is_empty();
        }
    }
    used
}
