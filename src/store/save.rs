//! Atomic saving: write a temporary file beside the target, fsync it, rename it over the
//! target, fsync the folder. A failure at any step leaves the old file as it was. Only a
//! regular file is ever replaced, and it keeps its permissions, owner and group.

use std::fmt;
use std::fs::{self, File, Metadata, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use super::describe_io;
use crate::format;
use crate::model::JourneyMap;

/// A save that did not happen; the old file is intact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveError {
    pub path: PathBuf,
    pub reason: String,
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.reason, self.path.display())
    }
}

impl std::error::Error for SaveError {}

/// Saves a map in the canonical layout.
pub fn save_map(path: &Path, map: &JourneyMap) -> Result<(), SaveError> {
    write_atomic(path, &format::encode(map))
}

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Replaces the file at `path` with `bytes` atomically, keeping its permissions, owner and
/// group. When `path` is a symbolic link, the file it points to is replaced and the link
/// kept. Anything there that is not a regular file (a folder, a terminal, a FIFO) is
/// refused.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    Staged::write(path, bytes)?.commit().map(drop)
}

/// Why what `metadata` describes is not a file cxmap reads or replaces, if it is not.
pub fn not_regular(metadata: &Metadata) -> Option<&'static str> {
    let kind = metadata.file_type();
    if kind.is_dir() {
        return Some("it is a folder, not a file");
    }
    if kind.is_file() {
        return None;
    }
    Some("it is not a regular file (a device, terminal, FIFO or socket)")
}

/// A new version of a file written and synced beside it, not yet in its place.
pub(super) struct Staged {
    path: PathBuf,
    target: PathBuf,
    folder: PathBuf,
    temp: PathBuf,
    file: File,
    /// The file being replaced, if there is one.
    existing: Option<Metadata>,
}

