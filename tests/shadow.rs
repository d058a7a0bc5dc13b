//! The service-shadow screens driven by actions, no terminal: the notes pane, the note
//! form, making a friction point, the coverage view's plan votes and the channels screen.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use cxmap::app::action::Action;
use cxmap::app::document::Document;
use cxmap::app::folder::FolderListing;
use cxmap::app::keymap::Mode;
use cxmap::app::modal::{Modal, Question};
use cxmap::app::screen::View;
use cxmap::app::update::update;
use cxmap::app::{App, Effect};
use cxmap::assets::EXAMPLES;
use cxmap::model::JourneyMap;

/// The online store, with the observer known and the clock stopped.
fn store_app() -> App {
    let map = EXAMPLES[1].map().unwrap();
    let mut app = App::with_document(
        Document::opened(map, "online-store.json".into()),
        cxmap::model::IdGen::seeded(7),
    );
    app.resize(80, 24);
    app.time_zone = jiff::tz::TimeZone::UTC;
    app.shadow.observer = Some("Ana".into());
    app.shadow.clock = Some("2026-11-23T09:30:00Z".parse().unwrap());
    // The map's folder holds none of the example's evidence.
    app.folder = FolderListing::holding(&[]);
    app
}

fn run(app: &mut App, actions: impl IntoIterator<Item = Action>) -> Vec<Effect> {
    actions.into_iter().map(|action| update(app, action)).collect()
}

fn typed(text: &str) -> Vec<Action> {
    text.chars().map(Action::Type).collect()
}

fn map_of(app: &App) -> &JourneyMap {
    &app.doc().unwrap().map
}

#[test]
fn w_opens_the_pane_newest_first_and_tab_moves_the_focus() {
    let mut app = store_app();
    run(&mut app, [Action::ToggleNotes]);
    assert_eq!(app.mode(), Mode::Shadow);
    let map = map_of(&app);
    let times: Vec<&str> = app
        .shadow
        .rows
        .iter()
        .map(|n| map.shadow.notes[n].at.as_str())
        .collect();
    assert_eq!(times.len(), map.shadow.notes.len());
    assert!(times.windows(2).all(|w| w[0] >= w[1]), "{times:?}");
    // The grid shows the selected note's stage.
    let first = &map.shadow.notes[app.shadow.rows.get(0).unwrap()];
    assert_eq!(Some(app.cursor.stage), map.stage_position(&first.stage));
    run(&mut app, [Action::SelectNext]);
    let second = &map_of(&app).shadow.notes[app.shadow.rows.get(1).unwrap()];
    assert_eq!(Some(app.cursor.stage), map_of(&app).stage_position(&second.stage));
    run(&mut app, [Action::FocusNotes]);
    assert_eq!(app.mode(), Mode::Grid);
    assert!(app.shadow.pane.is_open());
    run(&mut app, [Action::FocusNotes, Action::ToggleNotes]);
    assert!(!app.shadow.pane.is_open());
    assert_eq!(app.mode(), Mode::Grid);
}

#[test]
fn adding_a_note_takes_one_key_the_text_and_enter() {
    let mut app = store_app();
    run(&mut app, [Action::MoveRight, Action::MoveRight, Action::AddNote]);
    run(&mut app, typed("Cart total jumps at the last step"));
    run(&mut app, [Action::Commit]);
    let map = map_of(&app);
    let note = map.shadow.notes.last().unwrap();
    assert_eq!(note.text, "Cart total jumps at the last step");
    assert_eq!(note.stage, map.stages[2].id, "the grid's selected stage");
    assert_eq!(note.channel, "Website", "the first channel before any was used");
    assert_eq!(note.observer, "Ana");
    assert_eq!(note.at, "2026-11-23T09:30:00Z");
    assert!(note.id.as_str().starts_with("sh-"));
    assert!(app.shadow.pane.is_open(), "the pane shows the new note");
    assert_eq!(app.shadow.selected_note(), Some(map.shadow.notes.len() - 1));
    // The next note takes the last channel used; a channel the map lacks joins its list.
    run(&mut app, [Action::AddNote]);
    run(&mut app, typed("Kiosk queue"));
    run(
        &mut app,
        [Action::NextField, Action::NextField, Action::DeleteToLineStart],
    );
    run(&mut app, typed("Kiosk"));
    run(&mut app, [Action::Commit]);
    run(&mut app, [Action::AddNote, Action::Type('x'), Action::Commit]);
    let map = map_of(&app);
    assert_eq!(map.shadow.notes.last().unwrap().channel, "Kiosk");
    assert_eq!(map.shadow.channels.last().map(String::as_str), Some("Kiosk"));
    // Undo takes the note and the new channel back together.
    let before = map.shadow.notes.len();
    run(&mut app, [Action::Undo, Action::Undo]);
    assert_eq!(map_of(&app).shadow.notes.len(), before - 2);
    assert!(!map_of(&app).shadow.channels.contains(&"Kiosk".to_owned()));
    run(&mut app, [Action::Redo]);
    assert_eq!(map_of(&app).shadow.notes.len(), before - 1);
}

