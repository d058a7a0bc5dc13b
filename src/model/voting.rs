//! A dot-voting round as a room runs it: each participant has so many votes, the
//! facilitator casts them for the person shown, and a blind round shows no counts until
//! it ends. The map's votes change only when the round ends, as one undoable edit, so
//! nothing re-sorts under the cursor while the room votes.

mod setup;

use std::collections::HashMap;
use std::time::Instant;

pub use setup::{MOST_PARTICIPANTS, RoundSetup, Timer, participants_from};

use super::edit::{Edit, Item};
use super::map::JourneyMap;

/// The map field that keeps who voted what, when the facilitator asks for it.
pub const ROUNDS: &str = "rounds";

/// The votes to show for an item with `votes` of its own: with a round's votes so far
/// added, or `None` while a blind round hides every count.
pub fn shown_votes(round: Option<&Round>, id: &str, votes: u32) -> Option<u32> {
    match round {
        Some(round) if round.blind => None,
        Some(round) => Some(votes.saturating_add(round.votes_for(id))),
        None => Some(votes),
    }
}

/// One vote: who cast it, on which friction point or opportunity (by id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ballot {
    pub voter: usize,
    pub item: String,
}

/// Why a vote was not cast.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The participant shown has cast all their votes.
    NoVotesLeft { voter: String, votes_each: u32 },
}

/// A vote cast: who, how many they have left, and who is shown next when they have
/// none left (the next participant who still has votes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cast {
    pub voter: usize,
    pub left: u32,
    pub next: Option<usize>,
}

/// What undo took back during a round: the last thing done, a vote cast or a vote taken
/// back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Undone {
    /// A vote that had been cast, now taken back.
    Cast(Ballot),
    /// A vote that had been taken back, now cast again.
    TakeBack(Ballot),
}

/// A change to a round's ballots, kept so undo takes back exactly the last one.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Cast,
    TookBack { at: usize, ballot: Ballot },
}

/// A round in progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Round {
    participants: Vec<String>,
    votes_each: u32,
    pub blind: bool,
    pub keep_ballots: bool,
    pub timer: Option<Timer>,
    shown: usize,
    ballots: Vec<Ballot>,
    /// Each change to the ballots, with the map's undo state it was made on.
    steps: Vec<(Step, u64)>,
    /// The map's undo state now, and when the round started, as the app last said.
    map_state: u64,
    started_on: Option<u64>,
}

/// One line of a round's result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranked {
    /// 1 for the most votes; items with as many votes share the rank.
    pub rank: usize,
    pub tied: bool,
    pub votes: u32,
    pub id: String,
    pub text: String,
    pub stage: usize,
    pub stage_name: String,
}

/// What a round gave: the ranking, and the votes cast on items deleted meanwhile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundResult {
    pub ranked: Vec<Ranked>,
    pub lost: u32,
}

impl Round {
    /// A round as set up, starting at `now` (for its timer), the first participant shown.
    pub fn start(setup: RoundSetup, now: Instant) -> Round {
        Round {
            participants: setup.participants,
            votes_each: setup.votes_each,
            blind: setup.blind,
            keep_ballots: setup.keep_ballots,
            timer: setup.timer.map(|length| Timer { length, started: now }),
            shown: 0,
            ballots: Vec::new(),
            steps: Vec::new(),
            map_state: 0,
            started_on: None,
        }
    }

    /// Tells the round which undo state the map is in (see `History::state`), before a
    /// vote is cast or taken back; the first call marks where the round started.
    pub fn on_map_state(&mut self, state: u64) {
        self.map_state = state;
        self.started_on.get_or_insert(state);
    }

    /// The map's undo state the round's last step was taken on (or the round started
    /// on): while the map is in it, undo belongs to the round; after an edit made since,
    /// undo takes that edit back first.
    pub fn stands_on(&self) -> u64 {
        self.steps
            .last()
            .map_or(self.started_on.unwrap_or(self.map_state), |&(_, state)| state)
    }

