//! The keymap as data: for each mode, which key does which [`Action`]. The help screen and
//! the status-bar hints are built from this table, so they always match the real keys.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;

/// What the keyboard is talking to: each mode has its own bindings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    Grid,
    Board,
    Council,
    Shadow,
    Coverage,
    Channels,
    Memo,
    Link,
    Edit,
    Form,
    Start,
    Help,
    Confirm,
    Compare,
}

impl Mode {
    /// Every mode, in the order the help screen lists them.
    pub const ALL: [Mode; 14] = [
        Mode::Grid,
        Mode::Board,
        Mode::Council,
        Mode::Shadow,
        Mode::Coverage,
        Mode::Channels,
        Mode::Memo,
        Mode::Link,
        Mode::Edit,
        Mode::Form,
        Mode::Start,
        Mode::Confirm,
        Mode::Compare,
        Mode::Help,
    ];

    /// The mode's name in the status bar and on the help screen.
    pub fn title(self) -> &'static str {
        match self {
            Mode::Grid => "Journey map",
            Mode::Board => "Friction board",
            Mode::Council => "CX council view",
            Mode::Shadow => "Shadow notes pane",
            Mode::Coverage => "Coverage view",
            Mode::Channels => "Channels",
            Mode::Memo => "Friction memo preview",
            Mode::Link => "Linking an opportunity to friction points",
            Mode::Edit => "Editing text",
            Mode::Form => "Forms (other keys as in editing text)",
            Mode::Start => "Start screen",
            Mode::Help => "Help screen",
            Mode::Confirm => "Questions",
            Mode::Compare => "Comparing a recovery copy",
        }
    }

    /// The mode whose bindings apply where this mode has none: forms edit text like the
    /// editor does.
    pub fn fallback(self) -> Option<Mode> {
        match self {
            Mode::Form => Some(Mode::Edit),
            _ => None,
        }
    }

    /// The short badge shown at the left of the status bar.
    pub fn badge(self) -> &'static str {
        match self {
            Mode::Grid => "MAP",
            Mode::Board => "BOARD",
            Mode::Council => "COUNCIL",
            Mode::Shadow => "NOTES",
            Mode::Coverage => "COVERAGE",
            Mode::Channels => "CHANNELS",
            Mode::Memo => "MEMO",
            Mode::Link => "LINK",
            Mode::Edit => "EDIT",
            Mode::Form => "FORM",
            Mode::Start => "START",
            Mode::Help => "HELP",
            Mode::Confirm => "ASK",
            Mode::Compare => "COMPARE",
        }
    }
}

/// A key with its modifiers, as the keymap names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl Key {
    /// The key for a terminal key event; letters carry their case, so Shift is dropped
    /// for characters. Key releases give `None`.
    pub fn from_event(event: &KeyEvent) -> Option<Key> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        let mut modifiers =
            event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        if matches!(event.code, KeyCode::Char(_) | KeyCode::BackTab) {
            modifiers.remove(KeyModifiers::SHIFT);
        }
        Some(Key {
            code: event.code,
            modifiers,
        })
    }

    /// The key's name as the help screen shows it, e.g. `Ctrl-S`, `←`, `Alt-Enter`.
    pub fn label(&self) -> String {
        let mut out = String::new();
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            out.push_str("Ctrl-");
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            out.push_str("Alt-");
        }
        if self.modifiers.contains(KeyModifiers::SHIFT) {
            out.push_str("Shift-");
        }
        match self.code {
            KeyCode::Char(' ') => out.push_str("Space"),
            KeyCode::Char(c) if self.modifiers.contains(KeyModifiers::CONTROL) => {
                out.push(c.to_ascii_uppercase());
            }
            KeyCode::Char(c) => out.push(c),
            KeyCode::Left => out.push('←'),
            KeyCode::Right => out.push('→'),
            KeyCode::Up => out.push('↑'),
            KeyCode::Down => out.push('↓'),
            KeyCode::Enter => out.push_str("Enter"),
            KeyCode::Esc => out.push_str("Esc"),
            KeyCode::Tab => out.push_str("Tab"),
            KeyCode::BackTab => out.push_str("Shift-Tab"),
            KeyCode::Backspace => out.push_str("Backspace"),
            KeyCode::Delete => out.push_str("Delete"),
            KeyCode::Home => out.push_str("Home"),
            KeyCode::End => out.push_str("End"),
            KeyCode::PageUp => out.push_str("PgUp"),
            KeyCode::PageDown => out.push_str("PgDn"),
            KeyCode::F(n) => out.push_str(&format!("F{n}")),
            other => out.push_str(&format!("{other:?}")),
        }
        out
    }
}

