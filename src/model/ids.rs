//! Item ids: short random strings with a kind prefix (`st-`, `fr-`, `op-`, `sh-`),
//! unique in a file and stable for the life of the item.

use std::collections::HashSet;
use std::collections::hash_map::RandomState;
use std::fmt;
use std::hash::{BuildHasher, Hasher};
use std::sync::OnceLock;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident, $prefix:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
        pub struct $name(pub String);

        impl $name {
            /// The prefix every new id of this kind starts with.
            pub const PREFIX: &'static str = $prefix;

            /// The id as written in the file.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_owned())
            }
        }
    };
}

id_type!(
    /// Id of a stage (`st-…`).
    StageId,
    "st-"
);
id_type!(
    /// Id of a friction point (`fr-…`).
    FrictionId,
    "fr-"
);
id_type!(
    /// Id of an opportunity (`op-…`).
    OpportunityId,
    "op-"
);
id_type!(
    /// Id of a shadow note (`sh-…`).
    NoteId,
    "sh-"
);

const ALPHABET: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
const SUFFIX_LEN: usize = 4;

/// Makes fresh ids. Random in the program; seeded in tests so screens and files are repeatable.
#[derive(Debug, Clone)]
pub struct IdGen {
    state: u64,
}

impl IdGen {
    /// A generator seeded from the process's random hash keys.
    pub fn random() -> Self {
        let mut hasher = RandomState::new().build_hasher();
        hasher.write_u64(std::process::id().into());
        Self::seeded(hasher.finish())
    }

    /// A generator that always yields the same sequence for the same seed.
    pub fn seeded(seed: u64) -> Self {
        Self { state: seed }
    }

    /// SplitMix64: tiny, fast and well distributed, which is all ids need.
    fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A new id string with `prefix`, for which `taken` returns false.
    /// Grows the suffix when the short space is crowded, so it always terminates.
    pub fn fresh(&mut self, prefix: &str, taken: impl Fn(&str) -> bool) -> String {
        let mut len = SUFFIX_LEN;
        loop {
            for _ in 0..16 {
                let mut id = String::with_capacity(prefix.len() + len);
                id.push_str(prefix);
                let mut bits = self.next_u64();
                for _ in 0..len {
                    id.push(char::from(ALPHABET[(bits % 36) as usize]));
                    bits /= 36;
                    if bits == 0 {
                        bits = self.next_u64();
                    }
                }
                if !taken(&id) {
                    return id;
                }
            }
            len += 1;
        }
    }
}

/// Hashing for tables of ids: a folded multiply per eight bytes, several times faster
/// than std's SipHash on short strings, and seeded once per process from std's random
/// keys so a crafted file cannot aim for collisions.
#[derive(Debug, Clone, Copy)]
pub struct IdHashing {
    seed: u64,
}

impl Default for IdHashing {
    fn default() -> Self {
        static SEED: OnceLock<u64> = OnceLock::new();
        let seed = *SEED.get_or_init(|| RandomState::new().hash_one(0x5EED_u64) | 1);
        Self { seed }
    }
}

impl BuildHasher for IdHashing {
    type Hasher = IdHasher;

    fn build_hasher(&self) -> IdHasher {
        IdHasher(self.seed)
    }
}

/// See [`IdHashing`].
#[derive(Debug, Clone)]
pub struct IdHasher(u64);

impl IdHasher {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;

    fn fold(&mut self, word: u64) {
        let product = u128::from(self.0 ^ word) * u128::from(Self::K);
        self.0 = (product as u64) ^ ((product >> 64) as u64);
    }
}

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        // Whole words read at once, the last few bytes shifted in: a copy into a padded
        // word called memcpy for every id hashed.
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            let mut eight = [0u8; 8];
            eight.copy_from_slice(word);
            self.fold(u64::from_le_bytes(eight));
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            let tail = (rest.iter().rev()).fold(0u64, |word, &byte| (word << 8) | u64::from(byte));
            self.fold(tail);
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.fold(u64::from(byte) | 0x100);
    }

    fn finish(&self) -> u64 {
        let mut last = self.clone();
        last.fold(0xA5A5_A5A5_A5A5_A5A5);
        last.0
    }
}

/// Ids already in use, for handing out many fresh ones at once (a loaded map's missing
/// ids, an imported sheet) without scanning the whole map for each.
#[derive(Debug, Clone, Default)]
pub struct TakenIds(HashSet<String, IdHashing>);

impl TakenIds {
    /// The ids `existing` lists (empty ones aside).
    pub fn of<'a>(existing: impl Iterator<Item = &'a str>) -> Self {
        Self(existing.filter(|id| !id.is_empty()).map(str::to_owned).collect())
    }

    /// Marks `id` as used; false when it was already.
    pub fn take(&mut self, id: &str) -> bool {
        !self.0.contains(id) && self.0.insert(id.to_owned())
    }

    /// A new id with `prefix`, marked as used.
    pub fn fresh(&mut self, ids: &mut IdGen, prefix: &str) -> String {
        let id = ids.fresh(prefix, |id| self.0.contains(id));
        self.0.insert(id.clone());
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_hashes_as_its_zero_padded_little_endian_words() {
        let mut whole = IdHasher(7);
        whole.write(b"fr-0123456");
        let mut by_words = IdHasher(7);
        by_words.fold(u64::from_le_bytes(*b"fr-01234"));
        by_words.fold(u64::from_le_bytes([b'5', b'6', 0, 0, 0, 0, 0, 0]));
        assert_eq!(whole.0, by_words.0);
    }

    #[test]
    fn fresh_ids_have_prefix_and_base36_suffix() {
        let mut ids = IdGen::seeded(7);
        let id = ids.fresh(StageId::PREFIX, |_| false);
        assert!(id.starts_with("st-"));
        assert_eq!(id.len(), 7);
        assert!(id[3..].bytes().all(|b| ALPHABET.contains(&b)));
    }

    #[test]
    fn same_seed_same_ids_and_taken_ids_are_skipped() {
        let mut a = IdGen::seeded(42);
        let mut b = IdGen::seeded(42);
        let first = a.fresh("fr-", |_| false);
        assert_eq!(first, b.fresh("fr-", |_| false));
        let mut c = IdGen::seeded(42);
        let second = c.fresh("fr-", |id| id == first);
        assert_ne!(second, first);
    }

    #[test]
    fn taken_ids_hand_out_each_id_once() {
        let mut taken = TakenIds::of(["st-aaaa", ""].into_iter());
        assert!(!taken.take("st-aaaa"));
        let mut ids = IdGen::seeded(3);
        let fresh = taken.fresh(&mut ids, "st-");
        assert!(fresh.starts_with("st-") && fresh != "st-aaaa");
        assert!(!taken.take(&fresh));
    }

    #[test]
    fn a_full_space_grows_the_suffix() {
        let mut ids = IdGen::seeded(1);
        let id = ids.fresh("op-", |id| id.len() <= 7);
        assert_eq!(id.len(), 8);
    }
}
