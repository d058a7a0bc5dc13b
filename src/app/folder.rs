//! The open map's folder as the session last listed it, off the key loop: which evidence
//! paths name something there, and what a partial path can become. Plain data the app
//! reads; the session takes listings in, and tests write them by hand.

use std::collections::BTreeMap;
use std::path::{Component, Path};

use crate::model::is_url;
use crate::store::ListedDir;

/// One listed folder: each entry's name and whether it is a folder itself.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Dir {
    entries: BTreeMap<String, bool>,
    /// Every entry is there (the listing stopped at no limit inside this folder).
    whole: bool,
}

/// The map's folder, as far as it was listed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FolderListing {
    /// Listed folders by their path relative to the map's folder ("" for the folder
    /// itself, "evidence/" …); `None` until the first listing arrives.
    dirs: Option<BTreeMap<String, Dir>>,
    /// Counts listings taken in, so what was derived from an older one is redone.
    version: u64,
    /// A path is being completed: a fresh listing would help.
    wanted: bool,
}

/// What a partial path can become.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Completion {
    /// Every matching path, relative to the folder; folders end in `/`.
    pub candidates: Vec<String>,
    /// The longest start the candidates share.
    pub common: String,
    /// Whether the partial path already names a file.
    pub exact: bool,
}

impl FolderListing {
    /// A listing of the given folders (what the session's walk found).
    pub fn of(dirs: Vec<ListedDir>) -> Self {
        let dirs = dirs
            .into_iter()
            .map(|dir| {
                let entries = dir.entries.into_iter().collect();
                (
                    dir.path,
                    Dir {
                        entries,
                        whole: dir.whole,
                    },
                )
            })
            .collect();
        Self {
            dirs: Some(dirs),
            ..Self::default()
        }
    }

    /// A folder holding exactly `files` (paths relative to it, folders implied): for tests
    /// and examples.
    pub fn holding(files: &[&str]) -> Self {
        let mut dirs: BTreeMap<String, Dir> = BTreeMap::new();
        dirs.entry(String::new()).or_default();
        for file in files {
            let mut parent = String::new();
            let parts: Vec<&str> = file.split('/').filter(|p| !p.is_empty()).collect();
            for (i, part) in parts.iter().enumerate() {
                let folder = i + 1 < parts.len();
                dirs.entry(parent.clone())
                    .or_default()
                    .entries
                    .insert((*part).to_owned(), folder);
                if folder {
                    parent = format!("{parent}{part}/");
                    dirs.entry(parent.clone()).or_default();
                }
            }
        }
        for dir in dirs.values_mut() {
            dir.whole = true;
        }
        Self {
            dirs: Some(dirs),
            ..Self::default()
        }
    }

    /// Takes a new listing in place of this one.
    pub fn replace(&mut self, listing: FolderListing) {
        let version = self.version + 1;
        *self = FolderListing { version, ..listing };
    }

    /// Whether a listing has arrived.
    pub fn is_known(&self) -> bool {
        self.dirs.is_some()
    }

    /// Changes each time a listing is taken in.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// Asks for a fresh listing (while a path is completed, files may have just arrived).
    pub fn want_fresh(&mut self) {
        self.wanted = true;
    }

    /// Whether a fresh listing was asked for; asking is forgotten.
    pub fn take_wanted(&mut self) -> bool {
        std::mem::take(&mut self.wanted)
    }

    /// Whether the evidence `entry` is a path that names nothing in the folder. URLs,
    /// empty entries and what the listing did not reach (not listed yet, past its limits,
    /// outside the folder) are not called missing.
    pub fn missing(&self, entry: &str) -> bool {
        let entry = entry.trim();
        if entry.is_empty() || is_url(entry) {
            return false;
        }
        let (Some(dirs), Some(parts)) = (&self.dirs, parts(entry)) else {
            return false;
        };
        let Some((name, folders)) = parts.split_last() else {
            return false;
        };
        match find_dir(dirs, folders) {
            Found::Listed(dir) => dir.whole && !dir.entries.contains_key(*name),
            Found::Absent => true,
            Found::Unknown => false,
        }
    }

    /// What `partial` (relative to the folder) can become, hidden entries only when asked
    /// for with a dot; `None` while the folder it names has not been listed. Never looks
    /// outside the folder (no absolute paths, no `..`).
    pub fn complete(&self, partial: &str) -> Option<Completion> {
        let dirs = self.dirs.as_ref()?;
        if Path::new(partial)
            .components()
            .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir))
        {
            return Some(Completion::default());
        }
        let (dir, prefix) = match partial.rfind('/') {
            Some(slash) => (&partial[..=slash], &partial[slash + 1..]),
            None => ("", partial),
        };
        let exact = parts(partial)
            .and_then(|parts| {
                let (name, folders) = parts.split_last()?;
                match find_dir(dirs, folders) {
                    Found::Listed(dir) => Some(dir.entries.get(*name) == Some(&false)),
                    _ => None,
                }
            })
            .unwrap_or(false);
        let folders = parts(dir).unwrap_or_default();
        let listed = match find_dir(dirs, &folders) {
            Found::Listed(listed) => listed,
            Found::Absent => {
                return Some(Completion {
                    exact,
                    ..Completion::default()
                });
            }
            Found::Unknown => return None,
        };
        let candidates: Vec<String> = listed
            .entries
            .iter()
            .filter(|(name, _)| {
                name.starts_with(prefix) && (!name.starts_with('.') || prefix.starts_with('.'))
            })
            .map(|(name, folder)| format!("{dir}{name}{}", if *folder { "/" } else { "" }))
            .collect();
        Some(Completion {
            common: common_start(&candidates),
            candidates,
            exact,
        })
    }
}