/// One row of the keymap.
#[derive(Debug, Clone)]
pub struct Binding {
    pub mode: Mode,
    pub key: Key,
    pub action: Action,
    /// A short word for the status bar, on the binding that should be hinted there.
    pub hint: Option<&'static str>,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const ALT: KeyModifiers = KeyModifiers::ALT;

const fn ch(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        modifiers: NONE,
    }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        modifiers: CTRL,
    }
}

const fn alt(code: KeyCode) -> Key {
    Key { code, modifiers: ALT }
}

const fn code(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: NONE,
    }
}

const fn with(code: KeyCode, modifiers: KeyModifiers) -> Key {
    Key { code, modifiers }
}

fn bind(mode: Mode, keys: &[Key], action: Action, hint: Option<&'static str>) -> Vec<Binding> {
    keys.iter()
        .enumerate()
        .map(|(i, &key)| Binding {
            mode,
            key,
            action: action.clone(),
            hint: if i == 0 { hint } else { None },
        })
        .collect()
}

/// The default keymap.
pub fn default_bindings() -> Vec<Binding> {
    use Action as A;
    use KeyCode as K;
    use Mode::{
        Board, Channels, Compare, Confirm, Council, Coverage, Edit, Form, Grid, Help, Link, Memo, Shadow,
        Start,
    };
    let rows: Vec<(Mode, Vec<Key>, Action, Option<&'static str>)> = vec![
        (Grid, vec![ch('?'), code(K::F(1))], A::ShowHelp, Some("help")),
        (Grid, vec![code(K::Enter), ch('e')], A::EditCell, Some("edit")),
        (Grid, vec![ch('a')], A::AddItem, Some("add")),
        (Grid, vec![ctrl('s')], A::Save, Some("save")),
        (Grid, vec![ch('u'), ctrl('z')], A::Undo, Some("undo")),
        (Grid, vec![ch('q'), ctrl('c')], A::Quit, Some("quit")),
        (Grid, vec![ch('i')], A::InsertItemBefore, None),
        (
            Grid,
            vec![ch('d'), code(K::Delete)],
            A::DeleteItem,
            Some("delete"),
        ),
        (Grid, vec![ch('h'), code(K::Left)], A::MoveLeft, None),
        (Grid, vec![ch('l'), code(K::Right)], A::MoveRight, None),
        (Grid, vec![ch('k'), code(K::Up)], A::MoveUp, None),
        (Grid, vec![ch('j'), code(K::Down)], A::MoveDown, None),
        (Grid, vec![ch('g'), code(K::Home)], A::FirstStage, None),
        (Grid, vec![ch('G'), code(K::End)], A::LastStage, None),
        (Grid, vec![ch('K')], A::MoveItemUp, None),
        (Grid, vec![ch('J')], A::MoveItemDown, None),
        (Grid, vec![ch('+'), ch('=')], A::RaiseScore, Some("emotion")),
        (Grid, vec![ch('-')], A::LowerScore, None),
        (Grid, vec![ch('0')], A::Number(0), None),
        (Grid, vec![ch('1')], A::Number(1), None),
        (Grid, vec![ch('2')], A::Number(2), None),
        (Grid, vec![ch('3')], A::Number(3), None),
        (Grid, vec![ch('s')], A::AddStageAfter, Some("stage")),
        (Grid, vec![ch('S')], A::InsertStageBefore, None),
        (Grid, vec![ch('r'), code(K::F(2))], A::RenameStage, None),
        (Grid, vec![ch('D')], A::DeleteStage, None),
        (Grid, vec![ch('H')], A::MoveStageLeft, None),
        (Grid, vec![ch('L')], A::MoveStageRight, None),
        (Grid, vec![ch('Y')], A::DuplicateStage, None),
        (Grid, vec![ch('<')], A::MoveItemToPreviousStage, None),
        (Grid, vec![ch('>')], A::MoveItemToNextStage, None),
        (Grid, vec![ch('X')], A::CutItem, None),
        (Grid, vec![ch('P')], A::PasteItem, None),
        (Grid, vec![ch('v')], A::Vote, Some("vote")),
        (Grid, vec![ch('V')], A::Unvote, None),
        (Grid, vec![ch('R')], A::VotingRound, None),
        (Grid, vec![ch('b')], A::ShowBoard, Some("board")),
        (Grid, vec![ch('c')], A::ShowCouncil, None),
        (Grid, vec![ch('t')], A::EditTitle, None),
        (Grid, vec![ch('p')], A::EditPersona, None),
        (Grid, vec![ch('E')], A::ToggleCurve, None),
        (Grid, vec![ch('m')], A::EditMetrics, None),
        (Grid, vec![ch('/')], A::Search, Some("search")),
        (Grid, vec![ch('n')], A::NextHit, None),
        (Grid, vec![ch('N')], A::PreviousHit, None),
        (Grid, vec![code(K::Esc)], A::LeaveSearch, None),
        (Grid, vec![ctrl('r'), ctrl('y')], A::Redo, None),
        (Grid, vec![ch('o')], A::OpenStartScreen, None),
        (Grid, vec![ch('w')], A::ToggleNotes, None),
        (Grid, vec![ch('W')], A::AddNote, None),
        (Grid, vec![code(K::Tab)], A::FocusNotes, None),
        (Grid, vec![ch('C')], A::ShowCoverage, None),
        (Grid, vec![ch('x')], A::ShowExport, None),
        (Grid, vec![ch('M')], A::ShowMemo, None),
        (Grid, vec![ch('A')], A::LinkFrictions, None),
        (Link, vec![ch(' ')], A::ToggleLink, Some("tick")),
        (Link, vec![code(K::Enter)], A::Commit, Some("keep")),
        (Link, vec![code(K::Esc)], A::CancelEdit, Some("cancel")),
        (Link, vec![code(K::Up), ch('k')], A::SelectPrevious, None),
        (Link, vec![code(K::Down), ch('j')], A::SelectNext, None),
        (Link, vec![ch('?'), code(K::F(1))], A::ShowHelp, None),
        (Shadow, vec![ch('a')], A::AddNote, Some("add")),
        (Shadow, vec![code(K::Enter), ch('e')], A::EditNote, Some("edit")),
        (Shadow, vec![ch('p')], A::MakeFriction, Some("friction point")),
        (Shadow, vec![ch('o')], A::OpenEvidence, Some("open evidence")),
        (Shadow, vec![ch('f')], A::FilterNotes, Some("filter")),
        (Shadow, vec![ch('F')], A::ClearNoteFilter, None),
        (
            Shadow,
            vec![code(K::Tab), code(K::Esc)],
            A::FocusNotes,
            Some("grid"),
        ),
        (
            Shadow,
            vec![ch('d'), code(K::Delete)],
            A::DeleteNote,
            Some("delete"),
        ),
        (Shadow, vec![ch('w')], A::ToggleNotes, None),
        (Shadow, vec![ch('C')], A::ShowCoverage, None),
        (Shadow, vec![ch('c')], A::ShowChannels, None),
        (Shadow, vec![ch('k'), code(K::Up)], A::SelectPrevious, None),
        (Shadow, vec![ch('j'), code(K::Down)], A::SelectNext, None),
        (Shadow, vec![ch('g'), code(K::Home)], A::SelectFirst, None),
        (Shadow, vec![ch('G'), code(K::End)], A::SelectLast, None),
        (Shadow, vec![code(K::PageUp)], A::PageUp, None),
        (Shadow, vec![code(K::PageDown)], A::PageDown, None),
        (Shadow, vec![ctrl('s')], A::Save, None),
        (Shadow, vec![ch('u'), ctrl('z')], A::Undo, None),
        (Shadow, vec![ctrl('r'), ctrl('y')], A::Redo, None),
        (Shadow, vec![ch('?'), code(K::F(1))], A::ShowHelp, None),
        (Shadow, vec![ch('q'), ctrl('c')], A::Quit, None),
        (Coverage, vec![code(K::Enter)], A::NotesOfCell, Some("notes")),
        (Coverage, vec![ch('v')], A::PlanVote, Some("vote")),
        (Coverage, vec![ch('V')], A::PlanUnvote, Some("unvote")),
        (Coverage, vec![ch('c')], A::ShowChannels, Some("channels")),
        (Coverage, vec![code(K::Esc), ch('C')], A::Back, Some("map")),
        (Coverage, vec![ch('h'), code(K::Left)], A::MoveLeft, None),
        (Coverage, vec![ch('l'), code(K::Right)], A::MoveRight, None),
        (Coverage, vec![ch('k'), code(K::Up)], A::MoveUp, None),
        (Coverage, vec![ch('j'), code(K::Down)], A::MoveDown, None),
        (Coverage, vec![ctrl('s')], A::Save, None),
        (Coverage, vec![ch('u'), ctrl('z')], A::Undo, None),
        (Coverage, vec![ctrl('r'), ctrl('y')], A::Redo, None),
        (Coverage, vec![ch('?'), code(K::F(1))], A::ShowHelp, None),
        (Coverage, vec![ch('q'), ctrl('c')], A::Quit, None),
        (Channels, vec![ch('a')], A::AddChannel, Some("add")),
        (
            Channels,
            vec![code(K::Enter), ch('r')],
            A::RenameChannel,
            Some("rename"),
        ),
        (
            Channels,
            vec![ch('d'), code(K::Delete)],
            A::RemoveChannel,
            Some("remove"),
        ),
        (Channels, vec![ch('K')], A::MoveChannelUp, Some("move up")),
        (Channels, vec![ch('J')], A::MoveChannelDown, Some("move down")),
        (Channels, vec![code(K::Esc)], A::Back, Some("back")),
        (Channels, vec![ch('k'), code(K::Up)], A::SelectPrevious, None),
        (Channels, vec![ch('j'), code(K::Down)], A::SelectNext, None),
        (Channels, vec![ch('g'), code(K::Home)], A::SelectFirst, None),
        (Channels, vec![ch('G'), code(K::End)], A::SelectLast, None),
        (Channels, vec![ctrl('s')], A::Save, None),
        (Channels, vec![ch('u'), ctrl('z')], A::Undo, None),
        (Channels, vec![ctrl('r'), ctrl('y')], A::Redo, None),
        (Channels, vec![ch('?'), code(K::F(1))], A::ShowHelp, None),
        (Channels, vec![ch('q'), ctrl('c')], A::Quit, None),
        (Board, vec![code(K::Enter)], A::Open, Some("show in the map")),
        (Board, vec![ch('e')], A::EditCell, Some("edit")),
        (Board, vec![ch('s')], A::CycleSort, Some("sort")),
        (Board, vec![ch('f')], A::FilterBoard, Some("filter")),
        (Board, vec![ch('F')], A::ClearFilter, None),
        (Board, vec![ch('v')], A::Vote, Some("vote")),
        (Board, vec![ch('V')], A::Unvote, None),
        (Board, vec![ch('R')], A::VotingRound, None),
        (Board, vec![ch('c')], A::ShowCouncil, Some("council")),
        (Board, vec![ch('1')], A::Number(1), None),
        (Board, vec![ch('2')], A::Number(2), None),
        (Board, vec![ch('3')], A::Number(3), None),
        (Board, vec![code(K::Esc), ch('b')], A::Back, Some("map")),
        (Board, vec![ch('k'), code(K::Up)], A::SelectPrevious, None),
        (Board, vec![ch('j'), code(K::Down)], A::SelectNext, None),
        (Board, vec![ch('g'), code(K::Home)], A::SelectFirst, None),
        (Board, vec![ch('G'), code(K::End)], A::SelectLast, None),
        (Board, vec![code(K::PageUp)], A::PageUp, None),
        (Board, vec![code(K::PageDown)], A::PageDown, None),
        (Board, vec![ctrl('s')], A::Save, None),
        (Board, vec![ch('u'), ctrl('z')], A::Undo, None),
        (Board, vec![ctrl('r'), ctrl('y')], A::Redo, None),
        (Board, vec![ch('?'), code(K::F(1))], A::ShowHelp, None),
        (Board, vec![ch('q'), ctrl('c')], A::Quit, None),
        (Council, vec![code(K::Enter)], A::Open, Some("show in the map")),
        (Council, vec![ch('e')], A::EditCell, Some("edit")),
        (Council, vec![ch('b')], A::ShowBoard, Some("board")),
        (Council, vec![ch('1')], A::Number(1), None),
        (Council, vec![ch('2')], A::Number(2), None),
        (Council, vec![ch('3')], A::Number(3), None),
        (Council, vec![code(K::Esc), ch('c')], A::Back, Some("map")),
        (Council, vec![ch('k'), code(K::Up)], A::SelectPrevious, None),
        (Council, vec![ch('j'), code(K::Down)], A::SelectNext, None),
        (Council, vec![ctrl('s')], A::Save, None),
        (Council, vec![ch('u'), ctrl('z')], A::Undo, None),
        (Council, vec![ctrl('r'), ctrl('y')], A::Redo, None),
        (Council, vec![ch('?'), code(K::F(1))], A::ShowHelp, None),
        (Council, vec![ch('q'), ctrl('c')], A::Quit, None),
        (Memo, vec![ch('w'), code(K::Enter)], A::WriteMemo, Some("write")),
        (Memo, vec![ch('o')], A::MemoOpenOnly, Some("hide fixed")),
        (Memo, vec![ch('e')], A::MemoDetails, Some("who & when")),
        (Memo, vec![code(K::Esc), ch('M')], A::Back, Some("back")),
        (Memo, vec![ch('k'), code(K::Up)], A::SelectPrevious, None),
        (Memo, vec![ch('j'), code(K::Down)], A::SelectNext, None),
        (Memo, vec![code(K::PageUp)], A::PageUp, None),
        (Memo, vec![code(K::PageDown), ch(' ')], A::PageDown, None),
        (Memo, vec![ch('g'), code(K::Home)], A::SelectFirst, None),
        (Memo, vec![ch('G'), code(K::End)], A::SelectLast, None),
        (Memo, vec![ch('?'), code(K::F(1))], A::ShowHelp, None),
        (Memo, vec![ch('q'), ctrl('c')], A::Quit, None),
        (Edit, vec![code(K::Enter)], A::Commit, Some("keep")),
        (Edit, vec![code(K::F(1))], A::ShowHelp, None),
        (Edit, vec![code(K::Esc)], A::CancelEdit, Some("cancel")),
        (Edit, vec![alt(K::Enter), ctrl('j')], A::NewLine, Some("new line")),
        (Edit, vec![code(K::Left), ctrl('b')], A::CursorLeft, None),
        (Edit, vec![code(K::Right), ctrl('f')], A::CursorRight, None),
        (Edit, vec![code(K::Up)], A::CursorUp, None),
        (Edit, vec![code(K::Down)], A::CursorDown, None),
        (
            Edit,
            vec![with(K::Left, CTRL), alt(K::Char('b')), alt(K::Left)],
            A::WordLeft,
            None,
        ),
        (
            Edit,
            vec![with(K::Right, CTRL), alt(K::Char('f')), alt(K::Right)],
            A::WordRight,
            None,
        ),
        (Edit, vec![code(K::Home), ctrl('a')], A::LineStart, None),
        (Edit, vec![code(K::End), ctrl('e')], A::LineEnd, None),
        (Edit, vec![with(K::Home, CTRL)], A::TextStart, None),
        (Edit, vec![with(K::End, CTRL)], A::TextEnd, None),
        (Edit, vec![code(K::Backspace)], A::DeleteBack, None),
        (Edit, vec![code(K::Delete), ctrl('d')], A::DeleteForward, None),
        (
            Edit,
            vec![ctrl('w'), alt(K::Backspace), with(K::Backspace, CTRL)],
            A::DeleteWordBack,
            None,
        ),
        (Edit, vec![ctrl('u')], A::DeleteToLineStart, None),
        (Edit, vec![ctrl('k')], A::DeleteToLineEnd, None),
        (Edit, vec![code(K::Tab)], A::Complete, None),
        (Form, vec![code(K::Tab)], A::NextField, Some("next field")),
        (Form, vec![code(K::BackTab)], A::PreviousField, None),
        (Form, vec![code(K::Up)], A::CursorUp, None),
        (Form, vec![code(K::Down)], A::CursorDown, None),
        (Form, vec![code(K::Enter)], A::Commit, Some("keep")),
        (Form, vec![code(K::Esc)], A::CancelEdit, Some("cancel")),
        (Start, vec![code(K::Enter)], A::Open, Some("open")),
        (Start, vec![ch('n')], A::NewMap, Some("new map")),
        (Start, vec![ch('k'), code(K::Up)], A::SelectPrevious, None),
        (Start, vec![ch('j'), code(K::Down)], A::SelectNext, None),
        (Start, vec![ch('g'), code(K::Home)], A::SelectFirst, None),
        (Start, vec![ch('G'), code(K::End)], A::SelectLast, None),
        (Start, vec![code(K::Esc)], A::Back, Some("back")),
        (Start, vec![ch('?'), code(K::F(1))], A::ShowHelp, Some("help")),
        (Start, vec![ch('q'), ctrl('c')], A::Quit, Some("quit")),
        (Confirm, vec![ch('y')], A::Yes, Some("yes")),
        (Confirm, vec![ch('n')], A::No, Some("no")),
        (Confirm, vec![code(K::Esc)], A::Cancel, Some("cancel")),
        (Confirm, vec![ch('a')], A::Alternative, None),
        (Compare, vec![ch('y')], A::Yes, Some("take the recovery copy")),
        (
            Compare,
            vec![ch('n')],
            A::No,
            Some("keep the file, discard the copy"),
        ),
        (Compare, vec![code(K::Esc)], A::Back, Some("back")),
        (Compare, vec![ch('h'), code(K::Left)], A::MoveLeft, None),
        (Compare, vec![ch('l'), code(K::Right)], A::MoveRight, None),
        (Compare, vec![ch('k'), code(K::Up)], A::MoveUp, None),
        (Compare, vec![ch('j'), code(K::Down)], A::MoveDown, None),
        (
            Help,
            vec![code(K::Up), ch('k')],
            A::SelectPrevious,
            Some("scroll"),
        ),
        (Help, vec![code(K::Down), ch('j')], A::SelectNext, None),
        (Help, vec![code(K::PageUp), ch('b')], A::PageUp, None),
        (Help, vec![code(K::PageDown), ch(' ')], A::PageDown, None),
        (Help, vec![ch('g'), code(K::Home)], A::SelectFirst, None),
        (Help, vec![ch('G'), code(K::End)], A::SelectLast, None),
        (
            Help,
            vec![code(K::Esc), ch('?'), ch('q'), code(K::F(1))],
            A::Back,
            Some("close"),
        ),
    ];
    rows.into_iter()
        .flat_map(|(mode, keys, action, hint)| bind(mode, &keys, action, hint))
        .collect()
}

