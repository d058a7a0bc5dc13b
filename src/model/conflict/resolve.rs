//! Resolving a merge conflict by choosing a side: one [`Edit`] that gives the field that
//! side's value and drops the conflict entry, so undo takes the choice back.

use serde_json::Value;

use super::{At, Conflict, DELETED, POSITION, STAGE, Side, UNKNOWN, remove_entry};
use crate::model::{
    Edit, ExtraField, Extras, Friction, FrictionId, Item, JourneyMap, ListLane, Metrics, Opportunity, Score,
    Severity, ShadowNote, Stage, StageId, Status, ops,
};

/// The edit that settles `conflict` with `side`'s value; `None` when the map no longer
/// holds the conflict where it was listed, or the value does not fit the field.
pub fn resolve(map: &JourneyMap, conflict: &Conflict, side: Side) -> Option<Edit> {
    let chosen = conflict.value(side);
    let field = conflict.field.as_str();
    match conflict.at {
        At::Map => {
            let mut resolved = map.clone();
            remove_entry(&mut resolved.extras, "shadow", field);
            match field {
                "title" => resolved.title = chosen.as_str()?.to_owned(),
                "persona" => resolved.persona = chosen.as_str()?.to_owned(),
                "memo.walked_by" | "memo.when" | "memo.devices" => {
                    let memo = resolved.memo.get_or_insert_with(Default::default);
                    let fact = match field {
                        "memo.walked_by" => &mut memo.walked_by,
                        "memo.when" => &mut memo.when,
                        _ => &mut memo.devices,
                    };
                    *fact = chosen.as_str()?.to_owned();
                }
                _ => {
                    let key = field.strip_prefix(UNKNOWN)?;
                    if let Some(key) = key.strip_prefix("shadow.") {
                        set_unknown(&mut resolved.shadow.extras, "plan", key, chosen);
                    } else if let Some(key) = key.strip_prefix("memo.") {
                        let memo = resolved.memo.get_or_insert_with(Default::default);
                        set_unknown(&mut memo.extras, "devices", key, chosen);
                    } else {
                        set_unknown(&mut resolved.extras, "shadow", key, chosen);
                    }
                }
            }
            Some(Edit::ReplaceMap(Box::new(resolved)))
        }
        At::Stage(s) => resolve_stage(map, s, conflict, chosen),
        At::Friction(s, i) => {
            let friction = map.stages.get(s)?.frictions.get(i)?;
            (friction.id.as_str() == conflict.item).then_some(())?;
            let mut friction = friction.clone();
            remove_entry(&mut friction.extras, "evidence", field);
            match field {
                DELETED | STAGE | POSITION => relocate(
                    map,
                    (s, i),
                    ListLane::Friction,
                    Item::Friction(friction),
                    field,
                    chosen,
                ),
                _ => {
                    set_friction_field(&mut friction, field, chosen)?;
                    Some(Edit::ReplaceItem {
                        stage: s,
                        at: i,
                        item: Item::Friction(friction),
                    })
                }
            }
        }
        At::Opportunity(s, i) => {
            let opportunity = map.stages.get(s)?.opportunities.get(i)?;
            (opportunity.id.as_str() == conflict.item).then_some(())?;
            let mut opportunity = opportunity.clone();
            remove_entry(&mut opportunity.extras, "votes", field);
            match field {
                DELETED | STAGE | POSITION => relocate(
                    map,
                    (s, i),
                    ListLane::Opportunity,
                    Item::Opportunity(opportunity),
                    field,
                    chosen,
                ),
                _ => {
                    set_opportunity_field(&mut opportunity, field, chosen)?;
                    Some(Edit::ReplaceItem {
                        stage: s,
                        at: i,
                        item: Item::Opportunity(opportunity),
                    })
                }
            }
        }
        At::Note(n) => {
            let note = map.shadow.notes.get(n)?;
            (note.id.as_str() == conflict.item).then_some(())?;
            if field == DELETED && chosen == &Value::Bool(true) {
                return Some(Edit::RemoveNote { at: n });
            }
            let mut note = ShadowNote::clone(note);
            remove_entry(&mut note.extras, "friction", field);
            if field != DELETED {
                set_note_field(&mut note, field, chosen)?;
            }
            Some(Edit::ReplaceNote {
                at: n,
                note: Box::new(note),
            })
        }
        At::Plan(p) => {
            let mut plan = map.shadow.plan.clone();
            let entry = plan.get_mut(p)?;
            remove_entry(&mut entry.extras, "votes", field);
            set_unknown(&mut entry.extras, "votes", field.strip_prefix(UNKNOWN)?, chosen);
            Some(Edit::SetPlan(plan))
        }
    }
}

