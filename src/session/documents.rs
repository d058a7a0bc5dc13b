//! Documents the session writes for the program, each made and written on a worker so
//! the keys go on meanwhile: an export, and the friction memo rendered once its evidence
//! files are looked up beside the map (pictures read for the HTML and the PDF, links made
//! from the folder the memo goes to).

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, TryRecvError};

use crate::app::App;
use crate::app::Effect;
use crate::app::documents::{Content, Delivery};
use crate::app::update::delivered;
use crate::export::memo::Memo;
use crate::store::{self, LinkFrom, OutputError, look_up_evidence};

/// What became of a delivery: the delivery, whether it was written, and how many of the
/// memo's evidence files were not found.
type Written = (Delivery, Result<(), OutputError>, usize);

/// The documents being made and written on their workers.
#[derive(Default)]
pub(super) struct Deliveries {
    running: Vec<Receiver<Written>>,
}

impl Deliveries {
    /// Whether a document is being written.
    pub(super) fn busy(&self) -> bool {
        !self.running.is_empty()
    }

    /// Starts making and writing `delivery` for the open map (from `source`, in
    /// `map_folder`).
    pub(super) fn start(&mut self, delivery: Delivery, source: Option<PathBuf>, map_folder: Option<PathBuf>) {
        let (finished, done) = mpsc::channel();
        std::thread::spawn(move || {
            let (bytes, missing) = contents(&delivery, map_folder.as_deref());
            let result = store::write_output(&delivery.path, &bytes, delivery.replace, source.as_deref());
            let _ = finished.send((delivery, result, missing));
        });
        self.running.push(done);
    }

    /// What became of the documents written since the last call, as the app takes it
    /// (said in the status bar, or a question when a file is already there).
    pub(super) fn collect(&mut self, app: &mut App) -> Vec<Effect> {
        let mut effects = Vec::new();
        self.running.retain(|done| match done.try_recv() {
            Err(TryRecvError::Empty) => true,
            written => {
                effects.push(take_in(app, written.ok()));
                false
            }
        });
        effects
    }

    /// Waits for every document under way and takes each in (before the map is left, and
    /// where no loop collects them: tests).
    pub(super) fn wait(&mut self, app: &mut App) -> Vec<Effect> {
        self.running
            .drain(..)
            .map(|done| take_in(app, done.recv().ok()))
            .collect()
    }
}

/// What a document's worker sent, as the app takes it; `None` when it stopped without
/// a word.
fn take_in(app: &mut App, written: Option<Written>) -> Effect {
    match written {
        Some((delivery, result, missing)) => delivered(app, delivery, result, missing),
        None => {
            app.warn("Not written: making the document stopped because of a bug in cxmap");
            Effect::Nothing
        }
    }
}

/// The bytes to write for `delivery`, and how many of the memo's evidence files were not
/// found. `map_folder` is the open map's folder.
fn contents(delivery: &Delivery, map_folder: Option<&Path>) -> (Vec<u8>, usize) {
    match &delivery.content {
        Content::Export { map, format } => (format.build(map).into_bytes(), 0),
        Content::Memo { map, options, format } => {
            let memo = Memo::build(map, options);
            let out = match delivery.path.parent() {
                Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
                _ => PathBuf::from("."),
            };
            let folder = map_folder.map_or_else(|| PathBuf::from("."), Path::to_path_buf);
            let lookup = look_up_evidence(&memo, &folder, &LinkFrom::Folder(out), format.is_paged());
            let missing = lookup.files.missing(&memo).len();
            (format.render(&memo, &lookup.files), missing)
        }
    }
}
