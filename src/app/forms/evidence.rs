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
        Some(entry) => Outcome::OpenEvidence(entry.into_owned()),
        None => Outcome::Unchanged,
    }
}

/// The evidence typed in a form, one entry a line; a line that names nothing in the
/// folder but whose words each name a file there or look like one ("a.jpg b.jpg", typed
/// without a new line between them) becomes one entry per word, so a missing one is
/// marked on its own and the others still show.
pub(super) fn typed_entries(text: &str, folder: &FolderListing) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .flat_map(|line| {
            let words: Vec<&str> = line.split_whitespace().collect();
            let several = words.len() > 1
                // An address holds no spaces, so a line with one is several entries.
                && (folder.missing(line) || line.contains("://"))
                && words
                    .iter()
                    .all(|word| !folder.missing(word) || looks_like_a_file(word));
            if several {
                words.into_iter().map(str::to_owned).collect()
            } else {
                vec![line.to_owned()]
            }
        })
        .collect()
}

/// Whether a word reads as a file name or an address: a URL, or a name ending in an
/// extension of one to five letters or digits ("IMG_2042.jpg", not "my" or "v1.").
fn looks_like_a_file(word: &str) -> bool {
    if word.contains("://") {
        return true;
    }
    let name = word.rsplit(['/', '\\']).next().unwrap_or(word);
    name.rsplit_once('.').is_some_and(|(stem, extension)| {
        !stem.is_empty()
            && (1..=5).contains(&extension.len())
            && extension.chars().all(|c| c.is_ascii_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_typed_on_one_line_become_one_entry_each_even_when_one_is_missing() {
        let folder = FolderListing::holding(&["phone/IMG_2042.jpg", "my photo.jpg"]);
        assert_eq!(
            typed_entries("phone/IMG_2042.jpg evidence/receipt.jpg", &folder),
            ["phone/IMG_2042.jpg", "evidence/receipt.jpg"]
        );
        assert_eq!(
            typed_entries("my photo.jpg", &folder),
            ["my photo.jpg"],
            "a name with a space"
        );
        assert_eq!(
            typed_entries("the receipt photo", &folder),
            ["the receipt photo"],
            "words that are not files stay one entry"
        );
        assert_eq!(
            typed_entries("https://example.com/r/1 phone/IMG_2042.jpg\n\nnotes.pdf", &folder),
            ["https://example.com/r/1", "phone/IMG_2042.jpg", "notes.pdf"]
        );
    }
}
