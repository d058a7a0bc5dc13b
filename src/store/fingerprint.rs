//! What a map file held when it was loaded or saved (its size and a content hash), so a
//! save can tell whether someone else changed the file meanwhile.

use std::path::Path;

/// The identity of a file's content at one moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    pub size: u64,
    pub hash: u64,
}

/// A hash of file content that is the same in every run of the program: eight bytes at
/// a time (a 9 MB map hashes in a few milliseconds), the length mixed in. It tells
/// whether a file changed, nothing more; it is no defence against forged content.
fn content_hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let mix = |hash: u64, word: u64| (hash.rotate_left(5) ^ word).wrapping_mul(K);
    let mut words = bytes.chunks_exact(8);
    let hash = words.by_ref().fold(bytes.len() as u64, |hash, word| {
        let mut buf = [0u8; 8];
        buf.copy_from_slice(word);
        mix(hash, u64::from_le_bytes(buf))
    });
    let mut last = [0u8; 8];
    last[..words.remainder().len()].copy_from_slice(words.remainder());
    mix(hash, u64::from_le_bytes(last))
}

impl Fingerprint {
    /// The fingerprint of `bytes`, as just read from or written to a file.
    pub fn of(bytes: &[u8]) -> Self {
        Self {
            size: bytes.len() as u64,
            hash: content_hash(bytes),
        }
    }

    /// Whether the file at `path` still holds this content; the content decides, so a
    /// `touch` is no change and a same-size edit within one clock tick is one. A file
    /// that is gone or unreadable has changed. (Saves run off the input thread, so reading
    /// the file back costs no keystroke.)
    pub fn matches_disk(&self, path: &Path) -> bool {
        let same_size = std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() == self.size);
        same_size && std::fs::read(path).is_ok_and(|bytes| Self::of(&bytes) == *self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_changed_byte_or_length_changes_the_hash() {
        let text: Vec<u8> = (0..=200u8).collect();
        let hash = content_hash(&text);
        assert_eq!(hash, content_hash(&text.clone()));
        for at in [0, 7, 8, 100, 199, 200] {
            let mut changed = text.clone();
            changed[at] ^= 1;
            assert_ne!(content_hash(&changed), hash, "byte {at}");
        }
        assert_ne!(content_hash(&text[..200]), hash);
        assert_ne!(content_hash(b""), content_hash(b"\0"));
    }

    #[test]
    fn a_change_behind_our_back_is_seen_and_a_touch_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("map.json");
        std::fs::write(&path, "one").unwrap();
        let print = Fingerprint::of(b"one");
        assert!(print.matches_disk(&path));
        let later = std::time::SystemTime::now() + std::time::Duration::from_secs(5);
        std::fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(later)
            .unwrap();
        assert!(print.matches_disk(&path), "same bytes, new time: unchanged");
        std::fs::write(&path, "two").unwrap();
        std::fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(later)
            .unwrap();
        assert!(
            !print.matches_disk(&path),
            "same size and time, new content (a second save within one clock tick)"
        );
        std::fs::remove_file(&path).unwrap();
        assert!(!print.matches_disk(&path));
    }
}
