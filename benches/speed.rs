//! How fast cxmap is on generated maps of 7 to 2,800 stages, each figure beside a floor
//! from the same run (budgets in docs/performance.md): serde reading the same bytes into
//! derived structs or a `Value`. Medians and p90s. `cargo bench --bench speed -- key`
//! runs only the benches whose name contains "key"; `-- --sizes=700,2800` picks sizes.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/floor_map.rs"]
mod floor_map;

use std::cell::RefCell;
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use cxmap::app::action::Action;
use cxmap::app::document::Document;
use cxmap::app::update::update;
use cxmap::app::{App, Effect, TerminalWork};
use cxmap::export::ExportFormat;
use cxmap::export::memo::{self, MemoFormat, MemoOptions};
use cxmap::format;
use cxmap::generate::{self, Spec};
use cxmap::import;
use cxmap::model::{IdGen, JourneyMap, Lane};
use cxmap::session::{RECOVERY_DELAY, Session};
use cxmap::store;
use cxmap::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// How long each bench keeps sampling, and its fewest and most samples.
const BUDGET: Duration = Duration::from_millis(1500);
const MIN_SAMPLES: usize = 7;
const MAX_SAMPLES: usize = 2000;

const WIDTH: u16 = 200;
const HEIGHT: u16 = 50;

/// Sample times, sorted.
struct Samples(Vec<Duration>);

impl Samples {
    fn quantile(&self, q: f64) -> Duration {
        let i = ((self.0.len() - 1) as f64 * q).round() as usize;
        self.0[i]
    }

    fn median(&self) -> Duration {
        self.quantile(0.5)
    }

    fn p90(&self) -> Duration {
        self.quantile(0.9)
    }
}

/// Times `run` on a fresh `setup()` value each sample (setup is not timed).
fn measure<T, R>(mut setup: impl FnMut() -> T, mut run: impl FnMut(T) -> R) -> Samples {
    let mut times = Vec::new();
    let started = Instant::now();
    while times.len() < MIN_SAMPLES || (started.elapsed() < BUDGET && times.len() < MAX_SAMPLES) {
        let input = setup();
        let t = Instant::now();
        let output = run(input);
        times.push(t.elapsed());
        drop(black_box(output));
    }
    times.sort();
    Samples(times)
}

/// Times a floor and a bench sample by sample in turn, so both see the same machine.
fn measure_pair<A, B>(mut floor: impl FnMut() -> A, mut run: impl FnMut() -> B) -> (Samples, Samples) {
    let (mut floors, mut runs) = (Vec::new(), Vec::new());
    let started = Instant::now();
    while runs.len() < MIN_SAMPLES || (started.elapsed() < 2 * BUDGET && runs.len() < MAX_SAMPLES) {
        let t = Instant::now();
        drop(black_box(floor()));
        floors.push(t.elapsed());
        let t = Instant::now();
        drop(black_box(run()));
        runs.push(t.elapsed());
    }
    floors.sort();
    runs.sort();
    (Samples(floors), Samples(runs))
}

fn ms(d: Duration) -> String {
    format!("{:.3}", d.as_secs_f64() * 1000.0)
}

struct Report {
    filter: Option<String>,
}

impl Report {
    fn wants(&self, name: &str) -> bool {
        self.filter.as_ref().is_none_or(|f| name.contains(f.as_str()))
    }

    fn row(&self, name: &str, size: &str, samples: &Samples, floor: Option<&Samples>) {
        let (floor_ms, ratio) = match floor {
            Some(floor) => (
                ms(floor.median()),
                format!(
                    "{:.2}×",
                    samples.median().as_secs_f64() / floor.median().as_secs_f64()
                ),
            ),
            None => ("".to_owned(), "".to_owned()),
        };
        println!(
            "| {name:<22} | {size:>5} | {:>9} | {:>9} | {floor_ms:>9} | {ratio:>6} | {:>5} |",
            ms(samples.median()),
            ms(samples.p90()),
            samples.0.len()
        );
    }
}

