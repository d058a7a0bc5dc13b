//! What one grid cell shows: its text or items as wrapped lines, grouped per item so the
//! grid can window long lists around the selection. Text from the file is cleaned here.

use std::borrow::Cow;

use ratatui::style::Style;

use super::theme::Theme;
use crate::model::voting::{Round, shown_votes};
use crate::model::{Friction, Lane, Metrics, Stage};
use crate::text::display::{clean, ending_in_ellipsis, truncate};
use crate::text::wrap::{Wrapped, wrap};

/// Lines one list item may take in a cell before it is cut with "…".
const MAX_ITEM_LINES: usize = 3;
/// Lines a text cell (goal, emotion note) may take before it is cut.
const MAX_TEXT_LINES: usize = 12;

/// One item (or the cell's text), wrapped: a frame needs every item's height to share
/// the rows and window the list, but makes the lines only of the items it shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Chunk<'a> {
    /// The text wrapped, cleaned (a list item's after its badge).
    text: Cow<'a, str>,
    wrapped: Wrapped,
    /// The columns it was wrapped to.
    columns: usize,
    /// Whether its lines start with a bullet and its hang (a list item).
    bullet: bool,
    pub style: Style,
    /// The item's index in its list, for list lanes.
    pub item: Option<usize>,
    /// A marker at the start of the first line (severity and votes), in its own style:
    /// how many bytes of the first line it takes after the bullet.
    pub badge: Option<(usize, Style)>,
}

impl Chunk<'_> {
    /// How many lines it takes.
    pub fn height(&self) -> usize {
        self.wrapped.lines.len()
    }

    /// Its lines, top to bottom.
    pub fn lines(&self) -> impl Iterator<Item = String> + '_ {
        let prefixes = if self.bullet { ["• ", "  "] } else { ["", ""] };
        lay_out(&self.text, &self.wrapped, self.columns, prefixes)
    }
}

/// Wraps `text` (already clean) into at most `max_lines` lines of `columns`, the last
/// one ending in "…" when text was left out.
pub fn wrapped(text: &str, columns: usize, max_lines: usize) -> Vec<String> {
    lay_out(text, &wrap(text, columns, max_lines), columns, ["", ""]).collect()
}

/// The lines of `text` as `wrapped` to `columns`, the first after `first` and the others
/// after `rest` (a bullet and its hang), each made in one piece.
fn lay_out<'a>(
    text: &'a str,
    wrapped: &'a Wrapped,
    columns: usize,
    [first, rest]: [&'static str; 2],
) -> impl Iterator<Item = String> + 'a {
    let last = wrapped.lines.len().saturating_sub(1);
    (wrapped.lines.iter().enumerate()).map(move |(i, range)| {
        let prefix = if i == 0 { first } else { rest };
        let body = text.get(range.clone()).unwrap_or_default();
        if wrapped.truncated && i == last {
            return format!("{prefix}{}", ending_in_ellipsis(body, columns));
        }
        let mut line = String::with_capacity(prefix.len() + body.len());
        line.push_str(prefix);
        line.push_str(body);
        line
    })
}

fn item_chunk(
    text: &str,
    columns: usize,
    item: usize,
    style: Style,
    badge: Option<(String, Style)>,
) -> Chunk<'_> {
    let marked = match &badge {
        Some((badge, _)) => Cow::Owned(format!("{badge} {}", clean(text))),
        None => clean(text),
    };
    let columns = columns.saturating_sub(2).max(1);
    Chunk {
        wrapped: wrap(&marked, columns, MAX_ITEM_LINES),
        text: marked,
        columns,
        bullet: true,
        style,
        item: Some(item),
        badge: badge.map(|(badge, style)| (badge.len(), style)),
    }
}

/// `▲3 ●2`: a friction point's severity and the `votes` shown (none while a blind round
/// hides them) at a glance.
pub fn friction_badge(theme: &Theme, friction: &Friction, votes: Option<u32>) -> (String, Style) {
    let style = if friction.status.is_closed() {
        theme.dim
    } else {
        theme.severity(friction.severity)
    };
    (badge_text(friction, votes), style)
}

/// The text of [`friction_badge`].
pub fn badge_text(friction: &Friction, votes: Option<u32>) -> String {
    let votes = match votes {
        Some(votes) if votes > 0 => format!(" ●{votes}"),
        _ => String::new(),
    };
    format!("▲{}{votes}", friction.severity.number())
}

