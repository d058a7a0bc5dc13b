//! The session's I/O decisions without a terminal: recovery copies, saves that check the
//! file first, reloading, locks. Each test has its own data folder and map folder.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use cxmap::app::action::Action;
use cxmap::app::modal::{Modal, Question};
use cxmap::app::outcome::Confirmed;
use cxmap::app::screen::{Screen, View};
use cxmap::app::start::StartEntry;
use cxmap::app::update::update;
use cxmap::app::{App, Effect};
use cxmap::model::IdGen;
use cxmap::session::{Flow, Kept, RECOVERY_DELAY, RECOVERY_LIMIT, Session};
use cxmap::store::{MapLock, recovery};

struct Bench {
    _dir: tempfile::TempDir,
    data: PathBuf,
    map: PathBuf,
}

impl Bench {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let map = dir.path().join("coffee.json");
        std::fs::copy(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples/coffee-shop.json"),
            &map,
        )
        .unwrap();
        Self { _dir: dir, data, map }
    }

    fn open(&self) -> (Session, App) {
        let mut session = Session::new(Some(self.data.clone()));
        let mut app = App::at_start(session.start_screen(), IdGen::seeded(9));
        session.load(&mut app, &self.map).unwrap();
        (session, app)
    }

    fn copy(&self) -> PathBuf {
        recovery::copy_path(&self.data, &self.map)
    }
}

/// Each action as the loop would take it: its effect performed, a save it starts waited for.
fn act(session: &mut Session, app: &mut App, actions: impl IntoIterator<Item = Action>) -> Flow {
    let mut flow = Flow::Continue;
    for action in actions {
        let effect = update(app, action);
        flow = session.perform(app, effect);
        if flow == Flow::Continue {
            flow = session.settle(app);
        }
    }
    flow
}

