//! The start screen's state: new map, the bundled examples, and the user's maps; and the
//! template list shown while making a new map.

use std::path::PathBuf;

use crate::assets::{EXAMPLES, TEMPLATES};
use crate::store::MapSummary;
use crate::store::recovery::RecoveryEntry;

/// One line of the start screen's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartEntry {
    NewMap,
    Example(usize),
    Map(usize),
    Recovered(usize),
}

/// What the start screen shows and which line is selected.
#[derive(Debug, Clone, Default)]
pub struct StartScreen {
    /// The folder the user's maps live in, if there is one.
    pub folder: Option<PathBuf>,
    pub maps: Vec<MapSummary>,
    /// Why the folder could not be listed, if it could not.
    pub problem: Option<String>,
    /// For each of `maps`, whether unsaved work of it was kept.
    pub recoverable: Vec<bool>,
    /// Unsaved work of maps that are not in the folder (never saved, or kept elsewhere).
    pub recoveries: Vec<RecoveryEntry>,
    pub selected: usize,
    /// While choosing a template for a new map: the selected template.
    pub template: Option<usize>,
    /// The new map's title, once typed, while its file is being named.
    pub title: Option<String>,
    /// Where a new map is saved unless the user says otherwise: the folder cxmap was
    /// started in.
    pub new_maps_in: PathBuf,
}

impl StartScreen {
    /// The list's lines, in order.
    pub fn entries(&self) -> impl Iterator<Item = StartEntry> {
        std::iter::once(StartEntry::NewMap)
            .chain((0..EXAMPLES.len()).map(StartEntry::Example))
            .chain((0..self.maps.len()).map(StartEntry::Map))
            .chain((0..self.recoveries.len()).map(StartEntry::Recovered))
    }

    /// The same screen with the newest of the user's maps selected (they are listed
    /// newest first), or "new map" when there is none: reopening cxmap, the map worked on
    /// last is one Enter away.
    pub fn newest_selected(mut self) -> Self {
        let newest = self
            .entries()
            .position(|entry| matches!(entry, StartEntry::Map(_)));
        self.selected = newest.unwrap_or(0);
        self
    }

    /// The selected line.
    pub fn selected_entry(&self) -> Option<StartEntry> {
        self.entries().nth(self.selected)
    }

    /// Lines in the list that is showing (templates while choosing one).
    pub fn len(&self) -> usize {
        if self.template.is_some() {
            TEMPLATES.len()
        } else {
            1 + EXAMPLES.len() + self.maps.len() + self.recoveries.len()
        }
    }

    /// Whether the showing list is empty (it never is: "new map" is always there).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Moves the selection in the showing list, staying inside it.
    pub fn select(&mut self, index: usize) {
        let last = self.len().saturating_sub(1);
        match &mut self.template {
            Some(template) => *template = index.min(last),
            None => self.selected = index.min(last),
        }
    }

    /// The selected line of the showing list.
    pub fn position(&self) -> usize {
        self.template.unwrap_or(self.selected)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_newest_map_is_selected_when_there_is_one() {
        assert_eq!(
            StartScreen::default().newest_selected().selected_entry(),
            Some(StartEntry::NewMap)
        );
        let screen = StartScreen {
            maps: ["b.json", "a.json"]
                .map(|name| MapSummary {
                    path: PathBuf::from(name),
                    modified: None,
                    content: Ok(("A map".to_owned(), 3)),
                    claims_map: true,
                })
                .to_vec(),
            ..StartScreen::default()
        }
        .newest_selected();
        assert_eq!(screen.selected_entry(), Some(StartEntry::Map(0)));
    }
}
