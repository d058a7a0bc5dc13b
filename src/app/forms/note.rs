//! The shadow-note form: text, stage, channel, observer, time (local on screen, UTC in
//! the file) and evidence (one path or URL a line; Tab completes paths).

use super::{Context, FormPurpose, Outcome, ReadyForm, evidence};
use crate::app::choices::Choices;
use crate::app::completion::{Completion, TagNames};
use crate::app::form::{Field, Form};
use crate::model::capture::Capture;
use crate::model::{Edit, JourneyMap, NoteId, ShadowNote, channels, note_time};

const TEXT: &str = "text";
const STAGE: &str = "stage";
const CHANNEL: &str = "channel";
const OBSERVER: &str = "observer";
const TIME: &str = "time";
/// The evidence field, where Tab completes paths.
pub const EVIDENCE: &str = "evidence";

/// How times are typed in the form.
const TIME_FORMAT: &str = "%Y-%m-%d %H:%M";

/// What a new note starts with.
#[derive(Debug, Clone)]
pub struct NoteDefaults {
    pub stage: usize,
    pub channel: String,
    pub observer: String,
    /// The observer is only suggested (the login name): typing there replaces it.
    pub observer_suggested: bool,
    pub now: jiff::Timestamp,
}

/// A note's time in the local zone, as the form and the pane show it.
pub fn local_time(at: &str, zone: &jiff::tz::TimeZone) -> String {
    at.parse::<jiff::Timestamp>().map_or_else(
        |_| at.to_owned(),
        |t| t.to_zoned(zone.clone()).strftime(TIME_FORMAT).to_string(),
    )
}

/// The form for note `at` of the map, or for a new note when `at` is `None`; `known` are
/// the map's channels (`app::names`), for completion.
pub fn note_form(
    map: &JourneyMap,
    known: Vec<String>,
    at: Option<usize>,
    defaults: &NoteDefaults,
    zone: &jiff::tz::TimeZone,
) -> Option<ReadyForm> {
    if map.stages.is_empty() {
        return None;
    }
    let (note, title) = match at {
        Some(n) => (
            ShadowNote::clone(map.shadow.notes.get(n)?),
            "Shadow note".to_owned(),
        ),
        None => (
            ShadowNote {
                stage: map.stages.get(defaults.stage)?.id.clone(),
                channel: defaults.channel.clone(),
                observer: defaults.observer.clone(),
                at: note_time(defaults.now),
                ..ShadowNote::default()
            },
            "New shadow note".to_owned(),
        ),
    };
    let stage = map.stage_position(&note.stage).unwrap_or(0);
    let mut observer = Field::text(OBSERVER, "Observer", &note.observer, false);
    if at.is_none() && defaults.observer_suggested {
        observer = observer.suggested();
    }
    let fields = vec![
        Field::text(TEXT, "Text", &note.text, true).completing(Completion::Tags(TagNames {
            channels: known.clone(),
            owners: Vec::new(),
        })),
        Field::choice_among(STAGE, "Stage", Choices::stages(None, &map.stages), stage),
        Field::text(CHANNEL, "Channel", &note.channel, false).completing(Completion::Names(known)),
        observer,
        Field::text(TIME, "Time", &local_time(&note.at, zone), false),
        Field::text(EVIDENCE, "Evidence", &note.evidence.join("\n"), true),
    ];
    Some((Form::new(title, fields), FormPurpose::Note { at }))
}

/// Why a time typed in the right shape is still refused: its date or its hour does not
/// exist (2026-02-30, 24:10). `None` when the shape itself is wrong.
fn time_problem(typed: &str) -> Option<String> {
    let (date, clock) = typed.split_once(' ')?;
    let numbers = |text: &str, sep: char| -> Option<Vec<i64>> {
        text.split(sep).map(|part| part.parse().ok()).collect()
    };
    let (date_parts, clock_parts) = (numbers(date, '-')?, numbers(clock.trim(), ':')?);
    let ([year, month, day], [hour, minute]) = (date_parts.as_slice(), clock_parts.as_slice()) else {
        return None;
    };
    let small = |n: &i64| i8::try_from(*n).ok();
    let valid = i16::try_from(*year)
        .ok()
        .and_then(|y| jiff::civil::Date::new(y, small(month)?, small(day)?).ok());
    if valid.is_none() {
        return Some(format!(
            "The date {date} does not exist: check the month and the day"
        ));
    }
    if jiff::civil::Time::new(small(hour)?, small(minute)?, 0, 0).is_err() {
        return Some(format!(
            "The time {} does not exist: 00:00 to 23:59",
            clock.trim()
        ));
    }
    None
}