/// An app showing `map` in a 200×50 terminal, selection on the first friction point from
/// the middle stage on.
fn app_at_middle(map: &JourneyMap) -> (App, Terminal<TestBackend>) {
    let mut app = App::with_document(
        Document::opened(map.clone(), "bench.json".into()),
        IdGen::seeded(1),
    );
    app.time_zone = jiff::tz::TimeZone::UTC;
    app.shadow.observer = Some("Bench".to_owned());
    app.resize(WIDTH, HEIGHT);
    let middle = map.stages.len() / 2;
    app.cursor.stage = (middle..map.stages.len())
        .find(|&s| !map.stages[s].frictions.is_empty())
        .unwrap_or(middle);
    app.cursor.lane = Lane::Friction;
    app.cursor
        .scroll_into_view(app.geometry.stage_columns(), map.stages.len());
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap();
    terminal.draw(|frame| ui::render(&app, frame)).unwrap();
    (app, terminal)
}

/// What the terminal loop has a worker do after a key (the memo preview's layout, the
/// text of a copy), then the frame that shows it; how long that took, if there was any.
fn off_the_input_thread(
    app: &mut App,
    terminal: &mut Terminal<TestBackend>,
    effect: Effect,
) -> Option<Duration> {
    let started = Instant::now();
    if let Effect::Terminal(TerminalWork::Copy { text, .. }) = effect {
        black_box(std::thread::spawn(move || text.into_text()).join().unwrap());
        return Some(started.elapsed());
    }
    let request = app.memo_layout_wanted()?;
    // On a thread of its own, as the loop makes it: its memory is not the input thread's.
    let layout = std::thread::spawn(move || request.lay_out()).join().unwrap();
    app.memo_laid_out(layout);
    terminal.draw(|frame| ui::render(app, frame)).unwrap();
    Some(started.elapsed())
}

/// One keystroke: the action, then the frame it leads to; what is left for the loop.
fn keystroke(app: &mut App, terminal: &mut Terminal<TestBackend>, action: Action) -> Effect {
    let effect = update(app, action);
    terminal.draw(|frame| ui::render(app, frame)).unwrap();
    effect
}

/// What the terminal loop does when no key comes: the work left after a key (a search
/// finding hits on a large map), tick by tick, each followed by a frame; how long it took
/// in all, if there was any.
fn between_keys(app: &mut App, terminal: &mut Terminal<TestBackend>) -> Option<Duration> {
    let started = Instant::now();
    let mut worked = false;
    while app.next_tick() == Some(Duration::ZERO) {
        app.tick(Instant::now());
        terminal.draw(|frame| ui::render(app, frame)).unwrap();
        worked = true;
    }
    worked.then(|| started.elapsed())
}

/// A keystroke bench: its name, the keys that set it up (not timed), and the cycle of
/// keys timed one by one.
type KeyCase = (&'static str, &'static [Action], Vec<Action>);

