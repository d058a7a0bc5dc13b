//! The form that starts a voting round: votes per person and how many people vote.

use super::{FormPurpose, Outcome, ReadyForm};
use crate::app::form::{Field, Form};

const PER_PERSON: &str = "per_person";
const PEOPLE: &str = "people";

/// The form, with the usual dot-voting defaults.
pub fn round_form() -> ReadyForm {
    (
        Form::new(
            "Start a voting round".to_owned(),
            vec![
                Field::number(PER_PERSON, "Votes each", Some(3.0), 1.0..=50.0, true, false),
                Field::number(PEOPLE, "People", Some(6.0), 1.0..=500.0, true, false),
            ],
        ),
        FormPurpose::VotingRound,
    )
}

pub(super) fn outcome(form: &mut Form) -> Result<Outcome, String> {
    let per_person = form.number(PER_PERSON)?.unwrap_or(3.0) as u32;
    let people = form.number(PEOPLE)?.unwrap_or(1.0) as u32;
    Ok(Outcome::StartRound { per_person, people })
}
