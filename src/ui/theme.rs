//! The look of the screen: a [`Theme`] holds a style for every role (selection, search hit,
//! severity, lanes…). Meaning never rides on colour alone: every role that marks something
//! also carries an attribute (reverse, underline, bold) or sits beside a glyph (▲, ●, ↑↓), so
//! a theme with its colours taken away (`NO_COLOR`, `--color never`) still shows it.

use std::sync::LazyLock;

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};

use crate::app::look::{Look, ThemeName};
use crate::model::{Lane, Score, Severity};

/// A style for every role on the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub name: ThemeName,
    /// Whether colours are drawn; without them only attributes and glyphs mark things.
    pub colour: bool,
    /// The title and status bars.
    pub bar: Style,
    /// The mode badge and the file name in the bars.
    pub bar_accent: Style,
    pub header: Style,
    /// The selected cell, item or row.
    pub selected: Style,
    /// The selected stage header, form field or heading.
    pub selected_header: Style,
    /// Grid lines and borders of panes without the focus.
    pub rule: Style,
    /// Titles, borders of what has the focus, the selected cell's edge.
    pub accent: Style,
    /// Secondary text: hints, counts, "↓ 3 more".
    pub dim: Style,
    pub error: Style,
    pub warning: Style,
    /// Key names in hints and help.
    pub key: Style,
    pub text: Style,
    /// A search hit: underlined and bold in every theme, the highlighter pen where there
    /// is colour.
    pub hit: Style,
    pub votes: Style,
    /// Minor, major, severe.
    severities: [Style; 3],
    /// Goal, touchpoints, emotion, friction, opportunity.
    lanes: [Style; 5],
    /// Emotion scores -2 … +2.
    scores: [Style; 5],
    /// Coverage cells from a gap to the busiest.
    coverage: [Style; 5],
    /// The emotion curve's zero line and plot (the canvas draws with a colour only).
    pub curve_axis: Color,
    pub curve_line: Color,
}

/// Every theme with its colours and then without them, in the order of `ThemeName::ALL`,
/// made once.
static THEMES: LazyLock<Vec<Theme>> = LazyLock::new(|| {
    ThemeName::ALL
        .into_iter()
        .flat_map(|name| [Theme::new(name, true), Theme::new(name, false)])
        .collect()
});

const fn fg(color: Color) -> Style {
    Style::new().fg(color)
}

const fn on(fg: Color, bg: Color) -> Style {
    Style::new().fg(fg).bg(bg)
}

const BOLD: Modifier = Modifier::BOLD;
const REVERSED: Modifier = Modifier::REVERSED;
const UNDERLINED: Modifier = Modifier::UNDERLINED;
const PLAIN: Style = Style::new();

impl Theme {
    /// The styles of `look`.
    pub fn of(look: Look) -> &'static Theme {
        let position = ThemeName::ALL
            .iter()
            .position(|name| *name == look.theme)
            .unwrap_or(0);
        &THEMES[position * 2 + usize::from(!look.colour)]
    }

    /// The theme `name`, with its colours or without.
    pub fn new(name: ThemeName, colour: bool) -> Self {
        let theme = match name {
            ThemeName::Dark => dark(),
            ThemeName::Light => light(),
            ThemeName::HighContrast => high_contrast(),
            ThemeName::Monochrome => monochrome(),
        };
        if colour && name != ThemeName::Monochrome {
            theme
        } else {
            theme.without_colour()
        }
    }

    /// The same theme with every colour taken out, leaving attributes.
    fn without_colour(self) -> Self {
        let strip = |style: Style| Style {
            fg: None,
            bg: None,
            underline_color: None,
            ..style
        };
        Self {
            colour: false,
            bar: strip(self.bar),
            bar_accent: strip(self.bar_accent),
            header: strip(self.header),
            selected: strip(self.selected),
            selected_header: strip(self.selected_header),
            rule: strip(self.rule),
            accent: strip(self.accent),
            dim: strip(self.dim),
            error: strip(self.error),
            warning: strip(self.warning),
            key: strip(self.key),
            text: strip(self.text),
            hit: strip(self.hit),
            votes: strip(self.votes),
            severities: self.severities.map(strip),
            lanes: self.lanes.map(strip),
            scores: self.scores.map(strip),
            coverage: self.coverage.map(strip),
            curve_axis: Color::Reset,
            curve_line: Color::Reset,
            ..self
        }
    }

    /// A severity's style; the ▲N beside it says the severity without colour.
    pub fn severity(&self, severity: Severity) -> Style {
        let index = match severity {
            Severity::Minor => 0,
            Severity::Major => 1,
            Severity::Severe => 2,
        };
        self.severities[index]
    }

    /// The style of a lane's name.
    pub fn lane(&self, lane: Lane) -> Style {
        let index = match lane {
            Lane::Goal => 0,
            Lane::Touchpoints => 1,
            Lane::Emotion => 2,
            Lane::Friction => 3,
            Lane::Opportunity => 4,
        };
        self.lanes[index]
    }

    /// An emotion score's style: pain to delight; the arrows beside it say it without colour.
    pub fn score(&self, score: Score) -> Style {
        let index = match score.value() {
            ..=-2 => 0,
            -1 => 1,
            0 => 2,
            1 => 3,
            _ => 4,
        };
        self.scores[index]
    }

    /// A coverage cell's style by its level (0 a gap … 4 the busiest); the shade glyphs
    /// say the level without colour.
    pub fn coverage_level(&self, level: usize) -> Style {
        self.coverage[level.min(4)]
    }

    /// Takes the colours out of everything drawn, for a theme without colour: widgets
    /// and the curve's canvas may still have set some, and a terminal told to draw no
    /// colour must get no colour codes (crossterm then writes `ESC[;m`, a reset that
    /// wipes the reverse and bold set just before).
    pub fn finish(&self, buf: &mut Buffer) {
        if self.colour {
            return;
        }
        for cell in &mut buf.content {
            cell.fg = Color::Reset;
            cell.bg = Color::Reset;
            cell.underline_color = Color::Reset;
        }
    }
}