/// The keymap in use, with lookups by mode and key.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        Self {
            bindings: default_bindings(),
        }
    }
}

impl Keymap {
    /// A keymap of these bindings (the default table, as a key file patched it).
    pub fn new(bindings: Vec<Binding>) -> Self {
        Self { bindings }
    }

    /// Every binding, in table order.
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// The action bound to `key` in `mode`.
    pub fn action(&self, mode: Mode, key: Key) -> Option<&Action> {
        self.bindings
            .iter()
            .find(|b| b.mode == mode && b.key == key)
            .map(|b| &b.action)
    }

    /// The action for a terminal key event in `mode`. In the text editor, printable
    /// characters that are not bound type themselves.
    pub fn resolve(&self, mode: Mode, event: &KeyEvent) -> Option<Action> {
        let key = Key::from_event(event)?;
        let bound = self
            .action(mode, key)
            .or_else(|| mode.fallback().and_then(|fallback| self.action(fallback, key)));
        if let Some(action) = bound {
            return Some(action.clone());
        }
        match (mode, key.code) {
            (Mode::Edit | Mode::Form, KeyCode::Char(c)) if !key.modifiers.intersects(CTRL | ALT) => {
                Some(Action::Type(c))
            }
            _ => None,
        }
    }

    /// The name of the first key that does `action` in `mode` (or in the mode it falls
    /// back to), e.g. `Ctrl-S`; `None` when no key does it there.
    pub fn bound(&self, mode: Mode, action: &Action) -> Option<String> {
        self.labels(mode, action).into_iter().next()
    }

