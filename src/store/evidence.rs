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
