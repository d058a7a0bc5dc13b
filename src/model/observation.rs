//! The observation coach: whether a friction point's text reads like a solution (an
//! instruction, a proposal, advice) instead of saying what happened. It judges each
//! sentence by its opening, its subject and its modal verbs, and never by words inside
//! quotation marks or after a reporting verb ("the sign says returns must …").

use std::borrow::{Borrow, Cow};

use super::coach_words::{
    COMPARATIVES, FILLERS, FINITE, IMPROVES, INSTRUCTIONS, LACKS, OBJECT_STARTS, PARTICLES, PEOPLE, PICKED,
    PLAIN_VERBS, REMEDIES, REPORTING, THOUGHTS, WISHES, WISHFUL,
};

/// Why a text reads like a solution: the words that give it away and what they do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Advice {
    /// The giveaway as written ("Add", "we could", "should").
    pub phrase: String,
    /// What the phrase does, to finish "it …": "starts with an instruction".
    pub why: &'static str,
}

impl Advice {
    /// The coach's sentence for the user: what gave it away, and what to do instead.
    pub fn message(&self) -> String {
        format!(
            "reads like a solution (\"{}\" {}): say what happened; the fix belongs in the stage's opportunities",
            self.phrase, self.why
        )
    }
}

/// The first way `text` reads like a solution rather than an observation, if any.
pub fn reads_like_solution(text: &str) -> Option<Advice> {
    let unquoted = without_quotations(text);
    sentences(&unquoted).find_map(|sentence| judge_sentence(&sentence))
}

/// The text with every quotation ("…", “…”, ‘…’, '…', «…», „…“) replaced by a marker
/// word, so nothing said by a sign or a person is judged. An unclosed quotation runs to
/// the end.
fn without_quotations(text: &str) -> Cow<'_, str> {
    if !text.contains(['"', '“', '„', '«', '‘', '\'']) {
        return Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let before = i.checked_sub(1).map(|p| chars[p]);
        let after = chars.get(i + 1).copied();
        let opens_word =
            before.is_none_or(|b| !b.is_alphanumeric()) && after.is_some_and(|a| !a.is_whitespace());
        let close = match c {
            '"' => Some('"'),
            '“' => Some('”'),
            '„' => Some('“'),
            '«' => Some('»'),
            '‘' => Some('’'),
            '\'' if opens_word => Some('\''),
            _ => None,
        };
        let Some(close) = close else {
            out.push(c);
            i += 1;
            continue;
        };
        // A closing single quote must end a word, so "don't" inside stays inside.
        let end = (i + 1..chars.len()).find(|&j| {
            chars[j] == close
                && (close != '\'' && close != '’' || chars.get(j + 1).is_none_or(|n| !n.is_alphanumeric()))
        });
        out.push_str(" QUOTED ");
        i = end.map_or(chars.len(), |j| j + 1);
    }
    Cow::Owned(out)
}

/// The sentences of a text, each as its lower-case words with their written form. A word
/// borrows its text unless it has to differ (a ’ read as ', upper case lowered).
fn sentences<'t>(text: &'t str) -> impl Iterator<Item = Vec<Word<'t>>> + 't {
    let mut sentences = Vec::new();
    let mut current = Vec::new();
    // Where the word being read began (its characters are contiguous in `text`).
    let mut word: Option<usize> = None;
    let mut clause = 0;
    let flush = |word: &mut Option<usize>, end: usize, current: &mut Vec<Word<'t>>, clause: usize| {
        let Some(start) = word.take() else {
            return;
        };
        let raw = &text[start..end];
        let written: Cow<'t, str> = if raw.contains('’') {
            Cow::Owned(raw.replace('’', "'").trim_matches('\'').to_owned())
        } else {
            Cow::Borrowed(raw.trim_matches('\''))
        };
        if written.is_empty() {
            return;
        }
        let lower = match &written {
            Cow::Borrowed(w) if !w.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) => {
                Cow::Borrowed(*w)
            }
            w => Cow::Owned(w.to_lowercase()),
        };
        current.push(Word {
            written,
            lower,
            clause,
        });
    };
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let c = if c == '’' { '\'' } else { c };
        if c.is_alphanumeric() || c == '\'' || (c == '-' && word.is_some()) {
            word.get_or_insert(i);
            continue;
        }
        flush(&mut word, i, &mut current, clause);
        let ends =
            matches!(c, '.' | '!' | '?' | '\n') && chars.peek().is_none_or(|&(_, n)| n.is_whitespace());
        if ends || c == ';' {
            sentences.push(std::mem::take(&mut current));
            clause = 0;
        } else if matches!(c, ':' | ',' | '—' | '–') {
            clause += 1;
        }
    }
    flush(&mut word, text.len(), &mut current, clause);
    sentences.push(current);
    sentences.into_iter().filter(|s| !s.is_empty())
}

