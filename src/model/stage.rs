//! Stages (the grid's columns) and what each holds: goal, touchpoints, emotion,
//! friction points, opportunities and optional metrics.

use super::extras::Extras;
use super::friction::Friction;
use super::ids::StageId;
use super::lane::ListLane;
use super::opportunity::Opportunity;

/// An emotion score on the signed scale -2 (very negative) … +2 (very positive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Score(i8);

impl Score {
    pub const MIN: i8 = -2;
    pub const MAX: i8 = 2;
    pub const NEUTRAL: Score = Score(0);

    /// The score for a file's integer, if it is within -2..=2.
    pub fn new(value: i64) -> Option<Score> {
        i8::try_from(value)
            .ok()
            .filter(|v| (Self::MIN..=Self::MAX).contains(v))
            .map(Score)
    }

    /// The integer written in the file.
    pub fn value(self) -> i8 {
        self.0
    }

    /// One step more positive, stopping at +2.
    pub fn raised(self) -> Score {
        Score((self.0 + 1).min(Self::MAX))
    }

    /// One step more negative, stopping at -2.
    pub fn lowered(self) -> Score {
        Score((self.0 - 1).max(Self::MIN))
    }

    /// The score as people say it: -1, 0, +1.
    pub fn signed(self) -> String {
        if self.0 == 0 {
            "0".to_owned()
        } else {
            format!("{:+}", self.0)
        }
    }

    /// Arrows for the score, so it reads without colour; never confused with a friction
    /// point's severity (▲) or votes (●).
    pub fn glyph(self) -> &'static str {
        match self.0 {
            ..=-2 => "↓↓",
            -1 => "↓",
            0 => "=",
            1 => "↑",
            _ => "↑↑",
        }
    }

    /// The words for the score.
    pub fn word(self) -> &'static str {
        match self.0 {
            ..=-2 => "very negative",
            -1 => "negative",
            0 => "neutral",
            1 => "positive",
            _ => "very positive",
        }
    }
}

/// What the customer feels in a stage: a score (absent until scored) and a note.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Emotion {
    pub score: Option<Score>,
    pub note: String,
    pub extras: Extras,
}

/// Measures attached to a stage; any of them may be absent.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Metrics {
    /// Share of satisfied answers, in percent.
    pub csat: Option<f64>,
    /// Net promoter score, -100..=100.
    pub nps: Option<f64>,
    /// Customer effort score, 1..=7.
    pub ces: Option<f64>,
    pub extras: Extras,
}

impl Metrics {
    /// CSAT is a percentage of satisfied answers.
    pub const CSAT_RANGE: std::ops::RangeInclusive<f64> = 0.0..=100.0;
    /// NPS is % promoters minus % detractors.
    pub const NPS_RANGE: std::ops::RangeInclusive<f64> = -100.0..=100.0;
    /// CES is an answer on a 1–7 scale.
    pub const CES_RANGE: std::ops::RangeInclusive<f64> = 1.0..=7.0;
}

/// One stage of the journey: a column of the grid.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Stage {
    pub id: StageId,
    pub name: String,
    pub goal: String,
    pub touchpoints: Vec<String>,
    pub emotion: Emotion,
    pub frictions: Vec<Friction>,
    pub opportunities: Vec<Opportunity>,
    pub metrics: Option<Metrics>,
    pub extras: Extras,
}

impl Stage {
    /// The text of item `at` of a list lane.
    pub fn item_text(&self, lane: ListLane, at: usize) -> Option<&str> {
        match lane {
            ListLane::Touchpoints => self.touchpoints.get(at).map(String::as_str),
            ListLane::Friction => self.frictions.get(at).map(|f| f.text.as_str()),
            ListLane::Opportunity => self.opportunities.get(at).map(|o| o.text.as_str()),
        }
    }

    /// An empty stage with a name.
    pub fn new(id: StageId, name: String) -> Self {
        Self {
            id,
            name,
            ..Self::default()
        }
    }

    /// How many items the stage's list lanes hold together.
    pub fn item_count(&self) -> usize {
        self.touchpoints.len() + self.frictions.len() + self.opportunities.len()
    }
}
