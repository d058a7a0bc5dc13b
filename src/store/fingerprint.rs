//! What a map file looked like when it was loaded or saved (size, modification time and a
//! content hash), so a save can tell whether someone else changed the file meanwhile.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;
use std::time::SystemTime;

/// The identity of a file's content at one moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    pub size: u64,
    pub modified: Option<SystemTime>,
    pub hash: u64,
}

/// A hash of file content that is the same in every run of the program.
fn content_hash(bytes: &[u8]) -> u64 {
    let mut hasher = DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}

impl Fingerprint {
    /// The fingerprint of `bytes` as just read from or written to `path`.
    pub fn of(path: &Path, bytes: &[u8]) -> Self {
        Self {
            size: bytes.len() as u64,
            modified: std::fs::metadata(path).and_then(|m| m.modified()).ok(),
            hash: content_hash(bytes),
        }
    }

    /// Whether the file at `path` still holds this content. A file whose size and time are
    /// unchanged is taken as unchanged; otherwise the content decides (a `touch` is not a
    /// change). A file that is gone or unreadable has changed.
    pub fn matches_disk(&self, path: &Path) -> bool {
        let Ok(metadata) = std::fs::metadata(path) else {
            return false;
        };
        if metadata.len() == self.size && metadata.modified().ok() == self.modified {
            return true;
        }
        std::fs::read(path)
            .is_ok_and(|bytes| bytes.len() as u64 == self.size && content_hash(&bytes) == self.hash)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_behind_our_back_is_seen_and_a_touch_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("map.json");
        std::fs::write(&path, "one").unwrap();
        let print = Fingerprint::of(&path, b"one");
        assert!(print.matches_disk(&path));
        let later = SystemTime::now() + std::time::Duration::from_secs(5);
        std::fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(later)
            .unwrap();
        assert!(print.matches_disk(&path), "same bytes, new time: unchanged");
        std::fs::write(&path, "two").unwrap();
        assert!(!print.matches_disk(&path));
        std::fs::remove_file(&path).unwrap();
        assert!(!print.matches_disk(&path));
    }
}