/// One word of a sentence: as written, in lower case, and which clause (split at `:`, `,`
/// and dashes) it is in.
#[derive(Debug, Clone)]
struct Word<'a> {
    written: Cow<'a, str>,
    lower: Cow<'a, str>,
    clause: usize,
}

fn is(word: Option<&Word>, list: &[&str]) -> bool {
    word.is_some_and(|w| list.contains(&w.lower.as_ref()))
}

fn says(word: Option<&Word>, text: &str) -> bool {
    word.is_some_and(|w| w.lower == text)
}

/// Whether the words state what is or was: a finite verb, or a plain verb after a plural
/// or pronoun subject ("emails arrive", "nothing happens").
fn has_statement<'w, W: Borrow<Word<'w>>>(words: &[W]) -> bool {
    words.iter().enumerate().any(|(i, w)| {
        let previous = i.checked_sub(1).map(|p| words[p].borrow().lower.as_ref());
        let w = w.borrow().lower.as_ref();
        let after_pronoun = previous.is_some_and(|p| {
            [
                "it",
                "nothing",
                "everything",
                "that",
                "this",
                "which",
                "who",
                "he",
                "she",
                "there",
            ]
            .contains(&p)
        }) && (w.ends_with('s') || w.ends_with("ed"));
        let after_plural = previous.is_some_and(|p| p.len() > 3 && p.ends_with('s') && p != "this")
            && PLAIN_VERBS.contains(&w);
        FINITE.contains(&w) || after_pronoun || after_plural || (i > 1 && w.len() > 4 && w.ends_with("ed"))
    })
}

fn advice(phrase: String, why: &'static str) -> Option<Advice> {
    Some(Advice { phrase, why })
}

fn judge_sentence(words: &[Word]) -> Option<Advice> {
    // What a sign or person said is not the writer's advice: stop at the reporting verb.
    let reported = words
        .iter()
        .enumerate()
        .position(|(i, w)| i > 0 && REPORTING.contains(&w.lower.as_ref()))
        .unwrap_or(words.len());
    let own = &words[..reported];
    judge_opening(words, own).or_else(|| judge_modals(own))
}

/// An opening that instructs or wishes: "Add …", "Let's …", "Why not …", "Better …".
fn judge_opening(words: &[Word], own: &[Word]) -> Option<Advice> {
    if let Some(first) = words.first().filter(|w| is(Some(w), WISHFUL)) {
        return advice(first.written.as_ref().to_owned(), "wishes for a change");
    }
    let start = words.iter().position(|w| !FILLERS.contains(&w.lower.as_ref()))?;
    let first = &words[start];
    let next = words.get(start + 1);
    let rest = &words[start + 1..];
    let phrase = |n: usize| {
        words[start..(start + n).min(words.len())]
            .iter()
            .map(|w| w.written.as_ref())
            .collect::<Vec<_>>()
            .join(" ")
    };
    match first.lower.as_ref() {
        "let's" | "lets" => return advice(phrase(1), "proposes what to do"),
        "let" if says(next, "us") => return advice(phrase(2), "proposes what to do"),
        "why" if says(next, "not") => return advice(phrase(2), "proposes what to do"),
        "should" | "could" | "would" | "must" | "might" if !says(next, "not") && !says(next, "have") => {
            return advice(phrase(1), "asks for a change");
        }
        "need" | "needs" => return advice(phrase(1), "asks for a change"),
        "recommendation" | "recommendations" | "suggestion" | "suggestions" | "proposal" => {
            return advice(phrase(1), "proposes what to do");
        }
        "don't" if is(next, INSTRUCTIONS) => return advice(phrase(2), "starts with an instruction"),
        "do" if says(next, "not") && is(words.get(start + 2), INSTRUCTIONS) => {
            return advice(phrase(3), "starts with an instruction");
        }
        _ => {}
    }
    if is(Some(first), COMPARATIVES) && !has_statement(own) {
        return advice(phrase(1), "asks for a change");
    }
    if !is(Some(first), INSTRUCTIONS) {
        return None;
    }
    // Steps written as instructions and then what happened ("Open the app, tap Returns:
    // nothing happens") are an observation: a later clause states something.
    let later_clauses: Vec<&Word<'_>> = rest.iter().filter(|w| w.clause > first.clause).collect();
    if has_statement(&later_clauses) {
        return None;
    }
    let first_clause: Vec<&Word<'_>> = rest.iter().filter(|w| w.clause == first.clause).collect();
    let instructs = if is(next, PARTICLES) {
        !has_statement(&first_clause)
    } else {
        is(next, OBJECT_STARTS) || !has_statement(&first_clause)
    };
    instructs.then(|| Advice {
        phrase: phrase(1),
        why: "starts with an instruction",
    })
}

