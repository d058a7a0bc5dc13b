//! Listing a map's folder for evidence checks and path completion: a walk with limits
//! (depth, entries, no hidden or linked folders entered), so a huge or looping folder
//! costs a bounded time. The session runs it off the key loop.

use std::path::Path;

/// The deepest folder the walk enters, below the map's folder.
const MAX_DEPTH: usize = 6;
/// The most entries the walk records in all.
const MAX_ENTRIES: usize = 20_000;

/// One folder the walk read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedDir {
    /// Relative to the map's folder, ending in `/` ("" for the folder itself).
    pub path: String,
    /// Each entry's name and whether it is a folder (links are not followed).
    pub entries: Vec<(String, bool)>,
    /// Every entry was read (no limit or error cut the folder short).
    pub whole: bool,
}

/// Lists `folder` and the folders under it, within the walk's limits.
pub fn list_folder(folder: &Path) -> Vec<ListedDir> {
    let mut listed = Vec::new();
    let mut pending = vec![(String::new(), 0)];
    let mut budget = MAX_ENTRIES;
    while let Some((path, depth)) = pending.pop() {
        let Ok(read) = std::fs::read_dir(folder.join(&path)) else {
            listed.push(ListedDir {
                path,
                entries: Vec::new(),
                whole: false,
            });
            continue;
        };
        let mut dir = ListedDir {
            path,
            entries: Vec::new(),
            whole: true,
        };
        for entry in read {
            let Ok(entry) = entry else {
                dir.whole = false;
                continue;
            };
            if budget == 0 {
                dir.whole = false;
                break;
            }
            budget -= 1;
            let Ok(name) = entry.file_name().into_string() else {
                continue;
            };
            let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
            if is_dir && depth < MAX_DEPTH && !name.starts_with('.') {
                pending.push((format!("{}{name}/", dir.path), depth + 1));
            }
            dir.entries.push((name, is_dir));
        }
        listed.push(dir);
    }
    listed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_folders_within_the_folder_and_skips_hidden_ones() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("photos/2026")).unwrap();
        std::fs::create_dir(dir.path().join(".git")).unwrap();
        std::fs::write(dir.path().join("photos/2026/menu.jpg"), b"jpg").unwrap();
        std::fs::write(dir.path().join(".git/HEAD"), b"ref").unwrap();
        let mut listed = list_folder(dir.path());
        listed.sort_by(|a, b| a.path.cmp(&b.path));
        let paths: Vec<&str> = listed.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(paths, ["", "photos/", "photos/2026/"]);
        assert!(listed.iter().all(|d| d.whole));
        assert_eq!(listed[2].entries, [("menu.jpg".to_owned(), false)]);
        let mut top = listed[0].entries.clone();
        top.sort();
        assert_eq!(top, [(".git".to_owned(), true), ("photos".to_owned(), true)]);
    }
}
