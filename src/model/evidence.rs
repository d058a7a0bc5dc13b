//! Evidence follows the observation: a friction point's evidence is its own plus that of
//! every shadow note linked to it, looked up live through [`NoteLinks`]; and where an
//! entry points (a web address, a file in the map's folder, or a file outside it).

use std::collections::{HashMap, HashSet};

use super::friction::Friction;
use super::ids::{FrictionId, IdHashing};
use super::map::JourneyMap;
use super::shadow::{ShadowNote, is_url};

/// The shadow notes linked to each friction point, built once per map in one pass.
#[derive(Debug, Default)]
pub struct NoteLinks<'a> {
    by_friction: HashMap<&'a str, Vec<usize>, IdHashing>,
}

impl<'a> NoteLinks<'a> {
    /// The links of `map`'s notes, by friction id.
    pub fn new(map: &'a JourneyMap) -> Self {
        let mut links = Self::default();
        for (n, note) in map.shadow.notes.iter().enumerate() {
            links.add(n, note);
        }
        links
    }

    /// Takes in the note at position `n`, for a caller reading the notes anyway (notes
    /// added in note order).
    pub fn add(&mut self, n: usize, note: &'a ShadowNote) {
        if let Some(id) = &note.friction {
            self.by_friction.entry(id.as_str()).or_default().push(n);
        }
    }

    /// The positions of the notes linked to the friction point `id`, in note order.
    pub fn notes(&self, id: &FrictionId) -> &[usize] {
        self.by_friction.get(id.as_str()).map_or(&[], Vec::as_slice)
    }

    /// How many of `map`'s shadow notes are linked to no friction point of it (a link to
    /// a point that is gone counts as none).
    pub fn unlinked(&self, map: &JourneyMap) -> usize {
        let ids: HashSet<&str, IdHashing> = map
            .stages
            .iter()
            .flat_map(|s| &s.frictions)
            .map(|f| f.id.as_str())
            .collect();
        let linked: usize = self
            .by_friction
            .iter()
            .filter(|(id, _)| ids.contains(*id))
            .map(|(_, notes)| notes.len())
            .sum();
        map.shadow.notes.len().saturating_sub(linked)
    }
}

/// A friction point's evidence: its own entries, then its linked notes' (in note order),
/// each entry once and blank ones left out.
pub fn friction_evidence<'a>(map: &'a JourneyMap, links: &NoteLinks, friction: &'a Friction) -> Vec<&'a str> {
    let notes = links.notes(&friction.id).iter().map(|&n| &*map.shadow.notes[n]);
    evidence_of(&friction.evidence, notes)
}

/// `own` entries then those of `notes`, each once, blank ones left out.
pub fn evidence_of<'a>(own: &'a [String], notes: impl Iterator<Item = &'a ShadowNote>) -> Vec<&'a str> {
    let mut all: Vec<&str> = Vec::new();
    for entry in own.iter().chain(notes.flat_map(|n| &n.evidence)) {
        let entry = entry.trim();
        if !entry.is_empty() && !all.contains(&entry) {
            all.push(entry);
        }
    }
    all
}

/// The words of a text, lower case, each followed by a space after a leading one
/// (" a b "), written into `out` (cleared first), for comparing what two texts say.
fn words_into(text: &str, out: &mut String) {
    out.clear();
    out.push(' ');
    // Where the word being read starts, and whether it is ASCII so far.
    let mut word: Option<(usize, bool)> = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            match &mut word {
                Some((_, ascii)) => *ascii &= c.is_ascii(),
                None => word = Some((i, c.is_ascii())),
            }
        } else if let Some((start, ascii)) = word.take() {
            push_word(out, &text[start..i], ascii);
        }
    }
    if let Some((start, ascii)) = word {
        push_word(out, &text[start..], ascii);
    }
}

/// A word lowered onto `out` and a space after it: ASCII copied whole and lowered in
/// place, anything else by `to_lowercase` (which knows a final sigma).
fn push_word(out: &mut String, word: &str, ascii: bool) {
    if ascii {
        let from = out.len();
        out.push_str(word);
        out[from..].make_ascii_lowercase();
    } else {
        out.push_str(&word.to_lowercase());
    }
    out.push(' ');
}

/// A friction point's words, split once, to ask of each of its notes whether it only
/// repeats the point ([`note_repeats_point`] without splitting the point again).
#[derive(Debug, Default)]
pub struct PointWords {
    point: String,
    note: String,
}

