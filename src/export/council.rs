//! The CX council's action list: the top open friction points in the council's order,
//! each with its owner, status, stage, channel, votes and severity, as Markdown or CSV.
//! Points tied on votes and severity share a rank, marked `=`.

use super::escape::{md_cell, md_line};
use super::formula;
use super::rfc4180::write_record;
use crate::model::council::open_by_priority;
use crate::model::{Friction, JourneyMap};

/// The formats of `cxmap council`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CouncilFormat {
    Markdown,
    Csv,
}

impl CouncilFormat {
    /// The format for its command-line name (`md`, `csv`).
    pub fn parse(name: &str) -> Option<CouncilFormat> {
        match name.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(CouncilFormat::Markdown),
            "csv" => Some(CouncilFormat::Csv),
            _ => None,
        }
    }
}

/// One line of the action list.
#[derive(Debug, Clone, PartialEq)]
pub struct Action<'a> {
    /// 1 for the first; tied points share the rank of the first of them.
    pub rank: usize,
    /// Whether another point has the same votes and severity.
    pub tied: bool,
    pub stage: usize,
    pub stage_name: &'a str,
    pub friction: &'a Friction,
}

/// The action list: the first `top` open points (all of them for `None`), and how many
/// open points the map has. A point tied with the first one left out is marked tied too.
pub fn action_list(map: &JourneyMap, top: Option<usize>) -> (Vec<Action<'_>>, usize) {
    let open = open_by_priority(map);
    let total = open.len();
    let point = |i: usize| {
        let (s, f) = open[i];
        &map.stages[s].frictions[f]
    };
    let key = |i: usize| (point(i).votes, point(i).severity);
    let mut rank = 0;
    let actions = (0..top.map_or(total, |n| n.min(total)))
        .map(|i| {
            if i == 0 || key(i) != key(i - 1) {
                rank = i + 1;
            }
            let tied = (i > 0 && key(i) == key(i - 1)) || (i + 1 < total && key(i) == key(i + 1));
            let stage = open[i].0;
            Action {
                rank,
                tied,
                stage,
                stage_name: &map.stages[stage].name,
                friction: point(i),
            }
        })
        .collect();
    (actions, total)
}

impl Action<'_> {
    /// The rank as printed: "2", or "2=" when tied.
    pub fn rank_label(&self) -> String {
        format!("{}{}", self.rank, if self.tied { "=" } else { "" })
    }
}

fn dash_if_empty(text: &str) -> &str {
    if text.trim().is_empty() { "—" } else { text }
}

/// The action list as Markdown: a heading, what it holds, and one table row per point.
pub fn markdown(map: &JourneyMap, top: Option<usize>) -> String {
    let (actions, total) = action_list(map, top);
    let title = if map.title.trim().is_empty() {
        "Untitled map"
    } else {
        map.title.as_str()
    };
    let mut out = format!("# CX council: {}\n\n", md_line(title));
    if actions.is_empty() {
        out.push_str("No open friction points.\n");
        return out;
    }
    let held = if actions.len() == total {
        format!(
            "All {total} open friction point{}",
            if total == 1 { "" } else { "s" }
        )
    } else {
        format!("The top {} of {total} open friction points", actions.len())
    };
    out.push_str(&format!(
        "{held}, most votes first, then the most severe (= marks a tie).\n\n"
    ));
    out.push_str("| # | Friction point | Owner | Status | Stage | Channel | Votes | Severity |\n");
    out.push_str("|---:|---|---|---|---|---|---:|---|\n");
    for action in &actions {
        let friction = action.friction;
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} {} | {} | {} | {} {} |\n",
            action.rank_label(),
            md_cell(&friction.text),
            md_cell(dash_if_empty(&friction.owner)),
            friction.status.label(),
            action.stage + 1,
            md_cell(action.stage_name),
            md_cell(dash_if_empty(&friction.channel)),
            friction.votes,
            friction.severity.number(),
            friction.severity.word(),
        ));
    }
    let unowned = actions
        .iter()
        .filter(|a| a.friction.owner.trim().is_empty())
        .count();
    if unowned > 0 {
        out.push_str(&format!(
            "\n{unowned} of these ha{} no owner yet.\n",
            if unowned == 1 { "s" } else { "ve" }
        ));
    }
    out
}

