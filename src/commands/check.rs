//! `cxmap check FILE...`: every problem as `file:line:col: level: message`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::format::{self, Diagnostic, Level};
use crate::store::read_limited;
use crate::text::display::clean_line;

/// Checks each file; exit 0 when all are valid, 1 on problems, 2 when one is unreadable.
pub fn check(files: &[PathBuf]) -> ExitCode {
    let mut out = std::io::stdout().lock();
    let mut unreadable = false;
    let mut invalid = false;
    let (mut errors, mut warnings) = (0usize, 0usize);
    for path in files {
        let name = clean_line(&path.display().to_string()).into_owned();
        let bytes = match read_limited(path) {
            Ok(bytes) => bytes,
            Err(error) => {
                unreadable = true;
                let _ = writeln!(out, "{}", clean_line(&error.to_string()));
                continue;
            }
        };
        let diagnostics: Vec<Diagnostic> = match format::parse_bytes(&bytes) {
            Ok(parsed) => parsed.warnings,
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
    eprintln!(
        "checked {}: {}, {}",
        plural(files.len(), "file"),
        plural(errors, "error"),
        plural(warnings, "warning")
    );
    if unreadable {
        ExitCode::from(2)
    } else if invalid {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
