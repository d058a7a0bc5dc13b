//! Problems found in a map file, placed at a line and column.

use std::fmt;

/// Whether a problem stops the file from being opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// The file is still read; `cxmap check` reports it.
    Warning,
    /// The file is refused and never overwritten.
    Error,
}

impl Level {
    /// The word printed before the message.
    pub fn word(self) -> &'static str {
        match self {
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }
}

/// A problem placed at a 1-based line and column (in characters) of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub line: usize,
    pub column: usize,
    pub level: Level,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {}: {}",
            self.line,
            self.column,
            self.level.word(),
            self.message
        )
    }
}
