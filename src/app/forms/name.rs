//! One-name forms: a channel to add or rename (renaming reaches every note, friction
//! point and plan entry) and a friction point's owner (completing the owners the map
//! names).

use super::{FormPurpose, Outcome, ReadyForm};
use crate::app::completion::Completion;
use crate::app::form::{Field, Form};
use crate::app::names::Names;
use crate::model::{Edit, Item, JourneyMap, channel_index, channels};

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

/// The form giving friction point `at` of stage `stage` its owner; Tab completes the
/// owners the map already names.
pub fn owner_form(map: &JourneyMap, names: &Names, stage: usize, at: usize) -> Option<ReadyForm> {
    let friction = map.stages.get(stage)?.frictions.get(at)?;
    let title = format!(
        "Owner of “{}”",
        crate::text::display::truncate(&crate::text::display::clean_line(&friction.text), 40)
    );
    let field = Field::text(NAME, "Owner", &friction.owner, false)
        .completing(Completion::Names(names.owners()))
        .suggested();
    Some((Form::new(title, vec![field]), FormPurpose::Owner { stage, at }))
}

/// The friction point with its new owner (spelled as the map already spells that person);
/// an empty name leaves it without one.
pub(super) fn owner_outcome(
    map: &JourneyMap,
    names: &Names,
    stage: usize,
    at: usize,
    form: &Form,
) -> Outcome {
    let Some(friction) = map.stages.get(stage).and_then(|s| s.frictions.get(at)) else {
        return Outcome::Unchanged;
    };
    let typed = form.text(NAME).trim();
    let owner = names
        .owners()
        .into_iter()
        .find(|o| channels::same(o, typed))
        .unwrap_or_else(|| typed.to_owned());
    if owner == friction.owner {
        return Outcome::Unchanged;
    }
    let item = Item::Friction(crate::model::Friction {
        owner,
        ..friction.clone()
    });
    Outcome::Edit(Edit::ReplaceItem { stage, at, item }, "owner")
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
                .find(|(i, existing)| *i != c && channels::same(existing, &name));
            match other {
                // A twin (case, spaces and hyphens aside) is the same channel: merge them.
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
