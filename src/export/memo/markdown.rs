//! The memo in Markdown: reads as plain text too; evidence files are links relative to
//! where the memo is written.

use super::facts::Memo;
use super::files::{EvidenceFiles, Shown};
use super::text::top_lines;
use super::{ALL_OBSERVED, NONE_HERE};
use crate::export::escape::{md_line, md_lines};

fn inline(s: &str) -> String {
    md_lines(s).join(" ")
}

/// An evidence entry as Markdown: a link where there is somewhere to go, "(missing)"
/// after a file that is not there.
fn evidence(shown: Shown<'_>) -> String {
    let (name, href, missing) = match shown {
        Shown::Picture { name, href, .. } => (name, href, false),
        Shown::Link { name, href, missing } => (name, href, missing),
    };
    let mut text = match href {
        Some(href) => format!("[{}]({href})", md_line(name)),
        None => md_line(name),
    };
    if missing {
        text.push_str(" (missing)");
    }
    text
}

/// The memo as Markdown.
pub fn render(memo: &Memo, files: &EvidenceFiles) -> String {
    let mut out = format!("# Friction memo: {}\n\n", md_line(&memo.title));
    let header = memo.header(inline);
    for (i, (label, value)) in header.iter().enumerate() {
        let end = if i + 1 < header.len() { "  " } else { "" };
        out.push_str(&format!("**{label}:** {value}{end}\n"));
    }
    out.push_str(&format!("\n**Bottom line:** {}\n", memo.bottom_line(inline)));
    if !memo.top.is_empty() {
        out.push_str("\n## The top three\n\n");
        for line in top_lines(memo, inline, ' ') {
            out.push_str(&format!("{line}\n"));
        }
    }
    for stage in &memo.stages {
        out.push_str(&format!("\n## {}. {}\n\n", stage.number, md_line(&stage.name)));
        if stage.points.is_empty() {
            out.push_str(&format!("{NONE_HERE}\n"));
        }
        for point in &stage.points {
            let mut lines = md_lines(&point.text);
            lines.push(point.facts(inline));
            if !point.evidence.is_empty() {
                let links: Vec<String> = point.evidence.iter().map(|e| evidence(files.show(e))).collect();
                lines.push(format!("Evidence: {}", links.join(", ")));
            }
            for quote in &point.quotes {
                let from = quote.source();
                let from = if from.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", inline(&from))
                };
                lines.push(format!("Shadow note{from}: “{}”", inline(&quote.text)));
            }
            for (i, line) in lines.iter().enumerate() {
                let lead = if i == 0 { "- " } else { "  " };
                let end = if i + 1 < lines.len() { "  " } else { "" };
                out.push_str(&format!("{lead}{line}{end}\n"));
            }
        }
    }
    out.push_str("\n## Not yet observed\n\n");
    let lines = memo.not_observed(inline);
    if lines.is_empty() {
        out.push_str(&format!("{ALL_OBSERVED}\n"));
    }
    for (heading, names) in lines {
        out.push_str(&format!("- {heading}\n"));
        for name in names {
            out.push_str(&format!("  - {name}\n"));
        }
    }
    out
}
