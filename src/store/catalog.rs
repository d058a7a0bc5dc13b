//! The maps in a folder, for the start screen: title, stage count and date, newest first.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::{describe_io, read_limited};
use crate::format;

/// One map file found in the folder.
#[derive(Debug, Clone, PartialEq)]
pub struct MapSummary {
    pub path: PathBuf,
    pub modified: Option<SystemTime>,
    /// Title and stage count, or why the file cannot be opened.
    pub content: Result<(String, usize), String>,
    /// Whether the file says it is a cxmap map (a `"cxmap"` key near its start), whether or
    /// not it reads as one: a damaged map, not some other program's JSON.
    pub claims_map: bool,
}

/// The `.json` maps in `folder`, newest first. A folder that does not exist yet has none.
pub fn list_maps(folder: &Path) -> Result<Vec<MapSummary>, String> {
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => {
            return Err(format!(
                "cannot list {}: {}",
                folder.display(),
                describe_io(&error)
            ));
        }
    };
    let mut maps: Vec<MapSummary> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            path.extension().is_some_and(|ext| ext == "json")
                && !path
                    .file_name()
                    .is_some_and(|name| name.to_string_lossy().starts_with('.'))
                && path.is_file()
        })
        .map(|path| summarise(&path))
        .collect();
    maps.sort_by(|a, b| b.modified.cmp(&a.modified).then_with(|| a.path.cmp(&b.path)));
    Ok(maps)
}

fn summarise(path: &Path) -> MapSummary {
    let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok();
    let mut claims_map = false;
    let content = match read_limited(path) {
        Err(error) => {
            claims_map = file_claims_map(path);
            Err(error.to_string())
        }
        Ok(bytes) => match format::parse_bytes(&bytes) {
            Ok(parsed) => Ok((parsed.map.title, parsed.map.stages.len())),
            Err(diagnostics) => {
                claims_map = claims_map_at_start(&bytes);
                Err(diagnostics.first().map_or_else(
                    || "not a journey map".to_owned(),
                    |d| format!("line {}: {}", d.line, d.message),
                ))
            }
        },
    };
    MapSummary {
        claims_map: claims_map || content.is_ok(),
        path: path.to_path_buf(),
        modified,
        content,
    }
}

/// Whether a file's first bytes have a `"cxmap"` key: a damaged map, not some other
/// program's JSON.
fn claims_map_at_start(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(512)]
        .windows(7)
        .any(|w| w == b"\"cxmap\"")
}

/// [`claims_map_at_start`] for a file too large or too odd to read whole.
fn file_claims_map(path: &Path) -> bool {
    use std::io::Read;
    let mut start = [0; 512];
    std::fs::File::open(path)
        .and_then(|mut file| file.read(&mut start))
        .is_ok_and(|read| claims_map_at_start(&start[..read]))
}

/// A readable title from a file name: `sunday-coffee.json` gives "Sunday coffee".
pub fn title_from_path(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let words = stem.replace(['-', '_'], " ");
    let mut chars = words.trim().chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => "Journey map".to_owned(),
    }
}

/// A path in `folder` for a new map called `title` that does not exist yet:
/// `sunday-coffee.json`, then `sunday-coffee-2.json`, and so on.
pub fn new_map_path(folder: &Path, title: &str) -> PathBuf {
    let slug = slug(title);
    (1..)
        .map(|n| {
            let name = if n == 1 {
                format!("{slug}.json")
            } else {
                format!("{slug}-{n}.json")
            };
            folder.join(name)
        })
        .find(|path| !path.exists())
        .unwrap_or_else(|| folder.join(format!("{slug}.json")))
}

/// The file name a map called `title` gets: `Sunday coffee!` gives `sunday-coffee.json`.
pub fn map_file_name(title: &str) -> String {
    format!("{}.json", slug(title))
}

/// Lower-case letters and digits of `title`, runs of anything else as one hyphen.
fn slug(title: &str) -> String {
    let mut slug = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-').chars().take(60).collect::<String>();
    if slug.is_empty() {
        "journey-map".to_owned()
    } else {
        slug
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_come_from_file_names() {
        assert_eq!(
            title_from_path(Path::new("maps/sunday-coffee_regulars.json")),
            "Sunday coffee regulars"
        );
        assert_eq!(title_from_path(Path::new(".json")), ".json");
    }

    #[test]
    fn lists_maps_newest_first_with_problems_named() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join("old.json");
        let new = dir.path().join("new.json");
        let bad = dir.path().join("bad.json");
        std::fs::write(&old, r#"{"cxmap": 1, "title": "Old", "stages": []}"#).unwrap();
        std::fs::write(&bad, "{oops").unwrap();
        std::fs::write(dir.path().join("notes.txt"), "not a map").unwrap();
        std::fs::write(dir.path().join(".hidden.json"), "{}").unwrap();
        let past = SystemTime::now() - std::time::Duration::from_secs(3600);
        std::fs::File::options()
            .write(true)
            .open(&old)
            .unwrap()
            .set_modified(past)
            .unwrap();
        std::fs::File::options()
            .write(true)
            .open(&bad)
            .unwrap()
            .set_modified(past - std::time::Duration::from_secs(60))
            .unwrap();
        std::fs::write(
            &new,
            r#"{"cxmap": 1, "title": "New", "stages": [{"id": "st-aaaa", "name": "A"}]}"#,
        )
        .unwrap();
        let maps = list_maps(dir.path()).unwrap();
        let names: Vec<_> = maps
            .iter()
            .map(|m| m.path.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["new.json", "old.json", "bad.json"]);
        assert_eq!(maps[0].content, Ok(("New".to_owned(), 1)));
        assert!(maps[2].content.as_ref().unwrap_err().starts_with("line 1:"));
    }

    #[test]
    fn a_missing_folder_has_no_maps() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(list_maps(&dir.path().join("later")).unwrap(), Vec::new());
    }

    #[test]
    fn new_map_paths_are_slugs_that_do_not_clash() {
        let dir = tempfile::tempdir().unwrap();
        let first = new_map_path(dir.path(), "Sunday coffee — regulars!");
        assert_eq!(first.file_name().unwrap(), "sunday-coffee-regulars.json");
        std::fs::write(&first, "{}").unwrap();
        let second = new_map_path(dir.path(), "Sunday coffee — regulars!");
        assert_eq!(second.file_name().unwrap(), "sunday-coffee-regulars-2.json");
        assert_eq!(
            new_map_path(dir.path(), "???").file_name().unwrap(),
            "journey-map.json"
        );
    }
}