impl Staged {
    /// Writes `bytes` to a temporary file beside the file `path` names, synced to disk.
    pub(super) fn write(path: &Path, bytes: &[u8]) -> Result<Self, SaveError> {
        let refuse = |reason: &str| SaveError {
            path: path.to_path_buf(),
            reason: reason.to_owned(),
        };
        let target = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let folder = match target.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let Some(name) = target.file_name() else {
            return Err(refuse("the path does not name a file"));
        };
        let existing = fs::metadata(&target).ok();
        if let Some(reason) = existing.as_ref().and_then(not_regular) {
            return Err(refuse(reason));
        }
        let temp = folder.join(format!(
            ".{}.cxmap-save-{}-{}",
            name.to_string_lossy(),
            std::process::id(),
            TEMP_COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        match write_synced(&temp, bytes, existing.as_ref()) {
            Ok(file) => Ok(Self {
                path: path.to_path_buf(),
                target,
                folder,
                temp,
                file,
                existing,
            }),
            Err(error) => {
                let _ = fs::remove_file(&temp);
                Err(SaveError {
                    path: path.to_path_buf(),
                    reason: describe_io(&error),
                })
            }
        }
    }

    /// Whether the file being replaced is read-only to this process: its owner may not
    /// write it (`chmod a-w`), or, for someone else's file, this process may not either.
    pub(super) fn replaces_read_only(&self) -> bool {
        let Some(existing) = &self.existing else {
            return false;
        };
        if existing.permissions().readonly() {
            return true;
        }
        read_only_to_us(existing, &self.file, &self.target)
    }

    /// Puts the new version in place and syncs the folder; the new file's metadata.
    pub(super) fn commit(self) -> Result<Metadata, SaveError> {
        let fail = |error: std::io::Error| SaveError {
            path: self.path.clone(),
            reason: describe_io(&error),
        };
        if let Err(error) = fs::rename(&self.temp, &self.target) {
            let _ = fs::remove_file(&self.temp);
            return Err(fail(error));
        }
        sync_folder(&self.folder).map_err(fail)?;
        remove_abandoned_temporaries(&self.folder, &self.target);
        self.file.metadata().map_err(fail)
    }

    /// Gives up: the temporary file goes, the old file was never touched.
    pub(super) fn abandon(self) {
        let _ = fs::remove_file(&self.temp);
    }
}

#[cfg(unix)]
fn read_only_to_us(existing: &Metadata, ours: &File, target: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    let Ok(ours) = ours.metadata() else {
        return false;
    };
    if ours.uid() == existing.uid() {
        return existing.mode() & 0o200 == 0;
    }
    // Someone else's file (root may write any; others ask the system without writing).
    ours.uid() != 0
        && OpenOptions::new()
            .write(true)
            .open(target)
            .is_err_and(|e| e.kind() == std::io::ErrorKind::PermissionDenied)
}

#[cfg(not(unix))]
fn read_only_to_us(_existing: &Metadata, _ours: &File, _target: &Path) -> bool {
    false
}

/// Makes the rename durable by flushing the folder's entry. Windows will not open a folder
/// as a file, so there the rename is as durable as the file system makes it.
#[cfg(unix)]
fn sync_folder(folder: &Path) -> std::io::Result<()> {
    File::open(folder)?.sync_all()
}

#[cfg(not(unix))]
fn sync_folder(_folder: &Path) -> std::io::Result<()> {
    Ok(())
}

/// How old an unlocked temporary must be before it counts as abandoned: its writer locks
/// it right after creating it, so only that instant is unguarded.
const ABANDONED_AFTER: Duration = Duration::from_secs(5);

/// Removes temporary files a save of the same file left when its process was killed
/// mid-write (they are never renamed, so they would pile up). A writer holds an OS lock on
/// its temporary until it is renamed, and the lock dies with the process: a temporary
/// nobody holds (and not brand new) is abandoned.
fn remove_abandoned_temporaries(folder: &Path, target: &Path) {
    let Some(name) = target.file_name() else { return };
    let Ok(entries) = fs::read_dir(folder) else { return };
    let prefix = format!(".{}.cxmap-save-", name.to_string_lossy());
    for entry in entries.filter_map(Result::ok) {
        let is_temporary = entry.file_name().to_str().is_some_and(|n| n.starts_with(&prefix));
        if is_temporary && is_abandoned(&entry.path()) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

fn is_abandoned(temp: &Path) -> bool {
    let Ok(file) = File::open(temp) else {
        return false;
    };
    let old = file
        .metadata()
        .and_then(|m| m.modified())
        .ok()
        .and_then(|modified| modified.elapsed().ok())
        .is_some_and(|age| age >= ABANDONED_AFTER);
    old && file.try_lock().is_ok()
}

fn write_synced(temp: &Path, bytes: &[u8], existing: Option<&Metadata>) -> std::io::Result<File> {
    let mut file = OpenOptions::new().write(true).create_new(true).open(temp)?;
    // Held until the file is renamed or the process ends; a file system without locks
    // only means an abandoned temporary is never cleared.
    let _ = file.try_lock();
    file.write_all(bytes)?;
    if let Some(existing) = existing {
        keep_owner(&file, existing);
        file.set_permissions(existing.permissions())?;
    }
    file.sync_all()?;
    Ok(file)
}

/// Gives the new file the old one's owner and group, as far as this process may (root may
/// give any; others may keep a group they belong to).
#[cfg(unix)]
fn keep_owner(file: &File, existing: &Metadata) {
    use std::os::unix::fs::{MetadataExt, fchown};
    let Ok(ours) = file.metadata() else { return };
    if (ours.uid(), ours.gid()) == (existing.uid(), existing.gid()) {
        return;
    }
    if fchown(file, Some(existing.uid()), Some(existing.gid())).is_err() {
        let _ = fchown(file, None, Some(existing.gid()));
    }
}

#[cfg(not(unix))]
fn keep_owner(_file: &File, _existing: &Metadata) {}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn replaces_content_and_keeps_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("map.json");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
        write_atomic(&path, b"new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
    }

    #[test]
    fn temporaries_of_killed_saves_are_cleaned_up() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("map.json");
        let long_ago = std::time::SystemTime::now() - Duration::from_secs(60);
        let abandoned = dir.path().join(".map.json.cxmap-save-999999-3");
        let live = dir.path().join(".map.json.cxmap-save-1-0");
        let fresh = dir.path().join(".map.json.cxmap-save-999999-4");
        let other = dir.path().join(".other.json.cxmap-save-999999-0");
        for file in [&abandoned, &live, &fresh, &other] {
            fs::write(file, "half a map").unwrap();
        }
        for file in [&abandoned, &live, &other] {
            File::options()
                .write(true)
                .open(file)
                .unwrap()
                .set_modified(long_ago)
                .unwrap();
        }
        let writer = File::open(&live).unwrap();
        writer.lock().unwrap();
        write_atomic(&path, b"{}").unwrap();
        assert!(!abandoned.exists(), "nobody holds it: its writer is gone");
        assert!(live.exists(), "its writer still holds it");
        assert!(fresh.exists(), "a brand-new temporary may not be locked yet");
        assert!(other.exists(), "another file's temporaries are not ours to judge");
    }

    #[test]
    fn creates_a_missing_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.json");
        write_atomic(&path, b"{}").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "{}");
    }

    #[test]
    fn a_missing_folder_fails_with_a_reason() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nowhere").join("map.json");
        let error = write_atomic(&path, b"{}").unwrap_err();
        assert!(error.to_string().contains("does not exist"), "{error}");
    }

    #[test]
    fn saving_through_a_symlink_keeps_the_link() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.json");
        let link = dir.path().join("link.json");
        fs::write(&real, "old").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
    }

    #[test]
    fn what_is_not_a_regular_file_is_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
        assert!(made.success());
        let error = write_atomic(&fifo, b"x").unwrap_err();
        assert!(error.reason.contains("not a regular file"), "{error}");
        assert!(std::os::unix::fs::FileTypeExt::is_fifo(
            &fs::metadata(&fifo).unwrap().file_type()
        ));
        let error = write_atomic(Path::new("/dev/null"), b"x").unwrap_err();
        assert!(error.reason.contains("not a regular file"), "{error}");
        let error = write_atomic(dir.path(), b"x").unwrap_err();
        assert!(error.reason.contains("folder"), "{error}");
    }

    #[test]
    fn a_file_without_write_permission_is_seen_as_read_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("map.json");
        fs::write(&path, "old").unwrap();
        let staged = Staged::write(&path, b"new").unwrap();
        assert!(!staged.replaces_read_only());
        staged.abandon();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
        let staged = Staged::write(&path, b"new").unwrap();
        assert!(
            staged.replaces_read_only(),
            "mode 0444 is read-only, even to root"
        );
        staged.abandon();
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary left");
    }
}
