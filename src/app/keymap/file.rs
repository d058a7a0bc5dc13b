//! The user's key file (`keys.toml` in the config folder) patches the default keymap by
//! action name: under `[grid]`, `add_item = "n"` makes `n` the key of `add_item` in the
//! grid, in place of its default keys; a line above every section does it in each mode the
//! action has keys in. A file with any problem is not used at all, and every problem is
//! reported with its line and column.

use std::path::PathBuf;

use crossterm::event::{KeyCode, KeyModifiers};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::{Binding, Key, Keymap, Mode, default_bindings};
use crate::app::action::Action;

/// The file's name in the config folder.
pub const FILE_NAME: &str = "keys.toml";

/// The name of a mode's section in the key file.
pub fn section(mode: Mode) -> &'static str {
    match mode {
        Mode::Grid => "grid",
        Mode::Board => "board",
        Mode::Council => "council",
        Mode::Shadow => "notes",
        Mode::Coverage => "coverage",
        Mode::Channels => "channels",
        Mode::Memo => "memo",
        Mode::Link => "link",
        Mode::Edit => "edit",
        Mode::Form => "form",
        Mode::Start => "start",
        Mode::Help => "help",
        Mode::Confirm => "question",
        Mode::Compare => "compare",
        Mode::Conflicts => "conflicts",
        Mode::Present => "present",
    }
}

/// A problem in the key file, where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// The keymap to use: the defaults patched by the key file when there is one and it has
/// no problem; otherwise the defaults, and the problems as `FILE:LINE:COLUMN: message`.
pub fn live_keymap(file: Option<(PathBuf, Result<String, String>)>) -> (Keymap, Vec<String>) {
    let Some((path, text)) = file else {
        return (Keymap::default(), Vec::new());
    };
    let text = match text {
        Ok(text) => text,
        Err(why) => return (Keymap::default(), vec![format!("{}: {why}", path.display())]),
    };
    match patch(default_bindings(), &text) {
        Ok(bindings) => (Keymap::new(bindings), Vec::new()),
        Err(problems) => {
            let lines = problems
                .iter()
                .map(|p| format!("{}:{}:{}: {}", path.display(), p.line, p.column, p.message))
                .collect();
            (Keymap::default(), lines)
        }
    }
}

/// One line of the file: `action`'s keys in `mode`.
struct Patch {
    mode: Mode,
    action: Action,
    keys: Vec<Key>,
    at: usize,
    /// Written under the mode's own section (it then wins over a line above them all).
    in_section: bool,
}

/// `defaults` with the key file's changes, or every problem the file has.
pub fn patch(defaults: Vec<Binding>, text: &str) -> Result<Vec<Binding>, Vec<Problem>> {
    let place = |offset: usize| place_of(text, offset);
    let table = DeTable::parse(text).map_err(|error| {
        let (line, column) = place(error.span().map_or(0, |span| span.start));
        vec![Problem {
            line,
            column,
            message: error.message().trim_end().to_owned(),
        }]
    })?;
    let mut problems = Vec::new();
    let mut patches = Vec::new();
    for (name, value) in table.get_ref() {
        let problem = |message: String| {
            let (line, column) = place(name.span().start);
            Problem {
                line,
                column,
                message,
            }
        };
        match value.get_ref() {
            DeValue::Table(entries) => match Mode::ALL.into_iter().find(|m| section(*m) == name.get_ref()) {
                Some(mode) => {
                    for (action, keys) in entries {
                        read_line(
                            &defaults,
                            Some(mode),
                            action,
                            keys,
                            &place,
                            &mut patches,
                            &mut problems,
                        );
                    }
                }
                None => problems.push(problem(format!(
                    "there is no mode [{}]; the modes are {}",
                    clean(name.get_ref()),
                    Mode::ALL.map(|m| format!("[{}]", section(m))).join(", ")
                ))),
            },
            _ => read_line(&defaults, None, name, value, &place, &mut patches, &mut problems),
        }
    }
    let patches = winning(patches);
    let bindings = apply(defaults, &patches);
    problems.extend(conflicts(&bindings, &patches, &place));
    problems.sort_by_key(|p| (p.line, p.column));
    if problems.is_empty() {
        Ok(bindings)
    } else {
        Err(problems)
    }
}