fn key_cases() -> Vec<KeyCase> {
    use Action as A;
    vec![
        ("key: move right/left", &[], vec![A::MoveRight, A::MoveLeft]),
        ("key: move down/up", &[], vec![A::MoveDown, A::MoveUp]),
        ("key: vote (an edit)", &[], vec![A::Vote, A::Unvote]),
        (
            "key: severity, undo, redo",
            &[],
            vec![A::Number(1), A::Number(3), A::Undo, A::Redo],
        ),
        (
            "key: type in editor",
            &[A::EditCell],
            vec![A::Type('x'), A::DeleteBack],
        ),
        // Enter opens the friction point's editor, x types, Enter commits the edit.
        (
            "key: commit a text edit",
            &[],
            vec![A::EditCell, A::Type('x'), A::Commit],
        ),
        (
            "key: move a stage right/left",
            &[],
            vec![A::MoveStageRight, A::MoveStageLeft],
        ),
        (
            "key: duplicate a stage, undo",
            &[],
            vec![A::DuplicateStage, A::Undo],
        ),
        // D asks first; y deletes.
        (
            "key: delete a stage, undo",
            &[],
            vec![A::DeleteStage, A::Yes, A::Undo],
        ),
        // W opens the note form, n types its text, Enter keeps it (the pane then shows).
        (
            "key: add a shadow note",
            &[],
            vec![A::AddNote, A::Type('n'), A::Commit],
        ),
        (
            "key: edit a shadow note",
            &[A::FocusNotes],
            vec![A::EditNote, A::Type('x'), A::Commit],
        ),
        (
            "key: board filter form",
            &[A::ShowBoard],
            vec![A::FilterBoard, A::CancelEdit],
        ),
        // a adds a friction point, typed with a channel tag; the empty Enter ends the run.
        (
            "key: capture with a #channel",
            &[],
            vec![
                A::AddItem,
                A::Paste("The queue was long #web".into()),
                A::Commit,
                A::Commit,
            ],
        ),
        ("key: friction board", &[], vec![A::ShowBoard, A::Back]),
        ("key: council view", &[], vec![A::ShowCouncil, A::Back]),
        ("key: owner form", &[], vec![A::SetOwner, A::CancelEdit]),
        ("key: status", &[], vec![A::CycleStatus]),
        // R starts a round, v casts for the person shown, ] the next person, R ends it.
        (
            "key: voting round",
            &[],
            vec![
                A::VotingRound,
                A::Vote,
                A::NextParticipant,
                A::VotingRound,
                A::Back,
            ],
        ),
        (
            "key: search",
            &[],
            vec![A::Search, A::Type('q'), A::Commit, A::NextHit, A::LeaveSearch],
        ),
        (
            "key: present mode",
            &[],
            vec![A::Present, A::PresentNext, A::Back],
        ),
        ("key: notes pane", &[], vec![A::ToggleNotes, A::ToggleNotes]),
        ("key: coverage view", &[], vec![A::ShowCoverage, A::Back]),
        (
            "key: move an item",
            &[],
            vec![A::MoveItemToNextStage, A::MoveItemToPreviousStage],
        ),
        (
            "key: add a stage, undo",
            &[],
            vec![A::AddStageAfter, A::Type('x'), A::Commit, A::Undo],
        ),
        ("key: help", &[], vec![A::ShowHelp, A::Back]),
        ("key: export form", &[], vec![A::ShowExport, A::CancelEdit]),
        // Enter writes the export: the key hands the map to the loop's worker.
        ("key: write an export", &[], vec![A::ShowExport, A::Commit]),
        ("key: channels view", &[], vec![A::ShowChannels, A::Back]),
        ("key: memo preview", &[], vec![A::ShowMemo, A::Back]),
        // e in the preview: who walked the journey, when, on which devices.
        (
            "key: memo facts form",
            &[A::ShowMemo],
            vec![A::MemoDetails, A::CancelEdit],
        ),
        // y in the preview: the memo in Markdown, made on the loop's copying worker.
        ("key: copy the memo", &[A::ShowMemo], vec![A::Copy]),
    ]
}

fn bench_keys(report: &Report, size: &str, map: &JourneyMap) {
    for (name, setup, actions) in key_cases() {
        if !report.wants(name) {
            continue;
        }
        let (mut app, mut terminal) = app_at_middle(map);
        for action in setup {
            let effect = keystroke(&mut app, &mut terminal, action.clone());
            off_the_input_thread(&mut app, &mut terminal, effect);
        }
        let mut steps: Vec<Vec<Duration>> = vec![Vec::new(); actions.len()];
        let mut idle: Vec<Vec<Duration>> = vec![Vec::new(); actions.len()];
        let mut worker: Vec<Vec<Duration>> = vec![Vec::new(); actions.len()];
        let mut all = Vec::new();
        let started = Instant::now();
        for (step, action) in actions.iter().enumerate().cycle() {
            if all.len() >= MIN_SAMPLES && (started.elapsed() >= BUDGET || all.len() >= MAX_SAMPLES) {
                break;
            }
            let t = Instant::now();
            let effect = keystroke(&mut app, &mut terminal, action.clone());
            let took = t.elapsed();
            steps[step].push(took);
            all.push(took);
            if let Some(took) = between_keys(&mut app, &mut terminal) {
                idle[step].push(took);
            }
            if let Some(took) = off_the_input_thread(&mut app, &mut terminal, effect) {
                worker[step].push(took);
            }
        }
        all.sort();
        report.row(name, size, &Samples(all), None);
        // A cycle of one key has no row of its own, but what it leaves has.
        for (((action, mut times), mut after), mut made) in actions.iter().zip(steps).zip(idle).zip(worker) {
            if actions.len() > 1 {
                times.sort();
                report.row(&format!("  ↳ {action:?}"), size, &Samples(times), None);
            }
            if !after.is_empty() {
                after.sort();
                report.row("    then, between keys", size, &Samples(after), None);
            }
            if !made.is_empty() {
                made.sort();
                report.row("    then, off the thread", size, &Samples(made), None);
            }
        }
    }
}

