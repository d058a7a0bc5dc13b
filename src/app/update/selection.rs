//! Keys that act on the selection and nowhere else. A digit sets a friction point's
//! severity, or the emotion score as the room says it: `-` `2` is -2, `0` is neutral,
//! `2` or `+` `2` is +2 (the sign steps the score at once, and the digit after it
//! replaces that step, so undo sees one change). `+` and `-` step the score only on the
//! emotion lane.

use std::sync::Arc;

use super::super::{App, action::Action};
use super::apply::apply;
use crate::model::{Edit, Item, Lane, Score, Severity};

/// A `+` or `-` just pressed on the emotion lane, which a digit may complete.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScoreSign {
    stage: usize,
    negative: bool,
    /// The history state the step left, when it changed the score.
    stepped: Option<u64>,
}

/// What a digit says the selection should be, in words: for the status bar when it
/// does not apply here.
fn digit_rule(app: &App) -> String {
    let key = |action: Action| app.key(&action);
    format!(
        "{}–{} set a friction point's severity; on the emotion lane {}…{} set the score \
         ({} first makes it negative)",
        key(Action::Number(1)),
        key(Action::Number(3)),
        key(Action::Number(0)),
        key(Action::Number(2)),
        key(Action::LowerScore)
    )
}

/// `+` (`up`) or `-`: one step along the emotion scale, on the emotion lane only.
pub(super) fn step_score(app: &mut App, up: bool) {
    if app.cursor.lane != Lane::Emotion {
        let lane = app.key(&Action::MoveDown);
        app.inform(format!(
            "{} and {} score the emotion lane: select it first ({lane} moves down)",
            app.key(&Action::RaiseScore),
            app.key(&Action::LowerScore)
        ));
        return;
    }
    let stage = app.cursor.stage;
    let before = app.screen.doc().map(|d| d.history.state());
    set_score(app, |s| match (s, up) {
        (None, true) => Score::new(1),
        (None, false) => Score::new(-1),
        (Some(s), true) => Some(s.raised()),
        (Some(s), false) => Some(s.lowered()),
    });
    let after = app.screen.doc().map(|d| d.history.state());
    app.score_sign = Some(ScoreSign {
        stage,
        negative: !up,
        stepped: after.filter(|_| after != before),
    });
}

/// A digit: the friction point's severity, or the emotion score (negative right after
/// `-`); elsewhere it says what digits do.
pub(super) fn number(app: &mut App, n: u8, sign: Option<ScoreSign>) {
    match app.cursor.lane {
        Lane::Friction => set_severity(app, app.cursor.stage, app.cursor.item, n),
        Lane::Emotion if n <= 2 => {
            let stage = app.cursor.stage;
            let sign = sign.filter(|s| s.stage == stage);
            if let Some(state) = sign.and_then(|s| s.stepped) {
                take_back_step(app, state);
            }
            let value = if sign.is_some_and(|s| s.negative) {
                -i64::from(n)
            } else {
                i64::from(n)
            };
            set_score(app, |_| Score::new(value));
        }
        Lane::Emotion => app.inform(format!("Emotion scores run from -2 to +2: {}", digit_rule(app))),
        _ => app.inform(digit_rule(app)),
    }
}

/// Undoes the step a sign made, when nothing happened since, so sign and digit are one
/// change.
fn take_back_step(app: &mut App, state: u64) {
    if let Some(doc) = app.screen.doc_mut()
        && doc.history.state() == state
    {
        let _ = doc.history.undo(Arc::make_mut(&mut doc.map));
    }
}

/// Sets severity `n` (1 to 3) on friction point `at` of stage `stage`.
pub(super) fn set_severity(app: &mut App, stage: usize, at: usize, n: u8) {
    let Some(severity) = Severity::from_number(i64::from(n)) else {
        app.inform(digit_rule(app));
        return;
    };
    let Some(friction) = app
        .screen
        .doc()
        .and_then(|d| d.map.stages.get(stage)?.frictions.get(at).cloned())
    else {
        let add = app.key(&Action::AddItem);
        app.inform(format!("No friction point here: {add} adds one"));
        return;
    };
    if friction.severity == severity {
        app.inform(format!("Already severity {} {}", n, severity.word()));
        return;
    }
    let item = Item::Friction(crate::model::Friction { severity, ..friction });
    if apply(app, Edit::ReplaceItem { stage, at, item }, "severity") {
        app.inform(format!("Severity {n} {}", severity.word()));
    }
}

/// Sets the selected stage's emotion score to what `next` makes of it.
pub(super) fn set_score(app: &mut App, next: impl FnOnce(Option<Score>) -> Option<Score>) {
    let stage = app.cursor.stage;
    let Some(current) = app.screen.doc().and_then(|d| d.map.stages.get(stage)) else {
        return;
    };
    let score = next(current.emotion.score);
    if score == current.emotion.score {
        if let Some(score) = score {
            app.inform(format!(
                "The score is already {} {}",
                score.signed(),
                score.word()
            ));
        }
        return;
    }
    if apply(app, Edit::SetScore { stage, score }, "emotion score") {
        app.cursor.lane = Lane::Emotion;
        app.cursor.item = 0;
        if let Some(score) = score {
            app.inform(format!("Emotion {} {}", score.signed(), score.word()));
        }
    }
}
