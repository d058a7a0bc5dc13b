//! What the memo says, gathered from the map in one pass over stages and notes: every
//! friction point as an observation with its evidence (its own and its linked notes'),
//! the notes that add something, the three worst open points, who walked it and when.

use std::collections::HashSet;

use super::MemoOptions;
use super::notes::{NoteFacts, Wanted};
use crate::model::{
    Advice, Friction, JourneyMap, NoteLinks, PointWords, Severity, ShadowNote, Shared, Status,
    friction_evidence, reads_like_solution, written_day,
};

/// A shadow note quoted under the friction point it backs, when it adds to the point.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub text: String,
    pub observer: String,
    pub date: Option<String>,
}

impl Quote {
    /// Who and when, for after the quote: "Thandi, 2026-11-08".
    pub fn source(&self) -> String {
        let mut parts = Vec::new();
        if !self.observer.is_empty() {
            parts.push(self.observer.as_str());
        }
        if let Some(date) = &self.date {
            parts.push(date.as_str());
        }
        parts.join(", ")
    }
}

/// What follows "Top N" where a point of the top three would be said again.
pub const SAID_ABOVE: &str = "(in the top three above)";

/// One friction point, as an observation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Observation {
    pub text: String,
    pub channel: String,
    pub severity: Severity,
    pub votes: u32,
    pub status: Status,
    /// Its own evidence, then its linked notes', each entry once.
    pub evidence: Vec<String>,
    pub quotes: Vec<Quote>,
    /// Where it stands among the three worst open points (1, 2 or 3).
    pub rank: Option<usize>,
    /// Why its text reads like a solution, if it does.
    pub advice: Option<Advice>,
}

impl Observation {
    /// Channel, severity, votes (when there are any) and status (when not open): each
    /// once, as one line of plain words with names passed through `escape`.
    pub fn facts(&self, escape: impl Fn(&str) -> String) -> String {
        let mut parts = Vec::new();
        if !self.channel.trim().is_empty() {
            parts.push(escape(self.channel.trim()));
        }
        parts.push(self.severity.word().to_owned());
        parts.extend(self.after_severity());
        parts.join(" · ")
    }

    /// What a point of the top three says in its stage instead of its text and facts,
    /// which the top three gave: "Top 2 (in the top three above)". Its evidence and notes
    /// follow it there, in journey order.
    pub fn said_above(&self) -> Option<String> {
        self.rank.map(|rank| format!("Top {rank} {SAID_ABOVE}"))
    }

    /// Votes (when there are any) and status (when not open), the facts after severity.
    pub fn after_severity(&self) -> Vec<String> {
        let mut parts = Vec::new();
        if self.votes > 0 {
            parts.push(plural(self.votes as usize, "vote"));
        }
        if self.status != Status::Open {
            parts.push(self.status.label().to_owned());
        }
        parts
    }
}

/// A stage of the journey and what was observed there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemoStage {
    pub number: usize,
    pub name: String,
    pub points: Vec<Observation>,
}

/// One of the three worst open points: where it is in [`Memo::stages`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TopPoint {
    pub stage: usize,
    pub point: usize,
}

/// Everything the memo says, gathered from the map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Memo {
    pub title: String,
    pub persona: String,
    pub observers: Vec<String>,
    pub when: Option<String>,
    /// The channels the journey was walked on: those of the shadow notes.
    pub channels: Vec<String>,
    pub devices: Vec<String>,
    pub written: Option<String>,
    pub total: usize,
    pub severe: usize,
    /// The stage (or the two stages) with the most friction points, when that is more
    /// than one, and how many: a wider tie or single points say nothing worth saying.
    pub busiest: Option<(Vec<String>, usize)>,
    /// Fixed and won't-fix points left out.
    pub left_out: usize,
    /// The three worst open points (severity, then votes, then journey order), when
    /// there are more than three to choose from and they are not all alike.
    pub top: Vec<TopPoint>,
    pub stages: Vec<MemoStage>,
    pub unobserved_stages: Vec<String>,
    pub unobserved_channels: Vec<String>,
    /// Shadow notes linked to no friction point: what the memo does not show.
    pub unlinked_notes: usize,
}

/// On the printed page a quote is cut to about this many characters, at a word...
const QUOTE_CHARS: usize = 160;
/// ...unless it is at most this many longer: cutting a few words saves no line.
const QUOTE_SLACK: usize = 40;

