//! The link picker: which friction points an opportunity addresses, chosen from its own
//! stage first and then from every other stage.

use std::collections::BTreeSet;

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
    /// The opportunity's own stage's friction points, then the other stages' in order.
    pub rows: Vec<LinkRow>,
    pub selected: usize,
    /// The friction points ticked so far.
    pub chosen: BTreeSet<FrictionId>,
}

impl LinkPicker {
    /// A picker for the opportunity at (`stage`, `at`), ticked as it addresses now; `None`
    /// when there is no such opportunity.
    pub fn open(map: &JourneyMap, stage: usize, at: usize) -> Option<Self> {
        let opportunity = map.stages.get(stage)?.opportunities.get(at)?;
        let order = std::iter::once(stage).chain((0..map.stages.len()).filter(|&s| s != stage));
        let rows = order
            .flat_map(|s| {
                map.stages[s].frictions.iter().map(move |f| LinkRow {
                    stage: s,
                    friction: f.id.clone(),
                })
            })
            .collect();
        Some(Self {
            stage,
            at,
            rows,
            selected: 0,
            chosen: opportunity.addresses.iter().cloned().collect(),
        })
    }

    /// Whether the ticks differ from what the opportunity addresses in `map`.
    pub fn changes(&self, map: &JourneyMap) -> bool {
        map.stages
            .get(self.stage)
            .and_then(|s| s.opportunities.get(self.at))
            .is_some_and(|o| self.applied_to(o).addresses != o.addresses)
    }

    /// Ticks or unticks the selected row.
    pub fn toggle(&mut self) {
        if let Some(row) = self.rows.get(self.selected)
            && !self.chosen.remove(&row.friction)
        {
            self.chosen.insert(row.friction.clone());
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
        picker.selected = own;
        picker.toggle();
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
