//! Colours and styles. Sixteen-colour ANSI plus bold and reverse, so the screen reads on
//! dark and light terminals and on a washed-out projector.

use ratatui::style::{Color, Modifier, Style};

use crate::model::{Lane, Score, Severity};

pub const BAR: Style = Style::new().add_modifier(Modifier::REVERSED);
pub const BAR_ACCENT: Style = Style::new()
    .fg(Color::Cyan)
    .add_modifier(Modifier::REVERSED.union(Modifier::BOLD));
pub const HEADER: Style = Style::new().add_modifier(Modifier::BOLD);
pub const SELECTED: Style = Style::new().add_modifier(Modifier::REVERSED);
pub const SELECTED_HEADER: Style = Style::new()
    .fg(Color::Cyan)
    .add_modifier(Modifier::REVERSED.union(Modifier::BOLD));
pub const RULE: Style = Style::new().fg(Color::DarkGray);
pub const ACCENT: Style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
pub const DIM: Style = Style::new().add_modifier(Modifier::DIM);
pub const ERROR: Style = Style::new().fg(Color::Red).add_modifier(Modifier::BOLD);
pub const WARNING: Style = Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD);
pub const KEY: Style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
pub const TEXT: Style = Style::new();

/// A search hit: black on yellow, the highlighter pen.
pub const HIT: Style = Style::new().fg(Color::Black).bg(Color::Yellow);

pub const VOTES: Style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);

/// The colour of a severity: severe stands out most, underlined rather than reversed so it
/// never reads as the selection.
pub fn severity(severity: Severity) -> Style {
    match severity {
        Severity::Minor => Style::new().fg(Color::Yellow),
        Severity::Major => Style::new().fg(Color::LightRed).add_modifier(Modifier::BOLD),
        Severity::Severe => Style::new()
            .fg(Color::Red)
            .add_modifier(Modifier::BOLD.union(Modifier::UNDERLINED)),
    }
}

/// The colour of a lane's name.
pub fn lane(lane: Lane) -> Style {
    let color = match lane {
        Lane::Goal => Color::Blue,
        Lane::Touchpoints => Color::Magenta,
        Lane::Emotion => Color::Yellow,
        Lane::Friction => Color::Red,
        Lane::Opportunity => Color::Green,
    };
    Style::new().fg(color).add_modifier(Modifier::BOLD)
}

/// The colour of an emotion score: red for pain, green for delight.
pub fn score(score: Score) -> Style {
    match score.value() {
        ..=-2 => Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        -1 => Style::new().fg(Color::Red),
        0 => Style::new().fg(Color::Yellow),
        1 => Style::new().fg(Color::Green),
        _ => Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
    }
}
