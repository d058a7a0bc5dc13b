//! Quick capture in the program, no terminal: a friction point typed with trailing tags
//! takes its severity, channel and owner; channels are one list whatever their spelling;
//! forms complete channels and owners from the map.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use cxmap::app::App;
use cxmap::app::action::Action;
use cxmap::app::document::Document;
use cxmap::app::update::update;
use cxmap::assets::EXAMPLES;
use cxmap::model::{IdGen, JourneyMap, Lane, Severity};

fn store_app() -> App {
    let map = EXAMPLES[1].map().unwrap();
    let mut app = App::with_document(Document::opened(map, "store.json".into()), IdGen::seeded(1));
    app.resize(120, 40);
    app
}

fn run(app: &mut App, actions: impl IntoIterator<Item = Action>) {
    for action in actions {
        update(app, action);
    }
}

fn typed(text: &str) -> Vec<Action> {
    text.chars().map(Action::Type).collect()
}

fn map_of(app: &App) -> &JourneyMap {
    &app.doc().unwrap().map
}

/// Selects the friction lane of the first stage.
fn to_friction(app: &mut App) {
    while app.cursor.lane != Lane::Friction {
        run(app, [Action::MoveDown]);
    }
}

#[test]
fn tags_set_severity_channel_and_owner_and_leave_the_text() {
    let mut app = store_app();
    to_friction(&mut app);
    let before = map_of(&app).stages[0].frictions.len();
    let channels = map_of(&app).shadow.channels.clone();
    run(&mut app, [Action::AddItem]);
    run(&mut app, typed("Queue of nine at the till !3 #e_mail @naledi"));
    run(&mut app, [Action::Commit, Action::Commit]);
    let stage = &map_of(&app).stages[0];
    assert_eq!(stage.frictions.len(), before + 1);
    let added = stage
        .frictions
        .iter()
        .find(|f| f.text.starts_with("Queue"))
        .unwrap();
    assert_eq!(added.text, "Queue of nine at the till");
    assert_eq!(added.severity, Severity::Severe);
    assert_eq!(added.channel, "E-mail", "the map's spelling");
    assert_eq!(added.owner, "Naledi", "the owner the map already names");
    assert_eq!(map_of(&app).shadow.channels, channels, "no twin joined the list");
}

#[test]
fn a_new_channel_joins_the_list_the_status_bar_says_so_and_undo_takes_both_back() {
    let mut app = store_app();
    to_friction(&mut app);
    let before = map_of(&app).clone();
    run(&mut app, [Action::AddItem]);
    run(&mut app, typed("Card reader asleep #kiosk"));
    run(&mut app, [Action::Commit]);
    let said = app.message.as_ref().unwrap().text.clone();
    assert!(said.contains("Added (new channel “Kiosk”)"), "{said}");
    assert_eq!(map_of(&app).shadow.channels.last().unwrap(), "Kiosk");
    run(&mut app, typed("Then the screen froze"));
    run(&mut app, [Action::Commit, Action::Commit]);
    let stage = &map_of(&app).stages[0];
    let froze = stage.frictions.iter().find(|f| f.text.contains("froze")).unwrap();
    assert_eq!(
        froze.channel, "Kiosk",
        "the next point starts in the channel just given"
    );
    run(&mut app, [Action::Undo, Action::Undo]);
    assert_eq!(map_of(&app), &before);
}

#[test]
fn a_line_of_tags_only_is_refused_and_the_editor_stays() {
    let mut app = store_app();
    to_friction(&mut app);
    run(&mut app, [Action::AddItem]);
    run(&mut app, typed("!3 #store"));
    run(&mut app, [Action::Commit]);
    assert!(app.editor().is_some());
    assert_eq!(app.editor().unwrap().input.text(), "!3 #store");
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .contains("Say what happened before the tags")
    );
}

#[test]
fn tab_completes_a_channel_tag_and_again_takes_the_next() {
    let mut app = store_app();
    to_friction(&mut app);
    run(&mut app, [Action::AddItem]);
    run(&mut app, typed("Hold music loops #contact"));
    run(&mut app, [Action::Complete]);
    assert_eq!(
        app.editor().unwrap().input.text(),
        "Hold music loops #Contact-centre_call"
    );
    run(&mut app, [Action::Commit, Action::Commit]);
    let stage = &map_of(&app).stages[0];
    let added = stage
        .frictions
        .iter()
        .find(|f| f.text.starts_with("Hold"))
        .unwrap();
    assert_eq!(added.channel, "Contact-centre call");
}

#[test]
fn tags_stay_text_outside_friction_points() {
    let mut app = store_app();
    while app.cursor.lane != Lane::Opportunity {
        run(&mut app, [Action::MoveDown]);
    }
    run(&mut app, [Action::AddItem]);
    run(&mut app, typed("Post it as #sundaycoffee"));
    run(&mut app, [Action::Commit, Action::Commit]);
    assert!(
        map_of(&app).stages[0]
            .opportunities
            .iter()
            .any(|o| o.text == "Post it as #sundaycoffee")
    );
}

