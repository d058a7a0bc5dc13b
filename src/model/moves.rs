//! Moving and copying what the room rearranges: an item to another place (another
//! stage, or where it is pasted) keeping its id, votes, links and evidence; a stage
//! duplicated with fresh ids. Each is one edit, so it undoes as one.

use std::collections::{HashMap, HashSet};

use super::edit::{Edit, Item};
use super::ids::{FrictionId, IdGen, OpportunityId, StageId};
use super::lane::ListLane;
use super::map::JourneyMap;
use super::ops::Links;
use super::shadow::ShadowNote;
use super::stage::Stage;

/// Where an item of a list lane is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub stage: usize,
    pub lane: ListLane,
    pub at: usize,
}

fn item_at(map: &JourneyMap, place: Place) -> Option<Item> {
    let stage = map.stages.get(place.stage)?;
    match place.lane {
        ListLane::Touchpoints => stage.touchpoints.get(place.at).cloned().map(Item::Touchpoint),
        ListLane::Friction => stage.frictions.get(place.at).cloned().map(Item::Friction),
        ListLane::Opportunity => stage.opportunities.get(place.at).cloned().map(Item::Opportunity),
    }
}

fn lane_len(map: &JourneyMap, stage: usize, lane: ListLane) -> Option<usize> {
    let stage = map.stages.get(stage)?;
    Some(match lane {
        ListLane::Touchpoints => stage.touchpoints.len(),
        ListLane::Friction => stage.frictions.len(),
        ListLane::Opportunity => stage.opportunities.len(),
    })
}

/// What a move changed besides the item itself.
#[derive(Debug, Clone, PartialEq)]
pub struct Moved {
    pub edit: Edit,
    /// Where the item is afterwards.
    pub to: Place,
    /// Shadow notes linked to a friction point that went with it to its new stage.
    pub notes: usize,
}

/// Moves the item at `from` to stage `stage`, position `at` of the same lane (counted
/// once the item has left its old place; past the end means last). Its id, votes,
/// links and evidence go with it; shadow notes linked to a friction point follow it to
/// the new stage, so note and point stay in one stage (`links` finds them). `None` when
/// nothing moves.
pub fn move_item(map: &JourneyMap, from: Place, stage: usize, at: usize, links: &dyn Links) -> Option<Moved> {
    let item = item_at(map, from)?;
    let len_after = lane_len(map, stage, from.lane)? - usize::from(stage == from.stage);
    let at = at.min(len_after);
    if stage == from.stage && at == from.at {
        return None;
    }
    let mut edits = vec![
        Edit::RemoveItem {
            stage: from.stage,
            lane: from.lane,
            at: from.at,
        },
        Edit::InsertItem {
            stage,
            at,
            item: item.clone(),
        },
    ];
    let mut notes = 0;
    if let Item::Friction(friction) = &item
        && stage != from.stage
    {
        let target = map.stages[stage].id.clone();
        for n in links.notes_linked(map, &friction.id) {
            let Some(note) = map.shadow.notes.get(n) else {
                continue;
            };
            if note.stage != target {
                let mut moved = ShadowNote::clone(note);
                moved.stage = target.clone();
                edits.push(Edit::ReplaceNote {
                    at: n,
                    note: Box::new(moved),
                });
                notes += 1;
            }
        }
    }
    Some(Moved {
        edit: Edit::Batch(edits),
        to: Place {
            stage,
            lane: from.lane,
            at,
        },
        notes,
    })
}

/// Moves the item at `from` to the end of the same lane in the previous (`forward` false)
/// or next stage. `None` at the journey's first or last stage.
pub fn move_to_neighbour(map: &JourneyMap, from: Place, forward: bool, links: &dyn Links) -> Option<Moved> {
    let stage = if forward {
        from.stage.checked_add(1).filter(|s| *s < map.stages.len())?
    } else {
        from.stage.checked_sub(1)?
    };
    move_item(map, from, stage, usize::MAX, links)
}