/// Lets the recovery timer run out, then waits until the writer thread has the copy on disk.
fn run_timer(session: &mut Session, app: &mut App, bench: &Bench) {
    let start = Instant::now();
    session.tick(app, start);
    session.tick(app, start + RECOVERY_DELAY);
    let deadline = Instant::now() + Duration::from_secs(5);
    while !bench.copy().exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn changes_that_go_on_are_copied_at_a_pause_or_at_the_limit() {
    let bench = Bench::new();
    let (mut session, mut app) = bench.open();
    let start = Instant::now();
    let step = RECOVERY_DELAY / 2;
    let mut now = start;
    let mut score = 1;
    while now + step < start + RECOVERY_LIMIT {
        act(&mut session, &mut app, [Action::SetScore(score)]);
        score = -score;
        let wait = session.tick(&mut app, now);
        assert!(
            wait <= RECOVERY_DELAY,
            "no copy while changes go on without a pause"
        );
        now += step;
    }
    act(&mut session, &mut app, [Action::SetScore(score)]);
    session.tick(&mut app, start + RECOVERY_LIMIT);
    let deadline = Instant::now() + Duration::from_secs(5);
    while !bench.copy().exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(bench.copy().exists());
}

#[test]
fn unsaved_work_is_copied_after_the_delay_and_a_save_removes_the_copy() {
    let bench = Bench::new();
    let (mut session, mut app) = bench.open();
    act(&mut session, &mut app, [Action::SetScore(2)]);
    let now = Instant::now();
    assert!(session.tick(&mut app, now) <= RECOVERY_DELAY, "the timer is set");
    assert!(!bench.copy().exists(), "not yet: the change is new");
    run_timer(&mut session, &mut app, &bench);
    let copy = recovery::read(&bench.copy()).unwrap();
    assert_eq!(copy.map, *app.doc().unwrap().map);
    act(&mut session, &mut app, [Action::Save]);
    assert!(!app.doc().unwrap().is_dirty());
    act(&mut session, &mut app, [Action::Quit]);
    assert!(!bench.copy().exists(), "saved work needs no copy");
}

#[test]
fn reopening_offers_the_copy_and_yes_takes_it_back_as_an_undoable_change() {
    let bench = Bench::new();
    let (mut session, mut app) = bench.open();
    act(
        &mut session,
        &mut app,
        [Action::SetScore(-2), Action::MoveRight, Action::SetScore(2)],
    );
    run_timer(&mut session, &mut app, &bench);
    let edited = app.doc().unwrap().map.clone();
    drop((session, app));

    let (mut session, mut app) = bench.open();
    let Some(Question::Recover(offer)) = app.question() else {
        panic!("the copy is offered")
    };
    assert_eq!(
        offer.changes,
        ["Check it’s open: emotion changed", "Choose: emotion changed"]
    );
    act(&mut session, &mut app, [Action::Alternative]);
    assert!(
        matches!(app.view(), Some(View::Compare(_))),
        "a shows both side by side"
    );
    act(&mut session, &mut app, [Action::Yes]);
    assert_eq!(app.doc().unwrap().map, edited);
    assert!(
        app.doc().unwrap().is_dirty(),
        "recovered work is unsaved until saved"
    );
    act(&mut session, &mut app, [Action::Undo]);
    assert_ne!(app.doc().unwrap().map, edited, "u takes the recovery back");
}

#[test]
fn discarding_the_offer_removes_the_copy_and_later_keeps_it() {
    let bench = Bench::new();
    let (mut session, mut app) = bench.open();
    act(&mut session, &mut app, [Action::SetScore(1)]);
    run_timer(&mut session, &mut app, &bench);
    drop((session, app));

    let (mut session, mut app) = bench.open();
    act(&mut session, &mut app, [Action::Cancel]);
    assert!(app.question().is_none());
    act(&mut session, &mut app, [Action::SetScore(-2)]);
    run_timer(&mut session, &mut app, &bench);
    act(&mut session, &mut app, [Action::Quit, Action::No]);
    let later = recovery::find(&bench.data, &bench.map).expect("Esc decides later: the copy stays");
    assert_eq!(
        later.map.stages[0].emotion.score.map(|s| s.value()),
        Some(1),
        "new work meanwhile (copied, then given up) never replaces the copy set aside"
    );
    drop((session, app));

    let (mut session, mut app) = bench.open();
    act(&mut session, &mut app, [Action::No, Action::Quit]);
    assert!(recovery::find(&bench.data, &bench.map).is_none());
    let (_, app) = bench.open();
    assert_eq!(app.modal, Modal::None, "nothing is offered once discarded");
}

#[test]
fn a_file_changed_behind_our_back_is_never_overwritten_silently() {
    let bench = Bench::new();
    let (mut session, mut app) = bench.open();
    let theirs = std::fs::read_to_string(&bench.map)
        .unwrap()
        .replace("Little Kettle", "Big Kettle");
    std::fs::write(&bench.map, &theirs).unwrap();
    act(&mut session, &mut app, [Action::SetScore(2), Action::Save]);
    assert_eq!(
        app.question(),
        Some(&Question::ChangedOnDisk {
            then: None,
            confirmed: Confirmed::default()
        })
    );
    assert_eq!(
        std::fs::read_to_string(&bench.map).unwrap(),
        theirs,
        "asking first"
    );
    act(&mut session, &mut app, [Action::Cancel]);
    assert_eq!(std::fs::read_to_string(&bench.map).unwrap(), theirs);
    let said = app.message.as_ref().map(|m| m.text.clone()).unwrap_or_default();
    let name = bench.map.file_name().unwrap().to_string_lossy();
    assert_eq!(
        said,
        format!("Not saved: {name} changed on disk; Ctrl-S asks again")
    );

    act(&mut session, &mut app, [Action::Save, Action::No]);
    assert!(
        app.doc().unwrap().map.title.contains("Big Kettle"),
        "n reloads theirs"
    );
    let kept = recovery::find(&bench.data, &bench.map).unwrap();
    assert_eq!(
        kept.map.stages[0].emotion.score.map(|s| s.value()),
        Some(2),
        "and keeps ours as a copy"
    );
    let said = &app.message.as_ref().unwrap().text;
    assert!(said.contains(&kept.file.display().to_string()), "{said}");

    act(&mut session, &mut app, [Action::SetScore(-1), Action::Save]);
    assert_eq!(app.modal, Modal::None, "the reloaded file is the one we know now");
    assert!(
        std::fs::read_to_string(&bench.map)
            .unwrap()
            .contains("Big Kettle")
    );
}

#[test]
fn overwrite_and_save_as_answer_a_changed_file() {
    let bench = Bench::new();
    let (mut session, mut app) = bench.open();
    std::fs::write(
        &bench.map,
        std::fs::read_to_string(&bench.map)
            .unwrap()
            .replace("Kettle", "Pot"),
    )
    .unwrap();
    act(
        &mut session,
        &mut app,
        [Action::SetScore(2), Action::Save, Action::Alternative],
    );
    assert!(app.editor().is_some(), "a asks for a new name");
    act(&mut session, &mut app, [Action::DeleteToLineStart]);
    let other = bench.map.with_file_name("coffee-mine.json");
    act(
        &mut session,
        &mut app,
        other.to_str().unwrap().chars().map(Action::Type),
    );
    act(&mut session, &mut app, [Action::Commit]);
    assert_eq!(app.doc().unwrap().path, other);
    assert!(std::fs::read_to_string(&other).unwrap().contains("Little Kettle"));
    assert!(
        std::fs::read_to_string(&bench.map)
            .unwrap()
            .contains("Little Pot"),
        "theirs untouched"
    );

    std::fs::write(&other, "{\"cxmap\": 1}").unwrap();
    act(
        &mut session,
        &mut app,
        [Action::SetScore(1), Action::Save, Action::Yes],
    );
    assert!(
        std::fs::read_to_string(&other).unwrap().contains("Little Kettle"),
        "y overwrites"
    );
}

#[test]
fn a_second_opener_gets_the_map_read_only_unless_it_insists() {
    let bench = Bench::new();
    let lock = bench.map.with_file_name(".coffee.json.cxmap-lock");
    // Another cxmap (its lock taken through a handle of its own) has the map open.
    let other = MapLock::take(&bench.map).unwrap();
    let (mut session, mut app) = bench.open();
    assert!(matches!(app.question(), Some(Question::LockedElsewhere { .. })));
    assert!(app.doc().unwrap().read_only);
    act(&mut session, &mut app, [Action::Yes, Action::SetScore(2)]);
    assert!(!app.doc().unwrap().history.can_undo(), "read-only refuses edits");
    assert!(app.message.as_ref().unwrap().text.starts_with("Read-only"));
    drop((session, app));
    assert!(lock.exists(), "the other's lock is left alone");

    let (mut session, mut app) = bench.open();
    act(&mut session, &mut app, [Action::No, Action::SetScore(2)]);
    assert!(!app.doc().unwrap().read_only, "n edits anyway");
    assert!(app.doc().unwrap().history.can_undo());
    act(&mut session, &mut app, [Action::Save, Action::Quit]);
    drop((session, app));
    assert!(
        lock.exists() && MapLock::holder(&bench.map).is_some(),
        "the one that edited anyway leaves the first one's lock where it is"
    );
    drop(other);
    assert!(!lock.exists());
    assert_eq!(MapLock::holder(&bench.map), None);
}

#[test]
fn the_start_screen_lists_unsaved_work_of_maps_never_saved() {
    let bench = Bench::new();
    let never_saved = bench.map.with_file_name("draft.json");
    let mut session = Session::new(Some(bench.data.clone()));
    let mut app = App::at_start(session.start_screen(), IdGen::seeded(9));
    session.new_map_at(&mut app, &never_saved, "Draft");
    act(&mut session, &mut app, [Action::SetScore(2)]);
    let start = Instant::now();
    session.tick(&mut app, start);
    session.tick(&mut app, start + RECOVERY_DELAY);
    assert!(matches!(session.write_recovery_now(&app), Kept::Copy(_)));
    drop((session, app));

    let mut session = Session::new(Some(bench.data.clone()));
    let mut app = App::at_start(session.start_screen(), IdGen::seeded(9));
    let Screen::Start(start) = &mut app.screen else {
        panic!("the start screen shows")
    };
    let index = start
        .entries()
        .position(|e| matches!(e, StartEntry::Recovered(_)))
        .unwrap();
    start.select(index);
    let effect = update(&mut app, Action::Open);
    assert_eq!(effect, Effect::Open(recovery::map_key(&never_saved)));
    session.perform(&mut app, effect);
    assert!(matches!(app.question(), Some(Question::Recover(_))));
    act(&mut session, &mut app, [Action::Yes]);
    assert_eq!(
        app.doc().unwrap().map.stages[0].emotion.score.map(|s| s.value()),
        Some(2)
    );
}

#[test]
fn the_offer_for_a_map_never_saved_lists_what_was_done_not_every_stage_twice() {
    let bench = Bench::new();
    let never_saved = bench.map.with_file_name("draft.json");
    let mut session = Session::new(Some(bench.data.clone()));
    let mut app = App::at_start(session.start_screen(), IdGen::seeded(1));
    session.new_map_at(&mut app, &never_saved, "Draft");
    act(&mut session, &mut app, [Action::SetScore(2)]);
    assert!(matches!(session.write_recovery_now(&app), Kept::Copy(_)));
    drop((session, app));

    let mut session = Session::new(Some(bench.data.clone()));
    let mut app = App::at_start(session.start_screen(), IdGen::seeded(2));
    session.open_file(&mut app, &never_saved);
    let Some(Question::Recover(offer)) = app.question() else {
        panic!("the copy is offered")
    };
    assert_eq!(offer.changes.len(), 1, "{:?}", offer.changes);
    assert!(offer.changes[0].contains("emotion"), "{:?}", offer.changes);
}

#[test]
fn a_panic_in_the_loop_still_leaves_the_recovery_copy() {
    let bench = Bench::new();
    let (mut session, mut app) = bench.open();
    let ending = cxmap::terminal::guard(&mut app, &mut session, |app, session| {
        act(session, app, [Action::SetScore(2)]);
        panic!("a bug in the loop, on purpose");
    });
    let cxmap::terminal::Ending::Crashed {
        recovery: Kept::Copy(copy),
    } = ending
    else {
        panic!("expected a crash with a recovery copy, got {ending:?}");
    };
    let copy = recovery::read(&copy).unwrap();
    assert_eq!(
        copy.map.stages[0].emotion.score.map(|s| s.value()),
        Some(2),
        "the edit made just before the panic is in the copy"
    );
}

#[test]
fn reloading_theirs_keeps_yours_until_you_take_or_discard_it() {
    let bench = Bench::new();
    let (mut session, mut app) = bench.open();
    act(&mut session, &mut app, [Action::SetScore(2)]);
    let theirs = std::fs::read_to_string(&bench.map)
        .unwrap()
        .replace("Little Kettle", "Big Kettle");
    std::fs::write(&bench.map, &theirs).unwrap();
    act(&mut session, &mut app, [Action::Save, Action::No]);
    let kept = recovery::find(&bench.data, &bench.map).unwrap().file;

    // Editing, the recovery timer, saving and quitting never touch the kept copy.
    act(&mut session, &mut app, [Action::SetScore(1)]);
    run_timer(&mut session, &mut app, &bench);
    act(&mut session, &mut app, [Action::Save]);
    assert!(!app.doc().unwrap().is_dirty());
    act(&mut session, &mut app, [Action::Quit]);
    assert!(kept.exists(), "kept until the user takes or discards it");
    drop((session, app));

    let session = Session::new(Some(bench.data.clone()));
    let start = session.start_screen();
    assert!(
        start
            .recoveries
            .iter()
            .any(|entry| entry.map_path == recovery::map_key(&bench.map)),
        "the start screen lists it"
    );
    let (mut session, mut app) = bench.open();
    assert!(matches!(app.question(), Some(Question::Recover(_))));
    act(&mut session, &mut app, [Action::Yes]);
    let map = &app.doc().unwrap().map;
    assert_eq!(map.stages[0].emotion.score.map(|s| s.value()), Some(2));
    assert!(map.title.contains("Little Kettle"), "yours, as it was kept");
    assert!(!kept.exists(), "taken: its work is the map's unsaved work now");
    let rolling = recovery::read(&bench.copy()).unwrap();
    assert_eq!(rolling.map, **map, "and in the rolling copy at once");
}

#[test]
fn a_deleted_map_is_reported_as_deleted_and_saved_again_when_asked() {
    let bench = Bench::new();
    let (mut session, mut app) = bench.open();
    std::fs::remove_file(&bench.map).unwrap();
    act(&mut session, &mut app, [Action::SetScore(2), Action::Save]);
    assert!(
        matches!(app.question(), Some(Question::DeletedOnDisk { .. })),
        "{:?}",
        app.modal
    );
    assert!(!bench.map.exists(), "asked first");
    act(&mut session, &mut app, [Action::Yes]);
    assert!(
        std::fs::read_to_string(&bench.map)
            .unwrap()
            .contains("\"score\": 2")
    );
    assert!(!app.doc().unwrap().is_dirty());
}

#[test]
fn a_read_only_map_is_replaced_only_when_the_user_confirms() {
    use std::os::unix::fs::PermissionsExt;
    let bench = Bench::new();
    let before = std::fs::read_to_string(&bench.map).unwrap();
    std::fs::set_permissions(&bench.map, std::fs::Permissions::from_mode(0o444)).unwrap();
    let (mut session, mut app) = bench.open();
    act(&mut session, &mut app, [Action::SetScore(2), Action::Save]);
    assert!(
        matches!(app.question(), Some(Question::ReadOnlyFile { .. })),
        "{:?}",
        app.modal
    );
    act(&mut session, &mut app, [Action::Cancel]);
    assert_eq!(std::fs::read_to_string(&bench.map).unwrap(), before);
    assert!(app.doc().unwrap().is_dirty());
    act(&mut session, &mut app, [Action::Save, Action::Yes]);
    assert!(
        std::fs::read_to_string(&bench.map)
            .unwrap()
            .contains("\"score\": 2")
    );
    let mode = std::fs::metadata(&bench.map).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o444, "it stays read-only");
}

