//! What each form is for: how it is built from the map and what keeping it changes.
//! One file per kind of form.

mod document;
mod evidence;
mod filter;
mod friction;
mod metrics;
mod name;
pub mod note;
mod note_filter;
mod round;

pub use document::{export_form, follow_format, memo_details_form, memo_file_form};
pub use evidence::evidence_form;
pub use filter::filter_form;
pub use friction::friction_form;
pub use metrics::{calculate, csat, metrics_form, nps};
pub use name::{channel_form, owner_form};
pub use note::{NoteDefaults, note_form};
pub use note_filter::note_filter_form;
pub use round::round_form;

use std::sync::Arc;

use super::board::BoardFilter;
use super::documents::MemoPreview;
use super::folder::FolderListing;
use super::form::Form;
use super::names::Names;
use super::shadow::NoteFilter;
use crate::model::{Coverage, Edit, IdGen, JourneyMap};

/// A form ready to open, with what keeping it is for.
pub type ReadyForm = (Form, FormPurpose);

/// The thing a form edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormPurpose {
    /// Every field of one friction point.
    Friction { stage: usize, at: usize },
    /// A stage's CSAT, NPS and CES.
    Metrics { stage: usize },
    /// The size of a voting round about to start.
    VotingRound,
    /// What the friction board shows.
    BoardFilter,
    /// A shadow note: the one at this position, or a new one.
    Note { at: Option<usize> },
    /// What the notes pane lists.
    NoteFilter,
    /// A channel to add (`None`) or rename.
    Channel { at: Option<usize> },
    /// A friction point's owner, set where decisions are made (council, board).
    Owner { stage: usize, at: usize },
    /// The export menu: format and file.
    Export,
    /// The friction memo's format and file.
    MemoFile,
    /// Who walked the journey, when and on what: the memo's facts the map keeps.
    MemoDetails,
    /// Which of several evidence entries to open.
    OpenEvidence,
}

/// What keeping a form does.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Nothing changed.
    Unchanged,
    /// One undoable change to the map, with its label for undo messages.
    Edit(Edit, &'static str),
    /// A voting round begins.
    StartRound(crate::model::voting::RoundSetup),
    /// The friction board shows only what passes.
    Filter(BoardFilter),
    /// A shadow note added or changed: the edit, its label, the note's position and
    /// its channel (the default for the next note).
    Note {
        edit: Edit,
        label: &'static str,
        at: usize,
        channel: String,
    },
    /// The notes pane lists only what passes.
    NoteFilter(NoteFilter),
    /// A channel renamed onto another one: ask before merging `from` into `into`.
    MergeChannels { from: String, into: String },
    /// A document to write.
    Deliver(Box<crate::app::documents::Delivery>),
    /// An evidence entry to open.
    OpenEvidence(String),
}

/// What keeping a form may read and use besides the form itself.
pub struct Context<'a> {
    /// The open map, if any (shared: a document to write takes it as it is).
    pub map: Option<&'a Arc<JourneyMap>>,
    /// The memo's preview, while it shows.
    pub memo: Option<&'a MemoPreview>,
    /// The notes counted per stage × channel (the channels a note filter offers).
    pub coverage: &'a Coverage,
    pub ids: &'a mut IdGen,
    /// Whether the map uses an id (for making fresh ones).
    pub taken: &'a dyn Fn(&str) -> bool,
    /// The channels and owners the map names, up to date with it.
    pub names: &'a Names,
    /// Times are typed in this zone.
    pub zone: &'a jiff::tz::TimeZone,
    /// The map's folder as listed, to read the evidence typed.
    pub folder: &'a FolderListing,
}

/// What keeping `form` for `purpose` does, or the reason it cannot be kept yet (the form
/// then shows it and focuses the field at fault).
pub fn outcome(form: &mut Form, purpose: FormPurpose, context: Context) -> Result<Outcome, String> {
    if purpose == FormPurpose::OpenEvidence {
        return Ok(evidence::outcome(form));
    }
    let Some(map) = context.map else {
        return Ok(Outcome::Unchanged);
    };
    match purpose {
        FormPurpose::Note { at } => note::outcome(map, at, form, context),
        FormPurpose::NoteFilter => Ok(note_filter::outcome(map, context.coverage, form)),
        FormPurpose::Channel { at } => name::channel_outcome(map, at, form),
        FormPurpose::Owner { stage, at } => Ok(name::owner_outcome(map, context.names, stage, at, form)),
        FormPurpose::Friction { stage, at } => friction::outcome(map, stage, at, form, &context),
        FormPurpose::Metrics { stage } => metrics::outcome(map, stage, form),
        FormPurpose::VotingRound => round::outcome(form),
        FormPurpose::BoardFilter => Ok(filter::outcome(map, context.names, form)),
        FormPurpose::Export => document::export_outcome(map, form),
        FormPurpose::MemoFile => document::memo_file_outcome(map, context.memo, form),
        FormPurpose::MemoDetails => Ok(document::memo_details_outcome(map, form)),
        FormPurpose::OpenEvidence => Ok(evidence::outcome(form)),
    }
}