    pub fn participants(&self) -> &[String] {
        &self.participants
    }

    pub fn votes_each(&self) -> u32 {
        self.votes_each
    }

    /// Every ballot, in the order cast.
    pub fn ballots(&self) -> &[Ballot] {
        &self.ballots
    }

    /// The participant the facilitator casts for.
    pub fn shown(&self) -> usize {
        self.shown
    }

    /// The shown participant's name.
    pub fn shown_name(&self) -> &str {
        self.participants.get(self.shown).map_or("", String::as_str)
    }

    /// Shows participant `voter` (ignored when there is no such participant).
    pub fn show(&mut self, voter: usize) {
        if voter < self.participants.len() {
            self.shown = voter;
        }
    }

    /// Shows the next participant (`forward`) or the previous one, round the list.
    pub fn step(&mut self, forward: bool) {
        let count = self.participants.len().max(1);
        self.shown = if forward {
            (self.shown + 1) % count
        } else {
            (self.shown + count - 1) % count
        };
    }

    /// Votes `voter` has cast.
    pub fn cast_by(&self, voter: usize) -> u32 {
        self.ballots.iter().filter(|b| b.voter == voter).count() as u32
    }

    /// Votes `voter` has left.
    pub fn left(&self, voter: usize) -> u32 {
        self.votes_each.saturating_sub(self.cast_by(voter))
    }

    /// Every vote the room has.
    pub fn pool(&self) -> u32 {
        self.votes_each.saturating_mul(self.participants.len() as u32)
    }

    /// Votes cast so far.
    pub fn cast_count(&self) -> u32 {
        self.ballots.len() as u32
    }

    /// Whether every vote is cast.
    pub fn is_complete(&self) -> bool {
        self.cast_count() >= self.pool()
    }

    /// Votes this round has cast on `item`.
    pub fn votes_for(&self, item: &str) -> u32 {
        self.ballots.iter().filter(|b| b.item == item).count() as u32
    }

    /// Casts a vote on `item` for the participant shown; when that was their last, the
    /// next participant with votes left is shown.
    pub fn cast(&mut self, item: &str) -> Result<Cast, Refusal> {
        let voter = self.shown;
        if self.left(voter) == 0 {
            return Err(Refusal::NoVotesLeft {
                voter: self.shown_name().to_owned(),
                votes_each: self.votes_each,
            });
        }
        self.ballots.push(Ballot {
            voter,
            item: item.to_owned(),
        });
        self.steps.push((Step::Cast, self.map_state));
        let left = self.left(voter);
        let next = if left == 0 { self.next_with_votes() } else { None };
        if let Some(next) = next {
            self.shown = next;
        }
        Ok(Cast { voter, left, next })
    }

    fn next_with_votes(&self) -> Option<usize> {
        let count = self.participants.len();
        (1..count)
            .map(|step| (self.shown + step) % count)
            .find(|&voter| self.left(voter) > 0)
    }

    /// Takes back the shown participant's last vote on `item`; false when they cast none
    /// there.
    pub fn take_back(&mut self, item: &str) -> bool {
        let voter = self.shown;
        match self
            .ballots
            .iter()
            .rposition(|b| b.voter == voter && b.item == item)
        {
            Some(at) => {
                let ballot = self.ballots.remove(at);
                self.steps.push((Step::TookBack { at, ballot }, self.map_state));
                true
            }
            None => false,
        }
    }

    /// Undoes the last thing done in the round, whoever did it, and shows that person
    /// again: a vote cast is taken back, a vote taken back is cast again.
    pub fn undo_last(&mut self) -> Option<Undone> {
        let undone = match self.steps.pop()?.0 {
            Step::Cast => Undone::Cast(self.ballots.pop()?),
            Step::TookBack { at, ballot } => {
                self.ballots.insert(at.min(self.ballots.len()), ballot.clone());
                Undone::TakeBack(ballot)
            }
        };
        let (Undone::Cast(ballot) | Undone::TakeBack(ballot)) = &undone;
        self.shown = ballot.voter;
        Some(undone)
    }

