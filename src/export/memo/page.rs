//! The printed page's measures and how a block of text is set on it: A4, two columns,
//! text wrapped by the memo typeface's real widths. The HTML's styles and the PDF's
//! drawing both follow these numbers, so what this module measures is what prints.

use super::fonts::{Weight, width};
use super::pictures::Picture;
use crate::model::Severity;

/// A4, in points.
pub const PAGE_WIDTH: f32 = 595.28;
pub const PAGE_HEIGHT: f32 = 841.89;
/// The page margins, in points (12 mm at the sides, about 10.6 mm top and bottom).
pub const MARGIN_X: f32 = 34.0;
pub const MARGIN_Y: f32 = 30.0;
pub const CONTENT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN_X;
pub const CONTENT_HEIGHT: f32 = PAGE_HEIGHT - 2.0 * MARGIN_Y;
/// The space between the two columns.
pub const GUTTER: f32 = 14.0;
pub const COLUMN_WIDTH: f32 = (CONTENT_WIDTH - GUTTER) / 2.0;
/// The share of a line's width the plan fills, so a browser whose widths round a little
/// differently never needs a line more than the plan counted.
const WIDTH_FILL: f32 = 0.985;
/// The space between the pictures of a point, and between them and the text.
pub const THUMB_GAP: f32 = 3.0;
pub const THUMB_MARGIN: f32 = 5.0;

/// How a run of text looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    Muted,
    Severity(Severity),
}

/// A stretch of text in one look, maybe a link.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub text: String,
    pub weight: Weight,
    pub tone: Tone,
    pub href: Option<String>,
}

impl Run {
    pub fn plain(text: impl Into<String>) -> Run {
        Run::styled(text, Weight::Regular, Tone::Plain)
    }

    pub fn bold(text: impl Into<String>) -> Run {
        Run::styled(text, Weight::Bold, Tone::Plain)
    }

    pub fn muted(text: impl Into<String>) -> Run {
        Run::styled(text, Weight::Regular, Tone::Muted)
    }

    pub fn styled(text: impl Into<String>, weight: Weight, tone: Tone) -> Run {
        Run {
            text: text.into(),
            weight,
            tone,
            href: None,
        }
    }

    pub fn link(text: impl Into<String>, href: Option<String>) -> Run {
        Run {
            href,
            ..Run::plain(text)
        }
    }
}

/// A type size and the height of its lines, in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextStyle {
    pub size: f32,
    pub leading: f32,
}

/// Body text: 9 pt on 11 pt lines.
pub const BODY: TextStyle = TextStyle {
    size: 9.0,
    leading: 11.0,
};
/// Stage headings, the bottom line and the top three's heading.
pub const HEADING: TextStyle = TextStyle {
    size: 10.0,
    leading: 12.5,
};
/// The memo's title.
pub const TITLE: TextStyle = TextStyle {
    size: 14.0,
    leading: 17.0,
};

/// One paragraph: runs that wrap together.
#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    pub runs: Vec<Run>,
    pub style: TextStyle,
}

/// A picture beside a point (`None`: not looked up, drawn as a labelled placeholder).
#[derive(Debug, Clone, PartialEq)]
pub struct Thumb {
    pub name: String,
    pub href: Option<String>,
    pub picture: Option<Picture>,
}

/// The pictures of a point, in a grid floated to the right of its text.
#[derive(Debug, Clone, PartialEq)]
pub struct Thumbs {
    pub items: Vec<Thumb>,
    pub columns: usize,
    pub width: f32,
    pub height: f32,
}

impl Thumbs {
    /// The grid's width and height, in points.
    pub fn size(&self) -> (f32, f32) {
        let columns = self.columns.min(self.items.len()).max(1);
        let rows = self.items.len().div_ceil(columns).max(1);
        (
            columns as f32 * self.width + (columns - 1) as f32 * THUMB_GAP,
            rows as f32 * self.height + (rows - 1) as f32 * THUMB_GAP,
        )
    }
}

/// What a block is, which decides its element and style in the HTML.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Title,
    Facts,
    BottomLine,
    TopHeading,
    TopItem,
    StageHeading,
    Point,
    Remark,
}

