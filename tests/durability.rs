//! A real save, its system calls recorded with strace: the new file is flushed to disk
//! before it is renamed over the map, and the folder after, so the rename itself survives
//! a power cut. (A SIGKILL test cannot see a missing fsync; only the calls can.)

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;
mod tools;

use portable_pty::CommandBuilder;
use support::{Sandbox, keys};

/// The calls of one save, in the order strace saw them.
#[derive(Debug, PartialEq)]
enum Call {
    /// The temporary file was opened as this descriptor.
    OpenTemporary(String),
    /// The folder was opened as this descriptor.
    OpenFolder(String),
    Fsync(String),
    Rename,
}

/// The calls in `log` that matter for saving `map` (a file in `folder`).
fn calls(log: &str, folder: &str, map: &str) -> Vec<Call> {
    let temporary = format!("{folder}/.{map}.cxmap-save-");
    let result = |line: &str| line.rsplit_once("= ").map(|(_, fd)| fd.trim().to_owned());
    log.lines()
        .filter_map(|line| {
            let call = line.split_once(' ').map_or(line, |(_, call)| call).trim_start();
            if call.starts_with("openat(") && call.contains(&format!("\"{temporary}")) {
                return result(call).map(Call::OpenTemporary);
            }
            if call.starts_with("openat(") && call.contains(&format!("\"{folder}\"")) {
                return result(call).map(Call::OpenFolder);
            }
            if let Some(rest) = call
                .strip_prefix("fsync(")
                .or_else(|| call.strip_prefix("fdatasync("))
            {
                return Some(Call::Fsync(rest.split(')').next()?.to_owned()));
            }
            let renames = call.starts_with("rename");
            (renames && call.contains(&temporary) && call.contains(&format!("{folder}/{map}\"")))
                .then_some(Call::Rename)
        })
        .collect()
}

#[test]
fn a_save_flushes_the_file_before_the_rename_and_the_folder_after() {
    let test = "a_save_flushes_the_file_before_the_rename_and_the_folder_after";
    if !tools::present(
        "strace",
        tools::runs("strace", &["-o", "/dev/null", "true"]),
        test,
    ) {
        return;
    }
    let sandbox = Sandbox::new();
    let map = sandbox.example("coffee-shop");
    let folder = std::fs::canonicalize(sandbox.dir.path()).unwrap();
    let log = sandbox.path("strace.log");
    let mut command = CommandBuilder::new("strace");
    command.args([
        "-f",
        "-o",
        log.to_str().unwrap(),
        "-e",
        "trace=openat,fsync,fdatasync,rename,renameat,renameat2",
    ]);
    command.args([env!("CARGO_BIN_EXE_cxmap"), map.to_str().unwrap()]);
    let mut tui = sandbox.spawn_command(command, 100, 30);
    tui.wait_for("1 Check it’s open");
    tui.send("5");
    tui.send(keys::CTRL_S);
    tui.wait_for("Saved");
    tui.send("q");
    assert!(tui.wait_exit());
    let log = std::fs::read_to_string(&log).unwrap();
    let calls = calls(&log, folder.to_str().unwrap(), "coffee-shop.json");

    let rename = calls
        .iter()
        .position(|c| *c == Call::Rename)
        .unwrap_or_else(|| panic!("no rename of the saved file:\n{log}"));
    let temporary = calls[..rename]
        .iter()
        .rev()
        .find_map(|c| match c {
            Call::OpenTemporary(fd) => Some(fd.clone()),
            _ => None,
        })
        .expect("the temporary file was written first");
    assert!(
        calls[..rename].contains(&Call::Fsync(temporary.clone())),
        "the temporary file (fd {temporary}) is flushed before the rename: {calls:?}"
    );
    let after = &calls[rename + 1..];
    let folder_fd = after
        .iter()
        .find_map(|c| match c {
            Call::OpenFolder(fd) => Some(fd.clone()),
            _ => None,
        })
        .expect("the folder is opened after the rename");
    assert!(
        after.contains(&Call::Fsync(folder_fd.clone())),
        "the folder (fd {folder_fd}) is flushed after the rename: {calls:?}"
    );
}

#[test]
fn a_save_keeps_the_files_owner_and_group() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.json");
    std::fs::write(&path, "{}").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    let ours = std::fs::metadata(&path).unwrap();
    let root = ours.uid() == 0;
    // Root saving someone else's map used to make it root's; only root can show it.
    let owner = if root {
        (1234, 1234)
    } else {
        (ours.uid(), ours.gid())
    };
    if root {
        std::os::unix::fs::chown(&path, Some(owner.0), Some(owner.1)).unwrap();
    } else {
        tools::present(
            "root",
            false,
            "a_save_keeps_the_files_owner_and_group (another owner)",
        );
    }
    cxmap::store::write_atomic(&path, b"{\"cxmap\": 1}").unwrap();
    let saved = std::fs::metadata(&path).unwrap();
    assert_eq!((saved.uid(), saved.gid()), owner, "owner and group kept");
    assert_eq!(saved.mode() & 0o777, 0o640, "and the permissions");
}
