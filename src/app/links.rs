//! The link picker: which friction points an opportunity addresses, the nearest stages
//! first (its own, then one away, two away…), filtered as the facilitator types.

use std::collections::BTreeSet;

use super::typed_filter::TypedFilter;
use crate::model::{FrictionId, JourneyMap, Opportunity};

/// One friction point the picker offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkRow {
    pub stage: usize,
    pub friction: FrictionId,
}

/// An open picker for the opportunity at `at` in stage `stage`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkPicker {
    pub stage: usize,
    pub at: usize,
    /// Every friction point: the opportunity's own stage's, then the nearest stages'
    /// (the earlier one first at each distance).
    pub rows: Vec<LinkRow>,
    /// What typing matches for each row: the stage's number and name, the text, the
    /// channel.
    pub filter: TypedFilter,
    /// The friction points ticked so far.
    pub chosen: BTreeSet<FrictionId>,
}

/// Stage positions from `stage` outwards: itself, then one before and one after, and so on.
fn nearest_first(stage: usize, count: usize) -> impl Iterator<Item = usize> {
    (0..count).flat_map(move |distance| {
        let before = stage.checked_sub(distance);
        let after = Some(stage + distance).filter(|s| distance > 0 && *s < count);
        before.into_iter().chain(after)
    })
}

impl LinkPicker {
    /// A picker for the opportunity at (`stage`, `at`), ticked as it addresses now; `None`
    /// when there is no such opportunity.
    pub fn open(map: &JourneyMap, stage: usize, at: usize) -> Option<Self> {
        let opportunity = map.stages.get(stage)?.opportunities.get(at)?;
        let (rows, haystacks): (Vec<LinkRow>, Vec<String>) = nearest_first(stage, map.stages.len())
            .flat_map(|s| {
                let name = &map.stages[s].name;
                map.stages[s].frictions.iter().map(move |f| {
                    let row = LinkRow {
                        stage: s,
                        friction: f.id.clone(),
                    };
                    (row, format!("{} {name} {} {}", s + 1, f.text, f.channel))
                })
            })
            .unzip();
        Some(Self {
            stage,
            at,
            rows,
            filter: TypedFilter::new(haystacks),
            chosen: opportunity.addresses.iter().cloned().collect(),
        })
    }

    /// The selected row, if any row matches.
    pub fn selected_row(&self) -> Option<&LinkRow> {
        self.filter.selected_row().and_then(|i| self.rows.get(i))
    }

    /// Whether the ticks differ from what the opportunity addresses in `map`.
    pub fn changes(&self, map: &JourneyMap) -> bool {
        self.change(map).is_some()
    }

    /// How many links the ticks add and take away, when they change anything.
    pub fn change(&self, map: &JourneyMap) -> Option<(usize, usize)> {
        let opportunity = map.stages.get(self.stage)?.opportunities.get(self.at)?;
        let now = self.applied_to(opportunity).addresses;
        let more = now
            .iter()
            .filter(|id| !opportunity.addresses.contains(id))
            .count();
        let fewer = opportunity
            .addresses
            .iter()
            .filter(|id| !now.contains(id))
            .count();
        (more + fewer > 0).then_some((more, fewer))
    }

    /// Ticks or unticks the selected row.
    pub fn toggle(&mut self) {
        let Some(id) = self.selected_row().map(|row| row.friction.clone()) else {
            return;
        };
        if !self.chosen.remove(&id) {
            self.chosen.insert(id);
        }
    }

    /// The opportunity with its links as ticked: links it had keep their order (ids the
    /// map does not know are kept for `cxmap check` to report), new ones follow in the
    /// picker's order.
    pub fn applied_to(&self, opportunity: &Opportunity) -> Opportunity {
        let offered: BTreeSet<&FrictionId> = self.rows.iter().map(|r| &r.friction).collect();
        let mut addresses: Vec<FrictionId> = opportunity
            .addresses
            .iter()
            .filter(|id| self.chosen.contains(*id) || !offered.contains(id))
            .cloned()
            .collect();
        for row in &self.rows {
            if self.chosen.contains(&row.friction) && !addresses.contains(&row.friction) {
                addresses.push(row.friction.clone());
            }
        }
        Opportunity {
            addresses,
            ..opportunity.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assets::EXAMPLES;

    #[test]
    fn stages_come_nearest_first() {
        let order: Vec<usize> = nearest_first(2, 6).collect();
        assert_eq!(order, [2, 1, 3, 0, 4, 5]);
        assert_eq!(nearest_first(0, 3).collect::<Vec<_>>(), [0, 1, 2]);
        assert_eq!(nearest_first(2, 3).collect::<Vec<_>>(), [2, 1, 0]);
    }

    #[test]
    fn typing_filters_by_text_stage_or_channel_and_ticks_the_match() {
        let map = EXAMPLES[1].map().unwrap();
        let mut picker = LinkPicker::open(&map, 0, 0).unwrap();
        for c in "delivery FEE".chars() {
            picker.filter.type_char(c);
        }
        let texts: Vec<&str> = picker
            .filter
            .shown
            .iter()
            .map(|&i| {
                let row = &picker.rows[i];
                let (s, f) = map.friction_position(&row.friction).unwrap();
                map.stages[s].frictions[f].text.as_str()
            })
            .collect();
        assert_eq!(
            texts,
            ["The delivery fee appears only on step 3 of checkout, after the full address has been typed"]
        );
        picker.toggle();
        assert!(
            picker
                .chosen
                .contains(&picker.rows[picker.filter.shown[0]].friction)
        );
        for _ in 0.."delivery FEE".len() {
            picker.filter.erase();
        }
        picker.filter.type_char('6');
        assert!(
            picker.filter.shown.iter().all(|&i| picker.rows[i].stage == 5),
            "a stage's number"
        );
        picker.filter.type_char('x');
        assert!(picker.filter.shown.is_empty() && picker.selected_row().is_none());
        picker.toggle();
    }

    #[test]
    fn offers_the_own_stage_first_and_keeps_unknown_links() {
        let mut map = EXAMPLES[1].map().unwrap();
        let (stage, at) = (2, 0);
        map.stages[stage].opportunities[at].addresses = vec![FrictionId("fr-gone".to_owned())];
        let mut picker = LinkPicker::open(&map, stage, at).unwrap();
        let own = map.stages[stage].frictions.len();
        assert!(picker.rows[..own].iter().all(|r| r.stage == stage));
        assert_eq!(
            picker.rows.len(),
            map.stages.iter().map(|s| s.frictions.len()).sum::<usize>()
        );
        picker.filter.selected = own;
        picker.toggle();
        assert_eq!(picker.rows[own].stage, stage - 1, "the stage before comes next");
        let linked = picker.applied_to(&map.stages[stage].opportunities[at]);
        assert_eq!(
            linked.addresses,
            [
                FrictionId("fr-gone".to_owned()),
                picker.rows[own].friction.clone()
            ]
        );
        picker.toggle();
        let unlinked = picker.applied_to(&map.stages[stage].opportunities[at]);
        assert_eq!(unlinked.addresses, [FrictionId("fr-gone".to_owned())]);
    }
}
