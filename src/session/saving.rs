//! Saving off the input thread: Ctrl-S takes the map as it is (a shared snapshot, no
//! copy), a worker encodes it and saves it under the folder's save lock, and the loop
//! collects the result. Keys typed meanwhile edit a copy of their own and stay unsaved.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

use super::{Flow, Session};
use crate::app::modal::AfterLeaving;
use crate::app::outcome::{Confirmed, Outcome, SaveAsProblem, SaveReport};
use crate::app::update::outcome::report;
use crate::app::{App, Effect};
use crate::format;
use crate::model::JourneyMap;
use crate::store::{Expect, Fingerprint, MapLock, MapSave, SaveRefused, save_checked};

/// The longest leaving waits for a save under way (a slow network folder).
const SAVE_WAIT: Duration = Duration::from_secs(60);

/// A save asked for: the map as it was at Ctrl-S.
struct Snapshot {
    path: PathBuf,
    map: Arc<JourneyMap>,
    state: u64,
    then: Option<AfterLeaving>,
    confirmed: Confirmed,
}

/// A save running on its worker.
struct Running {
    path: PathBuf,
    state: u64,
    then: Option<AfterLeaving>,
    confirmed: Confirmed,
    done: Receiver<Result<Fingerprint, SaveRefused>>,
}

impl Running {
    /// Whether this save already does what `snapshot` asks.
    fn writes(&self, snapshot: &Snapshot) -> bool {
        (&self.path, self.state, self.confirmed) == (&snapshot.path, snapshot.state, snapshot.confirmed)
    }
}

/// The save under way, and the next one asked for while it runs.
#[derive(Default)]
pub(super) struct Saves {
    running: Option<Running>,
    next: Option<Snapshot>,
}

impl Saves {
    /// Whether a save is under way.
    pub(super) fn busy(&self) -> bool {
        self.running.is_some()
    }
}

impl Session {
    /// Starts saving the open map as it is now (or after the save under way).
    pub(super) fn save(&mut self, app: &mut App, then: Option<AfterLeaving>, confirmed: Confirmed) -> Effect {
        let Some(doc) = app.doc() else {
            return Effect::Nothing;
        };
        if doc.read_only {
            return report(app, Outcome::ReadOnlyHere);
        }
        let snapshot = Snapshot {
            path: doc.path.clone(),
            map: Arc::clone(&doc.map),
            state: doc.history.state(),
            then,
            confirmed,
        };
        let (path, state) = (snapshot.path.clone(), snapshot.state);
        match &mut self.saves.running {
            // The save under way writes this very state: where to go after it is all
            // that is new (Ctrl-S then q).
            Some(running) if running.writes(&snapshot) => {
                running.then = running.then.or(then);
                return Effect::Nothing;
            }
            Some(_) => self.saves.next = Some(snapshot),
            None => self.start(snapshot),
        }
        report(app, Outcome::Saving { path, state })
    }

    fn start(&mut self, snapshot: Snapshot) {
        let expect = match &self.fingerprint {
            _ if snapshot.confirmed.overwrite => Expect::Anything,
            Some(print) => Expect::Unchanged(print.clone()),
            None => Expect::Absent,
        };
        let (finished, done) = mpsc::channel();
        let Snapshot {
            path,
            map,
            state,
            then,
            confirmed,
        } = snapshot;
        let request_path = path.clone();
        std::thread::spawn(move || {
            let bytes = format::encode(&map);
            drop(map);
            let save = MapSave {
                path: request_path,
                bytes,
                expect,
                replace_read_only: confirmed.read_only,
            };
            let _ = finished.send(save_checked(&save));
        });
        self.saves.running = Some(Running {
            path,
            state,
            then,
            confirmed,
            done,
        });
    }

    /// Takes in a save that ended, if one did within `wait`; what it leads to.
    fn collect_save(&mut self, app: &mut App, wait: Duration) -> Option<Effect> {
        let running = self.saves.running.as_ref()?;
        let result = match running.done.recv_timeout(wait) {
            Ok(result) => result,
            Err(RecvTimeoutError::Timeout) => return None,
            Err(RecvTimeoutError::Disconnected) => Err(SaveRefused::Failed(crate::store::SaveError {
                path: running.path.clone(),
                reason: "the save stopped because of a bug".to_owned(),
            })),
        };
        let running = self.saves.running.take()?;
        let written = result.map(|print| self.saved(app, &running.path, running.state, print));
        let report_of = SaveReport {
            path: running.path,
            state: running.state,
            then: running.then,
            confirmed: running.confirmed,
            result: written,
        };
        let effect = report(app, Outcome::Saved(report_of));
        if let Some(next) = self.saves.next.take() {
            let (path, state) = (next.path.clone(), next.state);
            self.start(next);
            report(app, Outcome::Saving { path, state });
        }
        Some(effect)
    }

