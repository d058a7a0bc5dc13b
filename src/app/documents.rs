//! Documents made from inside the program: the friction memo's preview (the memo as
//! text, with what to fix before sending it on top: page fit, text that reads like a
//! solution, missing files, unlinked notes), a document waiting to be written and what
//! waits to go on the clipboard.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use super::folder::FolderListing;
use crate::export::ExportFormat;
use crate::export::memo::{EvidenceFiles, Found, Looked, Memo, MemoFormat, MemoOptions, Plan};
use crate::model::JourneyMap;

/// What a document holds: the map as it was asked for (shared, not copied) and what to
/// make of it, made where it is written, off the input thread. The memo is rendered once
/// its evidence files are looked up (pictures for the HTML and the PDF, links from where
/// the file goes).
#[derive(Debug, Clone, PartialEq)]
pub enum Content {
    Export {
        map: Arc<JourneyMap>,
        format: ExportFormat,
    },
    Memo {
        map: Arc<JourneyMap>,
        options: MemoOptions,
        format: MemoFormat,
    },
}

impl Content {
    /// The bytes, with the memo's evidence not looked up (for tests and previews).
    pub fn plain(&self) -> Vec<u8> {
        match self {
            Content::Export { map, format } => format.build(map).into_bytes(),
            Content::Memo { map, options, format } => {
                format.render(&Memo::build(map, options), &EvidenceFiles::not_looked_up())
            }
        }
    }
}

/// What to put on the clipboard: text made already (a ticket, a stage), or a document
/// made where it is copied, off the input thread (the memo takes a fifth of a second on
/// a 2,800-stage map).
#[derive(Debug, Clone, PartialEq)]
pub enum Clipping {
    Text(String),
    Document(Content),
}

impl Clipping {
    /// The text to copy, made now if it was not.
    pub fn into_text(self) -> String {
        match self {
            Clipping::Text(text) => text,
            Clipping::Document(content) => String::from_utf8(content.plain())
                .unwrap_or_else(|bytes| String::from_utf8_lossy(bytes.as_bytes()).into_owned()),
        }
    }
}

/// A document to write for the user: an export or the memo.
#[derive(Debug, Clone, PartialEq)]
pub struct Delivery {
    pub path: PathBuf,
    pub content: Content,
    /// What it is, for the status bar ("friction memo", "CSV export").
    pub what: String,
    /// Replace a file already there (the user said yes).
    pub replace: bool,
}

/// What a layout of the memo is made for: one preview, the map's state, the folder
/// listing's version and the options.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LayoutFor {
    preview: u64,
    state: u64,
    listing: u64,
    open_only: bool,
}

/// The memo laid out for its preview: the checks, a blank line, then the memo's lines,
/// kept as one text (a large map's memo has 100,000 lines: one allocation to free, not
/// one per line, when the preview closes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemoLayout {
    /// Every line, each ending in a newline.
    text: String,
    /// Where each line starts in `text`.
    starts: Vec<usize>,
    /// The line where the memo's own lines start.
    pub memo_start: usize,
    /// How many of the first lines are warnings (the rest of the checks say all is well).
    pub warnings: usize,
    /// How many things the warnings are about.
    pub concerns: usize,
    /// Who walked the journey, when and on which devices, as the memo says.
    pub walked: Walked,
    made_for: LayoutFor,
}

/// Who walked the journey, when and on which devices, as the memo says them (kept in
/// the map, or found in the notes): what the details form suggests.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Walked {
    pub walked_by: String,
    pub when: String,
    pub devices: String,
}

impl Walked {
    /// What `memo` says.
    pub fn of(memo: &Memo) -> Self {
        Self {
            walked_by: memo.observers.join(", "),
            when: memo.when.clone().unwrap_or_default(),
            devices: memo.devices.join(", "),
        }
    }
}

/// A layout of the memo to make, holding all it needs (the map is shared, not copied),
/// so it can be made anywhere: the terminal loop makes it off the input thread.
#[derive(Debug, Clone)]
pub struct LayoutRequest {
    map: Arc<JourneyMap>,
    folder: FolderListing,
    options: MemoOptions,
    keys: PreviewKeys,
    made_for: LayoutFor,
}

impl LayoutRequest {
    /// What the layout is for.
    pub fn made_for(&self) -> LayoutFor {
        self.made_for
    }

