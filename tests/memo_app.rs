//! The memo's helpers inside the program, driven by actions without a terminal: the
//! observation coach as a point is kept and its key to the opportunities, linking notes
//! and points from the notes pane and from the friction form (evidence follows, live),
//! and `o` opening evidence with a choice when there are several.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use cxmap::app::action::Action;
use cxmap::app::document::Document;
use cxmap::app::folder::FolderListing;
use cxmap::app::keymap::Mode;
use cxmap::app::shadow::Pane;
use cxmap::app::update::update;
use cxmap::app::{App, Effect};
use cxmap::model::{Edit, Friction, FrictionId, IdGen, JourneyMap, Lane, NoteId, ShadowNote, StageId};

/// A map with one stage, one friction point (one photo of its own) and two notes in that
/// stage, the first linked to the point.
fn walk() -> App {
    let mut map = JourneyMap::with_stages("Walk", &["Pay", "Return"], &mut IdGen::seeded(4));
    let mut point = Friction::new(FrictionId("fr-till".into()), "One till open at lunch".into());
    point.evidence = vec!["photos/till.jpg".into()];
    map.stages[0].frictions.push(point);
    let stage: StageId = map.stages[0].id.clone();
    for (n, (text, evidence, linked)) in [
        ("Eleven people in the queue", "photos/queue.jpg", true),
        ("The self-checkout was off", "photos/self.jpg", false),
    ]
    .into_iter()
    .enumerate()
    {
        map.shadow.notes.push(
            ShadowNote {
                id: NoteId(format!("sh-{n}")),
                observer: "Thandi".into(),
                stage: stage.clone(),
                channel: "Store".into(),
                text: text.into(),
                evidence: vec![evidence.into()],
                friction: linked.then(|| FrictionId("fr-till".into())),
                ..ShadowNote::default()
            }
            .into(),
        );
    }
    let mut app = App::with_document(Document::opened(map, "walk.json".into()), IdGen::seeded(5));
    app.resize(120, 40);
    app.folder = FolderListing::holding(&["photos/till.jpg", "photos/queue.jpg"]);
    run(&mut app, [Action::MoveDown, Action::MoveDown, Action::MoveDown]);
    assert_eq!(app.cursor.lane, Lane::Friction);
    app
}

fn run(app: &mut App, actions: impl IntoIterator<Item = Action>) -> Effect {
    let mut last = Effect::Nothing;
    for action in actions {
        last = update(app, action);
    }
    last
}

fn typed(text: &str) -> Vec<Action> {
    text.chars().map(Action::Type).collect()
}

fn said(app: &App) -> String {
    app.message.as_ref().map(|m| m.text.clone()).unwrap_or_default()
}

#[test]
fn a_point_shows_its_notes_evidence_live_and_the_missing_ones() {
    let mut app = walk();
    assert_eq!(app.queue.evidence, ["photos/till.jpg", "photos/queue.jpg"]);
    assert!(app.queue.missing.is_empty());
    // A photo sent to the laptop later, added to the note: the point has it at once.
    let mut note = ShadowNote::clone(&app.doc().unwrap().map.shadow.notes[0]);
    note.evidence.push("photos/queue-2.jpg".into());
    let doc = app.doc_mut().unwrap();
    doc.apply(
        Edit::ReplaceNote {
            at: 0,
            note: Box::new(note),
        },
        "add a photo",
    )
    .unwrap();
    run(&mut app, [Action::MoveUp, Action::MoveDown]);
    assert_eq!(
        app.queue.evidence,
        ["photos/till.jpg", "photos/queue.jpg", "photos/queue-2.jpg"]
    );
    assert!(
        app.queue.missing.contains("photos/queue-2.jpg"),
        "not in the folder yet"
    );
}

