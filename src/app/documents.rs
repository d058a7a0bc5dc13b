//! Documents written from inside the program: the friction memo's preview (the memo as
//! text, with what to fix before sending it on top: page fit, text that reads like a
//! solution, missing files, unlinked notes) and a document waiting to be written.

use std::path::PathBuf;

use super::folder::FolderListing;
use crate::export::memo::{EvidenceFiles, Found, Looked, Memo, MemoFormat, MemoOptions, Plan};
use crate::model::JourneyMap;

/// What a document holds: text ready to write, or the memo, which the session renders
/// once it has looked the evidence files up (pictures for the HTML and the PDF, links
/// from where the file goes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Content {
    Text(String),
    Memo { memo: Box<Memo>, format: MemoFormat },
}

impl Content {
    /// The bytes, with the memo's evidence not looked up (for tests and previews).
    pub fn plain(&self) -> Vec<u8> {
        match self {
            Content::Text(text) => text.clone().into_bytes(),
            Content::Memo { memo, format } => format.render(memo, &EvidenceFiles::not_looked_up()),
        }
    }
}

/// A document to write for the user: an export or the memo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivery {
    pub path: PathBuf,
    pub content: Content,
    /// What it is, for the status bar ("friction memo", "CSV export").
    pub what: String,
    /// Replace a file already there (the user said yes).
    pub replace: bool,
}

/// The memo preview screen: the checks before sending, then the memo as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemoPreview {
    pub options: MemoOptions,
    /// The checks, a blank line, then the memo's lines.
    pub lines: Vec<String>,
    /// Where the memo's own lines start in `lines`.
    pub memo_start: usize,
    /// How many of the first lines are warnings (the rest of the checks say all is well).
    pub warnings: usize,
    /// How many things the warnings are about.
    pub concerns: usize,
    pub scroll: usize,
    /// The map state, folder listing and options the lines were made for.
    made_for: Option<(u64, u64, bool)>,
}

/// The memo's evidence as the folder listing knows it: missing files marked.
fn listed(memo: &Memo, folder: &FolderListing) -> EvidenceFiles {
    let mut files = EvidenceFiles::not_looked_up();
    for (_, point) in memo.points() {
        for entry in &point.evidence {
            if folder.missing(entry) {
                let found = Found::Missing;
                files.insert(
                    entry,
                    Looked {
                        found,
                        href: String::new(),
                    },
                );
            }
        }
    }
    files
}

/// A check wrapped to the memo's width, its later lines indented.
fn wrapped(check: &str) -> Vec<String> {
    let width = crate::export::memo::TEXT_WIDTH - 2;
    crate::text::wrap::wrap(check, width, usize::MAX)
        .lines
        .iter()
        .enumerate()
        .map(|(i, range)| {
            let lead = if i == 0 { "" } else { "  " };
            format!("{lead}{}", check[range.clone()].trim_end())
        })
        .collect()
}

/// What to fix before sending, warnings first: text that reads like a solution, files
/// not found, notes the memo leaves out, who and when, and whether it fits one page.
fn checks(memo: &Memo, files: &EvidenceFiles, keys: &PreviewKeys) -> (Vec<String>, usize) {
    let mut warnings: Vec<String> = memo.advice().into_iter().map(|a| format!("⚠ {a}")).collect();
    if !warnings.is_empty() {
        warnings.push(format!(
            "  ({} on a friction point in the grid moves it to the opportunities)",
            keys.move_to_opportunities
        ));
    }
    let missing = files.missing(memo);
    if !missing.is_empty() {
        const NAMED: usize = 3;
        let mut names = missing.iter().take(NAMED).copied().collect::<Vec<_>>().join(", ");
        if missing.len() > NAMED {
            names.push_str(&format!(" and {} more", missing.len() - NAMED));
        }
        warnings.push(format!(
            "✗ {} evidence file{} not found beside the map (marked “(missing)”): {names}",
            missing.len(),
            if missing.len() == 1 { "" } else { "s" }
        ));
    }
    if memo.unlinked_notes > 0 {
        let n = memo.unlinked_notes;
        warnings.push(format!(
            "⚠ {n} shadow note{} no friction point, so the memo leaves {} out ({} in the notes pane links one)",
            if n == 1 { " backs" } else { "s back" },
            if n == 1 { "it" } else { "them" },
            keys.link_note
        ));
    }
    let unrecorded: Vec<&str> = [
        (memo.observers.is_empty(), "who walked the journey"),
        (memo.when.is_none(), "when"),
        (memo.devices.is_empty(), "on which devices"),
    ]
    .into_iter()
    .filter_map(|(missing, what)| missing.then_some(what))
    .collect();
    if !unrecorded.is_empty() {
        warnings.push(format!(
            "⚠ not recorded: {}; {} says it",
            crate::text::list::in_words(&unrecorded),
            keys.details
        ));
    }
    let plan = Plan::make(memo, files);
    let fit = match plan.overflow(memo) {
        Some(overflow) => {
            warnings.push(format!(
                "⚠ the printed memo (HTML, PDF) does not fit one page even at its most compact: {overflow}"
            ));
            None
        }
        None => Some(format!(
            "✓ the printed memo (HTML, PDF) fits one A4 page{}",
            plan.describe()
        )),
    };
    let count = warnings.len();
    let mut lines = warnings;
    lines.extend(fit);
    if count == 0 {
        lines.push("✓ observations only, every evidence file found".to_owned());
    }
    (lines, count)
}

/// The keys the checks name, as the keymap binds them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PreviewKeys {
    pub move_to_opportunities: String,
    pub link_note: String,
    pub details: String,
}

impl MemoPreview {
    /// The preview of `map` with no options.
    pub fn open(map: &JourneyMap, state: u64, folder: &FolderListing, keys: &PreviewKeys) -> Self {
        let mut preview = Self {
            options: MemoOptions::default(),
            lines: Vec::new(),
            memo_start: 0,
            warnings: 0,
            concerns: 0,
            scroll: 0,
            made_for: None,
        };
        preview.refresh(map, state, folder, keys);
        preview
    }

    /// Lays the memo out again when the map, the folder listing or the options changed.
    pub fn refresh(&mut self, map: &JourneyMap, state: u64, folder: &FolderListing, keys: &PreviewKeys) {
        let made_for = (state, folder.version(), self.options.open_only);
        if self.made_for == Some(made_for) {
            return;
        }
        let memo = self.memo(map);
        let files = listed(&memo, folder);
        let (checks, warnings) = checks(&memo, &files, keys);
        let mut lines = Vec::new();
        for (i, check) in checks.iter().enumerate() {
            if i == warnings {
                self.warnings = lines.len();
            }
            lines.extend(wrapped(check));
        }
        if warnings == checks.len() {
            self.warnings = lines.len();
        }
        self.concerns = checks[..warnings].iter().filter(|c| !c.starts_with(' ')).count();
        lines.push(String::new());
        self.memo_start = lines.len();
        let text = MemoFormat::Text.render(&memo, &files);
        lines.extend(String::from_utf8_lossy(&text).lines().map(str::to_owned));
        self.lines = lines;
        self.made_for = Some(made_for);
    }

    /// Lays the memo out again at the next refresh (its options changed).
    pub fn invalidate(&mut self) {
        self.made_for = None;
    }

    /// The first line shown when `rows` lines fit: never so far down that the page is
    /// not full.
    pub fn top(&self, rows: usize) -> usize {
        self.scroll.min(self.lines.len().saturating_sub(rows))
    }

    /// The memo as it would be written.
    pub fn memo(&self, map: &JourneyMap) -> Memo {
        Memo::build(map, &self.options)
    }
}