    /// The names of every key that does `action` in `mode` (or, when none does, in the
    /// mode it falls back to), in table order.
    pub fn labels(&self, mode: Mode, action: &Action) -> Vec<String> {
        let all = |mode: Mode| -> Vec<String> {
            self.bindings
                .iter()
                .filter(|b| b.mode == mode && b.action == *action)
                .map(|b| b.key.label())
                .collect()
        };
        let own = all(mode);
        match mode.fallback() {
            Some(fallback) if own.is_empty() => all(fallback),
            _ => own,
        }
    }

    /// The key to name in text telling the user how to do `action` in `mode`: the first
    /// key bound to it, or, when a key file left it without one, the action's name in
    /// angle brackets.
    pub fn key(&self, mode: Mode, action: &Action) -> String {
        self.bound(mode, action)
            .unwrap_or_else(|| format!("<{}>", action.name()))
    }

    /// The keys bound to each action of `mode`, grouped in table order: what the help
    /// screen shows.
    pub fn groups(&self, mode: Mode) -> Vec<(Vec<Key>, &Action)> {
        let mut groups: Vec<(Vec<Key>, &Action)> = Vec::new();
        for binding in self.bindings.iter().filter(|b| b.mode == mode) {
            match groups.iter_mut().find(|(_, action)| **action == binding.action) {
                Some((keys, _)) => keys.push(binding.key),
                None => groups.push((vec![binding.key], &binding.action)),
            }
        }
        groups
    }

