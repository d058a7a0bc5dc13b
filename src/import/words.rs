//! The words a sheet may use: lane names with their common synonyms, emotion scores as
//! numbers or scale words (with an optional note after a colon), and list cells split
//! into items.

use crate::model::{Lane, Score};

/// The lane a first-column label names, case and spacing aside.
pub fn lane(label: &str) -> Option<Lane> {
    let words: Vec<String> = label
        .trim()
        .trim_end_matches(':')
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    match words.join(" ").as_str() {
        "goal" | "goals" | "customer goal" | "customer goals" => Some(Lane::Goal),
        "touchpoints" | "touchpoint" | "touch points" | "touch point" | "channels" | "channel" => {
            Some(Lane::Touchpoints)
        }
        "emotion" | "emotions" | "feelings" | "feeling" => Some(Lane::Emotion),
        "friction" | "frictions" | "friction points" | "friction point" | "pain points" | "pain point"
        | "pains" => Some(Lane::Friction),
        "opportunity" | "opportunities" | "ideas" => Some(Lane::Opportunity),
        _ => None,
    }
}

/// The lane names a sheet may use, for messages.
pub const LANE_NAMES: &str =
    "goal, touchpoints, emotion, friction, opportunity (or pain points, channels, feelings, ideas…)";

/// A whole number with an optional sign: "+2", "-1", or "−1" with the minus sign
/// (U+2212) that spreadsheets and word processors often put in.
pub fn signed(text: &str) -> Option<i64> {
    let text = text.trim();
    match text.strip_prefix('\u{2212}') {
        Some(rest) => rest.parse::<u32>().ok().map(|n| -i64::from(n)),
        None => text.strip_prefix('+').unwrap_or(text).parse().ok(),
    }
}

/// The score a number or scale word names: "-1", "+2", "negative", "-1 negative".
fn score(head: &str) -> Option<Score> {
    let head = head.trim().to_lowercase();
    let words: Vec<&str> = head.split_whitespace().collect();
    let number = |s: &str| signed(s).and_then(Score::new);
    let word = |s: &str| {
        (Score::MIN..=Score::MAX)
            .filter_map(|v| Score::new(v.into()))
            .find(|sc| sc.word() == s)
    };
    match words.as_slice() {
        [one] => number(one).or_else(|| word(one)),
        [first, rest @ ..] => {
            let phrase = rest.join(" ");
            match number(first) {
                Some(n) if word(&phrase) == Some(n) => Some(n),
                Some(_) => None,
                None => word(&words.join(" ")),
            }
        }
        [] => None,
    }
}

/// An emotion cell: empty, or a score with an optional note after a colon.
pub fn emotion(cell: &str) -> Result<Option<(Score, String)>, String> {
    let cell = cell.trim();
    if cell.is_empty() {
        return Ok(None);
    }
    let (head, note) = cell.split_once(':').unwrap_or((cell, ""));
    match score(head) {
        Some(score) => Ok(Some((score, note.trim().to_owned()))),
        None => Err(format!(
            "the emotion \"{}\" is not a score: write a number from -2 to 2 or very negative, negative, neutral, positive or very positive, then a colon and a note if you like",
            head.trim()
        )),
    }
}

/// The items of a list cell: one per line or per semicolon, bullets taken off.
pub fn items(cell: &str) -> Vec<String> {
    cell.split(['\n', ';'])
        .map(|item| {
            let item = item.trim();
            let bullet = item.strip_prefix(['•', '·']).or_else(|| {
                item.strip_prefix(['-', '*'])
                    .filter(|rest| rest.starts_with(char::is_whitespace))
            });
            bullet.map_or(item, str::trim_start).to_owned()
        })
        .filter(|item| !item.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lanes_have_synonyms_in_any_case() {
        assert_eq!(lane(" Pain Points "), Some(Lane::Friction));
        assert_eq!(lane("CUSTOMER GOAL:"), Some(Lane::Goal));
        assert_eq!(lane("Feelings"), Some(Lane::Emotion));
        assert_eq!(lane("channels"), Some(Lane::Touchpoints));
        assert_eq!(lane("ideas"), Some(Lane::Opportunity));
        assert_eq!(lane("moments"), None);
    }

    #[test]
    fn emotions_are_numbers_or_scale_words() {
        let value = |cell: &str| emotion(cell).map(|e| e.map(|(s, n)| (s.value(), n)));
        assert_eq!(
            value("-1: Frustrated: no hours"),
            Ok(Some((-1, "Frustrated: no hours".to_owned())))
        );
        assert_eq!(value("+2"), Ok(Some((2, String::new()))));
        assert_eq!(value("\u{2212}1: lost"), Ok(Some((-1, "lost".to_owned()))));
        assert_eq!(value("\u{2212}2 very negative"), Ok(Some((-2, String::new()))));
        assert_eq!(value("Very Positive: great"), Ok(Some((2, "great".to_owned()))));
        assert_eq!(value("-2 very negative: cart"), Ok(Some((-2, "cart".to_owned()))));
        assert_eq!(value(""), Ok(None));
        assert!(value("frustrated").is_err());
        assert!(value("3").is_err());
        assert!(value("1 negative").is_err(), "a number and a word that disagree");
    }

    #[test]
    fn list_cells_split_on_lines_and_semicolons() {
        assert_eq!(
            items("• Search ad\n- Maps; Instagram;;\n"),
            ["Search ad", "Maps", "Instagram"]
        );
        assert_eq!(items("-20% off shown too late"), ["-20% off shown too late"]);
    }
}
