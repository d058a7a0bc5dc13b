//! `$VISUAL` / `$EDITOR` for the text being edited, in a pseudo-terminal with scripted
//! editors: the terminal is handed over and taken back, the text comes back, and an editor
//! that fails (or none at all) leaves the text as it was and says why; an editor suspended
//! with Ctrl-Z takes cxmap with it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use portable_pty::CommandBuilder;
use support::{Sandbox, Tui, keys};

const CTRL_G: &str = "\x07";
const LEAVE_SCREEN: &[u8] = b"\x1b[?1049l";
const ENTER_SCREEN: &[u8] = b"\x1b[?1049h";
const MOUSE_OFF: &[u8] = b"\x1b[?1000l";
const MOUSE_ON: &[u8] = b"\x1b[?1000h";

/// A shell script standing in for an editor.
fn editor(sandbox: &Sandbox, name: &str, body: &str) -> PathBuf {
    let path = sandbox.path(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

/// cxmap on the coffee shop, with these editor variables, editing the first goal.
fn editing_the_goal(sandbox: &Sandbox, variables: &[(&str, &str)]) -> (Tui, PathBuf) {
    let map = sandbox.example("coffee-shop");
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_cxmap"));
    command.arg(&map);
    command.env_remove("VISUAL");
    command.env_remove("EDITOR");
    for (name, value) in variables {
        command.env(name, value);
    }
    let mut tui = sandbox.spawn_command(command, 100, 30);
    tui.wait_for("1 Check it’s open");
    tui.send(keys::ENTER);
    tui.wait_for("Esc cancels");
    (tui, map)
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    haystack[from..]
        .windows(needle.len())
        .position(|window| window == needle)
        .map(|at| at + from)
}

#[test]
fn the_editor_gets_the_text_and_its_text_comes_back() {
    let sandbox = Sandbox::new();
    let script = editor(
        &sandbox,
        "editor.sh",
        "grep -q 'Make sure the café is open' \"$1\" || exit 9\n\
         echo EDITOR-RAN\n\
         printf 'Written in the editor\\nover two lines\\n' > \"$1\"",
    );
    let (mut tui, map) = editing_the_goal(&sandbox, &[("VISUAL", script.to_str().unwrap())]);
    tui.send(CTRL_G);
    tui.wait_for("Your editor's text is in");
    tui.wait_for("Written in the editor");
    let bytes = tui.raw_output();
    let ran = find(&bytes, b"EDITOR-RAN", 0).expect("the editor ran in the terminal");
    let left = bytes[..ran]
        .windows(LEAVE_SCREEN.len())
        .rposition(|w| w == LEAVE_SCREEN);
    assert!(
        left.is_some(),
        "the program's screen was left before the editor ran"
    );
    assert!(
        find(&bytes, ENTER_SCREEN, ran).is_some(),
        "and entered again after"
    );
    // The mouse is the editor's meanwhile (a click there must not reach cxmap as
    // escape codes), and cxmap's again after.
    let mouse_taken = find(&bytes, MOUSE_ON, 0).expect("cxmap takes the mouse");
    let mouse_given = find(&bytes, MOUSE_OFF, mouse_taken).expect("the mouse is given back");
    assert!(mouse_given < ran, "before the editor ran");
    assert!(find(&bytes, MOUSE_ON, ran).is_some(), "and taken again after");
    tui.send(keys::ENTER);
    tui.send(keys::CTRL_S);
    tui.wait_for("Saved");
    tui.send("q");
    assert!(tui.wait_exit());
    let saved = std::fs::read_to_string(map).unwrap();
    assert!(
        saved.contains("\"Written in the editor\\nover two lines\""),
        "{saved}"
    );
}

#[test]
fn editor_is_used_when_visual_is_not_set_and_one_line_stays_one_line() {
    let sandbox = Sandbox::new();
    let script = editor(&sandbox, "ed.sh", "printf 'Renamed\\nin two' > \"$1\"");
    let map = sandbox.example("coffee-shop");
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_cxmap"));
    command.arg(&map);
    command.env_remove("VISUAL");
    command.env("EDITOR", script.to_str().unwrap());
    let mut tui = sandbox.spawn_command(command, 100, 30);
    tui.wait_for("1 Check it’s open");
    tui.send("r");
    tui.wait_for("Rename stage");
    tui.send(CTRL_G);
    tui.wait_for("Your editor's text is in");
    tui.send(keys::ENTER);
    tui.wait_for("1 Renamed in two");
}

#[test]
fn a_failing_editor_leaves_the_text_and_says_why() {
    let sandbox = Sandbox::new();
    let script = editor(&sandbox, "broken.sh", "printf 'half' > \"$1\"; exit 3");
    let (mut tui, _) = editing_the_goal(&sandbox, &[("VISUAL", script.to_str().unwrap())]);
    tui.send(CTRL_G);
    tui.wait_for("exit status: 3; the text is as it was");
    tui.wait_for("Make sure the café is open");
    tui.wait_for("1 Check it’s open");
    assert!(!tui.screen().contains("half"), "{}", tui.screen());
}

#[test]
fn without_an_editor_set_the_program_says_how_to_set_one() {
    let sandbox = Sandbox::new();
    let (mut tui, _) = editing_the_goal(&sandbox, &[]);
    tui.send(CTRL_G);
    tui.wait_for("Set VISUAL or EDITOR");
    tui.wait_for("Make sure the café is open");
    assert!(
        !tui.raw_output().windows(4).any(|w| w == b"\x1b[6n"),
        "no question to the terminal"
    );
}

/// Whether the program is stopped (state T in /proc).
fn stopped(tui: &Tui) -> bool {
    let stat = std::fs::read_to_string(format!("/proc/{}/stat", tui.pid())).unwrap();
    stat.rsplit(')').next().unwrap().trim_start().starts_with('T')
}

#[test]
fn a_ctrl_z_in_the_editor_stops_cxmap_too_and_fg_carries_on() {
    let sandbox = Sandbox::new();
    let go = sandbox.path("go");
    let script = editor(
        &sandbox,
        "waiting.sh",
        &format!(
            "echo EDITOR-WAITING\n\
             while [ ! -f '{}' ]; do sleep 0.05; done\n\
             printf 'Written after a stop' > \"$1\"",
            go.display()
        ),
    );
    let (mut tui, _) = editing_the_goal(&sandbox, &[("VISUAL", script.to_str().unwrap())]);
    tui.send(CTRL_G);
    let start = Instant::now();
    while find(&tui.raw_output(), b"EDITOR-WAITING", 0).is_none() {
        assert!(start.elapsed() < support::PATIENCE, "the editor never ran");
        std::thread::sleep(Duration::from_millis(20));
    }
    // What vim's Ctrl-Z does: SIGTSTP to the process group, cxmap included.
    tui.signal("TSTP");
    let start = Instant::now();
    while !stopped(&tui) {
        assert!(
            start.elapsed() < support::PATIENCE,
            "cxmap kept waiting on a suspended editor, with the shell shut out"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    tui.signal("CONT");
    std::fs::write(&go, "").unwrap();
    tui.wait_for("Your editor's text is in");
    tui.wait_for("Written after a stop");
    assert!(!stopped(&tui), "and it does not stop again once back");
}
