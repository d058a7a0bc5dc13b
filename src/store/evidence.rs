//! Evidence on disk: which of a map's evidence paths name no file in the map's folder
//! (URLs are never checked), and the bundled examples' evidence placed beside a copy.

use std::path::Path;

use super::describe_io;
use super::save::{SaveError, write_atomic};
use crate::model::is_url;

/// Whether the evidence `entry` is a path that names no file, relative to `folder`.
pub fn evidence_missing(folder: &Path, entry: &str) -> bool {
    let entry = entry.trim();
    !entry.is_empty() && !is_url(entry) && !folder.join(entry).exists()
}

/// Copies the evidence file `entry` (outside the map's folder) into `evidence/` in the
/// map's `folder`, under its own name (or with "-2", "-3"… when another file has it);
/// the copy's path relative to the folder, or why it could not be copied.
pub fn copy_beside(folder: &Path, entry: &str) -> Result<String, String> {
    let source = folder.join(entry.trim());
    let bytes = std::fs::read(&source).map_err(|e| format!("{}: {}", entry.trim(), describe_io(&e)))?;
    let name = source
        .file_name()
        .map_or_else(|| "evidence".to_owned(), |n| n.to_string_lossy().into_owned());
    let (stem, extension) = match name.rsplit_once('.') {
        Some((stem, extension)) if !stem.is_empty() => (stem.to_owned(), format!(".{extension}")),
        _ => (name.clone(), String::new()),
    };
    for n in 1.. {
        let file = if n == 1 {
            name.clone()
        } else {
            format!("{stem}-{n}{extension}")
        };
        let relative = format!("evidence/{file}");
        let target = folder.join(&relative);
        match std::fs::read(&target) {
            Ok(there) if there == bytes => return Ok(relative),
            Ok(_) => continue,
            Err(_) => {
                place_evidence(folder, &[(relative.as_str(), bytes.as_slice())])
                    .map_err(|e| format!("{}: {e}", entry.trim()))?;
                return Ok(relative);
            }
        }
    }
    Err(format!("{}: no free name for the copy", entry.trim()))
}

/// Writes each `(relative path, bytes)` of `files` under `folder` where no file is there
/// yet (a file the user has is never replaced); how many were written.
pub fn place_evidence(folder: &Path, files: &[(&str, &[u8])]) -> Result<usize, SaveError> {
    let mut written = 0;
    for (relative, bytes) in files {
        let path = folder.join(relative);
        if path.exists() {
            continue;
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|error| SaveError {
                path: parent.to_path_buf(),
                reason: describe_io(&error),
            })?;
        }
        write_atomic(&path, bytes)?;
        written += 1;
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placed_evidence_fills_gaps_and_never_replaces_a_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("evidence")).unwrap();
        std::fs::write(dir.path().join("evidence/mine.png"), b"the user's").unwrap();
        let files: &[(&str, &[u8])] = &[("evidence/mine.png", b"bundled"), ("evidence/new.png", b"new")];
        assert_eq!(place_evidence(dir.path(), files).unwrap(), 1);
        assert_eq!(
            std::fs::read(dir.path().join("evidence/mine.png")).unwrap(),
            b"the user's"
        );
        assert_eq!(
            std::fs::read(dir.path().join("evidence/new.png")).unwrap(),
            b"new"
        );
        assert!(evidence_missing(dir.path(), "evidence/cart-r450.png"));
    }

    #[test]
    fn a_file_from_elsewhere_is_copied_beside_the_map_under_a_free_name() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("walk");
        std::fs::create_dir_all(folder.join("evidence")).unwrap();
        std::fs::write(dir.path().join("queue.jpg"), b"photo").unwrap();
        std::fs::write(folder.join("evidence/queue.jpg"), b"another photo").unwrap();
        assert_eq!(
            copy_beside(&folder, "../queue.jpg").unwrap(),
            "evidence/queue-2.jpg"
        );
        assert_eq!(
            std::fs::read(folder.join("evidence/queue-2.jpg")).unwrap(),
            b"photo"
        );
        assert_eq!(
            copy_beside(&folder, "../queue.jpg").unwrap(),
            "evidence/queue-2.jpg",
            "the same file again is the same copy"
        );
        assert!(
            copy_beside(&folder, "../gone.jpg")
                .unwrap_err()
                .contains("gone.jpg")
        );
    }

    #[test]
    fn paths_are_checked_beside_the_map_and_urls_are_not() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("photos")).unwrap();
        std::fs::write(dir.path().join("photos/menu.jpg"), b"jpg").unwrap();
        assert!(!evidence_missing(dir.path(), "photos/menu.jpg"));
        assert!(evidence_missing(dir.path(), "photos/gone.jpg"));
        assert!(!evidence_missing(dir.path(), "https://example.com/gone.jpg"));
        assert!(!evidence_missing(dir.path(), "  "));
    }
}
