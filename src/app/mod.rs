//! The application: state, actions and the update that applies them. It performs no I/O;
//! [`update::update`] returns an [`Effect`] and the terminal loop carries it out.

pub mod action;
pub mod board;
pub mod choices;
pub mod completion;
pub mod conflicts;
pub mod cursor;
pub mod document;
pub mod documents;
pub mod editor;
pub mod folder;
pub mod form;
pub mod forms;
pub mod geometry;
pub mod keymap;
pub mod links;
pub mod look;
pub mod modal;
pub mod names;
pub mod note_groups;
pub mod note_links;
pub mod outcome;
pub mod pane_rows;
pub mod places;
pub mod pointer;
pub mod present;
pub mod queue;
pub mod screen;
pub mod search;
pub mod shadow;
pub mod slots;
pub mod start;
pub mod typed_filter;
pub mod update;
pub mod used_ids;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::model::IdGen;
use cursor::Cursor;
use document::Document;
use geometry::Geometry;
use keymap::{Keymap, Mode};
use modal::{Modal, Question};
use screen::{Screen, View};
use shadow::Pane;
use start::StartScreen;

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

/// Where the program goes once unsaved work has been dealt with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterLeaving {
    Quit,
    StartScreen,
}

/// I/O the terminal loop performs for the update.
#[derive(Debug, Clone, PartialEq)]
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
    /// Make a new map from a template, save it at `path` and open it.
    Create {
        template: usize,
        title: String,
        path: PathBuf,
    },
    /// Re-read the data folder and show the start screen.
    ShowStart,
    /// Save again after the user agreed to what the last attempt asked about.
    SaveConfirmed {
        then: Option<AfterLeaving>,
        confirmed: outcome::Confirmed,
    },
    /// Read the file again from disk; the map in memory becomes a recovery copy.
    Reload,
    /// Save under a new name and go on editing that file.
    SaveAs(PathBuf),
    /// Write a document (an export or the memo) where the user said.
    Deliver(Box<documents::Delivery>),
    /// Remove the recovery copy that was offered.
    DiscardRecovery,
    /// The offered recovery copy was taken into the map: its work is unsaved work now.
    RecoveryTaken,
    /// Edit a map another cxmap has open.
    TakeLock,
    /// Open a shadow note's evidence (a URL, or a file checked to be in the map's
    /// folder) with the system's opener, without waiting for it.
    OpenEvidence(String),
    /// Remember the observer's name in the config folder.
    RememberObserver(String),
    /// Copy these evidence files (outside the map's folder) into `evidence/` beside it.
    CopyEvidence(Vec<String>),
    /// Work only the terminal can do; the loop does it before the session sees effects.
    Terminal(TerminalWork),
}

/// Work that needs the terminal itself.
#[derive(Debug, Clone, PartialEq)]
pub enum TerminalWork {
    /// Hand the text being edited to the user's editor; what comes back goes to
    /// [`update::from_editor`].
    EditInEditor(String),
    /// Put `text` on the clipboard; `what` names it in the status bar ("stage 3
    /// Purchase"), through [`update::copied`].
    Copy { what: String, text: documents::Clipping },
}

/// How many slices of a search one [`App::tick`] reads between keys (a slice is about a
/// tenth of a millisecond), before the screen shows the hits found so far.
const SEARCH_SLICES_PER_TICK: usize = 8;

