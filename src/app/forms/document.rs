//! Forms for documents: the export menu (format and file), the memo's file, and who
//! walked the journey when the shadow notes do not say. The file field follows the
//! format while it still holds a default name beside the map.

use std::path::Path;

use super::{FormPurpose, Outcome, ReadyForm};
use crate::app::action::Action;
use crate::app::documents::{Delivery, MemoPreview};
use crate::app::form::{Field, Form};
use crate::app::keymap::{Keymap, Mode};
use crate::export::memo::MemoFormat;
use crate::export::{ExportFormat, path_beside};
use crate::model::JourneyMap;

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
    vec![
        "Markdown".to_owned(),
        "text (78 columns)".to_owned(),
        "HTML (one A4 page)".to_owned(),
    ]
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

/// The memo's file: a format, and the file beside the map (NAME-memo.md).
pub fn memo_file_form(map_path: &Path, keymap: &Keymap) -> ReadyForm {
    let file = path_beside(map_path, MEMO_SUFFIX, MemoFormat::Markdown.name());
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

/// Who walked the journey, when, and on what: for the memo's header.
pub fn memo_details_form(preview: &MemoPreview) -> ReadyForm {
    (
        Form::new(
            "Who walked the journey (names and devices separated by commas)".to_owned(),
            vec![
                Field::text(WALKED_BY, "Walked by", &preview.observers.join(", "), false),
                Field::text(WHEN, "When", preview.when.as_deref().unwrap_or(""), false),
                Field::text(DEVICES, "Devices", &preview.options.devices.join(", "), false),
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

pub(super) fn export_outcome(map: &JourneyMap, form: &Form) -> Result<Outcome, String> {
    let format = ExportFormat::ALL[form.choice(FORMAT).min(ExportFormat::ALL.len() - 1)];
    Ok(Outcome::Deliver(Box::new(Delivery {
        path: file(form)?,
        text: format.build(map),
        what: format!("{} export", format.title()),
        replace: false,
    })))
}

pub(super) fn memo_file_outcome(
    map: &JourneyMap,
    preview: Option<&MemoPreview>,
    form: &Form,
) -> Result<Outcome, String> {
    let Some(preview) = preview else {
        return Ok(Outcome::Unchanged);
    };
    let format = MemoFormat::ALL[form.choice(FORMAT).min(MemoFormat::ALL.len() - 1)];
    Ok(Outcome::Deliver(Box::new(Delivery {
        path: file(form)?,
        text: preview.document(map, format),
        what: "friction memo".to_owned(),
        replace: false,
    })))
}

fn list(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

pub(super) fn memo_details_outcome(form: &Form) -> Outcome {
    let when = form.text(WHEN).trim();
    Outcome::MemoDetails {
        observers: list(form.text(WALKED_BY)),
        dates: (!when.is_empty()).then(|| when.to_owned()),
        devices: list(form.text(DEVICES)),
    }
}
