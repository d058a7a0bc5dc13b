//! The keymap as data: for each mode, which key does which [`Action`]. The help screen and
//! the status-bar hints are built from this table, so they always match the real keys.

mod defaults;
pub mod file;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;
pub use defaults::default_bindings;

/// What the keyboard is talking to: each mode has its own bindings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    Grid,
    Board,
    Council,
    Conflicts,
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
    Present,
}

impl Mode {
    /// Every mode, in the order the help screen lists them.
    pub const ALL: [Mode; 16] = [
        Mode::Grid,
        Mode::Board,
        Mode::Council,
        Mode::Conflicts,
        Mode::Present,
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
            Mode::Conflicts => "Merge conflicts",
            Mode::Shadow => "Shadow notes pane",
            Mode::Coverage => "Coverage view",
            Mode::Channels => "Channels",
            Mode::Memo => "Friction memo preview",
            Mode::Link => "Linking (an opportunity to friction points, shadow notes to a friction point)",
            Mode::Edit => "Editing text",
            Mode::Form => "Forms (other keys as in editing text)",
            Mode::Start => "Start screen",
            Mode::Help => "Help screen",
            Mode::Confirm => "Questions",
            Mode::Compare => "Comparing a recovery copy",
            Mode::Present => "Present mode (for the projector)",
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
            Mode::Conflicts => "CONFLICTS",
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
            Mode::Present => "PRESENT",
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
#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    pub mode: Mode,
    pub key: Key,
    pub action: Action,
    /// A short word for the status bar, on the binding that should be hinted there.
    pub hint: Option<&'static str>,
}

/// The keymap in use, with lookups by mode and key.
#[derive(Debug, Clone, PartialEq)]
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
    /// characters that are not bound type themselves (in the link picker, into its filter).
    pub fn resolve(&self, mode: Mode, event: &KeyEvent) -> Option<Action> {
        let key = Key::from_event(event)?;
        let bound = self
            .action(mode, key)
            .or_else(|| mode.fallback().and_then(|fallback| self.action(fallback, key)));
        if let Some(action) = bound {
            return Some(action.clone());
        }
        match (mode, key.code) {
            (Mode::Edit | Mode::Form | Mode::Link, KeyCode::Char(c))
                if !key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
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

    /// What `action` does, in one line, with the keys it names filled in from this keymap.
    pub fn describe(&self, action: &Action) -> String {
        action
            .describe()
            .replace("{keep}", &self.key(Mode::Edit, &Action::Commit))
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

    use super::defaults::{alt, ch, code, ctrl};
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
