//! The line editor behind every text entry: a text and a cursor that moves by grapheme,
//! by word and by visual line, measured in display columns so wide characters and
//! combining marks behave. It draws nothing; [`TextInput::view`] says what to draw.

use unicode_segmentation::{GraphemeCursor, UnicodeSegmentation};

use super::display::{clean, grapheme_width};
use super::wrap::wrap;

/// The text being edited and where the cursor is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextInput {
    text: String,
    /// Byte offset, always on a grapheme boundary.
    cursor: usize,
    original: String,
    multiline: bool,
    /// The display column up and down aim for, kept while moving vertically.
    preferred_column: Option<usize>,
}

/// What the editor shows: its visible lines (cleaned) and the cursor within them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputView {
    pub lines: Vec<String>,
    /// (column, row) inside the view.
    pub cursor: (u16, u16),
}

fn is_word(grapheme: &str) -> bool {
    grapheme
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || c == '_')
}

fn columns(text: &str) -> usize {
    text.graphemes(true).map(grapheme_width).sum()
}

impl TextInput {
    /// An editor holding `text`, cursor at the end.
    pub fn new(text: &str, multiline: bool) -> Self {
        Self {
            text: text.to_owned(),
            cursor: text.len(),
            original: text.to_owned(),
            multiline,
            preferred_column: None,
        }
    }

    /// The text as it is now.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether the text differs from what the editor started with.
    pub fn is_modified(&self) -> bool {
        self.text != self.original
    }

    /// Whether the text may hold line breaks.
    pub fn multiline(&self) -> bool {
        self.multiline
    }

    /// The cursor's byte offset in the text.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Every change to the text: replaces `range`, puts the cursor after the new text.
    /// A change can join two graphemes (a letter typed before a lone accent, a line break
    /// deleted between a space and an accent); the cursor then moves past the whole one.
    fn replace(&mut self, range: std::ops::Range<usize>, with: &str) {
        self.text.replace_range(range.clone(), with);
        self.cursor = range.start + with.len();
        self.preferred_column = None;
        let mut graphemes = GraphemeCursor::new(self.cursor, self.text.len(), true);
        if graphemes.is_boundary(&self.text, 0) == Ok(false)
            && let Ok(Some(next)) = graphemes.next_boundary(&self.text, 0)
        {
            self.cursor = next;
        }
    }

    /// Replaces the text from byte `from` to the cursor with `with` (as pasted), cursor
    /// after it: what completing the word being typed does. Ignored when `from` is not a
    /// character boundary before the cursor.
    pub fn replace_before_cursor(&mut self, from: usize, with: &str) {
        if from <= self.cursor && self.text.is_char_boundary(from) {
            self.text.replace_range(from..self.cursor, "");
            self.cursor = from;
            self.paste(with);
        }
    }

    /// Replaces the whole text, cursor at the end (a completed field).
    pub fn set_text(&mut self, text: &str) {
        self.text.clear();
        self.cursor = 0;
        self.paste(text);
    }

    /// Types a character; control characters are not text and are ignored.
    pub fn insert_char(&mut self, c: char) {
        match c {
            '\n' => self.insert_newline(),
            '\t' => self.replace(self.cursor..self.cursor, " "),
            c if c.is_control() => {}
            c => self.replace(self.cursor..self.cursor, c.encode_utf8(&mut [0; 4])),
        }
    }

    /// Breaks the line, where line breaks are allowed.
    pub fn insert_newline(&mut self) {
        if self.multiline {
            self.replace(self.cursor..self.cursor, "\n");
        }
    }

    /// Inserts pasted text: line endings become `\n` (or spaces in one-line text), tabs
    /// become spaces, other control characters are dropped.
    pub fn paste(&mut self, s: &str) {
        let text: String = super::pasted::tidy(s)
            .chars()
            .filter_map(|c| match c {
                '\n' if self.multiline => Some('\n'),
                '\n' | '\t' => Some(' '),
                c if c.is_control() => None,
                c => Some(c),
            })
            .collect();
        self.replace(self.cursor..self.cursor, &text);
    }

    fn previous_boundary(&self) -> Option<usize> {
        self.text[..self.cursor]
            .grapheme_indices(true)
            .next_back()
            .map(|(at, _)| at)
    }

