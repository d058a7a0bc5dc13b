//! Carries out the app's effects: the I/O at the edge. Loading, saving (with a check that
//! nobody changed the file meanwhile), the lock beside the open map, recovery copies of
//! unsaved work, creating maps and listing the data folder.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::app::document::Document;
use crate::app::modal::{AfterLeaving, Modal, Question, RecoveryOffer};
use crate::app::start::StartScreen;
use crate::app::update::{delivered, saved};
use crate::app::{App, Effect};
use crate::assets::{EXAMPLES, TEMPLATES, evidence_of};
use crate::format;
use crate::model::diff;
use crate::store::{self, Fingerprint, LoadError, MapLock, RecoveryWriter, recovery};

/// How long changes pause before a recovery copy is written.
pub const RECOVERY_DELAY: Duration = Duration::from_secs(1);
/// The longest a change waits for its recovery copy while changes go on without a pause.
pub const RECOVERY_LIMIT: Duration = Duration::from_secs(10);
/// The longest the loop waits before looking at the recovery schedule again.
const IDLE: Duration = Duration::from_secs(60);
/// The longest quitting waits for recovery copies to reach the disk.
const FLUSH_LIMIT: Duration = Duration::from_millis(800);

/// Whether the program goes on after an effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Continue,
    Quit,
}

/// The I/O side of one run of the program.
pub struct Session {
    data_dir: Option<PathBuf>,
    writer: Option<RecoveryWriter>,
    lock: Option<MapLock>,
    /// The open map's file as last loaded or saved.
    fingerprint: Option<Fingerprint>,
    /// The history state last written to disk (saved or as a recovery copy).
    recorded: Option<u64>,
    /// When a change not yet on disk was first seen.
    unrecorded_since: Option<Instant>,
    /// The history state `tick` last saw, and when it first saw it.
    seen: Option<(u64, Instant)>,
}

impl Default for Session {
    fn default() -> Self {
        Self::new(store::data_dir())
    }
}

/// The lines of a refusal, each naming the file, line and column.
pub fn load_error_lines(error: &LoadError) -> Vec<String> {
    error.to_string().lines().map(str::to_owned).collect()
}

impl Session {
    /// A session keeping recovery copies under `data_dir` (none without one).
    pub fn new(data_dir: Option<PathBuf>) -> Self {
        Self {
            writer: data_dir.clone().map(RecoveryWriter::start),
            data_dir,
            lock: None,
            fingerprint: None,
            recorded: None,
            unrecorded_since: None,
            seen: None,
        }
    }

    /// Performs `effect` and any effect it leads to.
    pub fn perform(&mut self, app: &mut App, effect: Effect) -> Flow {
        let mut effect = effect;
        loop {
            effect = match effect {
                Effect::Nothing => return Flow::Continue,
                Effect::Quit => {
                    self.leave(app);
                    return Flow::Quit;
                }
                Effect::Save { then } => self.save(app, then, true),
                Effect::SaveAnyway { then } => self.save(app, then, false),
                Effect::SaveAs(path) => self.save_as(app, path),
                Effect::Reload => self.reload(app),
                Effect::Open(path) => {
                    self.open_file(app, &path);
                    Effect::Nothing
                }
                Effect::OpenExample(index) => {
                    self.open_example(app, index);
                    Effect::Nothing
                }
                Effect::Create { template, title } => self.create(app, template, &title),
                Effect::ShowStart => {
                    self.leave(app);
                    self.show_start(app);
                    Effect::Nothing
                }
                Effect::Deliver(delivery) => {
                    let source = app.doc().map(|doc| doc.path.clone());
                    let result = store::write_output(
                        &delivery.path,
                        delivery.text.as_bytes(),
                        delivery.replace,
                        source.as_deref(),
                    );
                    delivered(app, *delivery, result)
                }
                Effect::DiscardRecovery => {
                    if let Some(doc) = app.doc() {
                        self.forget_recovery(&doc.path);
                        app.inform("Discarded the recovery copy; the map is as the file has it");
                    }
                    Effect::Nothing
                }
                Effect::OpenEvidence(evidence) => {
                    if let Some(doc) = app.doc() {
                        match store::opener::open_evidence(doc.folder(), &evidence) {
                            Ok(message) => app.inform(message),
                            Err(message) => app.warn(message),
                        }
                    }
                    Effect::Nothing
                }
                Effect::RememberObserver(name) => {
                    if let Err(error) = store::settings::set_observer(&name) {
                        app.warn(format!("Your name is used for now but not remembered: {error}"));
                    }
                    Effect::Nothing
                }
                Effect::TakeLock => {
                    if let Some(doc) = app.doc_mut() {
                        self.lock = MapLock::take(&doc.path);
                        doc.read_only = false;
                        app.inform("Editing anyway: a save checks for the other cxmap's changes first");
                    }
                    Effect::Nothing
                }
            };
        }
    }

