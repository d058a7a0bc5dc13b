//! Searching every text of the map: the query, its hits in grid order (found once per
//! query or change, never per frame, and on a large map a slice at a time between keys)
//! and which hit the selection last jumped to.

mod found;
mod needle;

use self::found::{Found, Pass};
use self::needle::Needle;
use crate::model::{History, JourneyMap, Lane};

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
    /// The hit the selection went to last, as an index into the hits in grid order.
    pub current: Option<usize>,
    /// Where that jump left the selection (stage, lane, item), so `n` goes on from the
    /// hit itself while the selection stays there.
    pub landed: Option<(usize, Lane, usize)>,
    /// The query `found` is (or is becoming) the hits of, and the map revision.
    needle: Needle,
    revision: Option<u64>,
    found: Found,
    /// What is left to read before `found` holds every hit; `None` when it does.
    pass: Option<Pass>,
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

    /// How many hits there are (so far, while [`Search::is_finding`]).
    pub fn count(&self) -> usize {
        self.found.count
    }

    /// Whether part of the map is still to be read for hits (between keys, a slice at a
    /// time: see [`Search::work`]).
    pub fn is_finding(&self) -> bool {
        self.pass.is_some()
    }

    /// Whether the cell item at (stage, lane, item) holds a hit.
    pub fn hits_cell(&self, stage: usize, lane: Lane, item: usize) -> bool {
        let place = Place::Cell { lane, item };
        self.found
            .stages
            .get(stage)
            .is_some_and(|hits| hits.contains(&place))
    }

    /// Whether the stage's name holds a hit.
    pub fn hits_name(&self, stage: usize) -> bool {
        (self.found.stages.get(stage)).is_some_and(|hits| hits.first() == Some(&Place::StageName))
    }

    /// Brings the hits up to date with the query and the map: the stages an edit touched
    /// are read again at once, a query typed on keeps only hits of the one before, and
    /// anything more starts over; then reads one slice.
    pub fn refresh(&mut self, map: &JourneyMap, history: &History) {
        let needle = Needle::new(&self.query);
        if needle.is_empty() {
            let query = std::mem::take(&mut self.query);
            *self = Search {
                query,
                ..Search::default()
            };
            return;
        }
        let revision = history.revision();
        let was = &self.needle;
        match self.revision {
            Some(seen) if seen == revision && *was == needle => return,
            Some(seen) if self.pass.is_none() => {
                let changed = history.changed_since(Some(seen));
                if *was != needle {
                    self.pass = Some(if changed.is_nothing() && needle.narrows(was) {
                        self.found.narrow(map, &needle)
                    } else {
                        self.found.start(map, &needle)
                    });
                } else if changed.everything || changed.stages.reshaped() || !changed.notes.is_empty() {
                    self.pass = Some(self.found.start(map, &needle));
                } else {
                    for &s in changed.stages.touched() {
                        self.found.recheck_stage(map, &needle, s);
                    }
                    if changed.map {
                        self.found.recheck_top(map, &needle);
                    }
                }
            }
            _ => self.pass = Some(self.found.start(map, &needle)),
        }
        self.revision = Some(revision);
        self.needle = needle;
        self.work(map);
        self.current = self.current.filter(|&c| c < self.count());
    }

    /// Reads one more slice of the map for hits; whether there was any to read.
    pub fn work(&mut self, map: &JourneyMap) -> bool {
        let Some(pass) = self.pass.take() else {
            return false;
        };
        self.pass = self.found.work(map, &self.needle, pass);
        true
    }

    /// Reads the rest of the map: every hit is known after it.
    pub fn finish(&mut self, map: &JourneyMap) {
        while self.work(map) {}
    }

    /// The hits (found so far), in grid order.
    pub fn hits(&self) -> impl Iterator<Item = Hit> + '_ {
        let top = self.found.top.iter().map(|&place| Hit { stage: None, place });
        let stages = (self.found.stages.iter().enumerate()).flat_map(|(s, hits)| {
            hits.iter().map(move |&place| Hit {
                stage: Some(s),
                place,
            })
        });
        top.chain(stages)
    }

    /// The hit at `index` in grid order.
    pub fn hit(&self, index: usize) -> Option<Hit> {
        if let Some(&place) = self.found.top.get(index) {
            return Some(Hit { stage: None, place });
        }
        let mut index = index - self.found.top.len();
        for (s, hits) in self.found.stages.iter().enumerate() {
            match hits.get(index) {
                Some(&place) => {
                    return Some(Hit {
                        stage: Some(s),
                        place,
                    });
                }
                None => index -= hits.len(),
            }
        }
        None
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
        let count = self.count();
        if count == 0 {
            return None;
        }
        let here = (stage + 1, lane_rank(lane), item);
        let stages = &self.found.stages;
        let stage = stage.min(stages.len());
        let before: usize = self.found.top.len() + stages[..stage].iter().map(Vec::len).sum::<usize>();
        let order = |s: usize, place: Place| {
            Hit {
                stage: Some(s),
                place,
            }
            .order()
        };
        if forward {
            let after = |order: (usize, usize, usize)| if inclusive { order >= here } else { order > here };
            let mut offset = before;
            for (s, hits) in stages.iter().enumerate().skip(stage) {
                if let Some(i) = hits.iter().position(|&place| after(order(s, place))) {
                    return Some(offset + i);
                }
                offset += hits.len();
            }
            Some(0)
        } else {
            let in_stage = stages
                .get(stage)
                .and_then(|hits| hits.iter().rposition(|&place| order(stage, place) < here));
            Some(
                in_stage
                    .map_or(before, |i| before + i + 1)
                    .checked_sub(1)
                    .unwrap_or(count - 1),
            )
        }
    }
}

