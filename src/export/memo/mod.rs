//! The friction memo: every friction point, stage by stage, as an observation with its
//! evidence; who walked the journey, when, on what; the three worst first; what is not
//! yet observed; never an opportunity. [`Memo::build`] gathers the facts, the caller
//! looks the evidence files up ([`EvidenceFiles`]), and each format lays them out: text
//! and Markdown, and HTML and PDF on one A4 page planned by [`Plan`].

mod facts;
mod files;
mod fonts;
mod html;
mod levels;
mod markdown;
mod notes;
mod page;
mod pdf;
mod pictures;
mod plan;
mod text;

use std::path::Path;

pub use facts::{Memo, MemoStage, Observation, Quote, TopPoint};
pub use files::{EvidenceFiles, Found, Looked, Shown, display_name, escape_href, is_picture};
pub use pictures::Picture;
pub use plan::Plan;
pub use text::WIDTH as TEXT_WIDTH;

/// The formats the memo is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemoFormat {
    Markdown,
    Text,
    Html,
    Pdf,
}

impl MemoFormat {
    /// Every memo format, in menu order: the ones a manager opens first.
    pub const ALL: [MemoFormat; 4] = [
        MemoFormat::Html,
        MemoFormat::Pdf,
        MemoFormat::Markdown,
        MemoFormat::Text,
    ];

    /// The format for its command-line name (`md`, `txt`, `html`, `pdf`).
    pub fn parse(name: &str) -> Option<MemoFormat> {
        match name.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(MemoFormat::Markdown),
            "txt" | "text" => Some(MemoFormat::Text),
            "html" | "htm" => Some(MemoFormat::Html),
            "pdf" => Some(MemoFormat::Pdf),
            _ => None,
        }
    }

    /// The format a file's extension names (`memo.html`), if it names one.
    pub fn from_path(path: &Path) -> Option<MemoFormat> {
        MemoFormat::parse(path.extension()?.to_str()?)
    }

    /// The name on the command line, which is also the file extension.
    pub fn name(self) -> &'static str {
        match self {
            MemoFormat::Markdown => "md",
            MemoFormat::Text => "txt",
            MemoFormat::Html => "html",
            MemoFormat::Pdf => "pdf",
        }
    }

    /// What the format is, for a menu.
    pub fn label(self) -> &'static str {
        match self {
            MemoFormat::Markdown => "Markdown",
            MemoFormat::Text => "text (78 columns)",
            MemoFormat::Html => "HTML (one A4 page, photos inside)",
            MemoFormat::Pdf => "PDF (one A4 page)",
        }
    }

    /// Whether the format is printed on pages (and so planned to fit one).
    pub fn is_paged(self) -> bool {
        matches!(self, MemoFormat::Html | MemoFormat::Pdf)
    }

    /// The memo in this format, its evidence as `files` found it.
    pub fn render(self, memo: &Memo, files: &EvidenceFiles) -> Vec<u8> {
        match self {
            MemoFormat::Markdown => markdown::render(memo, files).into_bytes(),
            MemoFormat::Text => text::render(memo, files).into_bytes(),
            MemoFormat::Html => html::render(memo, &Plan::make(memo, files)).into_bytes(),
            MemoFormat::Pdf => pdf::render(memo, &Plan::make(memo, files)),
        }
    }
}

/// What the writer adds that the map may not hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MemoOptions {
    /// Leave out fixed and won't-fix friction points.
    pub open_only: bool,
    /// Who walked the journey (instead of the map's memo facts or the notes' observers).
    pub observers: Vec<String>,
    /// When (instead of the map's memo facts or the notes' dates), in the writer's words.
    pub dates: Option<String>,
    /// The devices used (instead of the map's memo facts).
    pub devices: Vec<String>,
    /// The day the memo was written, shown only when given.
    pub written: Option<String>,
}

/// The memo for a map in one call, its evidence not looked up (pictures drawn as
/// placeholders, files linked as written).
pub fn memo(map: &crate::model::JourneyMap, options: &MemoOptions, format: MemoFormat) -> Vec<u8> {
    format.render(&Memo::build(map, options), &EvidenceFiles::not_looked_up())
}

/// When nothing is left to observe.
const ALL_OBSERVED: &str = "Every stage and channel has shadow notes.";
/// A stage without friction points.
const NONE_HERE: &str = "No friction points recorded.";