    /// Opens the map at `path` in the grid, or explains in a notice why it cannot. A map
    /// that was never saved but has a recovery copy starts anew there, with the copy offered.
    pub fn open_file(&mut self, app: &mut App, path: &Path) {
        if !path.exists()
            && self
                .data_dir
                .as_deref()
                .is_some_and(|dir| recovery::copy_path(dir, path).exists())
        {
            self.new_map_at(app, path, &crate::commands::title_from_path(path));
            return;
        }
        if let Err(error) = self.load(app, path) {
            let name = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            let mut lines = load_error_lines(&error);
            lines.push(String::new());
            lines.push("The file was not changed. Fix it in a text editor, then open it again.".to_owned());
            app.notice(format!("Cannot open {name}"), lines);
        }
    }

    /// Loads the map at `path` into the grid.
    pub fn load(&mut self, app: &mut App, path: &Path) -> Result<(), LoadError> {
        let bytes = store::read_limited(path)?;
        let loaded = store::parse_loaded(path, &bytes, &mut app.ids)?;
        let warnings = loaded.warnings.len();
        app.open(Document::opened(loaded.map, path.to_path_buf()));
        if warnings > 0 {
            app.inform(format!(
                "Opened with {warnings} warning{}: cxmap check {} lists them",
                if warnings == 1 { "" } else { "s" },
                path.display()
            ));
        }
        self.adopt(app, Some(Fingerprint::of(path, &bytes)));
        Ok(())
    }

    /// Starts a new map at `path` (created on the first save) from the default template.
    pub fn new_map_at(&mut self, app: &mut App, path: &Path, title: &str) {
        match TEMPLATES[0].instantiate(title, &mut app.ids) {
            Ok(map) => {
                app.open(Document::new_file(map, path.to_path_buf()));
                app.inform(format!(
                    "New map from the {} template: Ctrl-S creates {}",
                    TEMPLATES[0].name,
                    path.display()
                ));
                self.adopt(app, None);
            }
            Err(message) => app.notice("Cannot use the template", vec![message]),
        }
    }

    /// After a map opens: take its lock (or open it read-only when another cxmap holds
    /// it), and offer unsaved work from an earlier session.
    fn adopt(&mut self, app: &mut App, fingerprint: Option<Fingerprint>) {
        self.fingerprint = fingerprint;
        self.lock = None;
        self.unrecorded_since = None;
        let Some(doc) = app.doc_mut() else { return };
        self.recorded = Some(doc.history.state());
        if let Some(holder) = MapLock::holder(&doc.path) {
            doc.read_only = true;
            app.ask(Question::LockedElsewhere {
                holder: holder.to_string(),
            });
            return;
        }
        self.lock = MapLock::take(&doc.path);
        let Some(copy) = self
            .data_dir
            .as_deref()
            .and_then(|dir| recovery::find(dir, &doc.path))
        else {
            return;
        };
        let changes = diff::summary(&doc.map, &copy.map);
        if changes.is_empty() {
            self.forget_recovery(&doc.path);
            return;
        }
        app.ask(Question::Recover(Box::new(RecoveryOffer {
            map: Box::new(copy.map),
            written: copy.written,
            changes,
        })));
    }

