//! The friction board's state: how it is sorted and filtered, and its rows, derived from
//! the map once per change (not per frame). The council's top three come from the same
//! pass.

use crate::model::{Friction, FrictionId, JourneyMap, Severity, Status};

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
    pub selected: usize,
    /// The ids behind `rows` and `council`, so the selection can follow its friction
    /// point when a vote or an edit re-sorts the list.
    row_ids: Vec<FrictionId>,
    council_ids: Vec<FrictionId>,
    /// The map state the rows were computed for; `None` after the settings change.
    computed_for: Option<u64>,
}

fn by_votes(a: &Friction, b: &Friction) -> std::cmp::Ordering {
    b.votes.cmp(&a.votes).then(b.severity.cmp(&a.severity))
}

impl Board {
    /// Marks the rows as out of date after a change of sort or filter.
    pub fn invalidate(&mut self) {
        self.computed_for = None;
    }

    /// Recomputes rows and council if the map changed since (`state` is its history state).
    /// The selection stays on the same friction point (of the council's list when
    /// `council` is showing) wherever the new order puts it.
    pub fn refresh(&mut self, map: &JourneyMap, state: u64, council: bool) {
        if self.computed_for == Some(state) {
            return;
        }
        let shown = if council { &self.council_ids } else { &self.row_ids };
        let followed = shown.get(self.selected).cloned();
        let all = map.stages.iter().enumerate().flat_map(|(s, stage)| {
            stage
                .frictions
                .iter()
                .enumerate()
                .map(move |(f, friction)| (s, f, friction))
        });
        let mut rows: Vec<(usize, usize, &Friction)> =
            all.clone().filter(|(_, _, f)| self.filter.admits(f)).collect();
        match self.sort {
            BoardSort::Votes => rows.sort_by(|a, b| by_votes(a.2, b.2)),
            BoardSort::Severity => {
                rows.sort_by(|a, b| b.2.severity.cmp(&a.2.severity).then(b.2.votes.cmp(&a.2.votes)))
            }
            BoardSort::Stage => {}
        }
        self.row_ids = rows.iter().map(|(_, _, f)| f.id.clone()).collect();
        self.rows = rows.into_iter().map(|(s, f, _)| (s, f)).collect();
        let mut open: Vec<(usize, usize, &Friction)> =
            all.filter(|(_, _, f)| !f.status.is_closed()).collect();
        open.sort_by(|a, b| by_votes(a.2, b.2));
        open.truncate(3);
        self.council_ids = open.iter().map(|(_, _, f)| f.id.clone()).collect();
        self.council = open.into_iter().map(|(s, f, _)| (s, f)).collect();
        let shown = if council { &self.council_ids } else { &self.row_ids };
        let kept = followed.and_then(|id| shown.iter().position(|other| *other == id));
        self.selected = kept.unwrap_or(self.selected).min(shown.len().saturating_sub(1));
        self.computed_for = Some(state);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assets::EXAMPLES;

    fn board(sort: BoardSort, filter: BoardFilter) -> (Board, JourneyMap) {
        let map = EXAMPLES[1].map().unwrap();
        let mut board = Board {
            sort,
            filter,
            ..Board::default()
        };
        board.refresh(&map, 0, false);
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
        let (mut board, mut map) = board(BoardSort::Votes, BoardFilter::default());
        board.selected = 2;
        let (s, f) = board.rows[2];
        let chosen = map.stages[s].frictions[f].id.clone();
        map.stages[s].frictions[f].votes += 100;
        board.refresh(&map, 1, false);
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
