//! Copying out with OSC 52, read from the real program's bytes in a pseudo-terminal: a
//! friction point as a ticket, a stage, the memo; the status bar says what was copied.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use portable_pty::CommandBuilder;
use support::{Sandbox, Tui};

/// The online store, with no desktop clipboard to reach (only the terminal's), and
/// not inside tmux (a test run in tmux must not fill its buffer) unless `tmux` says where
/// a stand-in `tmux` program is.
fn store_with(sandbox: &Sandbox, tmux: Option<&Path>) -> Tui {
    let map = sandbox.example("online-store");
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_cxmap"));
    command.arg(&map);
    command.env_remove("DISPLAY");
    command.env_remove("WAYLAND_DISPLAY");
    command.env_remove("TMUX");
    if let Some(folder) = tmux {
        command.env("TMUX", "/tmp/tmux-test/default,1,0");
        let path = std::env::var("PATH").unwrap_or_default();
        command.env("PATH", format!("{}:{path}", folder.display()));
    }
    let tui = sandbox.spawn_command(command, 120, 40);
    tui.wait_for("1 Awareness");
    tui
}

fn store(sandbox: &Sandbox) -> Tui {
    store_with(sandbox, None)
}

fn decode_base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => panic!("not base64: {c}"),
    };
    let digits: Vec<u8> = text.bytes().filter(|&c| c != b'=').map(value).collect();
    digits
        .chunks(4)
        .flat_map(|chunk| {
            let n = chunk
                .iter()
                .enumerate()
                .fold(0u32, |n, (i, &d)| n | u32::from(d) << (18 - 6 * i));
            let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
            bytes.into_iter().take(chunk.len() - 1).collect::<Vec<_>>()
        })
        .collect()
}

/// Every text the program put on the clipboard with OSC 52, in order.
fn clipboard_texts(tui: &Tui) -> Vec<String> {
    let bytes = tui.raw_output();
    let text = String::from_utf8_lossy(&bytes);
    text.split("\x1b]52;c;")
        .skip(1)
        .map(|rest| {
            let encoded = rest.split('\x07').next().unwrap();
            String::from_utf8(decode_base64(encoded)).unwrap()
        })
        .collect()
}

#[test]
fn a_friction_point_from_the_board_becomes_a_ticket_on_the_clipboard() {
    let sandbox = Sandbox::new();
    let mut tui = store(&sandbox);
    tui.send("b");
    tui.wait_for("Sev·Votes");
    tui.send("y");
    tui.wait_for("Copied the ticket for “");
    tui.wait_for("” (OSC 52)");
    let copied = clipboard_texts(&tui);
    assert_eq!(copied.len(), 1, "{copied:?}");
    let ticket = &copied[0];
    assert!(ticket.starts_with("# "), "{ticket}");
    for part in [
        "| Journey | Ridgeline Outdoor",
        "| Stage |",
        "| Channel |",
        "| Severity | ▲",
        "| Votes |",
        "| Owner |",
        "## What happened",
        "## Evidence",
    ] {
        assert!(ticket.contains(part), "{part} missing from:\n{ticket}");
    }
    tui.send("q");
    assert!(tui.wait_exit());
}

#[test]
fn a_stage_and_the_memo_are_copied_as_markdown() {
    let sandbox = Sandbox::new();
    let mut tui = store(&sandbox);
    tui.send("y");
    tui.wait_for("Copied stage 1 Awareness");
    tui.send("M");
    tui.wait_for("MEMO");
    tui.send("y");
    tui.wait_for("Copied the friction memo");
    let copied = clipboard_texts(&tui);
    assert_eq!(copied.len(), 2, "{copied:?}");
    assert!(copied[0].starts_with("## 1. Awareness"), "{}", copied[0]);
    assert!(copied[0].contains("**Customer goal:**"), "{}", copied[0]);
    assert!(copied[1].contains("Ridgeline Outdoor"), "{}", copied[1]);
    assert!(copied[1].contains("Awareness"), "{}", copied[1]);
    tui.send("q");
    assert!(tui.wait_exit());
}

#[test]
fn inside_tmux_a_copy_also_fills_its_buffer() {
    let sandbox = Sandbox::new();
    let folder = sandbox.path("bin");
    std::fs::create_dir(&folder).unwrap();
    // A stand-in tmux that keeps its arguments and what it was given.
    let (arguments, buffer) = (sandbox.path("tmux-arguments"), sandbox.path("tmux-buffer"));
    let script = format!(
        "#!/bin/sh\necho \"$@\" > '{}'\ncat > '{}'\n",
        arguments.display(),
        buffer.display()
    );
    let tmux = folder.join("tmux");
    std::fs::write(&tmux, script).unwrap();
    std::fs::set_permissions(&tmux, std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut tui = store_with(&sandbox, Some(&folder));
    tui.send("y");
    tui.wait_for("1 Awareness (OSC 52, tmux)");
    assert_eq!(
        std::fs::read_to_string(&arguments).unwrap().trim(),
        "load-buffer -w -"
    );
    let given = std::fs::read_to_string(&buffer).unwrap();
    assert_eq!(
        clipboard_texts(&tui),
        std::slice::from_ref(&given),
        "the same text both ways"
    );
    assert!(given.starts_with("## 1. Awareness"), "{given}");
    tui.send("q");
    assert!(tui.wait_exit());
}
