//! The friction board's filter form: status, severity, channel and owner, each "any" by
//! default.

use super::{FormPurpose, Outcome, ReadyForm};
use crate::app::board::BoardFilter;
use crate::app::completion::Completion;
use crate::app::form::{Field, Form};
use crate::app::names::Names;
use crate::model::{JourneyMap, Severity, Status};

const STATUS: &str = "status";
const SEVERITY: &str = "severity";
const CHANNEL: &str = "channel";
const OWNER: &str = "owner";

const SEVERITIES: [Severity; 3] = [Severity::Minor, Severity::Major, Severity::Severe];
const ANY: &str = "any";

fn with_any(options: impl Iterator<Item = String>) -> Vec<String> {
    std::iter::once(ANY.to_owned()).chain(options).collect()
}

/// The form, showing `current`.
pub fn filter_form(map: &JourneyMap, names: &Names, current: &BoardFilter) -> ReadyForm {
    let channels = names.channels(map);
    let position = |found: Option<usize>| found.map_or(0, |i| i + 1);
    let fields = vec![
        Field::choice(
            STATUS,
            "Status",
            with_any(Status::ALL.iter().map(|s| s.label().to_owned())),
            position(
                current
                    .status
                    .and_then(|s| Status::ALL.iter().position(|x| *x == s)),
            ),
        ),
        Field::choice(
            SEVERITY,
            "Severity",
            with_any(SEVERITIES.iter().map(|s| format!("{} {}", s.number(), s.word()))),
            position(
                current
                    .severity
                    .and_then(|s| SEVERITIES.iter().position(|x| *x == s)),
            ),
        ),
        Field::choice(
            CHANNEL,
            "Channel",
            with_any(channels.iter().cloned()),
            position(
                current
                    .channel
                    .as_ref()
                    .and_then(|c| channels.iter().position(|x| x == c)),
            ),
        ),
        Field::text(
            OWNER,
            "Owner",
            current.owner.as_deref().unwrap_or_default(),
            false,
        )
        .completing(Completion::Names(names.owners())),
    ];
    (
        Form::new("Filter the friction board".to_owned(), fields),
        FormPurpose::BoardFilter,
    )
}

pub(super) fn outcome(map: &JourneyMap, names: &Names, form: &Form) -> Outcome {
    let pick = |name: &str| form.choice(name).checked_sub(1);
    let owner = form.text(OWNER).trim();
    Outcome::Filter(BoardFilter {
        status: pick(STATUS).and_then(|i| Status::ALL.get(i).copied()),
        severity: pick(SEVERITY).and_then(|i| SEVERITIES.get(i).copied()),
        channel: pick(CHANNEL).and_then(|i| names.channels(map).get(i).cloned()),
        owner: (!owner.is_empty()).then(|| owner.to_owned()),
    })
}
