//! Searching every text of the map: the query, its hits in grid order (computed once per
//! query or change, never per frame) and which hit the selection last jumped to.

use std::collections::{HashMap, HashSet};

use crate::model::{JourneyMap, Lane};

/// Where a hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Place {
    Title,
    Persona,
    StageName,
    /// A cell of the grid; `item` is 0 for the goal and emotion cells.
    Cell {
        lane: Lane,
        item: usize,
    },
    /// A shadow note tied to the stage (by its index among the shadow notes).
    ShadowNote(usize),
}

/// One text that holds the query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// The stage, for everything but the title and persona.
    pub stage: Option<usize>,
    pub place: Place,
}

impl Hit {
    /// Grid order: title and persona first, then stage by stage, the name, then the
    /// lanes top to bottom, then the stage's shadow notes.
    fn order(&self) -> (usize, usize, usize) {
        let stage = self.stage.map_or(0, |s| s + 1);
        match self.place {
            Place::Title => (0, 0, 0),
            Place::Persona => (0, 1, 0),
            Place::StageName => (stage, 0, 0),
            Place::Cell { lane, item } => (stage, lane_rank(lane), item),
            Place::ShadowNote(n) => (stage, 7, n),
        }
    }
}

fn lane_rank(lane: Lane) -> usize {
    1 + Lane::ALL.iter().position(|&l| l == lane).unwrap_or(0)
}

/// The search: empty query means no search.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    /// Every hit, in grid order.
    pub hits: Vec<Hit>,
    /// The hit the selection went to last, as an index into `hits`.
    pub current: Option<usize>,
    /// Where that jump left the selection (stage, lane, item), so `n` goes on from the
    /// hit itself while the selection stays there.
    pub landed: Option<(usize, Lane, usize)>,
    /// (stage, lane, item) of every cell hit, for drawing.
    cells: HashSet<(usize, Lane, usize)>,
    names: HashSet<usize>,
    /// The map state and query the hits were found for.
    computed_for: Option<(u64, String)>,
}

impl Search {
    /// Whether a search is on (a query was given).
    pub fn is_active(&self) -> bool {
        !self.query.is_empty()
    }

    /// Sets a new query; hits follow on the next refresh.
    pub fn set_query(&mut self, query: &str) {
        if self.query != query {
            self.query = query.to_owned();
            self.current = None;
        }
    }

    /// Leaves the search: no query, no hits, no highlight.
    pub fn clear(&mut self) {
        *self = Search::default();
    }

    /// Whether the cell item at (stage, lane, item) holds a hit.
    pub fn hits_cell(&self, stage: usize, lane: Lane, item: usize) -> bool {
        self.cells.contains(&(stage, lane, item))
    }

    /// Whether the stage's name holds a hit.
    pub fn hits_name(&self, stage: usize) -> bool {
        self.names.contains(&stage)
    }

    /// Finds the hits again if the map (`state` is its history state) or query changed.
    pub fn refresh(&mut self, map: &JourneyMap, state: u64) {
        let key = (state, self.query.clone());
        if self.computed_for.as_ref() == Some(&key) {
            return;
        }
        self.hits = find(map, &self.query);
        self.cells = self
            .hits
            .iter()
            .filter_map(|hit| match (hit.stage, hit.place) {
                (Some(s), Place::Cell { lane, item }) => Some((s, lane, item)),
                _ => None,
            })
            .collect();
        self.names = self
            .hits
            .iter()
            .filter(|hit| hit.place == Place::StageName)
            .filter_map(|hit| hit.stage)
            .collect();
        self.current = self.current.filter(|&c| c < self.hits.len());
        self.computed_for = Some(key);
    }

    /// The first hit at or after the grid position (`forward`), or the last one before it,
    /// wrapping round the map.
    pub fn next_from(
        &self,
        stage: usize,
        lane: Lane,
        item: usize,
        forward: bool,
        inclusive: bool,
    ) -> Option<usize> {
        let here = (stage + 1, lane_rank(lane), item);
        let after = |hit: &Hit| {
            if inclusive {
                hit.order() >= here
            } else {
                hit.order() > here
            }
        };
        if forward {
            self.hits
                .iter()
                .position(after)
                .or((!self.hits.is_empty()).then_some(0))
        } else {
            let before = self.hits.iter().rposition(|hit| hit.order() < here);
            before.or(self.hits.len().checked_sub(1))
        }
    }
}

