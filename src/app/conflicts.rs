//! The merge conflicts of the open map (left in it by `cxmap merge`), listed once per
//! change with the words the conflicts view shows: what the item is, what conflicts, and
//! ours', theirs' and the base's value.

use serde_json::Value;

use crate::model::conflict::{self, At, Conflict, DELETED, POSITION, STAGE, UNKNOWN};
use crate::model::{History, JourneyMap, Score, Severity, Status};

/// One conflict as the view lists it. The words are raw text from the map: clean them
/// before drawing.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub conflict: Conflict,
    /// The item and where it is: "friction point in 1 Discover: The menu is a PDF".
    pub item: String,
    /// What conflicts: "severity", "deleted on one side, changed on the other".
    pub what: String,
    pub ours: String,
    pub theirs: String,
    pub base: Option<String>,
}

/// The conflicts of one map state, and the one selected in the view.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Conflicts {
    pub entries: Vec<Entry>,
    pub selected: usize,
    computed_for: Option<u64>,
}

impl Conflicts {
    /// Lists the conflicts again if the map changed (`history` says what changed since).
    /// A map without conflicts is looked at only where an edit touched it.
    pub fn refresh(&mut self, map: &JourneyMap, history: &History) {
        let changed = history.changed_since(self.computed_for);
        if changed.is_nothing() {
            return;
        }
        if !self.entries.is_empty() || conflict::any_in(map, &changed) {
            self.entries = conflict::all(map).into_iter().map(|c| entry(map, c)).collect();
        }
        self.selected = self.selected.min(self.entries.len().saturating_sub(1));
        self.computed_for = Some(history.revision());
    }

    /// The selected conflict.
    pub fn selected(&self) -> Option<&Entry> {
        self.entries.get(self.selected)
    }
}

/// Whether a map has any conflict (to open it in the conflicts view).
pub fn any(map: &JourneyMap) -> bool {
    !conflict::all(map).is_empty()
}

fn stage_name(map: &JourneyMap, s: usize) -> String {
    map.stages
        .get(s)
        .map_or_else(String::new, |stage| format!("{} {}", s + 1, stage.name))
}

/// The item a conflict belongs to, in words.
fn item(map: &JourneyMap, at: At) -> String {
    match at {
        At::Map => "the map".to_owned(),
        At::Stage(s) => format!("stage {}", stage_name(map, s)),
        At::Friction(s, i) => {
            let text = map
                .stages
                .get(s)
                .and_then(|st| st.frictions.get(i))
                .map_or("", |f| &f.text);
            format!("friction point in {}: {text}", stage_name(map, s))
        }
        At::Opportunity(s, i) => {
            let text = map
                .stages
                .get(s)
                .and_then(|st| st.opportunities.get(i))
                .map_or("", |o| &o.text);
            format!("opportunity in {}: {text}", stage_name(map, s))
        }
        At::Note(n) => map.shadow.notes.get(n).map_or_else(String::new, |note| {
            format!("shadow note by {}: {}", note.observer, note.text)
        }),
        At::Plan(p) => map.shadow.plan.get(p).map_or_else(String::new, |entry| {
            format!("plan entry {} × {}", entry.stage, entry.channel)
        }),
    }
}

/// A stage or an item named by id, as the view shows it.
fn named(map: &JourneyMap, id: &str) -> String {
    if let Some(s) = map.stages.iter().position(|s| s.id.as_str() == id) {
        return format!("“{}”", stage_name(map, s));
    }
    let text = map.stages.iter().find_map(|s| {
        let friction = s.frictions.iter().find(|f| f.id.as_str() == id).map(|f| &f.text);
        friction.or_else(|| {
            s.opportunities
                .iter()
                .find(|o| o.id.as_str() == id)
                .map(|o| &o.text)
        })
    });
    match text {
        Some(text) => format!("{id} “{text}”"),
        None => id.to_owned(),
    }
}

/// A conflict's value in words, as the field reads it.
fn value(map: &JourneyMap, field: &str, value: &Value) -> String {
    match (field, value) {
        (DELETED, Value::Bool(true)) => "deleted".to_owned(),
        (DELETED, _) => "kept, and changed".to_owned(),
        (POSITION, Value::String(id)) => format!("after {}", named(map, id)),
        (POSITION, _) => "first".to_owned(),
        (STAGE, Value::String(id)) => format!("in {}", named(map, id)),
        ("severity", v) => v
            .as_i64()
            .and_then(Severity::from_number)
            .map_or_else(|| v.to_string(), |s| format!("{} {}", s.number(), s.word())),
        ("status", Value::String(s)) => Status::parse(s).map_or_else(|| s.clone(), |s| s.label().to_owned()),
        ("emotion.score", Value::Null) => "not scored".to_owned(),
        ("emotion.score", v) => v
            .as_i64()
            .and_then(Score::new)
            .map_or_else(|| v.to_string(), |s| format!("{:+} {}", s.value(), s.word())),
        ("friction", Value::Null) => "not linked".to_owned(),
        ("friction", Value::String(id)) => format!("linked to {}", named(map, id)),
        (_, Value::Null) => "none".to_owned(),
        (_, Value::String(text)) if text.is_empty() => "(empty)".to_owned(),
        (_, Value::String(text)) => format!("“{text}”"),
        (_, other) => other.to_string(),
    }
}

/// What conflicts, in words.
fn what(field: &str) -> String {
    match field {
        DELETED => "deleted on one side, changed on the other".to_owned(),
        POSITION => "moved to different places".to_owned(),
        STAGE => "moved to different stages".to_owned(),
        "emotion.score" => "emotion score".to_owned(),
        "emotion.note" => "emotion note".to_owned(),
        "metrics.csat" => "CSAT".to_owned(),
        "metrics.nps" => "NPS".to_owned(),
        "metrics.ces" => "CES".to_owned(),
        "at" => "time".to_owned(),
        "memo.walked_by" => "who walked the journey (memo)".to_owned(),
        "memo.when" => "when it was walked (memo)".to_owned(),
        "memo.devices" => "devices (memo)".to_owned(),
        field => match field.strip_prefix(UNKNOWN) {
            Some(key) => format!("field “{key}”"),
            None => field.to_owned(),
        },
    }
}

fn entry(map: &JourneyMap, conflict: Conflict) -> Entry {
    let field = conflict.field.as_str();
    Entry {
        item: item(map, conflict.at),
        what: what(field),
        ours: value(map, field, &conflict.ours),
        theirs: value(map, field, &conflict.theirs),
        base: conflict.base.as_ref().map(|b| value(map, field, b)),
        conflict,
    }
}
