//! Recovery copies of the open map's unsaved work, typing not yet kept included: the
//! rolling copy written while changes pause, the copy written at once on the way out, and
//! the kept copies the user takes back or discards.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::Session;
use crate::app::modal::Modal;
use crate::app::outcome::Outcome;
use crate::app::update::outcome::report;
use crate::app::{App, Effect};
use crate::store::Unsaved;

/// How long changes pause before a recovery copy is written.
pub const RECOVERY_DELAY: Duration = Duration::from_secs(1);
/// The longest a change waits for its recovery copy while changes go on without a pause.
pub const RECOVERY_LIMIT: Duration = Duration::from_secs(10);
/// The longest the loop waits before looking at the recovery schedule again.
const IDLE: Duration = Duration::from_secs(60);
/// How soon the loop looks again while a save or a copy is under way (its result shows
/// within a frame).
const BUSY: Duration = Duration::from_millis(15);
/// The longest quitting waits for recovery copies to reach the disk.
pub(super) const FLUSH_LIMIT: Duration = Duration::from_millis(800);

/// The work as it stands, cheap to compare after every key: the map's history state and
/// the open editor or form (what is typed there becomes an edit only when copied).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Work {
    state: u64,
    typing: Option<Modal>,
}

impl Work {
    pub(super) fn of(app: &App) -> Self {
        let typing = match app.modal.base() {
            typing @ (Modal::Editor(_) | Modal::Form { .. }) => Some(typing.clone()),
            _ => None,
        };
        Self {
            state: app.doc().map_or(0, |doc| doc.history.state()),
            typing,
        }
    }

    /// The work of a map in history state `state` with nothing typed.
    pub(super) fn at(state: u64) -> Self {
        Self { state, typing: None }
    }
}

/// What became of unsaved work when the program had to stop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kept {
    /// There was none.
    NothingUnsaved,
    /// It is in this recovery copy, on disk.
    Copy(PathBuf),
    /// It could not be written: why.
    Lost(String),
}

fn now_written() -> String {
    jiff::Timestamp::now().to_string()
}

impl Session {
    /// Looks after recovery copies between keys: changes not yet on disk are copied once
    /// they pause for `RECOVERY_DELAY` (or `RECOVERY_LIMIT` after the first, if they never
    /// pause), so the copy is taken while nobody types; back at the saved state, the copy
    /// goes; and starts laying out the memo preview when it waits for that. Returns how
    /// long the loop may wait before calling again.
    pub fn tick(&mut self, app: &mut App, now: Instant) -> Duration {
        let busy =
            self.saves.busy() || self.deliveries.busy() || self.writer.as_ref().is_some_and(|w| w.busy());
        let wait = self.schedule(app, now);
        let wait = if busy { wait.min(BUSY) } else { wait };
        self.memo_layouts.start(app).map_or(wait, |poll| wait.min(poll))
    }

    fn schedule(&mut self, app: &mut App, now: Instant) -> Duration {
        let Some(doc) = app.doc().filter(|d| !d.read_only) else {
            return IDLE;
        };
        let work = Work::of(app);
        if self.recorded.as_ref() == Some(&work) {
            self.unrecorded_since = None;
            return IDLE;
        }
        if !doc.is_dirty() && work.typing.is_none() {
            self.forget_recovery(&doc.path);
            self.recorded = Some(work);
            return IDLE;
        }
        let since = *self.unrecorded_since.get_or_insert(now);
        let changed = match &self.seen {
            Some((seen, at)) if *seen == work => *at,
            _ => {
                self.seen = Some((work.clone(), now));
                now
            }
        };
        let due = (changed + RECOVERY_DELAY).min(since + RECOVERY_LIMIT);
        if now < due {
            return due - now;
        }
        let typed = app.unconfirmed_edit();
        if !doc.is_dirty() && typed.is_none() {
            self.forget_recovery(&doc.path);
            self.recorded = Some(work);
            return IDLE;
        }
        let unsaved = Unsaved {
            map_path: doc.path.clone(),
            map: Arc::clone(&doc.map),
            typed,
        };
        let sent = self
            .writer
            .as_ref()
            .map(|writer| writer.write(unsaved, now_written()));
        if sent == Some(false) {
            let failure = "the copy writer stopped because of a bug".to_owned();
            report(app, Outcome::RecoveryFailed(failure));
        }
        self.recorded = Some(work);
        self.unrecorded_since = None;
        BUSY
    }

    /// Writes a recovery copy of unsaved work (typing included) now and waits for it to
    /// reach the disk: for signals, a lost terminal and panics. Says where it is, or why
    /// it is not.
    pub fn write_recovery_now(&mut self, app: &App) -> Kept {
        match self.write_unsaved(app, false) {
            Ok(Some(copy)) => Kept::Copy(copy),
            Ok(None) => Kept::NothingUnsaved,
            Err(error) => Kept::Lost(error),
        }
    }

    /// Writes unsaved work to a kept copy of its own (before their version replaces it).
    pub(super) fn keep_unsaved(&mut self, app: &App) -> Result<Option<PathBuf>, String> {
        self.write_unsaved(app, true)
    }

    fn write_unsaved(&self, app: &App, kept: bool) -> Result<Option<PathBuf>, String> {
        let Some(doc) = app.doc().filter(|d| !d.read_only) else {
            return Ok(None);
        };
        let typed = app.unconfirmed_edit();
        if !doc.is_dirty() && typed.is_none() {
            return Ok(None);
        }
        let Some(writer) = &self.writer else {
            return Err("there is no data folder to keep it in (set CXMAP_DATA_DIR)".to_owned());
        };
        let unsaved = Unsaved {
            map_path: doc.path.clone(),
            map: Arc::clone(&doc.map),
            typed,
        };
        writer
            .write_now(unsaved, now_written(), kept, FLUSH_LIMIT)
            .map(Some)
    }

    /// Removes the rolling copy of `map_path` (after the writer's earlier jobs).
    pub(super) fn forget_recovery(&self, map_path: &Path) {
        if let Some(writer) = &self.writer {
            writer.remove(map_path.to_path_buf());
        }
    }

    /// The user discarded the offered copy: it goes.
    pub(super) fn discard_offered(&mut self, app: &mut App) -> Effect {
        if let Some(file) = self.offered.take() {
            let _ = std::fs::remove_file(file);
        }
        report(app, Outcome::RecoveryDiscarded)
    }

    /// The user took the offered copy into the map: its work becomes the map's unsaved
    /// work, written to the rolling copy at once; only then does the kept copy go.
    pub(super) fn take_offered(&mut self, app: &mut App) -> Effect {
        let Some(file) = self.offered.take() else {
            return Effect::Nothing;
        };
        match self.write_recovery_now(app) {
            Kept::Copy(_) => {
                self.recorded = Some(Work::of(app));
                let _ = std::fs::remove_file(file);
                Effect::Nothing
            }
            Kept::NothingUnsaved => Effect::Nothing,
            Kept::Lost(error) => {
                self.offered = Some(file);
                report(app, Outcome::RecoveryFailed(error))
            }
        }
    }
}