#[test]
fn the_first_note_is_written_at_once_and_its_observer_is_remembered() {
    let mut app = store_app();
    app.shadow.observer = None;
    app.shadow.observer_suggestion = String::new();
    // W opens the note form at its text: what is typed is the note, never a name.
    run(&mut app, [Action::AddNote]);
    assert_eq!(app.form().unwrap().focused_name(), Some("text"));
    run(&mut app, typed("Door sign says closed"));
    let effects = run(&mut app, [Action::Commit]);
    assert!(effects.iter().all(|e| *e == Effect::Nothing));
    let form = app.form().expect("no name yet: the form asks for one");
    assert_eq!(form.focused_name(), Some("observer"));
    assert!(form.error.as_deref().unwrap().starts_with("Who observed this?"));
    run(&mut app, typed("Thandi"));
    let effects = run(&mut app, [Action::Commit]);
    assert_eq!(effects, [Effect::RememberObserver("Thandi".into())]);
    assert_eq!(app.shadow.observer.as_deref(), Some("Thandi"));
    let note = map_of(&app).shadow.notes.last().unwrap();
    assert_eq!(
        (note.text.as_str(), note.observer.as_str()),
        ("Door sign says closed", "Thandi")
    );
    // The next note is signed with it, and asks nothing.
    run(&mut app, [Action::AddNote]);
    run(&mut app, typed("Queue of six"));
    let effects = run(&mut app, [Action::Commit]);
    assert!(effects.iter().all(|e| *e == Effect::Nothing));
    assert_eq!(map_of(&app).shadow.notes.last().unwrap().observer, "Thandi");
}

#[test]
fn the_login_name_signs_the_first_note_and_is_remembered() {
    let mut app = store_app();
    app.shadow.observer = None;
    app.shadow.observer_suggestion = "thandi".into();
    run(&mut app, [Action::AddNote]);
    run(&mut app, typed("Door sign says closed"));
    let effects = run(&mut app, [Action::Commit]);
    assert_eq!(effects, [Effect::RememberObserver("thandi".into())]);
    assert_eq!(map_of(&app).shadow.notes.last().unwrap().observer, "thandi");
    // A name typed over the suggestion replaces it.
    app.shadow.observer = None;
    run(&mut app, [Action::AddNote]);
    run(&mut app, typed("Queue of six"));
    run(
        &mut app,
        [Action::NextField, Action::NextField, Action::NextField],
    );
    assert_eq!(app.form().unwrap().focused_name(), Some("observer"));
    run(&mut app, typed("Lindiwe"));
    let effects = run(&mut app, [Action::Commit]);
    assert_eq!(effects, [Effect::RememberObserver("Lindiwe".into())]);
}

#[test]
fn typing_on_the_stage_choice_jumps_to_a_stage_by_its_name_or_number() {
    let mut app = store_app();
    run(&mut app, [Action::AddNote]);
    run(&mut app, typed("Sizes in US only"));
    run(&mut app, [Action::NextField, Action::Type('p')]);
    run(&mut app, [Action::Commit]);
    let map = map_of(&app);
    let purchase = map.stages.iter().position(|s| s.name == "Purchase").unwrap();
    assert_eq!(map.shadow.notes.last().unwrap().stage, map.stages[purchase].id);
    run(&mut app, [Action::AddNote]);
    run(&mut app, typed("Returns page"));
    run(&mut app, [Action::NextField, Action::Type('6')]);
    run(&mut app, [Action::Commit]);
    let map = map_of(&app);
    assert_eq!(
        map.shadow.notes.last().unwrap().stage,
        map.stages[5].id,
        "stage 6 by its number"
    );
}

