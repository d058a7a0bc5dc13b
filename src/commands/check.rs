//! `cxmap check FILE...`: every problem as `file:line:col: level: message`, the file
//! format's and the friction memo's (evidence, emotion scores, observations only).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::format::{self, Diagnostic, Level};
use crate::store::{evidence_missing, read_limited};
use crate::text::display::clean_line;

/// Checks each file; exit 0 when all are valid, 1 on errors (or on warnings when
/// `strict`), 2 when one is unreadable.
pub fn check(files: &[PathBuf], strict: bool) -> ExitCode {
    let mut out = std::io::stdout().lock();
    let mut unreadable = 0usize;
    let mut invalid = false;
    let (mut errors, mut warnings) = (0usize, 0usize);
    for path in files {
        let name = clean_line(&path.display().to_string()).into_owned();
        let bytes = match read_limited(path) {
            Ok(bytes) => bytes,
            Err(error) => {
                unreadable += 1;
                let _ = writeln!(out, "{}", clean_line(&error.to_string()));
                continue;
            }
        };
        let diagnostics: Vec<Diagnostic> = match format::parse_bytes(&bytes) {
            Ok(parsed) => {
                let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
                let folder = folder.unwrap_or(Path::new("."));
                let text = String::from_utf8_lossy(&bytes);
                let mut all = parsed.warnings;
                all.extend(format::review(&text, &parsed.map, |entry| {
                    evidence_missing(folder, entry)
                }));
                all.sort_by_key(|d| (d.line, d.column));
                all
            }
            Err(diagnostics) => {
                invalid = true;
                diagnostics
            }
        };
        for diagnostic in &diagnostics {
            match diagnostic.level {
                Level::Error => errors += 1,
                Level::Warning => warnings += 1,
            }
            let _ = writeln!(out, "{name}:{}", clean_line(&diagnostic.to_string()));
        }
    }
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
