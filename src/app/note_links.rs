//! Linking shadow notes and friction points, which makes a note's evidence part of the
//! point's: from a note, the one friction point it backs; from a friction point, the
//! notes behind it. Either way the own stage's come first, then every other stage's,
//! filtered as the user types (like the opportunities' link picker).

use std::collections::BTreeSet;

use super::typed_filter::TypedFilter;
use crate::model::{Edit, FrictionId, JourneyMap, ShadowNote};

/// What the picker links.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Linking {
    /// The note at this position, to one friction point (or none).
    Note { at: usize },
    /// The friction point with this id, to any number of notes.
    Point { id: FrictionId },
}

/// One row the picker offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Offer {
    /// A friction point: its stage and position.
    Point { stage: usize, at: usize },
    /// A shadow note: its position.
    Note { at: usize },
}

/// An open picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteLinkPicker {
    pub linking: Linking,
    pub rows: Vec<Offer>,
    /// What typing matches for each row: stage number and name, text, channel, observer.
    pub filter: TypedFilter,
    /// The rows ticked (positions in `rows`).
    pub chosen: BTreeSet<usize>,
    initial: BTreeSet<usize>,
}

/// What typing matches for `offer`.
fn haystack(map: &JourneyMap, offer: &Offer) -> String {
    let (stage, text, extra) = match offer {
        Offer::Point { stage, at } => {
            let f = &map.stages[*stage].frictions[*at];
            (Some(*stage), f.text.as_str(), f.channel.clone())
        }
        Offer::Note { at } => {
            let n = &map.shadow.notes[*at];
            let stage = map.stage_position(&n.stage);
            (stage, n.text.as_str(), format!("{} {}", n.channel, n.observer))
        }
    };
    let place = stage.map_or_else(String::new, |s| format!("{} {}", s + 1, map.stages[s].name));
    format!("{place} {text} {extra}")
}

/// `own` first, then every other stage in journey order.
fn stage_order(map: &JourneyMap, own: Option<usize>) -> impl Iterator<Item = usize> {
    own.into_iter()
        .chain((0..map.stages.len()).filter(move |&s| Some(s) != own))
}

impl NoteLinkPicker {
    /// The picker for note `at`: every friction point, its own stage's first, the one it
    /// backs ticked. `None` when there is no such note or no friction point at all.
    pub fn for_note(map: &JourneyMap, at: usize) -> Option<Self> {
        let note = map.shadow.notes.get(at)?;
        let own = map.stage_position(&note.stage);
        let rows: Vec<Offer> = stage_order(map, own)
            .flat_map(|s| (0..map.stages[s].frictions.len()).map(move |f| Offer::Point { stage: s, at: f }))
            .collect();
        if rows.is_empty() {
            return None;
        }
        let chosen: BTreeSet<usize> = rows
            .iter()
            .position(|row| match row {
                Offer::Point { stage, at } => {
                    note.friction.as_ref() == Some(&map.stages[*stage].frictions[*at].id)
                }
                Offer::Note { .. } => false,
            })
            .into_iter()
            .collect();
        let mut filter = TypedFilter::new(rows.iter().map(|r| haystack(map, r)).collect());
        filter.selected = chosen.first().copied().unwrap_or(0);
        Some(Self {
            linking: Linking::Note { at },
            filter,
            rows,
            initial: chosen.clone(),
            chosen,
        })
    }

    /// The picker for friction point `at` of stage `stage`: every shadow note, its own
    /// stage's first, those linked to it ticked. `None` when there is no such point or no
    /// note at all.
    pub fn for_point(map: &JourneyMap, stage: usize, at: usize) -> Option<Self> {
        let id = map.stages.get(stage)?.frictions.get(at)?.id.clone();
        let own_stage = &map.stages[stage].id;
        let notes = &map.shadow.notes;
        let own = (0..notes.len()).filter(|&n| &notes[n].stage == own_stage);
        let others = (0..notes.len()).filter(|&n| &notes[n].stage != own_stage);
        let rows: Vec<Offer> = own.chain(others).map(|at| Offer::Note { at }).collect();
        if rows.is_empty() {
            return None;
        }
        let chosen: BTreeSet<usize> = rows
            .iter()
            .enumerate()
            .filter(|(_, row)| matches!(row, Offer::Note { at } if notes[*at].friction.as_ref() == Some(&id)))
            .map(|(i, _)| i)
            .collect();
        Some(Self {
            linking: Linking::Point { id },
            filter: TypedFilter::new(rows.iter().map(|r| haystack(map, r)).collect()),
            rows,
            initial: chosen.clone(),
            chosen,
        })
    }

    /// The selected row (a position in `rows`), if any row matches.
    pub fn selected_row(&self) -> Option<usize> {
        self.filter.selected_row()
    }

