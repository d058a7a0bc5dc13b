//! Completing names as they are typed: a friction point's or a note's `#channel` and
//! `@owner` tags, and fields that name a channel or an owner, from the names the map
//! already uses (matched ignoring case, spaces and hyphens, so the room's "email" is the
//! map's "E-mail").

use super::names::Names;
use crate::model::capture::{OpenTag, TagKind, open_tag, tag_for};
use crate::model::{JourneyMap, channels};
use crate::text::input::TextInput;

/// The names tags complete to: the map's channels (its list and any used) and owners,
/// read once when the editor or form opens.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TagNames {
    pub channels: Vec<String>,
    pub owners: Vec<String>,
}

impl TagNames {
    /// The names `map` offers (`names` holds them, up to date with it).
    pub fn of(names: &Names, map: &JourneyMap) -> Self {
        Self {
            channels: names.channels(map),
            owners: names.owners(),
        }
    }

    fn of_kind(&self, kind: TagKind) -> &[String] {
        match kind {
            TagKind::Channel => &self.channels,
            TagKind::Owner => &self.owners,
        }
    }
}

/// Repeated completion: what was typed before the first Tab, the name put in last, and
/// which match the next Tab takes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cycle(Option<(String, String, usize)>);

/// What Tab did to the tag being typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Completed {
    /// The tag now names `name`; `others` more match what was typed.
    Name { name: String, others: usize },
    /// Nothing the map knows matches: the tag makes a new channel or owner.
    New { kind: TagKind, typed: String },
    /// The cursor is not at the end of a `#` or `@` tag.
    NoTag,
}

/// The `#` or `@` tag the cursor of `input` is at the end of, and the names it may
/// complete to, best first.
pub fn tag_matches<'a>(input: &'a TextInput, names: &'a TagNames) -> Option<(OpenTag<'a>, Vec<&'a str>)> {
    let tag = open_tag(&input.text()[..input.cursor()])?;
    let typed = tag.typed.replace('_', " ");
    Some((tag, channels::complete(names.of_kind(tag.kind), &typed)))
}

/// Completes the tag being typed in `input` to the first name that matches it; Tab again
/// (the tag unchanged since) takes the next one, round the matches.
pub fn complete_tag(input: &mut TextInput, names: &TagNames, cycle: &mut Cycle) -> Completed {
    let Some(tag) = open_tag(&input.text()[..input.cursor()]) else {
        return Completed::NoTag;
    };
    let (kind, start) = (tag.kind, tag.start);
    let again = cycle.0.as_ref().filter(|(_, put, _)| *put == tag.typed);
    let typed = again.map_or_else(|| tag.typed.replace('_', " "), |(typed, _, _)| typed.clone());
    let next = again.map_or(0, |(_, _, next)| *next);
    let matches = channels::complete(names.of_kind(kind), &typed);
    let Some(name) = matches.get(next % matches.len().max(1)).map(|n| (*n).to_owned()) else {
        cycle.0 = None;
        return Completed::New { kind, typed };
    };
    let written = tag_for(kind, &name);
    input.replace_before_cursor(start, &written);
    cycle.0 = Some((typed, written[1..].to_owned(), next + 1));
    Completed::Name {
        name,
        others: matches.len() - 1,
    }
}

/// What a field's Tab completes from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Completion {
    #[default]
    Nothing,
    /// The whole field names one of these (a channel, an owner).
    Names(Vec<String>),
    /// The field's text may end in `#channel` and `@owner` tags.
    Tags(TagNames),
}

/// The names a field naming one of `names` may complete to: none when it is empty or
/// already spelled as the first match.
pub fn name_matches<'a>(input: &TextInput, names: &'a [String]) -> Vec<&'a str> {
    let typed = input.text().trim();
    if typed.is_empty() {
        return Vec::new();
    }
    let matches = channels::complete(names, typed);
    if matches.first() == Some(&typed) {
        return Vec::new();
    }
    matches
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_matches_until_it_is_spelled_as_the_map_spells_it() {
        let names = vec!["E-mail".to_owned(), "Email list".to_owned(), "Store".to_owned()];
        let input = TextInput::new("email", false);
        assert_eq!(name_matches(&input, &names), ["E-mail", "Email list"]);
        assert!(name_matches(&TextInput::new("E-mail", false), &names).is_empty());
        assert!(name_matches(&TextInput::new(" ", false), &names).is_empty());
        assert!(name_matches(&TextInput::new("fax", false), &names).is_empty());
    }
}
