//! How a round is set up: who votes (named, or counted as P1…Pn), votes each, blind or
//! not, and the countdown that keeps the room moving.

use std::collections::HashSet;
use std::time::{Duration, Instant};

/// The most people a round takes.
pub const MOST_PARTICIPANTS: usize = 500;

/// The participants as typed: a number gives P1…Pn, else names separated by commas.
pub fn participants_from(typed: &str) -> Result<Vec<String>, String> {
    let typed = typed.trim();
    if let Ok(count) = typed.parse::<usize>() {
        if !(1..=MOST_PARTICIPANTS).contains(&count) {
            return Err(format!("A round takes 1 to {MOST_PARTICIPANTS} people"));
        }
        return Ok((1..=count).map(|n| format!("P{n}")).collect());
    }
    let names: Vec<String> = typed
        .split(',')
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
        .collect();
    if names.is_empty() {
        return Err("Name the people who vote (Ana, Ben, Cy) or say how many (3)".to_owned());
    }
    if names.len() > MOST_PARTICIPANTS {
        return Err(format!("A round takes 1 to {MOST_PARTICIPANTS} people"));
    }
    let mut seen = HashSet::new();
    if let Some(twice) = names.iter().find(|name| !seen.insert(name.to_lowercase())) {
        return Err(format!(
            "“{twice}” is named twice: give each person a different name"
        ));
    }
    Ok(names)
}

/// A countdown that keeps the room moving.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timer {
    pub length: Duration,
    pub started: Instant,
}

impl Timer {
    /// Time left at `now` (zero once it is up).
    pub fn remaining(&self, now: Instant) -> Duration {
        self.length
            .saturating_sub(now.saturating_duration_since(self.started))
    }

    /// The time left as the status bar shows it: "4:05 left", or "time is up".
    pub fn label(&self, now: Instant) -> String {
        let left = self.remaining(now);
        if left.is_zero() {
            return "time is up".to_owned();
        }
        let seconds = left.as_secs() + u64::from(left.subsec_nanos() > 0);
        format!("{}:{:02} left", seconds / 60, seconds % 60)
    }
}

/// How a round is set up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundSetup {
    pub participants: Vec<String>,
    pub votes_each: u32,
    /// Counts stay hidden until the round ends.
    pub blind: bool,
    /// The countdown's length, if the room wants one.
    pub timer: Option<Duration>,
    /// Keep who voted what in the map (otherwise only the totals are kept).
    pub keep_ballots: bool,
}
