//! The one way text from a file reaches the screen: control characters become visible
//! escapes, bidirectional overrides are neutralised, and size is capped so no string,
//! however long or strange, can stall a frame.

use std::borrow::Cow;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::graphemes::graphemes;
use super::swar;

/// Most characters any one piece of text shows; longer text ends in "…".
pub const MAX_DISPLAY_CHARS: usize = 20_000;
/// Combining or zero-width marks kept after one base character.
const MAX_MARKS: usize = 4;

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn is_mark(c: char) -> bool {
    !c.is_ascii() && !c.is_control() && c.width() == Some(0)
}

/// What a character is shown as, when it is not shown as itself.
enum Shown {
    Itself,
    Char(char),
    Escape(u32),
}

fn shown(c: char, keep_newline: bool) -> Shown {
    match c {
        '\n' if keep_newline => Shown::Itself,
        '\n' => Shown::Char('⏎'),
        '\t' => Shown::Char(' '),
        '\u{0}'..='\u{1F}' => Shown::Char(char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}')),
        '\u{7F}' => Shown::Char('␡'),
        '\u{80}'..='\u{9F}' => Shown::Escape(c as u32),
        c if is_bidi_control(c) => Shown::Char('\u{FFFD}'),
        _ => Shown::Itself,
    }
}

/// Whether every character of `s` is shown as itself and within the caps: one pass,
/// decoding only the characters outside ASCII.
fn shown_as_is(s: &str, keep_newline: bool) -> bool {
    let bytes = s.as_bytes();
    let (mut at, mut count, mut marks) = (0, 0usize, 0usize);
    while at < bytes.len() {
        if let Some(eight) = bytes.get(at..at + 8)
            && printable_ascii(eight)
        {
            marks = 0;
            at += 8;
            count += 8;
            if count > MAX_DISPLAY_CHARS {
                return false;
            }
            continue;
        }
        let b = bytes[at];
        if b.is_ascii() {
            if !(matches!(b, b' '..=b'~') || (keep_newline && b == b'\n')) {
                return false;
            }
            marks = 0;
            at += 1;
        } else {
            let Some(c) = s[at..].chars().next() else {
                return false;
            };
            marks = if is_mark(c) { marks + 1 } else { 0 };
            if marks > MAX_MARKS || !matches!(shown(c, keep_newline), Shown::Itself) {
                return false;
            }
            at += c.len_utf8();
        }
        count += 1;
        if count > MAX_DISPLAY_CHARS {
            return false;
        }
    }
    true
}

/// Whether eight bytes are all printable ASCII (space to `~`), tested at once.
fn printable_ascii(eight: &[u8]) -> bool {
    swar::word(eight)
        .is_some_and(|word| !swar::has_byte_below(word, 0x20) && !swar::may_have_byte_from_del(word))
}

fn clean_with(s: &str, keep_newline: bool) -> Cow<'_, str> {
    if shown_as_is(s, keep_newline) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len().min(MAX_DISPLAY_CHARS * 4));
    let mut marks = 0usize;
    for (count, c) in s.chars().enumerate() {
        if count == MAX_DISPLAY_CHARS {
            out.push('…');
            break;
        }
        if is_mark(c) {
            marks += 1;
            if marks > MAX_MARKS {
                continue;
            }
        } else {
            marks = 0;
        }
        match shown(c, keep_newline) {
            Shown::Itself => out.push(c),
            Shown::Char(replacement) => out.push(replacement),
            Shown::Escape(code) => out.push_str(&format!("\\x{code:02X}")),
        }
    }
    Cow::Owned(out)
}

/// Text safe to draw: line breaks kept, everything else that could move the cursor,
/// change colours or reorder text made visible; capped in length and in marks.
pub fn clean(s: &str) -> Cow<'_, str> {
    clean_with(s, true)
}

/// Like [`clean`], for places that show one line: a line break shows as `⏎`.
pub fn clean_line(s: &str) -> Cow<'_, str> {
    clean_with(s, false)
}

