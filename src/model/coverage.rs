//! Coverage of the service shadows: notes counted per stage × channel, the plan's votes
//! per cell, and the ranked "shadow next" queue. Computed once per change of the map.

use super::map::JourneyMap;

/// One stage × channel cell of the coverage matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Cell {
    /// Position of the stage in journey order.
    pub stage: usize,
    /// Position of the channel in [`Coverage::channels`].
    pub channel: usize,
}

/// The coverage matrix of a map: stages across, channels down.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Coverage {
    /// The map's channel list, then channels that notes or the plan use but the list
    /// lacks (twins spelled apart count as one).
    pub channels: Vec<String>,
    pub stage_count: usize,
    /// Notes per cell, indexed `[channel][stage]`.
    pub notes: Vec<Vec<usize>>,
    /// Plan votes per cell, indexed `[channel][stage]`.
    pub votes: Vec<Vec<u32>>,
    /// The largest note count of any cell.
    pub busiest: usize,
    /// The "shadow next" queue, the same in the program and in `cxmap coverage`: the
    /// cells with votes or no note yet, most votes first, then fewest notes, then journey
    /// and channel order.
    pub queue: Vec<Cell>,
}

/// Where `channel` is in `channels`: the exact spelling, else its twin (case, spaces and
/// hyphens aside, so notes in "Email" count under "E-mail").
pub fn channel_index(channels: &[String], channel: &str) -> Option<usize> {
    super::channels::position(channels, channel)
}

impl Coverage {
    /// The stage × channel pair of `cell` and what it holds, in words: "3 Pay × Store ·
    /// 2 votes · 1 note" (names as the map has them: clean them before drawing).
    pub fn entry(&self, map: &JourneyMap, cell: Cell) -> String {
        let stage = map.stages.get(cell.stage).map_or("", |s| s.name.as_str());
        let channel = self.channels.get(cell.channel).map_or("", String::as_str);
        let votes = self.votes_at(cell);
        let notes = self.notes_at(cell);
        format!(
            "{} {stage} × {channel} · {votes} vote{} · {notes} note{}",
            cell.stage + 1,
            if votes == 1 { "" } else { "s" },
            if notes == 1 { "" } else { "s" }
        )
    }

    /// Counts the notes and votes of `map`.
    pub fn of(map: &JourneyMap) -> Coverage {
        let mut channels = map.shadow.channels.clone();
        let used = map
            .shadow
            .notes
            .iter()
            .map(|n| &n.channel)
            .chain(map.shadow.plan.iter().map(|p| &p.channel));
        for channel in used {
            if !channel.trim().is_empty() && channel_index(&channels, channel).is_none() {
                channels.push(channel.clone());
            }
        }
        let stage_count = map.stages.len();
        let mut notes = vec![vec![0usize; stage_count]; channels.len()];
        let mut votes = vec![vec![0u32; stage_count]; channels.len()];
        let positions: std::collections::HashMap<&str, usize> = map
            .stages
            .iter()
            .enumerate()
            .map(|(s, stage)| (stage.id.as_str(), s))
            .collect();
        for note in &map.shadow.notes {
            if let (Some(&s), Some(c)) = (
                positions.get(note.stage.as_str()),
                channel_index(&channels, &note.channel),
            ) {
                notes[c][s] += 1;
            }
        }
        for entry in &map.shadow.plan {
            if let (Some(&s), Some(c)) = (
                positions.get(entry.stage.as_str()),
                channel_index(&channels, &entry.channel),
            ) {
                votes[c][s] = votes[c][s].saturating_add(entry.votes);
            }
        }
        let busiest = notes.iter().flatten().copied().max().unwrap_or(0);
        let mut queue: Vec<Cell> = (0..stage_count)
            .flat_map(|stage| (0..channels.len()).map(move |channel| Cell { stage, channel }))
            .filter(|c| votes[c.channel][c.stage] > 0 || notes[c.channel][c.stage] == 0)
            .collect();
        queue.sort_by(|a, b| {
            votes[b.channel][b.stage]
                .cmp(&votes[a.channel][a.stage])
                .then(notes[a.channel][a.stage].cmp(&notes[b.channel][b.stage]))
                .then(a.stage.cmp(&b.stage))
                .then(a.channel.cmp(&b.channel))
        });
        Coverage {
            channels,
            stage_count,
            notes,
            votes,
            busiest,
            queue,
        }
    }

