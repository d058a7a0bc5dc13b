//! `cxmap keys`: every key binding as Markdown, from the live keymap, with each action's
//! stable name (what a key file names); the README's key section is this output, and a
//! test keeps it so.

use std::process::ExitCode;

use crate::app::keymap::{Keymap, Mode};

/// The keymap as Markdown tables, one per mode.
pub fn keys_markdown(keymap: &Keymap) -> String {
    let mut out = String::new();
    for mode in Mode::ALL {
        out.push_str(&format!(
            "### {}\n\n| keys | action | what they do |\n|---|---|---|\n",
            mode.title()
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

/// Prints the keymap.
pub fn keys() -> ExitCode {
    print!("{}", keys_markdown(&Keymap::default()));
    ExitCode::SUCCESS
}
