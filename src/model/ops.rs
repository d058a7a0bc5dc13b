//! Changes that touch several places at once, built as one [`Edit::Batch`] so they undo
//! as one: deleting a stage or a friction point also drops the links that named it.

use std::collections::BTreeSet;

use super::edit::{Edit, Item};
use super::friction::{Friction, Severity};
use super::ids::FrictionId;
use super::lane::ListLane;
use super::map::JourneyMap;
use super::shadow::ShadowNote;

/// Where links and notes are, for changes that drop links: an index a caller keeps up
/// to date (the app's friction queue) answers at once; [`Scan`] reads the whole map.
pub trait Links {
    /// The opportunities (stage, position) that address friction point `id`.
    fn addressing(&self, map: &JourneyMap, id: &FrictionId) -> Vec<(usize, usize)>;
    /// The positions of the shadow notes linked to friction point `id`.
    fn notes_linked(&self, map: &JourneyMap, id: &FrictionId) -> Vec<usize>;
    /// The positions of the shadow notes seen in stage `stage`.
    fn notes_in(&self, map: &JourneyMap, stage: usize) -> Vec<usize>;
}

/// [`Links`] found by reading the map.
pub struct Scan;

impl Links for Scan {
    fn addressing(&self, map: &JourneyMap, id: &FrictionId) -> Vec<(usize, usize)> {
        let stages = map.stages.iter().enumerate();
        let opportunities = stages.flat_map(|(s, stage)| {
            stage
                .opportunities
                .iter()
                .enumerate()
                .map(move |(o, op)| ((s, o), op))
        });
        opportunities
            .filter(|(_, op)| op.addresses.contains(id))
            .map(|(at, _)| at)
            .collect()
    }

    fn notes_linked(&self, map: &JourneyMap, id: &FrictionId) -> Vec<usize> {
        let notes = map.shadow.notes.iter().enumerate();
        notes
            .filter(|(_, note)| note.friction.as_ref() == Some(id))
            .map(|(n, _)| n)
            .collect()
    }

    fn notes_in(&self, map: &JourneyMap, stage: usize) -> Vec<usize> {
        let Some(stage) = map.stages.get(stage) else {
            return Vec::new();
        };
        let notes = map.shadow.notes.iter().enumerate();
        notes
            .filter(|(_, note)| note.stage == stage.id)
            .map(|(n, _)| n)
            .collect()
    }
}

/// Removes links to the given friction points: from opportunities' `addresses` and from
/// shadow notes. Opportunities in `skip_stage` are left alone (that stage is going away).
fn unlink_frictions(
    map: &JourneyMap,
    gone: &[&FrictionId],
    skip_stage: Option<usize>,
    links: &dyn Links,
) -> Vec<Edit> {
    let addressing: BTreeSet<(usize, usize)> = gone.iter().flat_map(|id| links.addressing(map, id)).collect();
    let mut edits = Vec::new();
    for (s, o) in addressing.into_iter().filter(|&(s, _)| Some(s) != skip_stage) {
        let Some(opportunity) = map.stages.get(s).and_then(|stage| stage.opportunities.get(o)) else {
            continue;
        };
        let mut kept = opportunity.clone();
        kept.addresses.retain(|id| !gone.contains(&id));
        edits.push(Edit::ReplaceItem {
            stage: s,
            at: o,
            item: Item::Opportunity(kept),
        });
    }
    let linked: BTreeSet<usize> = gone.iter().flat_map(|id| links.notes_linked(map, id)).collect();
    for n in linked {
        let Some(note) = map.shadow.notes.get(n) else {
            continue;
        };
        let mut kept = ShadowNote::clone(note);
        kept.friction = None;
        edits.push(Edit::ReplaceNote {
            at: n,
            note: Box::new(kept),
        });
    }
    edits
}

/// Deleting stage `at`: its shadow notes and plan entries go with it, and links to its
/// friction points from elsewhere are dropped.
pub fn delete_stage(map: &JourneyMap, at: usize) -> Option<Edit> {
    delete_stage_with(map, at, &Scan)
}