    /// Ticks or unticks the selected row; a note backs one friction point, so ticking
    /// one for a note unticks the other.
    pub fn toggle(&mut self) {
        let Some(row) = self.selected_row() else {
            return;
        };
        if !self.chosen.remove(&row) {
            if matches!(self.linking, Linking::Note { .. }) {
                self.chosen.clear();
            }
            self.chosen.insert(row);
        }
    }

    /// Whether the ticks differ from the links the map has.
    pub fn changes(&self) -> bool {
        self.chosen != self.initial
    }

    /// The change the ticks make, as one edit (`None` when they change nothing).
    pub fn edit(&self, map: &JourneyMap) -> Option<Edit> {
        let relink = |at: usize, friction: Option<FrictionId>| -> Option<Edit> {
            let note = map.shadow.notes.get(at)?;
            (note.friction != friction).then(|| Edit::ReplaceNote {
                at,
                note: Box::new(ShadowNote {
                    friction,
                    ..ShadowNote::clone(note)
                }),
            })
        };
        let edits: Vec<Edit> = match &self.linking {
            Linking::Note { at } => {
                let point = self.chosen.first().and_then(|&row| match self.rows.get(row)? {
                    Offer::Point { stage, at } => {
                        Some(map.stages.get(*stage)?.frictions.get(*at)?.id.clone())
                    }
                    Offer::Note { .. } => None,
                });
                relink(*at, point).into_iter().collect()
            }
            Linking::Point { id } => self
                .rows
                .iter()
                .enumerate()
                .filter(|(row, _)| self.chosen.contains(row) != self.initial.contains(row))
                .filter_map(|(row, offer)| match offer {
                    Offer::Note { at } => relink(*at, self.chosen.contains(&row).then(|| id.clone())),
                    Offer::Point { .. } => None,
                })
                .collect(),
        };
        match edits.len() {
            0 => None,
            1 => edits.into_iter().next(),
            _ => Some(Edit::Batch(edits)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assets::EXAMPLES;

    #[test]
    fn a_note_backs_one_point_its_own_stage_first() {
        let map = EXAMPLES[1].map().unwrap();
        let at = map
            .shadow
            .notes
            .iter()
            .position(|n| n.friction.is_some())
            .unwrap();
        let mut picker = NoteLinkPicker::for_note(&map, at).unwrap();
        let own = map.stage_position(&map.shadow.notes[at].stage).unwrap();
        assert!(matches!(picker.rows[0], Offer::Point { stage, .. } if stage == own));
        assert_eq!(picker.chosen.len(), 1, "its link is ticked");
        assert!(!picker.changes());
        picker.filter.selected = picker.rows.len() - 1;
        picker.toggle();
        assert_eq!(picker.chosen.len(), 1, "one point at a time");
        let mut changed = map.clone();
        picker.edit(&map).unwrap().apply(&mut changed).unwrap();
        let Offer::Point { stage, at: f } = picker.rows[picker.rows.len() - 1] else {
            panic!("a point")
        };
        assert_eq!(
            changed.shadow.notes[at].friction.as_ref(),
            Some(&map.stages[stage].frictions[f].id)
        );
        picker.toggle();
        let mut unlinked = map.clone();
        picker.edit(&map).unwrap().apply(&mut unlinked).unwrap();
        assert_eq!(unlinked.shadow.notes[at].friction, None, "untick: no link");
    }

    #[test]
    fn typing_filters_the_rows_and_ticks_what_matches() {
        let map = EXAMPLES[1].map().unwrap();
        let at = map
            .shadow
            .notes
            .iter()
            .position(|n| n.friction.is_none())
            .unwrap();
        let mut picker = NoteLinkPicker::for_note(&map, at).unwrap();
        let target = &map.stages[5].frictions[0];
        for c in target
            .text
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
        {
            picker.filter.type_char(c);
        }
        assert!(picker.filter.shown.len() < picker.rows.len());
        picker.toggle();
        let mut changed = map.clone();
        picker.edit(&map).unwrap().apply(&mut changed).unwrap();
        assert_eq!(changed.shadow.notes[at].friction.as_ref(), Some(&target.id));
        for _ in 0..200 {
            picker.filter.erase();
        }
        assert_eq!(picker.filter.shown.len(), picker.rows.len());
    }

    #[test]
    fn a_point_gathers_several_notes_in_one_change() {
        let map = EXAMPLES[1].map().unwrap();
        let mut picker = NoteLinkPicker::for_point(&map, 0, 0).unwrap();
        let ticked = picker.chosen.len();
        for row in 0..2 {
            picker.filter.selected = row;
            if !picker.chosen.contains(&row) {
                picker.toggle();
            }
        }
        let mut changed = map.clone();
        if let Some(edit) = picker.edit(&map) {
            edit.apply(&mut changed).unwrap();
        }
        let id = &map.stages[0].frictions[0].id;
        let linked = changed
            .shadow
            .notes
            .iter()
            .filter(|n| n.friction.as_ref() == Some(id))
            .count();
        assert_eq!(linked, ticked.max(2).max(picker.chosen.len()));
        assert!(picker.chosen.len() >= 2);
    }
}
