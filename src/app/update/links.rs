//! The link picker's keys: move, tick, keep the links as one undoable change, or leave;
//! and `A` on a friction point, which writes a new opportunity that addresses it.

use super::super::editor::EditTarget;
use super::super::links::LinkPicker;
use super::super::modal::{Modal, Question};
use super::super::{App, Effect, action::Action};
use super::apply::apply;
use crate::model::{Edit, Item, Lane, ListLane};

/// Opens the picker on the selected opportunity (on a friction point: a new opportunity
/// that addresses it).
pub(super) fn open(app: &mut App) {
    if app.cursor.lane == Lane::Friction {
        opportunity_for_point(app);
        return;
    }
    if app.cursor.lane != Lane::Opportunity {
        let key = app.key(&Action::LinkFrictions);
        app.inform(format!(
            "Select an opportunity or a friction point first: {key} links the two"
        ));
        return;
    }
    let Some(doc) = app.screen.doc() else { return };
    match LinkPicker::open(&doc.map, app.cursor.stage, app.cursor.item) {
        Some(picker) if picker.rows.is_empty() => {
            app.inform("This map has no friction points to link yet");
        }
        Some(picker) => app.modal = Modal::Links(picker),
        None => {
            let key = app.key(&Action::AddItem);
            app.inform(format!("This cell has no opportunity yet: {key} adds one"));
        }
    }
}

/// `A` on a friction point: the editor for a new opportunity of its stage, which
/// addresses the point once kept.
fn opportunity_for_point(app: &mut App) {
    let (stage, at) = (app.cursor.stage, app.cursor.item);
    let Some(doc) = app.screen.doc() else { return };
    let Some(current) = doc.map.stages.get(stage) else {
        return;
    };
    let Some(point) = current.frictions.get(at) else {
        let key = app.key(&Action::LinkFrictions);
        app.inform(format!(
            "Select an opportunity or a friction point first: {key} links the two"
        ));
        return;
    };
    let id = point.id.clone();
    let end = current.opportunities.len();
    super::edit::open_editor(
        app,
        EditTarget::NewItem {
            stage,
            lane: ListLane::Opportunity,
            at: end,
        },
    );
    if let Modal::Editor(editor) = &mut app.modal {
        editor.addressing = Some(id);
    }
}

pub(super) fn update(app: &mut App, action: Action) -> Effect {
    let Modal::Links(picker) = &mut app.modal else {
        return Effect::Nothing;
    };
    if picker.filter.take(&action) {
        return Effect::Nothing;
    }
    match action {
        Action::ToggleLink => picker.toggle(),
        Action::CancelEdit => {
            let change = app.screen.doc().and_then(|doc| picker.change(&doc.map));
            if let Some((more, fewer)) = change {
                let counts = [(more, "more"), (fewer, "fewer")]
                    .into_iter()
                    .filter(|(n, _)| *n > 0)
                    .map(|(n, word)| format!("{n} {word}"))
                    .collect::<Vec<_>>()
                    .join(", ");
                let what = format!("the links you ticked ({counts})");
                app.ask(Question::KeepLinks { what });
            } else {
                app.modal = Modal::None;
            }
        }
        Action::Commit => {
            // Typed to find one point and ticked nothing: Enter takes the one found.
            let unchanged = app.screen.doc().is_some_and(|doc| !picker.changes(&doc.map));
            if !picker.filter.query.is_empty()
                && unchanged
                && picker
                    .selected_row()
                    .is_some_and(|row| !picker.chosen.contains(&row.friction))
            {
                picker.toggle();
            }
            keep(app);
        }
        _ => {}
    }
    Effect::Nothing
}

/// Keeps the ticked links as one undoable change and closes the picker.
pub(super) fn keep(app: &mut App) {
    let Some(picker) = app.modal.take_links() else {
        return;
    };
    let Some(opportunity) = app
        .screen
        .doc()
        .and_then(|d| d.map.stages.get(picker.stage))
        .and_then(|s| s.opportunities.get(picker.at))
    else {
        return;
    };
    let linked = picker.applied_to(opportunity);
    if linked.addresses == opportunity.addresses {
        app.inform("Links unchanged");
        return;
    }
    let count = linked.addresses.len();
    let edit = Edit::ReplaceItem {
        stage: picker.stage,
        at: picker.at,
        item: Item::Opportunity(linked),
    };
    if apply(app, edit, "link friction points") {
        app.inform(format!(
            "The opportunity addresses {count} friction point{}",
            if count == 1 { "" } else { "s" }
        ));
    }
}
