//! What shows under any modal: the start screen, or an open map in one of its views.
//! Each view owns what only it needs (the memo's preview, the recovery copy being
//! compared), so a view without its state cannot be written down.

use super::document::{Document, RecoveryOffer};
use super::documents::MemoPreview;
use super::present::Presenting;
use super::start::StartScreen;

/// The screen: choosing a map, or working on one.
#[derive(Debug, Clone)]
pub enum Screen {
    /// New map, the bundled examples, the user's maps.
    Start(StartScreen),
    /// The open map and the view it shows in.
    Map { doc: Document, view: View },
}

impl Screen {
    /// The open map, if the map screen shows.
    pub fn doc(&self) -> Option<&Document> {
        match self {
            Screen::Map { doc, .. } => Some(doc),
            Screen::Start(_) => None,
        }
    }

    /// The open map, to change.
    pub fn doc_mut(&mut self) -> Option<&mut Document> {
        match self {
            Screen::Map { doc, .. } => Some(doc),
            Screen::Start(_) => None,
        }
    }

    /// The map's view, if the map screen shows.
    pub fn view(&self) -> Option<&View> {
        match self {
            Screen::Map { view, .. } => Some(view),
            Screen::Start(_) => None,
        }
    }

    /// Shows the open map in `view` (nothing happens on the start screen).
    pub fn show(&mut self, view: View) {
        if let Screen::Map { view: shown, .. } = self {
            *shown = view;
        }
    }
}

/// Where leaving the channels screen goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChannelsFrom {
    Grid,
    Coverage,
}

/// The main view of an open map.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum View {
    /// Stages by lanes, with the shadow-notes pane beside, below or instead of it.
    #[default]
    Grid,
    /// Every friction point in one table.
    Board,
    /// The three biggest open friction points, for the CX council.
    Council,
    /// The merge conflicts left in the map by `cxmap merge`, to choose a side for each.
    Conflicts,
    /// Shadow notes counted per stage × channel, and what to shadow next.
    Coverage,
    /// The map's channel list, to add, rename, remove and reorder.
    Channels { from: ChannelsFrom },
    /// The friction memo's preview, before it is written.
    Memo(Box<MemoPreview>),
    /// The map and its recovery copy side by side, read-only, before choosing one.
    Compare(Box<RecoveryOffer>),
    /// One stage or one lane in full text, large enough for a projector.
    Present(Presenting),
}