impl Kind {
    /// Space above, space below and whether a rule runs under it, in points; a stage
    /// heading at the top of a column has no space above.
    pub fn spacing(self, first_in_column: bool) -> (f32, f32, bool) {
        match self {
            Kind::Title => (0.0, 3.0, false),
            Kind::Facts => (0.0, 2.0, false),
            Kind::BottomLine => (3.0, 4.0, false),
            Kind::TopHeading => (2.0, 1.0, false),
            Kind::TopItem => (0.0, 1.5, false),
            Kind::StageHeading if first_in_column => (0.0, RULE_BELOW, true),
            Kind::StageHeading => (6.0, RULE_BELOW, true),
            Kind::Point => (0.0, 3.5, false),
            Kind::Remark => (0.0, 3.0, false),
        }
    }
}

/// Under a stage heading: 1.5 pt, a 0.75 pt rule, then 3 pt.
pub const RULE_GAP: f32 = 1.5;
pub const RULE_WIDTH: f32 = 0.75;
const RULE_BELOW: f32 = RULE_GAP + RULE_WIDTH + 3.0;

/// A block of the memo: paragraphs, maybe pictures, set as one piece (never split).
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub kind: Kind,
    pub paras: Vec<Para>,
    pub thumbs: Option<Thumbs>,
}

/// A piece of a set line: a run's text placed at `x` from the line's start.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    pub text: String,
    pub x: f32,
    pub weight: Weight,
    pub tone: Tone,
    pub href: Option<String>,
}

/// A paragraph set in lines.
#[derive(Debug, Clone, PartialEq)]
pub struct SetPara {
    pub lines: Vec<Vec<Piece>>,
    pub style: TextStyle,
}

/// A block set at a width: its lines and its height (spacing included).
#[derive(Debug, Clone, PartialEq)]
pub struct Set {
    pub paras: Vec<SetPara>,
    pub height: f32,
    /// Space above the text, in points.
    pub top: f32,
}

impl Block {
    /// The block set at `width`, as the first in its column or not.
    pub fn set(&self, width: f32, first_in_column: bool) -> Set {
        let (top, bottom, _) = self.kind.spacing(first_in_column);
        let float = self.thumbs.as_ref().map(Thumbs::size);
        let beside = float.map_or(width, |(w, _)| width - w - THUMB_MARGIN);
        let float_height = float.map_or(0.0, |(_, h)| h);
        let mut y = 0.0;
        let mut paras = Vec::new();
        for para in &self.paras {
            let mut lines = Vec::new();
            let room = |line: usize| {
                if y + line as f32 * para.style.leading < float_height {
                    beside
                } else {
                    width
                }
            };
            wrap(para, &room, &mut lines);
            y += lines.len() as f32 * para.style.leading;
            paras.push(SetPara {
                lines,
                style: para.style,
            });
        }
        Set {
            paras,
            height: top + f32::max(y, float_height) + bottom,
            top,
        }
    }
}

/// One word of a paragraph with the look of its run, and whether a space comes before it.
struct Word<'a> {
    text: &'a str,
    run: &'a Run,
    space_before: bool,
}

fn words(para: &Para) -> Vec<Word<'_>> {
    let mut words = Vec::new();
    let mut pending_space = false;
    for run in &para.runs {
        if run.text.starts_with(char::is_whitespace) {
            pending_space = true;
        }
        for (i, text) in run.text.split_whitespace().enumerate() {
            words.push(Word {
                text,
                run,
                space_before: (i > 0 || pending_space) && !words.is_empty(),
            });
            pending_space = false;
        }
        if run.text.ends_with(char::is_whitespace) {
            pending_space = true;
        }
    }
    words
}

