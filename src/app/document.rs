//! The open map: its data, the file it belongs to and its undo history; and unsaved work
//! of a map found from an earlier session.

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
    /// The history state a save under way is writing.
    pub saving: Option<u64>,
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
            saving: None,
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
            saving: None,
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

    /// Whether a save under way writes the map as it is now.
    pub fn saving_now(&self) -> bool {
        self.saving == Some(self.history.state())
    }

    /// Records a successful save.
    pub fn mark_saved(&mut self) {
        self.mark_saved_at(self.history.state());
    }

    /// Records a successful save of the map as it was in history state `state` (a save
    /// runs while editing goes on).
    pub fn mark_saved_at(&mut self, state: u64) {
        self.on_disk = true;
        self.history.mark_saved_at(state);
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

/// Unsaved work found from an earlier session, waiting for a decision.
#[derive(Debug, Clone, PartialEq)]
pub struct RecoveryOffer {
    pub map: Box<crate::model::JourneyMap>,
    /// When the copy was written (RFC 3339, UTC).
    pub written: String,
    /// What it changes, in words.
    pub changes: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::{Spec, map};
    use crate::model::{Edit, Item, Shared};

    #[test]
    fn an_edit_while_a_save_holds_the_map_copies_the_stage_it_changes_alone() {
        let mut doc = Document::opened(map(&Spec::sized(20)), "m.json".into());
        let saving = Arc::clone(&doc.map);
        let stage = (0..doc.map.stages.len())
            .find(|&s| !doc.map.stages[s].frictions.is_empty())
            .unwrap();
        let mut voted = doc.map.stages[stage].frictions[0].clone();
        voted.votes += 1;
        let vote = Edit::ReplaceItem {
            stage,
            at: 0,
            item: Item::Friction(voted),
        };
        doc.apply(vote, "vote").unwrap();
        assert_eq!(
            saving.stages[stage].frictions[0].votes + 1,
            doc.map.stages[stage].frictions[0].votes
        );
        for (s, (saved, now)) in saving.stages.iter().zip(&doc.map.stages).enumerate() {
            assert_eq!(Shared::same_value(saved, now), s != stage, "stage {s}");
        }
        let notes = saving.shadow.notes.iter().zip(&doc.map.shadow.notes);
        assert!(notes.clone().count() > 0 && notes.into_iter().all(|(a, b)| Shared::same_value(a, b)));
    }
}
