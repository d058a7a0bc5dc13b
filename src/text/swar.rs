//! Eight bytes tested at once as one word: how the CSV reader, the JSON writer and the
//! screen's text cleaner skip over runs of bytes that need nothing done.

/// A one in every byte.
const ONES: u64 = u64::MAX / 255;
/// Every byte's high bit.
const HIGH: u64 = ONES << 7;

/// Eight bytes as one word; `None` when `bytes` is not eight long.
pub fn word(bytes: &[u8]) -> Option<u64> {
    <[u8; 8]>::try_from(bytes).ok().map(u64::from_le_bytes)
}

/// Whether some byte of `word` is `byte`.
pub fn has_byte(word: u64, byte: u8) -> bool {
    has_byte_below(word ^ (ONES * u64::from(byte)), 1)
}

/// Whether some byte of `word` is below `bound` (at most 0x80).
pub fn has_byte_below(word: u64, bound: u8) -> bool {
    word.wrapping_sub(ONES * u64::from(bound)) & !word & HIGH != 0
}

/// Whether some byte of `word` may be DEL (0x7F) or above: never false when one is (a
/// false alarm only means the bytes are looked at one by one).
pub fn may_have_byte_from_del(word: u64) -> bool {
    (word | word.wrapping_add(ONES)) & HIGH != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_byte_in_every_place_is_found_as_one_at_a_time_would() {
        let base = *b"abcdefgh";
        for place in 0..8 {
            for byte in 0..=255u8 {
                let mut bytes = base;
                bytes[place] = byte;
                let word = word(&bytes).unwrap();
                for probe in [0, b'"', b'\\', b',', b'\n', b'\r', 0x7F, 0x80, 0xFF, byte] {
                    assert_eq!(has_byte(word, probe), bytes.contains(&probe), "{bytes:?} {probe}");
                }
                assert_eq!(has_byte_below(word, 0x20), bytes.iter().any(|&b| b < 0x20));
                if bytes.iter().any(|&b| b >= 0x7F) {
                    assert!(may_have_byte_from_del(word), "{bytes:?}");
                }
            }
        }
        assert_eq!(word(b"short"), None);
    }
}
