//! cxmap's own CSV: one row per item of the map (title, persona, stages, the items of
//! every cell, the shadow channels, notes and plan), every field in a column of its own,
//! so that a spreadsheet can sort and filter it and `cxmap import` can read it back whole.
//! Text cells are defused against formula injection (`formula`); numbers are not.

use std::borrow::Cow;

use super::formula;
use super::rfc4180::write_record;
use crate::model::{JourneyMap, Stage};

/// The columns, in order; the header row names them exactly so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Stage,
    StageId,
    Lane,
    Id,
    Text,
    Severity,
    Channel,
    Votes,
    Owner,
    Status,
    Evidence,
    Addresses,
    Score,
    Note,
    Observer,
    At,
    Friction,
    Csat,
    Nps,
    Ces,
}

impl Column {
    /// Every column, in file order.
    pub const ALL: [Column; 20] = [
        Column::Stage,
        Column::StageId,
        Column::Lane,
        Column::Id,
        Column::Text,
        Column::Severity,
        Column::Channel,
        Column::Votes,
        Column::Owner,
        Column::Status,
        Column::Evidence,
        Column::Addresses,
        Column::Score,
        Column::Note,
        Column::Observer,
        Column::At,
        Column::Friction,
        Column::Csat,
        Column::Nps,
        Column::Ces,
    ];

    /// Whether the column holds numbers cxmap writes (never defused: a negative score
    /// stays a number a spreadsheet can sort).
    pub fn is_number(self) -> bool {
        matches!(
            self,
            Column::Severity | Column::Votes | Column::Score | Column::Csat | Column::Nps | Column::Ces
        )
    }

    /// The column's name in the header row.
    pub fn name(self) -> &'static str {
        match self {
            Column::Stage => "stage",
            Column::StageId => "stage id",
            Column::Lane => "lane",
            Column::Id => "id",
            Column::Text => "text",
            Column::Severity => "severity",
            Column::Channel => "channel",
            Column::Votes => "votes",
            Column::Owner => "owner",
            Column::Status => "status",
            Column::Evidence => "evidence",
            Column::Addresses => "addresses",
            Column::Score => "score",
            Column::Note => "note",
            Column::Observer => "observer",
            Column::At => "at",
            Column::Friction => "friction",
            Column::Csat => "csat",
            Column::Nps => "nps",
            Column::Ces => "ces",
        }
    }

    /// The column's position in a row.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// What a row holds: the `lane` column's values.
pub mod kind {
    pub const TITLE: &str = "title";
    pub const PERSONA: &str = "persona";
    pub const MEMO_WALKED_BY: &str = "memo walked by";
    pub const MEMO_WHEN: &str = "memo when";
    pub const MEMO_DEVICES: &str = "memo devices";
    pub const STAGE: &str = "stage";
    pub const GOAL: &str = "goal";
    pub const TOUCHPOINT: &str = "touchpoint";
    pub const EMOTION: &str = "emotion";
    pub const FRICTION: &str = "friction";
    pub const OPPORTUNITY: &str = "opportunity";
    pub const SHADOW_CHANNEL: &str = "shadow channel";
    pub const SHADOW_NOTE: &str = "shadow note";
    pub const SHADOW_PLAN: &str = "shadow plan";
}

/// Evidence entries are joined with line breaks in one cell.
pub const EVIDENCE_SEPARATOR: &str = "\n";

struct Row([String; Column::ALL.len()]);

impl Row {
    fn new(stage: Option<&Stage>, lane: &str) -> Self {
        let mut row = Row(Default::default());
        if let Some(stage) = stage {
            row.set(Column::Stage, &stage.name);
            row.set(Column::StageId, stage.id.as_str());
        }
        row.set(Column::Lane, lane);
        row
    }

    /// Sets a cell; text a spreadsheet would run as a formula is defused.
    fn set(&mut self, column: Column, value: &str) -> &mut Self {
        let cell = if column.is_number() {
            Cow::Borrowed(value)
        } else {
            formula::defuse(value)
        };
        cell.as_ref().clone_into(&mut self.0[column.index()]);
        self
    }

    fn write(&self, out: &mut String) {
        write_record(out, &self.0);
    }
}