    /// Notes in a cell (0 outside the matrix).
    pub fn notes_at(&self, cell: Cell) -> usize {
        self.notes
            .get(cell.channel)
            .and_then(|row| row.get(cell.stage))
            .copied()
            .unwrap_or(0)
    }

    /// Plan votes on a cell (0 outside the matrix).
    pub fn votes_at(&self, cell: Cell) -> u32 {
        self.votes
            .get(cell.channel)
            .and_then(|row| row.get(cell.stage))
            .copied()
            .unwrap_or(0)
    }

    /// How many cells have no note at all.
    pub fn gaps(&self) -> usize {
        self.notes.iter().flatten().filter(|&&n| n == 0).count()
    }

    /// A darkness level 0 (a gap) to 4 (as busy as the busiest cell).
    pub fn level(&self, cell: Cell) -> usize {
        let n = self.notes_at(cell);
        if n == 0 || self.busiest == 0 {
            return 0;
        }
        if self.busiest == 1 {
            return 4;
        }
        1 + (n - 1) * 3 / (self.busiest - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{IdGen, NoteId, PlanEntry, ShadowNote, Shared};

    fn map() -> JourneyMap {
        let mut map = JourneyMap::with_stages("t", &["A", "B", "C"], &mut IdGen::seeded(3));
        map.shadow.channels = vec!["Website".into(), "Store".into()];
        let note = |n: usize, stage: usize, channel: &str| {
            Shared::new(ShadowNote {
                id: NoteId(format!("sh-{n}")),
                stage: map.stages[stage].id.clone(),
                channel: channel.into(),
                ..ShadowNote::default()
            })
        };
        map.shadow.notes = vec![
            note(1, 0, "Website"),
            note(2, 0, "website"),
            note(3, 1, "Store"),
            note(4, 2, "Phone"),
        ];
        map.shadow.plan = vec![
            PlanEntry {
                stage: map.stages[2].id.clone(),
                channel: "Store".into(),
                votes: 2,
                ..PlanEntry::default()
            },
            PlanEntry {
                stage: map.stages[0].id.clone(),
                channel: "Website".into(),
                votes: 2,
                ..PlanEntry::default()
            },
        ];
        map
    }

    #[test]
    fn counts_notes_per_stage_and_channel_ignoring_case() {
        let coverage = Coverage::of(&map());
        assert_eq!(coverage.channels, ["Website", "Store", "Phone"]);
        assert_eq!(coverage.notes, [vec![2, 0, 0], vec![0, 1, 0], vec![0, 0, 1]]);
        assert_eq!(coverage.votes[1], [0, 0, 2]);
        assert_eq!(coverage.busiest, 2);
        assert_eq!(coverage.gaps(), 6);
        assert_eq!(coverage.level(Cell { stage: 0, channel: 0 }), 4);
        assert_eq!(coverage.level(Cell { stage: 1, channel: 1 }), 1);
        assert_eq!(coverage.level(Cell { stage: 2, channel: 0 }), 0);
    }

    #[test]
    fn the_queue_ranks_votes_first_then_fewest_notes() {
        let coverage = Coverage::of(&map());
        let first: Vec<(usize, usize)> = coverage
            .queue
            .iter()
            .take(4)
            .map(|c| (c.stage, c.channel))
            .collect();
        // Both voted cells lead; of those, the one without notes first. Then the gaps
        // in journey order.
        assert_eq!(first, [(2, 1), (0, 0), (0, 1), (0, 2)]);
        // Covered cells without votes stay out: six gaps and the voted covered cell.
        assert_eq!(coverage.queue.len(), 7);
        assert!(!coverage.queue.contains(&Cell { stage: 1, channel: 1 }));
    }
}
