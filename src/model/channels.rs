//! The map's channel list and everything that names a channel (shadow notes, friction
//! points, plan entries): renaming everywhere as one edit, and where a channel is used.

use super::edit::{Edit, Item};
use super::map::JourneyMap;
use super::shadow::PlanEntry;

/// Where a channel is used, for refusing to remove it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Uses {
    pub notes: usize,
    pub frictions: usize,
    pub plan: usize,
}

impl Uses {
    /// Whether nothing names the channel.
    pub fn is_empty(&self) -> bool {
        self.notes + self.frictions + self.plan == 0
    }

    /// The uses in words, e.g. "3 shadow notes, 1 friction point".
    pub fn describe(&self) -> String {
        self.parts().join(", ")
    }

    /// The uses as a list in words, e.g. "3 shadow notes, 1 friction point and 2 plan entries".
    pub fn listed(&self) -> String {
        let mut parts = self.parts();
        match parts.pop() {
            Some(last) if !parts.is_empty() => format!("{} and {last}", parts.join(", ")),
            Some(last) => last,
            None => String::new(),
        }
    }

    fn parts(&self) -> Vec<String> {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        let mut parts = Vec::new();
        if self.notes > 0 {
            parts.push(plural(self.notes, "shadow note"));
        }
        if self.frictions > 0 {
            parts.push(plural(self.frictions, "friction point"));
        }
        if self.plan > 0 {
            parts.push(plural(self.plan, "plan entry").replace("entrys", "entries"));
        }
        parts
    }
}

/// How many notes, friction points and plan entries name `channel` (exactly).
pub fn uses(map: &JourneyMap, channel: &str) -> Uses {
    Uses {
        notes: map.shadow.notes.iter().filter(|n| n.channel == channel).count(),
        frictions: map
            .stages
            .iter()
            .flat_map(|s| &s.frictions)
            .filter(|f| f.channel == channel)
            .count(),
        plan: map.shadow.plan.iter().filter(|p| p.channel == channel).count(),
    }
}

/// The uses of every channel of the map's list, in list order, in one pass over the map.
pub fn uses_of_list(map: &JourneyMap) -> Vec<Uses> {
    let mut uses = vec![Uses::default(); map.shadow.channels.len()];
    let position: std::collections::HashMap<&str, usize> = map
        .shadow
        .channels
        .iter()
        .enumerate()
        .rev()
        .map(|(i, c)| (c.as_str(), i))
        .collect();
    let mut count = |channel: &str, field: fn(&mut Uses) -> &mut usize| {
        if let Some(&i) = position.get(channel) {
            *field(&mut uses[i]) += 1;
        }
    };
    for note in &map.shadow.notes {
        count(&note.channel, |u| &mut u.notes);
    }
    for friction in map.stages.iter().flat_map(|s| &s.frictions) {
        count(&friction.channel, |u| &mut u.frictions);
    }
    for entry in &map.shadow.plan {
        count(&entry.channel, |u| &mut u.plan);
    }
    uses
}

/// Renames `old` to `new` in the channel list, every shadow note, every friction point
/// and the plan, as one edit. When `new` is already in the list the two merge (plan votes
/// on the same stage add up). `None` when there is nothing to change.
pub fn rename(map: &JourneyMap, old: &str, new: &str) -> Option<Edit> {
    let new = new.trim();
    if new.is_empty() || old == new {
        return None;
    }
    let mut edits = Vec::new();
    let mut channels: Vec<String> = Vec::with_capacity(map.shadow.channels.len());
    for channel in &map.shadow.channels {
        let renamed = if channel == old { new } else { channel.as_str() };
        if !channels.iter().any(|c| c == renamed) {
            channels.push(renamed.to_owned());
        }
    }
    if channels != map.shadow.channels {
        edits.push(Edit::SetChannels(channels));
    }
    for (n, note) in map.shadow.notes.iter().enumerate() {
        if note.channel == old {
            let mut renamed = note.clone();
            renamed.channel = new.to_owned();
            edits.push(Edit::ReplaceNote {
                at: n,
                note: Box::new(renamed),
            });
        }
    }
    for (s, stage) in map.stages.iter().enumerate() {
        for (f, friction) in stage.frictions.iter().enumerate() {
            if friction.channel == old {
                let mut renamed = friction.clone();
                renamed.channel = new.to_owned();
                edits.push(Edit::ReplaceItem {
                    stage: s,
                    at: f,
                    item: Item::Friction(renamed),
                });
            }
        }
    }
    if map.shadow.plan.iter().any(|p| p.channel == old) {
        let mut plan: Vec<PlanEntry> = Vec::with_capacity(map.shadow.plan.len());
        for entry in &map.shadow.plan {
            let channel = if entry.channel == old { new } else { &entry.channel };
            match plan
                .iter_mut()
                .find(|p| p.stage == entry.stage && p.channel == channel)
            {
                Some(existing) => existing.votes = existing.votes.saturating_add(entry.votes),
                None => plan.push(PlanEntry {
                    channel: channel.to_owned(),
                    ..entry.clone()
                }),
            }
        }
        edits.push(Edit::SetPlan(plan));
    }
    (!edits.is_empty()).then_some(Edit::Batch(edits))
}

