//! The Markdown export: the grid as one table of stages by lanes, then each stage's
//! details (items with their fields, metrics) and the shadow notes and plan.

use super::escape::{md_cell, md_code, md_line, md_lines};
use crate::model::{JourneyMap, Lane, Metrics, Stage};

/// A score with its sign and words ("+1 positive"), or "not scored".
pub fn score_label(stage: &Stage) -> String {
    match stage.emotion.score {
        Some(score) if score.value() > 0 => format!("+{} {}", score.value(), score.word()),
        Some(score) => format!("{} {}", score.value(), score.word()),
        None => "not scored".to_owned(),
    }
}

/// The measures of a stage in words ("CSAT 78%, NPS -12, CES 3.4"), empty when none.
pub fn metrics_label(metrics: Option<&Metrics>) -> String {
    let Some(metrics) = metrics else {
        return String::new();
    };
    let mut parts = Vec::new();
    if let Some(csat) = metrics.csat {
        parts.push(format!("CSAT {csat}%"));
    }
    if let Some(nps) = metrics.nps {
        parts.push(format!("NPS {nps}"));
    }
    if let Some(ces) = metrics.ces {
        parts.push(format!("CES {ces}"));
    }
    parts.join(", ")
}

fn cell(stage: &Stage, lane: Lane) -> String {
    let bullets = |items: Vec<String>| -> String {
        items
            .iter()
            .map(|i| format!("• {i}"))
            .collect::<Vec<_>>()
            .join("<br>")
    };
    match lane {
        Lane::Goal => md_cell(&stage.goal),
        Lane::Touchpoints => bullets(stage.touchpoints.iter().map(|t| md_cell(t)).collect()),
        Lane::Emotion => {
            let mut text = score_label(stage);
            if !stage.emotion.note.is_empty() {
                text.push_str("<br>");
                text.push_str(&md_cell(&stage.emotion.note));
            }
            text
        }
        Lane::Friction => bullets(
            stage
                .frictions
                .iter()
                .map(|f| format!("{} (severity {})", md_cell(&f.text), f.severity.number()))
                .collect(),
        ),
        Lane::Opportunity => bullets(stage.opportunities.iter().map(|o| md_cell(&o.text)).collect()),
    }
}

fn item(out: &mut String, text: &str, details: &[String]) {
    let lines = md_lines(text);
    for (i, line) in lines.iter().enumerate() {
        let lead = if i == 0 { "- " } else { "  " };
        let end = if i + 1 < lines.len() || !details.is_empty() {
            "  "
        } else {
            ""
        };
        out.push_str(lead);
        out.push_str(line);
        out.push_str(end);
        out.push('\n');
    }
    for (i, detail) in details.iter().enumerate() {
        let end = if i + 1 < details.len() { "  " } else { "" };
        out.push_str("  ");
        out.push_str(detail);
        out.push_str(end);
        out.push('\n');
    }
}

fn evidence_line(evidence: &[String]) -> Option<String> {
    (!evidence.is_empty()).then(|| {
        let shown: Vec<String> = evidence.iter().map(|e| md_code(e)).collect();
        format!("Evidence: {}", shown.join(", "))
    })
}

/// Starts a section after exactly one blank line.
fn heading(out: &mut String, text: &str) {
    while out.ends_with("\n\n") {
        out.pop();
    }
    out.push_str(&format!("\n## {text}\n\n"));
}

/// "1 vote", "3 votes".
pub fn votes(n: u32) -> String {
    format!("{n} vote{}", if n == 1 { "" } else { "s" })
}

/// One stage as the export writes it (goal, touchpoints, emotion, friction points,
/// opportunities, metrics), on its own: what copying a stage gives.
pub fn stage_markdown(number: usize, stage: &Stage) -> String {
    let mut out = String::new();
    stage_details(&mut out, number, stage);
    format!("{}\n", out.trim())
}