    /// The items that gained votes, most first, ties sharing a rank in journey order.
    pub fn result(&self, map: &JourneyMap) -> RoundResult {
        let mut gained: HashMap<&str, u32> = HashMap::new();
        for ballot in &self.ballots {
            *gained.entry(ballot.item.as_str()).or_default() += 1;
        }
        let mut ranked = Vec::new();
        for (s, stage) in map.stages.iter().enumerate() {
            let frictions = stage.frictions.iter().map(|f| (f.id.as_str(), &f.text));
            let opportunities = stage.opportunities.iter().map(|o| (o.id.as_str(), &o.text));
            for (id, text) in frictions.chain(opportunities) {
                if let Some(votes) = gained.remove(id) {
                    ranked.push(Ranked {
                        rank: 0,
                        tied: false,
                        votes,
                        id: id.to_owned(),
                        text: text.clone(),
                        stage: s,
                        stage_name: stage.name.clone(),
                    });
                }
            }
        }
        ranked.sort_by_key(|r| std::cmp::Reverse(r.votes));
        for i in 0..ranked.len() {
            let same_as_previous = i > 0 && ranked[i - 1].votes == ranked[i].votes;
            ranked[i].rank = if same_as_previous {
                ranked[i - 1].rank
            } else {
                i + 1
            };
            ranked[i].tied =
                same_as_previous || ranked.get(i + 1).is_some_and(|n| n.votes == ranked[i].votes);
        }
        RoundResult {
            ranked,
            lost: gained.values().sum(),
        }
    }

    /// The edit that keeps who voted what: this round appended to the map's `"rounds"`
    /// (a field written after `shadow`), ended at `ended` (RFC 3339).
    pub fn ballots_edit(&self, map: &JourneyMap, ended: &str) -> Edit {
        let ballots: Vec<serde_json::Value> = self
            .ballots
            .iter()
            .map(|b| {
                serde_json::json!({
                    "voter": self.participants.get(b.voter).map_or("", String::as_str),
                    "item": b.item,
                })
            })
            .collect();
        let record = serde_json::json!({
            "ended": ended,
            "votes_each": self.votes_each,
            "blind": self.blind,
            "participants": self.participants,
            "ballots": ballots,
        });
        let mut rounds = match map.extras.0.iter().find(|f| f.key == ROUNDS).map(|f| &f.value) {
            Some(serde_json::Value::Array(rounds)) => rounds.clone(),
            _ => Vec::new(),
        };
        rounds.push(record);
        Edit::SetMapExtra {
            key: ROUNDS.to_owned(),
            value: Some(serde_json::Value::Array(rounds)),
        }
    }