/// Columns one grapheme takes on screen, as [`clean`] would show it.
pub fn grapheme_width(grapheme: &str) -> usize {
    if let [byte] = grapheme.as_bytes()
        && matches!(byte, b' '..=b'~')
    {
        return 1;
    }
    let mut chars = grapheme.chars();
    match chars.next() {
        None => 0,
        Some(first) => match shown(first, false) {
            Shown::Itself => grapheme.width(),
            Shown::Char(c) => c.width().unwrap_or(1),
            Shown::Escape(_) => 4,
        },
    }
}

/// Columns `s` takes on screen (grapheme by grapheme, as the terminal buffer lays it out).
pub fn width(s: &str) -> usize {
    if s.is_ascii() {
        return s.bytes().filter(|b| !b.is_ascii_control()).count();
    }
    graphemes(s).map(|(_, grapheme)| grapheme_width(grapheme)).sum()
}

/// `s` cut (as [`truncate`] does) or padded with spaces to exactly `columns` on screen,
/// for text laid out in columns.
pub fn fit(s: &str, columns: usize) -> String {
    let cut = truncate(s, columns);
    let pad = columns.saturating_sub(width(&cut));
    format!("{cut}{}", " ".repeat(pad))
}

/// As many of `pieces` as fit in `columns`, first ones first, joined by " · ": a list
/// of hints that never ends in half of one.
pub fn join_fitting(pieces: impl IntoIterator<Item = String>, columns: usize) -> String {
    let mut shown = String::new();
    for piece in pieces {
        let next = if shown.is_empty() {
            piece
        } else {
            format!("{shown} · {piece}")
        };
        if width(&next) > columns {
            break;
        }
        shown = next;
    }
    shown
}

/// `s` without trailing spaces, cut to at most `columns` with no "…" of its own: for a
/// caller that ends it with a marker saying more follows.
pub fn cut_short(s: &str, columns: usize) -> String {
    truncate(s.trim_end(), columns).trim_end_matches('…').to_owned()
}

/// `s` within `columns`, always ending in "…": the last line shown of a longer text.
pub fn ending_in_ellipsis(s: &str, columns: usize) -> String {
    format!("{}…", cut_short(s, columns.saturating_sub(1)))
}

/// `s` cut to fit `max_width` columns, ending in "…" when something was cut. Never
/// splits a grapheme and never goes over, even with a wide character at the edge.
pub fn truncate(s: &str, max_width: usize) -> Cow<'_, str> {
    if width(s) <= max_width {
        return Cow::Borrowed(s);
    }
    let room = max_width.saturating_sub(1);
    let mut used = 0;
    let mut end = 0;
    for (at, grapheme) in graphemes(s) {
        let w = grapheme_width(grapheme);
        if used + w > room {
            break;
        }
        used += w;
        end = at + grapheme.len();
    }
    if max_width == 0 {
        return Cow::Borrowed("");
    }
    Cow::Owned(format!("{}…", &s[..end]))
}

#[cfg(test)]
mod tests {
    use std::time::Instant;

    use super::*;

    #[test]
    fn join_fitting_keeps_whole_pieces_only() {
        let pieces = || ["Enter keeps", "Esc cancels", "Ctrl-G: your editor"].map(String::from);
        assert_eq!(
            join_fitting(pieces(), 80),
            "Enter keeps · Esc cancels · Ctrl-G: your editor"
        );
        assert_eq!(join_fitting(pieces(), 40), "Enter keeps · Esc cancels");
        assert_eq!(join_fitting(pieces(), 5), "");
    }

    #[test]
    fn fit_pads_or_cuts_to_exact_columns_by_display_width() {
        assert_eq!(fit("ab", 4), "ab  ");
        assert_eq!(fit("日本", 5), "日本 ");
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(width(&fit("日本語です", 5)), 5);
    }