/// The action list as CSV (RFC 4180), a header row first; statuses as the file spells
/// them, severity as its number.
pub fn csv(map: &JourneyMap, top: Option<usize>) -> String {
    let (actions, _) = action_list(map, top);
    let mut out = String::new();
    write_record(
        &mut out,
        &[
            "rank",
            "id",
            "friction point",
            "owner",
            "status",
            "stage",
            "channel",
            "votes",
            "severity",
        ],
    );
    for action in &actions {
        let friction = action.friction;
        let cells = [
            action.rank_label().as_str(),
            friction.id.as_str(),
            &friction.text,
            &friction.owner,
            friction.status.as_str(),
            action.stage_name,
            &friction.channel,
            &friction.votes.to_string(),
            &friction.severity.number().to_string(),
        ]
        .map(|cell| formula::defuse(cell).into_owned());
        write_record(&mut out, &cells);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{IdGen, Severity, Status};

    fn map() -> JourneyMap {
        let mut map = JourneyMap::with_stages("Sunday coffee", &["Discover", "Order"], &mut IdGen::seeded(3));
        let point = |id: &str, text: &str, votes, owner: &str| Friction {
            id: crate::model::FrictionId(id.into()),
            text: text.into(),
            votes,
            owner: owner.into(),
            channel: "Website".into(),
            severity: Severity::Major,
            ..Friction::default()
        };
        map.stages[0].frictions = vec![
            point("fr-1", "Menu | PDF only", 4, "Ana"),
            point("fr-2", "Hours differ", 2, ""),
        ];
        map.stages[1].frictions = vec![
            point("fr-3", "Queue of nine", 4, "Ben"),
            point("fr-4", "Card reader down", 1, ""),
            point("fr-5", "Fixed long ago", 9, "Cy"),
        ];
        map.stages[1].frictions[2].status = Status::Fixed;
        map
    }

    #[test]
    fn ranks_open_points_and_marks_ties_even_across_the_cut() {
        let map = map();
        let (actions, total) = action_list(&map, Some(1));
        assert_eq!(total, 4, "the fixed point is not on the list");
        assert_eq!(actions.len(), 1);
        assert_eq!(actions[0].rank_label(), "1=", "tied with the second, left out");
        let (all, _) = action_list(&map, None);
        let ranks: Vec<String> = all.iter().map(Action::rank_label).collect();
        assert_eq!(ranks, ["1=", "1=", "3", "4"]);
        assert_eq!(all[1].friction.text, "Queue of nine");
    }

    #[test]
    fn markdown_is_a_table_with_every_field_escaped() {
        let text = markdown(&map(), Some(3));
        assert!(text.starts_with("# CX council: Sunday coffee\n\n"), "{text}");
        assert!(text.contains("The top 3 of 4 open friction points"), "{text}");
        assert!(
            text.contains("| 1= | Menu \\| PDF only | Ana | open | 1 Discover | Website | 4 | 2 major |"),
            "{text}"
        );
        assert!(text.contains("| 3 | Hours differ | — | open |"), "{text}");
        assert!(text.ends_with("\n1 of these has no owner yet.\n"), "{text}");
        let empty = JourneyMap::with_stages("", &["A"], &mut IdGen::seeded(1));
        assert_eq!(
            markdown(&empty, None),
            "# CX council: Untitled map\n\nNo open friction points.\n"
        );
    }

    #[test]
    fn csv_has_a_header_and_one_record_per_point() {
        let text = csv(&map(), None);
        let rows = crate::export::rfc4180::read(&text).unwrap();
        assert_eq!(rows.len(), 5);
        assert_eq!(rows[0][2], "friction point");
        assert_eq!(
            rows[1],
            [
                "1=",
                "fr-1",
                "Menu | PDF only",
                "Ana",
                "open",
                "Discover",
                "Website",
                "4",
                "2"
            ]
        );
        assert_eq!(rows[4][3], "", "no owner is an empty field");
    }
}
