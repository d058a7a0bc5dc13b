//! A map file read in pieces for the decoder, never held whole: each piece is checked to
//! be UTF-8 (a character cut by the piece's end waits for the next), NUL bytes and a
//! byte-order mark are noted, and the line and character column of the reading position
//! are kept up to date, so every problem can be placed the moment it is found.

use std::io::{self, Read};

/// How much is read at a time.
const PIECE: usize = 64 * 1024;

/// A 1-based line and character column, as editors count them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
}

/// What the whole file turned out to be, for the refusals that outrank any syntax error.
#[derive(Debug)]
pub struct Facts {
    /// Nothing but ASCII whitespace so far (an empty file included).
    pub only_whitespace: bool,
    /// The file starts with a UTF-8 byte-order mark.
    pub bom: bool,
    /// Where the first byte that is not UTF-8 is.
    pub not_utf8: Option<Pos>,
    /// A NUL byte anywhere.
    pub nul: bool,
    /// Bytes read.
    pub len: u64,
    /// Reading failed.
    pub error: Option<io::Error>,
}

pub struct Source<R> {
    reader: R,
    /// Checked text the decoder reads, refilled when it is used up.
    text: String,
    /// What the reader fills.
    raw: Vec<u8>,
    /// Bytes read but not yet checked: the start of a character cut by the last read.
    carried: Vec<u8>,
    /// The reading position in `text`.
    pos: usize,
    /// The file offset of `text`'s first byte.
    base: u64,
    /// The reading position's line, the file offset where that line starts, and the
    /// UTF-8 continuation bytes between there and the reading position.
    line: u32,
    line_start: u64,
    continuations: u64,
    /// No more text will come: the end of the file, a byte that is not UTF-8, or an error.
    ended: bool,
    head: Vec<u8>,
    pub facts: Facts,
}

impl<R: Read> Source<R> {
    pub fn new(reader: R) -> Self {
        Self {
            reader,
            text: String::new(),
            raw: vec![0; PIECE],
            carried: Vec::new(),
            pos: 0,
            base: 0,
            line: 1,
            line_start: 0,
            continuations: 0,
            ended: false,
            head: Vec::with_capacity(3),
            facts: Facts {
                only_whitespace: true,
                bom: false,
                not_utf8: None,
                nul: false,
                len: 0,
                error: None,
            },
        }
    }

    /// The next byte, not consumed; `None` at the end of the text.
    #[inline]
    pub fn peek(&mut self) -> Option<u8> {
        if let Some(&b) = self.text.as_bytes().get(self.pos) {
            return Some(b);
        }
        if self.refill() {
            self.text.as_bytes().get(self.pos).copied()
        } else {
            None
        }
    }

    /// Consumes the byte `peek` returned.
    #[inline]
    pub fn bump(&mut self) {
        let Some(&b) = self.text.as_bytes().get(self.pos) else {
            return;
        };
        self.pos += 1;
        if b == b'\n' {
            self.line += 1;
            self.line_start = self.offset();
            self.continuations = 0;
        } else if b & 0xC0 == 0x80 {
            self.continuations += 1;
        } else if b == 0 {
            // Only a syntax error consumes one; the refusal it leads to is noted here.
            self.facts.nul = true;
        }
    }

