//! The notes pane's filter form: stage, channel, observer and text, each "any" or empty
//! by default.

use super::{FormPurpose, Outcome, ReadyForm};
use crate::app::choices::Choices;
use crate::app::form::{Field, Form};
use crate::app::shadow::NoteFilter;
use crate::model::{Coverage, JourneyMap};

const STAGE: &str = "stage";
const CHANNEL: &str = "channel";
const OBSERVER: &str = "observer";
const TEXT: &str = "text";
const ANY: &str = "any";

/// The form, showing `current`; the channels are the coverage's (the list and any used).
pub fn note_filter_form(map: &JourneyMap, coverage: &Coverage, current: &NoteFilter) -> ReadyForm {
    let stage = current
        .stage
        .as_ref()
        .and_then(|id| map.stage_position(id))
        .map_or(0, |s| s + 1);
    let channels = std::iter::once(ANY.to_owned())
        .chain(coverage.channels.iter().cloned())
        .collect();
    let channel = current
        .channel
        .as_ref()
        .and_then(|c| coverage.channels.iter().position(|x| x.eq_ignore_ascii_case(c)))
        .map_or(0, |c| c + 1);
    let fields = vec![
        Field::choice_among(STAGE, "Stage", Choices::stages(Some(ANY), &map.stages), stage),
        Field::choice(CHANNEL, "Channel", channels, channel),
        Field::text(
            OBSERVER,
            "Observer",
            current.observer.as_deref().unwrap_or_default(),
            false,
        ),
        Field::text(TEXT, "Text", current.text.as_deref().unwrap_or_default(), false),
    ];
    (
        Form::new("Filter the shadow notes".to_owned(), fields),
        FormPurpose::NoteFilter,
    )
}

pub(super) fn outcome(map: &JourneyMap, coverage: &Coverage, form: &Form) -> Outcome {
    let pick = |name: &str| form.choice(name).checked_sub(1);
    let typed = |name: &str| {
        let text = form.text(name).trim();
        (!text.is_empty()).then(|| text.to_owned())
    };
    Outcome::NoteFilter(NoteFilter {
        stage: pick(STAGE).and_then(|s| map.stages.get(s)).map(|s| s.id.clone()),
        channel: pick(CHANNEL).and_then(|c| coverage.channels.get(c).cloned()),
        observer: typed(OBSERVER),
        text: typed(TEXT),
    })
}
