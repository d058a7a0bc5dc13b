//! Pasted text: without terminal escape sequences, one `\n` per line break however the
//! terminal sent it (LF, CRLF, CR, or CRLF that the terminal or tmux turned into CR CR),
//! and the pasted lines worth keeping.

/// Pasted `text` as it is kept: without terminal escape sequences (colour codes, window
/// titles copied from a terminal), and each line break as one `\n`. CRLF and a lone CR
/// become `\n`. Terminals and tmux send a pasted LF as CR, so CRLF lines (a sheet, a
/// Windows clipboard) arrive as CR CR: when every run of CRs is even and no LF is left,
/// each pair is one break.
pub fn tidy(text: &str) -> String {
    let text = without_escapes(text).replace("\r\n", "\n");
    if !text.contains('\r') {
        return text;
    }
    let doubled = !text.contains('\n') && cr_runs(&text).all(|run| run % 2 == 0);
    let mut out = String::with_capacity(text.len());
    let mut pending = 0;
    for c in text.chars() {
        if c == '\r' {
            pending += 1;
            continue;
        }
        push_breaks(&mut out, pending, doubled);
        pending = 0;
        out.push(c);
    }
    push_breaks(&mut out, pending, doubled);
    out
}

/// The pasted `text`'s lines that hold something, trimmed.
pub fn lines(text: &str) -> Vec<String> {
    tidy(text)
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect()
}

/// `text` without ANSI escape sequences: CSI (`ESC [` … a final letter, or the one-byte
/// CSI), OSC (`ESC ]` … BEL or `ESC \\`), two-character escapes, and a stray `ESC`.
fn without_escapes(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(['\u{1b}', '\u{9b}', '\u{9d}']) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let kind = match c {
            '\u{1b}' => chars.next(),
            '\u{9b}' => Some('['),
            '\u{9d}' => Some(']'),
            _ => {
                out.push(c);
                continue;
            }
        };
        match kind {
            // Parameters and intermediates, then one final byte from @ to ~.
            Some('[') => {
                for c in chars.by_ref() {
                    if ('@'..='~').contains(&c) {
                        break;
                    }
                }
            }
            // Up to BEL or ST (ESC \).
            Some(']') => {
                while let Some(c) = chars.next() {
                    if c == '\u{7}' || c == '\u{9c}' {
                        break;
                    }
                    if c == '\u{1b}' {
                        chars.next_if_eq(&'\\');
                        break;
                    }
                }
            }
            // A two-character escape (ESC and one of @ to _) goes whole; a stray ESC
            // before anything else goes alone.
            Some(c) if ('@'..='_').contains(&c) => {}
            Some(c) => out.push(c),
            None => {}
        }
    }
    std::borrow::Cow::Owned(out)
}

fn push_breaks(out: &mut String, crs: usize, doubled: bool) {
    let breaks = if doubled { crs / 2 } else { crs };
    out.extend(std::iter::repeat_n('\n', breaks));
}

/// The lengths of the runs of `\r` in `text`.
fn cr_runs(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.split(|c| c != '\r').map(str::len).filter(|&run| run > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_leave_nothing_behind() {
        assert_eq!(tidy("\u{1b}[31mRED\u{1b}[0m text"), "RED text");
        assert_eq!(tidy("\u{1b}]0;PWNED\u{7}after"), "after");
        assert_eq!(tidy("\u{1b}]8;;https://x\u{1b}\\link\u{1b}]8;;\u{1b}\\"), "link");
        assert_eq!(tidy("a\u{9b}2Jb"), "ab");
        assert_eq!(tidy("plain, with ü and 日本"), "plain, with ü and 日本");
    }

    #[test]
    fn crlf_and_lone_cr_each_become_one_line_break() {
        assert_eq!(tidy("a\r\nb\r\n"), "a\nb\n");
        assert_eq!(tidy("a\rb"), "a\nb");
        assert_eq!(tidy("a\nb\n\nc"), "a\nb\n\nc");
        assert_eq!(tidy("a\r\n\r\nb"), "a\n\nb");
    }

    #[test]
    fn crlf_lines_a_terminal_sent_as_cr_cr_are_not_doubled() {
        assert_eq!(tidy("a\r\rb\r\r"), "a\nb\n");
        assert_eq!(tidy("a\r\r\r\rb"), "a\n\nb");
        // One blank line among single breaks: the text's own breaks, kept.
        assert_eq!(tidy("a\r\rb\rc"), "a\n\nb\nc");
    }

    #[test]
    fn lines_leave_out_the_blank_and_trim_the_rest() {
        assert_eq!(lines("  one \r\n   \r\ntwo\r\n"), ["one", "two"]);
        assert_eq!(lines("one\r\rtwo\r\r"), ["one", "two"]);
        assert!(lines(" \r\n ").is_empty());
    }
}