/// Everything the program knows between two key presses: one screen (the start screen,
/// or the open map in one view) under one modal layer, the state derived from the open
/// map, and what outlives a map (the person's settings, the terminal, the keymap).
#[derive(Debug, Clone)]
pub struct App {
    /// What shows: the start screen, or the open map in one of its views.
    pub screen: Screen,
    /// What sits over the screen and takes the keys.
    pub modal: Modal,
    /// The selection in the grid.
    pub cursor: Cursor,
    /// A `+` or `-` just pressed on the emotion lane, which a digit may complete.
    pub score_sign: Option<update::ScoreSign>,
    /// An item cut, waiting to be pasted in another cell.
    pub clip: Option<update::Clip>,
    /// The friction board (and council) derived from the map.
    pub board: board::Board,
    /// The service-shadow pane, coverage view and channels screen.
    pub shadow: shadow::Shadowing,
    /// The search and its hits, derived from the map once per change.
    pub search: search::Search,
    /// Links and missing evidence of the friction points, derived once per change.
    pub queue: queue::Queue,
    /// The channels and owners the map names, for completion, derived once per change.
    pub names: names::Names,
    /// The ids the map uses, for making fresh ones, derived once per change.
    pub used_ids: used_ids::UsedIds,
    /// Merge conflicts left in the map by `cxmap merge`, listed once per change.
    pub conflicts: conflicts::Conflicts,
    /// A dot-voting round in progress.
    pub round: Option<crate::model::voting::Round>,
    /// How the last round was set up, offered for the next.
    pub last_round: Option<crate::model::voting::RoundSetup>,
    /// The time the screen shows (a round's timer), moved on by the terminal loop.
    pub now: Instant,
    /// The open map's folder as the session last listed it (for evidence and completion).
    pub folder: folder::FolderListing,
    pub message: Option<Message>,
    /// The emotion curve is wanted under the grid (it shows when there is room).
    pub show_curve: bool,
    pub geometry: Geometry,
    pub keymap: Keymap,
    /// The theme and whether colours are drawn (`--theme`, `--color`, settings.json).
    pub look: look::Look,
    pub ids: IdGen,
    /// Dates on screen are shown in this zone: UTC unless the program sets the system's.
    pub time_zone: jiff::tz::TimeZone,
    /// The next map opened shows in present mode (`--present`), once.
    pub opens_presenting: bool,
}

impl App {
    /// An app showing the start screen.
    pub fn at_start(start: StartScreen, ids: IdGen) -> Self {
        Self {
            screen: Screen::Start(start),
            modal: Modal::None,
            cursor: Cursor::default(),
            score_sign: None,
            clip: None,
            board: board::Board::default(),
            shadow: shadow::Shadowing::default(),
            search: search::Search::default(),
            queue: queue::Queue::default(),
            names: names::Names::default(),
            used_ids: used_ids::UsedIds::default(),
            conflicts: conflicts::Conflicts::default(),
            round: None,
            last_round: None,
            now: Instant::now(),
            folder: folder::FolderListing::default(),
            message: None,
            show_curve: true,
            geometry: Geometry::default(),
            keymap: Keymap::default(),
            look: look::Look::default(),
            ids,
            time_zone: jiff::tz::TimeZone::UTC,
            opens_presenting: false,
        }
    }

    /// An app editing `doc`.
    pub fn with_document(doc: Document, ids: IdGen) -> Self {
        let mut app = Self::at_start(StartScreen::default(), ids);
        app.open(doc);
        app
    }

    /// Shows `doc` in the grid, selection at its first cell; a map left with merge
    /// conflicts by `cxmap merge` opens on the list of them instead, and one opened with
    /// `--present` (once) in present mode.
    pub fn open(&mut self, doc: Document) {
        let presenting = std::mem::take(&mut self.opens_presenting);
        let conflicted = conflicts::any(&doc.map);
        let view = if conflicted {
            View::Conflicts
        } else if presenting {
            View::Present(present::Presenting::new(present::Showing::Stage))
        } else {
            View::Grid
        };
        self.switch_to(Screen::Map { doc, view });
        if conflicted && self.message.is_none() {
            self.inform("This map has merge conflicts from a git merge: choose ours or theirs for each");
        }
    }

    /// Shows the start screen; the map that was open is gone.
    pub fn show_start(&mut self, start: StartScreen) {
        self.switch_to(Screen::Start(start));
    }

