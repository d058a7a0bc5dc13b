//! Every change to a map is an [`Edit`]: applying one returns its inverse, so undo and
//! redo cover everything and a change can be logged or replayed.

use std::fmt;

use super::extras::ExtraField;
use super::friction::Friction;
use super::lane::{Lane, ListLane};
use super::map::JourneyMap;
use super::memo::MemoFacts;
use super::opportunity::Opportunity;
use super::shadow::{PlanEntry, ShadowNote};
use super::shared::Shared;
use super::stage::{Metrics, Score, Stage};

mod runs;

/// A map-level text field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapText {
    Title,
    Persona,
}

/// A stage-level text field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StageText {
    Name,
    Goal,
    EmotionNote,
}

/// One item of a list lane.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Touchpoint(String),
    Friction(Friction),
    Opportunity(Opportunity),
}

impl Item {
    /// The list lane the item belongs in.
    pub fn lane(&self) -> ListLane {
        match self {
            Item::Touchpoint(_) => ListLane::Touchpoints,
            Item::Friction(_) => ListLane::Friction,
            Item::Opportunity(_) => ListLane::Opportunity,
        }
    }

    /// The item's text.
    pub fn text(&self) -> &str {
        match self {
            Item::Touchpoint(text) => text,
            Item::Friction(friction) => &friction.text,
            Item::Opportunity(opportunity) => &opportunity.text,
        }
    }

    /// The same item with its text replaced and every other field kept.
    pub fn with_text(mut self, text: String) -> Item {
        match &mut self {
            Item::Touchpoint(old) => *old = text,
            Item::Friction(friction) => friction.text = text,
            Item::Opportunity(opportunity) => opportunity.text = text,
        }
        self
    }
}

/// A change to a journey map. Positions are indices at the time the edit applies;
/// history replays inverses in exact reverse order, so they always line up.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    SetMapText {
        field: MapText,
        text: String,
    },
    SetStageText {
        stage: usize,
        field: StageText,
        text: String,
    },
    SetScore {
        stage: usize,
        score: Option<Score>,
    },
    SetMetrics {
        stage: usize,
        metrics: Option<Metrics>,
    },
    InsertStage {
        at: usize,
        stage: Box<Stage>,
    },
    RemoveStage {
        at: usize,
    },
    MoveStage {
        from: usize,
        to: usize,
    },
    InsertItem {
        stage: usize,
        at: usize,
        item: Item,
    },
    RemoveItem {
        stage: usize,
        lane: ListLane,
        at: usize,
    },
    ReplaceItem {
        stage: usize,
        at: usize,
        item: Item,
    },
    MoveItem {
        stage: usize,
        lane: ListLane,
        from: usize,
        to: usize,
    },
    InsertNote {
        at: usize,
        note: Box<ShadowNote>,
    },
    RemoveNote {
        at: usize,
    },
    ReplaceNote {
        at: usize,
        note: Box<ShadowNote>,
    },
    SetChannels(Vec<String>),
    SetPlan(Vec<PlanEntry>),
    /// The memo's facts (who walked, when, on what); `None` takes the field out.
    SetMemoFacts(Option<MemoFacts>),
    /// A map-level field kept as written (after `shadow`), set or, with `None`, removed:
    /// a voting round's record of who voted what.
    SetMapExtra {
        key: String,
        value: Option<serde_json::Value>,
    },
    /// The whole map at once (taking back a recovery copy).
    ReplaceMap(Box<JourneyMap>),
    /// Several edits that undo and redo as one.
    Batch(Vec<Edit>),
}

/// An edit named a position the map does not have. The map is left unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditError(pub String);

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "edit does not fit the map: {}", self.0)
    }
}

impl std::error::Error for EditError {}

/// Where an edit happened, so the view can show it after undo or redo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Focus {
    pub stage: Option<usize>,
    pub lane: Option<Lane>,
    pub item: Option<usize>,
}

fn missing(what: &str, index: usize) -> EditError {
    EditError(format!("no {what} at position {index}"))
}