/// Sets (or, for `null`, removes) an unknown field, keeping its place when it has one.
fn set_unknown(extras: &mut Extras, last: &'static str, key: &str, value: &Value) {
    let at = extras.0.iter().position(|f| f.key == key);
    match (at, value) {
        (Some(i), Value::Null) => {
            extras.0.remove(i);
        }
        (Some(i), value) => extras.0[i].value = value.clone(),
        (None, Value::Null) => {}
        (None, value) => {
            let before_conflicts = extras
                .0
                .iter()
                .position(|f| f.key == super::CONFLICTS)
                .unwrap_or(extras.0.len());
            extras.0.insert(
                before_conflicts,
                ExtraField {
                    after: Some(last),
                    key: key.to_owned(),
                    value: value.clone(),
                },
            );
        }
    }
}

fn text(value: &Value) -> Option<String> {
    value.as_str().map(str::to_owned)
}

fn set_friction_field(friction: &mut Friction, field: &str, value: &Value) -> Option<()> {
    match field {
        "text" => friction.text = text(value)?,
        "severity" => friction.severity = Severity::from_number(value.as_i64()?)?,
        "channel" => friction.channel = text(value)?,
        "owner" => friction.owner = text(value)?,
        "status" => friction.status = Status::parse(value.as_str()?)?,
        other => set_unknown(
            &mut friction.extras,
            "evidence",
            other.strip_prefix(UNKNOWN)?,
            value,
        ),
    }
    Some(())
}

fn set_opportunity_field(opportunity: &mut Opportunity, field: &str, value: &Value) -> Option<()> {
    match field {
        "text" => opportunity.text = text(value)?,
        other => set_unknown(
            &mut opportunity.extras,
            "votes",
            other.strip_prefix(UNKNOWN)?,
            value,
        ),
    }
    Some(())
}

fn set_note_field(note: &mut ShadowNote, field: &str, value: &Value) -> Option<()> {
    match field {
        "at" => note.at = text(value)?,
        "observer" => note.observer = text(value)?,
        "stage" => note.stage = StageId(text(value)?),
        "channel" => note.channel = text(value)?,
        "text" => note.text = text(value)?,
        "friction" => {
            note.friction = if value.is_null() {
                None
            } else {
                Some(FrictionId(text(value)?))
            }
        }
        other => set_unknown(&mut note.extras, "friction", other.strip_prefix(UNKNOWN)?, value),
    }
    Some(())
}

/// A number for a metric or a score: `null` for none.
fn optional_number(value: &Value) -> Option<Option<f64>> {
    if value.is_null() {
        Some(None)
    } else {
        value.as_f64().map(Some)
    }
}

