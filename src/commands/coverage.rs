//! `cxmap coverage FILE`: the coverage matrix as a plain-text table (stages down,
//! channels across, so it reads at 80 columns) and the ranked "shadow next" queue.

use std::path::Path;
use std::process::ExitCode;

use super::output::keep_until_exit;
use super::shadow::load_map;
use crate::model::{Cell, Coverage, JourneyMap};
use crate::text::display::{clean_line, fit, truncate, width};

/// How many entries of the "shadow next" queue are printed.
const QUEUE: usize = 5;
/// The widest a channel column grows.
const MAX_COLUMN: usize = 12;
/// The narrowest a channel column gets ("12 +34" and short names fit).
const MIN_COLUMN: usize = 8;
/// Spaces between columns, so cells never run together.
const GAP: &str = "  ";

fn pad_left(text: &str, w: usize) -> String {
    format!("{}{text}", " ".repeat(w.saturating_sub(width(text))))
}

/// A cell as text: the note count or "gap", and the plan's votes as "+N".
fn cell_text(coverage: &Coverage, cell: Cell) -> String {
    let notes = coverage.notes_at(cell);
    let count = if notes == 0 {
        "gap".to_owned()
    } else {
        notes.to_string()
    };
    match coverage.votes_at(cell) {
        0 => count,
        votes => format!("{count} +{votes}"),
    }
}

/// The report, line by line, for a terminal `total` columns wide.
pub fn report(map: &JourneyMap, coverage: &Coverage, total: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let title = if map.title.is_empty() {
        "Untitled map"
    } else {
        &map.title
    };
    lines.push(truncate(&format!("Coverage of {}", clean_line(title)), total).into_owned());
    lines.push(format!(
        "{} shadow notes; {} of {} stage × channel cells are gaps",
        map.shadow.notes.len(),
        coverage.gaps(),
        coverage.stage_count * coverage.channels.len()
    ));
    if coverage.channels.is_empty() || map.stages.is_empty() {
        lines.push("No channels or no stages yet: there is nothing to cover.".to_owned());
        return lines;
    }
    let count = coverage.channels.len();
    let name_width = 22usize.min(total / 3).max(10);
    let room = total.saturating_sub(name_width + 6);
    // Channels that do not fit across go to further tables below, shared out evenly.
    let fits = (room / (MIN_COLUMN + GAP.len())).max(1);
    let per_table = count.div_ceil(count.div_ceil(fits));
    let column = (room / per_table)
        .saturating_sub(GAP.len())
        .clamp(MIN_COLUMN, MAX_COLUMN);
    let abbreviated = coverage.channels.iter().any(|c| width(c) > column);
    // A name too wide for its column gets a letter, spelled out under the table.
    let heading = |i: usize, channel: &str| {
        if width(channel) > column {
            format!("{} {}", letter(i), clean_line(channel))
        } else {
            clean_line(channel).into_owned()
        }
    };
    let tables: Vec<std::ops::Range<usize>> = (0..count)
        .step_by(per_table)
        .map(|start| start..(start + per_table).min(count))
        .collect();
    for (t, channels) in tables.iter().enumerate() {
        let last = t + 1 == tables.len();
        let mut header = fit("", name_width);
        for c in channels.clone() {
            header.push_str(GAP);
            header.push_str(&pad_left(
                &truncate(&heading(c, &coverage.channels[c]), column),
                column,
            ));
        }
        if last {
            header.push_str("   all");
        }
        lines.push(String::new());
        lines.push(header.trim_end().to_owned());
        for (s, stage) in map.stages.iter().enumerate() {
            let mut line = fit(&format!("{} {}", s + 1, clean_line(&stage.name)), name_width);
            for c in channels.clone() {
                line.push_str(GAP);
                line.push_str(&pad_left(
                    &cell_text(coverage, Cell { stage: s, channel: c }),
                    column,
                ));
            }
            if last {
                let all: usize = (0..count)
                    .map(|c| coverage.notes_at(Cell { stage: s, channel: c }))
                    .sum();
                line.push_str(&pad_left(&all.to_string(), 6));
            }
            lines.push(line);
        }
    }
    lines.push(String::new());
    if abbreviated {
        let legend: Vec<String> = coverage
            .channels
            .iter()
            .enumerate()
            .filter(|(_, c)| width(c) > column)
            .map(|(i, c)| format!("{} {}", letter(i), clean_line(c)))
            .collect();
        let mut line = "Channels:".to_owned();
        for entry in legend {
            if width(&line) + 3 + width(&entry) > total {
                lines.push(line);
                line = "         ".to_owned();
            } else if line.ends_with(':') {
                line.push(' ');
            } else {
                line.push_str(" · ");
            }
            line.push_str(&entry);
        }
        lines.push(line);
    }
    lines.push("gap: no shadow note yet · +N: votes to shadow that cell next".to_owned());
    lines.push(String::new());
    lines.push("Shadow next:".to_owned());
    for (rank, &cell) in coverage.queue.iter().take(QUEUE).enumerate() {
        lines.push(format!(
            "{:>3}. {}",
            rank + 1,
            clean_line(&coverage.entry(map, cell))
        ));
    }
    lines
}

/// A, B, … Z, then AA…: the short names of abbreviated channel columns.
fn letter(i: usize) -> String {
    let a = u8::try_from(i % 26).unwrap_or(0);
    let c = char::from(b'A' + a);
    if i < 26 {
        c.to_string()
    } else {
        format!("{c}{}", i / 26)
    }
}

/// Prints the coverage of the map in `file`.
pub fn coverage(file: &Path) -> ExitCode {
    let map = match load_map(file) {
        Ok(map) => keep_until_exit(map),
        Err(code) => return code,
    };
    let coverage = Coverage::of(map);
    let report = report(map, &coverage, 80);
    let lines: Vec<&str> = report.iter().map(|line| line.trim_end()).collect();
    println!("{}", lines.join("\n"));
    ExitCode::SUCCESS
}
