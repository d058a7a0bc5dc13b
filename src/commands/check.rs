//! `cxmap check FILE...`: every problem of each file, the format's, the friction memo's
//! (evidence, emotion scores, observations only) and merge conflicts left in it, as
//! `file:line:col: level: message` lines, JSON lines, or GitHub annotations.

use std::cell::RefCell;
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::json;

use super::output::keep_until_exit;
use crate::format::{self, Diagnostic, Level};
use crate::model::IdHashing;
use crate::store::{evidence_missing, read_limited};
use crate::text::display::clean_line;

/// How `cxmap check` prints problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckFormat {
    /// `file:line:col: level: message`, as compilers print them.
    Text,
    /// One JSON object per line: file, line, column, level, message.
    Json,
    /// GitHub Actions annotations: `::error file=…,line=…,col=…::message`.
    Github,
}

impl CheckFormat {
    /// The format for its command-line name.
    pub fn parse(name: &str) -> Option<CheckFormat> {
        match name.to_ascii_lowercase().as_str() {
            "text" => Some(CheckFormat::Text),
            "json" => Some(CheckFormat::Json),
            "github" => Some(CheckFormat::Github),
            _ => None,
        }
    }
}

/// A problem of one file; `at` is `None` when the file could not be read at all.
struct Finding<'a> {
    file: &'a str,
    at: Option<(usize, usize)>,
    level: Level,
    message: &'a str,
}

/// GitHub's escaping of an annotation's message, and (with `property`) of its fields.
fn github_escape(text: &str, property: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            ':' if property => out.push_str("%3A"),
            ',' if property => out.push_str("%2C"),
            c => out.push(c),
        }
    }
    out
}

impl Finding<'_> {
    fn line(&self, format: CheckFormat) -> String {
        match format {
            CheckFormat::Text => match self.at {
                Some((line, column)) => {
                    format!(
                        "{}:{line}:{column}: {}: {}",
                        self.file,
                        self.level.word(),
                        self.message
                    )
                }
                None => self.message.to_owned(),
            },
            CheckFormat::Json => {
                let object = match self.at {
                    Some((line, column)) => json!({"file": self.file, "line": line, "column": column,
                        "level": self.level.word(), "message": self.message}),
                    None => json!({"file": self.file, "level": self.level.word(), "message": self.message}),
                };
                object.to_string()
            }
            CheckFormat::Github => {
                let mut properties = format!("file={}", github_escape(self.file, true));
                if let Some((line, column)) = self.at {
                    properties.push_str(&format!(",line={line},col={column}"));
                }
                format!(
                    "::{} {properties},title=cxmap check::{}",
                    self.level.word(),
                    github_escape(self.message, false)
                )
            }
        }
    }
}

/// Every problem of a file that was read: refusals, or warnings, memo warnings and
/// merge conflicts. The flag says whether the file has errors. The `last` file's map is
/// kept until the program ends (see [`keep_until_exit`]).
fn diagnose(path: &Path, bytes: &[u8], last: bool) -> (Vec<Diagnostic>, bool) {
    match format::parse_for_check(bytes) {
        Ok(mut checked) => {
            let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
            let folder = folder.unwrap_or(Path::new("."));
            // An entry named twice (a photo behind a point and its notes) is looked up once.
            let looked: RefCell<HashMap<String, bool, IdHashing>> = RefCell::default();
            let missing = |entry: &str| {
                if let Some(&missing) = looked.borrow().get(entry) {
                    return missing;
                }
                let missing = evidence_missing(folder, entry);
                looked.borrow_mut().insert(entry.to_owned(), missing);
                missing
            };
            let reviewed = format::review(&checked, missing);
            // It was read as a map, so it is UTF-8.
            let text = std::str::from_utf8(bytes).unwrap_or_default();
            let conflicts = format::conflicts(text, &checked.parsed.map);
            let mut all = std::mem::take(&mut checked.parsed.warnings);
            all.extend(reviewed);
            all.extend(conflicts);
            all.sort_by_key(|d| (d.line, d.column));
            let invalid = all.iter().any(|d| d.level == Level::Error);
            if last {
                keep_until_exit(checked);
            }
            (all, invalid)
        }
        Err(diagnostics) => (diagnostics, true),
    }
}

/// Checks each file; exit 0 when all are valid, 1 on errors (or on warnings when
/// `strict`), 2 when one is unreadable.
pub fn check(files: &[PathBuf], strict: bool, format: CheckFormat) -> ExitCode {
    // Buffered: a big map can have tens of thousands of warnings, one write each otherwise.
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut unreadable = 0usize;
    let mut invalid = false;
    let (mut errors, mut warnings) = (0usize, 0usize);
    for (i, path) in files.iter().enumerate() {
        let name = clean_line(&path.display().to_string()).into_owned();
        let bytes = match read_limited(path) {
            Ok(bytes) => bytes,
            Err(error) => {
                unreadable += 1;
                let message = clean_line(&error.to_string()).into_owned();
                let finding = Finding {
                    file: &name,
                    at: None,
                    level: Level::Error,
                    message: &message,
                };
                let _ = writeln!(out, "{}", finding.line(format));
                continue;
            }
        };
        let (diagnostics, file_invalid) = diagnose(path, &bytes, i + 1 == files.len());
        invalid |= file_invalid;
        for diagnostic in &diagnostics {
            match diagnostic.level {
                Level::Error => errors += 1,
                Level::Warning => warnings += 1,
            }
            let message = clean_line(&diagnostic.message);
            let finding = Finding {
                file: &name,
                at: Some((diagnostic.line, diagnostic.column)),
                level: diagnostic.level,
                message: &message,
            };
            let _ = writeln!(out, "{}", finding.line(format));
        }
    }
    let _ = out.flush();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let unread = if unreadable > 0 {
        format!(", {unreadable} could not be read")
    } else {
        String::new()
    };
    eprintln!(
        "checked {}{unread}: {}, {}",
        plural(files.len(), "file"),
        plural(errors, "error"),
        plural(warnings, "warning")
    );
    if unreadable > 0 {
        ExitCode::from(2)
    } else if invalid || (strict && warnings > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
