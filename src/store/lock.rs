//! Who has a map open. A visible lock file beside the real map (`.NAME.cxmap-lock`, naming
//! the holder) is backed by an OS lock that dies with its process, so a lock nobody holds
//! is stale on every system; the map file itself is OS-locked too, so a second cxmap is
//! warned however it names the map (through a symbolic or a hard link). Taking is atomic.

use std::fmt;
use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// Who holds a lock, as its lock file says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockHolder {
    /// The holder's process id, when its lock file could be read.
    pub pid: Option<u32>,
    pub host: String,
}

impl fmt::Display for LockHolder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.pid {
            None => write!(f, "through another name of the same file"),
            Some(pid) if self.host.is_empty() || self.host == this_host() => {
                write!(f, "process {pid}")
            }
            Some(pid) => write!(f, "process {pid} on {}", self.host),
        }
    }
}

/// The lock this process holds on an open map; dropping it removes the lock file and
/// lets go of both OS locks.
#[derive(Debug)]
pub struct MapLock {
    /// The real path of the map it locks.
    real: PathBuf,
    /// The lock file and its open handle (absent where the folder cannot hold one).
    lock_file: Option<(PathBuf, File)>,
    /// The map file, OS-locked (absent until the map exists on disk).
    map_file: Option<File>,
}

fn this_host() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| std::fs::read_to_string("/etc/hostname"))
        .map(|h| h.trim().to_owned())
        .unwrap_or_default()
}

/// The file `map_path` really names: symbolic links resolved, or, for a file not created
/// yet, its folder's real path joined with its name.
pub fn real_path(map_path: &Path) -> PathBuf {
    if let Ok(real) = std::fs::canonicalize(map_path) {
        return real;
    }
    let absolute = std::path::absolute(map_path).unwrap_or_else(|_| map_path.to_path_buf());
    match (absolute.parent(), absolute.file_name()) {
        (Some(folder), Some(name)) => std::fs::canonicalize(folder)
            .map(|folder| folder.join(name))
            .unwrap_or(absolute),
        _ => absolute,
    }
}

/// Where the lock file of `map_path` lives: beside the real file.
pub fn lock_path(map_path: &Path) -> PathBuf {
    let real = real_path(map_path);
    let name = real
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    real.with_file_name(format!(".{name}.cxmap-lock"))
}

fn read_holder(file: &mut File) -> LockHolder {
    let mut text = String::new();
    let _ = file.read_to_string(&mut text);
    let mut parts = text.split_whitespace();
    LockHolder {
        pid: parts.next().and_then(|p| p.parse().ok()),
        host: parts.next().unwrap_or_default().to_owned(),
    }
}

/// Whether `file`'s handle still names the file at `path` (a lock file removed by its
/// holder after this process opened it does not).
#[cfg(unix)]
fn still_at(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => (a.dev(), a.ino()) == (b.dev(), b.ino()),
        _ => false,
    }
}

#[cfg(not(unix))]
fn still_at(_file: &File, path: &Path) -> bool {
    path.exists()
}

/// Tries the OS lock on `file`: `Ok(true)` taken, `Ok(false)` held by someone else, an
/// error where the file system has no locks.
fn try_lock(file: &File) -> std::io::Result<bool> {
    match file.try_lock() {
        Ok(()) => Ok(true),
        Err(TryLockError::WouldBlock) => Ok(false),
        Err(TryLockError::Error(error)) => Err(error),
    }
}

impl MapLock {
    /// Takes the lock of `map_path`, or names the live cxmap that holds it. Where the folder
    /// cannot hold a lock file (or the file system has no locks) the map is still locked as
    /// far as it can be, and opens unprotected at worst.
    pub fn take(map_path: &Path) -> Result<MapLock, LockHolder> {
        let map_file = match Self::lock_map_file(map_path) {
            Ok(file) => file,
            Err(()) => {
                let holder = Self::read_lock_file(map_path).unwrap_or(LockHolder {
                    pid: None,
                    host: String::new(),
                });
                return Err(holder);
            }
        };
        let lock_file = Self::take_lock_file(map_path)?;
        Ok(MapLock {
            real: real_path(map_path),
            lock_file,
            map_file,
        })
    }

    /// The live cxmap holding `map_path`, if any (taking the lock and letting it go).
    pub fn holder(map_path: &Path) -> Option<LockHolder> {
        Self::take(map_path).err()
    }

    /// Whether this is the lock of the map `map_path` names.
    pub fn is_for(&self, map_path: &Path) -> bool {
        real_path(map_path) == self.real
    }