#[test]
fn the_note_form_changes_every_field_and_checks_the_time() {
    let mut app = store_app();
    run(&mut app, [Action::ToggleNotes, Action::EditNote]);
    let at = app.shadow.selected_note().unwrap();
    let original = map_of(&app).shadow.notes[at].clone();
    run(
        &mut app,
        [Action::NextField, Action::CursorLeft, Action::NextField],
    );
    run(&mut app, [Action::NextField, Action::DeleteToLineStart]);
    run(&mut app, typed("Bo"));
    run(&mut app, [Action::NextField, Action::DeleteToLineStart]);
    run(&mut app, typed("yesterday"));
    run(&mut app, [Action::Commit]);
    let error = app.form().unwrap().error.clone().unwrap();
    assert!(error.starts_with("Time must look like"), "{error}");
    run(&mut app, [Action::DeleteToLineStart]);
    run(&mut app, typed("2026-11-20 14:05"));
    run(&mut app, [Action::NextField]);
    run(&mut app, typed("photos/a.jpg"));
    run(&mut app, [Action::Commit]);
    assert!(app.form().is_none());
    let note = &map_of(&app).shadow.notes[at];
    assert_eq!(note.observer, "Bo");
    assert_eq!(note.at, "2026-11-20T14:05:00Z");
    assert_ne!(note.stage, original.stage, "← picked the stage before");
    assert_eq!(note.evidence.last().map(String::as_str), Some("photos/a.jpg"));
    assert_eq!(note.id, original.id);
    run(&mut app, [Action::Undo]);
    assert_eq!(map_of(&app).shadow.notes[at], original);
}

#[test]
fn deleting_a_note_asks_first_and_undo_brings_it_back() {
    let mut app = store_app();
    run(&mut app, [Action::ToggleNotes, Action::DeleteNote]);
    let at = app.shadow.selected_note().unwrap();
    assert_eq!(app.question(), Some(&Question::DeleteNote { at }));
    let count = map_of(&app).shadow.notes.len();
    run(&mut app, [Action::No]);
    assert_eq!(map_of(&app).shadow.notes.len(), count);
    run(&mut app, [Action::DeleteNote, Action::Yes]);
    assert_eq!(map_of(&app).shadow.notes.len(), count - 1);
    assert_eq!(app.shadow.rows.len(), count - 1);
    run(&mut app, [Action::Undo]);
    assert_eq!(map_of(&app).shadow.notes.len(), count);
}

#[test]
fn the_filter_narrows_by_stage_channel_observer_and_text() {
    let mut app = store_app();
    run(&mut app, [Action::ToggleNotes, Action::FilterNotes]);
    // Stage: 3 Purchase; channel: Website (first in the list).
    run(
        &mut app,
        [Action::Type('3'), Action::NextField, Action::Type('W')],
    );
    run(&mut app, [Action::Commit]);
    let map = map_of(&app);
    assert!(!app.shadow.rows.is_empty());
    for n in app.shadow.rows.iter() {
        let note = &map.shadow.notes[n];
        assert_eq!(note.stage, map.stages[2].id);
        assert_eq!(note.channel, "Website");
    }
    run(
        &mut app,
        [Action::FilterNotes, Action::NextField, Action::NextField],
    );
    run(&mut app, [Action::NextField]);
    run(&mut app, typed("COUPON"));
    run(&mut app, [Action::Commit]);
    let map = map_of(&app);
    assert_eq!(
        app.shadow.rows.len(),
        2,
        "the earlier stage and channel still apply"
    );
    for n in app.shadow.rows.iter() {
        assert!(map.shadow.notes[n].text.contains("coupon"));
    }
    run(&mut app, [Action::ClearNoteFilter]);
    assert_eq!(app.shadow.rows.len(), map_of(&app).shadow.notes.len());
}

#[test]
fn a_note_becomes_a_linked_friction_point_in_one_undoable_step() {
    let mut app = store_app();
    run(&mut app, [Action::ToggleNotes]);
    let at = app.shadow.selected_note().unwrap();
    let note = map_of(&app).shadow.notes[at].clone();
    assert!(note.friction.is_none());
    let stage = map_of(&app).stage_position(&note.stage).unwrap();
    let count = map_of(&app).stages[stage].frictions.len();
    run(&mut app, [Action::MakeFriction]);
    let map = map_of(&app);
    let friction = map.stages[stage].frictions.last().unwrap();
    assert_eq!(map.stages[stage].frictions.len(), count + 1);
    assert_eq!(
        (friction.text.as_str(), friction.channel.as_str()),
        (note.text.as_str(), note.channel.as_str())
    );
    assert!(
        friction.evidence.is_empty(),
        "the note keeps its evidence; the link shares it"
    );
    assert_eq!(map.shadow.notes[at].friction.as_ref(), Some(&friction.id));
    run(&mut app, [Action::MakeFriction]);
    assert_eq!(map_of(&app).stages[stage].frictions.len(), count + 1, "only once");
    run(&mut app, [Action::Undo]);
    assert_eq!(map_of(&app).stages[stage].frictions.len(), count);
    assert!(map_of(&app).shadow.notes[at].friction.is_none());
}