#[test]
fn a_save_runs_off_the_input_thread_and_writes_the_map_as_it_was_at_ctrl_s() {
    let bench = Bench::new();
    let before = std::fs::read_to_string(&bench.map).unwrap();
    let (mut session, mut app) = bench.open();
    act(&mut session, &mut app, [Action::SetScore(2)]);
    // Another cxmap saving in the same folder holds its save lock: this save must wait
    // for it, and the keys typed meanwhile must not.
    let folder = std::fs::File::open(bench.map.parent().unwrap()).unwrap();
    folder.lock().unwrap();
    let effect = update(&mut app, Action::Save);
    assert_eq!(session.perform(&mut app, effect), Flow::Continue);
    for action in [Action::MoveRight, Action::SetScore(-2)] {
        let effect = update(&mut app, action);
        session.perform(&mut app, effect);
    }
    assert_eq!(
        std::fs::read_to_string(&bench.map).unwrap(),
        before,
        "not written yet: the other save still runs"
    );
    drop(folder);
    assert_eq!(session.settle(&mut app), Flow::Continue);
    let saved = cxmap::format::parse(&std::fs::read_to_string(&bench.map).unwrap())
        .unwrap()
        .map;
    let score = |stage: usize| saved.stages[stage].emotion.score.map(|s| s.value());
    assert_eq!(score(0), Some(2), "the edit before Ctrl-S is saved");
    assert_ne!(score(1), Some(-2), "the edit after Ctrl-S is not");
    let doc = app.doc().unwrap();
    assert!(doc.is_dirty(), "so the map is still unsaved");
    act(&mut session, &mut app, [Action::Undo]);
    assert!(
        !app.doc().unwrap().is_dirty(),
        "undoing the later edit is back at what was saved"
    );
}

