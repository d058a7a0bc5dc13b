//! A friction point as a ticket for the team that must fix it, in Markdown and ready to
//! file: a title, the facts (stage, channel, severity, votes, owner, status), the
//! observation, its evidence, the shadow notes behind it and the opportunities that
//! address it. What the copy key puts on the clipboard.

use super::escape::{md_cell, md_code, md_line, md_lines};
use crate::model::{JourneyMap, is_url};
use crate::text::display::truncate;

/// The longest title, in columns: trackers show about this much in their lists.
const TITLE_COLUMNS: usize = 72;

/// The ticket for friction point `index` of stage `stage`, or `None` if there is none.
pub fn friction_ticket(map: &JourneyMap, stage: usize, index: usize) -> Option<String> {
    let place = map.stages.get(stage)?;
    let friction = place.frictions.get(index)?;
    let first_line = friction.text.lines().next().unwrap_or_default();
    let mut out = format!("# {}\n\n", md_line(&truncate(first_line, TITLE_COLUMNS)));
    let or_none = |text: &str| {
        if text.trim().is_empty() {
            "—".to_owned()
        } else {
            md_cell(text)
        }
    };
    let facts = [
        ("Journey", or_none(&map.title)),
        ("Stage", md_cell(&format!("{} {}", stage + 1, place.name))),
        ("Channel", or_none(&friction.channel)),
        (
            "Severity",
            format!("▲{} {}", friction.severity.number(), friction.severity.word()),
        ),
        ("Votes", friction.votes.to_string()),
        ("Owner", or_none(&friction.owner)),
        ("Status", friction.status.label().to_owned()),
    ];
    out.push_str("| | |\n|---|---|\n");
    for (name, value) in facts {
        out.push_str(&format!("| {name} | {value} |\n"));
    }
    out.push_str("\n## What happened\n\n");
    out.push_str(&md_lines(&friction.text).join("  \n"));
    out.push_str("\n\n## Evidence\n\n");
    if friction.evidence.is_empty() {
        out.push_str("None recorded.\n");
    }
    for evidence in &friction.evidence {
        out.push_str(&format!("- {}\n", evidence_item(evidence)));
    }
    let notes: Vec<_> = map
        .shadow
        .notes
        .iter()
        .filter(|note| note.friction.as_ref() == Some(&friction.id))
        .collect();
    if !notes.is_empty() {
        out.push_str("\n## Shadow notes\n\n");
        for note in notes {
            let when = note_time(&note.at);
            let mut fields: Vec<String> = [&when, &note.observer, &note.channel]
                .into_iter()
                .filter(|field| !field.is_empty())
                .map(|field| md_line(field))
                .collect();
            fields.extend(note.evidence.iter().map(|e| evidence_item(e)));
            out.push_str(&format!(
                "- {} ({})\n",
                md_lines(&note.text).join(" "),
                fields.join(" · ")
            ));
        }
    }
    let addressed: Vec<String> = map
        .stages
        .iter()
        .enumerate()
        .flat_map(|(s, stage)| stage.opportunities.iter().map(move |o| (s, stage, o)))
        .filter(|(_, _, o)| o.addresses.contains(&friction.id))
        .map(|(s, stage, o)| {
            format!(
                "- {} ({} {})\n",
                md_lines(&o.text).join(" "),
                s + 1,
                md_line(&stage.name)
            )
        })
        .collect();
    if !addressed.is_empty() {
        out.push_str("\n## Opportunities that address it\n\n");
        out.push_str(&addressed.concat());
    }
    out.push_str(&format!(
        "\nFriction point {} of the journey map, copied from cxmap.\n",
        md_code(friction.id.as_str())
    ));
    Some(out)
}

/// When a note was written, as people read it ("2026-11-10 18:40 UTC"); as the file has
/// it when it is not a time.
fn note_time(at: &str) -> String {
    at.parse::<jiff::Timestamp>().map_or_else(
        |_| at.to_owned(),
        |time| time.strftime("%Y-%m-%d %H:%M UTC").to_string(),
    )
}

/// A piece of evidence as a list item: a web address as a link, a file as code.
fn evidence_item(evidence: &str) -> String {
    if is_url(evidence) && !evidence.contains(['<', '>', ' ']) {
        format!("<{}>", evidence.trim())
    } else {
        md_code(evidence)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assets::EXAMPLES;

    #[test]
    fn a_ticket_carries_the_facts_the_evidence_and_the_notes_behind_it() {
        let map = EXAMPLES[1].map().unwrap();
        let (stage, index) = map
            .stages
            .iter()
            .enumerate()
            .find_map(|(s, stage)| {
                let f = stage.frictions.iter().position(|f| {
                    map.shadow
                        .notes
                        .iter()
                        .any(|n| n.friction.as_ref() == Some(&f.id))
                })?;
                Some((s, f))
            })
            .expect("the online store has a friction point made from a note");
        let friction = &map.stages[stage].frictions[index];
        let ticket = friction_ticket(&map, stage, index).unwrap();
        assert!(ticket.starts_with("# "), "{ticket}");
        for fact in [
            "| Stage |",
            "| Channel |",
            "| Severity | ▲",
            "| Votes |",
            "| Owner |",
            "| Status |",
        ] {
            assert!(ticket.contains(fact), "{fact}: {ticket}");
        }
        assert!(
            ticket.contains(&md_lines(&friction.text).join("  \n")),
            "{ticket}"
        );
        assert!(ticket.contains("## Shadow notes"), "{ticket}");
        assert!(ticket.contains(friction.id.as_str()), "{ticket}");
        assert_eq!(friction_ticket(&map, stage, 99), None);
    }
}
