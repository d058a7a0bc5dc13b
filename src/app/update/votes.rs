//! Votes: one key adds a vote to the selected friction point or opportunity, another takes
//! one away (never below zero). In a dot-voting round the same keys cast and take back
//! the votes of the participant shown, each person's allowance enforced; the map's votes
//! change only when the round ends, as one undoable step, so nothing re-sorts meanwhile.

use std::time::Instant;

use super::super::forms::round_form;
use super::super::{App, Effect, action::Action};
use super::apply::apply;
use crate::model::voting::{Refusal, Round, RoundSetup, Undone};
use crate::model::{Edit, Item, Lane, note_time};
use crate::text::display::{clean_line, truncate};

/// The selected friction point or opportunity: its id and text.
fn selected(app: &App) -> Option<(String, String)> {
    let stage = app.screen.doc()?.map.stages.get(app.cursor.stage)?;
    match app.cursor.lane {
        Lane::Friction => stage
            .frictions
            .get(app.cursor.item)
            .map(|f| (f.id.to_string(), f.text.clone())),
        Lane::Opportunity => stage
            .opportunities
            .get(app.cursor.item)
            .map(|o| (o.id.to_string(), o.text.clone())),
        _ => None,
    }
}

/// Adds (`up`) or removes a vote on the selected item; in a round, casts or takes back
/// the shown participant's.
pub(super) fn vote(app: &mut App, up: bool) -> Effect {
    if app.round.is_some() {
        cast(app, up);
        return Effect::Nothing;
    }
    let (stage, at) = (app.cursor.stage, app.cursor.item);
    let Some(current) = app.screen.doc().and_then(|d| d.map.stages.get(stage)) else {
        return Effect::Nothing;
    };
    let item = match app.cursor.lane {
        Lane::Friction => current.frictions.get(at).cloned().map(Item::Friction),
        Lane::Opportunity => current.opportunities.get(at).cloned().map(Item::Opportunity),
        _ => None,
    };
    let Some(mut item) = item else {
        app.inform("Votes go on friction points and opportunities: select one first");
        return Effect::Nothing;
    };
    let votes = match &mut item {
        Item::Friction(f) => &mut f.votes,
        Item::Opportunity(o) => &mut o.votes,
        Item::Touchpoint(_) => return Effect::Nothing,
    };
    if !up && *votes == 0 {
        app.inform("No votes to take away");
        return Effect::Nothing;
    }
    if up && *votes == u32::MAX {
        app.inform(format!("{} votes is the most cxmap counts", u32::MAX));
        return Effect::Nothing;
    }
    *votes = if up { *votes + 1 } else { *votes - 1 };
    let now = *votes;
    let label = if up { "add a vote" } else { "remove a vote" };
    if apply(app, Edit::ReplaceItem { stage, at, item }, label) {
        app.inform(format!("{now} vote{}", plural(now)));
    }
    Effect::Nothing
}

fn plural(n: u32) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Casts (`up`) or takes back a vote of the participant shown.
fn cast(app: &mut App, up: bool) {
    let Some((id, text)) = selected(app) else {
        app.inform("Votes go on friction points and opportunities: select one first");
        return;
    };
    let next = app.key(&Action::NextParticipant);
    let end = app.key(&Action::VotingRound);
    let state = map_state(app);
    let Some(round) = app.round.as_mut() else { return };
    round.on_map_state(state);
    let voter = round.shown_name().to_owned();
    if !up {
        let said = if round.take_back(&id) {
            format!(
                "Took back a vote of {voter}'s: {} left",
                round.left(round.shown())
            )
        } else {
            format!("{voter} cast no vote on this one")
        };
        app.inform(said);
        return;
    }
    let said = match round.cast(&id) {
        Err(Refusal::NoVotesLeft { .. }) if round.is_complete() => {
            let pool = round.pool();
            app.warn(format!("All {pool} votes are cast: {end} shows the result"));
            return;
        }
        Err(Refusal::NoVotesLeft { voter, votes_each }) => {
            app.warn(format!(
                "{voter} has cast all {votes_each} vote{}: {next} next person",
                plural(votes_each)
            ));
            return;
        }
        Ok(_) if round.is_complete() => {
            format!("All {} votes are cast: {end} shows the result", round.pool())
        }
        Ok(cast) => match cast.next {
            Some(next_voter) => format!(
                "{voter} is done · now {} ({} to cast)",
                round.participants()[next_voter],
                round.left(next_voter)
            ),
            None => format!(
                "{voter} → “{}” · {} left",
                truncate(&clean_line(&text), 30),
                cast.left
            ),
        },
    };
    app.inform(said);
}

/// Shows the next (`forward`) or previous participant of the round.
pub(super) fn step_participant(app: &mut App, forward: bool) {
    let start = app.key(&Action::VotingRound);
    let Some(round) = app.round.as_mut() else {
        app.inform(format!("No voting round: {start} starts one"));
        return;
    };
    round.step(forward);
    let shown = round.shown();
    let said = format!(
        "Now voting: {} ({} to cast)",
        round.shown_name(),
        round.left(shown)
    );
    app.inform(said);
}