    fn forget_recovery(&self, map_path: &Path) {
        if let Some(writer) = &self.writer {
            writer.remove(map_path.to_path_buf());
        }
    }

    fn save(&mut self, app: &mut App, then: Option<AfterLeaving>, check: bool) -> Effect {
        let Some(doc) = app.doc() else {
            return Effect::Nothing;
        };
        if doc.read_only {
            app.warn("Read-only: another cxmap has this map open, so it is not saved here");
            return Effect::Nothing;
        }
        let changed_elsewhere = match &self.fingerprint {
            Some(print) => !print.matches_disk(&doc.path),
            None => doc.path.exists(),
        };
        if check && changed_elsewhere {
            app.ask(Question::ChangedOnDisk { then });
            return Effect::Nothing;
        }
        let bytes = format::encode(&doc.map);
        let result = store::write_atomic(&doc.path, &bytes);
        if result.is_ok() {
            self.fingerprint = Some(Fingerprint::of(&doc.path, &bytes));
            self.recorded = Some(doc.history.state());
            self.unrecorded_since = None;
            self.forget_recovery(&doc.path);
            if self.lock.is_none() {
                self.lock = MapLock::take(&doc.path);
            }
        }
        saved(app, result, then)
    }

    fn save_as(&mut self, app: &mut App, path: PathBuf) -> Effect {
        let Some(doc) = app.doc_mut() else {
            return Effect::Nothing;
        };
        if path.exists() {
            app.warn(format!("{} exists already; choose another name", path.display()));
            return Effect::Nothing;
        }
        let old = std::mem::replace(&mut doc.path, path);
        doc.on_disk = false;
        doc.read_only = false;
        self.forget_recovery(&old);
        self.lock = None;
        self.fingerprint = None;
        self.save(app, None, false)
    }

    fn reload(&mut self, app: &mut App) -> Effect {
        let Some(doc) = app.doc() else {
            return Effect::Nothing;
        };
        let path = doc.path.clone();
        let kept = self.write_recovery_now(app);
        match self.load(app, &path) {
            Ok(()) => {
                app.modal = Modal::None;
                app.inform(match kept {
                    Some(copy) => format!("Reloaded; your version is kept in {}", copy.display()),
                    None => "Reloaded from disk".to_owned(),
                });
            }
            Err(error) => app.notice("Cannot reload", load_error_lines(&error)),
        }
        Effect::Nothing
    }

