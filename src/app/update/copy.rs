//! Copying out, as Markdown: the selected friction point as a ticket to file with the team
//! that must fix it, any other cell's whole stage, the memo from its preview. A ticket or a
//! stage is made here, the memo where it is copied; the terminal loop puts it on the
//! clipboard off the input thread and [`copied`] says where it went.

use std::sync::Arc;

use super::super::documents::{Clipping, Content};
use super::super::screen::View;
use super::super::{App, Effect, TerminalWork};
use crate::export::memo::MemoFormat;
use crate::export::{markdown, ticket};
use crate::model::Lane;
use crate::text::display::{clean_line, truncate};

/// How much of a friction point's text names it in the status bar.
const NAME_COLUMNS: usize = 24;

fn copy(what: String, text: String) -> Effect {
    Effect::Terminal(TerminalWork::Copy {
        what,
        text: Clipping::Text(text),
    })
}

/// The grid: the friction point under the cursor as a ticket, or else the stage.
pub(super) fn from_grid(app: &mut App) -> Effect {
    let (stage, item) = (app.cursor.stage, app.cursor.item);
    if app.cursor.lane == Lane::Friction {
        let has_point = app
            .doc()
            .and_then(|doc| doc.map.stages.get(stage))
            .is_some_and(|s| item < s.frictions.len());
        if has_point {
            return friction_point(app, stage, item);
        }
    }
    let Some(doc) = app.doc() else {
        return Effect::Nothing;
    };
    match doc.map.stages.get(stage) {
        Some(place) => copy(
            format!("stage {} {}", stage + 1, clean_line(&place.name)),
            markdown::stage_markdown(stage + 1, place),
        ),
        None => Effect::Nothing,
    }
}

/// Friction point `at` of stage `stage` as a ticket.
pub(super) fn friction_point(app: &mut App, stage: usize, at: usize) -> Effect {
    let Some(map) = app.doc().map(|doc| &doc.map) else {
        return Effect::Nothing;
    };
    let (Some(friction), Some(text)) = (
        map.stages.get(stage).and_then(|s| s.frictions.get(at)),
        ticket::friction_ticket(map, stage, at),
    ) else {
        return Effect::Nothing;
    };
    let name = friction.text.lines().next().unwrap_or_default();
    let name = truncate(&clean_line(name), NAME_COLUMNS).into_owned();
    copy(format!("the ticket for “{name}”"), text)
}

/// The memo as its preview shows it (with the preview's options), in Markdown: the map
/// is shared, not copied, and the memo made where it is copied.
pub(super) fn memo_preview(app: &mut App) -> Effect {
    let (Some(doc), Some(View::Memo(preview))) = (app.doc(), app.screen.view()) else {
        return Effect::Nothing;
    };
    Effect::Terminal(TerminalWork::Copy {
        what: "the friction memo".to_owned(),
        text: Clipping::Document(Content::Memo {
            map: Arc::clone(&doc.map),
            options: preview.options.clone(),
            format: MemoFormat::Markdown,
        }),
    })
}

/// Says what was copied and where it went, or why it was not.
pub fn copied(app: &mut App, what: &str, places: Result<Vec<String>, String>) {
    match places {
        Ok(places) => app.inform(format!("Copied {what} ({})", places.join(", "))),
        Err(why) => app.warn(format!("Could not copy {what}: {why}")),
    }
}
