//! Forms for documents: the export menu (format and file), the memo's file, and the
//! memo's facts the map keeps (who walked the journey, when, on what). The file field
//! follows the format while it still holds a default name beside the map.

use std::path::Path;
use std::sync::Arc;

use super::{FormPurpose, Outcome, ReadyForm};
use crate::app::action::Action;
use crate::app::documents::{Content, Delivery, MemoPreview, Walked};
use crate::app::form::{Field, Form};
use crate::app::keymap::{Keymap, Mode};
use crate::export::memo::MemoFormat;
use crate::export::{ExportFormat, path_beside};
use crate::model::{Edit, JourneyMap, MemoFacts};

const FORMAT: &str = "format";
const FILE: &str = "file";
const WALKED_BY: &str = "walked_by";
const WHEN: &str = "when";
const DEVICES: &str = "devices";

const EXPORT_SUFFIX: &str = "";
const MEMO_SUFFIX: &str = "-memo";

fn export_options() -> Vec<String> {
    ExportFormat::ALL.iter().map(|f| f.label().to_owned()).collect()
}

fn memo_options() -> Vec<String> {
    MemoFormat::ALL.iter().map(|f| f.label().to_owned()).collect()
}

/// "(← → format, Tab file, Enter writes)", with the keys of the keymap in use.
fn keys_hint(keymap: &Keymap) -> String {
    let key = |action: Action| keymap.key(Mode::Form, &action);
    format!(
        "({} {} format, {} file, {} writes)",
        key(Action::CursorLeft),
        key(Action::CursorRight),
        key(Action::NextField),
        key(Action::Commit)
    )
}

/// The export menu: a format, and the file beside the map.
pub fn export_form(map_path: &Path, keymap: &Keymap) -> ReadyForm {
    let file = path_beside(map_path, EXPORT_SUFFIX, ExportFormat::Markdown.extension());
    (
        Form::new(
            format!("Export the map {}", keys_hint(keymap)),
            vec![
                Field::choice(FORMAT, "Format", export_options(), 0),
                Field::text(FILE, "File", &file.display().to_string(), false),
            ],
        ),
        FormPurpose::Export,
    )
}

/// The memo's file: a format, and the file beside the map; HTML first (NAME-memo.html),
/// the one page a manager opens without help.
pub fn memo_file_form(map_path: &Path, keymap: &Keymap) -> ReadyForm {
    let file = path_beside(map_path, MEMO_SUFFIX, MemoFormat::ALL[0].name());
    (
        Form::new(
            format!("Write the friction memo {}", keys_hint(keymap)),
            vec![
                Field::choice(FORMAT, "Format", memo_options(), 0),
                Field::text(FILE, "File", &file.display().to_string(), false),
            ],
        ),
        FormPurpose::MemoFile,
    )
}

/// Who walked the journey, when, and on what: the memo's facts the map keeps, starting
/// from what the map says (or, before anything is written, what the shadow notes say, as
/// a suggestion that the first key typed replaces).
pub fn memo_details_form(map: &JourneyMap, said: &Walked) -> ReadyForm {
    let kept = map.memo.clone().unwrap_or_default();
    let fact = |name: &'static str, label: &'static str, kept: &str, derived: &str| {
        if kept.trim().is_empty() {
            Field::text(name, label, derived, false).suggested()
        } else {
            Field::text(name, label, kept, false)
        }
    };
    (
        Form::new(
            "Who walked the journey, when, on which devices (kept in the map)".to_owned(),
            vec![
                fact(WALKED_BY, "Walked by", &kept.walked_by, &said.walked_by),
                fact(WHEN, "When", &kept.when, &said.when),
                fact(DEVICES, "Devices", &kept.devices, &said.devices),
            ],
        ),
        FormPurpose::MemoDetails,
    )
}

/// The extensions the form's formats write, in choice order, and its file suffix.
fn extensions(purpose: FormPurpose) -> Option<(Vec<&'static str>, &'static str)> {
    match purpose {
        FormPurpose::Export => Some((
            ExportFormat::ALL.iter().map(|f| f.extension()).collect(),
            EXPORT_SUFFIX,
        )),
        FormPurpose::MemoFile => Some((MemoFormat::ALL.iter().map(|f| f.name()).collect(), MEMO_SUFFIX)),
        _ => None,
    }
}

/// After the format of a form for `purpose` changed: a file field still holding a default
/// name beside the map takes the new format's extension; a name the user typed is left
/// alone.
pub fn follow_format(form: &mut Form, purpose: FormPurpose, map_path: &Path) {
    let Some((extensions, suffix)) = extensions(purpose) else {
        return;
    };
    let selected = form.choice(FORMAT);
    let current = form.text(FILE).to_owned();
    let defaults: Vec<String> = extensions
        .iter()
        .map(|ext| path_beside(map_path, suffix, ext).display().to_string())
        .collect();
    if defaults.contains(&current)
        && let Some(new) = defaults.get(selected)
        && let Some(field) = form.field_mut(FILE)
    {
        *field = Field::text(FILE, "File", new, false);
    }
}

fn file(form: &Form) -> Result<std::path::PathBuf, String> {
    let text = form.text(FILE).trim();
    if text.is_empty() {
        return Err("Name the file to write".to_owned());
    }
    Ok(std::path::PathBuf::from(text))
}

pub(super) fn export_outcome(map: &Arc<JourneyMap>, form: &Form) -> Result<Outcome, String> {
    let format = ExportFormat::ALL[form.choice(FORMAT).min(ExportFormat::ALL.len() - 1)];
    Ok(Outcome::Deliver(Box::new(Delivery {
        path: file(form)?,
        content: Content::Export {
            map: Arc::clone(map),
            format,
        },
        what: format!("{} export", format.title()),
        replace: false,
    })))
}

pub(super) fn memo_file_outcome(
    map: &Arc<JourneyMap>,
    preview: Option<&MemoPreview>,
    form: &Form,
) -> Result<Outcome, String> {
    let Some(preview) = preview else {
        return Ok(Outcome::Unchanged);
    };
    let format = MemoFormat::ALL[form.choice(FORMAT).min(MemoFormat::ALL.len() - 1)];
    Ok(Outcome::Deliver(Box::new(Delivery {
        path: file(form)?,
        content: Content::Memo {
            map: Arc::clone(map),
            options: preview.options.clone(),
            format,
        },
        what: "friction memo".to_owned(),
        replace: false,
    })))
}

/// The facts as typed, kept in the map (one undoable change that marks it unsaved);
/// all three cleared takes the field out.
pub(super) fn memo_details_outcome(map: &JourneyMap, form: &Form) -> Outcome {
    let mut facts = map.memo.clone().unwrap_or_default();
    facts.walked_by = form.text(WALKED_BY).trim().to_owned();
    facts.when = form.text(WHEN).trim().to_owned();
    facts.devices = form.text(DEVICES).trim().to_owned();
    let facts = (!facts.is_empty()).then_some(facts);
    if facts == map.memo || (facts.is_none() && map.memo.as_ref().is_none_or(MemoFacts::is_empty)) {
        return Outcome::Unchanged;
    }
    Outcome::Edit(Edit::SetMemoFacts(facts), "memo facts")
}