/// Reads `name = keys` for `mode` (every mode the action has keys in, when `None`).
fn read_line(
    defaults: &[Binding],
    mode: Option<Mode>,
    name: &Spanned<toml::de::DeString<'_>>,
    value: &Spanned<DeValue<'_>>,
    place: &dyn Fn(usize) -> (usize, usize),
    patches: &mut Vec<Patch>,
    problems: &mut Vec<Problem>,
) {
    let mut report = |offset: usize, message: String| {
        let (line, column) = place(offset);
        problems.push(Problem {
            line,
            column,
            message,
        });
    };
    let Some(action) = Action::named(name.get_ref()) else {
        report(
            name.span().start,
            format!(
                "there is no action called \"{}\"; `cxmap keys` lists every action's name",
                clean(name.get_ref())
            ),
        );
        return;
    };
    let modes: Vec<Mode> = Mode::ALL
        .into_iter()
        .filter(|m| mode.is_none_or(|wanted| wanted == *m))
        .filter(|m| defaults.iter().any(|b| b.mode == *m && b.action == action))
        .collect();
    if modes.is_empty() {
        let place = mode.map_or_else(|| "anywhere".to_owned(), |m| format!("in [{}]", section(m)));
        report(
            name.span().start,
            format!("{} does nothing {place}", action.name()),
        );
        return;
    }
    let keys = match keys_of(value) {
        Ok(keys) => keys,
        Err((offset, message)) => {
            report(offset, message);
            return;
        }
    };
    for m in modes {
        if let Some(key) = keys.iter().find(|k| types_itself(m, k)) {
            report(
                value.span().start,
                format!(
                    "{} types itself in [{}]; give {} a key with Ctrl- or Alt- there",
                    key.label(),
                    section(m),
                    action.name()
                ),
            );
            continue;
        }
        patches.push(Patch {
            mode: m,
            action: action.clone(),
            keys: keys.clone(),
            at: name.span().start,
            in_section: mode.is_some(),
        });
    }
}

