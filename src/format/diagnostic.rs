//! Problems found in a map file, first as JSON paths, then placed at a line and column.

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

/// One step into the JSON tree.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Segment {
    Key(&'static str),
    Index(usize),
}

/// Where in the JSON tree a problem is; the empty path is the whole file.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct JsonPath(pub Vec<Segment>);

impl JsonPath {
    /// The path as a JSON pointer, e.g. `/stages/2/frictions/0/severity`.
    pub fn pointer(&self) -> String {
        let mut out = String::new();
        for segment in &self.0 {
            out.push('/');
            match segment {
                Segment::Key(key) => out.push_str(key),
                Segment::Index(index) => out.push_str(&index.to_string()),
            }
        }
        out
    }
}

/// A problem found while decoding or validating, not yet placed in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub path: JsonPath,
    pub level: Level,
    /// What is wrong; `{related}` in it becomes the line and column of `related`.
    pub message: String,
    /// Another place the message refers to (the first use of a duplicated id).
    pub related: Option<JsonPath>,
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
