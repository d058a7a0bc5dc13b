//! The friction board's state: how it is sorted and filtered, and its rows, derived from
//! the map once per change (not per frame) and, after an edit, only for the stages it
//! touched. The council's top three come from the same pass.

use std::cmp::Reverse;

use crate::model::{Changed, Friction, FrictionId, History, JourneyMap, ListChanges, Severity, Status};

/// The order of the board's rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BoardSort {
    /// Most votes first, then the most severe.
    #[default]
    Votes,
    /// Most severe first, then the most votes.
    Severity,
    /// As the journey goes.
    Stage,
}

impl BoardSort {
    /// The next order, for the key that cycles them.
    pub fn next(self) -> Self {
        match self {
            BoardSort::Votes => BoardSort::Severity,
            BoardSort::Severity => BoardSort::Stage,
            BoardSort::Stage => BoardSort::Votes,
        }
    }

    /// The order in words.
    pub fn label(self) -> &'static str {
        match self {
            BoardSort::Votes => "votes",
            BoardSort::Severity => "severity",
            BoardSort::Stage => "stage order",
        }
    }
}

/// Which friction points the board shows; `None` lets everything through.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BoardFilter {
    pub status: Option<Status>,
    pub severity: Option<Severity>,
    pub channel: Option<String>,
    /// Part of the owner's name, matched without regard to case.
    pub owner: Option<String>,
}

impl BoardFilter {
    /// Whether `friction` passes.
    pub fn admits(&self, friction: &Friction) -> bool {
        self.status.is_none_or(|s| s == friction.status)
            && self.severity.is_none_or(|s| s == friction.severity)
            && self
                .channel
                .as_ref()
                .is_none_or(|c| crate::model::channels::same(c, &friction.channel))
            && self
                .owner
                .as_ref()
                .is_none_or(|o| friction.owner.to_lowercase().contains(&o.to_lowercase()))
    }

    /// The filter in words, e.g. "status open, owner ana"; empty when it lets all through.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(status) = self.status {
            parts.push(format!("status {}", status.label()));
        }
        if let Some(severity) = self.severity {
            parts.push(format!("severity {}", severity.word()));
        }
        if let Some(channel) = &self.channel {
            parts.push(format!("channel {channel}"));
        }
        if let Some(owner) = &self.owner {
            parts.push(format!("owner {owner}"));
        }
        parts.join(", ")
    }
}

/// The board as shown: settings, rows and selection.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Board {
    pub sort: BoardSort,
    pub filter: BoardFilter,
    /// (stage, friction) positions, in board order.
    pub rows: Vec<(usize, usize)>,
    /// The council's top three open friction points.
    pub council: Vec<(usize, usize)>,
    /// The council as its view shows it: the top three, and any point closed while it
    /// showed them, kept in its place until the view is left (so the next `t` moves the
    /// same point on).
    pub council_shown: Vec<(usize, usize)>,
    pub selected: usize,
    /// The ids behind `council_shown`.
    council_ids: Vec<FrictionId>,
    /// The rows' ranks, in board order: a changed point is placed by its rank alone,
    /// without looking up the points it passes in the map.
    ranks: Vec<Rank>,
    /// Every open friction point's rank, most votes first: the council is its first three.
    open: Vec<Rank>,
    /// Each stage's friction ids as the rows last saw them, so the selection can follow
    /// its friction point when a vote or an edit re-sorts the list.
    ids: Vec<Vec<FrictionId>>,
    /// The map revision the rows were computed for; `None` after the settings change.
    computed_for: Option<u64>,
}

/// Where a friction point goes in an order: by the order's counts, then where it is in
/// the journey (so equal points keep journey order).
type Rank = (Reverse<(u32, u32)>, usize, usize);

fn rank(sort: BoardSort, friction: &Friction, (s, f): (usize, usize)) -> Rank {
    let severity = u32::from(friction.severity.number());
    let counts = match sort {
        BoardSort::Votes => (friction.votes, severity),
        BoardSort::Severity => (severity, friction.votes),
        BoardSort::Stage => (0, 0),
    };
    (Reverse(counts), s, f)
}

impl Board {
    /// Marks the rows as out of date after a change of sort or filter.
    pub fn invalidate(&mut self) {
        self.computed_for = None;
    }

    /// The council as it opens: the top three open points afresh (points closed while it
    /// last showed are let go), the first one selected.
    pub fn open_council(&mut self) {
        self.council = self.top_three();
        self.council_shown = self.council.clone();
        self.council_ids = (self.council.iter())
            .filter_map(|&(s, f)| self.ids.get(s)?.get(f).cloned())
            .collect();
        self.selected = 0;
    }