/// Sixteen-colour ANSI for a dark terminal: the colours follow the terminal's palette.
fn dark() -> Theme {
    Theme {
        name: ThemeName::Dark,
        colour: true,
        bar: PLAIN.add_modifier(REVERSED),
        bar_accent: fg(Color::Cyan).add_modifier(REVERSED.union(BOLD)),
        header: PLAIN.add_modifier(BOLD),
        selected: PLAIN.add_modifier(REVERSED),
        selected_header: fg(Color::Cyan).add_modifier(REVERSED.union(BOLD)),
        rule: fg(Color::DarkGray),
        accent: fg(Color::Cyan).add_modifier(BOLD),
        dim: PLAIN.add_modifier(Modifier::DIM),
        error: fg(Color::Red).add_modifier(BOLD),
        warning: fg(Color::Yellow).add_modifier(BOLD),
        key: fg(Color::Cyan).add_modifier(BOLD),
        text: PLAIN,
        hit: on(Color::Black, Color::Yellow).add_modifier(UNDERLINED.union(BOLD)),
        votes: fg(Color::Cyan).add_modifier(BOLD),
        severities: [
            fg(Color::Yellow),
            fg(Color::LightRed).add_modifier(BOLD),
            fg(Color::Red).add_modifier(BOLD),
        ],
        lanes: [
            Color::Blue,
            Color::Magenta,
            Color::Yellow,
            Color::Red,
            Color::Green,
        ]
        .map(|color| fg(color).add_modifier(BOLD)),
        scores: [
            fg(Color::Red).add_modifier(BOLD),
            fg(Color::Red),
            fg(Color::Yellow),
            fg(Color::Green),
            fg(Color::Green).add_modifier(BOLD),
        ],
        coverage: [
            PLAIN.add_modifier(Modifier::DIM),
            fg(Color::Cyan),
            fg(Color::Cyan).add_modifier(BOLD),
            fg(Color::Blue).add_modifier(BOLD),
            fg(Color::Magenta).add_modifier(BOLD),
        ],
        curve_axis: Color::DarkGray,
        curve_line: Color::Cyan,
    }
}