#[test]
fn the_friction_form_completes_channels_and_owners_and_keeps_one_spelling() {
    let mut app = store_app();
    to_friction(&mut app);
    run(&mut app, [Action::EditCell]);
    assert!(app.form().is_some());
    // Text, severity, then the channel.
    run(
        &mut app,
        [Action::NextField, Action::NextField, Action::DeleteToLineStart],
    );
    run(&mut app, typed("email"));
    run(&mut app, [Action::NextField]);
    assert_eq!(
        app.form().unwrap().text("channel"),
        "E-mail",
        "Tab completed the channel"
    );
    run(
        &mut app,
        [Action::NextField, Action::NextField, Action::DeleteToLineStart],
    );
    run(&mut app, typed("kag"));
    run(&mut app, [Action::NextField]);
    assert_eq!(app.form().unwrap().text("owner"), "Kagiso");
    run(&mut app, [Action::Commit]);
    let point = &map_of(&app).stages[0].frictions[0];
    assert_eq!(
        (point.channel.as_str(), point.owner.as_str()),
        ("E-mail", "Kagiso")
    );
}

#[test]
fn a_channel_typed_as_a_twin_in_the_form_is_stored_as_the_map_spells_it() {
    let mut app = store_app();
    to_friction(&mut app);
    run(&mut app, [Action::EditCell, Action::NextField, Action::NextField]);
    run(&mut app, [Action::DeleteToLineStart]);
    run(&mut app, typed("MOBILE-APP"));
    run(&mut app, [Action::Commit]);
    assert_eq!(map_of(&app).stages[0].frictions[0].channel, "Mobile app");
}

#[test]
fn a_tag_that_starts_only_one_name_is_that_name() {
    let mut app = store_app();
    to_friction(&mut app);
    let channels = map_of(&app).shadow.channels.clone();
    run(&mut app, [Action::AddItem]);
    run(&mut app, typed("3-D Secure resets checkout !3 #app @nal"));
    run(&mut app, [Action::Commit, Action::Commit]);
    let stage = &map_of(&app).stages[0];
    let added = stage
        .frictions
        .iter()
        .find(|f| f.text.starts_with("3-D"))
        .unwrap();
    assert_eq!(
        (added.channel.as_str(), added.owner.as_str()),
        ("Mobile app", "Naledi"),
        "the room's App is the map's Mobile app, not a twin of it"
    );
    assert_eq!(map_of(&app).shadow.channels, channels);
}

#[test]
fn an_empty_enter_ending_a_run_says_what_the_run_added() {
    let mut app = store_app();
    to_friction(&mut app);
    run(&mut app, [Action::AddItem]);
    run(&mut app, typed("Queue of nine !3"));
    run(&mut app, [Action::Commit]);
    run(&mut app, typed("Card reader asleep"));
    run(&mut app, [Action::Commit, Action::Commit]);
    assert!(app.editor().is_none());
    let said = app.message.as_ref().unwrap().text.clone();
    let stage = map_of(&app).stages[0].name.clone();
    assert_eq!(
        said,
        format!("2 friction points added to 1 {stage} · u undoes the last")
    );
    while app.cursor.lane != cxmap::model::Lane::Opportunity {
        run(&mut app, [Action::MoveDown]);
    }
    run(&mut app, [Action::AddItem]);
    run(&mut app, typed("Open a second till"));
    run(&mut app, [Action::Commit]);
    run(&mut app, typed("Wake the card reader"));
    run(&mut app, [Action::Commit, Action::Commit]);
    let said = app.message.as_ref().unwrap().text.clone();
    assert!(said.starts_with("2 opportunities added"), "{said}");
    // A run that added nothing says nothing of the kind.
    run(&mut app, [Action::AddItem, Action::Commit]);
    assert!(app.message.as_ref().is_none_or(|m| !m.text.contains("added to")));
}

#[test]
fn a_room_s_word_for_a_channel_lands_on_the_map_s_one_list() {
    let mut app = store_app();
    to_friction(&mut app);
    let channels_before = map_of(&app).shadow.channels.clone();
    run(&mut app, [Action::AddItem]);
    run(&mut app, typed("On hold for 20 minutes #phone"));
    run(&mut app, [Action::Commit]);
    let said = app.message.as_ref().unwrap().text.clone();
    assert!(said.contains("Contact-centre call"), "{said}");
    let stage = &map_of(&app).stages[0];
    let held = stage.frictions.iter().find(|f| f.text.contains("hold")).unwrap();
    assert_eq!(held.channel, "Contact-centre call");
    assert_eq!(
        map_of(&app).shadow.channels,
        channels_before,
        "no second phone channel"
    );
}
