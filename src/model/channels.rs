//! The map's channel list and everything that names a channel (shadow notes, friction
//! points, plan entries): the channels it knows, adopting a typed one, near-twins,
//! renaming everywhere as one edit, and where a channel is used. What a typed name
//! stands for ("Email" is "E-mail") is `channel_names`.

use std::collections::HashSet;

use super::edit::{Edit, Item};
use super::ids::IdHashing;
use super::map::JourneyMap;
use super::shadow::{PlanEntry, ShadowNote};

pub use super::channel_names::{canonical, complete, resolve, same};
use super::channel_names::{canonical_chars, spelled_for_list};

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
        crate::text::list::in_words(&self.parts())
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

/// Where `channel` is in `channels`: the exact spelling first, else its twin.
pub fn position(channels: &[String], channel: &str) -> Option<usize> {
    channels
        .iter()
        .position(|c| c == channel)
        .or_else(|| channels.iter().position(|c| same(c, channel)))
}

/// Every channel the map knows: its list, then any channel a friction point, shadow note
/// or plan entry names that the list lacks (one spelling per twin, first use first).
pub fn known(map: &JourneyMap) -> Vec<String> {
    known_with_source(map).into_iter().map(|(name, _)| name).collect()
}

/// Where a channel of [`known`] first appears, for pointing at it in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    List(usize),
    Friction { stage: usize, at: usize },
    Note(usize),
    Plan(usize),
}

/// [`known`], each with where it first appears.
pub fn known_with_source(map: &JourneyMap) -> Vec<(String, Source)> {
    let mut seen = std::collections::HashSet::new();
    spellings(map)
        .into_iter()
        .filter(|(name, _)| seen.insert(canonical(name)))
        .collect()
}

/// Every spelling of a channel in the map (the list's, then friction points', notes'
/// and the plan's), each once, with where it first appears: twins included, for
/// finding them.
pub fn spellings<'m>(map: &'m JourneyMap) -> Vec<(String, Source)> {
    let mut found: Vec<(String, Source)> = Vec::with_capacity(map.shadow.channels.len());
    // Borrowed and fast-hashed: every note names a channel, few name a new one.
    let mut seen: HashSet<&'m str, IdHashing> = HashSet::default();
    let mut take = |name: &'m str, source: Source| {
        if seen.insert(name) && !name.trim().is_empty() {
            found.push((name.to_owned(), source));
        }
    };
    for (i, channel) in map.shadow.channels.iter().enumerate() {
        take(channel, Source::List(i));
    }
    for (s, stage) in map.stages.iter().enumerate() {
        for (f, friction) in stage.frictions.iter().enumerate() {
            take(&friction.channel, Source::Friction { stage: s, at: f });
        }
    }
    for (n, note) in map.shadow.notes.iter().enumerate() {
        take(&note.channel, Source::Note(n));
    }
    for (p, entry) in map.shadow.plan.iter().enumerate() {
        take(&entry.channel, Source::Plan(p));
    }
    found
}

/// A channel as the map will spell it, and the edit putting it on the map's list when
/// it is not there yet.
#[derive(Debug, Clone, PartialEq)]
pub struct Adopted {
    /// The spelling to store: the map's own when `typed` is a twin of one it knows.
    pub name: String,
    /// Adds the channel to the list (`None` when the list has it).
    pub edit: Option<Edit>,
    /// Whether no friction point, note or plan entry named it before.
    pub new: bool,
}

/// `typed` as a channel of `map`: the known spelling of its twin if there is one, and the
/// edit that keeps the list complete. `None` for an empty name.
pub fn adopt(map: &JourneyMap, typed: &str) -> Option<Adopted> {
    adopt_among(map, typed, || known(map))
}

/// [`adopt`], with the map's [`known`] channels from `known` (asked only when the typed
/// channel is not in the map's list).
pub fn adopt_among(map: &JourneyMap, typed: &str, known: impl FnOnce() -> Vec<String>) -> Option<Adopted> {
    let typed = typed.trim();
    if typed.is_empty() {
        return None;
    }
    if let Some(i) = position(&map.shadow.channels, typed) {
        return Some(Adopted {
            name: map.shadow.channels[i].clone(),
            edit: None,
            new: false,
        });
    }
    let used = known().into_iter().find(|c| same(c, typed));
    let new = used.is_none();
    let name = used.unwrap_or_else(|| spelled_for_list(typed));
    let mut channels = map.shadow.channels.clone();
    channels.push(name.clone());
    Some(Adopted {
        name,
        edit: Some(Edit::SetChannels(channels)),
        new,
    })
}

/// Pairs of channels (by position in `names`) that look like one channel spelled two
/// ways: the same but for case, spaces and hyphens ("Email", "E-mail"), a plural
/// ("Store", "Stores"), or one letter apart in names of six letters or more
/// ("Webiste", "Website").
pub fn near_twins(names: &[String]) -> Vec<(usize, usize)> {
    let forms: Vec<Vec<char>> = names.iter().map(|n| canonical_chars(n).collect()).collect();
    let mut twins = Vec::new();
    for (i, a) in forms.iter().enumerate() {
        for (j, b) in forms.iter().enumerate().skip(i + 1) {
            if !a.is_empty() && !b.is_empty() && look_alike(a, b) {
                twins.push((i, j));
            }
        }
    }
    twins
}

