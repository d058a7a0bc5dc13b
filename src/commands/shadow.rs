//! `cxmap shadow add FILE …`: appends a shadow note to a map from the command line, with
//! the same checks and atomic save as the program (a locked or unreadable map is left alone).
//! The text may end in quick-capture tags, as in the program (`#channel`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::format;
use crate::model::capture::Capture;
use crate::model::{
    Edit, FrictionId, IdGen, JourneyMap, Severity, ShadowNote, channel_names, channels, council, note_time,
    ops, reads_like_solution,
};
use crate::session::load_error_lines;
use crate::store::{self, Expect, Fingerprint, MapLock, MapSave, SaveRefused, save_checked, settings};
use crate::text::display::clean_line;

/// What `cxmap shadow add` was asked to write.
#[derive(Debug, Clone)]
pub struct NewNote {
    pub stage: String,
    /// The channel, unless the text's `#channel` tag gives it.
    pub channel: Option<String>,
    pub text: String,
    pub evidence: Vec<String>,
    pub observer: Option<String>,
    /// Also record a friction point linked to the note (`--friction`).
    pub friction: bool,
    /// The friction point's severity (`--severity`); a `!N` tag may give it instead.
    pub severity: Option<Severity>,
}

/// What the text and its tags say: the text without its tags, the channel, and for a
/// friction point its severity and owner.
struct Tagged {
    text: String,
    channel: String,
    severity: Severity,
    owner: Option<String>,
}