#[test]
fn a_point_kept_as_a_solution_is_flagged_and_one_key_moves_it_to_the_opportunities() {
    let mut app = walk();
    run(&mut app, [Action::MoveRight, Action::AddItem]);
    run(&mut app, typed("Add a second till at lunch"));
    run(&mut app, [Action::Commit]);
    let warned = said(&app);
    let key = app.keymap.key(Mode::Grid, &Action::MoveToOpportunities);
    assert_eq!(
        warned,
        format!("“Add” proposes a fix: after Esc, {key} makes it an opportunity")
    );
    assert!(warned.chars().count() <= 60, "a status message fits 60 columns");
    run(&mut app, [Action::CancelEdit]);
    assert_eq!(
        (app.cursor.stage, app.cursor.lane),
        (1, Lane::Friction),
        "on the point just kept"
    );
    run(&mut app, [Action::MoveToOpportunities]);
    let stage = &app.doc().unwrap().map.stages[1];
    assert!(stage.frictions.is_empty());
    assert_eq!(stage.opportunities[0].text, "Add a second till at lunch");
    assert_eq!(said(&app), "u undoes: moved to the opportunities");
    assert_eq!(
        (app.cursor.stage, app.cursor.lane, app.cursor.item),
        (1, Lane::Opportunity, 0),
        "on the opportunity it became, ready to link"
    );
    run(&mut app, [Action::Undo]);
    assert_eq!(app.cursor.lane, Lane::Friction, "undo goes back to the point");
    let stage = &app.doc().unwrap().map.stages[1];
    assert_eq!(
        stage.frictions[0].text, "Add a second till at lunch",
        "undo brings it back"
    );
    assert!(stage.opportunities.is_empty());
    // An observation that quotes the world is left alone.
    run(&mut app, [Action::AddItem]);
    run(&mut app, typed("The sign says returns must go by courier"));
    run(&mut app, [Action::Commit]);
    assert!(!said(&app).contains("solution"), "{}", said(&app));
}

#[test]
fn notes_link_and_unlink_from_the_notes_pane() {
    let mut app = walk();
    run(&mut app, [Action::FocusNotes]);
    assert_eq!(app.shadow.pane, Pane::Focused);
    let second = app.shadow.rows.row_of(1).expect("the unlinked note is listed");
    app.shadow.selected = second;
    run(&mut app, [Action::LinkNote]);
    assert_eq!(app.mode(), Mode::Link);
    run(&mut app, [Action::ToggleLink, Action::Commit]);
    let map = &app.doc().unwrap().map;
    assert_eq!(map.shadow.notes[1].friction, Some(FrictionId("fr-till".into())));
    assert_eq!(said(&app), "u undoes: the note and its evidence back that point");
    run(&mut app, [Action::UnlinkNote]);
    assert_eq!(app.doc().unwrap().map.shadow.notes[1].friction, None);
    run(&mut app, [Action::UnlinkNote]);
    assert!(said(&app).contains("backs no friction point"), "{}", said(&app));
}

#[test]
fn the_friction_form_links_several_notes_and_stays_open() {
    let mut app = walk();
    run(&mut app, [Action::EditCell]);
    assert_eq!(app.mode(), Mode::Form);
    run(&mut app, [Action::LinkNote]);
    assert_eq!(app.mode(), Mode::Link);
    let picker = app.modal.note_links().unwrap();
    assert_eq!(picker.chosen.len(), 1, "the linked note is ticked");
    run(&mut app, [Action::SelectNext, Action::ToggleLink, Action::Commit]);
    assert_eq!(app.mode(), Mode::Form, "back in the form");
    let map = &app.doc().unwrap().map;
    assert!(
        map.shadow
            .notes
            .iter()
            .all(|n| n.friction == Some(FrictionId("fr-till".into())))
    );
    run(&mut app, [Action::CancelEdit]);
    run(&mut app, [Action::MoveUp, Action::MoveDown]);
    assert_eq!(app.queue.evidence.len(), 3, "two notes' photos and its own");
    run(&mut app, [Action::Undo]);
    assert_eq!(
        app.doc().unwrap().map.shadow.notes[1].friction,
        None,
        "one undoable change"
    );
}