#[test]
fn quitting_during_a_save_of_all_the_work_waits_for_it_instead_of_asking() {
    let bench = Bench::new();
    let (mut session, mut app) = bench.open();
    act(&mut session, &mut app, [Action::SetScore(2)]);
    let folder = std::fs::File::open(bench.map.parent().unwrap()).unwrap();
    folder.lock().unwrap();
    for action in [Action::Save, Action::Quit] {
        let effect = update(&mut app, action);
        assert_eq!(session.perform(&mut app, effect), Flow::Continue);
    }
    assert_eq!(app.modal, Modal::None, "Ctrl-S then q: nothing to ask");
    drop(folder);
    assert_eq!(session.settle(&mut app), Flow::Quit, "quits once saved");
    assert!(
        std::fs::read_to_string(&bench.map)
            .unwrap()
            .contains("\"score\": 2")
    );
}

#[test]
fn a_recovery_copy_that_cannot_be_written_is_said_at_once_and_never_named() {
    let bench = Bench::new();
    std::fs::write(&bench.data, "a file where the data folder should be").unwrap();
    let (mut session, mut app) = bench.open();
    act(&mut session, &mut app, [Action::SetScore(2)]);
    let start = Instant::now();
    session.tick(&mut app, start);
    let wait = session.tick(&mut app, start + RECOVERY_DELAY);
    assert!(
        wait < Duration::from_millis(100),
        "the copy is under way: the loop looks again within a frame, not in {wait:?}"
    );
    let deadline = Instant::now() + Duration::from_secs(5);
    while session.collect(&mut app).is_none() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(5));
    }
    let said = app.message.as_ref().map(|m| m.text.clone()).unwrap_or_default();
    assert!(said.starts_with("No recovery copy"), "{said:?}");
    let kept = session.write_recovery_now(&app);
    assert!(matches!(kept, Kept::Lost(_)), "{kept:?}");
}

