//! The five lanes (rows) of every journey map, top to bottom.

/// A lane of the grid: the question it answers is in [`Lane::question`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lane {
    Goal,
    Touchpoints,
    Emotion,
    Friction,
    Opportunity,
}

impl Lane {
    /// Every lane, in grid order.
    pub const ALL: [Lane; 5] = [
        Lane::Goal,
        Lane::Touchpoints,
        Lane::Emotion,
        Lane::Friction,
        Lane::Opportunity,
    ];

    /// The lane's name as the room says it.
    pub fn name(self) -> &'static str {
        match self {
            Lane::Goal => "Customer goal",
            Lane::Touchpoints => "Touchpoints",
            Lane::Emotion => "Emotion",
            Lane::Friction => "Friction",
            Lane::Opportunity => "Opportunity",
        }
    }

    /// The question the lane answers, for help and empty cells.
    pub fn question(self) -> &'static str {
        match self {
            Lane::Goal => "What does the customer want to achieve here?",
            Lane::Touchpoints => "Where do they meet the brand?",
            Lane::Emotion => "What do they feel?",
            Lane::Friction => "What slows them down or makes them leave?",
            Lane::Opportunity => "What specific change would remove that friction?",
        }
    }

    /// The list this lane holds, if it is a list lane.
    pub fn list(self) -> Option<ListLane> {
        match self {
            Lane::Touchpoints => Some(ListLane::Touchpoints),
            Lane::Friction => Some(ListLane::Friction),
            Lane::Opportunity => Some(ListLane::Opportunity),
            Lane::Goal | Lane::Emotion => None,
        }
    }

    /// The lane below, if any.
    pub fn below(self) -> Option<Lane> {
        let index = Lane::ALL.iter().position(|&l| l == self)?;
        Lane::ALL.get(index + 1).copied()
    }

    /// The lane above, if any.
    pub fn above(self) -> Option<Lane> {
        let index = Lane::ALL.iter().position(|&l| l == self)?;
        index.checked_sub(1).and_then(|i| Lane::ALL.get(i).copied())
    }
}

/// The lanes whose cells hold a list of items, one bullet each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ListLane {
    Touchpoints,
    Friction,
    Opportunity,
}

impl ListLane {
    /// The grid lane this list lives in.
    pub fn lane(self) -> Lane {
        match self {
            ListLane::Touchpoints => Lane::Touchpoints,
            ListLane::Friction => Lane::Friction,
            ListLane::Opportunity => Lane::Opportunity,
        }
    }

    /// Whether an item's text may hold several lines (a touchpoint is a name, one line).
    pub fn multiline(self) -> bool {
        !matches!(self, ListLane::Touchpoints)
    }

    /// One item of this list, for messages ("touchpoint", "friction point").
    pub fn item_noun(self) -> &'static str {
        match self {
            ListLane::Touchpoints => "touchpoint",
            ListLane::Friction => "friction point",
            ListLane::Opportunity => "opportunity",
        }
    }
}
