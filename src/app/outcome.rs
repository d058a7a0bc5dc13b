//! What the session reports back after doing I/O for the app: the app's update decides
//! what the screen says about it (`update::outcome::report`), the session never does.

use std::path::PathBuf;

use super::AfterLeaving;
use super::document::{Document, RecoveryOffer};
use super::start::StartScreen;
use crate::store::SaveRefused;

/// What the user already agreed to for one save.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Confirmed {
    /// Overwrite the file though it changed on disk (or was deleted).
    pub overwrite: bool,
    /// Replace the file though it is read-only.
    pub read_only: bool,
}

/// How one save ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveReport {
    pub path: PathBuf,
    /// The history state written: the map as it was at Ctrl-S.
    pub state: u64,
    /// Where to go once saved.
    pub then: Option<AfterLeaving>,
    /// What the user had agreed to, kept for the next question.
    pub confirmed: Confirmed,
    pub result: Result<(), SaveRefused>,
}

/// The result of one piece of I/O.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// A map was read from its file, with `warnings` problems noted.
    Opened { doc: Box<Document>, warnings: usize },
    /// A file could not be opened as a map; `lines` say why.
    NotOpened { path: PathBuf, lines: Vec<String> },
    /// A new map from the template `template`, created by the first save.
    Started {
        doc: Box<Document>,
        template: &'static str,
    },
    /// A copy of a bundled example; `evidence` says whether its pictures were written.
    ExampleOpened {
        doc: Box<Document>,
        evidence: Result<(), String>,
    },
    /// A new map made from a template in the data folder (its save follows).
    Created { doc: Box<Document> },
    /// Evidence files copied beside the map: (as typed, the copy's path in the map's
    /// folder), and the ones that could not be copied with why.
    EvidenceCopied {
        copied: Vec<(String, String)>,
        failed: Vec<String>,
    },
    /// A new map's file is already there: name another.
    NewMapExists {
        template: usize,
        title: String,
        path: PathBuf,
    },
    /// A bundled template or example could not be used.
    NotMade { what: &'static str, message: String },
    /// Another cxmap holds the map just opened: it shows read-only.
    LockedElsewhere { holder: String },
    /// Unsaved work from earlier was found for the map just opened.
    RecoveryFound(RecoveryOffer),
    /// A save of history state `state` was started; its report follows.
    Saving { path: PathBuf, state: u64 },
    /// A save ended, written or refused.
    Saved(SaveReport),
    /// Nothing saved: another cxmap has the map and this one shows it read-only.
    ReadOnlyHere,
    /// Save-as refused before anything was written (the map stays where it was): a file
    /// is already there, or its folder is missing. The path is offered again to change.
    SaveAsRefused { path: PathBuf, why: SaveAsProblem },
    /// Their version was read again; yours went to a kept copy (or could not).
    Reloaded { kept: Result<Option<PathBuf>, String> },
    /// Their version could not be read; `lines` say why.
    NotReloaded { lines: Vec<String> },
    /// The offered recovery copy was removed.
    RecoveryDiscarded,
    /// The system's opener was asked to show evidence (or could not be).
    EvidenceOpened(Result<String, String>),
    /// The observer's name could not be written to the settings.
    ObserverNotRemembered(String),
    /// The map is edited here although another cxmap has it open.
    EditingAnyway,
    /// A recovery copy could not be written.
    RecoveryFailed(String),
    /// The data folder was listed for the start screen.
    StartListed(StartScreen),
}

/// Why a save-as did not start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveAsProblem {
    /// A file is already there.
    Exists,
    /// The folder it would go in does not exist.
    NoFolder(PathBuf),
    /// The folder it would go in is a file.
    NotAFolder(PathBuf),
}