/// The stage named by `wanted`: its id, its name (ignoring case), its number, or the
/// start of its name or of a word of it when only one stage's fits ("loyalty").
fn find_stage(map: &JourneyMap, wanted: &str) -> Result<usize, String> {
    let wanted = wanted.trim();
    if let Some(s) = map.stages.iter().position(|s| s.id.as_str() == wanted) {
        return Ok(s);
    }
    let named: Vec<usize> = map
        .stages
        .iter()
        .enumerate()
        .filter(|(_, s)| s.name.trim().to_lowercase() == wanted.to_lowercase())
        .map(|(i, _)| i)
        .collect();
    match named.as_slice() {
        [one] => return Ok(*one),
        [] => {}
        _ => {
            return Err(format!(
                "more than one stage is called \"{}\"; name it by its id",
                clean_line(wanted)
            ));
        }
    }
    if let Ok(n) = wanted.parse::<usize>()
        && (1..=map.stages.len()).contains(&n)
    {
        return Ok(n - 1);
    }
    let starting: Vec<usize> = (0..map.stages.len())
        .filter(|&s| channel_names::starts(&map.stages[s].name, wanted))
        .collect();
    match starting.as_slice() {
        [one] => Ok(*one),
        [] => Err(format!("the map has no stage called \"{}\"", clean_line(wanted))),
        several => Err(format!(
            "\"{}\" starts more than one stage ({}); name it more fully",
            clean_line(wanted),
            several
                .iter()
                .map(|&s| format!("{} {}", s + 1, clean_line(&map.stages[s].name)))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

fn stage_list(map: &JourneyMap) -> Vec<String> {
    map.stages
        .iter()
        .enumerate()
        .map(|(i, s)| {
            format!(
                "  {} {} ({})",
                i + 1,
                clean_line(&s.name),
                clean_line(s.id.as_str())
            )
        })
        .collect()
}

/// Loads a map for a command that only reads it; prints why not and gives the exit code
/// when it cannot.
pub(super) fn load_map(file: &Path) -> Result<JourneyMap, ExitCode> {
    read_map(file).map(|(map, _)| map)
}

/// Loads a map to change it, with what its file held; when it cannot, also says the file
/// was left as it was.
fn load_for_change(file: &Path) -> Result<(JourneyMap, Fingerprint), ExitCode> {
    read_map(file).inspect_err(|_| eprintln!("cxmap: the file was not changed"))
}

fn read_map(file: &Path) -> Result<(JourneyMap, Fingerprint), ExitCode> {
    let loaded = store::read_limited(file).and_then(|bytes| {
        let loaded = store::parse_loaded(file, &bytes, &mut IdGen::random())?;
        Ok((loaded.map, Fingerprint::of(&bytes)))
    });
    loaded.map_err(|error| {
        for line in load_error_lines(&error) {
            eprintln!("{}", clean_line(&line));
        }
        ExitCode::from(if error.is_unreadable() { 2 } else { 1 })
    })
}

/// The note's text without its trailing tags, and its channel: `--channel` or the
/// text's `#channel` tag (which must then agree). `!N` and `@name` tag a friction point,
/// so they need `--friction`; `!N` and `--severity` must agree.
fn note_tags(note: &NewNote, map: &JourneyMap) -> Result<Tagged, String> {
    let capture = Capture::parse(note.text.trim());
    if !note.friction && (capture.severity.is_some() || capture.owner.is_some()) {
        return Err(format!(
            "the text's tags set {}: a shadow note has no severity or owner; add --friction to \
             record the friction point too, or leave them out",
            clean_line(&capture.describe())
        ));
    }
    let severity = match (note.severity, capture.severity) {
        (Some(given), Some(tagged)) if given != tagged => {
            return Err(format!(
                "--severity says {} and the text's tag says !{}: give one",
                given.number(),
                tagged.number()
            ));
        }
        (Some(severity), _) | (None, Some(severity)) => severity,
        (None, None) => Severity::default(),
    };
    let given = note.channel.as_deref().map(str::trim).filter(|c| !c.is_empty());
    let channel = match (given, capture.channel.as_deref()) {
        (Some(given), Some(tagged)) if !channels::same(given, tagged) => {
            return Err(format!(
                "--channel says \"{}\" and the text's tag says \"#{}\": give one",
                clean_line(given),
                clean_line(tagged)
            ));
        }
        // Given or tagged, it is the room's word: "app" is the map's "Mobile app", "phone"
        // its "Contact-centre call".
        (Some(typed), _) | (None, Some(typed)) => channels::resolve(&channels::known(map), typed)
            .unwrap_or(typed)
            .to_owned(),
        (None, None) => String::new(),
    };
    if capture.text.trim().is_empty() || channel.is_empty() {
        return Err(
            "a shadow note needs its --text and its --channel (or a #channel tag ending the text)".to_owned(),
        );
    }
    Ok(Tagged {
        text: capture.text.trim().to_owned(),
        channel,
        severity,
        owner: capture
            .owner
            .map(|o| o.trim().to_owned())
            .filter(|o| !o.is_empty())
            .map(|o| channels::resolve(&council::owners(map), &o).map_or(o.clone(), str::to_owned)),
    })
}

/// Makes the map's last note (the one just added) a friction point of its stage, linked
/// to it, with the tags' severity and owner: `--friction`.
fn friction_from_note(map: &mut JourneyMap, tagged: &Tagged) -> Result<crate::model::FrictionId, String> {
    let at = map.shadow.notes.len().saturating_sub(1);
    let id = map.fresh_friction_id(&mut IdGen::random());
    let edit = ops::note_to_friction_of(map, at, id.clone(), tagged.severity)
        .ok_or_else(|| "the note could not become a friction point".to_owned())?;
    edit.apply(map).map_err(|e| e.to_string())?;
    if let (Some(owner), Some((stage, i))) = (&tagged.owner, map.friction_position(&id)) {
        map.stages[stage].frictions[i].owner.clone_from(owner);
    }
    Ok(id)
}

/// What adding the note changed, before it is saved.
struct Added {
    map: JourneyMap,
    stage: usize,
    note: crate::model::NoteId,
    /// The note's channel, as the map spells it.
    channel: String,
    /// The channel that joined the map's list, if one did.
    new_channel: Option<String>,
    /// The friction point recorded with the note (`--friction`) and its severity.
    point: Option<(FrictionId, Severity)>,
}

/// Adds the note and saves the map.
pub fn shadow_add(file: &Path, note: &NewNote) -> ExitCode {
    let shown = clean_line(&file.display().to_string()).into_owned();
    // Held until the note is written, so no cxmap opens the map halfway.
    let _lock = match MapLock::take(file) {
        Ok(lock) => lock,
        Err(holder) => {
            eprintln!(
                "cxmap: {shown} is open in another cxmap ({holder}); add the note there, or close it first"
            );
            return ExitCode::from(1);
        }
    };
    let (map, read) = match load_for_change(file) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let stage = match find_stage(&map, &note.stage) {
        Ok(stage) => stage,
        Err(message) if map.stages.is_empty() => {
            eprintln!("cxmap: {message}: it has no stages yet (open it in cxmap and add one)");
            eprintln!("cxmap: the file was not changed");
            return ExitCode::from(1);
        }
        Err(message) => {
            eprintln!("cxmap: {message}. The stages are:");
            for line in stage_list(&map) {
                eprintln!("{line}");
            }
            eprintln!("cxmap: the file was not changed");
            return ExitCode::from(1);
        }
    };
    match add(map, stage, note, file) {
        Ok(added) => save_and_say(file, &shown, read, &added),
        Err(message) => {
            eprintln!("cxmap: {message}; the file was not changed");
            ExitCode::from(1)
        }
    }
}

/// Who observed the note: `--observer`, else the configured name.
fn observer_of(note: &NewNote) -> Result<String, String> {
    if note.observer.as_ref().is_some_and(|o| o.trim().is_empty()) {
        return Err("--observer is empty: give a name, or leave it out to use the configured one".to_owned());
    }
    if note.observer.is_none()
        && let Some(problem) = settings::problem()
    {
        eprintln!("cxmap: {}", clean_line(&problem));
    }
    note.observer
        .clone()
        .or_else(settings::default_observer)
        .map(|o| o.trim().to_owned())
        .ok_or_else(|| "who observed this? Give --observer NAME".to_owned())
}

/// The note (with its channel on the map's list, and its friction point when asked)
/// added to `map`, in stage `stage`.
fn add(mut map: JourneyMap, stage: usize, note: &NewNote, file: &Path) -> Result<Added, String> {
    let tagged = note_tags(note, &map)?;
    let observer = observer_of(note)?;
    let mut edits = Vec::new();
    let mut added_channel = None;
    let channel = match channels::adopt(&map, &tagged.channel) {
        Some(adopted) => {
            if let Some(edit) = adopted.edit {
                edits.push(edit);
                added_channel = Some(adopted.name.clone());
            }
            adopted.name
        }
        None => tagged.channel.clone(),
    };
    let folder = file
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    for evidence in &note.evidence {
        if store::evidence_missing(&folder, evidence) {
            eprintln!(
                "cxmap: warning: the evidence {} is not in the map's folder (kept as written)",
                clean_line(evidence)
            );
        }
    }
    let id = map.fresh_note_id(&mut IdGen::random());
    let new = ShadowNote {
        id: id.clone(),
        at: note_time(jiff::Timestamp::now()),
        observer,
        stage: map.stages[stage].id.clone(),
        channel: channel.clone(),
        text: tagged.text.clone(),
        evidence: note.evidence.iter().map(|e| e.trim().to_owned()).collect(),
        ..ShadowNote::default()
    };
    edits.push(Edit::InsertNote {
        at: map.shadow.notes.len(),
        note: Box::new(new),
    });
    Edit::Batch(edits).apply(&mut map).map_err(|e| e.to_string())?;
    let point = if note.friction {
        Some((friction_from_note(&mut map, &tagged)?, tagged.severity))
    } else {
        None
    };
    Ok(Added {
        map,
        stage,
        note: id,
        channel,
        new_channel: added_channel,
        point,
    })
}

/// Saves the map with the note (refused if it changed on disk meanwhile) and says what
/// was added.
fn save_and_say(file: &Path, shown: &str, read: Fingerprint, added: &Added) -> ExitCode {
    let save = MapSave {
        path: file.to_path_buf(),
        bytes: format::encode(&added.map),
        expect: Expect::Unchanged(read),
        replace_read_only: false,
    };
    match save_checked(&save) {
        Ok(_) => {
            if let Some(channel) = &added.new_channel {
                println!(
                    "Added the channel \"{}\" to the map's channels",
                    clean_line(channel)
                );
            }
            println!(
                "Added shadow note {} to {shown}: stage {} {}, {}",
                added.note,
                added.stage + 1,
                clean_line(&added.map.stages[added.stage].name),
                clean_line(&added.channel)
            );
            if let Some((point, severity)) = &added.point {
                println!(
                    "Added friction point {point} ({}), linked to the note",
                    severity.word()
                );
                coach(&added.map, point);
            }
            ExitCode::SUCCESS
        }
        Err(refused) => {
            let why = match refused {
                SaveRefused::ReadOnly => "the map is read-only (make it writable first)".to_owned(),
                SaveRefused::ChangedOnDisk | SaveRefused::Deleted => {
                    "the map changed on disk meanwhile; try again".to_owned()
                }
                SaveRefused::Failed(error) => error.to_string(),
            };
            eprintln!("cxmap: not saved: {}; the file was not changed", clean_line(&why));
            ExitCode::from(1)
        }
    }
}

/// The observation coach on a point just recorded, as the program warns when one is kept:
/// it stays, and the warning says what to write instead.
fn coach(map: &JourneyMap, point: &FrictionId) {
    let text = map
        .friction_position(point)
        .map(|(stage, at)| map.stages[stage].frictions[at].text.as_str());
    if let Some(advice) = text.and_then(reads_like_solution) {
        eprintln!("cxmap: warning: the friction point {}", advice.message());
    }
}