/// Every text of `map` that holds `query`, without regard to case, in grid order.
pub fn find(map: &JourneyMap, query: &str) -> Vec<Hit> {
    let needle = query.trim().to_lowercase();
    if needle.is_empty() {
        return Vec::new();
    }
    let holds = |text: &str| text.to_lowercase().contains(&needle);
    let mut hits = Vec::new();
    let mut add = |stage: Option<usize>, place: Place, texts: &[&str]| {
        if texts.iter().any(|t| holds(t)) {
            hits.push(Hit { stage, place });
        }
    };
    add(None, Place::Title, &[&map.title]);
    add(None, Place::Persona, &[&map.persona]);
    // Each stage's notes, found in one pass over them (not one per stage).
    let mut notes_of: HashMap<&str, Vec<usize>> = HashMap::new();
    for (n, note) in map.shadow.notes.iter().enumerate() {
        notes_of.entry(note.stage.as_str()).or_default().push(n);
    }
    for (s, stage) in map.stages.iter().enumerate() {
        let cell = |lane, item| Place::Cell { lane, item };
        add(Some(s), Place::StageName, &[&stage.name]);
        add(Some(s), cell(Lane::Goal, 0), &[&stage.goal]);
        for (i, touchpoint) in stage.touchpoints.iter().enumerate() {
            add(Some(s), cell(Lane::Touchpoints, i), &[touchpoint]);
        }
        add(Some(s), cell(Lane::Emotion, 0), &[&stage.emotion.note]);
        for (i, friction) in stage.frictions.iter().enumerate() {
            let texts = [&*friction.text, &friction.owner, &friction.channel];
            add(Some(s), cell(Lane::Friction, i), &texts);
        }
        for (i, opportunity) in stage.opportunities.iter().enumerate() {
            add(Some(s), cell(Lane::Opportunity, i), &[&opportunity.text]);
        }
        for &n in notes_of.get(stage.id.as_str()).map_or(&[][..], Vec::as_slice) {
            let note = &map.shadow.notes[n];
            add(Some(s), Place::ShadowNote(n), &[&note.text, &note.observer]);
        }
    }
    hits.sort_by_key(Hit::order);
    hits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assets::EXAMPLES;

    #[test]
    fn finds_every_kind_of_text_without_regard_to_case() {
        let map = EXAMPLES[1].map().unwrap();
        let hits = find(&map, "DELIVERY");
        assert!(hits.len() > 3, "{hits:?}");
        let mut sorted = hits.clone();
        sorted.sort_by_key(Hit::order);
        assert_eq!(hits, sorted, "hits come in grid order");
        assert!(find(&map, "  ").is_empty());
        assert!(find(&map, "zzz-nowhere").is_empty());
        let owner = &map.stages[2].frictions[0].owner;
        assert!(!owner.is_empty());
        assert!(find(&map, owner).iter().any(|h| matches!(
            h.place,
            Place::Cell {
                lane: Lane::Friction,
                ..
            }
        )));
    }

    #[test]
    fn next_and_previous_wrap_round_the_map() {
        let map = EXAMPLES[1].map().unwrap();
        let mut search = Search::default();
        search.set_query("delivery");
        search.refresh(&map, 0);
        let last = search.hits.len() - 1;
        let end = map.stages.len();
        assert_eq!(search.next_from(end, Lane::Opportunity, 99, true, false), Some(0));
        let before_the_grid = search.hits.iter().rposition(|h| h.stage.is_none());
        assert_eq!(
            search.next_from(0, Lane::Goal, 0, false, false),
            Some(before_the_grid.unwrap_or(last)),
            "back from the first cell: the title or persona, else round to the last hit"
        );
        assert_eq!(
            search.next_from(0, Lane::Goal, 0, false, true),
            Some(before_the_grid.unwrap_or(last))
        );
        let first_in_grid = search.next_from(0, Lane::Goal, 0, true, true);
        assert!(first_in_grid.is_some_and(|i| search.hits[i].stage.is_some()));
    }
}