    /// The next byte, consumed.
    #[inline]
    pub fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.bump();
        Some(b)
    }

    /// Skips JSON whitespace and returns the byte after it, not consumed.
    #[inline]
    pub fn skip_whitespace(&mut self) -> Option<u8> {
        loop {
            let bytes = self.text.as_bytes();
            while let Some(&b) = bytes.get(self.pos) {
                match b {
                    b' ' | b'\t' | b'\r' => self.pos += 1,
                    b'\n' => {
                        self.pos += 1;
                        self.line += 1;
                        self.line_start = self.base + self.pos as u64;
                        self.continuations = 0;
                        // A saved map's indentation, eight spaces at a time.
                        while bytes.get(self.pos..self.pos + 8) == Some(b"        ") {
                            self.pos += 8;
                        }
                    }
                    _ => return Some(b),
                }
            }
            if !self.refill() {
                return None;
            }
        }
    }

    /// Copies text up to the next quote, backslash or control character into `out`, and
    /// returns that byte, not consumed (`None`: the text ended first).
    pub fn string_run(&mut self, out: &mut String) -> Option<u8> {
        loop {
            let rest = &self.text.as_bytes()[self.pos..];
            let len = plain_run(rest);
            if len > 0 {
                let run = &self.text[self.pos..self.pos + len];
                if !run.is_ascii() {
                    self.continuations += (len - run.chars().count()) as u64;
                }
                out.push_str(run);
                self.pos += len;
            }
            if let Some(&b) = self.text.as_bytes().get(self.pos) {
                return Some(b);
            }
            if !self.refill() {
                return None;
            }
        }
    }

    /// The text between the quote at the reading position and the next quote, when it
    /// is all here and plain (no escape, no control character).
    pub fn plain_quoted(&self) -> Option<&str> {
        let rest = self.text.as_bytes().get(self.pos + 1..)?;
        let len = plain_run(rest);
        (rest.get(len) == Some(&b'"')).then(|| &self.text[self.pos + 1..self.pos + 1 + len])
    }

    /// Consumes a quoted text of `len` bytes that [`Source::plain_quoted`] found.
    pub fn skip_quoted(&mut self, len: usize) {
        let key = &self.text[self.pos + 1..self.pos + 1 + len];
        if !key.is_ascii() {
            self.continuations += (len - key.chars().count()) as u64;
        }
        self.pos += len + 2;
    }

    /// Where the next byte is, when it is not a line break (after whitespace).
    #[inline]
    pub fn here(&self) -> Pos {
        Pos {
            line: self.line,
            column: self.column_after(),
        }
    }

    fn offset(&self) -> u64 {
        self.base + self.pos as u64
    }

    /// The character column just after the consumed text (1 at a line's start).
    fn column_after(&self) -> u32 {
        (self.offset() - self.line_start - self.continuations) as u32 + 1
    }

    /// Where the next byte is: serde_json's "peek position".
    pub fn peek_position(&mut self) -> Pos {
        match self.peek() {
            Some(b'\n') => Pos {
                line: self.line + 1,
                column: 1,
            },
            Some(_) => Pos {
                line: self.line,
                column: self.column_after(),
            },
            None => self.position(),
        }
    }

    /// Where the last consumed byte is: serde_json's "position".
    pub fn position(&self) -> Pos {
        Pos {
            line: self.line,
            column: (self.column_after() - 1).max(1),
        }
    }

    /// Reads the rest of the file (after a syntax error), so the refusals that outrank it
    /// (bytes that are not UTF-8, NUL bytes) are found wherever they are. A NUL the
    /// decoder read was noted as it went by.
    pub fn drain(&mut self) {
        loop {
            let rest = &self.text.as_bytes()[self.pos..];
            self.facts.nul |= rest.contains(&0);
            if let Some(last) = rest.iter().rposition(|&b| b == b'\n') {
                self.line += rest.iter().filter(|&&b| b == b'\n').count() as u32;
                self.line_start = self.offset() + last as u64 + 1;
                self.continuations = 0;
                self.pos += last + 1;
            }
            let rest = &self.text.as_bytes()[self.pos..];
            self.continuations += rest.iter().filter(|&&b| b & 0xC0 == 0x80).count() as u64;
            self.pos = self.text.len();
            if !self.refill() {
                break;
            }
        }
        // After a byte that is not UTF-8 the text stops; only NUL bytes are still looked for.
        while self.facts.error.is_none() && !self.at_end_of_file() {
            match self.reader.read(&mut self.raw) {
                Ok(0) => break,
                Ok(n) => {
                    note(&mut self.facts, &mut self.head, &self.raw[..n]);
                    self.facts.nul |= self.raw[..n].contains(&0);
                }
                Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
                Err(error) => self.facts.error = Some(error),
            }
        }
    }

    fn at_end_of_file(&self) -> bool {
        self.ended && self.facts.not_utf8.is_none()
    }

    /// Replaces the used-up text with the next checked piece; false when none is left.
    fn refill(&mut self) -> bool {
        if self.pos < self.text.len() {
            return true;
        }
        self.base += self.text.len() as u64;
        self.pos = 0;
        self.text.clear();
        while self.text.is_empty() && !self.ended {
            let read = match self.reader.read(&mut self.raw) {
                Ok(n) => n,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                Err(error) => {
                    self.facts.error = Some(error);
                    self.ended = true;
                    break;
                }
            };
            note(&mut self.facts, &mut self.head, &self.raw[..read]);
            let at_end = read == 0;
            // A character cut by the last read is completed by this one.
            let broken = if self.carried.is_empty() {
                let (valid, broken) = take_utf8(&mut self.text, &self.raw[..read], at_end);
                self.carried.extend_from_slice(&self.raw[valid..read]);
                broken
            } else {
                self.carried.extend_from_slice(&self.raw[..read]);
                let (valid, broken) = take_utf8(&mut self.text, &self.carried, at_end);
                self.carried.drain(..valid);
                broken
            };
            if broken {
                self.facts.nul |= self.carried.contains(&0);
                self.carried.clear();
                self.facts.not_utf8 = Some(self.position_at_end_of_text());
                self.ended = true;
            }
            if at_end {
                self.ended = true;
            }
        }
        !self.text.is_empty()
    }

    /// The position just after `text`, counted on from the reading position at its start.
    fn position_at_end_of_text(&self) -> Pos {
        let text = &self.text;
        match text.rfind('\n') {
            Some(last) => Pos {
                line: self.line + text.matches('\n').count() as u32,
                column: text[last + 1..].chars().count() as u32 + 1,
            },
            None => Pos {
                line: self.line,
                column: self.column_after() + text.chars().count() as u32,
            },
        }
    }
}

