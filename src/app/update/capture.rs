//! Quick capture: a friction point typed with trailing tags (`!3 #store @Ana`) takes its
//! severity, channel and owner from them. A channel is matched against the map's ignoring
//! case, spaces and hyphens; one the map does not know joins its list, and the status
//! bar says so.

use crate::app::names::Names;
use crate::model::capture::Capture;
use crate::model::{Edit, Friction, JourneyMap, channels};

/// What a friction point's tags did.
#[derive(Debug, Default)]
pub(super) struct Tagged {
    /// Edits to make with the friction point's own (a new channel joining the list).
    pub with: Vec<Edit>,
    /// What the tags set, in words, for the status bar (a channel that joins the map's
    /// list said as new); empty when there were none.
    pub said: String,
}

/// Sets `friction`'s text and tagged fields from the typed `line`; refused when the line
/// holds tags and nothing else.
pub(super) fn read_tags(
    map: &JourneyMap,
    names: &Names,
    line: &str,
    friction: &mut Friction,
) -> Result<Tagged, String> {
    let capture = Capture::parse(line);
    let text = capture.text.trim_end();
    if text.trim().is_empty() {
        return Err(if capture.has_tags() {
            format!("Say what happened before the tags ({})", capture.describe())
        } else {
            "A friction point needs its text: what happened?".to_owned()
        });
    }
    friction.text = text.to_owned();
    let mut tagged = Tagged::default();
    let mut said = Vec::new();
    if let Some(severity) = capture.severity {
        friction.severity = severity;
        said.push(format!("severity {}", severity.number()));
    }
    // A tag is the room's word: "#app" is the map's "Mobile app" when nothing else fits.
    let known = capture
        .channel
        .as_ref()
        .map(|_| names.channels(map))
        .unwrap_or_default();
    let channel = capture
        .channel
        .as_deref()
        .map(|typed| channels::resolve(&known, typed).unwrap_or(typed));
    if let Some(adopted) = channel.and_then(|typed| channels::adopt_among(map, typed, || known.clone())) {
        friction.channel = adopted.name.clone();
        tagged.with.extend(adopted.edit);
        said.push(if adopted.new {
            format!("new channel “{}”", adopted.name)
        } else {
            adopted.name
        });
    }
    if let Some(typed) = capture.owner {
        let owners = names.owners();
        friction.owner = channels::resolve(&owners, &typed).map_or(typed.clone(), str::to_owned);
        said.push(format!("@{}", friction.owner));
    }
    tagged.said = said.join(", ");
    Ok(tagged)
}