fn set_stage_field(stage: &mut Stage, field: &str, value: &Value) -> Option<()> {
    match field {
        "name" => stage.name = text(value)?,
        "goal" => stage.goal = text(value)?,
        "emotion.note" => stage.emotion.note = text(value)?,
        "emotion.score" => {
            stage.emotion.score = match value {
                Value::Null => None,
                other => Some(Score::new(other.as_i64()?)?),
            }
        }
        "metrics" => {
            if value.is_null() {
                stage.metrics = None;
            } else {
                stage.metrics.get_or_insert_with(Metrics::default);
            }
        }
        "metrics.csat" => stage.metrics.get_or_insert_with(Metrics::default).csat = optional_number(value)?,
        "metrics.nps" => stage.metrics.get_or_insert_with(Metrics::default).nps = optional_number(value)?,
        "metrics.ces" => stage.metrics.get_or_insert_with(Metrics::default).ces = optional_number(value)?,
        other => {
            let key = other.strip_prefix(UNKNOWN)?;
            if let Some(key) = key.strip_prefix("emotion.") {
                set_unknown(&mut stage.emotion.extras, "note", key, value);
            } else if let Some(key) = key.strip_prefix("metrics.") {
                set_unknown(
                    &mut stage.metrics.get_or_insert_with(Metrics::default).extras,
                    "ces",
                    key,
                    value,
                );
            } else {
                set_unknown(&mut stage.extras, "metrics", key, value);
            }
        }
    }
    Some(())
}

fn resolve_stage(map: &JourneyMap, s: usize, conflict: &Conflict, chosen: &Value) -> Option<Edit> {
    let stage = map.stages.get(s)?;
    (stage.id.as_str() == conflict.item).then_some(())?;
    let field = conflict.field.as_str();
    if field == DELETED && chosen == &Value::Bool(true) {
        return ops::delete_stage(map, s);
    }
    let mut resolved = Stage::clone(stage);
    remove_entry(&mut resolved.extras, "metrics", field);
    let mut to = s;
    match field {
        DELETED => {}
        POSITION => {
            let mut others: Vec<&str> = map.stages.iter().map(|s| s.id.as_str()).collect();
            others.remove(s);
            to = after(&others, chosen);
        }
        _ => set_stage_field(&mut resolved, field, chosen)?,
    }
    Some(Edit::Batch(vec![
        Edit::RemoveStage { at: s },
        Edit::InsertStage {
            at: to,
            stage: Box::new(resolved),
        },
    ]))
}

/// The index to insert at so that the item follows the id `after` in `ids` (first for
/// `null`, last when that id is gone).
fn after(ids: &[&str], after: &Value) -> usize {
    match after.as_str() {
        None => 0,
        Some(id) => ids.iter().position(|i| *i == id).map_or(ids.len(), |p| p + 1),
    }
}

/// A friction point or opportunity kept, deleted, or moved to the chosen stage or place.
fn relocate(
    map: &JourneyMap,
    (s, i): (usize, usize),
    lane: ListLane,
    item: Item,
    field: &str,
    chosen: &Value,
) -> Option<Edit> {
    if field == DELETED {
        return if chosen == &Value::Bool(true) {
            ops::delete_item(map, s, lane, i)
        } else {
            Some(Edit::ReplaceItem {
                stage: s,
                at: i,
                item,
            })
        };
    }
    let ids = |stage: &Stage| -> Vec<String> {
        match lane {
            ListLane::Friction => stage.frictions.iter().map(|f| f.id.0.clone()).collect(),
            _ => stage.opportunities.iter().map(|o| o.id.0.clone()).collect(),
        }
    };
    let (to_stage, at) = if field == STAGE {
        let to = map.stage_position(&StageId(chosen.as_str()?.to_owned()))?;
        let len = ids(&map.stages[to]).len();
        (to, if to == s { len - 1 } else { len })
    } else {
        let mut others = ids(&map.stages[s]);
        others.remove(i);
        let others: Vec<&str> = others.iter().map(String::as_str).collect();
        (s, after(&others, chosen))
    };
    Some(Edit::Batch(vec![
        Edit::RemoveItem {
            stage: s,
            lane,
            at: i,
        },
        Edit::InsertItem {
            stage: to_stage,
            at,
            item,
        },
    ]))
}
