//! The open map: its data, the file it belongs to and its undo history.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::model::{Edit, EditError, Focus, History, JourneyMap};

/// A map being edited, bound to a file path.
#[derive(Debug, Clone)]
pub struct Document {
    /// Shared with the recovery writer while it encodes a copy; an edit meanwhile
    /// changes a copy of its own (see [`Document::map_mut`]).
    pub map: Arc<JourneyMap>,
    pub path: PathBuf,
    pub history: History,
    /// False until the map has been written to `path` once.
    pub on_disk: bool,
    /// Shown but not changed: another cxmap has the map open.
    pub read_only: bool,
}

impl Document {
    /// A map read from `path`.
    pub fn opened(map: JourneyMap, path: PathBuf) -> Self {
        Self {
            map: Arc::new(map),
            path,
            history: History::default(),
            on_disk: true,
            read_only: false,
        }
    }

    /// A map that `path` will hold after the first save.
    pub fn new_file(map: JourneyMap, path: PathBuf) -> Self {
        Self {
            map: Arc::new(map),
            path,
            history: History::unsaved(),
            on_disk: false,
            read_only: false,
        }
    }

    /// Applies an edit as one undoable step.
    pub fn apply(&mut self, edit: Edit, label: &str) -> Result<Focus, EditError> {
        if self.read_only {
            return Err(EditError("the map is open read-only".to_owned()));
        }
        self.history.apply(Arc::make_mut(&mut self.map), edit, label)
    }

    /// Whether there is work that is not on disk.
    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty()
    }

    /// Records a successful save.
    pub fn mark_saved(&mut self) {
        self.on_disk = true;
        self.history.mark_saved();
    }

    /// The file's name for the title bar.
    pub fn file_name(&self) -> String {
        self.path.file_name().map_or_else(
            || self.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    }

    /// The folder evidence paths are relative to.
    pub fn folder(&self) -> &Path {
        match self.path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        }
    }
}