#[test]
fn the_memo_preview_is_laid_out_off_the_input_thread_and_taken_in_between_keys() {
    let bench = Bench::new();
    let (mut session, mut app) = bench.open();
    act(&mut session, &mut app, [Action::ShowMemo]);
    assert!(
        app.memo().unwrap().layout.is_none(),
        "the key only opens the preview"
    );
    let expected = app.memo_layout_wanted().unwrap().lay_out();
    let wait = session.tick(&mut app, Instant::now());
    assert!(
        wait < Duration::from_millis(20),
        "the layout is under way: the loop looks again within a frame, not in {wait:?}"
    );
    let deadline = Instant::now() + Duration::from_secs(10);
    while app.memo().unwrap().layout.is_none() && Instant::now() < deadline {
        session.collect(&mut app);
        std::thread::sleep(Duration::from_millis(2));
    }
    assert_eq!(app.memo().unwrap().layout.as_ref(), Some(&expected));
    assert!(app.memo_layout_wanted().is_none());
    assert!(
        session.tick(&mut app, Instant::now()) > Duration::from_millis(20),
        "nothing is under way any more"
    );
}

#[test]
fn an_export_is_made_and_written_off_the_input_thread_and_said_when_it_lands() {
    let bench = Bench::new();
    let (mut session, mut app) = bench.open();
    update(&mut app, Action::ShowExport);
    let effect = update(&mut app, Action::Commit);
    assert!(matches!(effect, Effect::Deliver(_)), "{effect:?}");
    assert_eq!(session.perform(&mut app, effect), Flow::Continue);
    let said = app.message.as_ref().map(|m| m.text.clone()).unwrap_or_default();
    assert!(said.starts_with("Writing the Markdown export to "), "{said:?}");
    let deadline = Instant::now() + Duration::from_secs(10);
    while session.collect(&mut app).is_none() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(2));
    }
    let said = app.message.as_ref().map(|m| m.text.clone()).unwrap_or_default();
    assert!(said.starts_with("Wrote the Markdown export to "), "{said:?}");
    let written = bench.map.with_file_name("coffee.md");
    let text = std::fs::read_to_string(&written).unwrap();
    assert_eq!(
        text,
        cxmap::export::ExportFormat::Markdown.build(&app.doc().unwrap().map)
    );

    // Asked again, the file is there: the question comes when the worker's answer does.
    update(&mut app, Action::ShowExport);
    let effect = update(&mut app, Action::Commit);
    session.perform(&mut app, effect);
    assert_eq!(session.settle(&mut app), Flow::Continue);
    assert!(
        matches!(app.question(), Some(Question::ReplaceFile(_))),
        "{:?}",
        app.modal
    );
}

