//! The memo as one self-contained HTML page that prints on one A4 page: compact type,
//! print styles inline, no network, every text escaped.

use super::{ALL_OBSERVED, Memo, NONE_HERE, source};
use crate::export::escape::{html, html_lines};
use crate::export::html::{evidence_html, page_start};

const STYLE: &str = "
@page { size: A4; margin: 11mm 12mm; }
body { font: 7.8pt/1.25 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #111; max-width: 60em; margin: 1em auto; }
.stages { column-count: 2; column-gap: 6mm; }
h1 { font-size: 13pt; margin: 0 0 .3em; }
h2 { font-size: 8.8pt; margin: .5em 0 .15em; border-bottom: 1px solid #ccc; break-after: avoid; }
.stages h2:first-child { margin-top: 0; }
dl { display: grid; grid-template-columns: max-content auto; gap: 0 .8em; margin: 0 0 .4em; }
dt { font-weight: bold; }
dd { margin: 0; }
p { margin: .2em 0; }
p.bottom { font-weight: bold; margin: .4em 0; }
ul { margin: 0; padding-left: 1.1em; }
li { margin: 0 0 .2em; break-inside: avoid; }
.facts, .evidence { color: #444; }
.sev3 { color: #b3261e; font-weight: bold; }
q { font-style: italic; }
code { font-size: 7.5pt; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; } }
";

/// The memo as HTML.
pub fn render(memo: &Memo) -> String {
    let title = format!("Friction memo: {}", memo.title);
    let mut out = page_start(&title, STYLE);
    out.push_str(&format!("<h1>{}</h1>\n<dl>\n", html(&title)));
    for (label, value) in memo.header(html_lines) {
        out.push_str(&format!("<dt>{label}</dt><dd>{value}</dd>\n"));
    }
    out.push_str("</dl>\n");
    out.push_str(&format!(
        "<p class=\"bottom\">Bottom line: {}</p>\n",
        memo.bottom_line(html)
    ));
    out.push_str("<div class=\"stages\">\n");
    for stage in &memo.stages {
        out.push_str(&format!("<h2>{}. {}</h2>\n", stage.number, html(&stage.name)));
        if stage.points.is_empty() {
            out.push_str(&format!("<p>{NONE_HERE}</p>\n"));
            continue;
        }
        out.push_str("<ul>\n");
        for point in &stage.points {
            let class = if point.severity.number() == 3 {
                " class=\"sev3\""
            } else {
                ""
            };
            out.push_str(&format!(
                "<li>{} <span class=\"facts\">— <span{class}>{}</span></span>",
                html_lines(&point.text),
                point.facts(html)
            ));
            if !point.evidence.is_empty() {
                out.push_str(&format!(
                    "<br/><span class=\"evidence\">Evidence: {}</span>",
                    evidence_html(&point.evidence)
                ));
            }
            for quote in &point.quotes {
                let from = source(quote);
                let from = if from.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", html(&from))
                };
                out.push_str(&format!("<br/>Shadow note{from}: <q>{}</q>", html(&quote.text)));
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</div>\n<h2>Not yet observed</h2>\n");
    let lines = memo.not_observed(html);
    if lines.is_empty() {
        out.push_str(&format!("<p>{ALL_OBSERVED}</p>\n"));
    } else {
        out.push_str("<ul>\n");
        for (heading, names) in lines {
            out.push_str(&format!("<li>{heading}<ul>\n"));
            for name in names {
                out.push_str(&format!("<li>{name}</li>\n"));
            }
            out.push_str("</ul></li>\n");
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}
