//! What each form is for: how it is built from the map and what keeping it changes.
//! One file per kind of form.

mod friction;

pub use friction::friction_form;

use super::App;
use super::form::Form;
use crate::model::Edit;

/// The thing a form edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormPurpose {
    /// Every field of one friction point.
    Friction { stage: usize, at: usize },
}

/// The edit that keeping `form` makes, `Ok(None)` when nothing changed, or the reason the
/// form cannot be kept yet (the form then shows it and focuses the field at fault).
pub fn edit_from(app: &App, form: &mut Form) -> Result<Option<(Edit, &'static str)>, String> {
    let Some(doc) = &app.doc else {
        return Ok(None);
    };
    match form.purpose {
        FormPurpose::Friction { stage, at } => friction::edit_from(&doc.map, stage, at, form),
    }
}