fn stage_mut(map: &mut JourneyMap, stage: usize) -> Result<&mut Stage, EditError> {
    map.stages
        .get_mut(stage)
        .map(|stage| &mut **stage)
        .ok_or_else(|| missing("stage", stage))
}

fn check_index(len: usize, index: usize, what: &str) -> Result<(), EditError> {
    if index < len {
        Ok(())
    } else {
        Err(missing(what, index))
    }
}

fn check_insert(len: usize, at: usize, what: &str) -> Result<(), EditError> {
    if at <= len { Ok(()) } else { Err(missing(what, at)) }
}

fn move_within<T>(list: &mut Vec<T>, from: usize, to: usize, what: &str) -> Result<(), EditError> {
    check_index(list.len(), from, what)?;
    check_index(list.len(), to, what)?;
    let element = list.remove(from);
    list.insert(to, element);
    Ok(())
}

impl Edit {
    /// Applies the edit and returns the edit that reverses it.
    pub fn apply(self, map: &mut JourneyMap) -> Result<Edit, EditError> {
        Ok(match self {
            Edit::SetMapText { .. }
            | Edit::SetStageText { .. }
            | Edit::SetScore { .. }
            | Edit::SetMetrics { .. }
            | Edit::InsertStage { .. }
            | Edit::RemoveStage { .. }
            | Edit::MoveStage { .. } => self.apply_to_stages(map)?,
            Edit::InsertItem { .. }
            | Edit::RemoveItem { .. }
            | Edit::ReplaceItem { .. }
            | Edit::MoveItem { .. } => self.apply_to_items(map)?,
            Edit::InsertNote { .. }
            | Edit::RemoveNote { .. }
            | Edit::ReplaceNote { .. }
            | Edit::SetChannels(_)
            | Edit::SetPlan(_) => self.apply_to_shadow(map)?,
            Edit::SetMemoFacts(facts) => Edit::SetMemoFacts(std::mem::replace(&mut map.memo, facts)),
            Edit::SetMapExtra { key, value } => {
                let fields = &mut map.extras.0;
                let at = fields.iter().position(|f| f.key == key);
                let old = match (at, value) {
                    (Some(at), Some(value)) => Some(std::mem::replace(&mut fields[at].value, value)),
                    (Some(at), None) => Some(fields.remove(at).value),
                    (None, Some(value)) => {
                        fields.push(ExtraField {
                            after: Some("shadow"),
                            key: key.clone(),
                            value,
                        });
                        None
                    }
                    (None, None) => None,
                };
                Edit::SetMapExtra { key, value: old }
            }
            Edit::ReplaceMap(new) => Edit::ReplaceMap(Box::new(std::mem::replace(map, *new))),
            Edit::Batch(edits) => {
                let mut inverses = Vec::with_capacity(edits.len());
                let mut rest = edits.into_iter().peekable();
                while let Some(edit) = rest.next() {
                    let edit = match runs::gather(edit, &mut rest, map) {
                        Ok(run) => {
                            runs::apply(run, map, &mut inverses);
                            continue;
                        }
                        Err(edit) => *edit,
                    };
                    match edit.apply(map) {
                        Ok(inverse) => inverses.push(inverse),
                        Err(error) => {
                            for inverse in inverses.into_iter().rev() {
                                // Inverses of edits that just applied always fit.
                                let _ = inverse.apply(map);
                            }
                            return Err(error);
                        }
                    }
                }
                inverses.reverse();
                Edit::Batch(inverses)
            }
        })
    }

