//! The memo in Markdown: reads as plain text too.

use super::{ALL_OBSERVED, Memo, NONE_HERE, source};
use crate::export::escape::{md_code, md_line, md_lines};

fn inline(s: &str) -> String {
    md_lines(s).join(" ")
}

/// The memo as Markdown.
pub fn render(memo: &Memo) -> String {
    let mut out = format!("# Friction memo: {}\n\n", md_line(&memo.title));
    let header = memo.header(inline);
    for (i, (label, value)) in header.iter().enumerate() {
        let end = if i + 1 < header.len() { "  " } else { "" };
        out.push_str(&format!("**{label}:** {value}{end}\n"));
    }
    out.push_str(&format!("\n**Bottom line:** {}\n", memo.bottom_line(inline)));
    for stage in &memo.stages {
        out.push_str(&format!("\n## {}. {}\n\n", stage.number, md_line(&stage.name)));
        if stage.points.is_empty() {
            out.push_str(&format!("{NONE_HERE}\n"));
        }
        for point in &stage.points {
            let mut lines = md_lines(&point.text);
            lines.push(point.facts(inline));
            if !point.evidence.is_empty() {
                let evidence: Vec<String> = point.evidence.iter().map(|e| md_code(e)).collect();
                lines.push(format!("Evidence: {}", evidence.join(", ")));
            }
            for quote in &point.quotes {
                let from = source(quote);
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
