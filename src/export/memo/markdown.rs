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
            // Written straight into the memo: every line of a point but its last ends in
            // two spaces (a Markdown line break), the first starts with "- ".
            let mut first = true;
            let mut next_line = |out: &mut String| {
                out.push_str(if first { "- " } else { "  \n  " });
                first = false;
            };
            if let Some(pointer) = point.said_above() {
                next_line(&mut out);
                out.push_str(&pointer);
            } else {
                for line in md_lines(&point.text) {
                    next_line(&mut out);
                    out.push_str(&line);
                }
                next_line(&mut out);
                out.push_str(&point.facts(inline));
            }
            if !point.evidence.is_empty() {
                next_line(&mut out);
                out.push_str("Evidence: ");
                for (i, entry) in point.evidence.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&evidence(files.show(entry)));
                }
            }
            for quote in &point.quotes {
                next_line(&mut out);
                out.push_str("Shadow note");
                let from = quote.source();
                if !from.is_empty() {
                    out.push_str(" (");
                    out.push_str(&inline(&from));
                    out.push(')');
                }
                out.push_str(": “");
                out.push_str(&inline(&quote.text));
                out.push('”');
            }
            out.push('\n');
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