fn stage_details(out: &mut String, number: usize, stage: &Stage) {
    heading(out, &format!("{number}. {}", md_line(&stage.name)));
    if !stage.goal.is_empty() {
        out.push_str(&format!(
            "**Customer goal:** {}\n\n",
            md_lines(&stage.goal).join("  \n")
        ));
    }
    if !stage.touchpoints.is_empty() {
        let names: Vec<String> = stage.touchpoints.iter().map(|t| md_line(t)).collect();
        out.push_str(&format!("**Touchpoints:** {}\n\n", names.join(", ")));
    }
    let mut emotion = score_label(stage);
    if !stage.emotion.note.is_empty() {
        emotion.push_str(&format!(" — {}", md_lines(&stage.emotion.note).join("  \n")));
    }
    out.push_str(&format!("**Emotion:** {emotion}\n\n"));
    if !stage.frictions.is_empty() {
        out.push_str("**Friction points**\n\n");
        for f in &stage.frictions {
            let mut fields = vec![
                format!("severity {} {}", f.severity.number(), f.severity.word()),
                votes(f.votes),
                format!("status {}", f.status.label()),
            ];
            if !f.channel.is_empty() {
                fields.insert(0, format!("channel {}", md_line(&f.channel)));
            }
            if !f.owner.is_empty() {
                fields.push(format!("owner {}", md_line(&f.owner)));
            }
            fields.push(md_code(f.id.as_str()));
            let mut details = vec![fields.join(" · ")];
            details.extend(evidence_line(&f.evidence));
            item(out, &f.text, &details);
        }
        out.push('\n');
    }
    if !stage.opportunities.is_empty() {
        out.push_str("**Opportunities**\n\n");
        for o in &stage.opportunities {
            let mut fields = vec![votes(o.votes)];
            if !o.addresses.is_empty() {
                let ids: Vec<String> = o.addresses.iter().map(|a| md_code(a.as_str())).collect();
                fields.push(format!("addresses {}", ids.join(" ")));
            }
            fields.push(md_code(o.id.as_str()));
            item(out, &o.text, &[fields.join(" · ")]);
        }
        out.push('\n');
    }
    let metrics = metrics_label(stage.metrics.as_ref());
    if !metrics.is_empty() {
        out.push_str(&format!("**Metrics:** {metrics}\n\n"));
    }
}

fn shadow(out: &mut String, map: &JourneyMap) {
    let shadow = &map.shadow;
    if shadow.notes.is_empty() && shadow.plan.is_empty() && shadow.channels.is_empty() {
        return;
    }
    heading(out, "Service shadows");
    if !shadow.channels.is_empty() {
        let names: Vec<String> = shadow.channels.iter().map(|c| md_line(c)).collect();
        out.push_str(&format!("**Channels:** {}\n\n", names.join(", ")));
    }
    // Each stage's name escaped once, not once per note.
    let names: std::collections::HashMap<&str, String, crate::model::IdHashing> = map
        .stages_by_id()
        .into_iter()
        .map(|(id, s)| (id, md_line(&s.name)))
        .collect();
    let stage_name = |id: &crate::model::StageId| {
        names
            .get(id.as_str())
            .map_or_else(|| md_code(id.as_str()), String::clone)
    };
    if !shadow.notes.is_empty() {
        out.push_str("**Shadow notes**\n\n");
        for note in &shadow.notes {
            let mut fields = stage_name(&note.stage);
            for field in [&note.channel, &note.observer, &note.at] {
                if !field.is_empty() {
                    fields.push_str(" · ");
                    fields.push_str(&md_line(field));
                }
            }
            if let Some(friction) = &note.friction {
                fields.push_str(" · friction ");
                fields.push_str(&md_code(friction.as_str()));
            }
            let mut details = vec![fields];
            details.extend(evidence_line(&note.evidence));
            item(out, &note.text, &details);
        }
        out.push('\n');
    }
    if !shadow.plan.is_empty() {
        out.push_str("**Shadow plan**\n\n| stage | channel | votes |\n|---|---|---|\n");
        for entry in &shadow.plan {
            out.push_str(&format!(
                "| {} | {} | {} |\n",
                stage_name(&entry.stage),
                md_cell(&entry.channel),
                entry.votes
            ));
        }
        out.push('\n');
    }
}

/// The map as Markdown.
pub fn export(map: &JourneyMap) -> String {
    let mut out = format!("# {}\n\n", md_line(&map.title));
    if !map.persona.is_empty() {
        out.push_str(&format!(
            "**Persona:** {}\n\n",
            md_lines(&map.persona).join("  \n")
        ));
    }
    if map.stages.is_empty() {
        out.push_str("The map has no stages yet.\n");
    } else {
        out.push_str("| lane |");
        for (i, stage) in map.stages.iter().enumerate() {
            out.push_str(&format!(" {}. {} |", i + 1, md_cell(&stage.name)));
        }
        out.push_str("\n|---|");
        out.push_str(&"---|".repeat(map.stages.len()));
        out.push('\n');
        for lane in Lane::ALL {
            out.push_str(&format!("| **{}** |", lane.name()));
            for stage in &map.stages {
                out.push_str(&format!(" {} |", cell(stage, lane)));
            }
            out.push('\n');
        }
    }
    for (i, stage) in map.stages.iter().enumerate() {
        stage_details(&mut out, i + 1, stage);
    }
    shadow(&mut out, map);
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}