    fn next_boundary(&self) -> Option<usize> {
        self.text[self.cursor..]
            .graphemes(true)
            .next()
            .map(|g| self.cursor + g.len())
    }

    fn move_to(&mut self, at: usize) {
        self.cursor = at;
        self.preferred_column = None;
    }

    /// Deletes the grapheme before the cursor.
    pub fn backspace(&mut self) {
        if let Some(at) = self.previous_boundary() {
            self.replace(at..self.cursor, "");
        }
    }

    /// Deletes the grapheme under the cursor.
    pub fn delete(&mut self) {
        if let Some(end) = self.next_boundary() {
            self.replace(self.cursor..end, "");
        }
    }

    /// One grapheme left.
    pub fn left(&mut self) {
        if let Some(at) = self.previous_boundary() {
            self.move_to(at);
        }
    }

    /// One grapheme right.
    pub fn right(&mut self) {
        if let Some(at) = self.next_boundary() {
            self.move_to(at);
        }
    }

    fn word_start_before(&self) -> usize {
        let mut at = self.cursor;
        let mut seen_word = false;
        for (i, grapheme) in self.text[..self.cursor].grapheme_indices(true).rev() {
            if is_word(grapheme) {
                seen_word = true;
            } else if seen_word {
                break;
            }
            at = i;
        }
        at
    }

    fn word_end_after(&self) -> usize {
        let mut at = self.cursor;
        let mut seen_word = false;
        for (i, grapheme) in self.text[self.cursor..].grapheme_indices(true) {
            if is_word(grapheme) {
                seen_word = true;
            } else if seen_word {
                break;
            }
            at = self.cursor + i + grapheme.len();
        }
        at
    }

    /// To the start of this word, or of the previous one.
    pub fn word_left(&mut self) {
        let at = self.word_start_before();
        self.move_to(at);
    }

    /// To the end of this word, or of the next one.
    pub fn word_right(&mut self) {
        let at = self.word_end_after();
        self.move_to(at);
    }

    /// Deletes back to the start of the word.
    pub fn delete_word_back(&mut self) {
        let at = self.word_start_before();
        self.replace(at..self.cursor, "");
    }

    fn line_start(&self) -> usize {
        self.text[..self.cursor].rfind('\n').map_or(0, |i| i + 1)
    }

    fn line_end(&self) -> usize {
        self.text[self.cursor..]
            .find('\n')
            .map_or(self.text.len(), |i| self.cursor + i)
    }

    /// Deletes back to the start of the line.
    pub fn delete_to_line_start(&mut self) {
        let at = self.line_start();
        self.replace(at..self.cursor, "");
    }

    /// Deletes to the end of the line; at the end of a line, joins the next one.
    pub fn delete_to_line_end(&mut self) {
        let end = self.line_end();
        if end == self.cursor {
            self.delete();
        } else {
            self.replace(self.cursor..end, "");
        }
    }

    /// The visual lines at `width` and the index of the one holding the cursor.
    fn layout(&self, width: usize) -> (Vec<std::ops::Range<usize>>, usize) {
        let lines = wrap(&self.text, width, usize::MAX).lines;
        let row = lines
            .iter()
            .rposition(|range| range.start <= self.cursor)
            .unwrap_or(0);
        (lines, row)
    }

    /// The cursor's display column within its visual line.
    fn column_in(&self, range: &std::ops::Range<usize>) -> usize {
        let end = self.cursor.clamp(range.start, self.text.len());
        columns(&self.text[range.start..end])
    }

    /// To the start of the visual line.
    pub fn home(&mut self, width: usize) {
        let (lines, row) = self.layout(width);
        if let Some(range) = lines.get(row) {
            self.move_to(range.start);
        }
    }

    /// To the end of the visual line.
    pub fn end(&mut self, width: usize) {
        let (lines, row) = self.layout(width);
        if let Some(range) = lines.get(row) {
            self.move_to(range.end);
        }
    }

    /// To the start of the text.
    pub fn text_start(&mut self) {
        self.move_to(0);
    }

    /// To the end of the text.
    pub fn text_end(&mut self) {
        self.move_to(self.text.len());
    }

