//! Votes: one key adds a vote to the selected friction point or opportunity, another takes
//! one away (never below zero); and the dot-voting round that rations them.

use super::super::forms::round_form;
use super::super::voting::VotingRound;
use super::super::{App, Effect, action::Action};
use super::apply::apply;
use crate::model::{Edit, Item, Lane};

/// Adds (`up`) or removes a vote on the selected item.
pub(super) fn vote(app: &mut App, up: bool) -> Effect {
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
    let (id, votes) = match &mut item {
        Item::Friction(f) => (f.id.to_string(), &mut f.votes),
        Item::Opportunity(o) => (o.id.to_string(), &mut o.votes),
        Item::Touchpoint(_) => return Effect::Nothing,
    };
    if let Some(round) = &app.round {
        if up && round.left() == 0 {
            let end = app.key(&Action::VotingRound);
            app.warn(format!(
                "No votes left in this round: {end} ends it and shows the result"
            ));
            return Effect::Nothing;
        }
        if !up && round.gained_by(&id, *votes) == 0 {
            app.inform("This round has cast no vote here to take back");
            return Effect::Nothing;
        }
    }
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
        recount(app);
        match &app.round {
            Some(round) if round.left() == 0 => {
                let end = app.key(&Action::VotingRound);
                app.inform(format!("All votes are cast: {end} shows the result"));
            }
            Some(round) => app.inform(format!(
                "{now} vote{} · {} left in the round",
                plural(now),
                round.left()
            )),
            None => app.inform(format!("{now} vote{}", plural(now))),
        }
    }
    Effect::Nothing
}

fn plural(n: u32) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Starts a round (asking its size) or ends the one running (showing the result).
pub(super) fn round_key(app: &mut App) -> Effect {
    match app.round.take() {
        None => app.open_form(round_form()),
        Some(round) => {
            let Some(doc) = app.screen.doc() else {
                return Effect::Nothing;
            };
            let result = round.result(&doc.map);
            let mut lines = vec![
                format!(
                    "{} of {} votes cast ({} people, {} each).",
                    round.cast,
                    round.pool(),
                    round.people,
                    round.per_person
                ),
                String::new(),
            ];
            lines.extend(result.iter().enumerate().map(|(i, gain)| {
                format!("{:>2}. ●{:<3} {}  ({})", i + 1, gain.votes, gain.text, gain.stage)
            }));
            if result.is_empty() {
                lines.push("No votes were cast.".to_owned());
            }
            app.notice("Voting round result", lines);
        }
    }
    Effect::Nothing
}

/// Begins a round of `people` × `per_person` votes.
pub(super) fn start_round(app: &mut App, per_person: u32, people: u32) {
    let Some(doc) = app.screen.doc() else { return };
    let round = VotingRound::start(&doc.map, per_person, people);
    app.inform(format!(
        "Voting round: {} votes. {} casts one on the selected point, {} takes it back, {} ends the round",
        round.pool(),
        app.key(&Action::Vote),
        app.key(&Action::Unvote),
        app.key(&Action::VotingRound)
    ));
    app.round = Some(round);
}

/// Brings the round's tally up to date after a change (undo included).
pub(super) fn recount(app: &mut App) {
    if let (Some(round), Some(doc)) = (&mut app.round, app.screen.doc()) {
        round.recount(&doc.map);
    }
}