    /// The map's texts and the stages: their texts, scores, metrics, places.
    fn apply_to_stages(self, map: &mut JourneyMap) -> Result<Edit, EditError> {
        Ok(match self {
            Edit::SetMapText { field, text } => {
                let slot = match field {
                    MapText::Title => &mut map.title,
                    MapText::Persona => &mut map.persona,
                };
                let old = std::mem::replace(slot, text);
                Edit::SetMapText { field, text: old }
            }
            Edit::SetStageText { stage, field, text } => {
                let target = stage_mut(map, stage)?;
                let slot = match field {
                    StageText::Name => &mut target.name,
                    StageText::Goal => &mut target.goal,
                    StageText::EmotionNote => &mut target.emotion.note,
                };
                let old = std::mem::replace(slot, text);
                Edit::SetStageText {
                    stage,
                    field,
                    text: old,
                }
            }
            Edit::SetScore { stage, score } => {
                let target = stage_mut(map, stage)?;
                let old = std::mem::replace(&mut target.emotion.score, score);
                Edit::SetScore { stage, score: old }
            }
            Edit::SetMetrics { stage, metrics } => {
                let target = stage_mut(map, stage)?;
                let old = std::mem::replace(&mut target.metrics, metrics);
                Edit::SetMetrics { stage, metrics: old }
            }
            Edit::InsertStage { at, stage } => {
                check_insert(map.stages.len(), at, "stage")?;
                map.stages.insert(at, Shared::new(*stage));
                Edit::RemoveStage { at }
            }
            Edit::RemoveStage { at } => {
                check_index(map.stages.len(), at, "stage")?;
                let stage = map.stages.remove(at);
                Edit::InsertStage {
                    at,
                    stage: Box::new(stage.into_inner()),
                }
            }
            Edit::MoveStage { from, to } => {
                move_within(&mut map.stages, from, to, "stage")?;
                Edit::MoveStage { from: to, to: from }
            }
            other => return Err(EditError(format!("{other:?} is not an edit of the stages"))),
        })
    }

    /// The items of the list lanes.
    fn apply_to_items(self, map: &mut JourneyMap) -> Result<Edit, EditError> {
        Ok(match self {
            Edit::InsertItem { stage, at, item } => {
                let target = stage_mut(map, stage)?;
                let lane = item.lane();
                match item {
                    Item::Touchpoint(text) => {
                        check_insert(target.touchpoints.len(), at, "touchpoint")?;
                        target.touchpoints.insert(at, text);
                    }
                    Item::Friction(friction) => {
                        check_insert(target.frictions.len(), at, "friction point")?;
                        target.frictions.insert(at, friction);
                    }
                    Item::Opportunity(opportunity) => {
                        check_insert(target.opportunities.len(), at, "opportunity")?;
                        target.opportunities.insert(at, opportunity);
                    }
                }
                Edit::RemoveItem { stage, lane, at }
            }
            Edit::RemoveItem { stage, lane, at } => {
                let target = stage_mut(map, stage)?;
                let noun = lane.item_noun();
                let item = match lane {
                    ListLane::Touchpoints => {
                        check_index(target.touchpoints.len(), at, noun)?;
                        Item::Touchpoint(target.touchpoints.remove(at))
                    }
                    ListLane::Friction => {
                        check_index(target.frictions.len(), at, noun)?;
                        Item::Friction(target.frictions.remove(at))
                    }
                    ListLane::Opportunity => {
                        check_index(target.opportunities.len(), at, noun)?;
                        Item::Opportunity(target.opportunities.remove(at))
                    }
                };
                Edit::InsertItem { stage, at, item }
            }
            Edit::ReplaceItem { stage, at, item } => {
                let target = stage_mut(map, stage)?;
                let noun = item.lane().item_noun();
                let old = match item {
                    Item::Touchpoint(text) => {
                        let slot = target.touchpoints.get_mut(at).ok_or_else(|| missing(noun, at))?;
                        Item::Touchpoint(std::mem::replace(slot, text))
                    }
                    Item::Friction(friction) => {
                        let slot = target.frictions.get_mut(at).ok_or_else(|| missing(noun, at))?;
                        Item::Friction(std::mem::replace(slot, friction))
                    }
                    Item::Opportunity(opportunity) => {
                        let slot = target
                            .opportunities
                            .get_mut(at)
                            .ok_or_else(|| missing(noun, at))?;
                        Item::Opportunity(std::mem::replace(slot, opportunity))
                    }
                };
                Edit::ReplaceItem { stage, at, item: old }
            }
            Edit::MoveItem {
                stage,
                lane,
                from,
                to,
            } => {
                let target = stage_mut(map, stage)?;
                let noun = lane.item_noun();
                match lane {
                    ListLane::Touchpoints => move_within(&mut target.touchpoints, from, to, noun)?,
                    ListLane::Friction => move_within(&mut target.frictions, from, to, noun)?,
                    ListLane::Opportunity => move_within(&mut target.opportunities, from, to, noun)?,
                }
                Edit::MoveItem {
                    stage,
                    lane,
                    from: to,
                    to: from,
                }
            }
            other => return Err(EditError(format!("{other:?} is not an edit of the items"))),
        })
    }