    #[test]
    fn a_text_cut_for_a_marker_ends_in_one_ellipsis_within_its_columns() {
        assert_eq!(cut_short("a long line  ", 6), "a lon");
        assert_eq!(cut_short("short  ", 9), "short");
        assert_eq!(ending_in_ellipsis("short  ", 9), "short…");
        assert_eq!(ending_in_ellipsis("a long line", 6), "a lo…");
        assert!(width(&ending_in_ellipsis("日本語のテキスト", 7)) <= 7);
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(clean("Café ☕ 日本語\nsecond line"), Cow::Borrowed(_)));
    }

    #[test]
    fn controls_become_visible() {
        assert_eq!(clean("a\u{1b}[31mred\u{7}\r"), "a␛[31mred␇␍");
        assert_eq!(clean("tab\there"), "tab here");
        assert_eq!(clean("del\u{7f}"), "del␡");
        assert_eq!(clean("csi\u{9b}2J"), "csi\\x9B2J");
        assert_eq!(clean("two\nlines"), "two\nlines");
        assert_eq!(clean_line("two\nlines"), "two⏎lines");
    }

    #[test]
    fn a_control_or_del_is_found_wherever_it_sits_in_a_long_line() {
        for at in 0..20 {
            for bad in ['\u{1b}', '\u{7f}', '\n', 'é'] {
                let mut text = "plain ascii text, twenty".to_owned();
                text.insert(at, bad);
                let kept = clean_line(&text);
                assert_eq!(matches!(kept, Cow::Borrowed(_)), bad == 'é', "{bad:?} at {at}");
            }
        }
        let long = "x".repeat(MAX_DISPLAY_CHARS + 3);
        assert!(clean(&long).ends_with('…'));
    }

    #[test]
    fn bidi_overrides_are_neutralised() {
        assert_eq!(
            clean("abc\u{202E}fed\u{2066}x\u{2069}"),
            "abc\u{FFFD}fed\u{FFFD}x\u{FFFD}"
        );
    }

    #[test]
    fn no_control_byte_survives() {
        let hostile: String = (0u32..0x100).filter_map(char::from_u32).collect();
        for c in clean(&hostile).chars().chain(clean_line(&hostile).chars()) {
            assert!(c == '\n' || !c.is_control(), "{c:?} survived");
        }
    }

    #[test]
    fn combining_marks_are_capped_per_letter() {
        let zalgo = format!("e{}x", "\u{301}".repeat(100_000));
        let start = Instant::now();
        let cleaned = clean(&zalgo);
        assert_eq!(
            cleaned,
            format!("e{}…", "\u{301}".repeat(MAX_MARKS)),
            "the scan stops at the cap"
        );
        assert!(start.elapsed().as_millis() < 500);
        assert_eq!(clean("e\u{301}\u{302}"), "e\u{301}\u{302}");
    }

    #[test]
    fn huge_text_is_capped() {
        let huge = "x".repeat(5 * 1024 * 1024);
        let cleaned = clean(&huge);
        assert_eq!(cleaned.chars().count(), MAX_DISPLAY_CHARS + 1);
        assert!(cleaned.ends_with('…'));
    }

    #[test]
    fn widths_follow_the_screen() {
        assert_eq!(width("abc"), 3);
        assert_eq!(width("日本語"), 6);
        assert_eq!(width("e\u{301}"), 1);
        assert_eq!(width("👍🏽"), 2);
        assert_eq!(grapheme_width("\u{9b}"), 4);
        assert_eq!(grapheme_width("\u{1b}"), 1);
    }

    #[test]
    fn truncation_never_overflows() {
        assert_eq!(truncate("hello", 5), "hello");
        assert_eq!(truncate("hello world", 6), "hello…");
        assert_eq!(truncate("日本語です", 4), "日…");
        assert_eq!(truncate("日本語です", 5), "日本…");
        assert_eq!(truncate("abc", 1), "…");
        assert_eq!(truncate("abc", 0), "");
        for max in 0..12 {
            assert!(width(&truncate("a日b本c語d", max)) <= max);
        }
    }
}