    /// Records a save that wrote `state` of the map at `path`.
    fn saved(&mut self, app: &App, path: &PathBuf, state: u64, print: Fingerprint) {
        let Some(doc) = app.doc().filter(|doc| &doc.path == path) else {
            return;
        };
        self.fingerprint = Some(print);
        match &mut self.lock {
            Some(lock) => lock.follow_save(path),
            None => self.lock = MapLock::take(path).ok(),
        }
        if doc.history.state() == state && app.unconfirmed_edit().is_none() {
            self.recorded = Some(super::Work::at(state));
            self.unrecorded_since = None;
            self.forget_recovery(path);
        }
    }

    /// Takes in what ran in the background since the last call: saves that ended,
    /// recovery copies that failed and the memo preview's layout. `None` when nothing
    /// did; else whether to go on.
    pub fn collect(&mut self, app: &mut App) -> Option<Flow> {
        let mut collected = self.memo_layouts.collect(app).then_some(Flow::Continue);
        if let Some(failure) = self.writer.as_ref().and_then(|w| w.failure()) {
            report(app, Outcome::RecoveryFailed(failure));
            collected = Some(Flow::Continue);
        }
        for effect in self.deliveries.collect(app) {
            if self.perform(app, effect) == Flow::Quit {
                return Some(Flow::Quit);
            }
            collected = Some(Flow::Continue);
        }
        while let Some(effect) = self.collect_save(app, Duration::ZERO) {
            if self.perform(app, effect) == Flow::Quit {
                return Some(Flow::Quit);
            }
            collected = Some(Flow::Continue);
        }
        collected
    }

    /// Waits for the documents and saves under way and takes them in, as the loop would;
    /// whether to go on. (For callers without a loop: tests, and leaving.)
    pub fn settle(&mut self, app: &mut App) -> Flow {
        for effect in self.deliveries.wait(app) {
            if self.perform(app, effect) == Flow::Quit {
                return Flow::Quit;
            }
        }
        while self.saves.busy() {
            let Some(effect) = self.collect_save(app, SAVE_WAIT) else {
                return Flow::Continue;
            };
            if self.perform(app, effect) == Flow::Quit {
                return Flow::Quit;
            }
        }
        Flow::Continue
    }

    /// Lets the saves under way end before the map is left; where they lead is moot.
    pub(super) fn finish_saves(&mut self, app: &mut App) {
        while self.saves.busy() {
            if self.collect_save(app, SAVE_WAIT).is_none() {
                self.saves = super::Saves::default();
            }
        }
    }

    pub(super) fn save_as(&mut self, app: &mut App, path: PathBuf) -> Effect {
        self.finish_saves(app);
        let folder = path.parent().filter(|f| !f.as_os_str().is_empty());
        let why = match folder {
            _ if path.exists() => Some(SaveAsProblem::Exists),
            Some(folder) if folder.is_file() => Some(SaveAsProblem::NotAFolder(folder.to_path_buf())),
            Some(folder) if !folder.exists() => Some(SaveAsProblem::NoFolder(folder.to_path_buf())),
            _ => None,
        };
        if let Some(why) = why {
            return report(app, Outcome::SaveAsRefused { path, why });
        }
        let Some(doc) = app.doc_mut() else {
            return Effect::Nothing;
        };
        let old = std::mem::replace(&mut doc.path, path);
        doc.on_disk = false;
        doc.read_only = false;
        self.forget_recovery(&old);
        self.lock = None;
        self.fingerprint = None;
        self.save(app, None, Confirmed::default())
    }

    /// Reads their version again; yours becomes a kept recovery copy first.
    pub(super) fn reload(&mut self, app: &mut App) -> Effect {
        self.finish_saves(app);
        let Some(doc) = app.doc() else {
            return Effect::Nothing;
        };
        let path = doc.path.clone();
        let kept = self.keep_unsaved(app);
        match self.load_offering(app, &path, false) {
            Ok(()) => report(app, Outcome::Reloaded { kept }),
            Err(error) => {
                let lines = super::load_error_lines(&error);
                report(app, Outcome::NotReloaded { lines })
            }
        }
    }
}