/// The score line of an emotion cell, e.g. "↓ -1 negative".
pub fn score_line(theme: &Theme, stage: &Stage) -> (String, Style) {
    match stage.emotion.score {
        Some(score) => (
            format!("{} {} {}", score.glyph(), score.signed(), score.word()),
            theme.score(score),
        ),
        None => ("· not scored".to_owned(), theme.dim),
    }
}

/// Everything a cell holds, laid out for `columns` of width; votes as a running `round`
/// shows them.
pub fn chunks<'a>(
    theme: &Theme,
    stage: &'a Stage,
    lane: Lane,
    columns: usize,
    round: Option<&Round>,
) -> Vec<Chunk<'a>> {
    let text_chunk = |text: &'a str, style| {
        let text = clean(text);
        Chunk {
            wrapped: wrap(&text, columns, MAX_TEXT_LINES),
            text,
            columns,
            bullet: false,
            style,
            item: None,
            badge: None,
        }
    };
    match lane {
        Lane::Goal if stage.goal.is_empty() => Vec::new(),
        Lane::Goal => vec![text_chunk(&stage.goal, theme.text)],
        Lane::Emotion => {
            let (line, style) = score_line(theme, stage);
            let line = truncate(&line, columns).into_owned();
            let mut chunks = vec![Chunk {
                wrapped: Wrapped {
                    lines: std::iter::once(0..line.len()).collect(),
                    truncated: false,
                },
                text: Cow::Owned(line),
                columns,
                bullet: false,
                style,
                item: None,
                badge: None,
            }];
            if !stage.emotion.note.is_empty() {
                chunks.push(text_chunk(&stage.emotion.note, theme.text));
            }
            chunks
        }
        Lane::Touchpoints => stage
            .touchpoints
            .iter()
            .enumerate()
            .map(|(i, t)| item_chunk(t, columns, i, theme.text, None))
            .collect(),
        Lane::Friction => stage
            .frictions
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let style = if f.status.is_closed() {
                    theme.dim
                } else {
                    theme.text
                };
                let votes = shown_votes(round, f.id.as_str(), f.votes);
                item_chunk(&f.text, columns, i, style, Some(friction_badge(theme, f, votes)))
            })
            .collect(),
        Lane::Opportunity => stage
            .opportunities
            .iter()
            .enumerate()
            .map(|(i, o)| {
                let badge = shown_votes(round, o.id.as_str(), o.votes)
                    .filter(|votes| *votes > 0)
                    .map(|votes| (format!("●{votes}"), theme.votes));
                item_chunk(&o.text, columns, i, theme.text, badge)
            })
            .collect(),
    }
}

/// Lines a cell would like, at least one.
pub fn demand(chunks: &[Chunk]) -> usize {
    chunks.iter().map(Chunk::height).sum::<usize>().max(1)
}

/// The items a cell shows when they do not all fit: `start..end`, with a "more" line
/// above when `start > 0` and below when `end` is short of the last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub start: usize,
    pub end: usize,
}

/// Chooses which chunks fit in `height` lines, keeping `selected` in view.
pub fn window(chunks: &[Chunk], height: usize, selected: Option<usize>) -> Window {
    let len = chunks.len();
    let total: usize = chunks.iter().map(Chunk::height).sum();
    if total <= height {
        return Window { start: 0, end: len };
    }
    let end_from = |start: usize| {
        let mut used = usize::from(start > 0);
        let mut end = start;
        while end < len {
            let more_below = usize::from(end + 1 < len);
            if used + chunks[end].height() + more_below > height {
                break;
            }
            used += chunks[end].height();
            end += 1;
        }
        end.max(start + 1).min(len)
    };
    let selected = selected.unwrap_or(0).min(len.saturating_sub(1));
    let mut start = 0;
    let mut end = end_from(start);
    while selected >= end && start < selected {
        start += 1;
        end = end_from(start);
    }
    Window { start, end }
}

/// A stage's metrics as short tags, e.g. ["CSAT 58%", "NPS -23", "CES 5.1"]; absent ones
/// are left out.
pub fn metric_tags(metrics: Option<&Metrics>) -> Vec<String> {
    let Some(metrics) = metrics else {
        return Vec::new();
    };
    let number = |v: f64| crate::app::form::number_text(Some((v * 10.0).round() / 10.0));
    let mut tags = Vec::new();
    if let Some(csat) = metrics.csat {
        tags.push(format!("CSAT {}%", number(csat)));
    }
    if let Some(nps) = metrics.nps {
        let sign = if nps > 0.0 { "+" } else { "" };
        tags.push(format!("NPS {sign}{}", number(nps)));
    }
    if let Some(ces) = metrics.ces {
        tags.push(format!("CES {}", number(ces)));
    }
    tags
}
