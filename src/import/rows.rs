//! cxmap's own CSV (see `export::csv`): one row per item, every field in its column.
//! Columns are found by their header names, so a sheet whose columns were reordered or
//! trimmed in a spreadsheet still reads.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use super::{Problem, blank, words};
use crate::export::csv::{Column, EVIDENCE_SEPARATOR, kind};
use crate::export::formula;
use crate::export::rfc4180::{Record, Table};
use crate::model::{
    Emotion, Friction, FrictionId, IdGen, IdHashing, JourneyMap, Metrics, NoteId, Opportunity, OpportunityId,
    PlanEntry, Score, Severity, ShadowNote, Stage, StageId, Status,
};

/// Whether the first row is cxmap's own header (its first columns: stage, stage id, lane).
pub fn is_header(first: Option<Record<'_>>) -> bool {
    let Some(first) = first else { return false };
    let names: Vec<String> = first.iter().map(|c| c.trim().to_lowercase()).collect();
    [Column::Stage, Column::StageId, Column::Lane]
        .iter()
        .all(|c| names.iter().any(|n| n == c.name()))
}

/// One data row with its header, for reading fields and placing problems.
struct Row<'a> {
    number: usize,
    cells: Record<'a>,
    positions: &'a [Option<usize>],
}

impl<'a> Row<'a> {
    fn column(&self, column: Column) -> usize {
        self.positions[column.index()].map_or(1, |p| p + 1)
    }

    /// A cell's text, with the `'` the export put before formula-like text taken away.
    fn get(&self, column: Column) -> &'a str {
        let cell = self.positions[column.index()]
            .and_then(|p| self.cells.get(p))
            .unwrap_or_default();
        if column.is_number() {
            cell
        } else {
            formula::restore(cell)
        }
    }

    fn problem(&self, column: Column, message: impl Into<String>) -> Problem {
        Problem::at(self.number, self.column(column), message)
    }

    fn list(&self, column: Column) -> Vec<String> {
        self.get(column)
            .split(EVIDENCE_SEPARATOR)
            .map(|s| s.trim_end_matches('\r'))
            .filter(|s| !s.trim().is_empty())
            .map(str::to_owned)
            .collect()
    }

    fn votes(&self, problems: &mut Vec<Problem>) -> u32 {
        let text = self.get(Column::Votes).trim();
        if text.is_empty() {
            return 0;
        }
        text.parse().unwrap_or_else(|_| {
            problems.push(self.problem(
                Column::Votes,
                format!("votes must be a whole number of 0 or more; found \"{text}\""),
            ));
            0
        })
    }

    fn number(&self, column: Column, problems: &mut Vec<Problem>) -> Option<f64> {
        let text = self.get(column).trim();
        if text.is_empty() {
            return None;
        }
        match text.parse::<f64>() {
            Ok(value) if value.is_finite() => Some(value),
            _ => {
                problems.push(self.problem(
                    column,
                    format!("{} must be a number; found \"{text}\"", column.name()),
                ));
                None
            }
        }
    }
}

/// The ids seen so far: borrowed from the sheet, or made here for rows without one.
struct Seen<'s>(HashSet<Cow<'s, str>, IdHashing>);

impl<'s> Seen<'s> {
    /// Marks `id` as used; false when it was already.
    fn take(&mut self, id: &'s str) -> bool {
        self.0.insert(Cow::Borrowed(id))
    }

    /// A new id with `prefix`, marked as used.
    fn fresh(&mut self, ids: &mut IdGen, prefix: &str) -> String {
        let id = ids.fresh(prefix, |id| self.0.contains(id));
        self.0.insert(Cow::Owned(id.clone()));
        id
    }
}

/// The map being rebuilt, with the ids seen so far and its stages by id and by name
/// (both borrowed from the sheet `'s`).
struct Builder<'a, 's> {
    map: JourneyMap,
    seen: Seen<'s>,
    stage_by_id: HashMap<Cow<'s, str>, usize, IdHashing>,
    /// The first stage with each name.
    stage_by_name: HashMap<&'s str, usize, IdHashing>,
    ids: &'a mut IdGen,
    /// Friction points whose row gave no severity (they get the default).
    assumed_severity: usize,
}

