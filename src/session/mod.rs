//! Carries out the app's effects: the I/O at the edge. Loading, saving on a worker (with a
//! check that nobody changed the file meanwhile), the lock of the open map, recovery
//! copies of unsaved work, creating maps and listing the data folder. Every result goes
//! back to the app as an [`Outcome`]; the app decides what the screen says.

mod documents;
mod memo_layout;
mod recovering;
mod saving;

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::app::document::Document;
use crate::app::modal::RecoveryOffer;
use crate::app::outcome::{Confirmed, Outcome};
use crate::app::start::StartScreen;
use crate::app::update::outcome::report;
use crate::app::{App, Effect};
use crate::assets::{EXAMPLES, TEMPLATES, evidence_of};
use crate::model::{JourneyMap, diff};
use crate::store::{self, Fingerprint, LoadError, MapLock, RecoveryWriter, recovery};

use documents::Deliveries;
use memo_layout::MemoLayouts;
use recovering::Work;
pub use recovering::{Kept, RECOVERY_DELAY, RECOVERY_LIMIT};
use saving::Saves;

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
    /// The work last written to disk (saved or as a recovery copy).
    recorded: Option<Work>,
    /// When a change not yet on disk was first seen.
    unrecorded_since: Option<Instant>,
    /// The work `tick` last saw, and when it first saw it.
    seen: Option<(Work, Instant)>,
    /// The kept recovery copy offered when the map opened, until taken or discarded.
    offered: Option<PathBuf>,
    /// Where new maps go unless the user names another place, and whose maps the start
    /// screen lists beside the data folder's: the folder cxmap was started in.
    start_folder: Option<PathBuf>,
    /// The save running on its worker, and the one asked for meanwhile.
    saves: Saves,
    /// The memo preview's layout being made on its worker.
    memo_layouts: MemoLayouts,
    /// Exports and memos being made and written on their workers.
    deliveries: Deliveries,
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

