//! Recovery copies of unsaved work, kept in the data folder: a header line (which map,
//! when) then the map in the canonical layout, written atomically. Each map has one
//! rolling copy that follows its unsaved work, and may have kept copies (a version the
//! user set aside, e.g. when reloading theirs) that stay until the user takes or discards
//! them.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use super::{SaveError, read_limited, write_atomic};
use crate::format;
use crate::model::JourneyMap;

const TAG: &str = "cxmap-recovery";

/// A recovery copy read back.
#[derive(Debug, Clone)]
pub struct RecoveryCopy {
    /// The copy's own file.
    pub file: PathBuf,
    /// The map file the work belongs to.
    pub map_path: PathBuf,
    /// When the copy was written (RFC 3339, UTC).
    pub written: String,
    pub map: JourneyMap,
}

/// A recovery copy found in the folder, without its map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecoveryEntry {
    pub file: PathBuf,
    pub map_path: PathBuf,
    pub written: String,
}

/// The folder recovery copies live in.
pub fn folder(data_dir: &Path) -> PathBuf {
    data_dir.join("recovery")
}

/// FNV-1a: a hash that is the same in every run and on every machine, for file names.
fn stable_hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The absolute form of a map path, the key its recovery copy is filed under.
pub fn map_key(map_path: &Path) -> PathBuf {
    std::fs::canonicalize(map_path)
        .or_else(|_| std::path::absolute(map_path))
        .unwrap_or_else(|_| map_path.to_path_buf())
}

/// The name every copy of `map_path` starts with: its stem and a hash of its full path.
fn copy_stem(map_path: &Path) -> String {
    let key = map_key(map_path);
    let stem: String = key
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .take(40)
        .collect();
    let hash = stable_hash(key.as_os_str().as_encoded_bytes());
    format!("{stem}-{hash:016x}")
}

/// Where the rolling recovery copy of `map_path` lives.
pub fn copy_path(data_dir: &Path, map_path: &Path) -> PathBuf {
    folder(data_dir).join(format!("{}.json", copy_stem(map_path)))
}

/// Whether `file` is a kept copy rather than a map's rolling copy.
pub fn is_kept(file: &Path) -> bool {
    file.file_stem()
        .is_some_and(|stem| stem.to_string_lossy().contains("-kept-"))
}

/// The bytes of a recovery copy of `map` for `map_path`, written at `written`.
pub fn contents(map_path: &Path, map: &JourneyMap, written: &str) -> Vec<u8> {
    let header = json!({ TAG: 1, "map": map_key(map_path).to_string_lossy(), "written": written });
    let mut bytes = header.to_string().into_bytes();
    bytes.push(b'\n');
    bytes.extend(format::encode(map));
    bytes
}

/// Writes the rolling recovery copy of `map_path` (atomically, creating the folder).
pub fn write(data_dir: &Path, map_path: &Path, bytes: &[u8]) -> Result<PathBuf, SaveError> {
    write_file(data_dir, copy_path(data_dir, map_path), bytes)
}

/// Writes a kept copy of `map_path`: a file of its own that no later save or copy
/// replaces or removes.
pub fn keep(data_dir: &Path, map_path: &Path, bytes: &[u8]) -> Result<PathBuf, SaveError> {
    write_file(data_dir, free_kept_name(data_dir, &copy_stem(map_path)), bytes)
}

/// Turns a map's rolling copy into a kept copy (a rename), so new unsaved work gets a
/// rolling copy of its own while this one waits for the user's decision.
pub fn set_aside(data_dir: &Path, file: &Path) -> std::io::Result<PathBuf> {
    if is_kept(file) {
        return Ok(file.to_path_buf());
    }
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let kept = free_kept_name(data_dir, &stem);
    std::fs::rename(file, &kept)?;
    Ok(kept)
}

fn write_file(data_dir: &Path, path: PathBuf, bytes: &[u8]) -> Result<PathBuf, SaveError> {
    if let Err(error) = std::fs::create_dir_all(folder(data_dir)) {
        return Err(SaveError {
            path,
            reason: super::describe_io(&error),
        });
    }
    write_atomic(&path, bytes).map(|()| path)
}

/// A name for a new kept copy of the map whose copies start with `stem`.
fn free_kept_name(data_dir: &Path, stem: &str) -> PathBuf {
    let stamp = jiff::Timestamp::now().as_millisecond();
    (0..1000)
        .map(|n| folder(data_dir).join(format!("{stem}-kept-{stamp}-{n}.json")))
        .find(|path| !path.exists())
        .unwrap_or_else(|| folder(data_dir).join(format!("{stem}-kept-{stamp}-last.json")))
}

/// Removes the rolling recovery copy of `map_path`, if there is one.
pub fn remove(data_dir: &Path, map_path: &Path) {
    let _ = std::fs::remove_file(copy_path(data_dir, map_path));
}

