//! What one grid cell shows: its text or items as wrapped lines, grouped per item so the
//! grid can window long lists around the selection. Text from the file is cleaned here.

use std::borrow::Cow;

use ratatui::style::Style;

use super::theme::Theme;
use crate::model::voting::{Round, shown_votes};
use crate::model::{Friction, Lane, Metrics, Stage};
use crate::text::display::{clean, ending_in_ellipsis, truncate};
use crate::text::wrap::wrap;

/// Lines one list item may take in a cell before it is cut with "…".
const MAX_ITEM_LINES: usize = 3;
/// Lines a text cell (goal, emotion note) may take before it is cut.
const MAX_TEXT_LINES: usize = 12;

/// The lines of one item (or of the cell's text), drawn together.
#[derive(Debug, Clone, PartialEq)]
pub struct Chunk {
    pub lines: Vec<String>,
    pub style: Style,
    /// The item's index in its list, for list lanes.
    pub item: Option<usize>,
    /// A marker at the start of the first line (severity and votes), in its own style:
    /// how many bytes of the first line it takes after the bullet.
    pub badge: Option<(usize, Style)>,
}

/// Wraps `text` (already clean) into at most `max_lines` lines of `columns`, the last
/// one ending in "…" when text was left out.
pub fn wrapped(text: &str, columns: usize, max_lines: usize) -> Vec<String> {
    indented(text, columns, max_lines, ["", ""])
}

/// As [`wrapped`], the first line after `first` and the others after `rest` (a bullet
/// and its hang), each line made in one piece: a frame lays out every item it shows.
fn indented(text: &str, columns: usize, max_lines: usize, [first, rest]: [&str; 2]) -> Vec<String> {
    let wrapped = wrap(text, columns, max_lines);
    let last = wrapped.lines.len().saturating_sub(1);
    (wrapped.lines.iter().enumerate())
        .map(|(i, range)| {
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
        .collect()
}

fn item_chunk(
    text: &str,
    columns: usize,
    item: usize,
    style: Style,
    badge: Option<(String, Style)>,
) -> Chunk {
    let marked = match &badge {
        Some((badge, _)) => Cow::Owned(format!("{badge} {}", clean(text))),
        None => clean(text),
    };
    let lines = indented(
        &marked,
        columns.saturating_sub(2).max(1),
        MAX_ITEM_LINES,
        ["• ", "  "],
    );
    Chunk {
        lines,
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
pub fn chunks(theme: &Theme, stage: &Stage, lane: Lane, columns: usize, round: Option<&Round>) -> Vec<Chunk> {
    let text_chunk = |text: &str, style| Chunk {
        lines: wrapped(&clean(text), columns, MAX_TEXT_LINES),
        style,
        item: None,
        badge: None,
    };
    match lane {
        Lane::Goal if stage.goal.is_empty() => Vec::new(),
        Lane::Goal => vec![text_chunk(&stage.goal, theme.text)],
        Lane::Emotion => {
            let (line, style) = score_line(theme, stage);
            let mut chunks = vec![Chunk {
                lines: vec![truncate(&line, columns).into_owned()],
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
    chunks.iter().map(|c| c.lines.len()).sum::<usize>().max(1)
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
    let total: usize = chunks.iter().map(|c| c.lines.len()).sum();
    if total <= height {
        return Window { start: 0, end: len };
    }
    let end_from = |start: usize| {
        let mut used = usize::from(start > 0);
        let mut end = start;
        while end < len {
            let more_below = usize::from(end + 1 < len);
            if used + chunks[end].lines.len() + more_below > height {
                break;
            }
            used += chunks[end].lines.len();
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
