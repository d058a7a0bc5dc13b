//! Merge conflicts kept inside a map. `cxmap merge` writes them into the `"conflicts"`
//! field of the object they belong to (the map, a stage, a friction point, an
//! opportunity, a shadow note, a plan entry), one entry per field with both sides' values;
//! the field itself holds ours. Here they are listed, and resolved by choosing a side.

mod resolve;

use serde_json::{Map, Value};

use super::changed::Changed;
use super::extras::{ExtraField, Extras};
use super::map::JourneyMap;

pub use resolve::resolve;

/// The key of the field that holds an object's merge conflicts.
pub const CONFLICTS: &str = "conflicts";

/// Conflict key: the item was deleted on one side and changed on the other. Its values
/// say whether each side deleted it (`true`) or kept it (`false`).
pub const DELETED: &str = "deleted";
/// Conflict key: both sides moved the item to different places. Its values are the id
/// of the item it follows on each side (`null`: first).
pub const POSITION: &str = "position";
/// Conflict key of a friction point or opportunity moved to different stages on both
/// sides: the stage ids.
pub const STAGE: &str = "stage";
/// Prefix of the conflict key of a field cxmap does not know ("unknown:x-jira").
pub const UNKNOWN: &str = "unknown:";

/// One side of a merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The version merged into (git's `%A`, the branch you are on).
    Ours,
    /// The version merged in (git's `%B`).
    Theirs,
}

impl Side {
    /// The side's name, as the file writes it.
    pub fn name(self) -> &'static str {
        match self {
            Side::Ours => "ours",
            Side::Theirs => "theirs",
        }
    }
}

/// Where an object with conflicts sits in the map, by position when it was listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum At {
    Map,
    Stage(usize),
    Friction(usize, usize),
    Opportunity(usize, usize),
    Note(usize),
    Plan(usize),
}

/// One field changed differently on both sides.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub at: At,
    /// The id of the item ("fr-8c2a"), "plan STAGE × CHANNEL", or "" for the map.
    pub item: String,
    /// The conflict key: a field ("severity", "emotion.score"), [`DELETED`],
    /// [`POSITION`], [`STAGE`], or [`UNKNOWN`] and a field's name.
    pub field: String,
    pub base: Option<Value>,
    pub ours: Value,
    pub theirs: Value,
}

fn shown(value: &Value) -> String {
    match value {
        Value::Null => "none".to_owned(),
        Value::String(text) if text.is_empty() => "(empty)".to_owned(),
        Value::String(text) => format!("“{text}”"),
        other => other.to_string(),
    }
}

impl Conflict {
    /// The value `side` had.
    pub fn value(&self, side: Side) -> &Value {
        match side {
            Side::Ours => &self.ours,
            Side::Theirs => &self.theirs,
        }
    }

    /// The conflict in words, e.g. "fr-8c2a severity: 3 in ours, 1 in theirs, 2 before".
    pub fn describe(&self) -> String {
        let item = if self.item.is_empty() {
            "the map"
        } else {
            &self.item
        };
        let place = |value: &Value| match value {
            Value::String(id) => format!("after {id}"),
            _ => "first".to_owned(),
        };
        match self.field.as_str() {
            DELETED => {
                let (deleter, keeper) = if self.theirs == Value::Bool(true) {
                    ("theirs", "ours")
                } else {
                    ("ours", "theirs")
                };
                format!(
                    "{item} was deleted in {deleter} and changed in {keeper}; it is kept until you choose"
                )
            }
            POSITION => format!(
                "{item} was moved on both sides: {} in ours, {} in theirs",
                place(&self.ours),
                place(&self.theirs)
            ),
            field => {
                let before = self
                    .base
                    .as_ref()
                    .map_or(String::new(), |base| format!(", {} before", shown(base)));
                let field = field.strip_prefix(UNKNOWN).unwrap_or(field);
                format!(
                    "{item} {field}: {} in ours, {} in theirs{before}",
                    shown(&self.ours),
                    shown(&self.theirs)
                )
            }
        }
    }
}