    /// Brings rows and council up to date with the map (`history` says what changed since
    /// they were computed): only the stages an edit touched are looked at again. The
    /// selection stays on the same friction point (of the council's list when `council`
    /// is showing) wherever the new order puts it.
    pub fn refresh(&mut self, map: &JourneyMap, history: &History, council: bool) {
        let changed = history.changed_since(self.computed_for);
        if changed.is_nothing() {
            return;
        }
        let shown = if council { &self.council_shown } else { &self.rows };
        let followed = shown
            .get(self.selected)
            .and_then(|&(s, f)| Some(((s, f), self.ids.get(s)?.get(f)?.clone())));
        if !changed.everything {
            self.shift(&changed.stages);
        }
        if changed.everything || self.ids.len() != map.stages.len() {
            self.rebuild(map);
        } else {
            self.update_stages(map, &changed.stages);
        }
        self.council = self.top_three();
        self.council_shown = self.council.clone();
        if council {
            self.hold_closed(map);
        }
        let shown = if council { &self.council_shown } else { &self.rows };
        let kept = followed
            .and_then(|(was, id)| locate(map, &changed, was, &id))
            .and_then(|place| shown.iter().position(|&row| row == place));
        self.selected = kept.unwrap_or(self.selected).min(shown.len().saturating_sub(1));
        self.computed_for = Some(history.revision());
    }

    /// The three open points with the most votes.
    fn top_three(&self) -> Vec<(usize, usize)> {
        self.open.iter().take(3).map(|&(_, s, f)| (s, f)).collect()
    }

    /// Puts back, each in its place, the points the council showed that are closed now.
    fn hold_closed(&mut self, map: &JourneyMap) {
        for (place, id) in std::mem::take(&mut self.council_ids).iter().enumerate() {
            let Some((s, f)) = map.friction_position(id) else {
                continue;
            };
            let held = &mut self.council_shown;
            if map.stages[s].frictions[f].status.is_closed() && !held.contains(&(s, f)) {
                held.insert(place.min(held.len()), (s, f));
            }
        }
        self.council_ids = self
            .council_shown
            .iter()
            .map(|&(s, f)| map.stages[s].frictions[f].id.clone())
            .collect();
    }

    /// Rows, open points and ids from the whole map.
    fn rebuild(&mut self, map: &JourneyMap) {
        let all = || {
            map.stages.iter().enumerate().flat_map(|(s, stage)| {
                stage
                    .frictions
                    .iter()
                    .enumerate()
                    .map(move |(f, friction)| ((s, f), friction))
            })
        };
        self.ranks = all()
            .filter(|(_, friction)| self.filter.admits(friction))
            .map(|(at, friction)| rank(self.sort, friction, at))
            .collect();
        self.ranks.sort_unstable();
        self.rows = self.ranks.iter().map(|&(_, s, f)| (s, f)).collect();
        self.open = all()
            .filter(|(_, friction)| !friction.status.is_closed())
            .map(|(at, friction)| rank(BoardSort::Votes, friction, at))
            .collect();
        self.open.sort_unstable();
        self.ids = map
            .stages
            .iter()
            .map(|stage| stage.frictions.iter().map(|f| f.id.clone()).collect())
            .collect();
    }

    /// Moves ranks and ids to where stages inserted, removed or moved put their stages;
    /// a removed stage's ranks go. Ranks keep their order: the others' stages keep theirs.
    fn shift(&mut self, stages: &ListChanges) {
        if !stages.reshaped() {
            return;
        }
        let follow = |ranks: &mut Vec<Rank>| {
            ranks.retain_mut(|(_, s, _)| stages.follow_in_place(s));
        };
        follow(&mut self.ranks);
        follow(&mut self.open);
        stages.reshape(&mut self.ids, Vec::new);
    }

