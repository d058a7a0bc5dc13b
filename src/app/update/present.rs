//! Present mode's keys: the next and previous page (the rest of a tall stage, then the
//! next stage or lane), the page's items one by one, one stage or one lane, and back to
//! the grid. The grid's keys that act on the selection (votes, severity, scores, quick
//! capture, editing, undo) pass through, so the room sees a change as it is made.

use super::super::cursor::Cursor;
use super::super::forms::owner_form;
use super::super::present::{Presenting, Showing, Target, Window, max_scroll, page, scroll_to};
use super::super::screen::View;
use super::super::{App, Effect, action::Action};
use super::Handled;
use super::apply::settle;
use crate::model::Lane;

pub(super) fn update(app: &mut App, action: Action) -> Handled {
    match action {
        Action::PresentNext => turn(app, true),
        Action::PresentPrevious => turn(app, false),
        Action::PresentSwitch => switch(app),
        Action::SelectNext => step(app, |at, _| at + 1),
        Action::SelectPrevious => step(app, |at, _| at.saturating_sub(1)),
        Action::SelectFirst => step(app, |_, _| 0),
        Action::SelectLast => step(app, |_, len| len.saturating_sub(1)),
        Action::Back => {
            app.screen.show(View::Grid);
            settle(app);
        }
        Action::SetOwner | Action::CycleStatus => owner_or_status(app, &action),
        other => return Handled::Pass(other),
    }
    Handled::Done(Effect::Nothing)
}

/// `o` and `t` on the selected friction point, as in the council view: where the room
/// decides who takes it (the grid's keys too).
pub(super) fn owner_or_status(app: &mut App, action: &Action) {
    let (stage, at) = (app.cursor.stage, app.cursor.item);
    let exists = app
        .doc()
        .and_then(|doc| doc.map.stages.get(stage))
        .is_some_and(|s| app.cursor.lane == Lane::Friction && at < s.frictions.len());
    if !exists {
        app.inform("Owners and status belong to friction points: select one first");
    } else if *action == Action::CycleStatus {
        super::board::next_status(app, stage, at);
    } else if let Some(form) = app
        .screen
        .doc()
        .and_then(|doc| owner_form(&doc.map, app.names.of(doc), stage, at))
    {
        app.open_form(form);
    }
}

/// Shows the selected stage in present mode (from the grid).
pub(super) fn start(app: &mut App) {
    app.screen.show(View::Present(Presenting::new(Showing::Stage)));
    keep_in_view(app);
    let back = app.key(&Action::Back);
    app.inform(format!(
        "Presenting: keys still edit the selection; {back} goes back to the map"
    ));
}

fn presented(app: &mut App) -> Option<&mut Presenting> {
    match &mut app.screen {
        crate::app::screen::Screen::Map {
            view: View::Present(presenting),
            ..
        } => Some(presenting),
        _ => None,
    }
}

/// The page as shown now, and the rows it has.
fn current_page(app: &App) -> Option<(super::super::present::Page, usize)> {
    let (Some(doc), Some(View::Present(presenting))) = (app.doc(), app.view()) else {
        return None;
    };
    let (columns, rows) = app.geometry.present_page();
    Some((
        page(
            &doc.map,
            presenting.showing,
            &app.cursor,
            columns,
            app.round.as_ref(),
        ),
        rows,
    ))
}

/// The selection as a target, to remember which one the scroll followed.
fn selection(cursor: &Cursor) -> Target {
    Target {
        stage: cursor.stage,
        lane: cursor.lane,
        item: cursor.item,
    }
}

/// Brings the selection into view when it moved since the page last followed it, and
/// keeps the scroll within the page (after every action: an edit may move the selection
/// or shorten the page).
pub(super) fn keep_in_view(app: &mut App) {
    let Some((page, rows)) = current_page(app) else {
        return;
    };
    let now = selection(&app.cursor);
    let lines = page.lines_of(&app.cursor);
    let len = page.lines.len();
    let Some(presenting) = presented(app) else {
        return;
    };
    match (presenting.followed, lines) {
        (followed, _) if followed == Some(now) => {}
        // A fresh page: from its top if the selection shows there, or from the selection
        // and the headings right above it.
        (None, Some(lines)) => {
            presenting.scroll = if scroll_to(lines.clone(), len, rows, 0) == 0 {
                0
            } else {
                (0..lines.start)
                    .rev()
                    .take_while(|&i| page.lines[i].target.is_none())
                    .last()
                    .unwrap_or(lines.start)
            };
        }
        (Some(_), Some(lines)) => presenting.scroll = scroll_to(lines, len, rows, presenting.scroll),
        (_, None) => {}
    }
    presenting.followed = Some(now);
    presenting.scroll = Window::new(len, rows, presenting.scroll).first;
}