    /// The folder new maps and example copies go into, created if it is not there yet (a
    /// failure shows up when saving, with its reason).
    fn maps_folder(&self) -> PathBuf {
        let folder = self
            .data_dir
            .clone()
            .unwrap_or_else(|| std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")));
        let _ = std::fs::create_dir_all(&folder);
        folder
    }

    /// Opens a copy of a bundled example; saving writes it into the data folder.
    pub fn open_example(&mut self, app: &mut App, index: usize) {
        let Some(example) = EXAMPLES.get(index) else {
            return;
        };
        match example.map() {
            Ok(map) => {
                let folder = self.maps_folder();
                let path = store::new_map_path(&folder, example.name);
                let shown = path.display().to_string();
                let evidence = store::place_evidence(&folder, &evidence_of(&map));
                app.open(Document::new_file(map, path));
                match evidence {
                    Ok(_) => app.inform(format!(
                        "A copy of the bundled example: Ctrl-S saves it as {shown}"
                    )),
                    Err(error) => app.warn(format!(
                        "A copy of the bundled example; its evidence pictures could not be written: {error}"
                    )),
                }
                self.adopt(app, None);
            }
            Err(message) => app.notice("Cannot open the example", vec![message]),
        }
    }

    fn create(&mut self, app: &mut App, template: usize, title: &str) -> Effect {
        let Some(bundled) = TEMPLATES.get(template) else {
            return Effect::Nothing;
        };
        match bundled.instantiate(title, &mut app.ids) {
            Ok(map) => {
                let path = store::new_map_path(&self.maps_folder(), title);
                app.open(Document::new_file(map, path));
                self.adopt(app, None);
                self.save(app, None, true)
            }
            Err(message) => {
                app.notice("Cannot use the template", vec![message]);
                Effect::Nothing
            }
        }
    }

    /// Leaves the open map (quitting or opening another): its unsaved work was saved or
    /// given up by now, so its recovery copy goes, and so does its lock.
    fn leave(&mut self, app: &mut App) {
        if let Some(doc) = app.doc()
            && !doc.read_only
        {
            self.forget_recovery(&doc.path);
        }
        if let Some(writer) = &self.writer {
            writer.flush(FLUSH_LIMIT);
        }
        self.lock = None;
        self.fingerprint = None;
    }

    /// Lists the data folder and shows the start screen.
    pub fn show_start(&mut self, app: &mut App) {
        app.show_start(self.start_screen());
    }

    /// The start screen's content: the data folder's maps.
    pub fn start_screen(&self) -> StartScreen {
        let (maps, problem) = match &self.data_dir {
            None => (
                Vec::new(),
                Some("no data folder: set CXMAP_DATA_DIR to keep maps in one place".to_owned()),
            ),
            Some(folder) => match store::list_maps(folder) {
                Ok(maps) => (maps, None),
                Err(problem) => (Vec::new(), Some(problem)),
            },
        };
        let mut recoveries = self.data_dir.as_deref().map(recovery::list).unwrap_or_default();
        let keys: Vec<PathBuf> = maps.iter().map(|m| recovery::map_key(&m.path)).collect();
        let recoverable = keys
            .iter()
            .map(|key| recoveries.iter().any(|r| &r.map_path == key))
            .collect();
        recoveries.retain(|r| !keys.contains(&r.map_path));
        StartScreen {
            recoverable,
            recoveries,
            folder: self.data_dir.clone(),
            maps,
            problem,
            ..StartScreen::default()
        }
    }

    /// Looks after recovery copies between keys: changes not yet on disk are copied once
    /// they pause for `RECOVERY_DELAY` (or `RECOVERY_LIMIT` after the first, if they never
    /// pause), so the copy is taken while nobody types; back at the saved state, the copy
    /// goes. Returns how long the loop may wait before calling again.
    pub fn tick(&mut self, app: &mut App, now: Instant) -> Duration {
        if let Some(failure) = self.writer.as_ref().and_then(RecoveryWriter::failure) {
            app.warn(failure);
        }
        let Some(doc) = app.doc().filter(|d| !d.read_only) else {
            return IDLE;
        };
        let state = doc.history.state();
        if self.recorded == Some(state) {
            self.unrecorded_since = None;
            return IDLE;
        }
        if !doc.is_dirty() {
            self.forget_recovery(&doc.path);
            self.recorded = Some(state);
            return IDLE;
        }
        let since = *self.unrecorded_since.get_or_insert(now);
        let changed = match self.seen {
            Some((seen, at)) if seen == state => at,
            _ => {
                self.seen = Some((state, now));
                now
            }
        };
        let due = (changed + RECOVERY_DELAY).min(since + RECOVERY_LIMIT);
        if now < due {
            return due - now;
        }
        if let Some(writer) = &self.writer {
            let written = jiff::Timestamp::now().to_string();
            writer.write(doc.path.clone(), doc.map.clone(), written);
        }
        self.recorded = Some(state);
        self.unrecorded_since = None;
        IDLE
    }

    /// Writes a recovery copy of unsaved work now and waits for it to reach the disk:
    /// for signals, a lost terminal and panics. Returns where the copy is.
    pub fn write_recovery_now(&mut self, app: &App) -> Option<PathBuf> {
        let doc = app.doc().filter(|d| d.is_dirty() && !d.read_only)?;
        let (writer, data_dir) = (self.writer.as_ref()?, self.data_dir.as_deref()?);
        let written = jiff::Timestamp::now().to_string();
        writer.write(doc.path.clone(), doc.map.clone(), written);
        writer
            .flush(FLUSH_LIMIT)
            .then(|| recovery::copy_path(data_dir, &doc.path))
    }
}