impl PointWords {
    pub fn of(point: &str) -> PointWords {
        let mut words = PointWords::default();
        words_into(point, &mut words.point);
        words
    }

    /// Whether `note` says nothing the point does not (see [`note_repeats_point`]).
    pub fn repeated_by(&mut self, note: &str) -> bool {
        words_into(note, &mut self.note);
        self.note.len() == 1 || self.point.contains(self.note.as_str())
    }
}

/// Whether a note says nothing its friction point does not (the point was made from it,
/// or says all it says), so showing it under the point would say the same thing twice.
pub fn note_repeats_point(point: &str, note: &str) -> bool {
    PointWords::of(point).repeated_by(note)
}

/// Where an evidence entry points, judged from its text alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EvidencePlace {
    /// A web address: never checked on disk.
    Web,
    /// A path inside the map's folder (the way evidence travels with the map).
    Beside,
    /// An absolute path, or a relative one that climbs out of the map's folder: allowed,
    /// but it stays behind when the map is copied or shared.
    Outside,
}

/// Where `entry` points: the one rule for every place that shows or checks evidence.
pub fn evidence_place(entry: &str) -> EvidencePlace {
    let entry = entry.trim();
    if is_url(entry) {
        return EvidencePlace::Web;
    }
    let absolute = entry.starts_with(['/', '\\', '~'])
        || entry
            .as_bytes()
            .get(1..3)
            .is_some_and(|s| s == b":\\" || s == b":/");
    if absolute {
        return EvidencePlace::Outside;
    }
    let mut depth = 0usize;
    for part in entry.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." if depth == 0 => return EvidencePlace::Outside,
            ".." => depth -= 1,
            _ => depth += 1,
        }
    }
    EvidencePlace::Beside
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{IdGen, NoteId, Shared};

    fn note(id: &str, friction: Option<&str>, evidence: &[&str]) -> Shared<ShadowNote> {
        Shared::new(ShadowNote {
            id: NoteId(id.into()),
            friction: friction.map(|f| FrictionId(f.into())),
            evidence: evidence.iter().map(|e| (*e).to_owned()).collect(),
            ..ShadowNote::default()
        })
    }

    #[test]
    fn a_point_has_its_own_evidence_then_its_notes_each_once() {
        let mut map = JourneyMap::with_stages("t", &["A"], &mut IdGen::seeded(1));
        let mut friction = Friction::new(FrictionId("fr-1".into()), "Queue".into());
        friction.evidence = vec!["a.jpg".into(), " ".into()];
        map.stages[0].frictions.push(friction);
        map.shadow.notes = vec![
            note("sh-1", Some("fr-1"), &["b.jpg", "a.jpg"]),
            note("sh-2", None, &["c.jpg"]),
            note("sh-3", Some("fr-1"), &[" d.png "]),
            note("sh-4", Some("fr-gone"), &[]),
        ];
        let links = NoteLinks::new(&map);
        assert_eq!(links.notes(&FrictionId("fr-1".into())), [0, 2]);
        let point = &map.stages[0].frictions[0];
        assert_eq!(
            friction_evidence(&map, &links, point),
            ["a.jpg", "b.jpg", "d.png"]
        );
        assert_eq!(
            links.unlinked(&map),
            2,
            "no link, and a link to a point that is gone"
        );
    }

    #[test]
    fn a_note_that_the_point_already_says_is_not_said_again() {
        assert!(note_repeats_point(
            "The queue was past the door.",
            "the queue was past the door"
        ));
        assert!(note_repeats_point(
            "Queue past the door at 12:30, 11 people",
            "Queue past the door"
        ));
        assert!(!note_repeats_point(
            "Queue past the door",
            "Queue past the door; staff on break"
        ));
        assert!(note_repeats_point("Anything", "  "));
    }

    #[test]
    fn outside_means_absolute_or_climbing_out() {
        use EvidencePlace::{Beside, Outside, Web};
        for (entry, place) in [
            ("photos/a.jpg", Beside),
            ("./a.jpg", Beside),
            ("photos/../a.jpg", Beside),
            ("../a.jpg", Outside),
            ("photos/../../a.jpg", Outside),
            ("/home/ana/a.jpg", Outside),
            ("~/Pictures/a.jpg", Outside),
            ("C:\\Users\\ana\\a.jpg", Outside),
            ("https://example.com/a.jpg", Web),
        ] {
            assert_eq!(evidence_place(entry), place, "{entry}");
        }
    }
}
