//! The CX council's order: the open friction points (not fixed, not won't-fix), most
//! votes first, then the most severe, then in journey order. The council view, the
//! board's vote order and `cxmap council` all rank by it. And the owners the map names,
//! for completing an owner.

use std::cmp::Ordering;
use std::collections::HashSet;

use super::friction::Friction;
use super::ids::IdHashing;
use super::map::JourneyMap;

/// The council's order between two friction points: most votes, then most severe.
/// Equal ones keep their journey order when sorted stably.
pub fn by_priority(a: &Friction, b: &Friction) -> Ordering {
    b.votes.cmp(&a.votes).then(b.severity.cmp(&a.severity))
}

/// (stage, position) of every open friction point, in the council's order.
pub fn open_by_priority(map: &JourneyMap) -> Vec<(usize, usize)> {
    let mut open: Vec<(usize, usize, &Friction)> = map
        .stages
        .iter()
        .enumerate()
        .flat_map(|(s, stage)| {
            stage
                .frictions
                .iter()
                .enumerate()
                .map(move |(f, friction)| (s, f, friction))
        })
        .filter(|(_, _, friction)| !friction.status.is_closed())
        .collect();
    open.sort_by(|a, b| by_priority(a.2, b.2));
    open.into_iter().map(|(s, f, _)| (s, f)).collect()
}

/// Every owner a friction point names, each once (ignoring case, spaces and hyphens),
/// in journey order.
pub fn owners(map: &JourneyMap) -> Vec<String> {
    owners_of(
        map.stages
            .iter()
            .flat_map(|s| &s.frictions)
            .map(|f| f.owner.as_str()),
    )
}

/// [`owners`] from the friction points' owner fields, in journey order.
pub fn owners_of<'a>(names: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut owners: Vec<String> = Vec::new();
    // Most points repeat a name exactly: only a spelling not seen yet is compared.
    let mut seen: HashSet<&str, IdHashing> = HashSet::default();
    for name in names {
        let owner = name.trim();
        if !owner.is_empty() && seen.insert(owner) && !owners.iter().any(|o| super::channels::same(o, owner))
        {
            owners.push(owner.to_owned());
        }
    }
    owners
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{IdGen, Severity, Status};

    #[test]
    fn open_points_rank_by_votes_then_severity_then_journey_order() {
        let mut map = JourneyMap::with_stages("t", &["A", "B"], &mut IdGen::seeded(1));
        let point = |text: &str, votes, severity, status| Friction {
            text: text.into(),
            votes,
            severity,
            status,
            ..Friction::default()
        };
        map.stages[0].frictions = vec![
            point("a1", 2, Severity::Minor, Status::Open),
            point("a2", 5, Severity::Minor, Status::Fixed),
            point("a3", 2, Severity::Severe, Status::InProgress),
        ];
        map.stages[1].frictions = vec![
            point("b1", 2, Severity::Minor, Status::Open),
            point("b2", 4, Severity::Minor, Status::WontFix),
            point("b3", 3, Severity::Minor, Status::Open),
        ];
        let texts: Vec<&str> = open_by_priority(&map)
            .into_iter()
            .map(|(s, f)| map.stages[s].frictions[f].text.as_str())
            .collect();
        assert_eq!(texts, ["b3", "a3", "a1", "b1"]);
    }

    #[test]
    fn owners_are_named_once_in_journey_order() {
        let mut map = JourneyMap::with_stages("t", &["A"], &mut IdGen::seeded(1));
        for owner in ["Ana Silva", "", "Support team", "ana-silva", " Ben "] {
            map.stages[0].frictions.push(Friction {
                owner: owner.into(),
                ..Friction::default()
            });
        }
        assert_eq!(owners(&map), ["Ana Silva", "Support team", "Ben"]);
    }
}