/// While note `at` is linked to a friction point of another stage than the one chosen,
/// the form says the two part ways.
pub fn stage_notice(map: &JourneyMap, at: Option<usize>, form: &mut Form) {
    let linked = at
        .and_then(|n| map.shadow.notes.get(n)?.friction.as_ref())
        .and_then(|id| map.friction_position(id));
    form.note = match linked {
        Some((s, _)) if s != form.choice(STAGE) => Some(format!(
            "Its friction point stays in “{}”",
            crate::text::display::truncate(&crate::text::display::clean_line(&map.stages[s].name), 30)
        )),
        _ => None,
    };
}

/// The note's time as typed in the form (local), in the file's UTC form; the note's own
/// time, exactly, when the field still shows it.
fn note_time_typed(
    form: &mut Form,
    original: Option<&ShadowNote>,
    zone: &jiff::tz::TimeZone,
) -> Result<String, String> {
    let typed_time = form.text(TIME).trim().to_owned();
    if let Some(note) = original.filter(|note| typed_time == local_time(&note.at, zone)) {
        return Ok(note.at.clone());
    }
    match jiff::civil::DateTime::strptime(TIME_FORMAT, &typed_time)
        .ok()
        .and_then(|t| t.to_zoned(zone.clone()).ok())
    {
        Some(zoned) => Ok(note_time(zoned.timestamp())),
        None => {
            form.focus_on(TIME);
            Err(time_problem(&typed_time).unwrap_or_else(|| {
                format!(
                    "Time must look like {}",
                    jiff::Timestamp::now()
                        .to_zoned(zone.clone())
                        .strftime(TIME_FORMAT)
                )
            }))
        }
    }
}

/// The edit keeping the form makes: the note, plus the channel joining the map's list
/// when it is new.
pub(super) fn outcome(
    map: &JourneyMap,
    at: Option<usize>,
    form: &mut Form,
    context: Context,
) -> Result<Outcome, String> {
    let Context {
        ids,
        zone,
        folder,
        taken,
        names,
        ..
    } = context;
    let capture = Capture::parse(form.text(TEXT));
    if capture.severity.is_some() || capture.owner.is_some() {
        form.focus_on(TEXT);
        return Err(format!(
            "A shadow note takes a #channel tag only ({}): make it a friction point for the rest",
            capture.describe()
        ));
    }
    let text = capture.text.trim().to_owned();
    if text.is_empty() {
        form.focus_on(TEXT);
        return Err("A shadow note needs its text: what did you see?".to_owned());
    }
    let typed_channel = match capture.channel {
        Some(tagged) => {
            channels::resolve(&names.channels(map), &tagged).map_or(tagged.clone(), str::to_owned)
        }
        None => form.text(CHANNEL).trim().to_owned(),
    };
    if typed_channel.is_empty() {
        form.focus_on(CHANNEL);
        return Err("Which channel was it? (website, store, call…)".to_owned());
    }
    let original = match at {
        Some(n) => match map.shadow.notes.get(n) {
            Some(note) => Some(ShadowNote::clone(note)),
            None => return Ok(Outcome::Unchanged),
        },
        None => None,
    };
    let time = note_time_typed(form, original.as_ref(), zone)?;
    let Some(stage) = map.stages.get(form.choice(STAGE)) else {
        return Ok(Outcome::Unchanged);
    };
    let mut edits = Vec::new();
    let channel = match channels::adopt_among(map, &typed_channel, || names.channels(map)) {
        Some(adopted) => {
            edits.extend(adopted.edit);
            adopted.name
        }
        None => typed_channel,
    };
    let mut note = original.clone().unwrap_or_else(|| ShadowNote {
        id: NoteId(ids.fresh(NoteId::PREFIX, taken)),
        ..ShadowNote::default()
    });
    note.text = text;
    note.stage = stage.id.clone();
    note.channel = channel.clone();
    note.observer = form.text(OBSERVER).trim().to_owned();
    if original.is_none() && note.observer.is_empty() {
        form.focus_on(OBSERVER);
        return Err("Who observed this? Your name signs your notes (asked once)".to_owned());
    }
    note.at = time;
    note.evidence = evidence::typed_entries(form.text(EVIDENCE), folder);
    if original.as_ref() == Some(&note) {
        return Ok(Outcome::Unchanged);
    }
    let (position, label) = match at {
        Some(n) => {
            edits.push(Edit::ReplaceNote {
                at: n,
                note: Box::new(note),
            });
            (n, "edit shadow note")
        }
        None => {
            let n = map.shadow.notes.len();
            edits.push(Edit::InsertNote {
                at: n,
                note: Box::new(note),
            });
            (n, "add shadow note")
        }
    };
    let edit = if edits.len() == 1 {
        edits.remove(0)
    } else {
        Edit::Batch(edits)
    };
    Ok(Outcome::Note {
        edit,
        label,
        at: position,
        channel,
    })
}
