//! Saving an open map: under an OS lock on its folder that every cxmap takes to save,
//! check that the file is still the one this session knows, then replace it atomically.
//! Check and rename are one step no other cxmap can interleave, so two saving at once
//! cannot both succeed over each other.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::fingerprint::Fingerprint;
use super::lock::real_path;
use super::save::{SaveError, Staged};

/// The longest a save waits for another cxmap's save in the same folder.
const FOLDER_WAIT: Duration = Duration::from_secs(10);

/// What the file on disk must be for the save to go ahead without asking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expect {
    /// The content last loaded or saved by this session.
    Unchanged(Fingerprint),
    /// No file yet (a map never saved).
    Absent,
    /// Whatever is there: the user said to overwrite it.
    Anything,
}

/// One save of the open map.
#[derive(Debug, Clone)]
pub struct MapSave {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
    pub expect: Expect,
    /// The user confirmed replacing a read-only file.
    pub replace_read_only: bool,
}

/// Why a save did not happen; nothing on disk changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveRefused {
    /// Someone else changed (or created) the file since this session read or wrote it.
    ChangedOnDisk,
    /// The file this session read or wrote is gone.
    Deleted,
    /// The file is read-only (`chmod a-w`, or not writable by this user).
    ReadOnly,
    /// The write failed (full disk, permissions, …).
    Failed(SaveError),
}

/// Saves `save.bytes` at `save.path` if the file is as expected; the new content's
/// fingerprint.
pub fn save_checked(save: &MapSave) -> Result<Fingerprint, SaveRefused> {
    let real = real_path(&save.path);
    let folder = real
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let _folder_lock = lock_folder(&folder).map_err(|reason| {
        SaveRefused::Failed(SaveError {
            path: save.path.clone(),
            reason,
        })
    })?;
    let there = std::fs::metadata(&real).is_ok();
    match &save.expect {
        Expect::Unchanged(_) if !there => return Err(SaveRefused::Deleted),
        Expect::Unchanged(print) if !print.matches_disk(&real) => {
            return Err(SaveRefused::ChangedOnDisk);
        }
        Expect::Absent if there => return Err(SaveRefused::ChangedOnDisk),
        _ => {}
    }
    let staged = Staged::write(&save.path, &save.bytes).map_err(SaveRefused::Failed)?;
    if !save.replace_read_only && staged.replaces_read_only() {
        staged.abandon();
        return Err(SaveRefused::ReadOnly);
    }
    staged.commit().map_err(SaveRefused::Failed)?;
    Ok(Fingerprint::of(&save.bytes))
}

/// Takes the folder's save lock, waiting for another cxmap's save at most
/// [`FOLDER_WAIT`]. A folder that cannot be opened or locked is saved into unlocked (the
/// rename still is atomic).
fn lock_folder(folder: &Path) -> Result<Option<File>, String> {
    let Ok(handle) = File::open(folder) else {
        return Ok(None);
    };
    let start = Instant::now();
    loop {
        match handle.try_lock() {
            Ok(()) => return Ok(Some(handle)),
            Err(std::fs::TryLockError::Error(_)) => return Ok(None),
            Err(std::fs::TryLockError::WouldBlock) if start.elapsed() < FOLDER_WAIT => {
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(format!(
                    "another program kept {} locked for {} seconds; try again",
                    folder.display(),
                    FOLDER_WAIT.as_secs()
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn request(path: &Path, bytes: &[u8], expect: Expect) -> MapSave {
        MapSave {
            path: path.to_path_buf(),
            bytes: bytes.to_vec(),
            expect,
            replace_read_only: false,
        }
    }

    #[test]
    fn saves_only_over_the_content_it_knows() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("map.json");
        let print = save_checked(&request(&path, b"mine", Expect::Absent)).unwrap();
        assert_eq!(
            save_checked(&request(&path, b"again", Expect::Absent)),
            Err(SaveRefused::ChangedOnDisk),
            "a file appeared where none was expected"
        );
        std::fs::write(&path, "their").unwrap();
        let stale = request(&path, b"mine2", Expect::Unchanged(print.clone()));
        assert_eq!(save_checked(&stale), Err(SaveRefused::ChangedOnDisk));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "their");
        std::fs::remove_file(&path).unwrap();
        assert_eq!(save_checked(&stale), Err(SaveRefused::Deleted));
        save_checked(&request(&path, b"mine3", Expect::Anything)).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine3");
    }

    #[test]
    fn a_read_only_file_is_replaced_only_when_confirmed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("map.json");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
        let mut save = request(&path, b"new", Expect::Unchanged(Fingerprint::of(b"old")));
        assert_eq!(save_checked(&save), Err(SaveRefused::ReadOnly));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        save.replace_read_only = true;
        save_checked(&save).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o444, "and it stays read-only");
    }

    #[test]
    fn a_save_waits_while_another_holds_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("map.json");
        let other = File::open(dir.path()).unwrap();
        other.lock().unwrap();
        let saver = {
            let path = path.clone();
            std::thread::spawn(move || save_checked(&request(&path, b"x", Expect::Absent)))
        };
        std::thread::sleep(Duration::from_millis(100));
        assert!(!path.exists(), "nothing is written while the other save runs");
        drop(other);
        assert!(saver.join().unwrap().is_ok());
        assert!(path.exists());
    }
}
