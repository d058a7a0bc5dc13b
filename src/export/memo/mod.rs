//! The friction memo: every friction point, stage by stage, as an observation with its
//! evidence and shadow notes; who walked the journey, when, on what; what is not yet
//! observed; never an opportunity. [`Memo::build`] gathers the facts, renderers lay out.

mod html;
mod markdown;
mod text;

use crate::model::{JourneyMap, Severity, Status};

/// The formats the memo is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemoFormat {
    Markdown,
    Text,
    Html,
}

impl MemoFormat {
    /// Every memo format, in menu order.
    pub const ALL: [MemoFormat; 3] = [MemoFormat::Markdown, MemoFormat::Text, MemoFormat::Html];

    /// The format for its command-line name (`md`, `txt`, `html`).
    pub fn parse(name: &str) -> Option<MemoFormat> {
        match name.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(MemoFormat::Markdown),
            "txt" | "text" => Some(MemoFormat::Text),
            "html" => Some(MemoFormat::Html),
            _ => None,
        }
    }

    /// The name on the command line, which is also the file extension.
    pub fn name(self) -> &'static str {
        match self {
            MemoFormat::Markdown => "md",
            MemoFormat::Text => "txt",
            MemoFormat::Html => "html",
        }
    }

    /// The memo in this format.
    pub fn render(self, memo: &Memo) -> String {
        match self {
            MemoFormat::Markdown => markdown::render(memo),
            MemoFormat::Text => text::render(memo),
            MemoFormat::Html => html::render(memo),
        }
    }
}

/// What the writer adds that the map may not hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MemoOptions {
    /// Leave out fixed and won't-fix friction points.
    pub open_only: bool,
    /// Who walked the journey (instead of the shadow notes' observers).
    pub observers: Vec<String>,
    /// When (instead of the shadow notes' date range), as the writer puts it.
    pub dates: Option<String>,
    /// The devices used (phone, laptop, screen reader…).
    pub devices: Vec<String>,
    /// The day the memo was written, shown only when given.
    pub written: Option<String>,
}

/// A shadow note quoted under the friction point it revealed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub text: String,
    pub observer: String,
    pub date: Option<String>,
}

/// One friction point, as an observation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Observation {
    pub text: String,
    pub channel: String,
    pub severity: Severity,
    pub votes: u32,
    pub status: Status,
    pub evidence: Vec<String>,
    pub quotes: Vec<Quote>,
}

impl Observation {
    /// Channel, severity, votes and (when not open) status, as one line of plain words.
    pub fn facts(&self, escape: impl Fn(&str) -> String) -> String {
        let mut parts = Vec::new();
        if !self.channel.is_empty() {
            parts.push(escape(&self.channel));
        }
        parts.push(format!(
            "severity {} ({})",
            self.severity.number(),
            self.severity.word()
        ));
        parts.push(format!(
            "{} vote{}",
            self.votes,
            if self.votes == 1 { "" } else { "s" }
        ));
        if self.status != Status::Open {
            parts.push(self.status.label().to_owned());
        }
        parts.join(" · ")
    }
}

/// A stage of the journey and what was observed there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemoStage {
    pub number: usize,
    pub name: String,
    pub points: Vec<Observation>,
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
    /// The stage with the most friction points (the first, on a tie) and how many.
    pub busiest: Option<(String, usize)>,
    /// Fixed and won't-fix points left out.
    pub left_out: usize,
    pub stages: Vec<MemoStage>,
    pub unobserved_stages: Vec<String>,
    pub unobserved_channels: Vec<String>,
}

/// Quotes are cut to about this many characters, at a word.
const QUOTE_CHARS: usize = 160;