fn look_alike(a: &[char], b: &[char]) -> bool {
    let singular = |w: &[char]| {
        w.strip_suffix(&['s'])
            .map_or_else(|| w.to_vec(), <[char]>::to_vec)
    };
    a == b || singular(a) == singular(b) || (a.len().min(b.len()) >= 6 && one_edit_apart(a, b))
}

/// Whether one insertion, deletion, substitution or swap of neighbours turns `a` into `b`.
fn one_edit_apart(a: &[char], b: &[char]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let common = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    match long.len() - short.len() {
        0 if common == short.len() => false,
        0 => {
            let rest = common + 1;
            short[rest..] == long[rest..]
                || (rest < short.len()
                    && short[common] == long[rest]
                    && short[rest] == long[common]
                    && short[rest + 1..] == long[rest + 1..])
        }
        1 => short[common..] == long[common + 1..],
        _ => false,
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
            let mut renamed = ShadowNote::clone(note);
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
    use crate::model::{Friction, FrictionId, IdGen, NoteId, ShadowNote, Shared};

    fn map() -> JourneyMap {
        let mut map = JourneyMap::with_stages("t", &["A", "B"], &mut IdGen::seeded(9));
        map.shadow.channels = vec!["Web".into(), "Store".into(), "Website".into()];
        let mut friction = Friction::new(FrictionId("fr-1".into()), "slow".into());
        friction.channel = "Web".into();
        map.stages[1].frictions.push(friction);
        for (id, channel) in [("sh-1", "Web"), ("sh-2", "Store")] {
            map.shadow.notes.push(Shared::new(ShadowNote {
                id: NoteId(id.into()),
                stage: map.stages[0].id.clone(),
                channel: channel.into(),
                ..ShadowNote::default()
            }));
        }
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

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn channels_are_one_whatever_their_case_spaces_and_hyphens() {
        assert_eq!(canonical("Contact-centre call"), "contactcentrecall");
        assert!(same("Email", "E-mail"));
        assert!(same("e mail", "E‐MAIL"), "a typographic hyphen too");
        assert!(same("mobile_app", "Mobile app"));
        assert!(!same("Mail", "E-mail"));
        let list = names(&["E-mail", "email", "Store"]);
        assert_eq!(position(&list, "email"), Some(1), "the exact spelling first");
        assert_eq!(position(&list, "EMAIL"), Some(0));
        assert_eq!(position(&list, "Phone"), None);
    }

    #[test]
    fn the_known_channels_are_the_list_then_those_only_used() {
        let mut map = map();
        map.stages[0].frictions.push(Friction {
            channel: "Phone".into(),
            ..Friction::default()
        });
        map.stages[0].frictions.push(Friction {
            channel: "WEB".into(),
            ..Friction::default()
        });
        map.shadow.notes[1].channel = "phone".into();
        let known = known_with_source(&map);
        let spelled: Vec<&str> = known.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(spelled, ["Web", "Store", "Website", "Phone"]);
        assert_eq!(known[3].1, Source::Friction { stage: 0, at: 0 });
        let all: Vec<String> = spellings(&map).into_iter().map(|(n, _)| n).collect();
        assert_eq!(all, ["Web", "Store", "Website", "Phone", "WEB", "phone"]);
    }

    #[test]
    fn adopting_a_channel_keeps_the_list_whole_and_the_map_s_spelling() {
        let mut map = map();
        assert_eq!(adopt(&map, "  "), None);
        let store = adopt(&map, "store").unwrap();
        assert_eq!(
            (store.name.as_str(), &store.edit, store.new),
            ("Store", &None, false)
        );
        map.stages[0].frictions.push(Friction {
            channel: "Phone".into(),
            ..Friction::default()
        });
        let phone = adopt(&map, "phone").unwrap();
        assert_eq!((phone.name.as_str(), phone.new), ("Phone", false));
        phone.edit.unwrap().apply(&mut map).unwrap();
        assert_eq!(map.shadow.channels.last().map(String::as_str), Some("Phone"));
        let fax = adopt(&map, " Fax ").unwrap();
        assert_eq!((fax.name.as_str(), fax.new), ("Fax", true));
    }

    #[test]
    fn near_twins_are_spellings_plurals_and_typos_not_different_words() {
        let list = names(&[
            "Email",
            "E-mail",
            "Store",
            "Stores",
            "Website",
            "Webiste",
            "Phone",
            "iPhone",
            "Mail",
            "Chat",
            "Chatbot",
            "Mobile app",
            "Mobil app",
        ]);
        let pairs: Vec<(&str, &str)> = near_twins(&list)
            .into_iter()
            .map(|(a, b)| (list[a].as_str(), list[b].as_str()))
            .collect();
        assert_eq!(
            pairs,
            [
                ("Email", "E-mail"),
                ("Store", "Stores"),
                ("Website", "Webiste"),
                ("Mobile app", "Mobil app")
            ]
        );
        assert!(one_edit_apart(&['a', 'b', 'c'], &['a', 'c', 'b']));
        assert!(one_edit_apart(&['a', 'b'], &['a', 'x', 'b']));
        assert!(!one_edit_apart(&['a', 'b'], &['b', 'a', 'c']));
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
