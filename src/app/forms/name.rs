//! One-name forms: a channel to add or rename (renaming reaches every note, friction
//! point and plan entry), and the observer's name, asked once and remembered.

use super::{FormPurpose, Outcome, ReadyForm};
use crate::app::form::{Field, Form};
use crate::model::{Edit, JourneyMap, channel_index, channels};

/// The one field of these forms.
const NAME: &str = "name";
/// The form adding a channel (`at` None) or renaming channel `at`.
pub fn channel_form(map: &JourneyMap, at: Option<usize>) -> Option<ReadyForm> {
    let (title, name) = match at {
        Some(c) => (
            "Rename the channel everywhere",
            map.shadow.channels.get(c)?.as_str(),
        ),
        None => ("Add a channel", ""),
    };
    Some((
        Form::new(title.to_owned(), vec![Field::text(NAME, "Channel", name, false)]),
        FormPurpose::Channel { at },
    ))
}

/// The form asking who writes the notes, before the first one.
pub fn observer_form(suggestion: &str) -> ReadyForm {
    (
        Form::new(
            "Your name, signed on your shadow notes (asked once)".to_owned(),
            vec![Field::text(NAME, "Observer", suggestion, false)],
        ),
        FormPurpose::Observer,
    )
}

pub(super) fn channel_outcome(
    map: &JourneyMap,
    at: Option<usize>,
    form: &mut Form,
) -> Result<Outcome, String> {
    let name = form.text(NAME).trim().to_owned();
    if name.is_empty() {
        return Err("A channel needs a name (website, store, call…)".to_owned());
    }
    match at {
        None => {
            if let Some(existing) = channel_index(&map.shadow.channels, &name) {
                return Err(format!(
                    "The map already has the channel “{}”",
                    map.shadow.channels[existing]
                ));
            }
            let mut list = map.shadow.channels.clone();
            list.push(name);
            Ok(Outcome::Edit(Edit::SetChannels(list), "add channel"))
        }
        Some(c) => {
            let Some(old) = map.shadow.channels.get(c) else {
                return Ok(Outcome::Unchanged);
            };
            let other = map
                .shadow
                .channels
                .iter()
                .enumerate()
                .find(|(i, existing)| *i != c && existing.to_lowercase() == name.to_lowercase());
            match other {
                // Channels match without regard to case: a near twin is refused, as when adding.
                Some((_, existing)) if *existing != name => Err(format!(
                    "The map already has the channel “{existing}”: type it as written to merge"
                )),
                Some((_, existing)) => Ok(Outcome::MergeChannels {
                    from: old.clone(),
                    into: existing.clone(),
                }),
                None => Ok(channels::rename(map, old, &name)
                    .map_or(Outcome::Unchanged, |edit| Outcome::Edit(edit, "rename channel"))),
            }
        }
    }
}

pub(super) fn observer_outcome(form: &Form) -> Result<Outcome, String> {
    let name = form.text(NAME).trim().to_owned();
    if name.is_empty() {
        return Err("Your name, or initials: it tells the team who saw what".to_owned());
    }
    Ok(Outcome::Observer(name))
}