    /// Shows `screen` with nothing over it. Everything derived from the map shown before
    /// starts afresh; what belongs to the person and the terminal stays. Every field is
    /// named, so a new one has to say which it is.
    fn switch_to(&mut self, screen: Screen) {
        *self = App {
            screen,
            modal: Modal::None,
            cursor: Cursor::default(),
            score_sign: None,
            clip: None,
            board: board::Board::default(),
            shadow: self.shadow.for_another_map(),
            search: search::Search::default(),
            queue: queue::Queue::default(),
            names: names::Names::default(),
            used_ids: used_ids::UsedIds::default(),
            conflicts: conflicts::Conflicts::default(),
            round: None,
            last_round: self.last_round.take(),
            now: self.now,
            folder: folder::FolderListing::default(),
            message: self.message.take(),
            show_curve: self.show_curve,
            geometry: self.geometry,
            keymap: std::mem::take(&mut self.keymap),
            look: self.look,
            ids: self.ids.clone(),
            time_zone: self.time_zone.clone(),
            opens_presenting: self.opens_presenting,
        };
    }

    /// The open map, if the map screen shows.
    pub fn doc(&self) -> Option<&Document> {
        self.screen.doc()
    }

    /// The open map, to change.
    pub fn doc_mut(&mut self) -> Option<&mut Document> {
        self.screen.doc_mut()
    }

    /// The open map's view, if the map screen shows.
    pub fn view(&self) -> Option<&View> {
        self.screen.view()
    }

    /// The question asked, if one is on top.
    pub fn question(&self) -> Option<&Question> {
        self.modal.question()
    }

    /// The editor, if one is open (under a question or the help too).
    pub fn editor(&self) -> Option<&editor::Editor> {
        self.modal.editor()
    }

    /// The form, if one is open (under a question or the help too).
    pub fn form(&self) -> Option<&form::Form> {
        self.modal.form()
    }

    /// The link picker, if it is open (under a question or the help too).
    pub fn links(&self) -> Option<&links::LinkPicker> {
        self.modal.links()
    }

    /// The friction memo's preview, while it shows.
    pub fn memo(&self) -> Option<&documents::MemoPreview> {
        match self.view() {
            Some(View::Memo(preview)) => Some(preview),
            _ => None,
        }
    }

    /// The layout of the memo the open preview waits for, if it waits for one: a request
    /// holding all it needs, to make anywhere (the terminal loop makes it off the input
    /// thread) and hand back to [`App::memo_laid_out`].
    pub fn memo_layout_wanted(&self) -> Option<documents::LayoutRequest> {
        update::documents::layout_wanted(self)
    }

    /// Takes in a layout of the memo made for a request (ignored if its preview closed).
    pub fn memo_laid_out(&mut self, layout: documents::MemoLayout) {
        update::documents::laid_out(self, layout);
    }

    /// Lays the preview's memo out here and now, where no loop does it in the background
    /// (tests, benches).
    pub fn lay_out_memo(&mut self) {
        if let Some(request) = self.memo_layout_wanted() {
            let layout = request.lay_out();
            self.memo_laid_out(layout);
        }
    }

    /// The change keeping what is typed in the open editor or form would make to the map,
    /// if it would make one: the session puts it in recovery copies.
    pub fn unconfirmed_edit(&self) -> Option<crate::model::Edit> {
        update::typing::unconfirmed_edit(self)
    }

    /// The mode the keyboard is in: what is on top.
    pub fn mode(&self) -> Mode {
        match &self.modal {
            Modal::Ask { .. } => Mode::Confirm,
            Modal::Help { .. } | Modal::Notice { .. } => Mode::Help,
            Modal::Form { .. } => Mode::Form,
            Modal::Editor(_) => Mode::Edit,
            Modal::Links(_) | Modal::NoteLinks { .. } => Mode::Link,
            Modal::None => self.screen_mode(),
        }
    }

