//! What sits over the screen and takes the keys until it closes: an editor, a form with
//! its purpose, the link picker, or, over any of those, a question, the help or a notice.
//! One value: what a question or the help covers comes back when it closes.

use super::editor::Editor;
use super::form::Form;
use super::forms::FormPurpose;
use super::keymap::Mode;
use super::links::LinkPicker;
use super::note_links::NoteLinkPicker;
use super::outcome::Confirmed;
// Questions carry these; they live with the effect and the document they are about.
pub use super::AfterLeaving;
pub use super::document::RecoveryOffer;

/// A yes / no / cancel question.
#[derive(Debug, Clone, PartialEq)]
pub enum Question {
    /// "Delete stage …?": yes deletes, no or cancel keeps it.
    DeleteStage { stage: usize },
    /// "Delete this shadow note?": yes deletes, no or cancel keeps it.
    DeleteNote { at: usize },
    /// "“E-mail” exists: merge … into it?" (over the rename form): yes merges as one
    /// undoable edit, no or cancel goes back to the form.
    MergeChannels { from: String, into: String },
    /// "Save changes first?": yes saves then leaves, no leaves without saving, cancel stays.
    LeaveUnsaved { then: AfterLeaving },
    /// "Keep your changes to Channel and Owner?" (over an editor or a form), naming
    /// `what` changed: yes keeps them; no and cancel leave without keeping them (Esc Esc
    /// always gets out); the third answer goes back to editing.
    KeepTyping { what: String },
    /// "Keep the links you ticked (1 more, 2 fewer)?" (over the link picker), naming
    /// `what` changed: yes keeps them; no and cancel leave without them; the third
    /// answer goes back to ticking.
    KeepLinks { what: String },
    /// "Take back the unsaved work?": yes recovers it, no discards the copy, the third
    /// answer shows both side by side, cancel decides later.
    Recover(Box<RecoveryOffer>),
    /// "The file changed on disk": yes overwrites it, no reloads it (your version becomes
    /// a kept recovery copy), the third answer saves under another name, cancel does
    /// nothing.
    ChangedOnDisk {
        then: Option<AfterLeaving>,
        confirmed: Confirmed,
    },
    /// "The file was deleted": yes saves it again, the third answer saves under another
    /// name, cancel does nothing.
    DeletedOnDisk {
        then: Option<AfterLeaving>,
        confirmed: Confirmed,
    },
    /// "The file is read-only": yes replaces it all the same (it stays read-only), the
    /// third answer saves under another name, cancel does nothing.
    ReadOnlyFile {
        then: Option<AfterLeaving>,
        confirmed: Confirmed,
    },
    /// "The file is already there": yes replaces it with the document, no or cancel keeps it.
    ReplaceFile(Box<super::documents::Delivery>),
    /// "Another cxmap has this map open": yes stays read-only, no edits anyway.
    LockedElsewhere { holder: String },
    /// "These evidence files are outside the map's folder: copy them beside the map?":
    /// yes copies them into its `evidence/` folder and names the copies instead, no or
    /// cancel keeps the paths as typed (allowed, and marked).
    CopyEvidence { entries: Vec<String> },
}

/// The layer over the screen.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Modal {
    /// Nothing: the keys go to the screen.
    #[default]
    None,
    /// Text entry in the detail pane.
    Editor(Editor),
    /// Several fields kept together, and what keeping them is for.
    Form { form: Form, purpose: FormPurpose },
    /// Choosing which friction points an opportunity addresses.
    Links(LinkPicker),
    /// Choosing which friction point a note backs, or which notes back a point; what it
    /// was opened over (the friction point's form) comes back when it closes.
    NoteLinks {
        picker: NoteLinkPicker,
        behind: Box<Modal>,
    },
    /// A question over what `behind` holds.
    Ask { question: Question, behind: Box<Modal> },
    /// The keys, those of `from` (where it was asked for) first.
    Help {
        scroll: usize,
        from: Mode,
        behind: Box<Modal>,
    },
    /// A problem that takes more than one line to explain.
    Notice {
        title: String,
        lines: Vec<String>,
        scroll: usize,
        behind: Box<Modal>,
    },
}

impl Modal {
    /// What a question, the help or a notice covers (the modal itself otherwise).
    pub fn base(&self) -> &Modal {
        match self {
            Modal::Ask { behind, .. } | Modal::Help { behind, .. } | Modal::Notice { behind, .. } => {
                behind.base()
            }
            other => other,
        }
    }