/// `text` on one line, its words one space apart: a quote as every memo holds it.
pub(super) fn single_spaced(text: &str) -> String {
    let mut joined = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(word);
    }
    joined
}

/// A one-line quote cut at a word to fit the printed page ("…"); the Markdown and text
/// memos keep every word.
pub(super) fn shorten(joined: &str) -> String {
    if joined.len() <= QUOTE_CHARS + QUOTE_SLACK || joined.chars().count() <= QUOTE_CHARS + QUOTE_SLACK {
        return joined.to_owned();
    }
    let mut out = String::new();
    let mut count = 0;
    for word in joined.split(' ') {
        let chars = word.chars().count();
        if count + chars + 1 > QUOTE_CHARS {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
            count += 1;
        }
        out.push_str(word);
        count += chars;
    }
    if out.is_empty() {
        out = joined.chars().take(QUOTE_CHARS).collect();
    }
    out.push('…');
    out
}

/// The UTC day of an RFC 3339 time, if it is one.
pub(super) fn day(at: &str) -> Option<String> {
    let at = at.trim();
    if let Some(day) = written_day(at) {
        return Some(day.to_owned());
    }
    let timestamp: jiff::Timestamp = at.parse().ok()?;
    Some(timestamp.to_zoned(jiff::tz::TimeZone::UTC).date().to_string())
}

fn push_unique(list: &mut Vec<String>, seen: &mut HashSet<String>, item: &str) {
    let item = item.trim();
    if !item.is_empty() && !seen.contains(item) {
        seen.insert(item.to_owned());
        list.push(item.to_owned());
    }
}

/// The items trimmed, each once, in their first order; blanks left out.
fn unique<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> Vec<String> {
    let (mut list, mut seen) = (Vec::new(), HashSet::new());
    for item in items {
        push_unique(&mut list, &mut seen, item.as_ref());
    }
    list
}

/// `n word` or `n words`.
pub fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// The notes linked to a point that say more than it does, as quotes (the point's words
/// split once, and only when it has notes).
fn quotes(f: &Friction, linked: &[usize], notes: &[Shared<ShadowNote>]) -> Vec<Quote> {
    if linked.is_empty() {
        return Vec::new();
    }
    let mut point = PointWords::of(&f.text);
    linked
        .iter()
        .map(|&n| &*notes[n])
        .filter(|n| !point.repeated_by(&n.text))
        .map(quote)
        .collect()
}

fn quote(note: &ShadowNote) -> Quote {
    Quote {
        text: single_spaced(&note.text),
        observer: note.observer.trim().to_owned(),
        date: day(&note.at),
    }
}

/// Who walked the journey, when and on which devices: the command line's words, else the
/// map's memo facts, else what the shadow notes say (their observers and dates), which
/// the notes are read for only when wanted.
fn who_when_what<'a>(
    map: &'a JourneyMap,
    options: &MemoOptions,
) -> (Vec<String>, Option<String>, Vec<String>, NoteFacts<'a>) {
    let facts = map.memo.clone().unwrap_or_default();
    let observers = if !options.observers.is_empty() {
        Some(unique(options.observers.iter().cloned()))
    } else if !facts.people().is_empty() {
        Some(unique(facts.people()))
    } else {
        None
    };
    let when = [options.dates.clone(), Some(facts.when.clone())]
        .into_iter()
        .flatten()
        .map(|d| d.trim().to_owned())
        .find(|d| !d.is_empty());
    let wanted = Wanted {
        observers: observers.is_none(),
        days: when.is_none(),
    };
    let notes = NoteFacts::gather(map, wanted);
    let observers = observers.unwrap_or_else(|| unique(&notes.observers));
    let when = when.or_else(|| match notes.days() {
        Some((first, last)) if first == last => Some(first),
        Some((first, last)) => Some(format!("{first} to {last}")),
        None => None,
    });
    let devices = if options.devices.is_empty() {
        unique(facts.device_list())
    } else {
        unique(options.devices.iter().cloned())
    };
    (observers, when, devices, notes)
}