impl<'s> Builder<'_, 's> {
    /// A fresh id of the given kind when the row has none; a problem when it repeats one.
    fn id(&mut self, row: &Row<'s>, prefix: &str, problems: &mut Vec<Problem>) -> Option<String> {
        let given = row.get(Column::Id).trim();
        if given.is_empty() {
            return Some(self.seen.fresh(self.ids, prefix));
        }
        if !self.seen.take(given) {
            problems.push(row.problem(Column::Id, format!("the id \"{given}\" is used twice")));
            return None;
        }
        Some(given.to_owned())
    }

    /// The stage a row belongs to: by its id, else by its name; made when missing.
    fn stage(&mut self, row: &Row<'s>, problems: &mut Vec<Problem>) -> Option<usize> {
        let id = row.get(Column::StageId).trim();
        let name = row.get(Column::Stage);
        let found = if id.is_empty() {
            self.stage_by_name.get(name)
        } else {
            self.stage_by_id.get(id)
        };
        if let Some(&found) = found {
            return Some(found);
        }
        if id.is_empty() && name.trim().is_empty() {
            problems.push(row.problem(Column::Stage, "this row names no stage"));
            return None;
        }
        let (id, key) = if id.is_empty() {
            let fresh = self.seen.fresh(self.ids, StageId::PREFIX);
            (StageId(fresh.clone()), Cow::Owned(fresh))
        } else if self.seen.take(id) {
            (StageId(id.to_owned()), Cow::Borrowed(id))
        } else {
            problems.push(row.problem(Column::StageId, format!("the id \"{id}\" is used twice")));
            return None;
        };
        let s = self.map.stages.len();
        self.stage_by_id.insert(key, s);
        self.stage_by_name.entry(name).or_insert(s);
        self.map.stages.push(Stage::new(id, name.to_owned()).into());
        Some(s)
    }

    /// The stage id a shadow row names (kept even when no stage has it, as the format does).
    fn stage_reference(&self, row: &Row<'s>) -> StageId {
        let id = row.get(Column::StageId).trim();
        if id.is_empty()
            && let Some(&s) = self.stage_by_name.get(row.get(Column::Stage))
        {
            return self.map.stages[s].id.clone();
        }
        StageId(id.to_owned())
    }
}

/// The map read from cxmap's own CSV.
pub struct Read {
    pub map: JourneyMap,
    /// Whether the sheet has a title row (an empty title there is the map's title).
    pub titled: bool,
    /// Friction points whose row gave no severity.
    pub assumed_severity: usize,
}

/// Reads the rows after the header; every field not understood becomes a problem.
pub fn read(records: &Table<'_>, ids: &mut IdGen, problems: &mut Vec<Problem>) -> Read {
    let Some(header) = records.first() else {
        return Read {
            map: JourneyMap::default(),
            titled: false,
            assumed_severity: 0,
        };
    };
    let names: Vec<String> = header.iter().map(|c| c.trim().to_lowercase()).collect();
    let positions: Vec<Option<usize>> = Column::ALL
        .iter()
        .map(|c| names.iter().position(|n| n == c.name()))
        .collect();
    let mut builder = Builder {
        map: JourneyMap::default(),
        // At most one id a record: room for all from the start.
        seen: Seen(HashSet::with_capacity_and_hasher(
            records.len(),
            IdHashing::default(),
        )),
        stage_by_id: HashMap::default(),
        stage_by_name: HashMap::default(),
        ids,
        assumed_severity: 0,
    };
    let mut titled = false;
    for (r, cells) in records.records().enumerate().skip(1) {
        if blank(cells) {
            continue;
        }
        let row = Row {
            number: r + 1,
            cells,
            positions: &positions,
        };
        titled |= row.get(Column::Lane).trim().eq_ignore_ascii_case(kind::TITLE);
        read_row(&mut builder, &row, problems);
    }
    Read {
        map: builder.map,
        titled,
        assumed_severity: builder.assumed_severity,
    }
}

