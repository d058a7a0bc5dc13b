//! `cxmap keys`: every key binding as Markdown, from the live keymap, with each action's
//! stable name (what a key file names); the README's key section is this output, and a
//! test keeps it so.

use std::process::ExitCode;

use crate::app::keymap::file::{live_keymap, section};
use crate::app::keymap::{Keymap, Mode};
use crate::text::display::clean_line;

/// The keymap as Markdown tables, one per mode.
pub fn keys_markdown(keymap: &Keymap) -> String {
    let mut out = String::new();
    for mode in Mode::ALL {
        out.push_str(&format!(
            "### {} `[{}]`\n\n| keys | action | what they do |\n|---|---|---|\n",
            mode.title(),
            section(mode)
        ));
        for (keys, action) in keymap.groups(mode) {
            let keys: Vec<String> = keys
                .iter()
                .map(|k| format!("`{}`", k.label().replace('|', "\\|")))
                .collect();
            out.push_str(&format!(
                "| {} | `{}` | {} |\n",
                keys.join(" "),
                action.name(),
                keymap.describe(action)
            ));
        }
        out.push('\n');
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// Prints the live keymap: the defaults as the key file changes them. A key file with
/// problems is not used: they go to standard error, the defaults are printed, exit 1.
pub fn keys() -> ExitCode {
    let (keymap, problems) = live_keymap(crate::store::settings::key_file());
    print!("{}", keys_markdown(&keymap));
    for problem in &problems {
        eprintln!("{}", clean_line(problem));
    }
    if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        eprintln!("cxmap: the key file was not used; the keys above are the defaults");
        ExitCode::from(1)
    }
}
