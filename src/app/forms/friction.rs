//! The friction-point form: text, severity, channel, votes, owner, status, evidence.

use super::{Context, FormPurpose, Outcome, ReadyForm, evidence};
use crate::app::completion::Completion;
use crate::app::form::{Field, Form};
use crate::app::names::Names;
use crate::app::queue::Queue;
use crate::model::{Edit, Item, JourneyMap, Severity, Status, channels};

const TEXT: &str = "text";
const SEVERITY: &str = "severity";
const CHANNEL: &str = "channel";
const VOTES: &str = "votes";
const OWNER: &str = "owner";
const STATUS: &str = "status";
const EVIDENCE: &str = "evidence";

const SEVERITIES: [Severity; 3] = [Severity::Minor, Severity::Major, Severity::Severe];

/// The form for friction point `at` of stage `stage`. Evidence entries the `queue` finds
/// missing (not beside the map) and the notes it links to the point are named under the
/// fields.
pub fn friction_form(
    map: &JourneyMap,
    names: &Names,
    stage: usize,
    at: usize,
    queue: &Queue,
) -> Option<ReadyForm> {
    let current = map.stages.get(stage)?;
    let friction = current.frictions.get(at)?;
    let severities = SEVERITIES
        .iter()
        .map(|s| format!("{} {}", s.number(), s.word()))
        .collect();
    let statuses = Status::ALL.iter().map(|s| s.label().to_owned()).collect();
    let fields = vec![
        Field::text(TEXT, "Text", &friction.text, true),
        Field::choice(
            SEVERITY,
            "Severity",
            severities,
            usize::from(friction.severity.number()) - 1,
        ),
        Field::text(CHANNEL, "Channel", &friction.channel, false)
            .completing(Completion::Names(names.channels(map))),
        Field::number(
            VOTES,
            "Votes",
            Some(f64::from(friction.votes)),
            0.0..=9999.0,
            true,
            false,
        ),
        Field::text(OWNER, "Owner", &friction.owner, false).completing(Completion::Names(names.owners())),
        Field::choice(
            STATUS,
            "Status",
            statuses,
            Status::ALL
                .iter()
                .position(|s| *s == friction.status)
                .unwrap_or(0),
        ),
        Field::text(EVIDENCE, "Evidence", &friction.evidence.join("\n"), true),
    ];
    let title = format!("Friction point {} · {}", at + 1, current.name);
    let mut form = Form::new(title, fields);
    let gone: Vec<&str> = friction
        .evidence
        .iter()
        .filter(|e| queue.missing.contains(*e))
        .map(String::as_str)
        .collect();
    let backed: Vec<&crate::model::ShadowNote> = queue
        .notes(&friction.id)
        .filter_map(|n| map.shadow.notes.get(n).map(|note| &**note))
        .collect();
    let mut notes = Vec::new();
    if !gone.is_empty() {
        notes.push(format!(
            "✗ evidence not found beside the map: {}",
            gone.join(", ")
        ));
    }
    if !backed.is_empty() {
        let evidence: usize = backed.iter().map(|n| n.evidence.len()).sum();
        notes.push(format!(
            "◆ backed by {} shadow note{} with {evidence} evidence of {} own",
            backed.len(),
            if backed.len() == 1 { "" } else { "s" },
            if backed.len() == 1 { "its" } else { "their" }
        ));
    }
    if !notes.is_empty() {
        form.note = Some(notes.join("  "));
    }
    Some((form, FormPurpose::Friction { stage, at }))
}

/// The edit keeping the form makes.
pub(super) fn outcome(
    map: &JourneyMap,
    stage: usize,
    at: usize,
    form: &mut Form,
    context: &Context,
) -> Result<Outcome, String> {
    let Some(original) = map.stages.get(stage).and_then(|s| s.frictions.get(at)) else {
        return Ok(Outcome::Unchanged);
    };
    let text = form.text(TEXT).trim().to_owned();
    if text.is_empty() {
        form.focus_on(TEXT);
        return Err("A friction point needs its text: what happened?".to_owned());
    }
    let votes = form.number(VOTES)?.unwrap_or(0.0) as u32;
    let mut friction = original.clone();
    friction.text = text;
    friction.severity = SEVERITIES.get(form.choice(SEVERITY)).copied().unwrap_or_default();
    let adopted = channels::adopt_among(map, form.text(CHANNEL), || context.names.channels(map));
    friction.channel = adopted.as_ref().map_or_else(String::new, |a| a.name.clone());
    friction.votes = votes;
    friction.owner = form.text(OWNER).trim().to_owned();
    friction.status = Status::ALL.get(form.choice(STATUS)).copied().unwrap_or_default();
    friction.evidence = evidence::typed_entries(form.text(EVIDENCE), context.folder);
    if &friction == original {
        return Ok(Outcome::Unchanged);
    }
    let edit = Edit::ReplaceItem {
        stage,
        at,
        item: Item::Friction(friction),
    };
    match adopted.and_then(|a| a.edit) {
        Some(list) => Ok(Outcome::Edit(
            Edit::Batch(vec![list, edit]),
            "edit friction point",
        )),
        None => Ok(Outcome::Edit(edit, "edit friction point")),
    }
}