/// What the loop does between keys when a recovery copy of unsaved work falls due: the
/// part that runs on the UI thread (the copy is written on a thread of its own).
fn bench_recovery(report: &Report, size: &str, map: &JourneyMap) {
    let data = tempfile::tempdir().unwrap();
    let session = Session::new(Some(data.path().to_path_buf()));
    let (app, _) = app_at_middle(map);
    let state = RefCell::new((session, app));
    let start = Instant::now();
    let samples = measure(
        || {
            let (session, app) = &mut *state.borrow_mut();
            update(app, Action::Vote);
            // Waits for the copies queued so far, so they do not pile up.
            session.write_recovery_now(app);
            session.tick(app, start);
        },
        |()| {
            let (session, app) = &mut *state.borrow_mut();
            session.tick(app, start + RECOVERY_DELAY)
        },
    );
    report.row("recovery copy, UI part", size, &samples, None);
}

/// The commands' work on one map, each run as the release binary with its output thrown
/// away, in turn with reading the same file into a `serde_json::Value`.
fn bench_commands(report: &Report, size: &str, path: &Path, csv: &Path) {
    let cxmap = env!("CARGO_BIN_EXE_cxmap");
    let scratch = tempfile::tempdir().unwrap();
    let file = path.to_str().unwrap();
    let imported = scratch.path().join("imported.json");
    let commands: [(&str, Vec<&str>); 8] = [
        ("cmd: check", vec!["check", file]),
        ("cmd: coverage", vec!["coverage", file]),
        ("cmd: memo", vec!["memo", file]),
        ("cmd: export md", vec!["export", file, "--format", "md"]),
        ("cmd: export csv", vec!["export", file, "--format", "csv"]),
        ("cmd: export html", vec!["export", file, "--format", "html"]),
        ("cmd: export mermaid", vec!["export", file, "--format", "mermaid"]),
        (
            "cmd: import csv",
            vec![
                "import",
                csv.to_str().unwrap(),
                "-o",
                imported.to_str().unwrap(),
                "--force",
            ],
        ),
    ];
    for (name, args) in commands {
        if !report.wants(name) {
            continue;
        }
        let (floor, samples) = measure_pair(
            || serde_json::from_slice::<serde_json::Value>(&std::fs::read(path).unwrap()).unwrap(),
            || {
                std::process::Command::new(cxmap)
                    .args(&args)
                    .env("CXMAP_DATA_DIR", scratch.path())
                    .env("CXMAP_CONFIG_DIR", scratch.path())
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::null())
                    .status()
                    .unwrap()
            },
        );
        report.row(name, size, &samples, Some(&floor));
    }
}

/// Reading a map: the real loader in turn with serde's typed and untyped floors.
fn bench_loading(report: &Report, size: &str, path: &Path, bytes: &[u8]) {
    let typed = || serde_json::from_slice::<floor_map::Map>(bytes).unwrap();
    if report.wants("parse floor (Value)") {
        let (typed, value) = measure_pair(typed, || {
            serde_json::from_slice::<serde_json::Value>(bytes).unwrap()
        });
        report.row("parse floor (Value)", size, &value, Some(&typed));
    }
    if report.wants("parse (in memory)") {
        let (floor, samples) = measure_pair(typed, || format::parse_bytes(bytes).unwrap());
        report.row("parse (in memory)", size, &samples, Some(&floor));
    }
    if report.wants("load (file)") {
        let (floor, samples) = measure_pair(
            || floor_map::Map::read(path).unwrap(),
            || store::load(path, &mut IdGen::seeded(1)).unwrap(),
        );
        report.row("load (file)", size, &samples, Some(&floor));
    }
}

