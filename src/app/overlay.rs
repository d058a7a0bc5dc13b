//! What can sit on top of the screen: the help, a notice, or a question.

use super::keymap::Mode;

/// Where the program goes once unsaved work has been dealt with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterLeaving {
    Quit,
    StartScreen,
}

/// A yes / no / cancel question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Question {
    /// "Delete stage …?": y deletes, n or Esc keeps it.
    DeleteStage { stage: usize },
    /// "Delete this shadow note?": y deletes, n or Esc keeps it.
    DeleteNote { at: usize },
    /// "“E-mail” exists: merge … into it?" (the rename form stays behind): y merges as
    /// one undoable edit, n or Esc goes back to the form.
    MergeChannels { from: String, into: String },
    /// "Save changes first?": y saves then leaves, n leaves without saving, Esc stays.
    LeaveUnsaved { then: AfterLeaving },
    /// "Keep what you typed?" (in an editor or a form): y keeps it, n drops it, Esc goes
    /// back to editing.
    KeepTyping,
    /// "Keep the links you ticked?" (in the link picker): y keeps them, n drops them, Esc
    /// goes back to ticking.
    KeepLinks,
    /// "Take back the unsaved work?" (the offer is in `App::recovery`): y recovers it,
    /// n discards the copy, a shows both side by side, Esc decides later.
    Recover,
    /// "The file changed on disk": y overwrites it, n reloads it (your version becomes a
    /// recovery copy), a saves under another name, Esc does nothing.
    ChangedOnDisk { then: Option<AfterLeaving> },
    /// "The file is already there": y replaces it with the document, n or Esc keeps it.
    ReplaceFile(Box<super::documents::Delivery>),
    /// "Another cxmap has this map open": y stays read-only, n edits anyway.
    LockedElsewhere { holder: String },
}

/// Unsaved work found from an earlier session, waiting for a decision.
#[derive(Debug, Clone, PartialEq)]
pub struct RecoveryOffer {
    pub map: Box<crate::model::JourneyMap>,
    /// When the copy was written (RFC 3339, UTC).
    pub written: String,
    /// What it changes, in words.
    pub changes: Vec<String>,
}

/// A layer over the screen that takes the keys until it closes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help {
        scroll: usize,
        /// The mode the help was asked from: its keys come first.
        from: Mode,
    },
    Notice {
        title: String,
        lines: Vec<String>,
        scroll: usize,
    },
    Ask(Question),
}