/// The keys a value names: one key as a string or several in a list (none unbinds).
fn keys_of(value: &Spanned<DeValue<'_>>) -> Result<Vec<Key>, (usize, String)> {
    let one = |text: &str, at: usize| {
        parse_key(text).ok_or_else(|| {
            (
                at,
                format!(
                    "\"{}\" is not a key; write keys like \"a\", \"K\", \"Ctrl-S\", \"Alt-Enter\", \"F2\", \"PgDn\", \"Space\"",
                    clean(text)
                ),
            )
        })
    };
    match value.get_ref() {
        DeValue::String(text) => Ok(vec![one(text, value.span().start)?]),
        DeValue::Array(items) => {
            let mut keys: Vec<Key> = Vec::new();
            for item in items {
                let DeValue::String(text) = item.get_ref() else {
                    return Err((item.span().start, "a list of keys holds only strings".to_owned()));
                };
                let key = one(text, item.span().start)?;
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
            Ok(keys)
        }
        _ => Err((
            value.span().start,
            "give a key as a string (\"n\") or several as a list ([\"n\", \"Ctrl-N\"])".to_owned(),
        )),
    }
}

/// Whether `key` would stop typing its character in a mode where characters type.
fn types_itself(mode: Mode, key: &Key) -> bool {
    matches!(mode, Mode::Edit | Mode::Form)
        && matches!(key.code, KeyCode::Char(_))
        && !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
}

/// The defaults with each patched action's keys put where its first key was, the first
/// new key keeping the status-bar hint.
fn apply(defaults: Vec<Binding>, patches: &[Patch]) -> Vec<Binding> {
    let mut replaced: Vec<(Mode, &Action)> = Vec::new();
    let mut bindings = Vec::with_capacity(defaults.len());
    for binding in defaults {
        let Some(patch) = patches
            .iter()
            .find(|p| p.mode == binding.mode && p.action == binding.action)
        else {
            bindings.push(binding);
            continue;
        };
        if replaced.contains(&(patch.mode, &patch.action)) {
            continue;
        }
        replaced.push((patch.mode, &patch.action));
        bindings.extend(patch.keys.iter().enumerate().map(|(i, key)| Binding {
            mode: binding.mode,
            key: *key,
            action: binding.action.clone(),
            hint: if i == 0 { binding.hint } else { None },
        }));
    }
    bindings
}

/// A line under a mode's section wins over a line above the sections for that mode.
fn winning(patches: Vec<Patch>) -> Vec<Patch> {
    let overridden = |patch: &Patch| {
        !patch.in_section
            && patches
                .iter()
                .any(|other| other.in_section && other.mode == patch.mode && other.action == patch.action)
    };
    let keep: Vec<bool> = patches.iter().map(|p| !overridden(p)).collect();
    patches
        .into_iter()
        .zip(keep)
        .filter_map(|(p, keep)| keep.then_some(p))
        .collect()
}

/// Keys bound to two actions in one mode, reported at the line of the file that did it.
fn conflicts(
    bindings: &[Binding],
    patches: &[Patch],
    place: &dyn Fn(usize) -> (usize, usize),
) -> Vec<Problem> {
    let line_of = |binding: &Binding| {
        patches
            .iter()
            .find(|p| p.mode == binding.mode && p.action == binding.action && p.keys.contains(&binding.key))
            .map(|p| p.at)
    };
    let mut problems = Vec::new();
    for (i, later) in bindings.iter().enumerate() {
        let Some(earlier) = bindings[..i]
            .iter()
            .find(|b| b.mode == later.mode && b.key == later.key)
        else {
            continue;
        };
        let (key, mode) = (later.key.label(), section(later.mode));
        let (at, message) = match (line_of(earlier), line_of(later)) {
            (Some(_), Some(at)) => (
                at,
                format!(
                    "{key} is given to both {} and {} in [{mode}]",
                    earlier.action.name(),
                    later.action.name()
                ),
            ),
            (Some(at), None) | (None, Some(at)) => {
                let other = if line_of(earlier).is_some() {
                    later
                } else {
                    earlier
                };
                let other = other.action.name();
                (
                    at,
                    format!(
                        "{key} is already {other}'s key in [{mode}]; give {other} other keys in this file to free it"
                    ),
                )
            }
            (None, None) => continue,
        };
        let (line, column) = place(at);
        problems.push(Problem {
            line,
            column,
            message,
        });
    }
    problems
}

/// A key as the help screen names it: `a`, `K`, `Ctrl-S`, `Alt-Enter`, `Shift-Tab`, `F2`,
/// `PgDn`, `Space`, `←` (or `Left`); modifiers and key names in any case.
pub fn parse_key(text: &str) -> Option<Key> {
    let mut modifiers = KeyModifiers::NONE;
    let mut rest = text.trim();
    loop {
        let lower = rest.to_ascii_lowercase();
        let (modifier, len) = if lower.starts_with("ctrl-") {
            (KeyModifiers::CONTROL, 5)
        } else if lower.starts_with("alt-") {
            (KeyModifiers::ALT, 4)
        } else if lower.starts_with("shift-") {
            (KeyModifiers::SHIFT, 6)
        } else {
            break;
        };
        if rest.len() == len {
            break;
        }
        modifiers |= modifier;
        rest = &rest[len..];
    }
    let mut chars = rest.chars();
    let code = match (chars.next(), chars.next()) {
        (Some(c), None) if !c.is_control() => match c {
            '←' => KeyCode::Left,
            '→' => KeyCode::Right,
            '↑' => KeyCode::Up,
            '↓' => KeyCode::Down,
            _ => KeyCode::Char(c),
        },
        _ => named_key(&rest.to_ascii_lowercase())?,
    };
    let (code, modifiers) = match code {
        KeyCode::Tab if modifiers.contains(KeyModifiers::SHIFT) => {
            (KeyCode::BackTab, modifiers - KeyModifiers::SHIFT)
        }
        KeyCode::Char(c) if modifiers.contains(KeyModifiers::CONTROL) => {
            (KeyCode::Char(c.to_ascii_lowercase()), modifiers)
        }
        KeyCode::Char(c) if modifiers.contains(KeyModifiers::SHIFT) => (
            KeyCode::Char(c.to_ascii_uppercase()),
            modifiers - KeyModifiers::SHIFT,
        ),
        other => (other, modifiers),
    };
    Some(Key { code, modifiers })
}

fn named_key(name: &str) -> Option<KeyCode> {
    Some(match name {
        "space" => KeyCode::Char(' '),
        "enter" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "backtab" => KeyCode::BackTab,
        "backspace" => KeyCode::Backspace,
        "delete" | "del" => KeyCode::Delete,
        "insert" | "ins" => KeyCode::Insert,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pgup" | "pageup" => KeyCode::PageUp,
        "pgdn" | "pagedown" => KeyCode::PageDown,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        _ => {
            let number: u8 = name.strip_prefix('f')?.parse().ok()?;
            if !(1..=24).contains(&number) {
                return None;
            }
            KeyCode::F(number)
        }
    })
}

/// The line and column (both from 1) of a byte offset.
fn place_of(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset.min(text.len())).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// A name from the file, safe to print.
fn clean(text: &str) -> String {
    crate::text::display::clean_line(text).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys_of(bindings: &[Binding], mode: Mode, action: &Action) -> Vec<String> {
        bindings
            .iter()
            .filter(|b| b.mode == mode && b.action == *action)
            .map(|b| b.key.label())
            .collect()
    }

    fn problems(text: &str) -> Vec<String> {
        patch(default_bindings(), text)
            .expect_err("the file has a problem")
            .into_iter()
            .map(|p| format!("{}:{}: {}", p.line, p.column, p.message))
            .collect()
    }

    #[test]
    fn a_line_replaces_the_actions_keys_in_its_section_or_everywhere_above_them() {
        let text = "save = \"Ctrl-W\"\n[grid]\nadd_item = \"f\"\nundo = [\"u\", \"Ctrl-Z\", \"F9\"]\n\n[board]\nsave = \"Ctrl-B\"\n";
        let bindings = patch(default_bindings(), text).expect("a good file");
        assert_eq!(keys_of(&bindings, Mode::Grid, &Action::AddItem), ["f"]);
        assert_eq!(
            keys_of(&bindings, Mode::Grid, &Action::Undo),
            ["u", "Ctrl-Z", "F9"]
        );
        assert_eq!(
            keys_of(&bindings, Mode::Shadow, &Action::AddNote),
            ["a"],
            "other modes keep theirs"
        );
        assert_eq!(keys_of(&bindings, Mode::Grid, &Action::Save), ["Ctrl-W"]);
        assert_eq!(keys_of(&bindings, Mode::Shadow, &Action::Save), ["Ctrl-W"]);
        assert_eq!(
            keys_of(&bindings, Mode::Board, &Action::Save),
            ["Ctrl-B"],
            "the section wins"
        );
        let hint = bindings
            .iter()
            .find(|b| b.mode == Mode::Grid && b.action == Action::AddItem)
            .and_then(|b| b.hint);
        assert_eq!(hint, Some("add"), "the new key carries the status-bar hint");
    }

    #[test]
    fn a_key_taken_by_another_action_is_refused_until_that_action_moves() {
        assert_eq!(
            problems("[grid]\nadd_item = \"n\"\n"),
            ["2:1: n is already next_hit's key in [grid]; give next_hit other keys in this file to free it"]
        );
        assert!(patch(default_bindings(), "[grid]\nadd_item = \"n\"\nnext_hit = \"f\"\n").is_ok());
        let both = problems("[grid]\nvote = \"f\"\nundo = \"f\"\n");
        assert_eq!(both.len(), 1, "{both:?}");
        assert!(
            both[0].contains("f is given to both undo and vote in [grid]"),
            "{both:?}"
        );
    }

    #[test]
    fn every_problem_is_refused_with_its_line_and_column() {
        assert_eq!(
            problems("[grid]\n  ad_item = \"a\"\n"),
            ["2:3: there is no action called \"ad_item\"; `cxmap keys` lists every action's name"]
        );
        assert!(
            problems("[gird]\nundo = \"u\"\n")[0]
                .starts_with("1:2: there is no mode [gird]; the modes are [grid], [board]")
        );
        assert!(problems("[grid]\nundo = \"Ctl-Z\"\n")[0].starts_with("2:8: \"Ctl-Z\" is not a key"));
        assert_eq!(
            problems("[edit]\nvote = \"Ctrl-V\"\n"),
            ["2:1: vote does nothing in [edit]"]
        );
        assert_eq!(
            problems("[edit]\ncommit = \"x\"\n"),
            ["2:10: x types itself in [edit]; give commit a key with Ctrl- or Alt- there"]
        );
        assert_eq!(
            problems("[grid]\nundo = 3\n")[0],
            "2:8: give a key as a string (\"n\") or several as a list ([\"n\", \"Ctrl-N\"])"
        );
        assert!(
            problems("[grid\nundo = \"u\"\n")[0].starts_with("1:"),
            "a TOML error has a place too"
        );
        assert_eq!(
            problems("[grid]\nad = \"a\"\n[board]\nsort = \"Ctl\"\n").len(),
            2,
            "every problem, not the first"
        );
    }

    #[test]
    fn every_default_key_reads_back_from_its_name() {
        for binding in default_bindings() {
            let label = binding.key.label();
            assert_eq!(parse_key(&label), Some(binding.key), "{label}");
        }
        assert_eq!(parse_key("ctrl-s"), parse_key("Ctrl-S"));
        assert_eq!(parse_key("Left"), parse_key("←"));
        assert_eq!(parse_key("Shift-k"), parse_key("K"));
        assert_eq!(parse_key("Ctrl-"), None);
        assert_eq!(parse_key("F25"), None);
    }
}
