//! The grid: moving the selection, editing cells and items, stages, scores, undo.

use crate::app::queue::links;
use std::sync::Arc;

use super::super::cursor::list_len;
use super::super::editor::EditTarget;
use super::super::forms::friction_form;
use super::super::geometry::Geometry;
use super::super::keymap::Mode;
use super::super::modal::{AfterLeaving, Question};
use super::super::screen::View;
use super::super::{App, Effect, action::Action};
use super::apply::{apply, follow, settle};
use super::edit::open_editor;
use crate::model::{Edit, Lane, ListLane, Score, StageText, ops};

pub(super) fn update(app: &mut App, action: Action) -> Effect {
    let sign = app.score_sign.take();
    match action {
        Action::Save => return Effect::Save { then: None },
        Action::Quit => return leave(app, AfterLeaving::Quit),
        Action::OpenStartScreen => return leave(app, AfterLeaving::StartScreen),
        Action::SaveAs => open_editor(app, EditTarget::SaveAs),
        Action::Undo => undo_or_redo(app, true),
        Action::Redo => undo_or_redo(app, false),
        Action::EditTitle => open_editor(app, EditTarget::Title),
        Action::EditPersona => open_editor(app, EditTarget::Persona),
        Action::Search => open_editor(app, EditTarget::Search),
        Action::ToggleCurve => toggle_curve(app),
        Action::LeaveSearch => super::search::leave(app),
        Action::NextHit => super::search::step(app, true),
        Action::PreviousHit => super::search::step(app, false),
        Action::AddStageAfter => {
            let at = if stage_count(app) == 0 {
                0
            } else {
                app.cursor.stage + 1
            };
            open_editor(app, EditTarget::NewStage { at });
        }
        Action::InsertStageBefore => open_editor(app, EditTarget::NewStage { at: app.cursor.stage }),
        Action::Paste(text) => paste_items(app, &text),
        Action::ShowCoverage => {
            app.shadow.cell.stage = app.cursor.stage;
            app.screen.show(View::Coverage);
        }
        Action::ShowExport => super::documents::open_export(app),
        Action::ShowMemo => super::documents::open_memo(app),
        Action::ToggleNotes | Action::FocusNotes | Action::AddNote => super::shadow::from_grid(app, &action),
        Action::MoveLeft | Action::MoveRight if stage_count(app) == 0 => {}
        _ if stage_count(app) == 0 => {
            let key = app.keymap.key(Mode::Grid, &Action::AddStageAfter);
            app.inform(format!("No stages yet: press {key} to add the first one"));
        }
        Action::Copy => return super::copy::from_grid(app),
        Action::MoveLeft => select_stage(app, app.cursor.stage.saturating_sub(1)),
        Action::MoveRight => select_stage(app, app.cursor.stage + 1),
        Action::FirstStage => select_stage(app, 0),
        Action::LastStage => select_stage(app, usize::MAX),
        Action::MoveDown => move_down(app),
        Action::MoveUp => move_up(app),
        Action::LaneDown => to_lane(app, app.cursor.lane.below()),
        Action::LaneUp => to_lane(app, app.cursor.lane.above()),
        Action::EditCell => edit_cell(app, None),
        Action::AddItem => edit_cell(app, Some(1)),
        Action::InsertItemBefore => edit_cell(app, Some(0)),
        Action::DeleteItem => delete_item(app),
        Action::EditMetrics => {
            if let Some(form) = app
                .screen
                .doc()
                .and_then(|doc| super::super::forms::metrics_form(&doc.map, app.cursor.stage))
            {
                app.open_form(form);
            }
        }
        Action::MoveItemUp => move_item(app, false),
        Action::MoveItemDown => move_item(app, true),
        Action::RaiseScore => super::selection::step_score(app, true),
        Action::LowerScore => super::selection::step_score(app, false),
        Action::SetScore(value) => super::selection::set_score(app, |_| Score::new(value.into())),
        Action::Number(n) => super::selection::number(app, n, sign),
        Action::RenameStage => open_editor(
            app,
            EditTarget::StageName {
                stage: app.cursor.stage,
            },
        ),
        Action::DeleteStage => app.ask(Question::DeleteStage {
            stage: app.cursor.stage,
        }),
        Action::Vote => return super::votes::vote(app, true),
        Action::Unvote => return super::votes::vote(app, false),
        Action::VotingRound => return super::votes::round_key(app),
        Action::NextParticipant => super::votes::step_participant(app, true),
        Action::PreviousParticipant => super::votes::step_participant(app, false),
        Action::LinkFrictions => super::links::open(app),
        Action::OpenEvidence => return super::evidence::of_point(app),
        // As in the council, the board and present mode: the room sets them anywhere.
        Action::SetOwner | Action::CycleStatus => super::present::owner_or_status(app, &action),
        Action::MoveToOpportunities => super::coach::move_to_opportunities(app),
        Action::ShowBoard => {
            app.screen.show(View::Board);
            app.board.selected = 0;
        }
        Action::ShowCouncil => {
            app.screen.show(View::Council);
            app.board.open_council();
        }
        Action::MoveItemToPreviousStage => super::moves::to_neighbour(app, false),
        Action::MoveItemToNextStage => super::moves::to_neighbour(app, true),
        Action::CutItem => super::moves::cut(app),
        Action::PasteItem => super::moves::paste(app),
        Action::DuplicateStage => super::moves::duplicate_stage(app),
        Action::ShowConflicts => {
            app.screen.show(View::Conflicts);
            if app.conflicts.entries.is_empty() {
                app.inform("No merge conflicts in this map");
            }
        }
        Action::Present => super::present::start(app),
        Action::MoveStageLeft => move_stage(app, false),
        Action::MoveStageRight => move_stage(app, true),
        _ => {}
    }
    Effect::Nothing
}