#[test]
fn open_evidence_is_an_effect_and_a_note_without_evidence_says_so() {
    let mut app = store_app();
    run(&mut app, [Action::ToggleNotes]);
    let at = app.shadow.selected_note().unwrap();
    let evidence = map_of(&app).shadow.notes[at].evidence.clone();
    let effects = run(&mut app, [Action::OpenEvidence]);
    match evidence.as_slice() {
        [one] => assert_eq!(effects, [Effect::OpenEvidence(one.clone())]),
        [] => {
            assert_eq!(effects, [Effect::Nothing]);
            assert!(app.message.as_ref().unwrap().text.contains("it has none"));
        }
        several => {
            assert_eq!(effects, [Effect::Nothing]);
            assert_eq!(app.mode(), Mode::Form, "a choice between {several:?}");
            let opened = run(&mut app, [Action::Commit]);
            assert_eq!(opened, [Effect::OpenEvidence(several[0].clone())]);
        }
    }
}

#[test]
fn coverage_votes_and_enter_filters_the_pane_to_the_cell() {
    let mut app = store_app();
    run(&mut app, [Action::ShowCoverage]);
    assert_eq!(app.mode(), Mode::Coverage);
    run(&mut app, [Action::MoveRight, Action::MoveRight]);
    run(&mut app, std::iter::repeat_n(Action::PlanVote, 5));
    let cell = app.shadow.cell;
    assert_eq!((cell.stage, cell.channel), (2, 0));
    assert_eq!(app.shadow.coverage.votes_at(cell), 5);
    let map = map_of(&app);
    let entry = map
        .shadow
        .plan
        .iter()
        .find(|p| p.stage == map.stages[2].id && p.channel == "Website")
        .unwrap();
    assert_eq!(entry.votes, 5);
    assert_eq!(
        app.shadow.coverage.queue[0], cell,
        "the most votes lead the queue"
    );
    run(&mut app, std::iter::repeat_n(Action::PlanUnvote, 6));
    assert_eq!(app.shadow.coverage.votes_at(cell), 0);
    run(&mut app, [Action::Undo]);
    assert_eq!(app.shadow.coverage.votes_at(cell), 1);
    run(&mut app, [Action::NotesOfCell]);
    assert_eq!(app.mode(), Mode::Shadow);
    assert_eq!(app.shadow.rows.len(), app.shadow.coverage.notes_at(cell));
    assert_eq!(app.cursor.stage, 2);
}

#[test]
fn channels_are_added_renamed_everywhere_reordered_and_removed_only_when_unused() {
    let mut app = store_app();
    run(&mut app, [Action::ShowCoverage, Action::ShowChannels]);
    assert_eq!(app.mode(), Mode::Channels);
    run(&mut app, [Action::RemoveChannel]);
    assert!(app.message.as_ref().unwrap().text.contains("in use"));
    assert_eq!(map_of(&app).shadow.channels[0], "Website");
    run(&mut app, [Action::RenameChannel, Action::DeleteToLineStart]);
    run(&mut app, typed("Web shop"));
    run(&mut app, [Action::Commit]);
    let map = map_of(&app);
    assert_eq!(map.shadow.channels[0], "Web shop");
    assert!(map.shadow.notes.iter().all(|n| n.channel != "Website"));
    assert!(
        map.stages
            .iter()
            .flat_map(|s| &s.frictions)
            .all(|f| f.channel != "Website")
    );
    assert!(map.shadow.notes.iter().any(|n| n.channel == "Web shop"));
    run(&mut app, [Action::AddChannel]);
    run(&mut app, typed("Kiosk"));
    run(&mut app, [Action::Commit, Action::SelectLast, Action::SelectNext]);
    let last = map_of(&app).shadow.channels.len() - 1;
    assert_eq!(app.shadow.channel, last);
    run(&mut app, [Action::MoveChannelUp]);
    assert_eq!(map_of(&app).shadow.channels[last - 1], "Kiosk");
    run(&mut app, [Action::RemoveChannel]);
    assert!(!map_of(&app).shadow.channels.contains(&"Kiosk".to_owned()));
    run(&mut app, [Action::Back]);
    assert_eq!(app.view(), Some(&View::Coverage));
    run(&mut app, [Action::Back]);
    assert_eq!(app.view(), Some(&View::Grid));
}