#[test]
fn text_typed_but_not_kept_is_in_the_recovery_copy_and_offered_again() {
    let bench = Bench::new();
    let (mut session, mut app) = bench.open();
    act(
        &mut session,
        &mut app,
        [Action::EditTitle, Action::DeleteToLineStart],
    );
    act(
        &mut session,
        &mut app,
        "Typed in the workshop".chars().map(Action::Type),
    );
    assert!(app.editor().is_some(), "still typing, nothing kept");
    assert!(!app.doc().unwrap().is_dirty());
    run_timer(&mut session, &mut app, &bench);
    let copy = recovery::read(&bench.copy()).expect("a copy while typing pauses");
    assert_eq!(copy.map.title, "Typed in the workshop");
    assert!(matches!(session.write_recovery_now(&app), Kept::Copy(_)));
    drop((session, app));

    let (mut session, mut app) = bench.open();
    let Some(Question::Recover(offer)) = app.question() else {
        panic!("reopening offers what was typed")
    };
    assert!(
        offer.changes.iter().any(|c| c.contains("itle")),
        "{:?}",
        offer.changes
    );
    act(&mut session, &mut app, [Action::Yes]);
    assert_eq!(app.doc().unwrap().map.title, "Typed in the workshop");
}

#[test]
fn a_form_half_filled_is_in_the_copy_written_on_the_way_out() {
    let bench = Bench::new();
    let (mut session, mut app) = bench.open();
    app.cursor.lane = cxmap::model::Lane::Friction;
    act(&mut session, &mut app, [Action::EditCell]);
    assert!(app.form().is_some(), "the friction point's form");
    act(&mut session, &mut app, [Action::DeleteToLineStart]);
    act(
        &mut session,
        &mut app,
        "Queue at the till".chars().map(Action::Type),
    );
    let Kept::Copy(file) = session.write_recovery_now(&app) else {
        panic!("typing in a form is unsaved work")
    };
    let copy = recovery::read(&file).unwrap();
    assert!(
        copy.map.stages[0]
            .frictions
            .iter()
            .any(|f| f.text == "Queue at the till"),
        "{:?}",
        copy.map.stages[0].frictions
    );
}