    fn base_mut(&mut self) -> &mut Modal {
        match self {
            Modal::Ask { behind, .. } | Modal::Help { behind, .. } | Modal::Notice { behind, .. } => {
                behind.base_mut()
            }
            other => other,
        }
    }

    /// The editor, open on top or under a question or the help.
    pub fn editor(&self) -> Option<&Editor> {
        match self.base() {
            Modal::Editor(editor) => Some(editor),
            _ => None,
        }
    }

    /// The editor, to change.
    pub fn editor_mut(&mut self) -> Option<&mut Editor> {
        match self.base_mut() {
            Modal::Editor(editor) => Some(editor),
            _ => None,
        }
    }

    /// The form, open on top or under a question or the help.
    pub fn form(&self) -> Option<&Form> {
        match self.base() {
            Modal::Form { form, .. } => Some(form),
            _ => None,
        }
    }

    /// The form and its purpose, to change.
    pub fn form_mut(&mut self) -> Option<(&mut Form, FormPurpose)> {
        match self.base_mut() {
            Modal::Form { form, purpose } => Some((form, *purpose)),
            _ => None,
        }
    }

    /// The link picker, open on top or under a question or the help.
    pub fn links(&self) -> Option<&LinkPicker> {
        match self.base() {
            Modal::Links(picker) => Some(picker),
            _ => None,
        }
    }

    /// The link picker, to change.
    pub fn links_mut(&mut self) -> Option<&mut LinkPicker> {
        match self.base_mut() {
            Modal::Links(picker) => Some(picker),
            _ => None,
        }
    }

    /// The note-link picker, open on top or under a question or the help.
    pub fn note_links(&self) -> Option<&NoteLinkPicker> {
        match self.base() {
            Modal::NoteLinks { picker, .. } => Some(picker),
            _ => None,
        }
    }

    /// The note-link picker, to change.
    pub fn note_links_mut(&mut self) -> Option<&mut NoteLinkPicker> {
        match self.base_mut() {
            Modal::NoteLinks { picker, .. } => Some(picker),
            _ => None,
        }
    }

    /// Takes the note-link picker off the top, bringing back what it was opened over.
    pub fn take_note_links(&mut self) -> Option<NoteLinkPicker> {
        match std::mem::take(self) {
            Modal::NoteLinks { picker, behind } => {
                *self = *behind;
                Some(picker)
            }
            other => {
                *self = other;
                None
            }
        }
    }

    /// The question asked, if one is on top.
    pub fn question(&self) -> Option<&Question> {
        match self {
            Modal::Ask { question, .. } => Some(question),
            _ => None,
        }
    }

    /// Puts a layer over this one; `layer` gets what it covers.
    pub fn cover(&mut self, layer: impl FnOnce(Box<Modal>) -> Modal) {
        let behind = Box::new(std::mem::take(self));
        *self = layer(behind);
    }

    /// Closes the top layer: what a question, the help, a notice or the note-link picker
    /// covered comes back; an editor, a form or the link picker leaves nothing.
    pub fn close(&mut self) {
        *self = match std::mem::take(self) {
            Modal::Ask { behind, .. }
            | Modal::Help { behind, .. }
            | Modal::Notice { behind, .. }
            | Modal::NoteLinks { behind, .. } => *behind,
            _ => Modal::None,
        };
    }

    /// Takes the question off the top, bringing back what it covered.
    pub fn take_question(&mut self) -> Option<Question> {
        match std::mem::take(self) {
            Modal::Ask { question, behind } => {
                *self = *behind;
                Some(question)
            }
            other => {
                *self = other;
                None
            }
        }
    }

    /// Takes the editor when it is on top.
    pub fn take_editor(&mut self) -> Option<Editor> {
        match std::mem::take(self) {
            Modal::Editor(editor) => Some(editor),
            other => {
                *self = other;
                None
            }
        }
    }

    /// Takes the form and its purpose when they are on top.
    pub fn take_form(&mut self) -> Option<(Form, FormPurpose)> {
        match std::mem::take(self) {
            Modal::Form { form, purpose } => Some((form, purpose)),
            other => {
                *self = other;
                None
            }
        }
    }

    /// Takes the link picker when it is on top.
    pub fn take_links(&mut self) -> Option<LinkPicker> {
        match std::mem::take(self) {
            Modal::Links(picker) => Some(picker),
            other => {
                *self = other;
                None
            }
        }
    }

    /// The help's or a notice's scroll, when one is on top.
    pub fn scroll_mut(&mut self) -> Option<&mut usize> {
        match self {
            Modal::Help { scroll, .. } | Modal::Notice { scroll, .. } => Some(scroll),
            _ => None,
        }
    }
}