/// [`delete_stage`], finding the links and notes through `links`.
pub fn delete_stage_with(map: &JourneyMap, at: usize, links: &dyn Links) -> Option<Edit> {
    let stage = map.stages.get(at)?;
    let gone: Vec<&FrictionId> = stage.frictions.iter().map(|f| &f.id).collect();
    let mut edits = unlink_frictions(map, &gone, Some(at), links);
    let notes = links.notes_in(map, at);
    edits.extend(notes.into_iter().rev().map(|n| Edit::RemoveNote { at: n }));
    if map.shadow.plan.iter().any(|entry| entry.stage == stage.id) {
        let mut plan = map.shadow.plan.clone();
        plan.retain(|entry| entry.stage != stage.id);
        edits.push(Edit::SetPlan(plan));
    }
    edits.push(Edit::RemoveStage { at });
    Some(Edit::Batch(edits))
}

/// Deleting one item of a list lane; for a friction point, links to it are dropped.
pub fn delete_item(map: &JourneyMap, stage: usize, lane: ListLane, at: usize) -> Option<Edit> {
    delete_item_with(map, stage, lane, at, &Scan)
}

/// [`delete_item`], finding the links through `links`.
pub fn delete_item_with(
    map: &JourneyMap,
    stage: usize,
    lane: ListLane,
    at: usize,
    links: &dyn Links,
) -> Option<Edit> {
    let target = map.stages.get(stage)?;
    let remove = Edit::RemoveItem { stage, lane, at };
    match lane {
        ListLane::Friction => {
            let friction = target.frictions.get(at)?;
            let mut edits = unlink_frictions(map, &[&friction.id], None, links);
            edits.push(remove);
            Some(Edit::Batch(edits))
        }
        ListLane::Touchpoints => (at < target.touchpoints.len()).then_some(remove),
        ListLane::Opportunity => (at < target.opportunities.len()).then_some(remove),
    }
}

/// Turns shadow note `at` into a friction point at the end of its stage's friction list
/// (text and channel carried over, severity major) and links the note to it; the note's
/// evidence stays on the note and reaches the point through the link, now and whenever
/// it changes. `None` when the note is missing, already linked to a friction point of
/// the map, or names no stage.
pub fn note_to_friction(map: &JourneyMap, at: usize, id: FrictionId) -> Option<Edit> {
    note_to_friction_of(map, at, id, Severity::default())
}

/// [`note_to_friction`] with the new point's severity.
pub fn note_to_friction_of(map: &JourneyMap, at: usize, id: FrictionId, severity: Severity) -> Option<Edit> {
    let note = map.shadow.notes.get(at)?;
    if note
        .friction
        .as_ref()
        .is_some_and(|linked| map.friction_position(linked).is_some())
    {
        return None;
    }
    let stage = map.stage_position(&note.stage)?;
    let mut friction = Friction::new(id.clone(), note.text.clone());
    friction.channel = note.channel.clone();
    friction.severity = severity;
    let mut linked = ShadowNote::clone(note);
    linked.friction = Some(id);
    Some(Edit::Batch(vec![
        Edit::InsertItem {
            stage,
            at: map.stages[stage].frictions.len(),
            item: Item::Friction(friction),
        },
        Edit::ReplaceNote {
            at,
            note: Box::new(linked),
        },
    ]))
}

/// Links shadow note `at` to the existing friction point `id` (replacing any link it
/// had). `None` when either is missing or the note is already linked there.
pub fn link_note(map: &JourneyMap, at: usize, id: &FrictionId) -> Option<Edit> {
    let note = map.shadow.notes.get(at)?;
    map.friction_position(id)?;
    if note.friction.as_ref() == Some(id) {
        return None;
    }
    let mut linked = ShadowNote::clone(note);
    linked.friction = Some(id.clone());
    Some(Edit::ReplaceNote {
        at,
        note: Box::new(linked),
    })
}

/// Takes shadow note `at` off the friction point it is linked to; `None` when it has no link.
pub fn unlink_note(map: &JourneyMap, at: usize) -> Option<Edit> {
    let note = map.shadow.notes.get(at)?;
    note.friction.as_ref()?;
    let mut free = ShadowNote::clone(note);
    free.friction = None;
    Some(Edit::ReplaceNote {
        at,
        note: Box::new(free),
    })
}

