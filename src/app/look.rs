//! How the user wants the screen to look: a theme's name and whether colours are drawn
//! (`--theme`, `--color`, `NO_COLOR`, `"theme"` in settings.json). `ui/theme.rs` turns it
//! into styles.

use std::fmt;

/// How the screen looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Look {
    pub theme: ThemeName,
    /// Whether colours are drawn; without them only attributes and glyphs mark things.
    pub colour: bool,
}

impl Default for Look {
    fn default() -> Self {
        Self {
            theme: ThemeName::Dark,
            colour: true,
        }
    }
}

/// The themes to choose from (`--theme NAME`, `"theme": NAME` in settings.json).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    /// Sixteen ANSI colours for a dark terminal.
    #[default]
    Dark,
    /// Colours that read on a white or pale background.
    Light,
    /// For projectors and low vision: no dim text, bold marks, colours only as
    /// backgrounds under a matching foreground, so it reads on any background.
    HighContrast,
    /// No colour at all: reverse, underline and bold only.
    Monochrome,
}

impl ThemeName {
    pub const ALL: [Self; 4] = [Self::Dark, Self::Light, Self::HighContrast, Self::Monochrome];

    /// The name as typed on the command line and in settings.json.
    pub fn name(self) -> &'static str {
        match self {
            Self::Dark => "dark",
            Self::Light => "light",
            Self::HighContrast => "high-contrast",
            Self::Monochrome => "monochrome",
        }
    }

    /// "dark, light, high-contrast or monochrome".
    pub fn choices() -> String {
        let names: Vec<&str> = Self::ALL.iter().map(|theme| theme.name()).collect();
        match names.split_last() {
            Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
            None => String::new(),
        }
    }

    /// The theme called `name` (in any case).
    pub fn parse(name: &str) -> Option<Self> {
        let wanted = name.trim();
        Self::ALL
            .into_iter()
            .find(|theme| theme.name().eq_ignore_ascii_case(wanted))
    }
}

impl fmt::Display for ThemeName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// When to draw colours (`--color`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColourChoice {
    /// Colours unless `NO_COLOR` is set to something (<https://no-color.org>).
    #[default]
    Auto,
    Always,
    Never,
}

impl ColourChoice {
    /// Whether colours are drawn, given the value of `NO_COLOR`.
    pub fn wants_colour(self, no_color: Option<&std::ffi::OsStr>) -> bool {
        match self {
            Self::Always => true,
            Self::Never => false,
            Self::Auto => no_color.is_none_or(|value| value.is_empty()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_listed() {
        for theme in ThemeName::ALL {
            assert_eq!(ThemeName::parse(theme.name()), Some(theme));
        }
        assert_eq!(ThemeName::parse(" Light "), Some(ThemeName::Light));
        assert_eq!(ThemeName::parse("solarized"), None);
        assert_eq!(ThemeName::choices(), "dark, light, high-contrast or monochrome");
    }

    #[test]
    fn no_color_turns_colours_off_only_when_it_has_a_value() {
        use std::ffi::OsStr;
        assert!(ColourChoice::Auto.wants_colour(None));
        assert!(ColourChoice::Auto.wants_colour(Some(OsStr::new(""))));
        assert!(!ColourChoice::Auto.wants_colour(Some(OsStr::new("1"))));
        assert!(ColourChoice::Always.wants_colour(Some(OsStr::new("1"))));
        assert!(!ColourChoice::Never.wants_colour(None));
    }
}