    /// The edit that adds the round's votes to the map's items, as one step; `None` when
    /// no vote landed on an item the map still has.
    pub fn totals_edit(&self, map: &JourneyMap) -> Option<Edit> {
        let mut gained: HashMap<&str, u32> = HashMap::new();
        for ballot in &self.ballots {
            *gained.entry(ballot.item.as_str()).or_default() += 1;
        }
        let mut edits = Vec::new();
        for (s, stage) in map.stages.iter().enumerate() {
            for (at, friction) in stage.frictions.iter().enumerate() {
                if let Some(&votes) = gained.get(friction.id.as_str()) {
                    let mut item = friction.clone();
                    item.votes = item.votes.saturating_add(votes);
                    edits.push(Edit::ReplaceItem {
                        stage: s,
                        at,
                        item: Item::Friction(item),
                    });
                }
            }
            for (at, opportunity) in stage.opportunities.iter().enumerate() {
                if let Some(&votes) = gained.get(opportunity.id.as_str()) {
                    let mut item = opportunity.clone();
                    item.votes = item.votes.saturating_add(votes);
                    edits.push(Edit::ReplaceItem {
                        stage: s,
                        at,
                        item: Item::Opportunity(item),
                    });
                }
            }
        }
        (!edits.is_empty()).then_some(Edit::Batch(edits))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assets::EXAMPLES;
    use std::time::Duration;

    fn round(names: &str, votes_each: u32) -> Round {
        Round::start(
            RoundSetup {
                participants: participants_from(names).unwrap(),
                votes_each,
                blind: true,
                timer: None,
                keep_ballots: false,
            },
            Instant::now(),
        )
    }

    #[test]
    fn participants_are_named_or_counted() {
        assert_eq!(participants_from("3").unwrap(), ["P1", "P2", "P3"]);
        assert_eq!(
            participants_from(" Ana, Ben ,,Cy ").unwrap(),
            ["Ana", "Ben", "Cy"]
        );
        assert!(participants_from("0").is_err());
        assert!(participants_from(" , ").is_err());
        let twice = participants_from("Ana, Ben, ana").unwrap_err();
        assert!(twice.contains("named twice"), "{twice}");
    }

    #[test]
    fn each_person_has_their_own_votes_and_the_next_one_comes_up() {
        let mut round = round("Ana, Ben, Cy", 3);
        assert_eq!(round.pool(), 9);
        assert_eq!(
            round.cast("fr-a"),
            Ok(Cast {
                voter: 0,
                left: 2,
                next: None
            })
        );
        round.cast("fr-a").unwrap();
        let last = round.cast("fr-b").unwrap();
        assert_eq!(
            last,
            Cast {
                voter: 0,
                left: 0,
                next: Some(1)
            }
        );
        assert_eq!(round.shown_name(), "Ben");
        round.show(0);
        assert_eq!(
            round.cast("fr-c"),
            Err(Refusal::NoVotesLeft {
                voter: "Ana".into(),
                votes_each: 3
            }),
            "a fourth vote by one person is refused"
        );
        assert_eq!((round.cast_by(0), round.left(1)), (3, 3));
        assert_eq!(round.votes_for("fr-a"), 2);
    }

    #[test]
    fn the_last_voter_finishes_the_round() {
        let mut round = round("2", 1);
        round.cast("x").unwrap();
        assert_eq!(round.shown(), 1);
        assert_eq!(round.cast("y").unwrap().next, None, "nobody has votes left");
        assert!(round.is_complete());
    }

    #[test]
    fn votes_are_taken_back_by_their_caster_or_the_last_one() {
        let mut round = round("Ana, Ben", 2);
        round.cast("x").unwrap();
        round.step(true);
        round.cast("x").unwrap();
        assert!(!round.take_back("y"));
        round.step(false);
        assert!(round.take_back("x"), "Ana's vote on x");
        assert_eq!((round.cast_by(0), round.cast_by(1)), (0, 1));
        round.step(true);
        let ana_s = Ballot {
            voter: 0,
            item: "x".into(),
        };
        assert_eq!(
            round.undo_last(),
            Some(Undone::TakeBack(ana_s.clone())),
            "undo puts back the vote taken back last"
        );
        assert_eq!((round.cast_by(0), round.cast_by(1)), (1, 1));
        assert_eq!(round.shown_name(), "Ana", "undoing shows whose vote it was");
        let ben_s = Ballot {
            voter: 1,
            item: "x".into(),
        };
        assert_eq!(round.undo_last(), Some(Undone::Cast(ben_s)));
        assert_eq!(round.shown_name(), "Ben", "undoing shows who cast it");
        assert_eq!(round.undo_last(), Some(Undone::Cast(ana_s)));
        assert_eq!(round.undo_last(), None);
        round.step(false);
        assert_eq!(round.shown(), 1, "stepping goes round the list");
    }

    #[test]
    fn the_result_ranks_marks_ties_and_counts_lost_votes() {
        let map = EXAMPLES[1].map().unwrap();
        let first = map.stages[0].frictions[0].id.to_string();
        let second = map.stages[2].frictions[0].id.to_string();
        let opportunity = map.stages[1].opportunities[0].id.to_string();
        let mut round = round("3", 3);
        for item in [&second, &second, &first, &first, &opportunity, &second, "fr-gone"] {
            round.cast(item).unwrap();
        }
        let result = round.result(&map);
        assert_eq!(result.lost, 1);
        let lines: Vec<(usize, bool, u32, &str)> = result
            .ranked
            .iter()
            .map(|r| (r.rank, r.tied, r.votes, r.id.as_str()))
            .collect();
        assert_eq!(
            lines,
            [
                (1, false, 3, second.as_str()),
                (2, false, 2, first.as_str()),
                (3, false, 1, opportunity.as_str())
            ]
        );
        round.undo_last();
        round.undo_last();
        let tied = round.result(&map);
        assert_eq!(
            tied.ranked.iter().map(|r| (r.rank, r.tied)).collect::<Vec<_>>(),
            [(1, true), (1, true), (3, false)],
            "ties share a rank, in journey order"
        );
        assert_eq!(tied.ranked[0].id, first);
    }

    #[test]
    fn the_totals_land_as_one_edit_that_undoes_as_one() {
        let mut map = EXAMPLES[1].map().unwrap();
        let original = map.clone();
        let mut round = round("2", 2);
        assert_eq!(round.totals_edit(&map), None);
        let friction = map.stages[1].frictions[0].id.to_string();
        let opportunity = map.stages[0].opportunities[0].id.to_string();
        for item in [&friction, &friction, &opportunity] {
            round.cast(item).unwrap();
        }
        let edit = round.totals_edit(&map).unwrap();
        let inverse = edit.apply(&mut map).unwrap();
        assert_eq!(
            map.stages[1].frictions[0].votes,
            original.stages[1].frictions[0].votes + 2
        );
        assert_eq!(
            map.stages[0].opportunities[0].votes,
            original.stages[0].opportunities[0].votes + 1
        );
        inverse.apply(&mut map).unwrap();
        assert_eq!(map, original);
    }

    #[test]
    fn who_voted_what_is_kept_round_after_round_and_undoes() {
        let mut map = EXAMPLES[0].map().unwrap();
        let original = map.clone();
        let mut round = round("Ana, Ben", 1);
        round.cast("fr-x").unwrap();
        round.cast("op-y").unwrap();
        let first = round
            .ballots_edit(&map, "2026-11-30T10:00:00Z")
            .apply(&mut map)
            .unwrap();
        let second = round
            .ballots_edit(&map, "2026-11-30T11:00:00Z")
            .apply(&mut map)
            .unwrap();
        let rounds = &map.extras.0.iter().find(|f| f.key == ROUNDS).unwrap().value;
        assert_eq!(rounds.as_array().unwrap().len(), 2);
        assert_eq!(
            rounds[0],
            serde_json::json!({
                "ended": "2026-11-30T10:00:00Z", "votes_each": 1, "blind": true,
                "participants": ["Ana", "Ben"],
                "ballots": [{"voter": "Ana", "item": "fr-x"}, {"voter": "Ben", "item": "op-y"}]
            })
        );
        second.apply(&mut map).unwrap();
        first.apply(&mut map).unwrap();
        assert_eq!(map, original);
    }

    #[test]
    fn the_timer_counts_down_to_time_is_up() {
        let start = Instant::now();
        let timer = Timer {
            length: Duration::from_secs(180),
            started: start,
        };
        assert_eq!(timer.label(start), "3:00 left");
        assert_eq!(timer.label(start + Duration::from_millis(55_500)), "2:05 left");
        assert_eq!(timer.label(start + Duration::from_secs(180)), "time is up");
        assert!(timer.remaining(start + Duration::from_secs(999)).is_zero());
    }
}