/// Every stage's friction points as observations, counting the closed ones left out.
fn observations(
    map: &JourneyMap,
    links: &NoteLinks,
    options: &MemoOptions,
    left_out: &mut usize,
) -> Vec<MemoStage> {
    let notes = &map.shadow.notes;
    map.stages
        .iter()
        .enumerate()
        .map(|(i, stage)| {
            let points = stage
                .frictions
                .iter()
                .filter(|f| {
                    let shown = !(options.open_only && f.status.is_closed());
                    *left_out += usize::from(!shown);
                    shown
                })
                .map(|f| Observation {
                    text: f.text.trim().to_owned(),
                    channel: f.channel.trim().to_owned(),
                    severity: f.severity,
                    votes: f.votes,
                    status: f.status,
                    evidence: friction_evidence(map, links, f)
                        .into_iter()
                        .map(str::to_owned)
                        .collect(),
                    quotes: quotes(f, links.notes(&f.id), notes),
                    rank: None,
                    advice: reads_like_solution(&f.text),
                })
                .collect();
            MemoStage {
                number: i + 1,
                name: stage.name.clone(),
                points,
            }
        })
        .collect()
}

impl Memo {
    /// Gathers the memo's facts from the map, in time proportional to its size.
    pub fn build(map: &JourneyMap, options: &MemoOptions) -> Memo {
        let (observers, when, devices, notes) = who_when_what(map, options);
        let mut left_out = 0;
        let mut stages = observations(map, &notes.links, options, &mut left_out);
        let known = unique(map.shadow.channels.iter().cloned());
        // The header names the channels the journey was walked on: those of the shadow
        // notes, in the map's channel order, then any others as the notes met them.
        let channels = unique(
            known
                .iter()
                .filter(|c| notes.observed.contains(c.as_str()))
                .map(String::as_str)
                .chain(notes.channels.iter().copied()),
        );
        let unobserved_channels = unique(
            known
                .iter()
                .map(String::as_str)
                .chain(
                    stages
                        .iter()
                        .flat_map(|s| s.points.iter().map(|p| p.channel.as_str())),
                )
                .filter(|c| !notes.observed.contains(c.trim())),
        );
        let noted_stages = &notes.stages;
        let unobserved_stages = map
            .stages
            .iter()
            .filter(|s| !noted_stages.contains(s.id.as_str()))
            .map(|s| s.name.clone())
            .collect();
        // A stage nobody walked and nothing was found in is said once, under "Not yet
        // observed", not again as a heading over "No friction points recorded".
        stages
            .retain(|s| !s.points.is_empty() || noted_stages.contains(map.stages[s.number - 1].id.as_str()));

        let total = stages.iter().map(|s| s.points.len()).sum();
        let severe = stages
            .iter()
            .flat_map(|s| &s.points)
            .filter(|p| p.severity == Severity::Severe)
            .count();
        let most = stages.iter().map(|s| s.points.len()).max().unwrap_or(0);
        let at_most: Vec<String> = stages
            .iter()
            .filter(|s| s.points.len() == most)
            .map(|s| s.name.clone())
            .collect();
        let busiest = (most > 1 && at_most.len() <= 2).then_some((at_most, most));
        let mut memo = Memo {
            title: map.title.clone(),
            persona: map.persona.clone(),
            observers,
            when,
            channels,
            devices,
            written: options.written.clone(),
            total,
            severe,
            busiest,
            left_out,
            top: Vec::new(),
            stages,
            unobserved_stages,
            unobserved_channels,
            unlinked_notes: notes.links.unlinked(map),
        };
        memo.rank_the_worst();
        memo
    }