fn stage_count(app: &App) -> usize {
    app.screen.doc().map_or(0, |d| d.map.stages.len())
}

fn select_stage(app: &mut App, stage: usize) {
    app.cursor.stage = stage.min(stage_count(app).saturating_sub(1));
    settle(app);
}

fn move_down(app: &mut App) {
    let len = app.screen.doc().map_or(0, |d| app.cursor.cell_len(&d.map));
    if app.cursor.item + 1 < len {
        app.cursor.item += 1;
    } else if let Some(below) = app.cursor.lane.below() {
        app.cursor.lane = below;
        app.cursor.item = 0;
    }
}

fn move_up(app: &mut App) {
    if app.cursor.item > 0 {
        app.cursor.item -= 1;
    } else if let Some(above) = app.cursor.lane.above() {
        app.cursor.lane = above;
        app.cursor.item = app
            .screen
            .doc()
            .map_or(0, |d| app.cursor.cell_len(&d.map).saturating_sub(1));
    }
}

/// The first item of `lane` in the same stage: a lane at a time, so the friction lane is
/// three keys from the goal, not one per touchpoint.
fn to_lane(app: &mut App, lane: Option<Lane>) {
    if let Some(lane) = lane {
        app.cursor.lane = lane;
        app.cursor.item = 0;
    }
}

/// Enter (`offset` None), add after (Some(1)) or insert before (Some(0)). Enter on a
/// friction point opens its form; everything else edits text.
fn edit_cell(app: &mut App, offset: Option<usize>) {
    let stage = app.cursor.stage;
    let target = match app.cursor.lane.list() {
        None => {
            let field = if app.cursor.lane == Lane::Goal {
                StageText::Goal
            } else {
                StageText::EmotionNote
            };
            EditTarget::StageText { stage, field }
        }
        Some(lane) => {
            let len = app.screen.doc().map_or(0, |d| app.cursor.cell_len(&d.map));
            if offset.is_none() && len > 0 && lane == ListLane::Friction {
                if let Some(form) = app.screen.doc().and_then(|doc| {
                    friction_form(&doc.map, app.names.of(doc), stage, app.cursor.item, &app.queue)
                }) {
                    app.open_form(form);
                }
                return;
            }
            match (offset, len) {
                (_, 0) => EditTarget::NewItem { stage, lane, at: 0 },
                (None, _) => EditTarget::Item {
                    stage,
                    lane,
                    at: app.cursor.item,
                },
                (Some(offset), _) => EditTarget::NewItem {
                    stage,
                    lane,
                    at: app.cursor.item + offset,
                },
            }
        }
    };
    open_editor(app, target);
}

fn delete_item(app: &mut App) {
    let Some(doc) = app.screen.doc() else { return };
    let stage = app.cursor.stage;
    let Some(current) = doc.map.stages.get(stage) else {
        return;
    };
    let undo = app.key(&Action::Undo);
    match app.cursor.lane.list() {
        Some(lane) => {
            let at = app.cursor.item;
            let Some(edit) =
                ops::delete_item_with(&doc.map, stage, lane, at, links(&app.queue, &doc.history))
            else {
                let add = app.key(&Action::AddItem);
                app.inform(format!("Nothing to delete here: {add} adds an item"));
                return;
            };
            let text = current.item_text(lane, at).unwrap_or_default().to_owned();
            let noun = lane.item_noun();
            if apply(app, edit, &format!("delete {noun}")) {
                app.inform(format!(
                    "Deleted {noun} “{}”. {undo} undoes.",
                    crate::text::display::truncate(&text, 40)
                ));
            }
        }
        None if app.cursor.lane == Lane::Goal => {
            if current.goal.is_empty() {
                let write = app.key(&Action::EditCell);
                app.inform(format!(
                    "Nothing to delete: the goal is empty ({write} writes it)"
                ));
            } else {
                let edit = Edit::SetStageText {
                    stage,
                    field: StageText::Goal,
                    text: String::new(),
                };
                if apply(app, edit, "clear goal") {
                    app.inform(format!("Cleared the goal. {undo} undoes."));
                }
            }
        }
        None => {
            if current.emotion.score.is_none() {
                app.inform("Nothing to delete: the emotion is not scored");
            } else if apply(app, Edit::SetScore { stage, score: None }, "clear emotion score") {
                app.inform(format!("Emotion not scored. {undo} undoes."));
            }
        }
    }
}

