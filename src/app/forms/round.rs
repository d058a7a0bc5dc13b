//! The form that starts a voting round: who votes (names, or how many people), votes
//! each, a blind round or not, an optional timer, and whether to keep who voted what.

use std::time::Duration;

use super::{FormPurpose, Outcome, ReadyForm};
use crate::app::form::{Field, Form};
use crate::model::voting::{RoundSetup, participants_from};

const PEOPLE: &str = "people";
const VOTES_EACH: &str = "votes_each";
const BLIND: &str = "blind";
const MINUTES: &str = "minutes";
const KEEP: &str = "keep";

/// The form, set up as the last round was (or the usual dot-voting defaults).
pub fn round_form(last: Option<&RoundSetup>) -> ReadyForm {
    let people = last.map_or_else(|| "3".to_owned(), |setup| setup.participants.join(", "));
    let votes_each = last.map_or(3, |setup| setup.votes_each);
    let blind = last.is_none_or(|setup| setup.blind);
    let minutes = last
        .and_then(|setup| setup.timer)
        .map(|timer| timer.as_secs_f64() / 60.0);
    let keep = last.is_some_and(|setup| setup.keep_ballots);
    (
        Form::new(
            "Start a voting round".to_owned(),
            vec![
                Field::text(PEOPLE, "People", &people, false)
                    .suggested()
                    .hinted("names (Ana, Ben, Cy) or how many"),
                Field::number(
                    VOTES_EACH,
                    "Votes each",
                    Some(f64::from(votes_each)),
                    1.0..=50.0,
                    true,
                    false,
                )
                .suggested(),
                Field::choice(
                    BLIND,
                    "Blind",
                    vec![
                        "yes: counts hidden until the round ends".to_owned(),
                        "no: counts show as votes come in".to_owned(),
                    ],
                    usize::from(!blind),
                ),
                Field::number(MINUTES, "Minutes", minutes, 1.0..=120.0, false, true)
                    .suggested()
                    .hinted("a timer; empty for none"),
                Field::choice(
                    KEEP,
                    "Keep",
                    vec!["the totals only".to_owned(), "who voted what too".to_owned()],
                    usize::from(keep),
                ),
            ],
        ),
        FormPurpose::VotingRound,
    )
}

/// The round as set up; names or a count of people, checked.
pub(super) fn outcome(form: &mut Form) -> Result<Outcome, String> {
    let participants = participants_from(form.text(PEOPLE)).inspect_err(|_| form.focus_on(PEOPLE))?;
    let votes_each = form.number(VOTES_EACH)?.unwrap_or(3.0) as u32;
    let timer = form
        .number(MINUTES)?
        .map(|minutes| Duration::from_secs_f64(minutes * 60.0));
    Ok(Outcome::StartRound(RoundSetup {
        participants,
        votes_each,
        blind: form.choice(BLIND) == 0,
        timer,
        keep_ballots: form.choice(KEEP) == 1,
    }))
}
