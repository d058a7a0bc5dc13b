//! How fast cxmap is on generated maps of 7, 70 and 700 stages, each figure beside a
//! serde_json floor from the same run (budgets in docs/performance.md). Medians and p90s;
//! `cargo bench --bench speed -- key` runs only the benches whose name contains "key".

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::cell::RefCell;
use std::hint::black_box;
use std::time::{Duration, Instant};

use cxmap::app::App;
use cxmap::app::action::Action;
use cxmap::app::document::Document;
use cxmap::app::update::update;
use cxmap::export::ExportFormat;
use cxmap::export::memo::{self, MemoFormat, MemoOptions};
use cxmap::format;
use cxmap::generate::{self, Spec};
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

/// One keystroke: the action, then the frame it leads to.
fn keystroke(app: &mut App, terminal: &mut Terminal<TestBackend>, action: Action) {
    update(app, action);
    terminal.draw(|frame| ui::render(app, frame)).unwrap();
}

fn bench_keys(report: &Report, size: &str, map: &JourneyMap) {
    let cases: [(&str, &[Action]); 5] = [
        ("key: move right/left", &[Action::MoveRight, Action::MoveLeft]),
        ("key: move down/up", &[Action::MoveDown, Action::MoveUp]),
        ("key: vote (an edit)", &[Action::Vote, Action::Unvote]),
        (
            "key: edit, undo, redo",
            &[Action::RaiseScore, Action::Undo, Action::Redo],
        ),
        ("key: type in editor", &[Action::Type('x'), Action::DeleteBack]),
    ];
    for (name, actions) in cases {
        if !report.wants(name) {
            continue;
        }
        let (mut app, mut terminal) = app_at_middle(map);
        if name.contains("editor") {
            keystroke(&mut app, &mut terminal, Action::EditCell);
        }
        let mut next = actions.iter().cycle();
        let samples = measure(
            || next.next().cloned().unwrap(),
            |action| keystroke(&mut app, &mut terminal, action),
        );
        report.row(name, size, &samples, None);
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

fn main() {
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-'));
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
    for spec in Spec::SIZES {
        let size = spec.stages.to_string();
        let map = generate::map(&spec);
        let bytes = format::encode(&map);
        let path = dir.path().join(format!("map-{size}.json"));
        std::fs::write(&path, &bytes).unwrap();
        let floor_parse = measure(
            || (),
            |()| serde_json::from_slice::<serde_json::Value>(&bytes).unwrap(),
        );
        if report.wants("parse floor") {
            report.row("parse floor (Value)", &size, &floor_parse, None);
        }
        if report.wants("load") {
            let samples = measure(
                || IdGen::seeded(1),
                |mut ids| store::parse_loaded(&path, &bytes, &mut ids).unwrap(),
            );
            report.row("load", &size, &samples, Some(&floor_parse));
        }
        if report.wants("check") {
            let samples = measure(|| (), |()| format::parse_bytes(&bytes).unwrap());
            report.row("check", &size, &samples, Some(&floor_parse));
        }
        let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        let floor_print = measure(|| (), |()| serde_json::to_string_pretty(&value).unwrap());
        if report.wants("save") {
            let samples = measure(|| (), |()| format::encode(&map));
            report.row("save: encode", &size, &samples, Some(&floor_print));
            let target = dir.path().join(format!("saved-{size}.json"));
            let samples = measure(|| (), |()| store::save_map(&target, &map).unwrap());
            report.row("save: encode+fsync", &size, &samples, Some(&floor_print));
        }
        if report.wants("first render") {
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
        if report.wants("recovery") {
            bench_recovery(&report, &size, &map);
        }
        if report.wants("memo") {
            let samples = measure(
                || (),
                |()| memo::memo(&map, &MemoOptions::default(), MemoFormat::Markdown),
            );
            report.row("memo (Markdown)", &size, &samples, Some(&floor_print));
        }
        for format in ExportFormat::ALL {
            let name = format!("export {}", format.name());
            if report.wants(&name) {
                let samples = measure(|| (), |()| format.build(&map));
                report.row(&name, &size, &samples, Some(&floor_print));
            }
        }
        bench_keys(&report, &size, &map);
    }
}
