//! A text's graphemes with their byte offsets, as `grapheme_indices(true)` finds them,
//! but with the segmentation tables used only round characters outside ASCII: a frame
//! measures and wraps thousands of mostly-ASCII notes with an accent or emoji here and there.

use unicode_segmentation::{GraphemeIndices, UnicodeSegmentation};

/// The graphemes of a text, each with where it starts.
pub struct Graphemes<'a> {
    text: &'a str,
    /// Where the text after the current piece starts.
    at: usize,
    /// A piece round non-ASCII text being segmented, and where it starts in the text.
    piece: Option<(usize, GraphemeIndices<'a>)>,
}

/// The graphemes of `text` with their byte offsets.
pub fn graphemes(text: &str) -> Graphemes<'_> {
    Graphemes {
        text,
        at: 0,
        piece: None,
    }
}

/// Whether a grapheme always ends between bytes `before` and `after`: two ASCII
/// characters but a CR LF. (No ASCII character extends, prepends to or joins a
/// grapheme, and none takes part in emoji, regional-indicator or Indic sequences.)
fn always_breaks(before: u8, after: u8) -> bool {
    before.is_ascii() && after.is_ascii() && !(before == b'\r' && after == b'\n')
}

impl<'a> Iterator for Graphemes<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        if let Some((from, inner)) = &mut self.piece {
            if let Some((i, grapheme)) = inner.next() {
                return Some((*from + i, grapheme));
            }
            self.piece = None;
        }
        let bytes = self.text.as_bytes();
        let start = self.at;
        let &first = bytes.get(start)?;
        if first.is_ascii()
            && bytes
                .get(start + 1)
                .is_none_or(|&next| always_breaks(first, next))
        {
            self.at += 1;
            return self.text.get(start..start + 1).map(|grapheme| (start, grapheme));
        }
        // Segment up to the next place where a grapheme always ends: the piece holds
        // every grapheme that starts in it, and nothing before it changes them.
        let mut end = start + 1;
        while end < bytes.len() && !always_breaks(bytes[end - 1], bytes[end]) {
            end += 1;
        }
        self.at = end;
        let mut inner = self.text.get(start..end)?.grapheme_indices(true);
        let found = inner.next().map(|(i, grapheme)| (start + i, grapheme));
        self.piece = Some((start, inner));
        found
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    type Found<'a> = Vec<(usize, &'a str)>;

    fn both(text: &str) -> (Found<'_>, Found<'_>) {
        (graphemes(text).collect(), text.grapheme_indices(true).collect())
    }

    #[test]
    fn a_crlf_is_one_grapheme() {
        let found: Vec<(usize, &str)> = graphemes("a\r\nb").collect();
        assert_eq!(found, [(0, "a"), (1, "\r\n"), (3, "b")]);
    }

    #[test]
    fn marks_emoji_and_flags_join_as_segmentation_joins_them() {
        for text in [
            "Cafe\u{301} Aurora",
            "sad 😞. then 👩\u{200D}💻 and 🇫🇷🇩🇪!",
            "注文確認 (ok)",
            "\u{600}1 prepended",
            "क्‍ष and क्ष",
            "e\u{301}\r\n\r\r\n\n",
            "",
        ] {
            let (fast, full) = both(text);
            assert_eq!(fast, full, "{text:?}");
        }
    }

    proptest! {
        #[test]
        fn finds_the_graphemes_segmentation_finds(
            text in "[ -~\t\r\n]{0,12}([é日😞\u{301}\u{200D}\u{600}\u{915}\u{94D}🇫🇷][ -~\r\n]{0,6}){0,8}"
        ) {
            let (fast, full) = both(&text);
            prop_assert_eq!(fast, full);
        }

        #[test]
        fn finds_them_in_any_text(text in "\\PC{0,40}") {
            let (fast, full) = both(&text);
            prop_assert_eq!(fast, full);
        }
    }
}
