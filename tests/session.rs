//! The session's I/O decisions without a terminal: recovery copies, saves that check the
//! file first, reloading, locks. Each test has its own data folder and map folder.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use cxmap::app::action::Action;
use cxmap::app::modal::{Modal, Question};
use cxmap::app::screen::{Screen, View};
use cxmap::app::start::StartEntry;
use cxmap::app::update::update;
use cxmap::app::{App, Effect};
use cxmap::model::IdGen;
use cxmap::session::{Flow, RECOVERY_DELAY, RECOVERY_LIMIT, Session};
use cxmap::store::recovery;

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

fn act(session: &mut Session, app: &mut App, actions: impl IntoIterator<Item = Action>) -> Flow {
    let mut flow = Flow::Continue;
    for action in actions {
        let effect = update(app, action);
        flow = session.perform(app, effect);
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
    let wait = session.tick(&mut app, start + RECOVERY_LIMIT);
    assert!(
        wait > RECOVERY_DELAY,
        "at the limit the copy is taken: the timer is idle"
    );
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
    assert!(matches!(app.question(), Some(Question::Recover(_))));
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
    assert!(
        app.question().is_none() && bench.copy().exists(),
        "Esc decides later: the copy stays"
    );
    drop((session, app));

    let (mut session, mut app) = bench.open();
    act(&mut session, &mut app, [Action::No, Action::Quit]);
    assert!(!bench.copy().exists());
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
    assert_eq!(app.question(), Some(&Question::ChangedOnDisk { then: None }));
    assert_eq!(
        std::fs::read_to_string(&bench.map).unwrap(),
        theirs,
        "asking first"
    );
    act(&mut session, &mut app, [Action::Cancel]);
    assert_eq!(std::fs::read_to_string(&bench.map).unwrap(), theirs);

    act(&mut session, &mut app, [Action::Save, Action::No]);
    assert!(
        app.doc().unwrap().map.title.contains("Big Kettle"),
        "n reloads theirs"
    );
    let kept = recovery::read(&bench.copy()).unwrap();
    assert_eq!(
        kept.map.stages[0].emotion.score.map(|s| s.value()),
        Some(2),
        "and keeps ours as a copy"
    );

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
    // Process 1 always runs: the lock stands for another cxmap that has the map open.
    std::fs::write(&lock, "1\n").unwrap();
    let (mut session, mut app) = bench.open();
    assert!(matches!(app.question(), Some(Question::LockedElsewhere { .. })));
    assert!(app.doc().unwrap().read_only);
    act(&mut session, &mut app, [Action::Yes, Action::SetScore(2)]);
    assert!(!app.doc().unwrap().history.can_undo(), "read-only refuses edits");
    assert!(app.message.as_ref().unwrap().text.starts_with("Read-only"));
    drop((session, app));
    assert_eq!(
        std::fs::read_to_string(&lock).unwrap(),
        "1\n",
        "the other's lock is left alone"
    );

    let (mut session, mut app) = bench.open();
    act(&mut session, &mut app, [Action::No, Action::SetScore(2)]);
    assert!(!app.doc().unwrap().read_only, "n edits anyway");
    assert!(app.doc().unwrap().history.can_undo());
    assert!(
        std::fs::read_to_string(&lock)
            .unwrap()
            .starts_with(&std::process::id().to_string())
    );
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
    assert!(session.write_recovery_now(&app).is_some());
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
fn a_panic_in_the_loop_still_leaves_the_recovery_copy() {
    let bench = Bench::new();
    let (mut session, mut app) = bench.open();
    let ending = cxmap::terminal::guard(&mut app, &mut session, |app, session| {
        act(session, app, [Action::SetScore(2)]);
        panic!("a bug in the loop, on purpose");
    });
    let cxmap::terminal::Ending::Crashed { recovery: Some(copy) } = ending else {
        panic!("expected a crash with a recovery copy, got {ending:?}");
    };
    let copy = recovery::read(&copy).unwrap();
    assert_eq!(
        copy.map.stages[0].emotion.score.map(|s| s.value()),
        Some(2),
        "the edit made just before the panic is in the copy"
    );
}