    /// Builds the memo, checks it and lays it out as text: the whole memo's work.
    pub fn lay_out(self) -> MemoLayout {
        let memo = Memo::build(&self.map, &self.options);
        drop(self.map);
        let files = listed(&memo, &self.folder);
        let (checks, warning_checks) = checks(&memo, &files, &self.keys);
        let mut text = String::new();
        let mut warnings = 0;
        for (i, check) in checks.iter().enumerate() {
            if i == warning_checks {
                warnings = text.matches('\n').count();
            }
            for line in wrapped(check) {
                text.push_str(&line);
                text.push('\n');
            }
        }
        let concerns = checks[..warning_checks]
            .iter()
            .filter(|c| !c.starts_with(' '))
            .count();
        text.push('\n');
        let memo_start = text.matches('\n').count();
        if warning_checks == checks.len() {
            warnings = memo_start - 1;
        }
        text.push_str(&String::from_utf8_lossy(&MemoFormat::Text.render(&memo, &files)));
        if !text.ends_with('\n') {
            text.push('\n');
        }
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(at, _)| at + 1))
            .filter(|&start| start < text.len())
            .collect();
        MemoLayout {
            walked: Walked::of(&memo),
            text,
            starts,
            memo_start,
            warnings,
            concerns,
            made_for: self.made_for,
        }
    }
}

impl MemoLayout {
    /// How many lines there are.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// Line `index` (empty past the end), without its newline.
    pub fn line(&self, index: usize) -> &str {
        let Some(&start) = self.starts.get(index) else {
            return "";
        };
        let end = self.starts.get(index + 1).map_or(self.text.len(), |&next| next);
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }

    /// Every line, in order.
    pub fn lines(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|index| self.line(index))
    }

    /// The text from line `index` on, newlines and all.
    pub fn text_from(&self, index: usize) -> &str {
        self.starts.get(index).map_or("", |&start| &self.text[start..])
    }
}

/// Tells previews apart, so a layout made for one is never taken by another.
static PREVIEWS_OPENED: AtomicU64 = AtomicU64::new(0);

/// The memo preview screen: the checks before sending, then the memo as text, once
/// laid out (a large map's memo takes a while; the last layout shows meanwhile).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemoPreview {
    pub options: MemoOptions,
    pub scroll: usize,
    /// The latest layout, which may be for an earlier state until the next one comes.
    pub layout: Option<MemoLayout>,
    /// What the layout should be made for now.
    wanted: LayoutFor,
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
    /// The preview of the map at `state`, with no options and not laid out yet.
    pub fn open(state: u64, folder: &FolderListing) -> Self {
        let options = MemoOptions::default();
        Self {
            wanted: LayoutFor {
                preview: PREVIEWS_OPENED.fetch_add(1, Ordering::Relaxed),
                state,
                listing: folder.version(),
                open_only: options.open_only,
            },
            options,
            scroll: 0,
            layout: None,
        }
    }

    /// Follows the map, the folder listing and the options: a layout made for anything
    /// else is wanted again.
    pub fn refresh(&mut self, state: u64, folder: &FolderListing) {
        self.wanted.state = state;
        self.wanted.listing = folder.version();
        self.wanted.open_only = self.options.open_only;
    }

    /// The layout to make, if the one shown is not made for the map as it is now.
    pub fn request(
        &self,
        map: &Arc<JourneyMap>,
        folder: &FolderListing,
        keys: PreviewKeys,
    ) -> Option<LayoutRequest> {
        let current = self.layout.as_ref().is_some_and(|l| l.made_for == self.wanted);
        (!current).then(|| LayoutRequest {
            map: Arc::clone(map),
            folder: folder.clone(),
            options: self.options.clone(),
            keys,
            made_for: self.wanted,
        })
    }

    /// Takes in `layout` if it was made for this preview; whether it was the first.
    pub fn take(&mut self, layout: MemoLayout) -> Option<bool> {
        if layout.made_for.preview != self.wanted.preview {
            return None;
        }
        let first = self.layout.is_none();
        self.layout = Some(layout);
        Some(first)
    }

    /// How many lines the preview shows: the checks, then the memo (none until the first
    /// layout).
    pub fn line_count(&self) -> usize {
        self.layout.as_ref().map_or(0, MemoLayout::len)
    }

    /// The first line shown when `rows` lines fit: never so far down that the page is
    /// not full.
    pub fn top(&self, rows: usize) -> usize {
        self.scroll.min(self.line_count().saturating_sub(rows))
    }

    /// The memo as it would be written.
    pub fn memo(&self, map: &JourneyMap) -> Memo {
        Memo::build(map, &self.options)
    }

    /// Who walked the journey, when and on which devices, as the memo of `map` says: from
    /// the layout when it is made for the map as it is, else from the memo built again.
    pub fn walked(&self, map: &JourneyMap) -> Walked {
        match &self.layout {
            Some(layout) if layout.made_for == self.wanted => layout.walked.clone(),
            _ => Walked::of(&self.memo(map)),
        }
    }
}
