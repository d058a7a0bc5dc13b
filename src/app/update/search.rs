//! The search prompt and moving between hits: `/` asks, Enter jumps to the first hit at or
//! after the selection, `n` / `N` go on, Esc leaves the search.

use super::super::App;
use super::super::action::Action;
use super::super::search::Place;
use super::apply::settle;

/// The query as typed so far (the hits follow it while typing).
pub(super) fn typed(app: &mut App, query: &str) {
    app.search.set_query(query);
}

/// Keeps the query and jumps to the first hit at or after the selection.
pub(super) fn commit(app: &mut App, query: &str) {
    app.search.set_query(query.trim());
    if !app.search.is_active() {
        leave(app);
        return;
    }
    refresh(app);
    let cursor = app.cursor;
    let next = app
        .search
        .next_from(cursor.stage, cursor.lane, cursor.item, true, true);
    go(app, next);
}

/// `n` (forward) or `N`: the next or previous hit, round the map.
pub(super) fn step(app: &mut App, forward: bool) {
    if !app.search.is_active() {
        let key = app.key(&Action::Search);
        app.inform(format!("No search yet: {key} searches every text of the map"));
        return;
    }
    refresh(app);
    let count = app.search.count();
    let cursor = app.cursor;
    let still_there = app.search.landed == Some((cursor.stage, cursor.lane, cursor.item));
    let here = app.search.current.filter(|_| still_there);
    let next = match here {
        Some(c) if count > 0 => Some(if forward {
            (c + 1) % count
        } else {
            (c + count - 1) % count
        }),
        _ => app
            .search
            .next_from(cursor.stage, cursor.lane, cursor.item, forward, false),
    };
    go(app, next);
}

/// Esc: no more search, no highlight.
pub(super) fn leave(app: &mut App) {
    if app.search.is_active() {
        app.search.clear();
        app.inform("Search ended: no more highlights");
    }
}

/// The hits up to date and complete: jumping needs every one of them.
fn refresh(app: &mut App) {
    if let Some(doc) = app.screen.doc() {
        app.search.refresh(&doc.map, &doc.history);
        app.search.finish(&doc.map);
    }
}

fn go(app: &mut App, index: Option<usize>) {
    let Some((index, hit)) = index.and_then(|i| app.search.hit(i).map(|h| (i, h))) else {
        // Said once: the bar's right end keeps saying "no match" while the search is on.
        let leave = app.key(&Action::LeaveSearch);
        app.inform(format!(
            "No match for “{}” · {leave} ends the search",
            app.search.query
        ));
        return;
    };
    app.search.current = Some(index);
    if let Some(stage) = hit.stage {
        app.cursor.stage = stage;
        if let Place::Cell { lane, item } = hit.place {
            app.cursor.lane = lane;
            app.cursor.item = item;
        }
        settle(app);
    }
    let cursor = app.cursor;
    app.search.landed = Some((cursor.stage, cursor.lane, cursor.item));
    // The status bar's right end already counts the hits ("/query hit 3/7"): the message
    // says only where the hit is and which keys go on, so it fits at 80 columns.
    let place = match hit.place {
        Place::Title => "in the map's title · ",
        Place::Persona => "in the persona · ",
        Place::StageName => "in the stage's name · ",
        Place::ShadowNote(_) => "in a shadow note of this stage · ",
        Place::Cell { .. } => "",
    };
    app.inform(format!(
        "{place}{} next · {} back · {} ends the search",
        app.key(&Action::NextHit),
        app.key(&Action::PreviousHit),
        app.key(&Action::LeaveSearch)
    ));
}
