//! A map as one fact per line, each naming the id it belongs to, for git's text
//! conversion (`textconv`): a line diff of two listings then reads as words
//! ("-  fr-8c2a severity: 2 (major)" / "+  fr-8c2a severity: 3 (severe)").

use serde_json::Value;

use crate::model::{Extras, JourneyMap, Metrics, Stage};

/// Every fact of the map, in file order. Stage names appear only on the stage's own
/// line, so renaming a stage changes one line. Lines are raw text: clean them before
/// they reach a terminal.
pub fn facts(map: &JourneyMap) -> Vec<String> {
    let mut lines = vec![
        format!("title: {}", shown(&map.title)),
        format!("persona: {}", shown(&map.persona)),
    ];
    extras(&mut lines, "", &map.extras);
    if let Some(memo) = &map.memo {
        lines.push(format!("memo walked by: {}", shown(&memo.walked_by)));
        lines.push(format!("memo when: {}", shown(&memo.when)));
        lines.push(format!("memo devices: {}", shown(&memo.devices)));
        extras(&mut lines, "memo ", &memo.extras);
    }
    for stage in &map.stages {
        lines.push(String::new());
        stage_facts(&mut lines, stage);
    }
    lines.push(String::new());
    lines.push("shadow".to_owned());
    for channel in &map.shadow.channels {
        lines.push(format!("  channel: {channel}"));
    }
    extras(&mut lines, "  ", &map.shadow.extras);
    for note in &map.shadow.notes {
        let id = note.id.as_str();
        lines.push(format!("  {id} shadow note: {}", shown(&note.text)));
        lines.push(format!("  {id} at: {}", shown(&note.at)));
        lines.push(format!("  {id} observer: {}", shown(&note.observer)));
        lines.push(format!("  {id} stage: {}", shown(note.stage.as_str())));
        lines.push(format!("  {id} channel: {}", shown(&note.channel)));
        for entry in &note.evidence {
            lines.push(format!("  {id} evidence: {entry}"));
        }
        if let Some(friction) = &note.friction {
            lines.push(format!("  {id} friction: {friction}"));
        }
        extras(&mut lines, &format!("  {id} "), &note.extras);
    }
    for entry in &map.shadow.plan {
        lines.push(format!(
            "  plan {} × {}: {} votes",
            entry.stage, entry.channel, entry.votes
        ));
        extras(
            &mut lines,
            &format!("  plan {} × {} ", entry.stage, entry.channel),
            &entry.extras,
        );
    }
    lines
}

/// A text as a fact shows it: "(empty)" when there is none, so no line ends in a space.
fn shown(text: &str) -> &str {
    if text.is_empty() { "(empty)" } else { text }
}

fn stage_facts(lines: &mut Vec<String>, stage: &Stage) {
    lines.push(format!("stage {}: {}", stage.id, shown(&stage.name)));
    lines.push(format!("  goal: {}", shown(&stage.goal)));
    for touchpoint in &stage.touchpoints {
        lines.push(format!("  touchpoint: {touchpoint}"));
    }
    match stage.emotion.score {
        Some(score) => lines.push(format!("  emotion score: {} ({})", score.value(), score.word())),
        None => lines.push("  emotion score: not scored".to_owned()),
    }
    lines.push(format!("  emotion note: {}", shown(&stage.emotion.note)));
    extras(lines, "  emotion ", &stage.emotion.extras);
    if let Some(metrics) = &stage.metrics {
        metric_facts(lines, metrics);
    }
    extras(lines, "  ", &stage.extras);
    for friction in &stage.frictions {
        let id = friction.id.as_str();
        lines.push(format!("  {id} friction point: {}", shown(&friction.text)));
        let severity = friction.severity;
        lines.push(format!(
            "  {id} severity: {} ({})",
            severity.number(),
            severity.word()
        ));
        lines.push(format!("  {id} channel: {}", shown(&friction.channel)));
        lines.push(format!("  {id} votes: {}", friction.votes));
        lines.push(format!("  {id} owner: {}", shown(&friction.owner)));
        lines.push(format!("  {id} status: {}", friction.status.as_str()));
        for entry in &friction.evidence {
            lines.push(format!("  {id} evidence: {entry}"));
        }
        extras(lines, &format!("  {id} "), &friction.extras);
    }
    for opportunity in &stage.opportunities {
        let id = opportunity.id.as_str();
        lines.push(format!("  {id} opportunity: {}", shown(&opportunity.text)));
        for friction in &opportunity.addresses {
            lines.push(format!("  {id} addresses: {friction}"));
        }
        lines.push(format!("  {id} votes: {}", opportunity.votes));
        extras(lines, &format!("  {id} "), &opportunity.extras);
    }
}

fn metric_facts(lines: &mut Vec<String>, metrics: &Metrics) {
    for (name, value) in [("CSAT", metrics.csat), ("NPS", metrics.nps), ("CES", metrics.ces)] {
        if let Some(value) = value {
            lines.push(format!("  {name}: {value}"));
        }
    }
    extras(lines, "  metrics ", &metrics.extras);
}

/// Unknown fields, one line each, their values as compact JSON.
fn extras(lines: &mut Vec<String>, lead: &str, extras: &Extras) {
    for field in &extras.0 {
        let value = match &field.value {
            Value::String(text) => text.clone(),
            other => other.to_string(),
        };
        lines.push(format!("{lead}field “{}”: {value}", field.key));
    }
}
