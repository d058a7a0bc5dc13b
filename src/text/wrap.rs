//! Soft wrapping by display width: greedy, breaking after spaces, splitting words longer
//! than a line at grapheme boundaries. Work stops at the line limit, so a cell costs the
//! same however long its text is.

use std::ops::Range;

use super::display::grapheme_width;
use super::graphemes::graphemes;

/// The visual lines of a text: byte ranges into it, and whether text was left out.
/// Spaces where a line was broken and the `\n` that ends a line belong to no range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wrapped {
    pub lines: Vec<Range<usize>>,
    pub truncated: bool,
}

/// Wraps `text` to `width` columns, stopping after `max_lines` lines (`usize::MAX`: no
/// limit). Empty text is one empty line; a trailing `\n` starts one more, empty, line.
pub fn wrap(text: &str, width: usize, max_lines: usize) -> Wrapped {
    let width = width.max(1);
    let mut lines: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    let mut column = 0;
    // Where the line could end before the last run of spaces, and where the next would begin.
    let mut soft_break: Option<(usize, usize)> = None;
    for (at, grapheme) in graphemes(text) {
        if lines.len() >= max_lines {
            return Wrapped {
                lines,
                truncated: true,
            };
        }
        if grapheme.ends_with('\n') {
            lines.push(start..at);
            start = at + grapheme.len();
            column = 0;
            soft_break = None;
            continue;
        }
        let w = grapheme_width(grapheme);
        if grapheme == " " {
            soft_break = match soft_break {
                Some((end, next)) if next == at => Some((end, at + 1)),
                _ => Some((at, at + 1)),
            };
            column += w;
            continue;
        }
        if column + w > width && column > 0 {
            match soft_break.take() {
                Some((end, next)) if end > start => {
                    lines.push(start..end);
                    start = next;
                    column = graphemes(&text[start..at]).map(|(_, g)| grapheme_width(g)).sum();
                }
                _ => {
                    lines.push(start..at);
                    start = at;
                    column = 0;
                }
            }
            if column + w > width && column > 0 && lines.len() < max_lines {
                lines.push(start..at);
                start = at;
                column = 0;
            }
            if lines.len() >= max_lines {
                return Wrapped {
                    lines,
                    truncated: true,
                };
            }
        }
        column += w;
    }
    if lines.len() >= max_lines {
        return Wrapped {
            lines,
            truncated: start < text.len(),
        };
    }
    let end = match soft_break {
        Some((end, next)) if next == text.len() && column > width && end > start => end,
        _ => text.len(),
    };
    lines.push(start..end);
    Wrapped {
        lines,
        truncated: false,
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::text::display::width;

    fn lines(text: &str, w: usize) -> Vec<&str> {
        wrap(text, w, usize::MAX)
            .lines
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn breaks_after_spaces() {
        assert_eq!(
            lines("the menu is only a PDF", 10),
            ["the menu", "is only a", "PDF"]
        );
        assert_eq!(lines("exactly ten", 11), ["exactly ten"]);
        assert_eq!(lines("two  spaces here", 6), ["two", "spaces", "here"]);
    }

    #[test]
    fn long_words_split_at_graphemes() {
        assert_eq!(lines("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(lines("日本語です", 4), ["日本", "語で", "す"]);
        assert_eq!(lines("日本語", 1), ["日", "本", "語"]);
    }

    #[test]
    fn newlines_end_lines() {
        assert_eq!(lines("a\n\nb\n", 10), ["a", "", "b", ""]);
        assert_eq!(lines("", 10), [""]);
    }

    #[test]
    fn the_line_limit_bounds_the_work() {
        let text = "word ".repeat(1_000_000);
        let wrapped = wrap(&text, 20, 3);
        assert_eq!(wrapped.lines.len(), 3);
        assert!(wrapped.truncated);
        let short = wrap("fits", 20, 1);
        assert!(!short.truncated);
    }

    #[test]
    fn combining_marks_stay_with_their_letter() {
        assert_eq!(
            lines("e\u{301}e\u{301}e\u{301}", 2),
            ["e\u{301}e\u{301}", "e\u{301}"]
        );
    }

    proptest! {
        #[test]
        fn ranges_are_ordered_and_fit(text in "[a-z 日é\u{301}\n]{0,80}", w in 1usize..20) {
            let wrapped = wrap(&text, w, usize::MAX);
            let mut last_end = 0;
            for range in &wrapped.lines {
                prop_assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
                prop_assert!(range.start >= last_end && range.start <= range.end);
                let line = &text[range.clone()];
                prop_assert!(width(line.trim_end()) <= w.max(2), "{:?} wider than {}", line, w);
                last_end = range.end;
            }
            let kept: String = wrapped.lines.iter().map(|r| &text[r.clone()]).collect();
            let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            prop_assert_eq!(squeeze(&kept), squeeze(&text));
        }
    }
}
