//! Friction points: observations of what slows a customer down, and how bad it is.

use super::extras::Extras;
use super::ids::FrictionId;

/// How bad a friction point is: 1 minor, 2 major, 3 severe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Severity {
    Minor = 1,
    #[default]
    Major = 2,
    Severe = 3,
}

impl Severity {
    /// The severity for a file's integer, if it is 1, 2 or 3.
    pub fn from_number(n: i64) -> Option<Severity> {
        match n {
            1 => Some(Severity::Minor),
            2 => Some(Severity::Major),
            3 => Some(Severity::Severe),
            _ => None,
        }
    }

    /// The integer written in the file.
    pub fn number(self) -> u8 {
        self as u8
    }

    /// The word for it.
    pub fn word(self) -> &'static str {
        match self {
            Severity::Minor => "minor",
            Severity::Major => "major",
            Severity::Severe => "severe",
        }
    }
}

/// Where a friction point stands in the action queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Status {
    #[default]
    Open,
    InProgress,
    Fixed,
    WontFix,
}

impl Status {
    /// Every status, in the order a CX council moves through them.
    pub const ALL: [Status; 4] = [Status::Open, Status::InProgress, Status::Fixed, Status::WontFix];

    /// The status for its file spelling.
    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|status| status.as_str() == s)
    }

    /// The spelling in the file.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::InProgress => "in-progress",
            Status::Fixed => "fixed",
            Status::WontFix => "wont-fix",
        }
    }

    /// The words on screen.
    pub fn label(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::InProgress => "in progress",
            Status::Fixed => "fixed",
            Status::WontFix => "won't fix",
        }
    }

    /// Fixed and won't-fix points are closed: still shown, but dimmed.
    pub fn is_closed(self) -> bool {
        matches!(self, Status::Fixed | Status::WontFix)
    }
}

/// A friction point: where it happened, what happened, how bad, and the evidence.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Friction {
    pub id: FrictionId,
    pub text: String,
    pub severity: Severity,
    pub channel: String,
    pub votes: u32,
    pub owner: String,
    pub status: Status,
    pub evidence: Vec<String>,
    pub extras: Extras,
}

impl Friction {
    /// A new open friction point with default fields.
    pub fn new(id: FrictionId, text: String) -> Self {
        Self {
            id,
            text,
            ..Self::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn severity_is_one_to_three_and_defaults_to_major() {
        assert_eq!(Severity::from_number(0), None);
        assert_eq!(Severity::from_number(4), None);
        assert_eq!(Severity::from_number(-1), None);
        for n in 1..=3 {
            assert_eq!(Severity::from_number(n).map(|s| i64::from(s.number())), Some(n));
        }
        assert_eq!(Severity::default(), Severity::Major);
        assert!(Severity::Severe > Severity::Minor);
    }

    #[test]
    fn status_spellings_round_trip_and_closed_ones_are_fixed_or_wont_fix() {
        for status in Status::ALL {
            assert_eq!(Status::parse(status.as_str()), Some(status));
        }
        assert_eq!(Status::parse("closed"), None);
        assert_eq!(Status::parse("Open"), None, "the file's spelling is exact");
        let closed: Vec<Status> = Status::ALL.into_iter().filter(|s| s.is_closed()).collect();
        assert_eq!(closed, [Status::Fixed, Status::WontFix]);
    }

    #[test]
    fn a_new_friction_point_is_open_major_with_no_votes_owner_channel_or_evidence() {
        let friction = Friction::new(FrictionId("fr-a".into()), "Hours differ".into());
        assert_eq!(friction.text, "Hours differ");
        assert_eq!(
            (friction.severity, friction.status, friction.votes),
            (Severity::Major, Status::Open, 0)
        );
        assert!(friction.owner.is_empty() && friction.channel.is_empty() && friction.evidence.is_empty());
    }
}