fn move_item(app: &mut App, down: bool) {
    let Some(lane) = app.cursor.lane.list() else {
        app.inform("Only items in touchpoints, friction and opportunity move");
        return;
    };
    let len = app.screen.doc().map_or(0, |d| app.cursor.cell_len(&d.map));
    let from = app.cursor.item;
    let to = if down { from + 1 } else { from.wrapping_sub(1) };
    if to >= len {
        app.inform(if down {
            "This item is last in its cell already"
        } else {
            "This item is first in its cell already"
        });
        return;
    }
    apply(
        app,
        Edit::MoveItem {
            stage: app.cursor.stage,
            lane,
            from,
            to,
        },
        "move item",
    );
}

fn move_stage(app: &mut App, right: bool) {
    let from = app.cursor.stage;
    let to = if right { from + 1 } else { from.wrapping_sub(1) };
    if to >= stage_count(app) {
        app.inform(if right {
            "This is the last stage already"
        } else {
            "This is the first stage already"
        });
        return;
    }
    let lane = app.cursor.lane;
    let item = app.cursor.item;
    if apply(app, Edit::MoveStage { from, to }, "move stage") {
        app.cursor.lane = lane;
        app.cursor.item = item;
        settle(app);
        app.inform(format!(
            "Stage moved to position {} of {}",
            to + 1,
            stage_count(app)
        ));
    }
}

fn undo_or_redo(app: &mut App, undo: bool) {
    let Some(doc) = app.screen.doc_mut() else { return };
    let result = if undo {
        doc.history.undo(Arc::make_mut(&mut doc.map))
    } else {
        doc.history.redo(Arc::make_mut(&mut doc.map))
    };
    match result {
        None => app.inform(if undo {
            "Nothing to undo"
        } else {
            "Nothing to redo"
        }),
        Some(Err(error)) => app.warn(error.to_string()),
        Some(Ok((label, focus))) => {
            follow(app, focus);
            app.inform(format!("{}: {label}", if undo { "Undid" } else { "Redid" }));
        }
    }
}

/// Pasting in the grid on a list lane adds one item per pasted line.
fn paste_items(app: &mut App, text: &str) {
    let Some(lane) = app.cursor.lane.list() else {
        let edit = app.key(&Action::EditCell);
        app.inform(format!("To paste text, press {edit} to edit the cell first"));
        return;
    };
    let lines = crate::text::pasted::lines(text);
    let Some(doc) = app.screen.doc() else { return };
    let stage = app.cursor.stage;
    let Some(current) = doc.map.stages.get(stage) else {
        return;
    };
    let start = if list_len(current, lane) == 0 {
        0
    } else {
        app.cursor.item + 1
    };
    match super::adding::add_lines(app, stage, lane, start, &lines) {
        Some(pasted) if pasted.added > 0 => {
            app.cursor.lane = lane.lane();
            app.cursor.item = start + pasted.added - 1;
            settle(app);
            app.inform(pasted.said(lane));
        }
        Some(pasted) if pasted.left_out > 0 => app.warn(pasted.said(lane)),
        _ => {}
    }
}

/// Leaving the map (quit, or open another): asks first when work is unsaved, unless the
/// save under way writes it all (then it leaves once that save succeeds).
pub(super) fn leave(app: &mut App, then: AfterLeaving) -> Effect {
    if app.screen.doc().is_some_and(|d| d.is_dirty() && d.saving_now()) {
        return Effect::Save { then: Some(then) };
    }
    if app.screen.doc().is_some_and(|d| d.is_dirty()) {
        app.ask(Question::LeaveUnsaved { then });
        return Effect::Nothing;
    }
    match then {
        AfterLeaving::Quit => Effect::Quit,
        AfterLeaving::StartScreen => Effect::ShowStart,
    }
}

/// `E`: the emotion curve on or off; says so when the terminal is too short to show it.
fn toggle_curve(app: &mut App) {
    app.show_curve = !app.show_curve;
    match (app.show_curve, app.geometry.curve_fits()) {
        (false, true) => {
            let key = app.key(&Action::ToggleCurve);
            app.inform(format!("Emotion curve hidden: {key} shows it again"));
        }
        (false, false) => app.inform("Emotion curve off (this terminal is too short to show it anyway)"),
        (true, true) => app.inform("Emotion curve shown under the grid"),
        (true, false) => {
            let geometry = app.geometry;
            let rows = (geometry.height..=u16::MAX)
                .find(|&height| Geometry { height, ..geometry }.curve_fits())
                .unwrap_or(u16::MAX);
            app.inform(format!(
                "The emotion curve shows by itself once the terminal is {rows} rows tall (the grid comes first)"
            ));
        }
    }
}
