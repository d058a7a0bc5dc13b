//! What the memo needs from the shadow notes, gathered in one pass over them: at 80,000
//! notes each further pass spent most of its time waiting for the notes to come from
//! memory again.

use std::collections::HashSet;

use crate::model::{IdHashing, JourneyMap, NoteLinks};

/// What the memo asks of the notes beyond what it always needs.
#[derive(Debug, Clone, Copy)]
pub(super) struct Wanted {
    /// Their observers: nothing else says who walked the journey.
    pub observers: bool,
    /// Their first and last days: nothing else says when.
    pub days: bool,
}

/// The shadow notes, summed up for the memo.
#[derive(Debug)]
pub(super) struct NoteFacts<'a> {
    /// The notes linked to each friction point.
    pub links: NoteLinks<'a>,
    /// Their observers, trimmed, each once in the order the notes met them (when wanted).
    pub observers: Vec<&'a str>,
    /// Their earliest and latest times (when wanted).
    pub span: Option<(jiff::Timestamp, jiff::Timestamp)>,
    /// Their channels, trimmed, each once in the order the notes met them.
    pub channels: Vec<&'a str>,
    /// The same channels, to ask whether one was walked.
    pub observed: HashSet<&'a str, IdHashing>,
    /// The ids of the stages they were taken in.
    pub stages: HashSet<&'a str, IdHashing>,
}

impl<'a> NoteFacts<'a> {
    pub fn gather(map: &'a JourneyMap, wanted: Wanted) -> NoteFacts<'a> {
        let mut facts = NoteFacts {
            links: NoteLinks::default(),
            observers: Vec::new(),
            span: None,
            channels: Vec::new(),
            observed: HashSet::default(),
            stages: HashSet::default(),
        };
        let mut observers: HashSet<&str, IdHashing> = HashSet::default();
        for (n, note) in map.shadow.notes.iter().enumerate() {
            facts.links.add(n, note);
            let channel = note.channel.trim();
            if !channel.is_empty() && facts.observed.insert(channel) {
                facts.channels.push(channel);
            }
            facts.stages.insert(note.stage.as_str());
            if wanted.observers {
                let observer = note.observer.trim();
                if !observer.is_empty() && observers.insert(observer) {
                    facts.observers.push(observer);
                }
            }
            if wanted.days
                && let Ok(t) = note.at.trim().parse::<jiff::Timestamp>()
            {
                facts.span = Some(match facts.span {
                    None => (t, t),
                    Some((first, last)) => (first.min(t), last.max(t)),
                });
            }
        }
        facts
    }

    /// The first and last UTC days of the notes' times, when they have any (and were
    /// wanted).
    pub fn days(&self) -> Option<(String, String)> {
        let utc_day = |t: jiff::Timestamp| t.to_zoned(jiff::tz::TimeZone::UTC).date().to_string();
        self.span.map(|(first, last)| (utc_day(first), utc_day(last)))
    }
}
