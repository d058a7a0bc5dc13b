//! What a map file held when it was loaded or saved (its size and a content hash), so a
//! save can tell whether someone else changed the file meanwhile.

use std::io::Read;
use std::path::Path;

/// The identity of a file's content at one moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    pub size: u64,
    pub hash: u64,
}

/// A hash of file content that is the same in every run of the program: eight bytes at
/// a time (a 9 MB map hashes in a few milliseconds), the length mixed in last, fed in
/// pieces of any size. It tells whether a file changed, nothing more; it is no defence
/// against forged content.
#[derive(Debug, Clone)]
pub struct ContentHash {
    hash: u64,
    len: u64,
    /// The bytes of a word not yet complete.
    pending: [u8; 8],
}

impl Default for ContentHash {
    fn default() -> Self {
        Self {
            hash: 0x9E37_79B9_7F4A_7C15,
            len: 0,
            pending: [0; 8],
        }
    }
}

impl ContentHash {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    fn mix(&mut self, word: [u8; 8]) {
        self.hash = (self.hash.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(Self::K);
    }

    pub fn update(&mut self, mut bytes: &[u8]) {
        let filled = (self.len % 8) as usize;
        self.len += bytes.len() as u64;
        if filled > 0 {
            let wanted = (8 - filled).min(bytes.len());
            self.pending[filled..filled + wanted].copy_from_slice(&bytes[..wanted]);
            bytes = &bytes[wanted..];
            if filled + wanted < 8 {
                return;
            }
            self.mix(self.pending);
        }
        let mut words = bytes.chunks_exact(8);
        for word in words.by_ref() {
            let mut buf = [0u8; 8];
            buf.copy_from_slice(word);
            self.mix(buf);
        }
        let rest = words.remainder();
        self.pending[..rest.len()].copy_from_slice(rest);
    }

    /// The content's fingerprint.
    pub fn finish(mut self) -> Fingerprint {
        let filled = (self.len % 8) as usize;
        self.pending[filled..].fill(0);
        self.mix(self.pending);
        self.mix(self.len.to_le_bytes());
        Fingerprint {
            size: self.len,
            hash: self.hash,
        }
    }
}

/// Reads through `R`, hashing what passes, so a file's fingerprint comes with one reading.
pub struct HashingReader<R> {
    pub inner: R,
    pub hash: ContentHash,
}

impl<R: Read> Read for HashingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hash.update(&buf[..n]);
        Ok(n)
    }
}

impl Fingerprint {
    /// The fingerprint of `bytes`, as just read from or written to a file.
    pub fn of(bytes: &[u8]) -> Self {
        let mut hash = ContentHash::default();
        hash.update(bytes);
        hash.finish()
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

    fn content_hash(bytes: &[u8]) -> u64 {
        Fingerprint::of(bytes).hash
    }

    #[test]
    fn the_hash_is_the_same_whatever_the_pieces() {
        let text: Vec<u8> = (0..=200u8).cycle().take(1000).collect();
        for piece in [1, 3, 7, 8, 9, 64, 1000] {
            let mut hash = ContentHash::default();
            for chunk in text.chunks(piece) {
                hash.update(chunk);
            }
            assert_eq!(hash.finish(), Fingerprint::of(&text), "pieces of {piece}");
        }
    }

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