    /// Takes the changed stages' ranks out and puts their friction points' back in
    /// order; the other stages' ranks stay as they are. The ranks kept are in order
    /// and the new ones follow them, so the stable sort merges two runs in one pass.
    fn update_stages(&mut self, map: &JourneyMap, stages: &ListChanges) {
        let touched = |&(_, s, _): &Rank| stages.touches(s);
        self.ranks.retain(|rank| !touched(rank));
        self.open.retain(|rank| !touched(rank));
        for &s in stages.touched() {
            let Some(stage) = map.stages.get(s) else { continue };
            for (f, point) in stage.frictions.iter().enumerate() {
                if self.filter.admits(point) {
                    self.ranks.push(rank(self.sort, point, (s, f)));
                }
                if !point.status.is_closed() {
                    self.open.push(rank(BoardSort::Votes, point, (s, f)));
                }
            }
            self.ids[s] = stage.frictions.iter().map(|f| f.id.clone()).collect();
        }
        self.ranks.sort();
        self.open.sort();
        self.rows.clear();
        self.rows.extend(self.ranks.iter().map(|&(_, s, f)| (s, f)));
    }
}

/// Where friction point `id`, at `was` before the change, is now.
fn locate(
    map: &JourneyMap,
    changed: &Changed,
    was: (usize, usize),
    id: &FrictionId,
) -> Option<(usize, usize)> {
    let look_in = |s: usize| {
        let stage = map.stages.get(s)?;
        stage.frictions.iter().position(|f| f.id == *id).map(|f| (s, f))
    };
    if changed.everything {
        return (0..map.stages.len()).find_map(look_in);
    }
    match changed.stages.follow(was.0) {
        Some(s) if !changed.stages.touches(s) => Some((s, was.1)),
        _ => changed.stages.touched().iter().find_map(|&s| look_in(s)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assets::EXAMPLES;
    use crate::model::{Edit, Item};

    fn board(sort: BoardSort, filter: BoardFilter) -> (Board, JourneyMap) {
        let map = EXAMPLES[1].map().unwrap();
        let mut board = Board {
            sort,
            filter,
            ..Board::default()
        };
        board.refresh(&map, &History::default(), false);
        (board, map)
    }

    #[test]
    fn sorts_by_votes_then_severity_and_by_stage() {
        let (board, map) = board(BoardSort::Votes, BoardFilter::default());
        let total: usize = map.stages.iter().map(|s| s.frictions.len()).sum();
        assert_eq!(board.rows.len(), total);
        let votes: Vec<u32> = board
            .rows
            .iter()
            .map(|&(s, f)| map.stages[s].frictions[f].votes)
            .collect();
        assert!(votes.windows(2).all(|w| w[0] >= w[1]), "{votes:?}");
        let (by_stage, _) = self::board(BoardSort::Stage, BoardFilter::default());
        assert!(by_stage.rows.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn the_selection_follows_its_point_when_votes_reorder_the_rows() {
        let mut map = EXAMPLES[1].map().unwrap();
        let mut history = History::default();
        let mut board = Board::default();
        board.refresh(&map, &history, false);
        board.selected = 2;
        let (s, f) = board.rows[2];
        let chosen = map.stages[s].frictions[f].id.clone();
        let mut voted = map.stages[s].frictions[f].clone();
        voted.votes += 100;
        let vote = Edit::ReplaceItem {
            stage: s,
            at: f,
            item: Item::Friction(voted),
        };
        history.apply(&mut map, vote, "vote").unwrap();
        board.refresh(&map, &history, false);
        assert_eq!(board.rows[0], (s, f), "the point with the most votes leads");
        assert_eq!(board.selected, 0);
        let (s, f) = board.rows[board.selected];
        assert_eq!(map.stages[s].frictions[f].id, chosen);
    }

    #[test]
    fn filters_combine() {
        let filter = BoardFilter {
            status: Some(Status::Open),
            severity: Some(Severity::Severe),
            ..BoardFilter::default()
        };
        let (board, map) = board(BoardSort::Votes, filter.clone());
        assert!(!board.rows.is_empty());
        for &(s, f) in &board.rows {
            let friction = &map.stages[s].frictions[f];
            assert!(friction.status == Status::Open && friction.severity == Severity::Severe);
        }
        assert_eq!(filter.describe(), "status open, severity severe");
    }

    #[test]
    fn the_council_is_the_top_three_open_points() {
        let (board, map) = board(BoardSort::Stage, BoardFilter::default());
        assert_eq!(board.council.len(), 3);
        let top = &map.stages[board.council[0].0].frictions[board.council[0].1];
        let best = map
            .stages
            .iter()
            .flat_map(|s| &s.frictions)
            .filter(|f| !f.status.is_closed())
            .map(|f| f.votes)
            .max();
        assert_eq!(Some(top.votes), best);
        assert!(
            board
                .council
                .iter()
                .all(|&(s, f)| !map.stages[s].frictions[f].status.is_closed())
        );
    }
}
