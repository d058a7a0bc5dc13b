//! Quick capture: the tags a facilitator types after an item's text, the way people tag
//! in chat (`Queue of nine at the till !3 #store @Ana`): `!1`–`!3` severity, `#channel`,
//! `@owner`. Only a trailing run of tags counts, so a `#` or `@` inside the text stays.

use super::friction::Severity;

/// What a typed line says: the text without its tags, and the fields the tags set.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Capture {
    pub text: String,
    pub severity: Option<Severity>,
    /// The channel as typed, with `_` read as a space (match it with `channels::adopt`).
    pub channel: Option<String>,
    /// The owner as typed, with `_` read as a space.
    pub owner: Option<String>,
}

/// The kind of a name tag, for completing it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TagKind {
    /// `#channel`
    Channel,
    /// `@owner`
    Owner,
}

impl TagKind {
    /// The character that starts the tag.
    pub fn sigil(self) -> char {
        match self {
            TagKind::Channel => '#',
            TagKind::Owner => '@',
        }
    }
}

/// A name tag at the end of a line that is still being typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpenTag<'a> {
    pub kind: TagKind,
    /// Byte position of the sigil in the line.
    pub start: usize,
    /// What follows the sigil so far.
    pub typed: &'a str,
}

/// One word read as a tag.
enum Tag {
    Severity(Severity),
    Name(TagKind, String),
}

/// Punctuation a sentence may leave after a tag ("… #store.").
const TRAILING: &[char] = &['.', ',', ';', ':'];

fn tag(word: &str) -> Option<Tag> {
    let mut chars = word.chars();
    let kind = match chars.next()? {
        '!' => {
            let n = chars.as_str().parse::<i64>().ok().filter(|_| word.len() == 2)?;
            return Severity::from_number(n).map(Tag::Severity);
        }
        '#' => TagKind::Channel,
        '@' => TagKind::Owner,
        _ => return None,
    };
    let name = chars.as_str().trim_end_matches(TRAILING);
    let named = name.chars().any(char::is_alphabetic) && !name.contains(['#', '@']);
    named.then(|| Tag::Name(kind, name.replace('_', " ")))
}

/// The word a backslash keeps as text: `\#1` is `#1` (a backslash before `#`, `@` or `!`).
fn escaped(word: &str) -> Option<&str> {
    word.strip_prefix('\\')
        .filter(|rest| rest.starts_with(['#', '@', '!']))
}

/// The start of the last word of `line[..end]` (which ends in a non-space).
fn word_start(line: &str, end: usize) -> usize {
    line[..end]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8())
}

impl Capture {
    /// Reads the trailing tags of `line`. The last tag of a kind wins; the first word
    /// that is not a tag ends the run. A tag written `\#store` stays in the text as
    /// `#store`.
    pub fn parse(line: &str) -> Capture {
        let mut capture = Capture::default();
        let mut end = line.trim_end().len();
        let mut kept_word = None;
        while end > 0 {
            let start = word_start(line, end);
            let word = &line[start..end];
            match tag(word) {
                Some(Tag::Severity(severity)) => {
                    capture.severity.get_or_insert(severity);
                }
                Some(Tag::Name(TagKind::Channel, name)) => {
                    capture.channel.get_or_insert(name);
                }
                Some(Tag::Name(TagKind::Owner, name)) => {
                    capture.owner.get_or_insert(name);
                }
                None => {
                    if let Some(literal) = escaped(word) {
                        kept_word = Some((start, literal));
                    }
                    break;
                }
            }
            end = line[..start].trim_end().len();
        }
        capture.text = match kept_word {
            Some((start, literal)) => format!("{}{literal}", &line[..start]),
            None => line[..end].to_owned(),
        };
        capture
    }

    /// Whether any tag was given.
    pub fn has_tags(&self) -> bool {
        self.severity.is_some() || self.channel.is_some() || self.owner.is_some()
    }

    /// The tags in words, e.g. "severity 3 severe, channel Store, owner Ana".
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(severity) = self.severity {
            parts.push(format!("severity {} {}", severity.number(), severity.word()));
        }
        if let Some(channel) = &self.channel {
            parts.push(format!("channel {channel}"));
        }
        if let Some(owner) = &self.owner {
            parts.push(format!("owner {owner}"));
        }
        parts.join(", ")
    }
}

/// The last word of `line` that reads as a tag but stays text because words follow it
/// (tags count only at the end), and the word after it: for saying so while typing.
pub fn stray_tag(line: &str) -> Option<(&str, &str)> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let capture = Capture::parse(line);
    let kept = capture.text.split_whitespace().count();
    (0..kept.min(words.len()).saturating_sub(1))
        .rev()
        .find(|&i| tag(words[i]).is_some())
        .map(|i| (words[i], words[i + 1]))
}

/// The `#` or `@` tag the line ends in, while it is typed (for completion): the line's
/// last word, after a space or at the start.
pub fn open_tag(line: &str) -> Option<OpenTag<'_>> {
    let start = word_start(line, line.len());
    let word = &line[start..];
    let kind = match word.chars().next()? {
        '#' => TagKind::Channel,
        '@' => TagKind::Owner,
        _ => return None,
    };
    let typed = &word[1..];
    (!typed.contains(['#', '@'])).then_some(OpenTag { kind, start, typed })
}

