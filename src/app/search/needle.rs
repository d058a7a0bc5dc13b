//! What a search looks for: the query folded to lower case, and a test of whether a text
//! holds it that does not copy the text when both are ASCII (nearly every text of a map).

/// The query, trimmed and in lower case.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Needle {
    folded: String,
}

impl Needle {
    pub(super) fn new(query: &str) -> Self {
        Self {
            folded: query.trim().to_lowercase(),
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.folded.is_empty()
    }

    /// Whether every text that holds `self` also holds `other`: `self` was typed on from it.
    pub(super) fn narrows(&self, other: &Needle) -> bool {
        !other.is_empty() && self.folded.contains(&other.folded)
    }

    /// Whether `text` holds the needle, without regard to case.
    pub(super) fn found_in(&self, text: &str) -> bool {
        if self.folded.is_empty() {
            return false;
        }
        let ascii_text = text.is_ascii();
        if ascii_text && !self.folded.is_ascii() {
            // ASCII text lowers to ASCII: a needle with other letters cannot be in it.
            return false;
        }
        // Other letters lower to other letters, whose bytes never match ASCII ones, except
        // the Kelvin sign and the dotted capital I, which lower to an ASCII k and i.
        if self.folded.is_ascii() && (ascii_text || !text.contains(['\u{212A}', '\u{130}'])) {
            return text.len() >= self.folded.len() && ascii_holds(text.as_bytes(), self.folded.as_bytes());
        }
        text.to_lowercase().contains(&self.folded)
    }
}

/// Whether `haystack` holds `needle` (lower-case ASCII) in either case.
fn ascii_holds(haystack: &[u8], needle: &[u8]) -> bool {
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    let last_start = haystack.len() - needle.len();
    let mut from = 0;
    while from <= last_start {
        let window = &haystack[from..=last_start];
        let Some(found) = memchr::memchr2(first, first.to_ascii_uppercase(), window) else {
            return false;
        };
        let at = from + found;
        if haystack[at + 1..at + needle.len()].eq_ignore_ascii_case(rest) {
            return true;
        }
        from = at + 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_query_in_any_case_and_in_any_script() {
        let needle = Needle::new("  DeLivery ");
        assert!(needle.found_in("Free delivery over R500"));
        assert!(needle.found_in("DELIVERY"));
        assert!(needle.found_in("delivery"));
        assert!(!needle.found_in("deliver"));
        assert!(!needle.found_in("Delivering"));
        assert!(needle.found_in("Lieferung — DELIVERY — livraison"));
        assert!(Needle::new("straße").found_in("Die STRASSE oder die Straße"));
        assert!(Needle::new("ÉTÉ").found_in("un été"));
        assert!(!Needle::new("été").found_in("ete"));
        assert!(Needle::new("x").found_in("X"));
        assert!(!Needle::new("xy").found_in("x"));
        assert!(Needle::new("kelvin").found_in("273 \u{212A}ELVIN"));
        assert!(Needle::new("i").found_in("\u{130}STANBUL"));
        assert!(Needle::new("cafe au").found_in("Café CAFE AU lait"));
        assert!(!Needle::new("caf au").found_in("Café au lait"));
        assert!(!Needle::new("").found_in("anything"));
    }

    #[test]
    fn the_ascii_path_agrees_with_lowering_a_copy() {
        let texts = ["aAbBaab", "ab", "ba", "", "zzzab", "AB", "a-b", "bbbbba", "abab"];
        let needles = ["a", "ab", "ba", "aab", "abab", "b-", "zab", "bbbbbab"];
        for text in texts {
            for query in needles {
                assert_eq!(
                    Needle::new(query).found_in(text),
                    text.to_lowercase().contains(query),
                    "{query:?} in {text:?}"
                );
            }
        }
    }

    #[test]
    fn a_longer_query_narrows_a_shorter_one_it_holds() {
        assert!(Needle::new("deliv").narrows(&Needle::new("del")));
        assert!(Needle::new("the delivery").narrows(&Needle::new("deliv")));
        assert!(!Needle::new("del").narrows(&Needle::new("deliv")));
        assert!(!Needle::new("del").narrows(&Needle::new("")));
    }
}
