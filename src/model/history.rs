//! Undo and redo: a stack of inverse edits back to the state at opening, a marker for
//! the state last saved so the title bar can tell whether work is unsaved, and a short
//! log of what recent steps changed so derived views update only that.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicU64, Ordering};

use super::changed::Changed;
use super::edit::{Edit, EditError, Focus};
use super::map::JourneyMap;

/// How many recent steps [`History::changed_since`] can sum up; a view further behind
/// rebuilds from the map.
const LOGGED_STEPS: usize = 64;

/// Revisions are unique in the process, so a view computed for another map (or another
/// copy of this history) never mistakes its revision for one of this history's.
static NEXT_REVISION: AtomicU64 = AtomicU64::new(1);

fn next_revision() -> u64 {
    NEXT_REVISION.fetch_add(1, Ordering::Relaxed)
}

/// One step of the map: from one revision to the next, and what it changed.
#[derive(Debug, Clone)]
struct Logged {
    from: u64,
    changed: Changed,
}

#[derive(Debug, Clone)]
struct Step {
    /// The edit that takes the map back (for undo) or forward again (for redo).
    edit: Edit,
    /// What the user did, for "Undid: …" messages.
    label: String,
    /// The state the map is in after this step's edit is applied.
    state: u64,
}

/// The undo and redo stacks of one open map.
#[derive(Debug, Clone)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    state: u64,
    next_state: u64,
    saved: Option<u64>,
    /// Moves on with every step applied, undone or redone (unlike `state`, never back).
    revision: u64,
    log: VecDeque<Logged>,
}

impl Default for History {
    fn default() -> Self {
        Self {
            undo: Vec::new(),
            redo: Vec::new(),
            state: 0,
            next_state: 1,
            saved: Some(0),
            revision: next_revision(),
            log: VecDeque::new(),
        }
    }
}

impl History {
    /// A history for a map that does not exist on disk yet: unsaved from the start.
    pub fn unsaved() -> Self {
        Self {
            saved: None,
            ..Self::default()
        }
    }

    /// Applies `edit` as one undoable step; the redo stack is cleared.
    pub fn apply(&mut self, map: &mut JourneyMap, edit: Edit, label: &str) -> Result<Focus, EditError> {
        let focus = edit.focus();
        let mut changed = Changed::default();
        changed.add(&edit);
        let inverse = edit.apply(map)?;
        self.log_step(changed);
        self.undo.push(Step {
            edit: inverse,
            label: label.to_owned(),
            state: self.state,
        });
        self.redo.clear();
        self.state = self.next_state;
        self.next_state += 1;
        Ok(focus)
    }

    /// Reverts the last step; returns its label and where it happened, or `None` when
    /// there is nothing left to undo.
    pub fn undo(&mut self, map: &mut JourneyMap) -> Option<Result<(String, Focus), EditError>> {
        let step = self.undo.pop()?;
        Some(self.replay(map, step, true))
    }

    /// Re-applies the last undone step.
    pub fn redo(&mut self, map: &mut JourneyMap) -> Option<Result<(String, Focus), EditError>> {
        let step = self.redo.pop()?;
        Some(self.replay(map, step, false))
    }

    fn replay(
        &mut self,
        map: &mut JourneyMap,
        step: Step,
        undoing: bool,
    ) -> Result<(String, Focus), EditError> {
        let focus = step.edit.focus();
        let mut changed = Changed::default();
        changed.add(&step.edit);
        // Applied as it is, not a copy (a deleted stage's step holds the stage and its
        // notes): a step that no longer fits the map, which leaves the map as it was,
        // would fail again, so it goes rather than stay on top of its stack for good.
        let inverse = step.edit.apply(map)?;
        self.log_step(changed);
        let reverse = Step {
            edit: inverse,
            label: step.label.clone(),
            state: self.state,
        };
        self.state = step.state;
        if undoing {
            self.redo.push(reverse);
        } else {
            self.undo.push(reverse);
        }
        Ok((step.label, focus))
    }

    fn log_step(&mut self, changed: Changed) {
        if self.log.len() == LOGGED_STEPS {
            self.log.pop_front();
        }
        self.log.push_back(Logged {
            from: self.revision,
            changed,
        });
        self.revision = next_revision();
    }

    /// The map's revision: a number no other state of any map in this process has had.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// What changed since the map was at `revision` (`None`: never seen), summed over
    /// the steps since; everything when that revision is not one of this history's
    /// recent ones.
    pub fn changed_since(&self, revision: Option<u64>) -> Changed {
        if revision == Some(self.revision) {
            return Changed::default();
        }
        let Some(first) = revision.and_then(|r| self.log.iter().position(|step| step.from == r)) else {
            return Changed::everything();
        };
        let mut changed = Changed::default();
        for step in self.log.range(first..) {
            changed.merge(&step.changed);
        }
        changed
    }

    /// Which state the map is in: every applied, undone or redone step moves it, and a
    /// map back in an earlier state has its number again.
    pub fn state(&self) -> u64 {
        self.state
    }

    /// Whether there is a step to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is a step to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Records that the map as it is now is what the file holds.
    pub fn mark_saved(&mut self) {
        self.saved = Some(self.state);
    }

    /// Records that the file holds the map as it was in state `state`.
    pub fn mark_saved_at(&mut self, state: u64) {
        self.saved = Some(state);
    }

    /// Whether the map differs from what was last saved (or was never saved).
    pub fn is_dirty(&self) -> bool {
        self.saved != Some(self.state)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ShadowNote, Shared};

    #[test]
    fn a_step_that_no_longer_fits_fails_once_leaves_the_map_and_goes() {
        let mut map = JourneyMap::default();
        let mut history = History::default();
        let note = Box::new(ShadowNote::default());
        history
            .apply(&mut map, Edit::InsertNote { at: 0, note }, "add")
            .unwrap();
        // The note goes behind the history's back: undoing its insert cannot apply.
        map.shadow.notes.clear();
        let before = map.clone();
        assert!(matches!(history.undo(&mut map), Some(Err(_))));
        assert_eq!(map, before);
        assert!(!history.can_undo() && !history.can_redo());
        map.shadow.notes.push(Shared::new(ShadowNote::default()));
        assert!(history.undo(&mut map).is_none());
    }
}
