//! What each form is for: how it is built from the map and what keeping it changes.
//! One file per kind of form.

mod filter;
mod friction;
mod round;

pub use filter::filter_form;
pub use friction::friction_form;
pub use round::round_form;

use super::App;
use super::board::BoardFilter;
use super::form::Form;
use crate::model::Edit;

/// The thing a form edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormPurpose {
    /// Every field of one friction point.
    Friction { stage: usize, at: usize },
    /// The size of a voting round about to start.
    VotingRound,
    /// What the friction board shows.
    BoardFilter,
}

/// What keeping a form does.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Nothing changed.
    Unchanged,
    /// One undoable change to the map, with its label for undo messages.
    Edit(Edit, &'static str),
    /// A voting round begins.
    StartRound { per_person: u32, people: u32 },
    /// The friction board shows only what passes.
    Filter(BoardFilter),
}

/// What keeping `form` does, or the reason it cannot be kept yet (the form then shows it
/// and focuses the field at fault).
pub fn outcome(app: &App, form: &mut Form) -> Result<Outcome, String> {
    let Some(doc) = &app.doc else {
        return Ok(Outcome::Unchanged);
    };
    match form.purpose {
        FormPurpose::Friction { stage, at } => friction::outcome(&doc.map, stage, at, form),
        FormPurpose::VotingRound => round::outcome(form),
        FormPurpose::BoardFilter => Ok(filter::outcome(&doc.map, form)),
    }
}