/// A copy of stage `at` inserted after it, named "NAME (copy)": goal, touchpoints,
/// emotion, metrics, friction points and opportunities with fresh ids. Votes start at
/// zero (the room's dots stay on the originals); an opportunity of the copy addresses
/// the copies of its stage's friction points and the same points elsewhere. Shadow notes
/// and the shadowing plan stay with the original.
/// `taken` says whether the map uses an id.
pub fn duplicate_stage(
    map: &JourneyMap,
    at: usize,
    ids: &mut IdGen,
    taken: &dyn Fn(&str) -> bool,
) -> Option<Edit> {
    let original = map.stages.get(at)?;
    let mut made: HashSet<String> = HashSet::new();
    let mut fresh = |prefix: &str| {
        let id = ids.fresh(prefix, |id| taken(id) || made.contains(id));
        made.insert(id.clone());
        id
    };
    let mut copy = Stage::clone(original);
    copy.id = StageId(fresh(StageId::PREFIX));
    copy.name = format!("{} (copy)", original.name);
    let mut renamed: HashMap<FrictionId, FrictionId> = HashMap::new();
    for friction in &mut copy.frictions {
        let id = FrictionId(fresh(FrictionId::PREFIX));
        renamed.insert(friction.id.clone(), id.clone());
        friction.id = id;
        friction.votes = 0;
    }
    for opportunity in &mut copy.opportunities {
        opportunity.id = OpportunityId(fresh(OpportunityId::PREFIX));
        opportunity.votes = 0;
        for address in &mut opportunity.addresses {
            if let Some(id) = renamed.get(address) {
                *address = id.clone();
            }
        }
    }
    Some(Edit::InsertStage {
        at: at + 1,
        stage: Box::new(copy),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assets::EXAMPLES;
    use crate::model::ops::Scan;
    use crate::model::{NoteId, ShadowNote};

    fn place(stage: usize, lane: ListLane, at: usize) -> Place {
        Place { stage, lane, at }
    }

    #[test]
    fn an_item_moves_to_the_next_stage_with_its_id_votes_links_and_evidence() {
        let mut map = EXAMPLES[1].map().unwrap();
        let original = map.clone();
        let friction = map.stages[2].frictions[0].clone();
        let linked_from: Vec<usize> = map
            .stages
            .iter()
            .enumerate()
            .filter(|(_, s)| s.opportunities.iter().any(|o| o.addresses.contains(&friction.id)))
            .map(|(i, _)| i)
            .collect();
        assert!(!linked_from.is_empty(), "the example links an opportunity to it");
        map.shadow.notes.push(
            ShadowNote {
                id: NoteId("sh-test".into()),
                stage: map.stages[2].id.clone(),
                friction: Some(friction.id.clone()),
                ..ShadowNote::default()
            }
            .into(),
        );
        let before = map.clone();
        let linked_notes = map
            .shadow
            .notes
            .iter()
            .filter(|n| n.friction.as_ref() == Some(&friction.id))
            .count();
        let moved = move_to_neighbour(&map, place(2, ListLane::Friction, 0), true, &Scan).unwrap();
        assert_eq!(moved.notes, linked_notes);
        let end = map.stages[3].frictions.len();
        assert_eq!(moved.to, place(3, ListLane::Friction, end));
        let inverse = moved.edit.apply(&mut map).unwrap();
        assert_eq!(
            map.stages[3].frictions[end], friction,
            "same id, votes and evidence"
        );
        assert_eq!(map.friction_position(&friction.id), Some((3, end)));
        assert!(
            linked_from.iter().all(|&s| map.stages[s]
                .opportunities
                .iter()
                .any(|o| o.addresses.contains(&friction.id))),
            "the links still name it"
        );
        assert!(
            map.shadow
                .notes
                .iter()
                .filter(|n| n.friction.as_ref() == Some(&friction.id))
                .all(|n| n.stage == map.stages[3].id)
        );
        inverse.apply(&mut map).unwrap();
        assert_eq!(map, before);
        assert_ne!(map, original);
    }

    #[test]
    fn nothing_moves_past_the_ends_or_onto_itself() {
        let map = EXAMPLES[1].map().unwrap();
        let last = map.stages.len() - 1;
        assert_eq!(
            move_to_neighbour(&map, place(0, ListLane::Touchpoints, 0), false, &Scan),
            None
        );
        assert_eq!(
            move_to_neighbour(&map, place(last, ListLane::Friction, 0), true, &Scan),
            None
        );
        assert_eq!(
            move_item(&map, place(0, ListLane::Touchpoints, 0), 0, 0, &Scan),
            None
        );
        assert_eq!(
            move_item(&map, place(0, ListLane::Touchpoints, 99), 1, 0, &Scan),
            None
        );
    }

    #[test]
    fn pasting_inside_a_cell_reorders_and_undoes() {
        let mut map = EXAMPLES[1].map().unwrap();
        let before = map.clone();
        let first = map.stages[0].touchpoints[0].clone();
        let len = map.stages[0].touchpoints.len();
        let moved = move_item(&map, place(0, ListLane::Touchpoints, 0), 0, usize::MAX, &Scan).unwrap();
        assert_eq!(moved.to.at, len - 1);
        let inverse = moved.edit.apply(&mut map).unwrap();
        assert_eq!(map.stages[0].touchpoints[len - 1], first);
        inverse.apply(&mut map).unwrap();
        assert_eq!(map, before);
    }

    #[test]
    fn a_duplicated_stage_has_fresh_ids_no_votes_and_its_own_links() {
        let mut map = EXAMPLES[1].map().unwrap();
        let at = map
            .stages
            .iter()
            .position(|s| {
                s.opportunities
                    .iter()
                    .any(|o| o.addresses.iter().any(|a| s.frictions.iter().any(|f| f.id == *a)))
            })
            .unwrap();
        let before = map.clone();
        let inverse = duplicate_stage(&map, at, &mut IdGen::seeded(4), &|id| map.has_id(id))
            .unwrap()
            .apply(&mut map)
            .unwrap();
        let (original, copy) = (&map.stages[at], &map.stages[at + 1]);
        assert_eq!(copy.name, format!("{} (copy)", original.name));
        assert_eq!(copy.touchpoints, original.touchpoints);
        assert_eq!(copy.frictions.len(), original.frictions.len());
        let mut ids: Vec<&str> = map.ids().collect();
        let count = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), count, "every id is still unique");
        assert!(copy.frictions.iter().all(|f| f.votes == 0));
        assert!(copy.opportunities.iter().all(|o| o.votes == 0));
        let own: Vec<&FrictionId> = copy.frictions.iter().map(|f| &f.id).collect();
        let theirs: Vec<&FrictionId> = original.frictions.iter().map(|f| &f.id).collect();
        for opportunity in &copy.opportunities {
            assert!(opportunity.addresses.iter().all(|a| !theirs.contains(&a)));
        }
        assert!(
            copy.opportunities
                .iter()
                .any(|o| o.addresses.iter().any(|a| own.contains(&a)))
        );
        inverse.apply(&mut map).unwrap();
        assert_eq!(map, before);
    }
}