    /// Marks the three worst open points: severity, then votes, then journey order.
    fn rank_the_worst(&mut self) {
        let mut open: Vec<TopPoint> = self
            .stages
            .iter()
            .enumerate()
            .flat_map(|(s, stage)| {
                stage
                    .points
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| !p.status.is_closed())
                    .map(move |(p, _)| TopPoint { stage: s, point: p })
            })
            .collect();
        if open.len() <= 3 {
            return;
        }
        let rank = |t: &TopPoint| {
            let point = &self.stages[t.stage].points[t.point];
            (std::cmp::Reverse(point.severity), std::cmp::Reverse(point.votes))
        };
        open.sort_by_key(rank);
        // When every open point is as bad as every other, there is no top three to name.
        if open.first().map(rank) == open.last().map(rank) {
            return;
        }
        open.truncate(3);
        for (rank, top) in open.iter().enumerate() {
            self.stages[top.stage].points[top.point].rank = Some(rank + 1);
        }
        self.top = open;
    }

    /// The point a [`TopPoint`] names.
    pub fn point(&self, top: TopPoint) -> &Observation {
        &self.stages[top.stage].points[top.point]
    }

    /// Every point with the stage it is in, in journey order.
    pub fn points(&self) -> impl Iterator<Item = (&MemoStage, &Observation)> {
        self.stages
            .iter()
            .flat_map(|s| s.points.iter().map(move |p| (s, p)))
    }

    /// The bottom line in one sentence, names passed through `escape`.
    pub fn bottom_line(&self, escape: impl Fn(&str) -> String) -> String {
        let mut line = match (self.total, self.severe) {
            (0, _) => "No friction points recorded".to_owned(),
            (total, 0) => plural(total, "friction point"),
            (total, severe) => format!("{}, {severe} severe", plural(total, "friction point")),
        };
        if let Some((names, count)) = &self.busiest {
            let names: Vec<String> = names.iter().map(|n| escape(n)).collect();
            let each = if names.len() > 1 { " each" } else { "" };
            line.push_str(&format!("; the most in {} ({count}{each})", names.join(" and ")));
        }
        line.push('.');
        if self.left_out > 0 {
            line.push_str(&format!(
                " {} fixed or won't fix left out.",
                plural(self.left_out, "point")
            ));
        }
        line
    }

    /// The header facts as (label, value) pairs, values passed through `escape`.
    pub fn header(&self, escape: impl Fn(&str) -> String) -> Vec<(&'static str, String)> {
        let list = |items: &[String]| items.iter().map(|i| escape(i)).collect::<Vec<_>>().join(", ");
        let mut rows = Vec::new();
        if !self.persona.trim().is_empty() {
            rows.push(("Persona", escape(self.persona.trim())));
        }
        let walked = if self.observers.is_empty() {
            "not recorded".to_owned()
        } else {
            list(&self.observers)
        };
        rows.push(("Walked by", walked));
        rows.push((
            "When",
            self.when
                .as_deref()
                .map_or_else(|| "not recorded".to_owned(), &escape),
        ));
        if !self.channels.is_empty() {
            rows.push(("Channels", list(&self.channels)));
        }
        if !self.devices.is_empty() {
            rows.push(("Devices", list(&self.devices)));
        }
        if let Some(written) = &self.written {
            rows.push(("Written", escape(written)));
        }
        rows
    }

    /// What is not yet observed, as (heading, names) with the names passed through
    /// `escape`, one list per kind; empty when every stage and channel has shadow notes.
    /// Names stay apart (never joined with commas) since a name may hold a comma.
    pub fn not_observed(&self, escape: impl Fn(&str) -> String) -> Vec<(&'static str, Vec<String>)> {
        let mut lists = Vec::new();
        for (heading, names) in [
            ("Stages with no shadow notes:", &self.unobserved_stages),
            ("Channels with no shadow notes:", &self.unobserved_channels),
        ] {
            if !names.is_empty() {
                lists.push((heading, names.iter().map(|n| escape(n)).collect()));
            }
        }
        lists
    }

    /// The coach's warnings, one line each: where, the point's text, and why.
    pub fn advice(&self) -> Vec<String> {
        self.points()
            .filter_map(|(stage, point)| {
                let advice = point.advice.as_ref()?;
                Some(format!(
                    "{}. {}: \"{}\" {}",
                    stage.number,
                    stage.name.trim(),
                    shorten(&single_spaced(&point.text)),
                    advice.message()
                ))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_quotes_are_cut_at_a_word_unless_only_a_little_is_over() {
        let long = single_spaced(&"word ".repeat(60));
        let short = shorten(&long);
        assert!(short.ends_with("word…"), "{short}");
        assert!(short.chars().count() <= QUOTE_CHARS + 1);
        let a_little_over = single_spaced(&"word ".repeat(34));
        assert_eq!(
            shorten(&a_little_over),
            a_little_over,
            "170 characters stay whole"
        );
        assert_eq!(single_spaced("  two\nlines "), "two lines");
    }

    #[test]
    fn days_are_utc_dates() {
        assert_eq!(day("2026-11-08T23:30:00-02:00").as_deref(), Some("2026-11-09"));
        assert_eq!(day("last tuesday"), None);
    }
}