fn read_row<'s>(b: &mut Builder<'_, 's>, row: &Row<'s>, problems: &mut Vec<Problem>) {
    let lane = row.get(Column::Lane).trim();
    // The export writes lanes in lower case: copied only to lower one that is not.
    let lane = if lane.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
        Cow::Owned(lane.to_lowercase())
    } else {
        Cow::Borrowed(lane)
    };
    let text = row.get(Column::Text).to_owned();
    match &*lane {
        kind::TITLE => b.map.title = text,
        kind::PERSONA => b.map.persona = text,
        kind::MEMO_WALKED_BY => b.map.memo.get_or_insert_default().walked_by = text,
        kind::MEMO_WHEN => b.map.memo.get_or_insert_default().when = text,
        kind::MEMO_DEVICES => b.map.memo.get_or_insert_default().devices = text,
        kind::SHADOW_CHANNEL => b.map.shadow.channels.push(text),
        kind::STAGE => {
            let Some(s) = b.stage(row, problems) else { return };
            let metrics = Metrics {
                csat: row.number(Column::Csat, problems),
                nps: row.number(Column::Nps, problems),
                ces: row.number(Column::Ces, problems),
                ..Metrics::default()
            };
            if metrics.csat.is_some() || metrics.nps.is_some() || metrics.ces.is_some() {
                b.map.stages[s].metrics = Some(metrics);
            }
        }
        kind::GOAL => {
            if let Some(s) = b.stage(row, problems) {
                b.map.stages[s].goal = text;
            }
        }
        kind::TOUCHPOINT => {
            if let Some(s) = b.stage(row, problems) {
                b.map.stages[s].touchpoints.push(text);
            }
        }
        kind::EMOTION => {
            let score_text = row.get(Column::Score).trim();
            let score = if score_text.is_empty() {
                None
            } else {
                let parsed = words::signed(score_text).and_then(Score::new);
                if parsed.is_none() {
                    problems.push(row.problem(Column::Score, format!("the score must be a whole number from -2 to 2; found \"{score_text}\"")));
                    return;
                }
                parsed
            };
            if let Some(s) = b.stage(row, problems) {
                b.map.stages[s].emotion = Emotion {
                    score,
                    note: row.get(Column::Note).to_owned(),
                    ..Emotion::default()
                };
            }
        }
        kind::FRICTION => read_friction(b, row, text, problems),
        kind::OPPORTUNITY => {
            let before = problems.len();
            let votes = row.votes(problems);
            let addresses = row
                .get(Column::Addresses)
                .split([' ', ',', '\n'])
                .filter(|a| !a.trim().is_empty())
                .map(|a| FrictionId(a.trim().to_owned()))
                .collect();
            if problems.len() > before {
                return;
            }
            let Some(s) = b.stage(row, problems) else { return };
            let Some(id) = b.id(row, OpportunityId::PREFIX, problems) else { return };
            b.map.stages[s].opportunities.push(Opportunity {
                id: OpportunityId(id),
                text,
                addresses,
                votes,
                ..Opportunity::default()
            });
        }
        kind::SHADOW_NOTE => {
            let Some(id) = b.id(row, NoteId::PREFIX, problems) else { return };
            let friction = row.get(Column::Friction).trim();
            let note = ShadowNote {
                id: NoteId(id),
                at: row.get(Column::At).to_owned(),
                observer: row.get(Column::Observer).to_owned(),
                stage: b.stage_reference(row),
                channel: row.get(Column::Channel).to_owned(),
                text,
                evidence: row.list(Column::Evidence),
                friction: (!friction.is_empty()).then(|| FrictionId(friction.to_owned())),
                ..ShadowNote::default()
            };
            b.map.shadow.notes.push(note.into());
        }
        kind::SHADOW_PLAN => {
            let before = problems.len();
            let votes = row.votes(problems);
            if problems.len() == before {
                let entry = PlanEntry {
                    stage: b.stage_reference(row),
                    channel: row.get(Column::Channel).to_owned(),
                    votes,
                    ..PlanEntry::default()
                };
                b.map.shadow.plan.push(entry);
            }
        }
        other => problems.push(row.problem(
            Column::Lane,
            format!(
                "\"{other}\" is not a kind of row cxmap knows: title, persona, memo walked by, memo when, memo devices, stage, goal, touchpoint, emotion, friction, opportunity, shadow channel, shadow note or shadow plan"
            ),
        )),
    }
}

fn read_friction<'s>(b: &mut Builder<'_, 's>, row: &Row<'s>, text: String, problems: &mut Vec<Problem>) {
    let before = problems.len();
    let severity_text = row.get(Column::Severity).trim();
    let severity = if severity_text.is_empty() {
        Severity::default()
    } else {
        severity_text
            .parse::<i64>()
            .ok()
            .and_then(Severity::from_number)
            .unwrap_or_else(|| {
                problems.push(row.problem(
                    Column::Severity,
                    format!("severity must be 1, 2 or 3; found \"{severity_text}\""),
                ));
                Severity::default()
            })
    };
    let status_text = row.get(Column::Status).trim();
    let status = if status_text.is_empty() {
        Status::default()
    } else {
        Status::parse(&status_text.to_lowercase()).unwrap_or_else(|| {
            problems.push(row.problem(
                Column::Status,
                format!("status must be open, in-progress, fixed or wont-fix; found \"{status_text}\""),
            ));
            Status::default()
        })
    };
    let votes = row.votes(problems);
    if problems.len() > before {
        return;
    }
    let Some(s) = b.stage(row, problems) else { return };
    let Some(id) = b.id(row, FrictionId::PREFIX, problems) else {
        return;
    };
    b.assumed_severity += usize::from(severity_text.is_empty());
    b.map.stages[s].frictions.push(Friction {
        id: FrictionId(id),
        text,
        severity,
        channel: row.get(Column::Channel).to_owned(),
        votes,
        owner: row.get(Column::Owner).to_owned(),
        status,
        evidence: row.list(Column::Evidence),
        ..Friction::default()
    });
}
