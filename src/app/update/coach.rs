//! The observation coach in the program: a friction point kept with text that reads like
//! a solution is flagged as it is kept, and one key moves it to its stage's opportunities
//! (the point goes and its links with it, as one undoable change).

use super::super::keymap::Mode;
use super::super::modal::Modal;
use super::super::{App, action::Action};
use super::apply::apply;
use crate::app::queue::links;
use crate::model::{Edit, Item, Lane, ListLane, Opportunity, OpportunityId, ops, reads_like_solution};

/// Warns in the status bar when `text`, just kept as a friction point, reads like a
/// solution; says nothing otherwise. While the editor stays open (a run of adding) the
/// grid's key types a letter, so the warning says to leave the editor first.
pub(super) fn coach(app: &mut App, text: &str) {
    let Some(advice) = reads_like_solution(text) else {
        return;
    };
    let key = app.keymap.key(Mode::Grid, &Action::MoveToOpportunities);
    let phrase = crate::text::display::truncate(&advice.phrase, 16);
    app.warn(if matches!(app.modal, Modal::Editor(_)) {
        let leave = app.keymap.key(Mode::Edit, &Action::CancelEdit);
        format!("“{phrase}” proposes a fix: after {leave}, {key} makes it an opportunity")
    } else {
        format!("{key} moves it to the opportunities: “{phrase}” proposes a fix")
    });
}

/// The selected friction point becomes an opportunity of its stage with the same text.
pub(super) fn move_to_opportunities(app: &mut App) {
    let key = app.keymap.key(Mode::Grid, &Action::MoveToOpportunities);
    let (stage, at) = (app.cursor.stage, app.cursor.item);
    let Some(doc) = app.screen.doc() else { return };
    let friction = doc
        .map
        .stages
        .get(stage)
        .and_then(|s| s.frictions.get(at))
        .filter(|_| app.cursor.lane == Lane::Friction);
    let Some(friction) = friction else {
        app.inform(format!(
            "Select a friction point first: {key} moves it to the opportunities"
        ));
        return;
    };
    let Some(delete) = ops::delete_item_with(
        &doc.map,
        stage,
        ListLane::Friction,
        at,
        links(&app.queue, &doc.history),
    ) else {
        return;
    };
    let opportunity = Opportunity {
        id: OpportunityId(app.used_ids.of(doc).fresh(&mut app.ids, OpportunityId::PREFIX)),
        text: friction.text.clone(),
        ..Opportunity::default()
    };
    let linked = doc
        .map
        .shadow
        .notes
        .iter()
        .filter(|n| n.friction.as_ref() == Some(&friction.id))
        .count();
    let evidence = friction.evidence.len();
    let end = doc.map.stages[stage].opportunities.len();
    // The opportunity first, so the selection goes to it (its link to a point is one key
    // away) and an undo, whose steps run the other way, comes back to the point.
    let edit = Edit::Batch(vec![
        Edit::InsertItem {
            stage,
            at: end,
            item: Item::Opportunity(opportunity),
        },
        delete,
    ]);
    if apply(app, edit, "move to opportunities") {
        let undo = app.key(&Action::Undo);
        let mut gone = Vec::new();
        if evidence > 0 {
            gone.push("its evidence");
        }
        if linked > 0 {
            gone.push("its note links");
        }
        app.inform(if gone.is_empty() {
            format!("{undo} undoes: moved to the opportunities")
        } else {
            format!(
                "{undo} undoes: moved to opportunities, without {}",
                gone.join(" or ")
            )
        });
    }
}
