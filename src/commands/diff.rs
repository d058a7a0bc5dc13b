//! `cxmap diff A B` and `cxmap diff FILE --git REV`: what changed between two versions
//! of a map, by id, as text, Markdown or JSON; and `--textconv FILE`, one fact per line
//! for git. Exit 0 when the maps are the same, 1 when they differ, 2 on trouble.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::output::deliver;
use crate::export::escape::md_line;
use crate::model::diff::{self, Change, Kind};
use crate::model::{IdGen, JourneyMap};
use crate::session::load_error_lines;
use crate::store::{self, parse_loaded};
use crate::text::display::clean_line;

/// How `cxmap diff` prints the changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiffFormat {
    /// One line per change.
    Text,
    /// Headings per stage and a bullet per change, for a pull request.
    Markdown,
    /// One object with every change as data.
    Json,
}

impl DiffFormat {
    /// The format for its command-line name.
    pub fn parse(name: &str) -> Option<DiffFormat> {
        match name.to_ascii_lowercase().as_str() {
            "text" | "txt" => Some(DiffFormat::Text),
            "md" | "markdown" => Some(DiffFormat::Markdown),
            "json" => Some(DiffFormat::Json),
            _ => None,
        }
    }
}

/// What `cxmap diff` was asked for.
#[derive(Debug, Clone)]
pub struct DiffRequest {
    /// The older map, or with `git` the map file as it is now.
    pub old: PathBuf,
    pub new: Option<PathBuf>,
    /// A git revision to compare `old` with.
    pub git: Option<String>,
    pub format: DiffFormat,
    /// Print `old` as one fact per line instead of comparing.
    pub textconv: bool,
}

/// Exit status for trouble (a map that cannot be read, git failing).
const TROUBLE: u8 = 2;

/// Runs the comparison (or the text conversion) and prints it.
pub fn diff(request: &DiffRequest) -> ExitCode {
    if request.textconv {
        return textconv(&request.old);
    }
    let loaded = match (&request.new, &request.git) {
        (Some(new), _) => read(&request.old).and_then(|old| Ok((old, read(new)?))),
        (None, Some(rev)) => at_revision(&request.old, rev).and_then(|old| Ok((old, read(&request.old)?))),
        (None, None) => {
            eprintln!("cxmap: name a second map, or a git revision with --git REV");
            return ExitCode::from(TROUBLE);
        }
    };
    let ((old, old_name), (new, new_name)) = match loaded {
        Ok(pair) => pair,
        Err(code) => return code,
    };
    let changes = diff::changes(&old, &new);
    let text = match request.format {
        DiffFormat::Text => changes
            .iter()
            .map(|c| format!("{}\n", clean_line(&c.words())))
            .collect(),
        DiffFormat::Markdown => markdown(&changes, &old_name, &new_name),
        DiffFormat::Json => json(&changes, &old_name, &new_name),
    };
    let printed = deliver(text.as_bytes(), None, false, &request.old, "comparison");
    if printed != ExitCode::SUCCESS {
        return ExitCode::from(TROUBLE);
    }
    if changes.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Reads a map and the name to show for it, or prints why not.
fn read(path: &Path) -> Result<(JourneyMap, String), ExitCode> {
    let name = path.display().to_string();
    match store::load(path, &mut IdGen::seeded(0)) {
        Ok(loaded) => Ok((loaded.map, name)),
        Err(error) => {
            for line in load_error_lines(&error) {
                eprintln!("{}", clean_line(&line));
            }
            Err(ExitCode::from(TROUBLE))
        }
    }
}

/// The map at `path` as git revision `rev` has it.
fn at_revision(path: &Path, rev: &str) -> Result<(JourneyMap, String), ExitCode> {
    let shown = clean_line(&path.display().to_string()).into_owned();
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let Some(name) = path.file_name() else {
        eprintln!("cxmap: {shown} does not name a file");
        return Err(ExitCode::from(TROUBLE));
    };
    // "REV:./NAME" is the file relative to the folder git runs in.
    let object = format!("{rev}:./{}", name.to_string_lossy());
    let output = std::process::Command::new("git")
        .arg("-C")
        .arg(&folder)
        .args(["show", "--no-textconv", &object])
        .output();
    let output = match output {
        Ok(output) => output,
        Err(error) => {
            eprintln!("cxmap: could not run git ({error}); is it installed?");
            return Err(ExitCode::from(TROUBLE));
        }
    };
    if !output.status.success() {
        let said = String::from_utf8_lossy(&output.stderr);
        eprintln!(
            "cxmap: git has no {shown} at {}: {}",
            clean_line(rev),
            clean_line(said.trim())
        );
        return Err(ExitCode::from(TROUBLE));
    }
    let label = format!("{rev}:{}", path.display());
    match parse_loaded(Path::new(&label), &output.stdout, &mut IdGen::seeded(0)) {
        Ok(loaded) => Ok((loaded.map, label)),
        Err(error) => {
            for line in load_error_lines(&error) {
                eprintln!("{}", clean_line(&line));
            }
            Err(ExitCode::from(TROUBLE))
        }
    }
}

/// One fact per line for git's textconv. A file that is not a readable map is printed
/// as it is, so git still shows something.
fn textconv(path: &Path) -> ExitCode {
    let bytes = match store::read_limited(path) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("cxmap: {}", clean_line(&error.to_string()));
            return ExitCode::from(TROUBLE);
        }
    };
    let text = match parse_loaded(path, &bytes, &mut IdGen::seeded(0)) {
        Ok(loaded) => diff::facts(&loaded.map)
            .iter()
            .map(|line| format!("{}\n", clean_line(line)))
            .collect(),
        Err(_) => String::from_utf8_lossy(&bytes).into_owned(),
    };
    deliver(text.as_bytes(), None, false, path, "listing")
}

/// The heading a change is listed under: the map, a stage, or the service shadow.
fn section(change: &Change) -> String {
    match (change.kind, &change.stage) {
        (Kind::Map, _) => "Map".to_owned(),
        (Kind::Note | Kind::Channel | Kind::Plan, _) | (_, None) => "Service shadow".to_owned(),
        (_, Some(stage)) => format!("Stage {} (`{}`)", md_line(&stage.name), md_line(&stage.id)),
    }
}

fn markdown(changes: &[Change], old: &str, new: &str) -> String {
    let mut out = format!("# Changes from {} to {}\n", md_line(old), md_line(new));
    if changes.is_empty() {
        out.push_str("\nNo changes.\n");
        return out;
    }
    let mut heading = String::new();
    for change in changes {
        let this = section(change);
        if this != heading {
            out.push_str(&format!("\n## {this}\n\n"));
            heading = this;
        }
        let words = change.words();
        let line = match words.strip_prefix(&format!("{} ", change.id)) {
            Some(rest) if !change.id.is_empty() => format!("`{}` {}", md_line(&change.id), md_line(rest)),
            _ => md_line(&words),
        };
        out.push_str(&format!("- {line}\n"));
    }
    out
}

fn json(changes: &[Change], old: &str, new: &str) -> String {
    let document = serde_json::json!({
        "from": old,
        "to": new,
        "equal": changes.is_empty(),
        "changes": changes.iter().map(Change::to_json).collect::<Vec<_>>(),
    });
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}
