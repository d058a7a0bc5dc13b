//! The Mermaid export: a `journey` diagram whose sections are the stages and whose tasks
//! carry the emotion score, moved from -2..2 onto Mermaid's 1..5.

use crate::model::{JourneyMap, Score};
use crate::text::display::clean_line;

/// Text Mermaid reads as plain words: line breaks become spaces, and the characters its
/// journey grammar treats as syntax (`:` between fields, `;` and `#`, `%%` comments) are
/// replaced by look-alikes that are not.
pub fn sanitise(s: &str) -> String {
    let one_line: Vec<&str> = s
        .split(['\n', '\r'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let text = clean_line(&one_line.join(" "))
        .replace(':', " -")
        .replace(';', ",")
        .replace('#', "№")
        .replace('%', "٪");
    let words: Vec<&str> = text.split_whitespace().collect();
    words.join(" ")
}

/// Mermaid's score for an emotion score: -2 → 1, 0 → 3, +2 → 5.
pub fn mermaid_score(score: Score) -> i8 {
    score.value() + 3
}

/// The map as a Mermaid journey diagram.
pub fn export(map: &JourneyMap) -> String {
    let mut out = String::from("journey\n");
    let title = sanitise(&map.title);
    if !title.is_empty() {
        out.push_str(&format!("  title {title}\n"));
    }
    for (i, stage) in map.stages.iter().enumerate() {
        let name = sanitise(&stage.name);
        let name = if name.is_empty() {
            format!("Stage {}", i + 1)
        } else {
            name
        };
        out.push_str(&format!("  section {name}\n"));
        let task = [&stage.goal, &stage.emotion.note, &stage.name]
            .into_iter()
            .map(|t| sanitise(t))
            .find(|t| !t.is_empty())
            .unwrap_or_else(|| format!("Stage {}", i + 1));
        match stage.emotion.score {
            Some(score) => out.push_str(&format!("    {task}: {}\n", mermaid_score(score))),
            None => out.push_str(&format!(
                "    %% {name} is not scored yet: shown as neutral\n    {task}: 3\n"
            )),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_characters_are_replaced() {
        assert_eq!(
            sanitise("Frustrated: no\nhours; #1 100%"),
            "Frustrated - no hours, №1 100٪"
        );
    }

    #[test]
    fn scores_move_onto_one_to_five() {
        assert_eq!(Score::new(-2).map(mermaid_score), Some(1));
        assert_eq!(Score::new(2).map(mermaid_score), Some(5));
    }
}