/// Issue 11's stalls, each at a size and at four times it: linear work takes about 4×.
fn bench_stalls(report: &Report) {
    let no_ids = |notes: usize| {
        let items: Vec<String> = (0..notes).map(|i| format!(r#"{{"text": "n{i}"}}"#)).collect();
        format!(r#"{{"cxmap": 1, "shadow": {{"notes": [{}]}}}}"#, items.join(","))
    };
    let one_line = |stages: usize| {
        let items: Vec<String> = (0..stages).map(|i| format!(r#"{{"id": "st-{i}"}}"#)).collect();
        format!(r#"{{"cxmap": 1, "stages": [{}]}}"#, items.join(","))
    };
    let columns = |count: usize| {
        let names: Vec<String> = (0..count).map(|i| format!("S{i}")).collect();
        format!(
            ",{}\r\nFriction,{}\r\n",
            names.join(","),
            vec!["f"; count].join(",")
        )
    };
    for n in [12_500, 50_000] {
        let size = format!("{}k", n / 1000);
        if report.wants("stall: open, no ids") {
            let text = no_ids(n);
            let samples = measure(
                || IdGen::seeded(1),
                |mut ids| store::parse_loaded(Path::new("x.json"), text.as_bytes(), &mut ids).unwrap(),
            );
            report.row("stall: open, no ids", &size, &samples, None);
        }
        if report.wants("stall: check 1 line") {
            let text = one_line(2 * n);
            let samples = measure(
                || (),
                |()| {
                    let checked = format::parse_for_check(text.as_bytes()).unwrap();
                    format::review(&checked, |_| false)
                },
            );
            report.row(
                "stall: check 1 line",
                &format!("{}k", 2 * n / 1000),
                &samples,
                None,
            );
        }
        if report.wants("stall: import columns") {
            let sheet = columns(n * 4 / 5);
            let samples = measure(
                || IdGen::seeded(1),
                |mut ids| import::import(&sheet, "t", None, false, &mut ids).unwrap(),
            );
            report.row(
                "stall: import columns",
                &format!("{}k", n * 4 / 5000),
                &samples,
                None,
            );
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let filter = args.iter().find(|a| !a.starts_with('-')).cloned();
    let sizes: Vec<usize> = args
        .iter()
        .find_map(|a| a.strip_prefix("--sizes="))
        .map_or(vec![7, 70, 700, 1400, 2800], |list| {
            list.split(',').map(|n| n.parse().unwrap()).collect()
        });
    let report = Report { filter };
    println!(
        "| {:<22} | {:>5} | {:>9} | {:>9} | {:>9} | {:>6} | {:>5} |",
        "bench", "size", "median ms", "p90 ms", "floor ms", "ratio", "n"
    );
    println!(
        "|{:-<24}|{:->7}|{:->11}|{:->11}|{:->11}|{:->8}|{:->7}|",
        "", "", "", "", "", "", ""
    );
    let dir = tempfile::tempdir().unwrap();
    for stages in sizes {
        let spec = Spec::sized(stages);
        let size = spec.stages.to_string();
        let map = generate::map(&spec);
        let bytes = format::encode(&map);
        let path = dir.path().join(format!("map-{size}.json"));
        std::fs::write(&path, &bytes).unwrap();
        let csv = dir.path().join(format!("map-{size}.csv"));
        std::fs::write(&csv, ExportFormat::Csv.build(&map)).unwrap();
        bench_loading(&report, &size, &path, &bytes);
        bench_commands(&report, &size, &path, &csv);
        bench_saving(
            &report,
            &size,
            &dir.path().join(format!("saved-{size}.json")),
            &map,
            &bytes,
        );
        if report.wants("first render 200x50") {
            let samples = measure(
                || map.clone(),
                |map| {
                    let mut app = App::with_document(Document::opened(map, path.clone()), IdGen::seeded(1));
                    app.resize(WIDTH, HEIGHT);
                    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap();
                    terminal.draw(|frame| ui::render(&app, frame)).unwrap();
                    (app, terminal)
                },
            );
            report.row("first render 200x50", &size, &samples, None);
        }
        if report.wants("recovery copy, UI part") {
            bench_recovery(&report, &size, &map);
        }
        if report.wants("memo (Markdown)") {
            let samples = measure(
                || (),
                |()| memo::memo(&map, &MemoOptions::default(), MemoFormat::Markdown),
            );
            report.row("memo (Markdown)", &size, &samples, None);
        }
        bench_keys(&report, &size, &map);
    }
    bench_stalls(&report);
}

/// Encoding a map, and saving it (fsync included), beside pretty-printing its `Value`.
fn bench_saving(report: &Report, size: &str, target: &Path, map: &JourneyMap, bytes: &[u8]) {
    let value: serde_json::Value = serde_json::from_slice(bytes).unwrap();
    let pretty = || serde_json::to_string_pretty(&value).unwrap();
    if report.wants("save: encode") {
        let (floor, samples) = measure_pair(pretty, || format::encode(map));
        report.row("save: encode", size, &samples, Some(&floor));
    }
    if report.wants("save: encode+fsync") {
        let (floor, samples) = measure_pair(pretty, || store::save_map(target, map).unwrap());
        report.row("save: encode+fsync", size, &samples, Some(&floor));
    }
}