    /// The mode of the screen under any modal: where the keys go once it closes.
    pub fn screen_mode(&self) -> Mode {
        match &self.screen {
            Screen::Start(_) => Mode::Start,
            Screen::Map { view, .. } => match view {
                View::Grid if self.shadow.pane == Pane::Focused => Mode::Shadow,
                View::Grid => Mode::Grid,
                View::Board => Mode::Board,
                View::Council => Mode::Council,
                View::Conflicts => Mode::Conflicts,
                View::Present(_) => Mode::Present,
                View::Coverage => Mode::Coverage,
                View::Channels { .. } => Mode::Channels,
                View::Memo(_) => Mode::Memo,
                View::Compare(_) => Mode::Compare,
            },
        }
    }

    /// Records the terminal's new size and keeps the selection on screen.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.geometry = Geometry { width, height };
        if let Some(doc) = self.screen.doc() {
            self.cursor
                .scroll_into_view(self.geometry.stage_columns(), doc.map.stages.len());
        }
    }

    /// Keeps the help's or a notice's scroll within `max` (what the view can show), so
    /// moving up after jumping to the end moves at once.
    pub fn clamp_overlay_scroll(&mut self, max: usize) {
        if let Some(scroll) = self.modal.scroll_mut() {
            *scroll = (*scroll).min(max);
        }
    }

    /// Moves the screen's clock to `now` and reads a few more slices of a search still
    /// finding hits; true when a round's timer shows another second (or runs out) or
    /// hits were found, so the screen needs drawing again.
    pub fn tick(&mut self, now: Instant) -> bool {
        let shown = |app: &App| app.round.as_ref().and_then(|r| r.timer).map(|t| t.label(app.now));
        let before = shown(self);
        self.now = now;
        let slices = match self.screen.doc() {
            Some(doc) => (0..SEARCH_SLICES_PER_TICK)
                .take_while(|_| self.search.work(&doc.map))
                .count(),
            None => 0,
        };
        slices > 0 || before != shown(self)
    }

    /// How long until the next [`App::tick`] is due: at once while a search is finding
    /// hits, else when a round's timer shows another second, if one is counting.
    pub fn next_tick(&self) -> Option<Duration> {
        if self.search.is_finding() {
            return Some(Duration::ZERO);
        }
        let left = self.round.as_ref()?.timer?.remaining(self.now);
        (!left.is_zero()).then(|| {
            let into_second = left.subsec_nanos();
            Duration::from_nanos(u64::from(if into_second == 0 {
                1_000_000_000
            } else {
                into_second
            }))
        })
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

    /// Asks `question` over whatever is open.
    pub fn ask(&mut self, question: Question) {
        self.modal.cover(|behind| Modal::Ask { question, behind });
    }

    /// Shows a notice over the screen (for problems that need more than one line).
    pub fn notice(&mut self, title: impl Into<String>, lines: Vec<String>) {
        let title = title.into();
        self.modal.cover(|behind| Modal::Notice {
            title,
            lines,
            scroll: 0,
            behind,
        });
    }

    /// Opens the editor for `target` with `text` in it (a friction point's with the names
    /// its tags complete to).
    pub fn edit(&mut self, target: editor::EditTarget, text: &str) {
        let mut editor = editor::Editor::new(target, text);
        if target.takes_tags()
            && let Some(doc) = self.screen.doc()
        {
            editor = editor.with_tags(completion::TagNames::of(self.names.of(doc), &doc.map));
        }
        self.modal = Modal::Editor(editor);
    }

    /// Opens a form for its purpose.
    pub fn open_form(&mut self, (form, purpose): forms::ReadyForm) {
        self.modal = Modal::Form { form, purpose };
    }

    /// The key that does `action` here, as the screen names it ("Ctrl-S"), for text that
    /// tells the user what to press.
    pub fn key(&self, action: &action::Action) -> String {
        self.keymap.key(self.mode(), action)
    }
}