/// Moves the selection along the page's targets: `to(current, count)` gives the new index.
fn step(app: &mut App, to: fn(usize, usize) -> usize) {
    let Some((page, _)) = current_page(app) else {
        return;
    };
    let targets = page.targets();
    let at = targets.iter().position(|t| t.holds(&app.cursor)).unwrap_or(0);
    if let Some(target) = targets.get(to(at, targets.len()).min(targets.len().saturating_sub(1))) {
        select(app, *target);
    }
}

fn select(app: &mut App, target: Target) {
    app.cursor.stage = target.stage;
    app.cursor.lane = target.lane;
    app.cursor.item = target.item;
}

/// Next (`forward`) or previous: the rest of a page taller than the screen first, then
/// the next stage (or lane) from its top.
fn turn(app: &mut App, forward: bool) {
    let Some((page, rows)) = current_page(app) else {
        return;
    };
    let len = page.lines.len();
    let Some(presenting) = presented(app) else {
        return;
    };
    let window = Window::new(len, rows, presenting.scroll);
    let more = if forward { window.below } else { window.above };
    if more > 0 {
        let end = window.first + window.shown;
        presenting.scroll = if forward {
            // The last thing that begins on this page (cut by its end) begins the next.
            (window.first + 1..=end)
                .rev()
                .find(|&i| page.begins(i))
                .unwrap_or(end)
        } else {
            let back = window.first.saturating_sub(rows.saturating_sub(2).max(1));
            (back..window.first).find(|&i| page.begins(i)).unwrap_or(back)
        };
        let first = Window::new(len, rows, presenting.scroll).first;
        let shown = page.lines.get(first..).unwrap_or_default();
        if let Some(target) = shown.iter().find_map(|line| line.target) {
            presenting.followed = Some(target);
            select(app, target);
        }
        return;
    }
    let showing = presenting.showing;
    let stages = app.doc().map_or(0, |d| d.map.stages.len());
    let moved = match showing {
        Showing::Stage => {
            let next = if forward {
                app.cursor.stage + 1
            } else {
                app.cursor.stage.wrapping_sub(1)
            };
            (next < stages).then_some((next, Lane::Goal))
        }
        Showing::Lane => {
            let lane = if forward {
                app.cursor.lane.below()
            } else {
                app.cursor.lane.above()
            };
            lane.map(|lane| (0, lane))
        }
    };
    match moved {
        Some((stage, lane)) => {
            app.cursor.stage = stage;
            app.cursor.lane = lane;
            app.cursor.item = 0;
            if let Some(presenting) = presented(app) {
                presenting.scroll = 0;
                presenting.followed = None;
            }
        }
        None => {
            let what = match showing {
                Showing::Stage => "stage",
                Showing::Lane => "lane",
            };
            app.inform(if forward {
                format!("This is the last {what}")
            } else {
                format!("This is the first {what}")
            });
        }
    }
}

/// One stage (every lane) or one lane (every stage), the selection kept.
fn switch(app: &mut App) {
    let Some(presenting) = presented(app) else {
        return;
    };
    presenting.showing = match presenting.showing {
        Showing::Stage => Showing::Lane,
        Showing::Lane => Showing::Stage,
    };
    presenting.scroll = 0;
    presenting.followed = None;
}

/// The wheel: scrolls the page `lines` down (`down`) or up, the selection staying where
/// it is (the view keeps the scroll within the page).
pub(super) fn wheel(app: &mut App, down: bool, lines: usize) {
    let Some((page, rows)) = current_page(app) else {
        return;
    };
    if let Some(presenting) = presented(app) {
        presenting.scroll = if down {
            (presenting.scroll + lines).min(max_scroll(page.lines.len(), rows))
        } else {
            presenting.scroll.saturating_sub(lines)
        };
    }
}