/// Wraps a paragraph greedily at spaces (a word too long for a line breaks anywhere, as
/// the HTML's `overflow-wrap: anywhere`); `room` gives each line's width.
fn wrap(para: &Para, room: &dyn Fn(usize) -> f32, lines: &mut Vec<Vec<Piece>>) {
    let size = para.style.size;
    let mut line: Vec<Piece> = Vec::new();
    let mut x = 0.0;
    for word in words(para) {
        let space = if word.space_before && !line.is_empty() {
            width(" ", word.run.weight, size)
        } else {
            0.0
        };
        let needed = width(word.text, word.run.weight, size);
        let available = room(lines.len()) * WIDTH_FILL;
        if !line.is_empty() && x + space + needed > available {
            lines.push(std::mem::take(&mut line));
            x = 0.0;
        }
        let space = if line.is_empty() { 0.0 } else { space };
        let mut rest = word.text;
        while !rest.is_empty() {
            let available = room(lines.len()) * WIDTH_FILL;
            let fits = fitting_prefix(rest, word.run.weight, size, available - x - space);
            let take = if fits == 0 && line.is_empty() {
                rest.chars().next().map_or(rest.len(), char::len_utf8)
            } else {
                fits
            };
            if take == 0 {
                lines.push(std::mem::take(&mut line));
                x = 0.0;
                continue;
            }
            let (head, tail) = rest.split_at(take);
            let gap = if line.is_empty() { 0.0 } else { space };
            push_piece(&mut line, head, x + gap, gap > 0.0, word.run);
            x += gap + width(head, word.run.weight, size);
            rest = tail;
            if !rest.is_empty() {
                lines.push(std::mem::take(&mut line));
                x = 0.0;
            }
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
}

/// How many bytes of `text` fit in `room` points.
fn fitting_prefix(text: &str, weight: Weight, size: f32, room: f32) -> usize {
    let mut used = 0.0;
    for (i, c) in text.char_indices() {
        used += width(c.encode_utf8(&mut [0; 4]), weight, size);
        if used > room {
            return i;
        }
    }
    text.len()
}

/// Adds text to a line at `x` (after a space when `spaced`), joining it to the last
/// piece when it has the same look.
fn push_piece(line: &mut Vec<Piece>, text: &str, x: f32, spaced: bool, run: &Run) {
    if let Some(last) = line.last_mut()
        && last.weight == run.weight
        && last.tone == run.tone
        && last.href == run.href
    {
        if spaced {
            last.text.push(' ');
        }
        last.text.push_str(text);
        return;
    }
    line.push(Piece {
        text: text.to_owned(),
        x,
        weight: run.weight,
        tone: run.tone,
        href: run.href.clone(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(text: &str) -> Para {
        Para {
            runs: vec![Run::bold("Severe"), Run::plain(format!(" {text}"))],
            style: BODY,
        }
    }

    fn text_of(set: &Set) -> Vec<String> {
        set.paras[0]
            .lines
            .iter()
            .map(|l| l.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join("|"))
            .collect()
    }

    #[test]
    fn lines_wrap_at_spaces_within_the_width() {
        let block = Block {
            kind: Kind::Point,
            paras: vec![para(
                "The cart says free delivery over R500 but charged R60 at R520",
            )],
            thumbs: None,
        };
        let set = block.set(120.0, false);
        let lines = text_of(&set);
        assert!(lines.len() >= 3, "{lines:?}");
        assert_eq!(lines[0].split('|').next(), Some("Severe"), "{lines:?}");
        for line in &set.paras[0].lines {
            let last = line.last().unwrap();
            assert!(last.x + width(&last.text, last.weight, 9.0) <= 120.0, "{lines:?}");
        }
        assert_eq!(set.height, lines.len() as f32 * 11.0 + 3.5);
    }

    #[test]
    fn pictures_narrow_the_lines_beside_them_and_set_the_height_when_taller() {
        let thumbs = Thumbs {
            items: vec![
                Thumb {
                    name: "a.jpg".into(),
                    href: None,
                    picture: None
                };
                3
            ],
            columns: 2,
            width: 40.0,
            height: 30.0,
        };
        assert_eq!(thumbs.size(), (83.0, 63.0));
        let block = Block {
            kind: Kind::Point,
            paras: vec![para("short")],
            thumbs: Some(thumbs),
        };
        assert_eq!(block.set(200.0, false).height, 63.0 + 3.5);
    }

    #[test]
    fn a_word_longer_than_the_line_breaks_anywhere() {
        let block = Block {
            kind: Kind::Remark,
            paras: vec![Para {
                runs: vec![Run::plain("https://example.com/".to_owned() + &"x".repeat(80))],
                style: BODY,
            }],
            thumbs: None,
        };
        let lines = text_of(&block.set(100.0, false));
        assert!(lines.len() > 3, "{lines:?}");
        assert_eq!(
            lines.concat(),
            "https://example.com/".to_owned() + &"x".repeat(80)
        );
    }
}