fn shadow_action() -> impl proptest::strategy::Strategy<Value = Action> {
    use proptest::prelude::*;
    prop_oneof![
        Just(Action::ToggleNotes),
        Just(Action::FocusNotes),
        Just(Action::AddNote),
        Just(Action::EditNote),
        Just(Action::DeleteNote),
        Just(Action::MakeFriction),
        Just(Action::SelectNext),
        Just(Action::SelectPrevious),
        Just(Action::ShowCoverage),
        Just(Action::ShowChannels),
        Just(Action::MoveRight),
        Just(Action::MoveDown),
        Just(Action::PlanVote),
        Just(Action::PlanUnvote),
        Just(Action::NotesOfCell),
        Just(Action::AddChannel),
        Just(Action::RenameChannel),
        Just(Action::RemoveChannel),
        Just(Action::MoveChannelUp),
        Just(Action::MoveChannelDown),
        Just(Action::Back),
        Just(Action::DeleteStage),
        Just(Action::NextField),
        Just(Action::CursorLeft),
        Just(Action::DeleteToLineStart),
        "[a-zK]{1}".prop_map(|t| Action::Type(t.chars().next().unwrap_or('x'))),
        Just(Action::Commit),
        Just(Action::CancelEdit),
        Just(Action::Yes),
        Just(Action::No),
        Just(Action::Undo),
        Just(Action::Redo),
    ]
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(150))]

    #[test]
    fn any_shadow_work_undoes_byte_for_byte_and_saves_as_it_shows(
        actions in proptest::collection::vec(shadow_action(), 0..80)
    ) {
        let mut app = store_app();
        let original = cxmap::format::encode(map_of(&app));
        for action in actions {
            update(&mut app, action);
        }
        let bytes = cxmap::format::encode(map_of(&app));
        let reloaded = cxmap::format::parse_bytes(&bytes)
            .map_err(|d| proptest::test_runner::TestCaseError::fail(format!("{d:?}")))?;
        proptest::prop_assert_eq!(&reloaded.map, map_of(&app));
        proptest::prop_assert!(reloaded.warnings.is_empty(), "{:?}", reloaded.warnings);
        app.modal = Modal::None;
        while app.doc().unwrap().history.can_undo() {
            update(&mut app, Action::Undo);
        }
        proptest::prop_assert_eq!(cxmap::format::encode(map_of(&app)), original);
    }
}

#[test]
fn renaming_a_channel_onto_another_asks_before_merging_even_spelled_as_a_twin() {
    let mut app = store_app();
    run(&mut app, [Action::ShowCoverage, Action::ShowChannels]);
    // "Website" onto "mobile-App": a twin of "Mobile app" (case, spaces and hyphens
    // aside) is that channel, so the question offers to merge into it as the map spells it.
    run(&mut app, [Action::RenameChannel, Action::DeleteToLineStart]);
    run(&mut app, typed("mobile-App"));
    run(&mut app, [Action::Commit]);
    assert_eq!(
        app.question(),
        Some(&Question::MergeChannels {
            from: "Website".into(),
            into: "Mobile app".into()
        })
    );
    run(&mut app, [Action::No]);
    assert_eq!(app.mode(), Mode::Form);
    assert_eq!(map_of(&app).shadow.channels[0], "Website");
    // Changing only its own case is a plain rename.
    run(&mut app, [Action::DeleteToLineStart]);
    run(&mut app, typed("WEBSITE"));
    run(&mut app, [Action::Commit]);
    assert_eq!(app.mode(), Mode::Channels);
    assert_eq!(map_of(&app).shadow.channels[0], "WEBSITE");
    // Onto an existing channel: a question first, n goes back to the form unchanged.
    let before = map_of(&app).clone();
    let uses = cxmap::model::channels::uses(&before, "WEBSITE");
    run(&mut app, [Action::RenameChannel, Action::DeleteToLineStart]);
    run(&mut app, typed("E-mail"));
    run(&mut app, [Action::Commit]);
    assert_eq!(
        app.question(),
        Some(&Question::MergeChannels {
            from: "WEBSITE".into(),
            into: "E-mail".into()
        })
    );
    let screen = cxmap_screen(&app);
    assert!(
        screen.contains(&format!("“E-mail” exists: merge {} shadow notes", uses.notes)),
        "{screen}"
    );
    run(&mut app, [Action::No]);
    assert_eq!(app.mode(), Mode::Form);
    assert_eq!(*map_of(&app), before);
    run(&mut app, [Action::Commit, Action::Cancel]);
    assert_eq!(app.mode(), Mode::Form);
    assert_eq!(*map_of(&app), before);
    // y merges as one edit, and one undo takes it back.
    run(&mut app, [Action::Commit, Action::Yes]);
    assert_eq!(app.mode(), Mode::Channels);
    let map = map_of(&app);
    assert!(!map.shadow.channels.contains(&"WEBSITE".to_owned()));
    assert_eq!(
        cxmap::model::channels::uses(map, "E-mail").notes,
        cxmap::model::channels::uses(&before, "E-mail").notes + uses.notes
    );
    run(&mut app, [Action::Undo]);
    assert_eq!(*map_of(&app), before);
}

