//! The service-shadow state: the notes pane (hidden, shown or focused; its filter; rows newest first),
//! the coverage view's selected cell, the channels screen's selection, and the counts
//! they show, derived from the map once per change (not per frame).

use super::pane_rows::PaneRows;
use crate::model::{Cell, Coverage, History, JourneyMap, ShadowNote, StageId, channels};

/// Which notes the pane lists; `None` lets everything through.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NoteFilter {
    pub stage: Option<StageId>,
    pub channel: Option<String>,
    /// Part of the observer's name, matched without regard to case.
    pub observer: Option<String>,
    /// Part of the note's text, matched without regard to case.
    pub text: Option<String>,
}

impl NoteFilter {
    /// Whether `note` passes.
    pub fn admits(&self, note: &ShadowNote) -> bool {
        let contains =
            |haystack: &str, needle: &str| haystack.to_lowercase().contains(&needle.to_lowercase());
        self.stage.as_ref().is_none_or(|s| *s == note.stage)
            && self
                .channel
                .as_ref()
                .is_none_or(|c| c.eq_ignore_ascii_case(&note.channel))
            && self.observer.as_ref().is_none_or(|o| contains(&note.observer, o))
            && self.text.as_ref().is_none_or(|t| contains(&note.text, t))
    }

    /// Whether the filter lets everything through.
    pub fn is_empty(&self) -> bool {
        *self == NoteFilter::default()
    }

    /// The filter in words, e.g. "stage Purchase, channel Website".
    pub fn describe(&self, map: &JourneyMap) -> String {
        let mut parts = Vec::new();
        if let Some(stage) = &self.stage {
            let name = map
                .stage_position(stage)
                .map_or_else(|| stage.to_string(), |s| map.stages[s].name.clone());
            parts.push(format!("stage {name}"));
        }
        if let Some(channel) = &self.channel {
            parts.push(format!("channel {channel}"));
        }
        if let Some(observer) = &self.observer {
            parts.push(format!("observer {observer}"));
        }
        if let Some(text) = &self.text {
            parts.push(format!("text “{text}”"));
        }
        parts.join(", ")
    }
}

/// Whether the notes pane shows beside the grid, and whether it has the keys. It outlives
/// a visit to the board or the coverage view: back in the grid, the pane is as it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pane {
    #[default]
    Hidden,
    /// Showing; the keys go to the grid.
    Shown,
    /// Showing, and the keys go to it.
    Focused,
}

impl Pane {
    /// Whether the pane shows.
    pub fn is_open(self) -> bool {
        self != Pane::Hidden
    }
}

/// Where the notes pane sits, by terminal size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaneLayout {
    /// Beside the grid, on the right.
    Beside,
    /// Under the grid.
    Below,
    /// Instead of the grid, while it has the focus.
    Screen,
}

/// Wider than this, the pane sits beside the grid.
pub const BESIDE_FROM_WIDTH: u16 = 120;
/// Taller than this (and too narrow to sit beside), the pane sits below the grid.
pub const BELOW_FROM_HEIGHT: u16 = 40;

impl PaneLayout {
    /// The layout for a terminal of this size.
    pub fn for_size(width: u16, height: u16) -> PaneLayout {
        if width >= BESIDE_FROM_WIDTH {
            PaneLayout::Beside
        } else if height >= BELOW_FROM_HEIGHT {
            PaneLayout::Below
        } else {
            PaneLayout::Screen
        }
    }
}

/// Everything the service-shadow screens keep between key presses.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shadowing {
    /// The notes pane: hidden, shown, or shown with the keys.
    pub pane: Pane,
    pub filter: NoteFilter,
    /// The notes the pane lists, newest first.
    pub rows: PaneRows,
    pub selected: usize,
    /// The channel the last note was written in, the default for the next.
    pub last_channel: Option<String>,
    /// The configured observer's name; the first note kept gives it.
    pub observer: Option<String>,
    /// The observer a note form suggests when none is configured (the login name).
    pub observer_suggestion: String,
    pub coverage: Coverage,
    /// The coverage view's selected cell.
    pub cell: Cell,
    /// The channels screen's selected channel.
    pub channel: usize,
    /// Uses of each channel of the map's list (notes, friction points, plan entries).
    pub channel_uses: Vec<channels::Uses>,
    /// The time new notes get; `None` reads the clock (tests stop it).
    pub clock: Option<jiff::Timestamp>,
    /// The map revision the rows were listed for; `None` after the filter changed.
    rows_for: Option<u64>,
    /// The map state coverage and channel uses were counted for.
    counted_for: Option<u64>,
}

impl Shadowing {
    /// Marks the rows as out of date after the filter changed.
    pub fn invalidate(&mut self) {
        self.rows_for = None;
    }

    /// The position of the selected note in the map's list.
    pub fn selected_note(&self) -> Option<usize> {
        self.rows.get(self.selected)
    }

    /// Brings the pane's rows up to date with the map (`history` says what changed
    /// since): notes put in, taken out or changed are placed again, the others keep
    /// their order. The selection stays on its note while the pane lists it.
    pub fn refresh(&mut self, map: &JourneyMap, history: &History) {
        let changed = history.changed_since(self.rows_for);
        if changed.is_nothing() {
            return;
        }
        let keep = self.selected_note();
        let notes = &changed.notes;
        if changed.everything || self.rows_for.is_none() {
            self.rows.rebuild(map, |note| self.filter.admits(note));
        } else if !notes.is_empty() {
            self.rows.update(map, |note| self.filter.admits(note), notes);
        }
        let kept = keep.and_then(|n| {
            if changed.everything {
                Some(n)
            } else {
                notes.follow(n)
            }
        });
        if let Some(at) = kept.and_then(|kept| self.rows.row_of(kept)) {
            self.selected = at;
        }
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
        self.rows_for = Some(history.revision());
    }

    /// Counts the notes per stage and channel, and each listed channel's uses, if the map
    /// changed since (`state` is its history state): for the coverage and channels views
    /// and the note filter, not for every edit while the pane shows.
    pub fn count(&mut self, map: &JourneyMap, state: u64) {
        if self.counted_for == Some(state) {
            return;
        }
        self.coverage = Coverage::of(map);
        self.cell.stage = self.cell.stage.min(self.coverage.stage_count.saturating_sub(1));
        self.cell.channel = self
            .cell
            .channel
            .min(self.coverage.channels.len().saturating_sub(1));
        self.channel_uses = channels::uses_of_list(map);
        self.channel = self.channel.min(map.shadow.channels.len().saturating_sub(1));
        self.counted_for = Some(state);
    }

    /// A fresh state for another map, keeping what belongs to the person (their name,
    /// the stopped clock of a test).
    pub fn for_another_map(&self) -> Shadowing {
        Shadowing {
            observer: self.observer.clone(),
            observer_suggestion: self.observer_suggestion.clone(),
            clock: self.clock,
            ..Shadowing::default()
        }
    }

    /// The time for a new note.
    pub fn now(&self) -> jiff::Timestamp {
        self.clock.unwrap_or_else(jiff::Timestamp::now)
    }

    /// Selects the note at position `note` of the map, if the pane lists it.
    pub fn select_note(&mut self, note: usize) {
        if let Some(at) = self.rows.row_of(note) {
            self.selected = at;
        }
    }
}