/// Modal advice in the writer's own words: "should", "ought to", "we could", "it would be
/// better", "needs to", "we recommend", "we will", "would help", "is the fix", "staff
/// need training".
fn judge_modals(own: &[Word]) -> Option<Advice> {
    let thought = |i: usize| own[..i].iter().any(|w| is(Some(w), THOUGHTS));
    for (i, word) in own.iter().enumerate() {
        let previous = i.checked_sub(1).map(|p| &own[p]);
        let next = own.get(i + 1);
        let after = own.get(i + 2);
        let pair = || format!("{} {}", word.written, next.map_or("", |n| n.written.as_ref()));
        let with_previous = || format!("{} {}", previous.map_or("", |p| p.written.as_ref()), word.written);
        let we = ["we", "i", "i'd", "we'd", "you"]
            .iter()
            .any(|s| says(previous, s));
        match word.lower.as_ref() {
            "should" | "shouldn't" if !says(next, "have") && !says(next, "'ve") => {
                return advice(word.written.as_ref().to_owned(), "asks for a change");
            }
            "ought" if says(next, "to") && !says(after, "have") => {
                return advice(pair(), "asks for a change");
            }
            "need" | "needs" if says(next, "to") && !is(previous, PEOPLE) => {
                return advice(pair(), "asks for a change");
            }
            "need" | "needs" if is(next, LACKS) && !is(previous, PEOPLE) => {
                return advice(pair(), "asks for a change");
            }
            "would" | "could" | "might" | "may" if is(next, IMPROVES) && !thought(i) => {
                return advice(pair(), "promises an improvement");
            }
            "is" | "are" | "be" if own[i + 1..].iter().take(3).any(|w| is(Some(w), REMEDIES)) => {
                return advice(with_previous(), "names a fix");
            }
            _ if is(Some(word), REMEDIES) && is(previous, PICKED) => {
                return advice(with_previous(), "names a fix");
            }
            "need" if says(previous, "we") => return advice(with_previous(), "asks for a change"),
            "must" if says(previous, "we") || is(next, INSTRUCTIONS) => {
                return advice(word.written.as_ref().to_owned(), "asks for a change");
            }
            "could" if !says(next, "not") && (says(previous, "we") || is(next, INSTRUCTIONS)) => {
                return advice(with_previous(), "proposes what to do");
            }
            "would" | "'d" | "it'd" if says(next, "be") && is(after, WISHES) => {
                return advice(
                    format!("{} {}", pair(), after.map_or("", |a| a.written.as_ref())),
                    "wishes for a change",
                );
            }
            "would" if we && !says(next, "have") && !says(next, "not") => {
                return advice(with_previous(), "proposes what to do");
            }
            "recommend" | "suggest" | "propose" | "advise" if we || i == 0 || says(previous, "would") => {
                return advice(with_previous(), "proposes what to do");
            }
            "will" | "'ll" if says(previous, "we") => return advice(with_previous(), "promises a change"),
            "we'll" | "we'd" if is(next, INSTRUCTIONS) || is(next, &["suggest", "recommend"]) => {
                return advice(pair(), "promises a change");
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flagged(text: &str) -> Option<String> {
        reads_like_solution(text).map(|a| a.phrase)
    }

    #[test]
    fn quotations_are_never_judged() {
        assert_eq!(without_quotations("a 'b c' d"), "a  QUOTED  d");
        assert_eq!(without_quotations("don't 'x' it's"), "don't  QUOTED  it's");
        assert_eq!(without_quotations("say “add it” now"), "say  QUOTED  now");
        assert_eq!(flagged("The poster: “You should add our app”"), None);
        assert_eq!(flagged("\"Improve your order\" is the button label"), None);
    }

    #[test]
    fn the_giveaway_is_named_as_written() {
        assert_eq!(flagged("Add live chat").as_deref(), Some("Add"));
        assert_eq!(
            flagged("We could offer returns in store").as_deref(),
            Some("We could")
        );
        assert_eq!(
            flagged("It would be better to list fees").as_deref(),
            Some("would be better")
        );
        assert_eq!(flagged("The page SHOULD list fees").as_deref(), Some("SHOULD"));
        let advice = reads_like_solution("Let's add a stock checker").unwrap();
        assert!(
            advice
                .message()
                .starts_with("reads like a solution (\"Let's\" proposes"),
            "{}",
            advice.message()
        );
    }

    #[test]
    fn every_sentence_is_judged() {
        assert_eq!(
            flagged("The fee shows at the last step. Show it earlier.").as_deref(),
            Some("Show")
        );
        assert_eq!(flagged("The fee shows at the last step. It costs R60."), None);
    }
}