/// The screen as text, one line a row.
fn cxmap_screen(app: &App) -> String {
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(
        app.geometry.width,
        app.geometry.height,
    ))
    .unwrap();
    terminal.draw(|frame| cxmap::ui::render(app, frame)).unwrap();
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_note_added_in_a_filtered_pane_takes_the_filters_stage_and_channel_and_stays_listed() {
    let mut app = store_app();
    // Write a note in another channel first, so the last-used channel differs.
    run(&mut app, [Action::AddNote]);
    run(&mut app, typed("First"));
    run(&mut app, [Action::Commit]);
    assert_eq!(map_of(&app).shadow.notes.last().unwrap().channel, "Website");
    run(
        &mut app,
        [Action::ShowCoverage, Action::MoveRight, Action::MoveRight],
    );
    run(
        &mut app,
        [Action::MoveDown, Action::MoveDown, Action::NotesOfCell],
    );
    let (stage, channel) = {
        let filter = &app.shadow.filter;
        (filter.stage.clone().unwrap(), filter.channel.clone().unwrap())
    };
    assert_eq!(channel, "E-mail");
    app.cursor.stage = 0;
    let listed = app.shadow.rows.len();
    run(&mut app, [Action::AddNote]);
    run(&mut app, typed("Receipt lands in spam"));
    run(&mut app, [Action::Commit]);
    let note = map_of(&app).shadow.notes.last().unwrap();
    assert_eq!((&note.stage, note.channel.as_str()), (&stage, "E-mail"));
    assert_eq!(app.shadow.rows.len(), listed + 1, "the new note is listed");
    assert_eq!(
        app.shadow.selected_note(),
        Some(map_of(&app).shadow.notes.len() - 1)
    );
}

#[test]
fn tab_in_the_evidence_field_completes_lists_the_matches_and_stays_put() {
    let mut app = store_app();
    app.folder = FolderListing::holding(&[
        "evidence/care-guide-web.png",
        "evidence/care-label.jpg",
        "evidence/cart-r450.png",
        "evidence/queue.jpg",
    ]);
    run(&mut app, [Action::AddNote]);
    run(&mut app, typed("Labels"));
    run(&mut app, std::iter::repeat_n(Action::NextField, 5));
    let evidence = || cxmap::app::forms::note::EVIDENCE;
    assert_eq!(app.form().unwrap().focused_name(), Some(evidence()));
    run(&mut app, typed("evidence/c"));
    run(&mut app, [Action::NextField]);
    let form = app.form().unwrap();
    assert_eq!(
        form.focused_name(),
        Some(evidence()),
        "Tab stays in the evidence field"
    );
    assert_eq!(form.text(evidence()), "evidence/car", "the longest shared start");
    assert_eq!(
        app.message.as_ref().unwrap().text,
        "3 matches: care-guide-web.png care-label.jpg cart-r450.png"
    );
    run(&mut app, [Action::Type('e'), Action::NextField]);
    assert_eq!(app.form().unwrap().text(evidence()), "evidence/care-");
    run(&mut app, [Action::Type('l'), Action::NextField]);
    assert_eq!(app.form().unwrap().text(evidence()), "evidence/care-label.jpg");
    // Nothing left to complete: said, and the focus stays.
    run(&mut app, [Action::NextField]);
    assert_eq!(app.form().unwrap().focused_name(), Some(evidence()));
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .starts_with("Nothing to complete")
    );
    run(&mut app, [Action::NewLine]);
    run(&mut app, typed("zzz"));
    run(&mut app, [Action::NextField]);
    assert_eq!(app.form().unwrap().focused_name(), Some(evidence()));
    assert!(app.message.as_ref().unwrap().text.contains("starts with “zzz”"));
    // An empty line lets Tab move on.
    run(&mut app, [Action::DeleteToLineStart, Action::NextField]);
    assert_ne!(app.form().unwrap().focused_name(), Some(evidence()));
    // Before the folder's listing arrives, Tab says so and stays.
    app.folder = FolderListing::default();
    run(&mut app, [Action::PreviousField]);
    run(&mut app, [Action::NewLine]);
    run(&mut app, typed("evidence/c"));
    run(&mut app, [Action::NextField]);
    assert_eq!(app.form().unwrap().focused_name(), Some(evidence()));
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .starts_with("Still reading the map's folder: Tab again"),
        "{:?}",
        app.message
    );
    assert!(app.folder.take_wanted(), "and a fresh listing is asked for");
}