/// For a white or pale background: no yellow, cyan or white text, which wash out there.
fn light() -> Theme {
    Theme {
        name: ThemeName::Light,
        bar_accent: fg(Color::Blue).add_modifier(REVERSED.union(BOLD)),
        selected_header: fg(Color::Blue).add_modifier(REVERSED.union(BOLD)),
        rule: fg(Color::DarkGray),
        accent: fg(Color::Blue).add_modifier(BOLD),
        warning: fg(Color::Magenta).add_modifier(BOLD),
        key: fg(Color::Blue).add_modifier(BOLD),
        votes: fg(Color::Blue).add_modifier(BOLD),
        severities: [
            fg(Color::Magenta),
            fg(Color::Red).add_modifier(BOLD),
            on(Color::White, Color::Red).add_modifier(BOLD),
        ],
        lanes: [
            Color::Blue,
            Color::Magenta,
            Color::Reset,
            Color::Red,
            Color::Green,
        ]
        .map(|color| fg(color).add_modifier(BOLD)),
        scores: [
            fg(Color::Red).add_modifier(BOLD),
            fg(Color::Red),
            PLAIN,
            fg(Color::Green),
            fg(Color::Green).add_modifier(BOLD),
        ],
        coverage: [
            PLAIN.add_modifier(Modifier::DIM),
            fg(Color::Blue),
            fg(Color::Blue).add_modifier(BOLD),
            fg(Color::Magenta).add_modifier(BOLD),
            fg(Color::Red).add_modifier(BOLD),
        ],
        curve_line: Color::Blue,
        ..dark()
    }
}

/// For a projector or low vision, on a dark or a light background alike: text keeps the
/// terminal's own foreground (its strongest contrast), nothing is dim, and colours come
/// only as backgrounds with a foreground chosen for them.
fn high_contrast() -> Theme {
    Theme {
        name: ThemeName::HighContrast,
        colour: true,
        bar: PLAIN.add_modifier(REVERSED.union(BOLD)),
        bar_accent: on(Color::Black, Color::LightCyan).add_modifier(BOLD),
        header: PLAIN.add_modifier(BOLD),
        selected: PLAIN.add_modifier(REVERSED.union(BOLD)),
        selected_header: PLAIN.add_modifier(REVERSED.union(BOLD)),
        rule: PLAIN,
        accent: PLAIN.add_modifier(BOLD),
        dim: PLAIN,
        error: on(Color::White, Color::Red).add_modifier(BOLD),
        warning: on(Color::Black, Color::LightYellow).add_modifier(BOLD),
        key: PLAIN.add_modifier(BOLD.union(UNDERLINED)),
        text: PLAIN,
        hit: on(Color::Black, Color::LightYellow).add_modifier(UNDERLINED.union(BOLD)),
        votes: PLAIN.add_modifier(BOLD),
        severities: [
            on(Color::Black, Color::LightYellow),
            on(Color::Black, Color::LightRed).add_modifier(BOLD),
            on(Color::White, Color::Red).add_modifier(BOLD),
        ],
        lanes: [PLAIN.add_modifier(BOLD); 5],
        scores: [
            on(Color::White, Color::Red).add_modifier(BOLD),
            on(Color::Black, Color::LightRed),
            PLAIN,
            on(Color::Black, Color::LightGreen),
            on(Color::Black, Color::Green).add_modifier(BOLD),
        ],
        coverage: [
            PLAIN,
            PLAIN,
            PLAIN.add_modifier(BOLD),
            PLAIN.add_modifier(BOLD),
            PLAIN.add_modifier(BOLD),
        ],
        curve_axis: Color::Reset,
        curve_line: Color::Reset,
    }
}

/// No colour: the dark theme's attributes, with bold where colour told things apart.
fn monochrome() -> Theme {
    Theme {
        name: ThemeName::Monochrome,
        severities: [PLAIN, PLAIN.add_modifier(BOLD), PLAIN.add_modifier(BOLD)],
        scores: [
            PLAIN.add_modifier(BOLD),
            PLAIN,
            PLAIN,
            PLAIN,
            PLAIN.add_modifier(BOLD),
        ],
        ..dark()
    }
    .without_colour()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mark_keeps_an_attribute_without_colour() {
        for name in ThemeName::ALL {
            for theme in [Theme::new(name, true), Theme::new(name, false)] {
                let has = |style: Style, modifier: Modifier| style.add_modifier.contains(modifier);
                assert!(has(theme.selected, REVERSED), "{name}: selection");
                assert!(has(theme.selected_header, REVERSED), "{name}: selected header");
                assert!(has(theme.hit, UNDERLINED), "{name}: search hit");
                assert!(has(theme.bar, REVERSED), "{name}: bars");
                assert!(
                    has(theme.error, BOLD) && has(theme.warning, BOLD),
                    "{name}: messages"
                );
            }
            let plain = Theme::new(name, false);
            assert!(!plain.colour);
            assert_eq!(plain.hit.bg, None, "{name}: no colour left");
        }
        assert!(
            !Theme::new(ThemeName::Monochrome, true).colour,
            "monochrome has none"
        );
    }
}
