//! The choice of which evidence to open when a note or friction point has several.

use super::{FormPurpose, Outcome, ReadyForm};
use crate::app::folder::FolderListing;
use crate::app::form::{Field, Form};
use crate::model::{EvidencePlace, evidence_place};

const EVIDENCE: &str = "evidence";

/// A form offering `entries` (← → to choose); `missing` names those not found beside the
/// map, and entries outside the map's folder are said to be.
pub fn evidence_form(title: &str, entries: &[String], missing: &dyn Fn(&str) -> bool) -> ReadyForm {
    let mut form = Form::new(
        title.to_owned(),
        vec![Field::choice(EVIDENCE, "Open", entries.to_vec(), 0)],
    );
    let gone: Vec<&str> = entries
        .iter()
        .filter(|e| missing(e))
        .map(String::as_str)
        .collect();
    let outside: Vec<&str> = entries
        .iter()
        .filter(|e| evidence_place(e) == EvidencePlace::Outside)
        .map(String::as_str)
        .collect();
    let mut notes = Vec::new();
    if !gone.is_empty() {
        notes.push(format!("✗ not found beside the map: {}", gone.join(", ")));
    }
    if !outside.is_empty() {
        notes.push(format!("↗ outside the map's folder: {}", outside.join(", ")));
    }
    if !notes.is_empty() {
        form.note = Some(notes.join("  "));
    }
    (form, FormPurpose::OpenEvidence)
}

/// The entry chosen.
pub(super) fn outcome(form: &Form) -> Outcome {
    match form.chosen(EVIDENCE) {
        Some(entry) => Outcome::OpenEvidence(entry.to_owned()),
        None => Outcome::Unchanged,
    }
}

/// The evidence typed in a form, one entry a line; a line that names nothing in the
/// folder but whose words each name a file there ("a.jpg b.jpg", typed without a new
/// line between them) becomes one entry per word.
pub(super) fn typed_entries(text: &str, folder: &FolderListing) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .flat_map(|line| {
            let words: Vec<&str> = line.split_whitespace().collect();
            let several =
                words.len() > 1 && folder.missing(line) && words.iter().all(|word| !folder.missing(word));
            if several {
                words.into_iter().map(str::to_owned).collect()
            } else {
                vec![line.to_owned()]
            }
        })
        .collect()
}
