//! What can sit on top of the screen: the help, a notice, or a question.

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
    /// "Save changes first?": y saves then leaves, n leaves without saving, Esc stays.
    LeaveUnsaved { then: AfterLeaving },
    /// "Keep what you typed?" (in an editor or a form): y keeps it, n drops it, Esc goes
    /// back to editing.
    KeepTyping,
}

/// A layer over the screen that takes the keys until it closes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help {
        scroll: usize,
    },
    Notice {
        title: String,
        lines: Vec<String>,
        scroll: usize,
    },
    Ask(Question),
}
