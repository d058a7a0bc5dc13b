//! Copying out, as Markdown: the selected friction point as a ticket to file with the team
//! that must fix it, any other cell's whole stage, the memo from its preview. The text is
//! made here; the terminal loop puts it on the clipboard and [`copied`] says where it went.

use super::super::screen::View;
use super::super::{App, Effect, TerminalWork};
use crate::export::memo::{self, MemoFormat};
use crate::export::{markdown, ticket};
use crate::model::Lane;
use crate::text::display::{clean_line, truncate};

/// How much of a friction point's text names it in the status bar.
const NAME_COLUMNS: usize = 24;

fn copy(what: String, text: String) -> Effect {
    Effect::Terminal(TerminalWork::Copy { what, text })
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

/// The memo as its preview shows it (with the preview's options), in Markdown.
pub(super) fn memo_preview(app: &mut App) -> Effect {
    let (Some(doc), Some(View::Memo(preview))) = (app.doc(), app.screen.view()) else {
        return Effect::Nothing;
    };
    copy(
        "the friction memo".to_owned(),
        String::from_utf8_lossy(&memo::memo(&doc.map, &preview.options, MemoFormat::Markdown)).into_owned(),
    )
}

/// Says what was copied and where it went, or why it was not.
pub fn copied(app: &mut App, what: &str, places: Result<Vec<String>, String>) {
    match places {
        Ok(places) => app.inform(format!("Copied {what} ({})", places.join(", "))),
        Err(why) => app.warn(format!("Could not copy {what}: {why}")),
    }
}