/// Removes `channel` from the list, if nothing uses it; otherwise says where it is used.
pub fn remove(map: &JourneyMap, channel: &str) -> Result<Edit, Uses> {
    let used = uses(map, channel);
    if !used.is_empty() {
        return Err(used);
    }
    let mut channels = map.shadow.channels.clone();
    channels.retain(|c| c != channel);
    Ok(Edit::SetChannels(channels))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Friction, FrictionId, IdGen, NoteId, ShadowNote};

    fn map() -> JourneyMap {
        let mut map = JourneyMap::with_stages("t", &["A", "B"], &mut IdGen::seeded(9));
        map.shadow.channels = vec!["Web".into(), "Store".into(), "Website".into()];
        let mut friction = Friction::new(FrictionId("fr-1".into()), "slow".into());
        friction.channel = "Web".into();
        map.stages[1].frictions.push(friction);
        map.shadow.notes.push(ShadowNote {
            id: NoteId("sh-1".into()),
            stage: map.stages[0].id.clone(),
            channel: "Web".into(),
            ..ShadowNote::default()
        });
        map.shadow.notes.push(ShadowNote {
            id: NoteId("sh-2".into()),
            stage: map.stages[0].id.clone(),
            channel: "Store".into(),
            ..ShadowNote::default()
        });
        for (channel, votes) in [("Web", 2), ("Website", 1)] {
            map.shadow.plan.push(PlanEntry {
                stage: map.stages[0].id.clone(),
                channel: channel.into(),
                votes,
                ..PlanEntry::default()
            });
        }
        map
    }

    #[test]
    fn renaming_updates_every_reference_and_undoes_as_one() {
        let original = map();
        let mut renamed = original.clone();
        let edit = rename(&renamed, "Web", "Mobile web").unwrap();
        let inverse = edit.apply(&mut renamed).unwrap();
        assert_eq!(renamed.shadow.channels, ["Mobile web", "Store", "Website"]);
        assert_eq!(renamed.shadow.notes[0].channel, "Mobile web");
        assert_eq!(renamed.shadow.notes[1].channel, "Store");
        assert_eq!(renamed.stages[1].frictions[0].channel, "Mobile web");
        assert_eq!(renamed.shadow.plan[0].channel, "Mobile web");
        assert_eq!(uses(&renamed, "Web"), Uses::default());
        inverse.apply(&mut renamed).unwrap();
        assert_eq!(renamed, original);
        let listed: Vec<Uses> = original
            .shadow
            .channels
            .iter()
            .map(|c| uses(&original, c))
            .collect();
        assert_eq!(uses_of_list(&original), listed);
    }

    #[test]
    fn renaming_onto_an_existing_channel_merges_the_two() {
        let mut map = map();
        rename(&map, "Web", "Website").unwrap().apply(&mut map).unwrap();
        assert_eq!(map.shadow.channels, ["Website", "Store"]);
        assert_eq!(map.shadow.plan.len(), 1);
        assert_eq!(map.shadow.plan[0].votes, 3);
        assert_eq!(rename(&map, "Store", "  "), None);
    }

    #[test]
    fn a_channel_in_use_is_not_removed_and_says_where() {
        let mut map = map();
        let used = remove(&map, "Web").unwrap_err();
        assert_eq!(used.describe(), "1 shadow note, 1 friction point, 1 plan entry");
        assert_eq!(remove(&map, "Website").unwrap_err().plan, 1);
        map.shadow.plan.remove(1);
        remove(&map, "Website").unwrap().apply(&mut map).unwrap();
        assert_eq!(map.shadow.channels, ["Web", "Store"]);
    }
}