/// Every text of `map` that holds `query`, without regard to case, in grid order, found
/// in one go.
pub fn find(map: &JourneyMap, query: &str) -> Vec<Hit> {
    let mut search = Search {
        needle: Needle::new(query),
        ..Search::default()
    };
    if search.needle.is_empty() {
        return Vec::new();
    }
    search.pass = Some(search.found.start(map, &search.needle));
    search.finish(map);
    search.hits().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assets::EXAMPLES;
    use crate::generate::{self, Spec};
    use crate::model::{Edit, StageText};

    /// What a search finds, read to the end, in grid order.
    fn hits(search: &Search) -> Vec<Hit> {
        let found: Vec<Hit> = search.hits().collect();
        let by_index: Vec<Hit> = (0..search.count()).map_while(|i| search.hit(i)).collect();
        assert_eq!(found, by_index);
        found
    }

    /// Every text holding `query`, read the plain way: the search must find just these.
    fn reference(map: &JourneyMap, query: &str) -> Vec<Hit> {
        let needle = query.trim().to_lowercase();
        let holds =
            |texts: &[&str]| !needle.is_empty() && texts.iter().any(|t| t.to_lowercase().contains(&needle));
        let mut found = Vec::new();
        let mut add = |stage, place, texts: &[&str]| {
            if holds(texts) {
                found.push(Hit { stage, place });
            }
        };
        add(None, Place::Title, &[&map.title]);
        add(None, Place::Persona, &[&map.persona]);
        for (s, stage) in map.stages.iter().enumerate() {
            let cell = |lane, item| Place::Cell { lane, item };
            add(Some(s), Place::StageName, &[&stage.name]);
            add(Some(s), cell(Lane::Goal, 0), &[&stage.goal]);
            for (i, touchpoint) in stage.touchpoints.iter().enumerate() {
                add(Some(s), cell(Lane::Touchpoints, i), &[touchpoint]);
            }
            add(Some(s), cell(Lane::Emotion, 0), &[&stage.emotion.note]);
            for (i, f) in stage.frictions.iter().enumerate() {
                add(Some(s), cell(Lane::Friction, i), &[&f.text, &f.owner, &f.channel]);
            }
            for (i, o) in stage.opportunities.iter().enumerate() {
                add(Some(s), cell(Lane::Opportunity, i), &[&o.text]);
            }
            for (n, note) in map.shadow.notes.iter().enumerate() {
                if note.stage == stage.id {
                    add(
                        Some(s),
                        Place::ShadowNote(n),
                        &[&note.text, &note.observer, &note.channel],
                    );
                }
            }
        }
        found
    }

    fn searched(map: &JourneyMap, history: &History, query: &str) -> Search {
        let mut search = Search::default();
        search.set_query(query);
        search.refresh(map, history);
        search.finish(map);
        search
    }

    #[test]
    fn finds_every_kind_of_text_without_regard_to_case() {
        let map = EXAMPLES[1].map().unwrap();
        let history = History::default();
        let found = hits(&searched(&map, &history, "DELIVERY"));
        assert!(found.len() > 3, "{found:?}");
        assert_eq!(found, reference(&map, "delivery"));
        assert_eq!(find(&map, "Delivery"), found);
        assert!(hits(&searched(&map, &history, "  ")).is_empty());
        assert!(hits(&searched(&map, &history, "zzz-nowhere")).is_empty());
        let owner = &map.stages[2].frictions[0].owner;
        assert!(!owner.is_empty());
        let channel = &map.shadow.notes[0].channel;
        assert!(
            hits(&searched(&map, &history, channel))
                .iter()
                .any(|h| h.place == Place::ShadowNote(0)),
            "a note is found by its channel too"
        );
        assert!(hits(&searched(&map, &history, owner)).iter().any(|h| matches!(
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
        let search = searched(&map, &History::default(), "delivery");
        let found = hits(&search);
        let last = found.len() - 1;
        let end = map.stages.len();
        assert_eq!(search.next_from(end, Lane::Opportunity, 99, true, false), Some(0));
        let before_the_grid = found.iter().rposition(|h| h.stage.is_none());
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
        assert!(first_in_grid.is_some_and(|i| found[i].stage.is_some()));
        for (i, hit) in found.iter().enumerate().filter(|(_, h)| h.stage.is_some()) {
            let (Some(s), Place::Cell { lane, item }) = (hit.stage, hit.place) else {
                continue;
            };
            assert_eq!(search.next_from(s, lane, item, true, true), Some(i));
            assert_eq!(
                search.next_from(s, lane, item, true, false),
                Some((i + 1) % found.len())
            );
            assert_eq!(
                search.next_from(s, lane, item, false, false),
                Some((i + found.len() - 1) % found.len())
            );
        }
    }

    #[test]
    fn a_large_map_is_read_a_slice_at_a_time_and_finds_what_one_pass_would() {
        let map = generate::map(&Spec::sized(300));
        let history = History::default();
        let mut search = Search::default();
        search.set_query("the");
        search.refresh(&map, &history);
        assert!(search.is_finding(), "300 stages take more than one slice");
        let mut slices = 1;
        while search.work(&map) {
            slices += 1;
        }
        assert!(slices > 2, "{slices} slices");
        assert!(!search.is_finding());
        assert_eq!(hits(&search), reference(&map, "the"));
    }

    #[test]
    fn typing_on_and_editing_keep_the_hits_the_map_has() {
        let mut map = generate::map(&Spec::sized(40));
        let mut history = History::default();
        let mut search = searched(&map, &history, "e");
        for query in ["el", "ela", "el", "zz", "ra"] {
            search.set_query(query);
            search.refresh(&map, &history);
            search.finish(&map);
            assert_eq!(hits(&search), reference(&map, query), "typed {query:?}");
        }
        let edits = [
            Edit::SetStageText {
                stage: 3,
                field: StageText::Goal,
                text: "Rare words".into(),
            },
            Edit::SetStageText {
                stage: 0,
                field: StageText::Name,
                text: "Radar".into(),
            },
            Edit::RemoveStage { at: 5 },
        ];
        for edit in edits {
            history.apply(&mut map, edit, "edit").unwrap();
            search.refresh(&map, &history);
            search.finish(&map);
            assert_eq!(hits(&search), reference(&map, "ra"), "after an edit");
            history.undo(&mut map).unwrap().unwrap();
            search.refresh(&map, &history);
            search.finish(&map);
            assert_eq!(hits(&search), reference(&map, "ra"), "after its undo");
            history.redo(&mut map).unwrap().unwrap();
        }
    }
}