/// A map never saved is drawn again from its template on every opening, with new ids, so
/// its recovery copy is compared with `fresh` as if its stages had the copy's ids where
/// they stand at the same place under the same name: the offer then lists what the user
/// did, not every stage as both removed and added.
fn with_stage_ids_of(fresh: &JourneyMap, copy: &JourneyMap) -> JourneyMap {
    let mut aligned = fresh.clone();
    for (stage, kept) in aligned.stages.iter_mut().zip(&copy.stages) {
        if stage.name == kept.name {
            stage.id = kept.id.clone();
        }
    }
    aligned
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
            offered: None,
            start_folder: None,
            saves: Saves::default(),
            memo_layouts: MemoLayouts::default(),
            deliveries: Deliveries::default(),
        }
    }

    /// New maps go to `folder` unless the user names another place, and the start screen
    /// lists the maps there too (`main` passes the folder cxmap was started in).
    pub fn set_start_folder(&mut self, folder: PathBuf) {
        self.start_folder = Some(folder);
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
                Effect::Save { then } => self.save(app, then, Confirmed::default()),
                Effect::SaveConfirmed { then, confirmed } => self.save(app, then, confirmed),
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
                Effect::Create {
                    template,
                    title,
                    path,
                } => self.create(app, template, &title, path),
                Effect::ShowStart => {
                    self.leave(app);
                    report(app, Outcome::StartListed(self.start_screen()))
                }
                Effect::Deliver(delivery) => {
                    let source = app.doc().map(|doc| doc.path.clone());
                    let folder = app.doc().map(|doc| doc.folder().to_path_buf());
                    app.inform(format!(
                        "Writing the {} to {}…",
                        delivery.what,
                        delivery.path.display()
                    ));
                    self.deliveries.start(*delivery, source, folder);
                    Effect::Nothing
                }
                Effect::DiscardRecovery => self.discard_offered(app),
                Effect::RecoveryTaken => self.take_offered(app),
                Effect::OpenEvidence(evidence) => match app.doc() {
                    Some(doc) => {
                        let opened = store::opener::open_evidence(doc.folder(), &evidence);
                        report(app, Outcome::EvidenceOpened(opened))
                    }
                    None => Effect::Nothing,
                },
                Effect::CopyEvidence(entries) => match app.doc() {
                    Some(doc) => {
                        let folder = doc.folder().to_path_buf();
                        let (mut copied, mut failed) = (Vec::new(), Vec::new());
                        for entry in entries {
                            match store::copy_beside(&folder, &entry) {
                                Ok(copy) => copied.push((entry, copy)),
                                Err(why) => failed.push(why),
                            }
                        }
                        report(app, Outcome::EvidenceCopied { copied, failed })
                    }
                    None => Effect::Nothing,
                },
                Effect::RememberObserver(name) => match store::settings::set_observer(&name) {
                    Ok(()) => Effect::Nothing,
                    Err(error) => report(app, Outcome::ObserverNotRemembered(error.to_string())),
                },
                // The terminal loop does this work before effects reach the session.
                Effect::Terminal(_) => Effect::Nothing,
                Effect::TakeLock => {
                    // The other cxmap keeps its lock: this one edits unlocked, and its
                    // saves still wait for the other's and check for its changes.
                    if let Some(doc) = app.doc() {
                        self.lock = MapLock::take(&doc.path).ok();
                    }
                    report(app, Outcome::EditingAnyway)
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
                .is_some_and(|dir| recovery::find(dir, path).is_some())
        {
            self.new_map_at(app, path, &store::title_from_path(path));
            return;
        }
        if let Err(error) = self.load(app, path) {
            let lines = load_error_lines(&error);
            report(
                app,
                Outcome::NotOpened {
                    path: path.to_path_buf(),
                    lines,
                },
            );
        }
    }

    /// Loads the map at `path` into the grid.
    pub fn load(&mut self, app: &mut App, path: &Path) -> Result<(), LoadError> {
        self.load_offering(app, path, true)
    }

    fn load_offering(&mut self, app: &mut App, path: &Path, offer: bool) -> Result<(), LoadError> {
        let loaded = store::load(path, &mut app.ids)?;
        let doc = Document::opened(loaded.map, path.to_path_buf());
        let warnings = loaded.warnings.len();
        report(
            app,
            Outcome::Opened {
                doc: Box::new(doc),
                warnings,
            },
        );
        self.adopt(app, Some(loaded.fingerprint), offer);
        Ok(())
    }

    /// Starts a new map at `path` (created on the first save) from the default template.
    pub fn new_map_at(&mut self, app: &mut App, path: &Path, title: &str) {
        match TEMPLATES[0].instantiate(title, &mut app.ids) {
            Ok(map) => {
                let doc = Box::new(Document::new_file(map, path.to_path_buf()));
                let template = TEMPLATES[0].name;
                report(app, Outcome::Started { doc, template });
                self.adopt(app, None, true);
            }
            Err(message) => {
                let what = "the template";
                report(app, Outcome::NotMade { what, message });
            }
        }
    }

    /// After a map opens: take its lock (or have it shown read-only when another cxmap
    /// holds it), and offer unsaved work from earlier when `offer` says so.
    fn adopt(&mut self, app: &mut App, fingerprint: Option<Fingerprint>, offer: bool) {
        self.fingerprint = fingerprint;
        self.unrecorded_since = None;
        self.seen = None;
        self.offered = None;
        let Some(doc) = app.doc() else { return };
        self.recorded = Some(Work::at(doc.history.state()));
        let path = doc.path.clone();
        match self.lock.take().filter(|lock| lock.is_for(&path)) {
            Some(mut ours) => {
                ours.follow_save(&path);
                self.lock = Some(ours);
            }
            None => match MapLock::take(&path) {
                Ok(lock) => self.lock = Some(lock),
                Err(holder) => {
                    let holder = holder.to_string();
                    report(app, Outcome::LockedElsewhere { holder });
                    return;
                }
            },
        }
        if offer {
            self.offer_recovery(app);
        }
    }

    /// Offers the newest recovery copy of the open map that changes something; the copy
    /// is set aside (kept) until the user takes or discards it.
    fn offer_recovery(&mut self, app: &mut App) {
        let (Some(doc), Some(data_dir)) = (app.doc(), self.data_dir.as_deref()) else {
            return;
        };
        let Some(copy) = recovery::find(data_dir, &doc.path) else {
            return;
        };
        let changes = if doc.on_disk {
            diff::summary(&doc.map, &copy.map)
        } else {
            diff::summary(&with_stage_ids_of(&doc.map, &copy.map), &copy.map)
        };
        if changes.is_empty() {
            let _ = std::fs::remove_file(&copy.file);
            return;
        }
        self.offered = Some(recovery::set_aside(data_dir, &copy.file).unwrap_or(copy.file));
        let offer = RecoveryOffer {
            map: Box::new(copy.map),
            written: copy.written,
            changes,
        };
        report(app, Outcome::RecoveryFound(offer));
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
                let evidence = store::place_evidence(&folder, &evidence_of(&map))
                    .map(drop)
                    .map_err(|error| error.to_string());
                let doc = Box::new(Document::new_file(map, path));
                report(app, Outcome::ExampleOpened { doc, evidence });
                self.adopt(app, None, true);
            }
            Err(message) => {
                let what = "the example";
                report(app, Outcome::NotMade { what, message });
            }
        }
    }

    fn create(&mut self, app: &mut App, template: usize, title: &str, path: PathBuf) -> Effect {
        let Some(bundled) = TEMPLATES.get(template) else {
            return Effect::Nothing;
        };
        if path.exists() {
            let title = title.to_owned();
            return report(
                app,
                Outcome::NewMapExists {
                    template,
                    title,
                    path,
                },
            );
        }
        match bundled.instantiate(title, &mut app.ids) {
            Ok(map) => {
                let doc = Box::new(Document::new_file(map, path));
                report(app, Outcome::Created { doc });
                self.adopt(app, None, true);
                self.save(app, None, Confirmed::default())
            }
            Err(message) => {
                let what = "the template";
                report(app, Outcome::NotMade { what, message })
            }
        }
    }

    /// Leaves the open map (quitting or opening another): a save or a document under way
    /// ends first; its unsaved work was saved or given up by now, so its rolling copy goes,
    /// and so does its lock. Kept copies stay.
    fn leave(&mut self, app: &mut App) {
        self.finish_saves(app);
        // A document asked for is written; what became of it is moot now.
        let _ = self.deliveries.wait(app);
        if let Some(doc) = app.doc()
            && !doc.read_only
        {
            self.forget_recovery(&doc.path);
        }
        if let Some(writer) = &self.writer {
            writer.flush(recovering::FLUSH_LIMIT);
        }
        self.lock = None;
        self.fingerprint = None;
        self.offered = None;
    }

    /// Lists the data folder and shows the start screen.
    pub fn show_start(&mut self, app: &mut App) {
        report(app, Outcome::StartListed(self.start_screen()));
    }

    /// The start screen's content: the data folder's maps, and unsaved or kept work of
    /// maps elsewhere (one line per map).
    pub fn start_screen(&self) -> StartScreen {
        let (mut maps, problem) = match &self.data_dir {
            None => (
                Vec::new(),
                Some("no data folder: set CXMAP_DATA_DIR to keep maps in one place".to_owned()),
            ),
            Some(folder) => match store::list_maps(folder) {
                Ok(maps) => (maps, None),
                Err(problem) => (Vec::new(), Some(problem)),
            },
        };
        // The maps in the folder cxmap was started in, where new ones go by default: what
        // reads as a map, and a damaged map (it says "cxmap" but does not read), not other
        // programs' JSON files.
        if let Some(here) = &self.start_folder
            && self.data_dir.as_ref() != Some(here)
            && let Ok(found) = store::list_maps(here)
        {
            maps.extend(found.into_iter().filter(|m| m.claims_map));
            maps.sort_by(|a, b| b.modified.cmp(&a.modified).then_with(|| a.path.cmp(&b.path)));
        }
        let mut recoveries = self.data_dir.as_deref().map(recovery::list).unwrap_or_default();
        let keys: Vec<PathBuf> = maps.iter().map(|m| recovery::map_key(&m.path)).collect();
        let recoverable = keys
            .iter()
            .map(|key| recoveries.iter().any(|r| &r.map_path == key))
            .collect();
        recoveries.retain(|r| !keys.contains(&r.map_path));
        let mut listed = Vec::new();
        recoveries.retain(|r| {
            let first = !listed.contains(&r.map_path);
            listed.push(r.map_path.clone());
            first
        });
        StartScreen {
            recoverable,
            recoveries,
            folder: self.data_dir.clone(),
            maps,
            problem,
            new_maps_in: self.start_folder.clone().unwrap_or_else(|| self.maps_folder()),
            ..StartScreen::default()
        }
        .newest_selected()
    }
}
