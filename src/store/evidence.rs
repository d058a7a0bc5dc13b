//! Evidence on disk: which of a map's evidence paths name no file in the map's folder.
//! URLs are never checked.

use std::collections::BTreeSet;
use std::path::Path;

use crate::model::{JourneyMap, is_url};

/// Whether the evidence `entry` is a path that names no file, relative to `folder`.
pub fn evidence_missing(folder: &Path, entry: &str) -> bool {
    let entry = entry.trim();
    !entry.is_empty() && !is_url(entry) && !folder.join(entry).exists()
}

/// Every evidence entry of `map` that names no file, relative to `folder`.
pub fn missing_evidence(map: &JourneyMap, folder: &Path) -> BTreeSet<String> {
    map.stages
        .iter()
        .flat_map(|stage| stage.frictions.iter().flat_map(|f| &f.evidence))
        .filter(|entry| evidence_missing(folder, entry))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
