//! The HTML export: one self-contained, printable page (no network: styles inline, the
//! emotion curve as inline SVG, no scripts, fonts or images) with the grid as a table,
//! each friction point's fields, and the shadow notes. Every text is escaped.

use std::collections::HashMap;

use super::escape::{html, html_lines, is_web_address, push_html, push_html_lines};
use super::markdown::{metrics_label, score_label, votes};
use super::svg::emotion_curve;
use crate::model::{IdHashing, JourneyMap, Lane, Stage};

const STYLE: &str = "
@page { size: A4 landscape; margin: 10mm; }
body { font: 9pt/1.35 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #111; margin: 1.5em; }
h1 { font-size: 15pt; margin: 0 0 .2em; }
h2 { font-size: 11pt; margin: 1.2em 0 .4em; }
p.persona { margin: 0 0 .8em; color: #333; }
svg.curve { width: 100%; max-height: 55mm; display: block; margin: .4em 0 .8em; }
svg .axis { stroke: #bbb; stroke-width: 1; }
svg .line { fill: none; stroke: #1f5fa8; stroke-width: 2.5; }
svg .point { stroke: #fff; stroke-width: 1.5; fill: #1f5fa8; }
svg .s0, svg .s1 { fill: #b3261e; }
svg .s3, svg .s4 { fill: #1e7b34; }
svg text { font-size: 11px; fill: #333; }
svg .stage { text-anchor: middle; }
svg .scale { text-anchor: end; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 1px solid #999; padding: .3em .4em; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
thead th { background: #eee; }
tbody th { width: 7em; background: #f6f6f6; }
ul { margin: 0; padding-left: 1.1em; }
li { margin: 0 0 .25em; }
.meta { color: #555; font-size: 8pt; }
.sev3 { color: #b3261e; font-weight: bold; }
code { font-size: 8pt; }
tr, li { break-inside: avoid; }
@media print { body { margin: 0; } a { color: inherit; } }
";

/// Evidence as HTML onto `out`: web addresses as links, paths as code.
fn push_evidence(out: &mut String, evidence: &[String]) {
    for (i, e) in evidence.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        if is_web_address(e) {
            let address = html(e.trim());
            out.push_str("<a href=\"");
            out.push_str(&address);
            out.push_str("\">");
            out.push_str(&address);
            out.push_str("</a>");
        } else {
            out.push_str("<code>");
            push_html(out, e);
            out.push_str("</code>");
        }
    }
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        return String::new();
    }
    let lis: Vec<String> = items.iter().map(|i| format!("<li>{i}</li>")).collect();
    format!("<ul>{}</ul>", lis.join(""))
}

fn cell(stage: &Stage, lane: Lane) -> String {
    match lane {
        Lane::Goal => html_lines(&stage.goal),
        Lane::Touchpoints => list(&stage.touchpoints.iter().map(|t| html(t)).collect::<Vec<_>>()),
        Lane::Emotion => {
            let mut text = format!("<strong>{}</strong>", html(&score_label(stage)));
            if !stage.emotion.note.is_empty() {
                text.push_str(&format!("<br/>{}", html_lines(&stage.emotion.note)));
            }
            text
        }
        Lane::Friction => {
            let items: Vec<String> = stage
                .frictions
                .iter()
                .map(|f| {
                    let mut meta = vec![
                        format!(
                            "<span class=\"sev{}\">severity {} {}</span>",
                            f.severity.number(),
                            f.severity.number(),
                            f.severity.word()
                        ),
                        votes(f.votes),
                        html(f.status.label()),
                    ];
                    if !f.channel.is_empty() {
                        meta.insert(0, html(&f.channel));
                    }
                    if !f.owner.is_empty() {
                        meta.push(format!("owner {}", html(&f.owner)));
                    }
                    let mut text = format!(
                        "{}<br/><span class=\"meta\">{}</span>",
                        html_lines(&f.text),
                        meta.join(" · ")
                    );
                    if !f.evidence.is_empty() {
                        text.push_str("<br/><span class=\"meta\">evidence: ");
                        push_evidence(&mut text, &f.evidence);
                        text.push_str("</span>");
                    }
                    text
                })
                .collect();
            list(&items)
        }
        Lane::Opportunity => {
            let items: Vec<String> = stage
                .opportunities
                .iter()
                .map(|o| {
                    format!(
                        "{} <span class=\"meta\">{}</span>",
                        html_lines(&o.text),
                        votes(o.votes)
                    )
                })
                .collect();
            list(&items)
        }
    }
}

fn grid(out: &mut String, map: &JourneyMap) {
    out.push_str("<table class=\"grid\">\n<thead><tr><th>lane</th>");
    for (i, stage) in map.stages.iter().enumerate() {
        out.push_str(&format!("<th>{}. {}</th>", i + 1, html(&stage.name)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for lane in Lane::ALL {
        out.push_str(&format!("<tr><th>{}</th>", lane.name()));
        for stage in &map.stages {
            out.push_str("<td>");
            out.push_str(&cell(stage, lane));
            out.push_str("</td>");
        }
        out.push_str("</tr>\n");
    }
    if map.stages.iter().any(|s| s.metrics.is_some()) {
        out.push_str("<tr><th>Metrics</th>");
        for stage in &map.stages {
            out.push_str(&format!(
                "<td>{}</td>",
                html(&metrics_label(stage.metrics.as_ref()))
            ));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn shadow(out: &mut String, map: &JourneyMap) {
    let shadow = &map.shadow;
    if shadow.notes.is_empty() {
        return;
    }
    out.push_str("<h2>Shadow notes</h2>\n<table class=\"notes\">\n<thead><tr><th>stage</th><th>channel</th><th>observer</th><th>when</th><th>note</th><th>evidence</th></tr></thead>\n<tbody>\n");
    // Each stage's name escaped once, not once per note.
    let stages: HashMap<&str, String, IdHashing> = map
        .stages_by_id()
        .into_iter()
        .map(|(id, stage)| (id, html(&stage.name)))
        .collect();
    for note in &shadow.notes {
        out.push_str("<tr><td>");
        match stages.get(note.stage.as_str()) {
            Some(name) => out.push_str(name),
            None => push_html(out, note.stage.as_str()),
        }
        for (text, lines) in [
            (&note.channel, false),
            (&note.observer, false),
            (&note.at, false),
            (&note.text, true),
        ] {
            out.push_str("</td><td>");
            if lines {
                push_html_lines(out, text);
            } else {
                push_html(out, text);
            }
        }
        out.push_str("</td><td>");
        push_evidence(out, &note.evidence);
        out.push_str("</td></tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// The opening of a self-contained page, up to and including `<body>`.
pub fn page_start(title: &str, style: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>{}</title>\n<style>{style}</style>\n</head>\n<body>\n",
        html(title)
    )
}

/// The map as one HTML page.
pub fn export(map: &JourneyMap) -> String {
    let mut out = page_start(&map.title, STYLE);
    out.push_str(&format!("<h1>{}</h1>\n", html(&map.title)));
    if !map.persona.is_empty() {
        out.push_str(&format!(
            "<p class=\"persona\"><strong>Persona:</strong> {}</p>\n",
            html_lines(&map.persona)
        ));
    }
    if map.stages.is_empty() {
        out.push_str("<p>The map has no stages yet.</p>\n");
    } else {
        out.push_str(&emotion_curve(map));
        grid(&mut out, map);
    }
    shadow(&mut out, map);
    out.push_str("</body>\n</html>\n");
    out
}