    /// The service shadow: notes, channels, plan.
    fn apply_to_shadow(self, map: &mut JourneyMap) -> Result<Edit, EditError> {
        Ok(match self {
            Edit::InsertNote { at, note } => {
                check_insert(map.shadow.notes.len(), at, "shadow note")?;
                map.shadow.notes.insert(at, Shared::new(*note));
                Edit::RemoveNote { at }
            }
            Edit::RemoveNote { at } => {
                check_index(map.shadow.notes.len(), at, "shadow note")?;
                let note = map.shadow.notes.remove(at);
                Edit::InsertNote {
                    at,
                    note: Box::new(note.into_inner()),
                }
            }
            Edit::ReplaceNote { at, note } => {
                let slot = map
                    .shadow
                    .notes
                    .get_mut(at)
                    .ok_or_else(|| missing("shadow note", at))?;
                let old = std::mem::replace(slot, Shared::new(*note));
                Edit::ReplaceNote {
                    at,
                    note: Box::new(old.into_inner()),
                }
            }
            Edit::SetChannels(channels) => {
                Edit::SetChannels(std::mem::replace(&mut map.shadow.channels, channels))
            }
            Edit::SetPlan(plan) => Edit::SetPlan(std::mem::replace(&mut map.shadow.plan, plan)),
            other => return Err(EditError(format!("{other:?} is not an edit of the shadow"))),
        })
    }

    /// Where the edit lands in the grid, for moving the selection there.
    pub fn focus(&self) -> Focus {
        let at = |stage: usize, lane: Option<Lane>, item: Option<usize>| Focus {
            stage: Some(stage),
            lane,
            item,
        };
        match self {
            Edit::SetMapText { .. }
            | Edit::InsertNote { .. }
            | Edit::RemoveNote { .. }
            | Edit::ReplaceNote { .. }
            | Edit::SetChannels(_)
            | Edit::SetPlan(_)
            | Edit::SetMemoFacts(_)
            | Edit::SetMapExtra { .. }
            | Edit::ReplaceMap(_) => Focus {
                stage: None,
                lane: None,
                item: None,
            },
            Edit::SetStageText { stage, field, .. } => {
                let lane = match field {
                    StageText::Name => None,
                    StageText::Goal => Some(Lane::Goal),
                    StageText::EmotionNote => Some(Lane::Emotion),
                };
                at(*stage, lane, None)
            }
            Edit::SetScore { stage, .. } => at(*stage, Some(Lane::Emotion), None),
            Edit::SetMetrics { stage, .. } => at(*stage, None, None),
            Edit::InsertStage { at: stage, .. } | Edit::RemoveStage { at: stage } => at(*stage, None, None),
            Edit::MoveStage { to, .. } => at(*to, None, None),
            Edit::InsertItem {
                stage, at: i, item, ..
            }
            | Edit::ReplaceItem {
                stage, at: i, item, ..
            } => at(*stage, Some(item.lane().lane()), Some(*i)),
            Edit::RemoveItem {
                stage, lane, at: i, ..
            } => at(*stage, Some(lane.lane()), Some(*i)),
            Edit::MoveItem { stage, lane, to, .. } => at(*stage, Some(lane.lane()), Some(*to)),
            Edit::Batch(edits) => edits
                .iter()
                .map(Edit::focus)
                .find(|focus| focus.stage.is_some())
                .unwrap_or(Focus {
                    stage: None,
                    lane: None,
                    item: None,
                }),
        }
    }
}