/// Appends the UTF-8 text at the start of `bytes` to `text`: how many bytes that is,
/// and whether a byte that is not UTF-8 stops it (a character cut at the end is not
/// one, unless the file ends there).
fn take_utf8(text: &mut String, bytes: &[u8], at_end: bool) -> (usize, bool) {
    match std::str::from_utf8(bytes) {
        Ok(valid) => {
            text.push_str(valid);
            (bytes.len(), false)
        }
        Err(error) => {
            let valid = error.valid_up_to();
            text.push_str(std::str::from_utf8(&bytes[..valid]).unwrap_or_default());
            (valid, error.error_len().is_some() || at_end)
        }
    }
}

/// Notes what the refusals need to know about bytes just read; `head` keeps the file's
/// first three.
fn note(facts: &mut Facts, head: &mut Vec<u8>, bytes: &[u8]) {
    if head.len() < 3 {
        let wanted = (3 - head.len()).min(bytes.len());
        head.extend_from_slice(&bytes[..wanted]);
        facts.bom = head == b"\xEF\xBB\xBF";
    }
    if facts.only_whitespace {
        facts.only_whitespace = bytes.iter().all(u8::is_ascii_whitespace);
    }
    facts.len += bytes.len() as u64;
}

/// How many bytes from the start are plain string content: not a quote, a backslash or
/// a control character. Eight bytes at a time while none of them is one.
pub fn plain_run(bytes: &[u8]) -> usize {
    const ONES: u64 = u64::MAX / 255;
    const HIGH: u64 = ONES << 7;
    let has_zero = |word: u64| word.wrapping_sub(ONES) & !word & HIGH;
    let mut done = 0;
    for chunk in bytes.chunks_exact(8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let word = u64::from_le_bytes(word);
        let control = word.wrapping_sub(ONES * 0x20) & !word & HIGH;
        let found =
            control | has_zero(word ^ (ONES * u64::from(b'"'))) | has_zero(word ^ (ONES * u64::from(b'\\')));
        if found != 0 {
            return done + found.trailing_zeros() as usize / 8;
        }
        done += 8;
    }
    done + bytes[done..]
        .iter()
        .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
        .unwrap_or(bytes.len() - done)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(text: &[u8], piece: usize) -> (String, Facts) {
        struct Trickle<'a>(&'a [u8], usize);
        impl Read for Trickle<'_> {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                let n = self.1.min(buf.len()).min(self.0.len());
                buf[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let mut source = Source::new(Trickle(text, piece));
        let mut out = String::new();
        while let Some(b) = source.peek() {
            out.push(char::from(b));
            source.bump();
        }
        source.drain();
        (out, source.facts)
    }

    #[test]
    fn plain_runs_stop_at_quotes_backslashes_and_control_characters() {
        assert_eq!(plain_run(b"abc"), 3);
        assert_eq!(plain_run(b"0123456789abcdef\"x"), 16);
        assert_eq!(plain_run(b"01234567\\"), 8);
        assert_eq!(plain_run(b"0123\n567"), 4);
        assert_eq!(
            plain_run("καλημέρα κόσμε\u{1f}".as_bytes()),
            "καλημέρα κόσμε".len()
        );
    }

    #[test]
    fn a_character_cut_between_reads_is_joined() {
        let text = "aé€😀b".repeat(3);
        for piece in 1..6 {
            let (_, facts) = read_all(text.as_bytes(), piece);
            assert!(facts.not_utf8.is_none(), "pieces of {piece}");
            assert_eq!(facts.len, text.len() as u64);
        }
    }

    #[test]
    fn the_first_byte_that_is_not_utf8_is_placed_and_nul_is_seen_after_it() {
        let (_, facts) = read_all(b"ab\ncd\xE9f\x00", 2);
        assert_eq!(facts.not_utf8, Some(Pos { line: 2, column: 3 }));
        assert!(facts.nul);
        let (_, facts) = read_all(b"ab\xC3", 4);
        assert_eq!(facts.not_utf8, Some(Pos { line: 1, column: 3 }));
    }

    #[test]
    fn positions_count_characters() {
        let mut source = Source::new("é\n  \"ü\"".as_bytes());
        source.next();
        source.next();
        assert_eq!(source.peek_position(), Pos { line: 2, column: 1 });
        assert_eq!(source.skip_whitespace(), Some(b'"'));
        assert_eq!(source.peek_position(), Pos { line: 2, column: 3 });
        source.bump();
        let mut out = String::new();
        assert_eq!(source.string_run(&mut out), Some(b'"'));
        assert_eq!(out, "ü");
        assert_eq!(source.peek_position(), Pos { line: 2, column: 5 });
    }
}
