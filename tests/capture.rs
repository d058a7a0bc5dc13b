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

const THREE_CRLF_LINES: &str = "Queue of nine at the till !3 #store @Ana\r\nApp crashed on login #app\r\nSign says \"returns by courier only\" !2\r\n";

/// The three pasted points as the map holds them: text, severity, channel, owner.
fn pasted_points(app: &App, stage: usize) -> Vec<(String, Severity, String, String)> {
    map_of(app).stages[stage]
        .frictions
        .iter()
        .filter(|f| {
            ["Queue", "App crashed", "Sign"]
                .iter()
                .any(|p| f.text.starts_with(p))
        })
        .map(|f| (f.text.clone(), f.severity, f.channel.clone(), f.owner.clone()))
        .collect()
}

fn expected_three() -> Vec<(String, Severity, String, String)> {
    let point = |text: &str, severity, channel: &str, owner: &str| {
        (text.to_owned(), severity, channel.to_owned(), owner.to_owned())
    };
    vec![
        point("Queue of nine at the till", Severity::Severe, "Store", "Ana"),
        point("App crashed on login", Severity::Major, "Mobile app", ""),
        point(
            "Sign says \"returns by courier only\"",
            Severity::Major,
            "Mobile app",
            "",
        ),
    ]
}

#[test]
fn lines_pasted_on_a_friction_point_are_read_like_quick_capture() {
    let mut app = store_app();
    to_friction(&mut app);
    run(&mut app, [Action::Paste(THREE_CRLF_LINES.into())]);
    assert_eq!(pasted_points(&app, 0), expected_three());
    assert!(said(&app).starts_with("Added 3 friction points from the paste"));
    run(&mut app, [Action::Undo]);
    assert!(pasted_points(&app, 0).is_empty(), "a paste undoes as one step");
}

#[test]
fn lines_pasted_into_the_add_editor_add_one_point_each_and_the_run_goes_on() {
    let mut app = store_app();
    to_friction(&mut app);
    // tmux and many terminals send each pasted LF as CR: CRLF lines arrive as CR CR.
    let as_sent = THREE_CRLF_LINES.replace('\n', "\r");
    run(&mut app, [Action::AddItem, Action::Paste(as_sent)]);
    assert_eq!(pasted_points(&app, 0), expected_three());
    let editor = app
        .modal
        .editor_mut()
        .expect("the editor stays open for the next");
    assert_eq!(editor.input.text(), "");
    run(&mut app, typed("No basket by the door"));
    run(&mut app, [Action::Commit]);
    let added = map_of(&app).stages[0]
        .frictions
        .iter()
        .find(|f| f.text.starts_with("No basket"));
    assert_eq!(
        added.map(|f| f.channel.as_str()),
        Some("Mobile app"),
        "the channel given last"
    );
    run(&mut app, [Action::Commit]);
    assert!(
        said(&app).starts_with("4 friction points added"),
        "{}",
        said(&app)
    );
}

#[test]
fn one_pasted_line_in_the_add_editor_is_typed_and_a_crlf_is_one_line_break() {
    let mut app = store_app();
    to_friction(&mut app);
    run(&mut app, [Action::AddItem, Action::Paste("Long wait\r\n".into())]);
    assert_eq!(app.modal.editor_mut().unwrap().input.text(), "Long wait\n");
    let mut app = store_app();
    assert_eq!(app.cursor.lane, Lane::Goal);
    run(&mut app, [Action::EditCell, Action::TextEnd]);
    run(&mut app, [Action::Paste("one\r\ntwo\r\n\r\nthree".into())]);
    let goal = app.modal.editor_mut().unwrap().input.text().to_owned();
    assert!(goal.ends_with("one\ntwo\n\nthree"), "{goal:?}");
}

fn said(app: &App) -> String {
    app.message.as_ref().map(|m| m.text.clone()).unwrap_or_default()
}

#[test]
fn a_channel_two_pasted_lines_bring_joins_the_list_once() {
    let mut app = store_app();
    to_friction(&mut app);
    let before = map_of(&app).shadow.channels.clone();
    run(
        &mut app,
        [Action::Paste(
            "Screen frozen #kiosk\nNo help nearby #Kiosk\n#kiosk !3".into(),
        )],
    );
    let mut expected = before.clone();
    expected.push("Kiosk".to_owned());
    assert_eq!(map_of(&app).shadow.channels, expected);
    assert_eq!(
        said(&app),
        "Added 2 friction points from the paste, new channel Kiosk; 1 line of tags only left out"
    );
    run(&mut app, [Action::Undo]);
    assert_eq!(
        map_of(&app).shadow.channels,
        before,
        "undo takes the channel back too"
    );
}

/// The status line and the form's bottom border at 80×24.
fn form_hints_at_80(app: &mut App) -> String {
    app.resize(80, 24);
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    terminal.draw(|frame| cxmap::ui::render(app, frame)).unwrap();
    terminal.backend().to_string()
}

#[test]
fn tab_on_a_tag_says_it_completes_and_once_spelled_moves_to_the_next_field() {
    let mut app = store_app();
    to_friction(&mut app);
    run(&mut app, [Action::AddNote]);
    let text_field = app.form().unwrap().focused_name().unwrap();
    run(
        &mut app,
        typed("The courier left a slip and no parcel behind the gate #cour"),
    );
    let field = app.form().unwrap().focused().unwrap();
    assert_eq!(field.tab_completes().as_deref(), Some("#cour"));
    let screen = form_hints_at_80(&mut app);
    let status = screen.lines().last().unwrap();
    assert!(
        status.contains("Tab completes #cour") && status.contains("↓ next field"),
        "{status}"
    );
    assert!(!screen.contains("Tab next field"), "{screen}");
    run(&mut app, [Action::NextField]);
    let form = app.form().unwrap();
    assert_eq!(form.focused_name(), Some(text_field), "the first Tab completes");
    assert!(
        form.text(text_field).ends_with("#Courier"),
        "{}",
        form.text(text_field)
    );
    assert_eq!(
        form.focused().unwrap().tab_completes(),
        None,
        "spelled as the map spells it"
    );
    let screen = form_hints_at_80(&mut app);
    assert!(
        screen.lines().last().unwrap().contains("Tab next field"),
        "{screen}"
    );
    run(&mut app, [Action::NextField]);
    assert_ne!(
        app.form().unwrap().focused_name(),
        Some(text_field),
        "the next Tab moves on"
    );
}

#[test]
fn the_owner_popup_says_tab_completes_the_owner() {
    let mut app = store_app();
    run(&mut app, [Action::ShowBoard, Action::SetOwner]);
    run(&mut app, [Action::DeleteToLineStart]);
    run(&mut app, typed("kag"));
    let screen = form_hints_at_80(&mut app);
    assert!(
        screen.lines().last().unwrap().contains("Tab completes owner"),
        "{screen}"
    );
    assert!(
        !screen.contains("next field"),
        "one field: nothing to move to\n{screen}"
    );
    run(&mut app, [Action::NextField]);
    assert_eq!(app.form().unwrap().text("name"), "Kagiso");
    let screen = form_hints_at_80(&mut app);
    assert!(!screen.contains("Tab completes"), "{screen}");
}