#[test]
fn moving_a_friction_notes_stage_says_it_parts_from_its_friction_point() {
    let mut app = store_app();
    run(&mut app, [Action::FocusNotes]);
    run(&mut app, [Action::MakeFriction, Action::EditNote]);
    assert_eq!(app.form().unwrap().note, None);
    run(&mut app, [Action::NextField, Action::Type(' ')]);
    let notice = app.form().unwrap().note.clone().unwrap();
    assert!(notice.starts_with("Its friction point stays in “"), "{notice}");
    assert!(cxmap_screen(&app).contains("Its friction point stays in"));
    let stages = map_of(&app).stages.len();
    run(&mut app, std::iter::repeat_n(Action::Type(' '), stages - 1));
    assert_eq!(app.form().unwrap().note, None, "back in its stage");
}

#[test]
fn a_link_to_a_friction_point_that_is_gone_gets_no_mark() {
    let mut app = store_app();
    app.resize(160, 45);
    run(&mut app, [Action::FocusNotes]);
    let at = app.shadow.selected_note().unwrap();
    run(&mut app, [Action::MakeFriction]);
    let backs = |app: &cxmap::app::App| app.queue.backs_a_point(&map_of(app).shadow.notes[at]);
    assert!(backs(&app));
    assert!(cxmap_screen(&app).contains("⚑ friction point"));
    let mut map = map_of(&app).clone();
    for note in map.shadow.notes.iter_mut().filter(|n| n.friction.is_some()) {
        note.friction = Some(cxmap::model::FrictionId("fr-gone".into()));
    }
    *app.doc_mut().unwrap() = Document::opened(map, "online-store.json".into());
    run(&mut app, [Action::SelectFirst]);
    assert!(!backs(&app));
    let screen = cxmap_screen(&app);
    let marked: Vec<&str> = screen
        .lines()
        .filter(|l| l.contains("⚑ friction point") && !l.contains("(gone)"))
        .collect();
    assert!(marked.is_empty(), "{screen}");
}

#[test]
fn a_warning_goes_when_the_view_changes_and_messages_fit_sixty_columns() {
    let mut app = store_app();
    run(
        &mut app,
        [Action::ShowCoverage, Action::ShowChannels, Action::RemoveChannel],
    );
    let text = app.message.as_ref().unwrap().text.clone();
    let rename = app.key(&Action::RenameChannel);
    assert_eq!(
        text,
        format!("“Website” is in use, so it stays: {rename} renames or merges it")
    );
    assert!(text.chars().count() <= 60, "{text}");
    run(&mut app, [Action::SelectNext]);
    assert!(app.message.is_some(), "a warning stays while in the same view");
    run(&mut app, [Action::Back]);
    assert_eq!(app.mode(), Mode::Coverage);
    assert_eq!(app.message, None, "leaving the channels screen clears it");
    run(&mut app, [Action::Back, Action::FocusNotes, Action::MakeFriction]);
    let made = app.message.as_ref().unwrap().text.clone();
    assert!(
        made.starts_with("u undoes") && made.chars().count() <= 60,
        "{made}"
    );
    let unlinked = app
        .shadow
        .rows
        .iter()
        .position(|n| map_of(&app).shadow.notes[n].evidence.is_empty());
    if let Some(row) = unlinked {
        app.shadow.selected = row;
        run(&mut app, [Action::OpenEvidence]);
        let none = app.message.as_ref().unwrap().text.clone();
        assert!(
            none.starts_with("Enter edits") && none.chars().count() <= 60,
            "{none}"
        );
    }
}