/// Every friction point and note naming an evidence entry of `renames` names its new
/// path instead (a file copied beside the map), as one edit; `None` when none does.
pub fn rename_evidence(map: &JourneyMap, renames: &[(String, String)]) -> Option<Edit> {
    let renamed = |evidence: &[String]| -> Option<Vec<String>> {
        let mut changed = false;
        let new = evidence
            .iter()
            .map(
                |entry| match renames.iter().find(|(old, _)| old == entry.trim()) {
                    Some((_, new)) => {
                        changed = true;
                        new.clone()
                    }
                    None => entry.clone(),
                },
            )
            .collect();
        changed.then_some(new)
    };
    let mut edits = Vec::new();
    for (s, stage) in map.stages.iter().enumerate() {
        for (at, friction) in stage.frictions.iter().enumerate() {
            if let Some(evidence) = renamed(&friction.evidence) {
                let item = Item::Friction(Friction {
                    evidence,
                    ..friction.clone()
                });
                edits.push(Edit::ReplaceItem { stage: s, at, item });
            }
        }
    }
    for (at, note) in map.shadow.notes.iter().enumerate() {
        if let Some(evidence) = renamed(&note.evidence) {
            let note = Box::new(crate::model::ShadowNote {
                evidence,
                ..crate::model::ShadowNote::clone(note)
            });
            edits.push(Edit::ReplaceNote { at, note });
        }
    }
    (!edits.is_empty()).then_some(Edit::Batch(edits))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{IdGen, NoteId, ShadowNote};

    #[test]
    fn a_note_becomes_a_linked_friction_point_and_undo_takes_both_back() {
        let mut map = JourneyMap::with_stages("t", &["A", "B"], &mut IdGen::seeded(2));
        map.shadow.notes.push(
            ShadowNote {
                id: NoteId("sh-1".into()),
                stage: map.stages[1].id.clone(),
                channel: "Store".into(),
                text: "Queue past the door".into(),
                evidence: vec!["queue.jpg".into()],
                ..ShadowNote::default()
            }
            .into(),
        );
        let original = map.clone();
        let edit = note_to_friction(&map, 0, FrictionId("fr-9".into())).unwrap();
        let inverse = edit.apply(&mut map).unwrap();
        let friction = &map.stages[1].frictions[0];
        assert_eq!(friction.text, "Queue past the door");
        assert_eq!(friction.channel, "Store");
        assert!(
            friction.evidence.is_empty(),
            "the photo stays on the note, reached by the link"
        );
        assert_eq!(map.shadow.notes[0].friction, Some(FrictionId("fr-9".into())));
        assert_eq!(
            note_to_friction(&map, 0, FrictionId("fr-8".into())),
            None,
            "linked once"
        );
        inverse.apply(&mut map).unwrap();
        assert_eq!(map, original);
    }

    #[test]
    fn notes_link_to_an_existing_point_and_unlink_again() {
        let mut map = JourneyMap::with_stages("t", &["A"], &mut IdGen::seeded(2));
        let id = FrictionId("fr-1".into());
        map.stages[0]
            .frictions
            .push(Friction::new(id.clone(), "Queue".into()));
        for n in ["sh-1", "sh-2"] {
            map.shadow.notes.push(
                ShadowNote {
                    id: NoteId(n.into()),
                    stage: map.stages[0].id.clone(),
                    ..ShadowNote::default()
                }
                .into(),
            );
        }
        for at in 0..2 {
            link_note(&map, at, &id).unwrap().apply(&mut map).unwrap();
        }
        assert!(
            map.shadow.notes.iter().all(|n| n.friction.as_ref() == Some(&id)),
            "two notes, one point"
        );
        assert_eq!(link_note(&map, 0, &id), None, "already linked");
        assert_eq!(link_note(&map, 0, &FrictionId("fr-none".into())), None);
        unlink_note(&map, 1).unwrap().apply(&mut map).unwrap();
        assert_eq!(map.shadow.notes[1].friction, None);
        assert_eq!(unlink_note(&map, 1), None, "nothing to unlink");
    }
}
