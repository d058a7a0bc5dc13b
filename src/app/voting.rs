//! A dot-voting round, as a workshop does it on paper: each person has a few votes, the
//! room casts them one key at a time, and the result is the items ranked by votes gained.
//! The tally is derived from the map (votes now minus votes at the start), so undoing a
//! vote gives it back to the pool.

use std::collections::HashMap;

use crate::model::JourneyMap;

/// A round in progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VotingRound {
    pub per_person: u32,
    pub people: u32,
    /// Votes of every friction point and opportunity when the round started, by id.
    start: HashMap<String, u32>,
    /// Votes cast so far (kept up to date after every change).
    pub cast: u32,
}

/// What one item gained in a round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gain {
    pub votes: u32,
    pub text: String,
    pub stage: String,
}

fn votes_by_id(map: &JourneyMap) -> impl Iterator<Item = (&str, u32, &str, &str)> {
    map.stages.iter().flat_map(|stage| {
        let frictions = stage
            .frictions
            .iter()
            .map(move |f| (f.id.as_str(), f.votes, f.text.as_str(), stage.name.as_str()));
        let opportunities = stage
            .opportunities
            .iter()
            .map(move |o| (o.id.as_str(), o.votes, o.text.as_str(), stage.name.as_str()));
        frictions.chain(opportunities)
    })
}

impl VotingRound {
    /// A round for `people` with `per_person` votes each, starting from `map`'s votes.
    pub fn start(map: &JourneyMap, per_person: u32, people: u32) -> Self {
        Self {
            per_person,
            people,
            start: votes_by_id(map)
                .map(|(id, votes, _, _)| (id.to_owned(), votes))
                .collect(),
            cast: 0,
        }
    }

    /// Every vote the room has.
    pub fn pool(&self) -> u32 {
        self.per_person * self.people
    }

    /// Votes not cast yet.
    pub fn left(&self) -> u32 {
        self.pool().saturating_sub(self.cast)
    }

    fn gained(&self, id: &str, votes: u32) -> u32 {
        votes.saturating_sub(self.start.get(id).copied().unwrap_or(0))
    }

    /// Votes `id` gained in this round, given its votes now.
    pub fn gained_by(&self, id: &str, votes: u32) -> u32 {
        self.gained(id, votes)
    }

    /// Recounts the votes cast from the map as it is now.
    pub fn recount(&mut self, map: &JourneyMap) {
        self.cast = votes_by_id(map)
            .map(|(id, votes, _, _)| self.gained(id, votes))
            .sum();
    }

    /// The items that gained votes, most first (ties in journey order).
    pub fn result(&self, map: &JourneyMap) -> Vec<Gain> {
        let mut gains: Vec<Gain> = votes_by_id(map)
            .filter_map(|(id, votes, text, stage)| {
                let gained = self.gained(id, votes);
                (gained > 0).then(|| Gain {
                    votes: gained,
                    text: text.to_owned(),
                    stage: stage.to_owned(),
                })
            })
            .collect();
        gains.sort_by_key(|gain| std::cmp::Reverse(gain.votes));
        gains
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assets::EXAMPLES;

    #[test]
    fn the_tally_follows_the_map() {
        let mut map = EXAMPLES[0].map().unwrap();
        let mut round = VotingRound::start(&map, 3, 2);
        assert_eq!((round.pool(), round.left()), (6, 6));
        map.stages[1].frictions[0].votes += 2;
        map.stages[0].opportunities[0].votes += 1;
        round.recount(&map);
        assert_eq!((round.cast, round.left()), (3, 3));
        let result = round.result(&map);
        assert_eq!(result[0].votes, 2);
        assert_eq!(result[0].text, map.stages[1].frictions[0].text);
        assert_eq!(result.len(), 2);
        map.stages[1].frictions[0].votes -= 2;
        round.recount(&map);
        assert_eq!(round.left(), 5, "an undone vote goes back to the pool");
    }
}