/// An object's conflict entries, when it has any.
pub fn entries(extras: &Extras) -> Option<&Map<String, Value>> {
    extras
        .0
        .iter()
        .find(|f| f.key == CONFLICTS)
        .and_then(|f| f.value.as_object())
        .filter(|entries| !entries.is_empty())
}

/// Sets an object's conflict entries (removing the field when there are none). A new
/// field goes after `last`, the object's last known key, so it is written last.
pub fn set_entries(extras: &mut Extras, last: &'static str, entries: Map<String, Value>) {
    let at = extras.0.iter().position(|f| f.key == CONFLICTS);
    match (at, entries.is_empty()) {
        (Some(i), true) => {
            extras.0.remove(i);
        }
        (Some(i), false) => extras.0[i].value = Value::Object(entries),
        (None, true) => {}
        (None, false) => extras.0.push(ExtraField {
            after: Some(last),
            key: CONFLICTS.to_owned(),
            value: Value::Object(entries),
        }),
    }
}

/// Removes one entry from an object's conflicts.
pub fn remove_entry(extras: &mut Extras, last: &'static str, field: &str) {
    if let Some(entries) = entries(extras) {
        let mut entries = entries.clone();
        entries.remove(field);
        set_entries(extras, last, entries);
    }
}

/// One conflict entry as the file writes it.
pub fn entry(base: Option<Value>, ours: Value, theirs: Value) -> Value {
    let mut entry = Map::new();
    if let Some(base) = base {
        entry.insert("base".into(), base);
    }
    entry.insert("ours".into(), ours);
    entry.insert("theirs".into(), theirs);
    Value::Object(entry)
}

fn push_all(out: &mut Vec<Conflict>, at: At, item: &str, extras: &Extras) {
    let Some(entries) = entries(extras) else { return };
    for (field, value) in entries {
        let side = |name: &str| value.get(name).cloned().unwrap_or(Value::Null);
        out.push(Conflict {
            at,
            item: item.to_owned(),
            field: field.clone(),
            base: value.get("base").cloned(),
            ours: side("ours"),
            theirs: side("theirs"),
        });
    }
}

/// Every conflict in the map, in file order.
pub fn all(map: &JourneyMap) -> Vec<Conflict> {
    let mut out = Vec::new();
    push_all(&mut out, At::Map, "", &map.extras);
    for (s, stage) in map.stages.iter().enumerate() {
        push_all(&mut out, At::Stage(s), stage.id.as_str(), &stage.extras);
        for (i, friction) in stage.frictions.iter().enumerate() {
            push_all(
                &mut out,
                At::Friction(s, i),
                friction.id.as_str(),
                &friction.extras,
            );
        }
        for (i, opportunity) in stage.opportunities.iter().enumerate() {
            push_all(
                &mut out,
                At::Opportunity(s, i),
                opportunity.id.as_str(),
                &opportunity.extras,
            );
        }
    }
    for (n, note) in map.shadow.notes.iter().enumerate() {
        push_all(&mut out, At::Note(n), note.id.as_str(), &note.extras);
    }
    for (p, entry) in map.shadow.plan.iter().enumerate() {
        if entries(&entry.extras).is_some() {
            let item = format!("plan {} × {}", entry.stage, entry.channel);
            push_all(&mut out, At::Plan(p), &item, &entry.extras);
        }
    }
    out
}

/// Whether the parts of `map` that `changed` names may hold a conflict (always when
/// everything changed): a list that had none needs looking at again only then.
pub fn any_in(map: &JourneyMap, changed: &Changed) -> bool {
    if changed.everything {
        return true;
    }
    let has = |extras: &Extras| entries(extras).is_some();
    let mut stages = changed.stages.touched().iter().filter_map(|&s| map.stages.get(s));
    let in_stages = stages.any(|stage| {
        has(&stage.extras)
            || stage.frictions.iter().any(|f| has(&f.extras))
            || stage.opportunities.iter().any(|o| has(&o.extras))
    });
    let mut notes = changed
        .notes
        .touched()
        .iter()
        .filter_map(|&n| map.shadow.notes.get(n));
    let in_notes = notes.any(|n| has(&n.extras));
    let in_map = changed.map && (has(&map.extras) || map.shadow.plan.iter().any(|p| has(&p.extras)));
    in_stages || in_notes || in_map
}
