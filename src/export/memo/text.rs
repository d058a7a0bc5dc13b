//! The memo as plain text, wrapped at 78 columns by display width (wide characters count
//! as two), with hanging indents so it reads well in any terminal or e-mail.

use super::facts::{Memo, Observation};
use super::files::{EvidenceFiles, Shown};
use super::{ALL_OBSERVED, NONE_HERE};
use crate::export::escape::one_line;
use crate::text::display::width;
use crate::text::wrap::wrap;

/// The widest line of the text memo, in columns.
pub const WIDTH: usize = 78;

fn plain(s: &str) -> String {
    one_line(s).into_owned()
}

/// `text` wrapped to `WIDTH` with `first` before the first line and `rest` before the others.
fn fill(out: &mut String, text: &str, first: &str, rest: &str) {
    let room = WIDTH.saturating_sub(width(first).max(width(rest))).max(10);
    let wrapped = wrap(text, room, usize::MAX);
    for (i, range) in wrapped.lines.iter().enumerate() {
        let lead = if i == 0 { first } else { rest };
        let line = format!("{lead}{}", &text[range.clone()]);
        out.push_str(line.trim_end());
        out.push('\n');
    }
}

fn underline(out: &mut String, heading: &str, mark: char) {
    fill(out, heading, "", "");
    let longest = wrap(heading, WIDTH, usize::MAX)
        .lines
        .iter()
        .map(|r| width(&heading[r.clone()]))
        .max()
        .unwrap_or(0);
    out.push_str(&mark.to_string().repeat(longest.clamp(1, WIDTH)));
    out.push('\n');
}

/// A point's evidence by name, each missing file marked.
pub(super) fn evidence_names(
    point: &Observation,
    files: &EvidenceFiles,
    name: impl Fn(&str) -> String,
) -> Vec<String> {
    point
        .evidence
        .iter()
        .map(|entry| match files.show(entry) {
            Shown::Link {
                name: shown,
                missing: true,
                ..
            } => format!("{} (missing)", name(shown)),
            Shown::Link { name: shown, .. } | Shown::Picture { name: shown, .. } => name(shown),
        })
        .collect()
}

/// Joins the words of a top point's place (stage, channel, votes) where the text memo
/// must not break a line: "(6. Support · E-mail · 4 votes)" breaks only at a "·".
const NO_BREAK: char = '\u{a0}';

/// "Severe: the text (4. Checkout · Website · 3 votes)" for the top three, with `join`
/// between the words of each part of the place.
pub(super) fn top_lines(memo: &Memo, escape: impl Fn(&str) -> String, join: char) -> Vec<String> {
    memo.top
        .iter()
        .enumerate()
        .map(|(rank, top)| {
            let point = memo.point(*top);
            let stage = &memo.stages[top.stage];
            let mut place = vec![format!("{}. {}", stage.number, escape(&stage.name))];
            if !point.channel.is_empty() {
                place.push(escape(&point.channel));
            }
            place.extend(point.after_severity());
            format!(
                "{}. {}: {} ({})",
                rank + 1,
                capitalised(point.severity.word()),
                escape(&point.text),
                place
                    .iter()
                    .map(|part| part.replace(' ', &join.to_string()))
                    .collect::<Vec<_>>()
                    .join(" · ")
            )
        })
        .collect()
}

pub(super) fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().collect::<String>() + chars.as_str()
    })
}

/// The memo as text.
pub fn render(memo: &Memo, files: &EvidenceFiles) -> String {
    let mut out = String::new();
    underline(&mut out, &format!("Friction memo: {}", plain(&memo.title)), '=');
    out.push('\n');
    let header = memo.header(plain);
    let label_width = header.iter().map(|(label, _)| label.len() + 2).max().unwrap_or(0);
    for (label, value) in &header {
        let first = format!("{:<label_width$}", format!("{label}:"));
        fill(&mut out, value, &first, &" ".repeat(label_width));
    }
    out.push('\n');
    fill(
        &mut out,
        &format!("Bottom line: {}", memo.bottom_line(plain)),
        "",
        "",
    );
    if !memo.top.is_empty() {
        out.push('\n');
        underline(&mut out, "The top three", '-');
        for line in top_lines(memo, plain, NO_BREAK) {
            let mut filled = String::new();
            fill(&mut filled, &line, "", "   ");
            out.push_str(&filled.replace(NO_BREAK, " "));
        }
    }
    for stage in &memo.stages {
        out.push('\n');
        underline(
            &mut out,
            &format!("{}. {}", stage.number, plain(&stage.name)),
            '-',
        );
        if stage.points.is_empty() {
            out.push_str(&format!("{NONE_HERE}\n"));
        }
        for point in &stage.points {
            if let Some(pointer) = point.said_above() {
                fill(&mut out, &pointer, "- ", "  ");
            } else {
                fill(&mut out, &plain(&point.text), "- ", "  ");
                fill(&mut out, &point.facts(plain), "  ", "  ");
            }
            let evidence = evidence_names(point, files, plain);
            if !evidence.is_empty() {
                fill(
                    &mut out,
                    &format!("Evidence: {}", evidence.join(", ")),
                    "  ",
                    "    ",
                );
            }
            for quote in &point.quotes {
                let from = quote.source();
                let from = if from.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", plain(&from))
                };
                fill(
                    &mut out,
                    &format!("Shadow note{from}: “{}”", plain(&quote.text)),
                    "  ",
                    "    ",
                );
            }
        }
    }
    out.push('\n');
    underline(&mut out, "Not yet observed", '-');
    let lines = memo.not_observed(plain);
    if lines.is_empty() {
        out.push_str(&format!("{ALL_OBSERVED}\n"));
    }
    for (heading, names) in lines {
        fill(&mut out, heading, "- ", "  ");
        for name in names {
            fill(&mut out, &name, "  - ", "    ");
        }
    }
    out
}