/// `name` written as a tag of `kind` that reads back as `name` (spaces become `_`).
pub fn tag_for(kind: TagKind, name: &str) -> String {
    let joined: String = name.split_whitespace().collect::<Vec<_>>().join("_");
    format!("{}{joined}", kind.sigil())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(line: &str) -> (String, Option<u8>, Option<String>, Option<String>) {
        let c = Capture::parse(line);
        (c.text, c.severity.map(Severity::number), c.channel, c.owner)
    }

    fn some(s: &str) -> Option<String> {
        Some(s.to_owned())
    }

    #[test]
    fn trailing_tags_set_severity_channel_and_owner_and_leave_the_text() {
        assert_eq!(
            parse("Queue of nine at the till !3 #store @Ana"),
            (
                "Queue of nine at the till".into(),
                Some(3),
                some("store"),
                some("Ana")
            )
        );
        assert_eq!(
            parse("Hours differ  @Ben   #email   !1  "),
            ("Hours differ".into(), Some(1), some("email"), some("Ben"))
        );
        let plain = parse("The menu is only a PDF");
        assert_eq!(plain, ("The menu is only a PDF".into(), None, None, None));
        assert!(!Capture::parse("The menu is only a PDF").has_tags());
    }

    #[test]
    fn only_the_trailing_run_counts() {
        assert_eq!(
            parse("Tagged #sundaycoffee on Instagram !2"),
            ("Tagged #sundaycoffee on Instagram".into(), Some(2), None, None)
        );
        assert_eq!(
            parse("Write to help@shop.example @Ana"),
            ("Write to help@shop.example".into(), None, None, some("Ana"))
        );
    }

    #[test]
    fn words_that_only_look_like_tags_stay_text() {
        for line in [
            "Sold out!",
            "Ranked #1",
            "Priority !4",
            "Priority !0",
            "Price !33",
            "A lone #",
            "A lone @",
            "Two ## signs",
            "Mail to @@x",
            "Hash #a#b",
        ] {
            let capture = Capture::parse(line);
            assert_eq!(capture.text, line, "{line}");
            assert!(!capture.has_tags(), "{line}");
        }
    }

    #[test]
    fn underscores_are_spaces_and_sentence_punctuation_is_dropped() {
        assert_eq!(
            parse("Call dropped #Contact-centre_call @Ana_Silva."),
            (
                "Call dropped".into(),
                None,
                some("Contact-centre call"),
                some("Ana Silva")
            )
        );
    }

    #[test]
    fn the_last_tag_of_a_kind_wins() {
        assert_eq!(
            parse("Slow !1 #web !3 #store"),
            ("Slow".into(), Some(3), some("store"), None)
        );
    }

    #[test]
    fn a_backslash_keeps_a_tag_as_text_and_ends_the_run() {
        assert_eq!(parse("Ranked \\#1 !2"), ("Ranked #1".into(), Some(2), None, None));
        assert_eq!(
            parse("Posted under \\#sundaycoffee #social"),
            ("Posted under #sundaycoffee".into(), None, some("social"), None)
        );
        assert_eq!(parse("A path \\x"), ("A path \\x".into(), None, None, None));
    }

    #[test]
    fn tags_alone_leave_no_text() {
        assert_eq!(parse("!3 #store"), (String::new(), Some(3), some("store"), None));
        assert_eq!(parse(""), (String::new(), None, None, None));
    }

    #[test]
    fn multiline_text_keeps_its_lines() {
        assert_eq!(
            parse("First line\nsecond line\n!3"),
            ("First line\nsecond line".into(), Some(3), None, None)
        );
    }

    #[test]
    fn a_tag_followed_by_words_is_named_as_text() {
        assert_eq!(
            stray_tag("Fee on step 3 !2 #website @Checkout squad"),
            Some(("@Checkout", "squad"))
        );
        assert_eq!(stray_tag("Queue !3 #store @Ana"), None);
        assert_eq!(stray_tag("Tagged #sunday on Insta !1"), Some(("#sunday", "on")));
        assert_eq!(stray_tag("Plain text"), None);
    }

    #[test]
    fn describes_what_the_tags_set() {
        let capture = Capture::parse("x !3 #Store @Ana");
        assert_eq!(capture.describe(), "severity 3 severe, channel Store, owner Ana");
    }

    #[test]
    fn the_open_tag_is_the_last_word_when_it_starts_with_a_sigil() {
        assert_eq!(
            open_tag("Queue !3 #sto"),
            Some(OpenTag {
                kind: TagKind::Channel,
                start: 9,
                typed: "sto"
            })
        );
        assert_eq!(
            open_tag("@").map(|t| (t.kind, t.typed)),
            Some((TagKind::Owner, ""))
        );
        assert_eq!(open_tag("Queue #store "), None, "a space ends the tag");
        assert_eq!(open_tag("mail help@shop"), None);
        assert_eq!(open_tag(""), None);
        assert_eq!(open_tag("café #é").map(|t| t.start), Some(6));
    }

    #[test]
    fn a_name_written_as_a_tag_reads_back_as_the_name() {
        for (kind, name) in [
            (TagKind::Channel, "Contact-centre call"),
            (TagKind::Owner, "Ana Silva"),
            (TagKind::Channel, "E-mail"),
        ] {
            let line = format!("Text {}", tag_for(kind, name));
            let capture = Capture::parse(&line);
            let read = match kind {
                TagKind::Channel => capture.channel,
                TagKind::Owner => capture.owner,
            };
            assert_eq!(read.as_deref(), Some(name));
        }
    }
}