/// The map's undo state (0 without a map).
fn map_state(app: &App) -> u64 {
    app.screen.doc().map_or(0, |doc| doc.history.state())
}

/// Whether undo, while a round runs, belongs to the round: no edit to the map since its
/// last step (an edit made since is undone first, as the room would expect).
pub(super) fn round_owns_undo(app: &App) -> bool {
    app.round
        .as_ref()
        .is_some_and(|round| round.stands_on() == map_state(app))
}

/// Undo while a round runs: takes back the last thing done, whoever did it (a vote cast
/// is taken back, a vote taken back is cast again).
pub(super) fn take_back_last(app: &mut App) {
    let Some(undone) = app.round.as_mut().and_then(Round::undo_last) else {
        if app.round.is_some() {
            app.inform("No vote cast in this round yet");
        }
        return;
    };
    let (Undone::Cast(ballot) | Undone::TakeBack(ballot)) = &undone;
    let text = item_text(app, &ballot.item);
    let Some(round) = app.round.as_ref() else { return };
    let voter = round.shown_name();
    let left = round.left(round.shown());
    let said = match undone {
        Undone::Cast(_) => format!("Undid {voter}'s vote on “{text}”: {left} left"),
        Undone::TakeBack(_) => format!("{voter}'s vote on “{text}” is back: {left} left"),
    };
    app.inform(said);
}

/// A friction point's or opportunity's text, cut short for the status bar at 80 columns ("" when it is gone).
fn item_text(app: &App, id: &str) -> String {
    let Some(doc) = app.screen.doc() else {
        return String::new();
    };
    let text = doc.map.stages.iter().find_map(|stage| {
        let friction = stage.frictions.iter().find(|f| f.id.as_str() == id);
        friction.map(|f| &f.text).or_else(|| {
            let opportunity = stage.opportunities.iter().find(|o| o.id.as_str() == id);
            opportunity.map(|o| &o.text)
        })
    });
    text.map_or_else(String::new, |text| truncate(&clean_line(text), 14).into_owned())
}

/// Starts a round (asking how) or ends the one running: its votes go on the map as one
/// step, and the result shows, ranked, ties marked.
pub(super) fn round_key(app: &mut App) -> Effect {
    match app.round.take() {
        None => app.open_form(round_form(app.last_round.as_ref())),
        Some(round) => end_round(app, &round),
    }
    Effect::Nothing
}

fn end_round(app: &mut App, round: &Round) {
    let Some(doc) = app.screen.doc() else { return };
    let result = round.result(&doc.map);
    let mut edits: Vec<Edit> = round.totals_edit(&doc.map).into_iter().collect();
    if round.keep_ballots && !round.ballots().is_empty() {
        edits.push(round.ballots_edit(&doc.map, &note_time(jiff::Timestamp::now())));
    }
    let applied = !edits.is_empty() && apply(app, Edit::Batch(edits), "voting round");
    let undo = app.key(&Action::Undo);
    let mut lines = vec![format!(
        "{} of {} votes cast by {} people ({} each){}.",
        round.cast_count(),
        round.pool(),
        round.participants().len(),
        round.votes_each(),
        if round.blind { ", blind" } else { "" }
    )];
    lines.push(String::new());
    for ranked in &result.ranked {
        let rank = format!("{}{}", ranked.rank, if ranked.tied { "=" } else { "" });
        lines.push(format!(
            "{rank:>4}  ●{:<3} \t{}  ({} {})",
            ranked.votes,
            clean_line(&ranked.text),
            ranked.stage + 1,
            clean_line(&ranked.stage_name)
        ));
    }
    if result.ranked.is_empty() {
        lines.push("No votes were cast.".to_owned());
    }
    lines.push(String::new());
    if result.lost > 0 {
        lines.push(format!(
            "{} vote{} went on points deleted during the round.",
            result.lost,
            plural(result.lost)
        ));
    }
    if result.ranked.iter().any(|r| r.tied) {
        lines.push("= marks a tie.".to_owned());
    }
    if applied {
        let kept = if round.keep_ballots {
            "The totals and who voted what are on the map"
        } else {
            "The totals are on the map (who voted what is not kept)"
        };
        lines.push(format!("{kept}; {undo} takes the whole round back."));
    }
    app.notice("Voting round result", lines);
}

/// Begins a round as set up.
pub(super) fn start_round(app: &mut App, setup: RoundSetup) {
    let mut round = Round::start(setup.clone(), Instant::now());
    round.on_map_state(map_state(app));
    app.inform(format!(
        "Round on: {} casts for {}, {} next person, {} ends",
        app.key(&Action::Vote),
        round.shown_name(),
        app.key(&Action::NextParticipant),
        app.key(&Action::VotingRound)
    ));
    app.round = Some(round);
    app.last_round = Some(setup);
}