#[test]
fn o_opens_the_only_evidence_at_once_and_offers_a_choice_between_several() {
    let mut app = walk();
    assert_eq!(run(&mut app, [Action::OpenEvidence]), Effect::Nothing);
    assert_eq!(app.mode(), Mode::Form, "two entries: a choice");
    let opened = run(&mut app, [Action::CursorRight, Action::Commit]);
    assert_eq!(opened, Effect::OpenEvidence("photos/queue.jpg".into()));
    run(&mut app, [Action::FocusNotes]);
    let first = app.shadow.rows.row_of(0).unwrap();
    app.shadow.selected = first;
    assert_eq!(
        run(&mut app, [Action::OpenEvidence]),
        Effect::OpenEvidence("photos/queue.jpg".into()),
        "one entry opens at once"
    );
}

#[test]
fn save_as_and_another_map_have_keys_of_their_own() {
    let mut app = walk();
    run(&mut app, [Action::SaveAs]);
    assert_eq!(app.mode(), Mode::Edit);
    assert_eq!(app.editor().unwrap().input.text(), "walk.json");
    run(&mut app, [Action::TextEnd]);
    run(&mut app, std::iter::repeat_n(Action::DeleteBack, 9));
    run(&mut app, typed("day-one.json"));
    assert_eq!(
        run(&mut app, [Action::Commit]),
        Effect::SaveAs("day-one.json".into())
    );
    assert_ne!(
        app.keymap.key(Mode::Grid, &Action::OpenEvidence),
        app.keymap.key(Mode::Grid, &Action::OpenStartScreen)
    );
}

#[test]
fn a_file_typed_from_outside_the_folder_is_offered_a_copy_beside_the_map() {
    use cxmap::app::modal::Question;
    use cxmap::app::outcome::Outcome;
    let mut app = walk();
    run(&mut app, [Action::EditCell]);
    let form = app.modal.form_mut().unwrap().0;
    form.focus_on("evidence");
    run(&mut app, [Action::TextEnd, Action::NewLine]);
    run(&mut app, typed("/home/thandi/Pictures/queue-wide.jpg"));
    run(&mut app, [Action::Commit]);
    let asked = app.question().cloned();
    assert_eq!(
        asked,
        Some(Question::CopyEvidence {
            entries: vec!["/home/thandi/Pictures/queue-wide.jpg".into()]
        })
    );
    assert_eq!(
        run(&mut app, [Action::Yes]),
        Effect::CopyEvidence(vec!["/home/thandi/Pictures/queue-wide.jpg".into()])
    );
    // What the session reports once it copied the file into evidence/ beside the map.
    cxmap::app::update::outcome::report(
        &mut app,
        Outcome::EvidenceCopied {
            copied: vec![(
                "/home/thandi/Pictures/queue-wide.jpg".into(),
                "evidence/queue-wide.jpg".into(),
            )],
            failed: vec![],
        },
    );
    let point = &app.doc().unwrap().map.stages[0].frictions[0];
    assert_eq!(point.evidence, ["photos/till.jpg", "evidence/queue-wide.jpg"]);
    assert_eq!(
        said(&app),
        "u undoes: copied beside the map as evidence/queue-wide.jpg"
    );
}

#[test]
fn files_typed_on_one_line_become_one_entry_each_when_each_is_there() {
    let mut app = walk();
    app.folder = FolderListing::holding(&[
        "photos/till.jpg",
        "photos/queue.jpg",
        "photos/wide.jpg",
        "photos/shot 2.jpg",
    ]);
    run(&mut app, [Action::EditCell]);
    let form = app.modal.form_mut().unwrap().0;
    form.focus_on("evidence");
    run(&mut app, [Action::TextEnd, Action::NewLine]);
    // As a junior types two files: a space between them, not Ctrl-J.
    run(&mut app, typed("photos/queue.jpg photos/wide.jpg"));
    run(&mut app, [Action::NewLine]);
    run(&mut app, typed("photos/shot 2.jpg"));
    run(&mut app, [Action::NewLine]);
    run(&mut app, typed("photos/not here.jpg"));
    run(&mut app, [Action::Commit]);
    let point = &app.doc().unwrap().map.stages[0].frictions[0];
    assert_eq!(
        point.evidence,
        [
            "photos/till.jpg",
            "photos/queue.jpg",
            "photos/wide.jpg",
            "photos/shot 2.jpg",
            "photos/not here.jpg"
        ],
        "a file with a space stays whole, and so does a line that names nothing there"
    );
}