    /// After a save replaced the map file, locks the new file in place of the old one.
    pub fn follow_save(&mut self, map_path: &Path) {
        if let Ok(file) = Self::lock_map_file(map_path) {
            self.map_file = file;
        }
    }

    /// `Err` when another process holds the map file itself.
    fn lock_map_file(map_path: &Path) -> Result<Option<File>, ()> {
        // Only a regular file is opened: opening a FIFO would wait for a writer.
        if !std::fs::metadata(map_path).is_ok_and(|m| m.is_file()) {
            return Ok(None);
        }
        let Ok(file) = File::open(map_path) else {
            return Ok(None);
        };
        match try_lock(&file) {
            Ok(true) => Ok(Some(file)),
            Ok(false) => Err(()),
            Err(_) => Ok(None),
        }
    }

    fn read_lock_file(map_path: &Path) -> Option<LockHolder> {
        File::open(lock_path(map_path))
            .ok()
            .map(|mut file| read_holder(&mut file))
    }

    fn take_lock_file(map_path: &Path) -> Result<Option<(PathBuf, File)>, LockHolder> {
        let path = lock_path(map_path);
        // A holder that quits removes its file: a handle opened just before that names a
        // removed file, so open again (a few times at most).
        for _ in 0..5 {
            let Ok(mut file) = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)
            else {
                return Ok(None);
            };
            match try_lock(&file) {
                Ok(true) if still_at(&file, &path) => {
                    let mark = format!("{} {}\n", std::process::id(), this_host());
                    let _ = file.set_len(0).and_then(|()| file.write_all(mark.as_bytes()));
                    return Ok(Some((path, file)));
                }
                Ok(true) => continue,
                Ok(false) => return Err(read_holder(&mut file)),
                Err(_) => return Ok(None),
            }
        }
        Ok(None)
    }
}

impl Drop for MapLock {
    fn drop(&mut self) {
        // Removed while still held, so nobody can take a file that is about to vanish.
        if let Some((path, _)) = &self.lock_file {
            let _ = std::fs::remove_file(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lock_is_seen_by_others_and_removed_when_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let map = dir.path().join("map.json");
        std::fs::write(&map, "{}").unwrap();
        assert_eq!(MapLock::holder(&map), None);
        let lock = MapLock::take(&map).unwrap();
        let holder = MapLock::holder(&map).expect("held");
        assert_eq!(holder.pid, Some(std::process::id()));
        assert!(MapLock::take(&map).is_err(), "a second taker is refused");
        drop(lock);
        assert!(!lock_path(&map).exists(), "the lock file goes with the lock");
        assert_eq!(MapLock::holder(&map), None);
    }

    #[test]
    fn a_lock_file_nobody_holds_is_stale_wherever_it_came_from() {
        let dir = tempfile::tempdir().unwrap();
        let map = dir.path().join("map.json");
        std::fs::write(lock_path(&map), "4242 laptop-of-ana\n").unwrap();
        assert_eq!(MapLock::holder(&map), None, "its process would hold it");
        let _lock = MapLock::take(&map).unwrap();
        let text = std::fs::read_to_string(lock_path(&map)).unwrap();
        assert!(text.starts_with(&format!("{} ", std::process::id())), "{text}");
    }

    #[test]
    fn links_lead_to_the_same_lock() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        let map = dir.path().join("map.json");
        std::fs::write(&map, "{}").unwrap();
        let soft = elsewhere.path().join("soft.json");
        let hard = elsewhere.path().join("hard.json");
        std::os::unix::fs::symlink(&map, &soft).unwrap();
        std::fs::hard_link(&map, &hard).unwrap();
        assert_eq!(lock_path(&soft), lock_path(&map), "beside the real file");
        let _lock = MapLock::take(&soft).unwrap();
        assert!(MapLock::take(&map).is_err());
        let through_hard_link = MapLock::take(&hard).unwrap_err();
        assert_eq!(through_hard_link.pid, None);
        assert_eq!(
            through_hard_link.to_string(),
            "through another name of the same file"
        );
    }

    #[test]
    fn a_map_not_on_disk_yet_is_locked_by_its_lock_file() {
        let dir = tempfile::tempdir().unwrap();
        let map = dir.path().join("new.json");
        let lock = MapLock::take(&map).unwrap();
        assert!(MapLock::take(&dir.path().join("./new.json")).is_err());
        drop(lock);
        assert!(MapLock::take(&map).is_ok());
    }
}
