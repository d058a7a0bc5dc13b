//! `keys.toml`: a key file patches the keymap by action name. The program and `cxmap keys`
//! use the patched keys everywhere; a file with a problem is refused with its line and
//! column and the defaults are used. The README's example file is a valid one.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::process::{Command, Output};

use cxmap::app::keymap::default_bindings;
use cxmap::app::keymap::file::patch;
use support::{Sandbox, keys};

fn write_keys(sandbox: &Sandbox, text: &str) -> std::path::PathBuf {
    let config = sandbox.path("config");
    std::fs::create_dir_all(&config).unwrap();
    let path = config.join("keys.toml");
    std::fs::write(&path, text).unwrap();
    path
}

fn cxmap_keys(sandbox: &Sandbox) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cxmap"))
        .arg("keys")
        .env("CXMAP_CONFIG_DIR", sandbox.path("config"))
        .output()
        .unwrap()
}

#[test]
fn cxmap_keys_prints_the_keys_the_file_gives() {
    let sandbox = Sandbox::new();
    write_keys(&sandbox, "save = \"Ctrl-W\"\n[grid]\nadd_item = \"f\"\n");
    let output = cxmap_keys(&sandbox);
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("| `f` | `add_item` |"), "{text}");
    assert!(text.contains("| `Ctrl-W` | `save` |"), "{text}");
    let grid = text.split("\n### ").next().unwrap();
    assert!(!grid.contains("| `a` | `add_item` |"), "{grid}");
}

#[test]
fn a_bad_file_is_refused_with_file_line_and_column_and_the_defaults_stand() {
    let sandbox = Sandbox::new();
    let path = write_keys(&sandbox, "[grid]\nadd_item = \"n\"\nfly = \"x\"\n");
    let output = cxmap_keys(&sandbox);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    let file = path.display();
    assert!(
        stderr.contains(&format!("{file}:2:1: n is already next_hit's key in [grid]")),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("{file}:3:1: there is no action called \"fly\"")),
        "{stderr}"
    );
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("| `a` | `add_item` |"), "the defaults: {text}");
}

#[test]
fn the_readme_example_is_a_good_key_file() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme.find("```toml\n").expect("a ```toml block") + "```toml\n".len();
    let end = start + readme[start..].find("```").unwrap();
    if let Err(problems) = patch(default_bindings(), &readme[start..end]) {
        panic!("the README's keys.toml has problems: {problems:?}");
    }
}

#[test]
fn the_program_uses_a_remapped_key_and_names_it_in_hints_and_help() {
    let sandbox = Sandbox::new();
    write_keys(
        &sandbox,
        "[grid]\nadd_item = \"f\"\nshow_help = [\"F1\", \"h\"]\nmove_left = \"Left\"\n",
    );
    let map = sandbox.example("coffee-shop");
    let mut tui = sandbox.spawn(&[map.to_str().unwrap()], 120, 40);
    tui.wait_for("1 Check it’s open");
    tui.wait_for("f add");
    tui.send(keys::DOWN);
    tui.send("a");
    tui.send("f");
    tui.wait_for("New touchpoint");
    tui.escape_until_gone("New touchpoint");
    tui.send("h");
    tui.wait_for("add an item after this one");
    let help = tui.screen();
    let line = help.lines().find(|l| l.contains("add an item after")).unwrap();
    assert!(
        line.trim_start().starts_with("│ f ") || line.contains(" f "),
        "{line}"
    );
    tui.escape_until_gone("add an item after this one");
    tui.send("q");
    assert!(tui.wait_exit());
}

#[test]
fn the_program_starts_with_the_defaults_and_says_what_is_wrong_with_the_file() {
    let sandbox = Sandbox::new();
    write_keys(&sandbox, "[grid]\nadd_item = \"Ctl-A\"\n");
    let map = sandbox.example("coffee-shop");
    let mut tui = sandbox.spawn(&[map.to_str().unwrap()], 120, 40);
    tui.wait_for("Your keys.toml was not used");
    tui.wait_for("keys.toml:2:12: \"Ctl-A\" is not a key");
    tui.escape_until_gone("Your keys.toml was not used");
    tui.wait_for("a add");
    tui.send("q");
    assert!(tui.wait_exit());
}
