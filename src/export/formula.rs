//! CSV formula injection, neutralised as OWASP recommends: a text cell that a spreadsheet
//! would run as a formula (it starts with `=`, `+`, `-`, `@`, a tab or a carriage return)
//! is written with a `'` in front. To keep export → import exact, a cell that already
//! starts with `'`s before such a character gets one more, and import takes one away.

use std::borrow::Cow;

/// The first characters that make a spreadsheet read a cell as a formula.
const TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether `text` is some apostrophes (`at_least` or more) and then a trigger.
fn quoted_trigger(text: &str, at_least: usize) -> bool {
    let rest = text.trim_start_matches('\'');
    text.len() - rest.len() >= at_least && rest.starts_with(TRIGGERS)
}

/// The cell as written: `text`, with a `'` in front when a spreadsheet would run it.
pub fn defuse(text: &str) -> Cow<'_, str> {
    if quoted_trigger(text, 0) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The text of a cell [`defuse`] wrote: the `'` it added taken away.
pub fn restore(cell: &str) -> &str {
    if quoted_trigger(cell, 1) { &cell[1..] } else { cell }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_come_back_exactly() {
        for (text, written) in [
            (
                "=HYPERLINK(\"http://x\",\"y\")",
                "'=HYPERLINK(\"http://x\",\"y\")",
            ),
            ("+1", "'+1"),
            ("-2 stars", "'-2 stars"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tcmd", "'\tcmd"),
            ("\rcmd", "'\rcmd"),
            ("'=already quoted", "''=already quoted"),
            ("''@twice", "'''@twice"),
            ("'Tis the season", "'Tis the season"),
            ("plain = text", "plain = text"),
            ("", ""),
        ] {
            assert_eq!(defuse(text), written, "{text:?}");
            assert_eq!(restore(written), text, "{written:?}");
        }
    }
}
