//! The application: state, actions and the update that applies them. It performs no I/O;
//! [`update::update`] returns an [`Effect`] and the terminal loop carries it out.

pub mod action;
pub mod board;
pub mod cursor;
pub mod document;
pub mod documents;
pub mod editor;
pub mod form;
pub mod forms;
pub mod geometry;
pub mod keymap;
pub mod links;
pub mod overlay;
pub mod queue;
pub mod search;
pub mod shadow;
pub mod start;
pub mod update;
pub mod view;
pub mod voting;

use std::path::PathBuf;

use crate::model::IdGen;
use cursor::Cursor;
use document::Document;
use editor::Editor;
use form::Form;
use geometry::Geometry;
use keymap::{Keymap, Mode};
use overlay::{AfterLeaving, Overlay, RecoveryOffer};
use start::StartScreen;

/// Which screen is showing under any overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Start,
    Map,
}

/// How a status-bar message should look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Error,
}

/// A line for the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub tone: Tone,
}

/// I/O the terminal loop performs for the update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Nothing,
    /// Save the open map, then go on as `then` says if the save worked.
    Save {
        then: Option<AfterLeaving>,
    },
    Quit,
    /// Open the map file at the path.
    Open(PathBuf),
    /// Open a copy of the bundled example with this index.
    OpenExample(usize),
    /// Make a new map from a template, save it in the data folder and open it.
    Create {
        template: usize,
        title: String,
    },
    /// Re-read the data folder and show the start screen.
    ShowStart,
    /// Save even though the file changed on disk.
    SaveAnyway {
        then: Option<AfterLeaving>,
    },
    /// Read the file again from disk; the map in memory becomes a recovery copy.
    Reload,
    /// Save under a new name and go on editing that file.
    SaveAs(PathBuf),
    /// Write a document (an export or the memo) where the user said.
    Deliver(Box<documents::Delivery>),
    /// Remove the recovery copy of the open map.
    DiscardRecovery,
    /// Edit a map another cxmap has open.
    TakeLock,
    /// Open a shadow note's evidence (a URL, or a file checked to be in the map's
    /// folder) with the system's opener, without waiting for it.
    OpenEvidence(String),
    /// Remember the observer's name in the config folder.
    RememberObserver(String),
}

/// Everything the program knows between two key presses.
#[derive(Debug, Clone)]
pub struct App {
    pub screen: Screen,
    /// Which main view shows on the map screen.
    pub view: view::View,
    /// The friction board (and council) derived from the map.
    pub board: board::Board,
    /// The service-shadow pane, coverage view and channels screen.
    pub shadow: shadow::Shadowing,
    pub doc: Option<Document>,
    pub start: StartScreen,
    pub cursor: Cursor,
    pub editor: Option<Editor>,
    pub form: Option<Form>,
    pub overlay: Option<Overlay>,
    /// Unsaved work from an earlier session, offered when the map opened.
    pub recovery: Option<RecoveryOffer>,
    /// Showing the map and its recovery copy side by side, read-only.
    pub comparing: bool,
    /// A dot-voting round in progress.
    pub round: Option<voting::VotingRound>,
    /// The friction memo's preview, while it shows.
    pub memo: Option<documents::MemoPreview>,
    /// The search and its hits, derived from the map once per change.
    pub search: search::Search,
    /// Links and missing evidence of the friction points, derived once per change.
    pub queue: queue::Queue,
    /// The emotion curve is wanted under the grid (it shows when there is room).
    pub show_curve: bool,
    /// Choosing which friction points an opportunity addresses.
    pub links: Option<links::LinkPicker>,
    pub message: Option<Message>,
    pub geometry: Geometry,
    pub keymap: Keymap,
    pub ids: IdGen,
    /// Dates on screen are shown in this zone (the system's; UTC in tests).
    pub time_zone: jiff::tz::TimeZone,
}

impl App {
    /// An app showing the start screen.
    pub fn at_start(start: StartScreen, ids: IdGen) -> Self {
        Self {
            screen: Screen::Start,
            view: view::View::Grid,
            board: board::Board::default(),
            shadow: shadow::Shadowing::default(),
            memo: None,
            links: None,
            doc: None,
            start,
            cursor: Cursor::default(),
            editor: None,
            form: None,
            overlay: None,
            recovery: None,
            comparing: false,
            round: None,
            search: search::Search::default(),
            show_curve: true,
            queue: queue::Queue::default(),
            message: None,
            geometry: Geometry::default(),
            keymap: Keymap::default(),
            ids,
            time_zone: jiff::tz::TimeZone::system(),
        }
    }

    /// An app editing `doc`.
    pub fn with_document(doc: Document, ids: IdGen) -> Self {
        let mut app = Self::at_start(StartScreen::default(), ids);
        app.open(doc);
        app
    }

    /// Shows `doc` in the grid, selection at its first cell.
    pub fn open(&mut self, doc: Document) {
        self.doc = Some(doc);
        self.screen = Screen::Map;
        self.view = view::View::Grid;
        self.board = board::Board::default();
        self.shadow = self.shadow.for_another_map();
        self.cursor = Cursor::default();
        self.editor = None;
        self.form = None;
        self.overlay = None;
        self.recovery = None;
        self.comparing = false;
        self.round = None;
        self.memo = None;
        self.search.clear();
        self.links = None;
        self.queue.reset();
    }

    /// The mode the keyboard is in.
    pub fn mode(&self) -> Mode {
        match (&self.overlay, &self.form, &self.editor, self.screen) {
            (Some(Overlay::Ask(_)), ..) => Mode::Confirm,
            (Some(_), ..) => Mode::Help,
            (None, Some(_), ..) => Mode::Form,
            (None, None, Some(_), _) => Mode::Edit,
            (None, None, None, Screen::Start) => Mode::Start,
            (None, None, None, Screen::Map) if self.comparing => Mode::Compare,
            (None, None, None, Screen::Map) if self.links.is_some() => Mode::Link,
            (None, None, None, Screen::Map) => match self.view {
                view::View::Grid if self.shadow.open && self.shadow.focused => Mode::Shadow,
                view::View::Grid => Mode::Grid,
                view::View::Coverage => Mode::Coverage,
                view::View::Channels => Mode::Channels,
                view::View::Memo => Mode::Memo,
                view::View::Board => Mode::Board,
                view::View::Council => Mode::Council,
            },
        }
    }

    /// Records the terminal's new size and keeps the selection on screen.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.geometry = Geometry { width, height };
        if let Some(doc) = &self.doc {
            self.cursor
                .scroll_into_view(self.geometry.stage_columns(), doc.map.stages.len());
        }
    }

    /// Keeps the help's or a notice's scroll within `max` (what the view can show), so
    /// moving up after jumping to the end moves at once.
    pub fn clamp_overlay_scroll(&mut self, max: usize) {
        if let Some(Overlay::Help { scroll, .. } | Overlay::Notice { scroll, .. }) = &mut self.overlay {
            *scroll = (*scroll).min(max);
        }
    }

    /// Says something in the status bar.
    pub fn inform(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            tone: Tone::Info,
        });
    }

    /// Reports a failure in the status bar.
    pub fn warn(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            tone: Tone::Error,
        });
    }

    /// Shows a notice over the screen (for problems that need more than one line).
    pub fn notice(&mut self, title: impl Into<String>, lines: Vec<String>) {
        self.overlay = Some(Overlay::Notice {
            title: title.into(),
            lines,
            scroll: 0,
        });
    }
}