    fn vertical(&mut self, width: usize, down: bool) -> bool {
        let (lines, row) = self.layout(width);
        let target = if down { row + 1 } else { row.wrapping_sub(1) };
        let (Some(current), Some(range)) = (lines.get(row), lines.get(target)) else {
            return false;
        };
        let goal = self.preferred_column.unwrap_or_else(|| self.column_in(current));
        let mut at = range.start;
        let mut used = 0;
        for (i, grapheme) in self.text[range.clone()].grapheme_indices(true) {
            let w = grapheme_width(grapheme);
            if used + w > goal {
                break;
            }
            used += w;
            at = range.start + i + grapheme.len();
        }
        self.cursor = at;
        self.preferred_column = Some(goal);
        true
    }

    /// Up one visual line, keeping the column; false on the first line.
    pub fn up(&mut self, width: usize) -> bool {
        self.vertical(width, false)
    }

    /// Down one visual line, keeping the column; false on the last line.
    pub fn down(&mut self, width: usize) -> bool {
        self.vertical(width, true)
    }

    /// The lines to draw in a `width` × `height` box, scrolled to show the cursor.
    pub fn view(&self, width: usize, height: usize) -> InputView {
        let width = width.max(1);
        let height = height.max(1);
        let (lines, row) = self.layout(width);
        let top = (row + 1).saturating_sub(height);
        let column = lines.get(row).map_or(0, |range| self.column_in(range));
        InputView {
            lines: lines
                .iter()
                .skip(top)
                .take(height)
                .map(|range| clean(&self.text[range.clone()]).into_owned())
                .collect(),
            cursor: (
                u16::try_from(column.min(width - 1)).unwrap_or(u16::MAX),
                u16::try_from(row - top).unwrap_or(u16::MAX),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn at(text: &str, cursor: usize, multiline: bool) -> TextInput {
        let mut input = TextInput::new(text, multiline);
        input.cursor = cursor;
        input
    }

    #[test]
    fn completing_replaces_the_word_before_the_cursor() {
        let mut input = TextInput::new("Queue !3 #sto", false);
        input.replace_before_cursor(9, "#Store\tfront");
        assert_eq!(input.text(), "Queue !3 #Store front");
        assert_eq!(input.cursor(), input.text().len());
        input.replace_before_cursor(99, "x");
        assert_eq!(input.text(), "Queue !3 #Store front");
        input.set_text("Ana");
        assert_eq!((input.text(), input.cursor()), ("Ana", 3));
        assert!(input.is_modified());
    }

    #[test]
    fn typing_before_a_lone_accent_keeps_the_cursor_outside_the_letter() {
        let mut input = at("\u{301}", 0, false);
        input.insert_char('e');
        assert_eq!(input.text(), "e\u{301}");
        assert_eq!(input.cursor(), input.text().len());
    }

    #[test]
    fn typing_and_deleting_by_grapheme() {
        let mut input = TextInput::new("caf", false);
        input.insert_char('é');
        assert_eq!(input.text(), "café");
        assert!(input.is_modified());
        input.paste("👍🏽");
        input.backspace();
        assert_eq!(input.text(), "café");
        input.text_start();
        input.delete();
        assert_eq!(input.text(), "afé");
        let mut combined = TextInput::new("e\u{301}x", false);
        combined.text_start();
        combined.right();
        assert_eq!(combined.cursor(), 3, "one step over a letter and its accent");
    }

    #[test]
    fn one_line_text_refuses_line_breaks() {
        let mut input = TextInput::new("", false);
        input.insert_newline();
        input.insert_char('\n');
        input.paste("a\r\nb\tc\u{1b}d");
        assert_eq!(input.text(), "a b cd");
        let mut multi = TextInput::new("", true);
        multi.paste("a\r\nb\rc");
        assert_eq!(multi.text(), "a\nb\nc");
    }

    #[test]
    fn words_jump_and_delete() {
        let mut input = TextInput::new("the menu, only PDF", false);
        input.word_left();
        assert_eq!(input.cursor(), 15);
        input.word_left();
        input.word_left();
        assert_eq!(input.cursor(), 4);
        input.word_right();
        assert_eq!(input.cursor(), 8);
        input.text_end();
        input.delete_word_back();
        assert_eq!(input.text(), "the menu, only ");
    }

    #[test]
    fn line_kills_work_on_logical_lines() {
        let mut input = at("first\nsecond line", 9, true);
        input.delete_to_line_start();
        assert_eq!(input.text(), "first\nond line");
        input.delete_to_line_end();
        assert_eq!(input.text(), "first\n");
        let mut join = at("a\nb", 1, true);
        join.delete_to_line_end();
        assert_eq!(join.text(), "ab");
    }

    #[test]
    fn up_and_down_keep_the_display_column() {
        let mut input = TextInput::new("日本語 abcdef\nxy", true);
        input.text_start();
        assert!(!input.up(6));
        input.right();
        input.right();
        assert!(input.down(6));
        assert_eq!(
            &input.text()[..input.cursor()],
            "日本語 abcd",
            "column 4 of 'abcdef'"
        );
        assert!(input.down(6));
        assert_eq!(
            input.cursor(),
            input.text().len(),
            "the short line ends before column 4"
        );
        assert!(input.up(6));
        assert_eq!(
            &input.text()[..input.cursor()],
            "日本語 abcd",
            "the aimed-for column is kept"
        );
    }

    #[test]
    fn home_and_end_use_visual_lines() {
        let mut input = at("the menu is only a PDF", 12, false);
        input.home(10);
        assert_eq!(input.cursor(), 9);
        input.end(10);
        assert_eq!(input.cursor(), 18);
    }

    #[test]
    fn the_view_scrolls_to_the_cursor_and_cleans_text() {
        let input = TextInput::new("one\ntwo\nthree\u{1b}[2J", true);
        let view = input.view(20, 2);
        assert_eq!(view.lines, ["two", "three␛[2J"]);
        assert_eq!(view.cursor, (9, 1));
        let wide = TextInput::new("日本", false);
        assert_eq!(wide.view(10, 1).cursor, (4, 0));
    }

    #[derive(Debug, Clone)]
    enum Op {
        Paste(String),
        Backspace,
        Delete,
        Left,
        Right,
        WordLeft,
        WordRight,
        DeleteWordBack,
        DeleteToLineStart,
        DeleteToLineEnd,
        Up,
        Down,
        Home,
        End,
    }

    impl Op {
        fn apply(&self, input: &mut TextInput) {
            match self {
                Op::Paste(text) => input.paste(text),
                Op::Backspace => input.backspace(),
                Op::Delete => input.delete(),
                Op::Left => input.left(),
                Op::Right => input.right(),
                Op::WordLeft => input.word_left(),
                Op::WordRight => input.word_right(),
                Op::DeleteWordBack => input.delete_word_back(),
                Op::DeleteToLineStart => input.delete_to_line_start(),
                Op::DeleteToLineEnd => input.delete_to_line_end(),
                Op::Up => {
                    input.up(5);
                }
                Op::Down => {
                    input.down(5);
                }
                Op::Home => input.home(5),
                Op::End => input.end(5),
            }
        }
    }

    fn operation() -> impl Strategy<Value = Op> {
        prop_oneof![
            "[a-z 日\u{301}\n]{1,3}".prop_map(Op::Paste),
            Just(Op::Backspace),
            Just(Op::Delete),
            Just(Op::Left),
            Just(Op::Right),
            Just(Op::WordLeft),
            Just(Op::WordRight),
            Just(Op::DeleteWordBack),
            Just(Op::DeleteToLineStart),
            Just(Op::DeleteToLineEnd),
            Just(Op::Up),
            Just(Op::Down),
            Just(Op::Home),
            Just(Op::End),
        ]
    }

    proptest! {
        #[test]
        fn the_cursor_stays_on_a_grapheme_boundary(ops in proptest::collection::vec(operation(), 0..40), multiline: bool) {
            let mut input = TextInput::new("", multiline);
            for op in ops {
                op.apply(&mut input);
                let cursor = input.cursor();
                prop_assert!(cursor <= input.text().len());
                let boundaries: Vec<usize> = input.text().grapheme_indices(true).map(|(i, _)| i).chain([input.text().len()]).collect();
                prop_assert!(boundaries.contains(&cursor), "cursor {} inside a grapheme of {:?}", cursor, input.text());
                let view = input.view(5, 3);
                prop_assert!(view.cursor.0 < 5 && view.cursor.1 < 3);
                prop_assert!(view.lines.len() <= 3);
            }
        }
    }
}