#[test]
fn save_as_into_a_missing_folder_keeps_the_map_where_it_was_and_offers_the_name_again() {
    let bench = Bench::new();
    let (mut session, mut app) = bench.open();
    act(
        &mut session,
        &mut app,
        [Action::SetScore(2), Action::SaveAs, Action::DeleteToLineStart],
    );
    let missing = bench.map.with_file_name("no-such-folder").join("copy.json");
    act(
        &mut session,
        &mut app,
        missing.to_str().unwrap().chars().map(Action::Type),
    );
    act(&mut session, &mut app, [Action::Commit]);
    let said = &app.message.as_ref().unwrap().text;
    assert!(said.starts_with("Not saved: no folder "), "{said}");
    assert!(said.contains("no-such-folder"), "{said}");
    assert_eq!(
        app.editor().map(|e| e.input.text()),
        missing.to_str(),
        "the name is offered again to change"
    );
    assert_eq!(app.doc().unwrap().path, bench.map, "the map stays where it was");
    act(&mut session, &mut app, [Action::CancelEdit, Action::Save]);
    assert!(
        !app.doc().unwrap().is_dirty(),
        "Ctrl-S still saves to the map's own file"
    );
}

#[test]
fn the_start_screen_lists_a_damaged_map_in_the_start_folder_but_not_other_json() {
    let bench = Bench::new();
    let here = bench.map.parent().unwrap().to_path_buf();
    std::fs::write(
        here.join("broken.json"),
        "{\n  \"cxmap\": 1,\n  \"title\": \"Half a map\",\n",
    )
    .unwrap();
    std::fs::write(here.join("package.json"), "{\"name\": \"not-a-map\"}").unwrap();
    let mut session = Session::new(Some(bench.data.clone()));
    session.set_start_folder(here.clone());
    let names: Vec<(String, bool)> = session
        .start_screen()
        .maps
        .iter()
        .map(|m| {
            let name = m.path.file_name().unwrap().to_string_lossy().into_owned();
            (name, m.content.is_ok())
        })
        .collect();
    assert!(names.contains(&("coffee.json".to_owned(), true)), "{names:?}");
    assert!(
        names.contains(&("broken.json".to_owned(), false)),
        "a damaged map is listed, with why it does not open: {names:?}"
    );
    assert!(!names.iter().any(|(n, _)| n == "package.json"), "{names:?}");
}