#[test]
fn pop_ups_cover_their_margins_and_show_only_the_keys_that_apply() {
    let mut app = store_app();
    // A form of one field (a point's owner, in the council) shows no field keys.
    run(&mut app, [Action::ShowCouncil, Action::SetOwner]);
    let screen = cxmap_screen(&app);
    let bottom = screen.lines().find(|l| l.contains("Enter keeps")).unwrap();
    assert!(
        !bottom.contains("Tab next field") && !bottom.contains("← →"),
        "{bottom}"
    );
    run(&mut app, [Action::CancelEdit, Action::Back, Action::AddNote]);
    let screen = cxmap_screen(&app);
    let rows: Vec<&str> = screen
        .lines()
        .filter(|l| l.contains('┌') || l.contains('│') && l.contains("Observer"))
        .collect();
    assert!(!rows.is_empty(), "{screen}");
    for row in screen.lines().filter(|l| l.contains("┌ New shadow note")) {
        let left: String = row.chars().take(2).collect();
        let right: String = row.chars().skip(78).collect();
        assert_eq!((left.as_str(), right.as_str()), ("  ", "  "), "{screen}");
    }
    assert!(screen.contains("Tab next field · ← → choose"), "{screen}");
    // The stage picker marks stages off to the right, stops at the last one and marks
    // those off to the left.
    run(&mut app, [Action::NextField]);
    let stage_row = |app: &App| {
        cxmap_screen(app)
            .lines()
            .find(|l| l.contains("Stage "))
            .unwrap()
            .to_owned()
    };
    assert!(stage_row(&app).contains('▶') && !stage_row(&app).contains('◀'));
    run(&mut app, std::iter::repeat_n(Action::CursorRight, 20));
    let last = map_of(&app).stages.len() - 1;
    assert_eq!(
        app.form().unwrap().choice("stage"),
        last,
        "→ stops at the last stage"
    );
    assert!(stage_row(&app).contains('◀') && !stage_row(&app).contains('▶'));
}

#[test]
fn a_date_that_does_not_exist_is_named() {
    let mut app = store_app();
    run(&mut app, [Action::AddNote]);
    run(&mut app, typed("x"));
    run(&mut app, std::iter::repeat_n(Action::NextField, 4));
    run(&mut app, [Action::DeleteToLineStart]);
    run(&mut app, typed("2026-02-30 10:00"));
    run(&mut app, [Action::Commit]);
    let error = app.form().unwrap().error.clone().unwrap();
    assert!(error.contains("2026-02-30 does not exist"), "{error}");
    run(&mut app, [Action::DeleteToLineStart]);
    run(&mut app, typed("2026-02-28 24:10"));
    run(&mut app, [Action::Commit]);
    let error = app.form().unwrap().error.clone().unwrap();
    assert!(error.contains("24:10 does not exist"), "{error}");
    run(&mut app, [Action::DeleteToLineStart]);
    run(&mut app, typed("yesterday"));
    run(&mut app, [Action::Commit]);
    let error = app.form().unwrap().error.clone().unwrap();
    assert!(error.starts_with("Time must look like"), "{error}");
}

#[test]
fn a_note_on_a_map_without_stages_says_where_the_stage_key_works() {
    let map = cxmap::assets::TEMPLATES
        .iter()
        .find(|t| t.name == "blank")
        .unwrap()
        .instantiate("Blank", &mut cxmap::model::IdGen::seeded(4))
        .unwrap();
    let mut app = App::with_document(
        Document::new_file(map, "blank.json".into()),
        cxmap::model::IdGen::seeded(5),
    );
    let add_stage = app.keymap.key(Mode::Grid, &Action::AddStageAfter);
    run(&mut app, [Action::AddNote]);
    let said = app.message.as_ref().unwrap().text.clone();
    assert!(said.ends_with(&format!("({add_stage} adds one)")), "{said}");
    run(&mut app, [Action::ToggleNotes]);
    assert_eq!(app.mode(), Mode::Shadow);
    run(&mut app, [Action::AddNote]);
    let said = app.message.as_ref().unwrap().text.clone();
    assert!(
        said.ends_with(&format!("({add_stage} in the map adds one)")),
        "{said}"
    );
}