fn shorten(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let joined = words.join(" ");
    if joined.chars().count() <= QUOTE_CHARS {
        return joined;
    }
    let mut out = String::new();
    for word in words {
        if out.chars().count() + word.chars().count() + 1 > QUOTE_CHARS {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        out = joined.chars().take(QUOTE_CHARS).collect();
    }
    out.push('…');
    out
}

/// The UTC day of an RFC 3339 time, if it is one.
fn day(at: &str) -> Option<String> {
    let timestamp: jiff::Timestamp = at.trim().parse().ok()?;
    Some(timestamp.to_zoned(jiff::tz::TimeZone::UTC).date().to_string())
}

fn push_unique(list: &mut Vec<String>, item: &str) {
    let item = item.trim();
    if !item.is_empty() && !list.iter().any(|i| i == item) {
        list.push(item.to_owned());
    }
}

impl Memo {
    /// Gathers the memo's facts from the map.
    pub fn build(map: &JourneyMap, options: &MemoOptions) -> Memo {
        let notes = &map.shadow.notes;
        let mut observers = Vec::new();
        let mut days: Vec<String> = Vec::new();
        for note in notes {
            push_unique(&mut observers, &note.observer);
            days.extend(day(&note.at));
        }
        if !options.observers.is_empty() {
            observers.clear();
            for observer in &options.observers {
                push_unique(&mut observers, observer);
            }
        }
        days.sort();
        let when = options
            .dates
            .clone()
            .filter(|d| !d.trim().is_empty())
            .or_else(|| match (days.first(), days.last()) {
                (Some(first), Some(last)) if first == last => Some(first.clone()),
                (Some(first), Some(last)) => Some(format!("{first} to {last}")),
                _ => None,
            });

        let mut left_out = 0;
        let stages: Vec<MemoStage> = map
            .stages
            .iter()
            .enumerate()
            .map(|(i, stage)| {
                let points = stage
                    .frictions
                    .iter()
                    .filter(|f| {
                        let shown = !(options.open_only && f.status.is_closed());
                        left_out += usize::from(!shown);
                        shown
                    })
                    .map(|f| Observation {
                        text: f.text.clone(),
                        channel: f.channel.clone(),
                        severity: f.severity,
                        votes: f.votes,
                        status: f.status,
                        evidence: f.evidence.clone(),
                        quotes: notes
                            .iter()
                            .filter(|n| n.friction.as_ref() == Some(&f.id) && !n.text.trim().is_empty())
                            .map(|n| Quote {
                                text: shorten(&n.text),
                                observer: n.observer.trim().to_owned(),
                                date: day(&n.at),
                            })
                            .collect(),
                    })
                    .collect();
                MemoStage {
                    number: i + 1,
                    name: stage.name.clone(),
                    points,
                }
            })
            .collect();

        let observed: Vec<String> = notes.iter().map(|n| n.channel.trim().to_owned()).collect();
        let mut known = Vec::new();
        for channel in &map.shadow.channels {
            push_unique(&mut known, channel);
        }
        // The header names the channels the journey was walked on: those of the shadow
        // notes, in the map's channel order, then any others as the notes met them.
        let mut channels: Vec<String> = known.iter().filter(|c| observed.contains(c)).cloned().collect();
        for channel in &observed {
            push_unique(&mut channels, channel);
        }
        let mut all_channels = known;
        for stage in &stages {
            for point in &stage.points {
                push_unique(&mut all_channels, &point.channel);
            }
        }
        for channel in &observed {
            push_unique(&mut all_channels, channel);
        }
        let unobserved_channels = all_channels
            .into_iter()
            .filter(|c| !observed.contains(c))
            .collect();
        let unobserved_stages = map
            .stages
            .iter()
            .filter(|s| !notes.iter().any(|n| n.stage == s.id))
            .map(|s| s.name.clone())
            .collect();

        let total = stages.iter().map(|s| s.points.len()).sum();
        let severe = stages
            .iter()
            .flat_map(|s| &s.points)
            .filter(|p| p.severity == Severity::Severe)
            .count();
        let busiest = stages
            .iter()
            .filter(|s| !s.points.is_empty())
            .fold(None::<&MemoStage>, |best, s| match best {
                Some(b) if b.points.len() >= s.points.len() => Some(b),
                _ => Some(s),
            })
            .map(|s| (s.name.clone(), s.points.len()));
        let mut devices = Vec::new();
        for device in &options.devices {
            push_unique(&mut devices, device);
        }
        Memo {
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
            stages,
            unobserved_stages,
            unobserved_channels,
        }
    }

    /// The bottom line in one sentence, names passed through `escape`.
    pub fn bottom_line(&self, escape: impl Fn(&str) -> String) -> String {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        let mut line = if self.total == 0 {
            "No friction points recorded".to_owned()
        } else {
            format!("{}, {} severe", plural(self.total, "friction point"), self.severe)
        };
        if let Some((name, count)) = &self.busiest {
            line.push_str(&format!("; the most in {} ({count})", escape(name)));
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
            rows.push(("Persona", escape(&self.persona)));
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
}

/// The memo for a map in one call.
pub fn memo(map: &JourneyMap, options: &MemoOptions, format: MemoFormat) -> String {
    format.render(&Memo::build(map, options))
}

/// The text a quote's source line ends with: "Thandi, 2026-11-08".
fn source(quote: &Quote) -> String {
    let mut parts = Vec::new();
    if !quote.observer.is_empty() {
        parts.push(quote.observer.as_str());
    }
    if let Some(date) = &quote.date {
        parts.push(date.as_str());
    }
    parts.join(", ")
}

/// When nothing is left to observe.
const ALL_OBSERVED: &str = "Every stage and channel has shadow notes.";
/// A stage without friction points.
const NONE_HERE: &str = "No friction points recorded.";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_cut_at_a_word() {
        let long = "word ".repeat(60);
        let short = shorten(&long);
        assert!(short.ends_with("word…"), "{short}");
        assert!(short.chars().count() <= QUOTE_CHARS + 1);
        assert_eq!(shorten("  two\nlines "), "two lines");
    }

    #[test]
    fn days_are_utc_dates() {
        assert_eq!(day("2026-11-08T23:30:00-02:00").as_deref(), Some("2026-11-09"));
        assert_eq!(day("last tuesday"), None);
    }
}
