//! Moving what the room rearranges: an item to the previous or next stage, an item cut
//! in one cell and pasted in another (it stays where it is until pasted, so nothing is
//! lost), and a stage duplicated. Each keeps the item's id, votes, links and evidence,
//! and is one undoable change.

use super::super::{App, action::Action};
use super::apply::{apply, select, settle};
use crate::app::queue::links;
use crate::model::moves::{self, Place};
use crate::model::{JourneyMap, ListLane, StageId};
use crate::text::display::{clean_line, truncate};

/// An item cut, waiting to be pasted: found again by id, or a touchpoint by its stage
/// and text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clip {
    pub lane: ListLane,
    /// The friction point's or opportunity's id.
    id: Option<String>,
    stage: StageId,
    pub text: String,
}

impl Clip {
    /// Where the cut item is now, if it is still on the map.
    fn place(&self, map: &JourneyMap) -> Option<Place> {
        map.stages.iter().enumerate().find_map(|(s, stage)| {
            let at = match (self.lane, &self.id) {
                (ListLane::Friction, Some(id)) => stage.frictions.iter().position(|f| f.id.as_str() == id),
                (ListLane::Opportunity, Some(id)) => {
                    stage.opportunities.iter().position(|o| o.id.as_str() == id)
                }
                (ListLane::Touchpoints, _) if stage.id == self.stage => {
                    stage.touchpoints.iter().position(|t| *t == self.text)
                }
                _ => None,
            }?;
            Some(Place {
                stage: s,
                lane: self.lane,
                at,
            })
        })
    }
}

fn selected_item(app: &App) -> Option<Place> {
    let lane = app.cursor.lane.list()?;
    let doc = app.screen.doc()?;
    (app.cursor.item < app.cursor.cell_len(&doc.map)).then_some(Place {
        stage: app.cursor.stage,
        lane,
        at: app.cursor.item,
    })
}

fn short(text: &str) -> String {
    truncate(&clean_line(text), 30).into_owned()
}

/// Moves the selected item to the previous or next stage, the selection with it.
pub(super) fn to_neighbour(app: &mut App, forward: bool) {
    let Some(from) = selected_item(app) else {
        app.inform("Select a touchpoint, friction point or opportunity to move it to another stage");
        return;
    };
    let Some(doc) = app.screen.doc() else { return };
    let Some(moved) = moves::move_to_neighbour(&doc.map, from, forward, links(&app.queue, &doc.history))
    else {
        app.inform(if forward {
            "This is the last stage: nowhere further to move it"
        } else {
            "This is the first stage: nowhere earlier to move it"
        });
        return;
    };
    land(app, moved, "move item to another stage");
}

/// Applies a move and follows the item; says where it went.
fn land(app: &mut App, moved: moves::Moved, label: &str) {
    let to = moved.to;
    if !apply(app, moved.edit, label) {
        return;
    }
    select(app, to.stage, to.lane.lane(), to.at);
    let Some(stage) = app.screen.doc().and_then(|d| d.map.stages.get(to.stage)) else {
        return;
    };
    let notes = match moved.notes {
        0 => String::new(),
        1 => " with its shadow note".to_owned(),
        n => format!(" with its {n} shadow notes"),
    };
    app.inform(format!(
        "Moved to {} {}{notes} · {} undoes",
        to.stage + 1,
        short(&stage.name),
        app.key(&Action::Undo)
    ));
}

/// Marks the selected item to be pasted elsewhere.
pub(super) fn cut(app: &mut App) {
    let Some(place) = selected_item(app) else {
        app.inform("Select a touchpoint, friction point or opportunity to cut it");
        return;
    };
    let Some(stage) = app.screen.doc().and_then(|d| d.map.stages.get(place.stage)) else {
        return;
    };
    let id = match place.lane {
        ListLane::Touchpoints => None,
        ListLane::Friction => stage.frictions.get(place.at).map(|f| f.id.to_string()),
        ListLane::Opportunity => stage.opportunities.get(place.at).map(|o| o.id.to_string()),
    };
    let clip = Clip {
        lane: place.lane,
        id,
        stage: stage.id.clone(),
        text: stage
            .item_text(place.lane, place.at)
            .unwrap_or_default()
            .to_owned(),
    };
    app.inform(format!(
        "Cut “{}”: it stays here until {} pastes it in another cell",
        short(&clip.text),
        app.key(&Action::PasteItem)
    ));
    app.clip = Some(clip);
}

/// Moves the cut item after the selected one (or into the empty cell selected).
pub(super) fn paste(app: &mut App) {
    let Some(clip) = app.clip.clone() else {
        app.inform(format!(
            "Nothing cut: {} cuts the selected item first",
            app.key(&Action::CutItem)
        ));
        return;
    };
    let Some(doc) = app.screen.doc() else { return };
    let Some(from) = clip.place(&doc.map) else {
        app.clip = None;
        app.inform("The cut item is no longer on the map");
        return;
    };
    if app.cursor.lane.list() != Some(clip.lane) {
        app.inform(format!(
            "A {} pastes into a {} cell: select one",
            clip.lane.item_noun(),
            clip.lane.lane().name().to_lowercase()
        ));
        return;
    }
    let len = app.cursor.cell_len(&doc.map);
    let mut at = if len == 0 { 0 } else { app.cursor.item + 1 };
    if from.stage == app.cursor.stage && from.at < at {
        at -= 1;
    }
    let Some(moved) = moves::move_item(
        &doc.map,
        from,
        app.cursor.stage,
        at,
        links(&app.queue, &doc.history),
    ) else {
        app.inform("The cut item is already here");
        return;
    };
    app.clip = None;
    land(app, moved, "paste item");
}

/// Inserts a copy of the selected stage after it and selects the copy.
pub(super) fn duplicate_stage(app: &mut App) {
    let at = app.cursor.stage;
    let Some(doc) = app.screen.doc() else { return };
    let used = app.used_ids.of(doc);
    let Some(edit) = moves::duplicate_stage(&doc.map, at, &mut app.ids, &|id| used.taken(id)) else {
        return;
    };
    if apply(app, edit, "duplicate stage") {
        app.cursor.stage = at + 1;
        settle(app);
        app.inform(format!(
            "Duplicated: the copy has fresh ids and no votes · {} renames it, {} undoes",
            app.key(&Action::RenameStage),
            app.key(&Action::Undo)
        ));
    }
}