fn number(value: Option<f64>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// The map as CSV, header row first.
pub fn export(map: &JourneyMap) -> String {
    let mut out = String::new();
    let header: Vec<&str> = Column::ALL.iter().map(|c| c.name()).collect();
    write_record(&mut out, &header);
    Row::new(None, kind::TITLE)
        .set(Column::Text, &map.title)
        .write(&mut out);
    Row::new(None, kind::PERSONA)
        .set(Column::Text, &map.persona)
        .write(&mut out);
    if let Some(facts) = &map.memo {
        for (lane, text) in [
            (kind::MEMO_WALKED_BY, &facts.walked_by),
            (kind::MEMO_WHEN, &facts.when),
            (kind::MEMO_DEVICES, &facts.devices),
        ] {
            Row::new(None, lane).set(Column::Text, text).write(&mut out);
        }
    }
    for stage in &map.stages {
        stage_rows(stage, &mut out);
    }
    for channel in &map.shadow.channels {
        Row::new(None, kind::SHADOW_CHANNEL)
            .set(Column::Text, channel)
            .write(&mut out);
    }
    let stages = map.stages_by_id();
    for note in &map.shadow.notes {
        let stage = stages.get(note.stage.as_str()).copied();
        let mut row = Row::new(stage, kind::SHADOW_NOTE);
        row.set(Column::StageId, note.stage.as_str())
            .set(Column::Id, note.id.as_str())
            .set(Column::Text, &note.text)
            .set(Column::Channel, &note.channel)
            .set(Column::Evidence, &note.evidence.join(EVIDENCE_SEPARATOR))
            .set(Column::Observer, &note.observer)
            .set(Column::At, &note.at)
            .set(
                Column::Friction,
                note.friction.as_ref().map_or("", |f| f.as_str()),
            )
            .write(&mut out);
    }
    for entry in &map.shadow.plan {
        let stage = stages.get(entry.stage.as_str()).copied();
        Row::new(stage, kind::SHADOW_PLAN)
            .set(Column::StageId, entry.stage.as_str())
            .set(Column::Channel, &entry.channel)
            .set(Column::Votes, &entry.votes.to_string())
            .write(&mut out);
    }
    out
}

fn stage_rows(stage: &Stage, out: &mut String) {
    let mut row = Row::new(Some(stage), kind::STAGE);
    if let Some(metrics) = &stage.metrics {
        row.set(Column::Csat, &number(metrics.csat))
            .set(Column::Nps, &number(metrics.nps))
            .set(Column::Ces, &number(metrics.ces));
    }
    row.write(out);
    if !stage.goal.is_empty() {
        Row::new(Some(stage), kind::GOAL)
            .set(Column::Text, &stage.goal)
            .write(out);
    }
    for touchpoint in &stage.touchpoints {
        Row::new(Some(stage), kind::TOUCHPOINT)
            .set(Column::Text, touchpoint)
            .write(out);
    }
    let emotion = &stage.emotion;
    if emotion.score.is_some() || !emotion.note.is_empty() {
        let score = emotion.score.map(|s| s.value().to_string()).unwrap_or_default();
        Row::new(Some(stage), kind::EMOTION)
            .set(Column::Score, &score)
            .set(Column::Note, &emotion.note)
            .write(out);
    }
    for friction in &stage.frictions {
        Row::new(Some(stage), kind::FRICTION)
            .set(Column::Id, friction.id.as_str())
            .set(Column::Text, &friction.text)
            .set(Column::Severity, &friction.severity.number().to_string())
            .set(Column::Channel, &friction.channel)
            .set(Column::Votes, &friction.votes.to_string())
            .set(Column::Owner, &friction.owner)
            .set(Column::Status, friction.status.as_str())
            .set(Column::Evidence, &friction.evidence.join(EVIDENCE_SEPARATOR))
            .write(out);
    }
    for opportunity in &stage.opportunities {
        let addresses: Vec<&str> = opportunity.addresses.iter().map(|a| a.as_str()).collect();
        Row::new(Some(stage), kind::OPPORTUNITY)
            .set(Column::Id, opportunity.id.as_str())
            .set(Column::Text, &opportunity.text)
            .set(Column::Votes, &opportunity.votes.to_string())
            .set(Column::Addresses, &addresses.join(" "))
            .write(out);
    }
}