/// The path's parts, `None` for anything that leaves the folder.
fn parts(path: &str) -> Option<Vec<&str>> {
    let mut parts = Vec::new();
    for component in Path::new(path).components() {
        match component {
            Component::Normal(part) => parts.push(part.to_str()?),
            Component::CurDir => {}
            _ => return None,
        }
    }
    Some(parts)
}

/// Where a folder stands in the listing.
enum Found<'a> {
    Listed(&'a Dir),
    /// A listed folder above it holds no such folder.
    Absent,
    /// The listing did not reach it.
    Unknown,
}

/// The folder `folders` (its path's parts) in `dirs`.
fn find_dir<'a>(dirs: &'a BTreeMap<String, Dir>, folders: &[&str]) -> Found<'a> {
    let mut path = String::new();
    for folder in folders {
        let Some(listed) = dirs.get(&path) else {
            return Found::Unknown;
        };
        match listed.entries.get(*folder) {
            Some(true) => path = format!("{path}{folder}/"),
            Some(false) => return Found::Absent,
            None if listed.whole => return Found::Absent,
            None => return Found::Unknown,
        }
    }
    dirs.get(&path).map_or(Found::Unknown, Found::Listed)
}

/// The longest start every candidate shares.
fn common_start(candidates: &[String]) -> String {
    let Some((first, rest)) = candidates.split_first() else {
        return String::new();
    };
    let mut common = first.clone();
    for other in rest {
        let shared = common
            .char_indices()
            .zip(other.chars())
            .find(|((_, a), b)| a != b)
            .map_or(common.len().min(other.len()), |((i, _), _)| i);
        common.truncate(shared);
    }
    common
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listing() -> FolderListing {
        FolderListing::holding(&[
            "photos/menu-pdf.jpg",
            "photos/menu-board.jpg",
            ".hidden",
            "map.json",
        ])
    }

    #[test]
    fn completes_inside_the_folder_only() {
        let folder = listing();
        let one = folder.complete("ph").unwrap();
        assert_eq!(one.candidates, ["photos/"]);
        assert_eq!(one.common, "photos/");
        let two = folder.complete("photos/me").unwrap();
        assert_eq!(two.common, "photos/menu-");
        assert_eq!(two.candidates.len(), 2);
        assert!(folder.complete("photos/menu-pdf.jpg").unwrap().exact);
        assert!(folder.complete("./photos/menu-pdf.jpg").unwrap().exact);
        assert_eq!(folder.complete("../"), Some(Completion::default()));
        assert_eq!(folder.complete("/etc/pa"), Some(Completion::default()));
        assert!(
            folder
                .complete("")
                .unwrap()
                .candidates
                .iter()
                .all(|c| !c.starts_with('.'))
        );
        assert_eq!(folder.complete(".h").unwrap().candidates, [".hidden"]);
        assert_eq!(folder.complete("nowhere/x").unwrap(), Completion::default());
        assert_eq!(FolderListing::default().complete("ph"), None, "not listed yet");
    }

    #[test]
    fn paths_are_checked_beside_the_map_and_urls_are_not() {
        let folder = listing();
        assert!(!folder.missing("photos/menu-pdf.jpg"));
        assert!(!folder.missing("./photos/menu-pdf.jpg"));
        assert!(!folder.missing("photos"), "a folder is something too");
        assert!(folder.missing("photos/gone.jpg"));
        assert!(folder.missing("gone/menu.jpg"));
        assert!(folder.missing("map.json/inside"), "a file holds no entries");
        assert!(!folder.missing("https://example.com/gone.jpg"));
        assert!(!folder.missing("  "));
        assert!(
            !folder.missing("../elsewhere.jpg"),
            "outside the folder: not known"
        );
        assert!(
            !FolderListing::default().missing("photos/gone.jpg"),
            "not listed yet"
        );
    }

    #[test]
    fn what_the_listing_did_not_reach_is_not_called_missing() {
        let folder = FolderListing::of(vec![
            ListedDir {
                path: String::new(),
                entries: vec![("deep".into(), true), ("big".into(), true)],
                whole: true,
            },
            ListedDir {
                path: "big/".into(),
                entries: vec![("a.jpg".into(), false)],
                whole: false,
            },
        ]);
        assert!(!folder.missing("deep/a/b.jpg"), "deep/ was not listed");
        assert!(!folder.missing("big/z.jpg"), "big/ was cut short");
        assert!(folder.missing("small/z.jpg"));
        assert_eq!(folder.complete("deep/a"), None);
    }

    #[test]
    fn a_new_listing_counts_up() {
        let mut folder = FolderListing::default();
        assert!(!folder.is_known());
        folder.replace(listing());
        folder.replace(listing());
        assert!(folder.is_known());
        assert_eq!(folder.version(), 2);
        folder.want_fresh();
        assert!(folder.take_wanted() && !folder.take_wanted());
    }
}