    /// The status-bar hints of `mode`: (key, word, the action it does).
    pub fn hints(&self, mode: Mode) -> Vec<(Key, &'static str, &Action)> {
        self.bindings
            .iter()
            .filter(|b| b.mode == mode)
            .filter_map(|b| b.hint.map(|hint| (b.key, hint, &b.action)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn no_key_is_bound_twice_in_a_mode() {
        let keymap = Keymap::default();
        let mut seen = HashSet::new();
        for binding in keymap.bindings() {
            assert!(
                seen.insert((binding.mode, binding.key)),
                "{} is bound twice in {:?}",
                binding.key.label(),
                binding.mode
            );
        }
    }

    #[test]
    fn every_bindable_action_is_reachable() {
        let keymap = Keymap::default();
        for action in Action::BINDABLE {
            assert!(
                keymap.bindings().iter().any(|b| &b.action == action),
                "{action:?} has no key"
            );
        }
    }

    #[test]
    fn every_mode_with_keys_is_on_the_help_screen() {
        let keymap = Keymap::default();
        for binding in keymap.bindings() {
            assert!(
                Mode::ALL.contains(&binding.mode),
                "{:?} has keys but is missing from Mode::ALL, so help and `cxmap keys` skip it",
                binding.mode
            );
        }
    }

    #[test]
    fn shifted_letters_match_their_capital() {
        let keymap = Keymap::default();
        let event = KeyEvent::new(KeyCode::Char('D'), KeyModifiers::SHIFT);
        assert_eq!(keymap.resolve(Mode::Grid, &event), Some(Action::DeleteStage));
    }

    #[test]
    fn unbound_characters_type_in_the_editor_only() {
        let keymap = Keymap::default();
        let event = KeyEvent::new(KeyCode::Char('é'), KeyModifiers::NONE);
        assert_eq!(keymap.resolve(Mode::Edit, &event), Some(Action::Type('é')));
        assert_eq!(keymap.resolve(Mode::Grid, &event), None);
        let ctrl_x = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::CONTROL);
        assert_eq!(keymap.resolve(Mode::Edit, &ctrl_x), None);
    }

    #[test]
    fn forms_edit_text_with_the_editor_keys() {
        let keymap = Keymap::default();
        let ctrl_w = KeyEvent::new(KeyCode::Char('w'), KeyModifiers::CONTROL);
        assert_eq!(keymap.resolve(Mode::Form, &ctrl_w), Some(Action::DeleteWordBack));
        let tab = KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE);
        assert_eq!(keymap.resolve(Mode::Form, &tab), Some(Action::NextField));
        assert_eq!(keymap.resolve(Mode::Edit, &tab), Some(Action::Complete));
    }

    #[test]
    fn key_labels_read_like_the_keyboard() {
        assert_eq!(ctrl('s').label(), "Ctrl-S");
        assert_eq!(alt(KeyCode::Enter).label(), "Alt-Enter");
        assert_eq!(code(KeyCode::Left).label(), "←");
        assert_eq!(ch(' ').label(), "Space");
    }
}