fn parse_header(line: &str) -> Option<(PathBuf, String)> {
    let header: Value = serde_json::from_str(line).ok()?;
    if header.get(TAG)?.as_u64()? != 1 {
        return None;
    }
    let map = header.get("map")?.as_str()?;
    let written = header.get("written")?.as_str()?;
    Some((PathBuf::from(map), written.to_owned()))
}

/// Reads the recovery copy at `file`.
pub fn read(file: &Path) -> Result<RecoveryCopy, String> {
    let bytes = read_limited(file).map_err(|error| error.to_string())?;
    let text = String::from_utf8(bytes).map_err(|_| format!("{}: not a recovery copy", file.display()))?;
    let (header, body) = text.split_once('\n').unwrap_or((&text, ""));
    let (map_path, written) =
        parse_header(header).ok_or_else(|| format!("{}: not a recovery copy", file.display()))?;
    let map = format::parse(body)
        .map_err(|diagnostics| {
            let first = diagnostics.first().map(ToString::to_string).unwrap_or_default();
            format!("{}: the recovery copy is damaged: {first}", file.display())
        })?
        .map;
    Ok(RecoveryCopy {
        file: file.to_path_buf(),
        map_path,
        written,
        map,
    })
}

/// The newest copy of `map_path` (rolling or kept) that reads, if there is one.
pub fn find(data_dir: &Path, map_path: &Path) -> Option<RecoveryCopy> {
    let key = map_key(map_path);
    list(data_dir)
        .into_iter()
        .filter(|entry| entry.map_path == key)
        .find_map(|entry| read(&entry.file).ok())
}

/// Every recovery copy in the folder, newest first.
pub fn list(data_dir: &Path) -> Vec<RecoveryEntry> {
    let Ok(entries) = std::fs::read_dir(folder(data_dir)) else {
        return Vec::new();
    };
    let mut found: Vec<RecoveryEntry> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .filter_map(|file| {
            let mut line = String::new();
            BufReader::new(std::fs::File::open(&file).ok()?)
                .read_line(&mut line)
                .ok()?;
            let (map_path, written) = parse_header(line.trim_end())?;
            Some(RecoveryEntry {
                file,
                map_path,
                written,
            })
        })
        .collect();
    found.sort_by(|a, b| b.written.cmp(&a.written));
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assets::EXAMPLES;

    #[test]
    fn a_copy_reads_back_as_the_same_map_for_the_same_path() {
        let data = tempfile::tempdir().unwrap();
        let maps = tempfile::tempdir().unwrap();
        let map_path = maps.path().join("coffee.json");
        let map = EXAMPLES[0].map().unwrap();
        let written = write(
            data.path(),
            &map_path,
            &contents(&map_path, &map, "2026-11-22T10:15:00Z"),
        )
        .unwrap();
        assert!(written.starts_with(folder(data.path())));
        let copy = find(data.path(), &map_path).unwrap();
        assert_eq!(copy.map, map);
        assert_eq!(copy.written, "2026-11-22T10:15:00Z");
        assert_eq!(copy.map_path, map_key(&map_path));
        let listed = list(data.path());
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].map_path, map_key(&map_path));
        remove(data.path(), &map_path);
        assert!(find(data.path(), &map_path).is_none());
    }

    #[test]
    fn a_kept_copy_outlives_the_rolling_copy_and_is_found_while_newest() {
        let data = tempfile::tempdir().unwrap();
        let maps = tempfile::tempdir().unwrap();
        let map_path = maps.path().join("coffee.json");
        let mut map = EXAMPLES[0].map().unwrap();
        map.title = "kept".to_owned();
        let kept = keep(
            data.path(),
            &map_path,
            &contents(&map_path, &map, "2026-11-22T10:00:00Z"),
        )
        .unwrap();
        assert!(is_kept(&kept));
        map.title = "rolling".to_owned();
        let rolling = write(
            data.path(),
            &map_path,
            &contents(&map_path, &map, "2026-11-22T11:00:00Z"),
        )
        .unwrap();
        assert!(!is_kept(&rolling));
        assert_eq!(find(data.path(), &map_path).unwrap().map.title, "rolling");
        remove(data.path(), &map_path);
        let found = find(data.path(), &map_path).unwrap();
        assert_eq!((found.map.title.as_str(), found.file), ("kept", kept));
        assert_eq!(list(data.path()).len(), 1, "the start screen lists it");
    }

    #[test]
    fn different_maps_with_the_same_name_get_different_copies() {
        let data = Path::new("/data");
        let a = copy_path(data, Path::new("/work/a/map.json"));
        let b = copy_path(data, Path::new("/work/b/map.json"));
        assert_ne!(a, b);
        assert!(a.file_name().unwrap().to_string_lossy().starts_with("map-"));
    }

    #[test]
    fn a_file_that_is_not_a_copy_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("x.json");
        std::fs::write(&file, "{\"cxmap\": 1}\n").unwrap();
        assert!(read(&file).unwrap_err().contains("not a recovery copy"));
    }
}
