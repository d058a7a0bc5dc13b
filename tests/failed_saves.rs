//! Saves that cannot happen (a full disk, a read-only file system) say why, keep the map
//! unsaved in the program, and leave the old file exactly as it was. Each test runs cxmap
//! in a mount namespace of its own on a tiny tmpfs, so no real disk is filled.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;
mod tools;

use portable_pty::CommandBuilder;
use support::{Sandbox, keys};

/// Mounts a 128 KiB tmpfs on $2, puts a copy of the map $3 there, makes it full or
/// read-only ($4), runs cxmap ($1) on it, and afterwards says whether the file is intact.
const SCRIPT: &str = r#"
set -e
mount -t tmpfs -o size=128k tmpfs "$2"
cp "$3" "$2/map.json"
case "$4" in
  full) dd if=/dev/zero of="$2/filler" bs=4k 2>/dev/null || true ;;
  read-only) mount -o remount,ro "$2" ;;
esac
"$1" "$2/map.json" || true
if cmp -s "$3" "$2/map.json"; then echo "ORIGINAL INTACT"; else echo "ORIGINAL CHANGED"; fi
"#;

fn namespaces_work(test: &str) -> bool {
    let works = tools::runs("unshare", &["-rm", "true"]);
    tools::present("unshare", works, test)
}

fn save_fails_with(condition: &str, reason: &str) {
    if !namespaces_work(&format!("a save on a {condition} disk")) {
        return;
    }
    let sandbox = Sandbox::new();
    let original = sandbox.example("coffee-shop");
    let mount_point = sandbox.path("small-disk");
    std::fs::create_dir(&mount_point).unwrap();
    let mut command = CommandBuilder::new("unshare");
    command.args(["-rm", "sh", "-c", SCRIPT, "sh", env!("CARGO_BIN_EXE_cxmap")]);
    command.args([
        mount_point.to_str().unwrap(),
        original.to_str().unwrap(),
        condition,
    ]);
    let mut tui = sandbox.spawn_command(command, 120, 30);
    tui.wait_for("1 Check it’s open");
    tui.send("jjjjj2");
    tui.send(keys::CTRL_S);
    tui.wait_for("Not saved, your changes are kept");
    tui.wait_for(reason);
    tui.wait_for("● unsaved");
    tui.wait_for("+2 very positive");
    tui.send("q");
    tui.wait_for("Save the changes");
    tui.send("n");
    tui.wait_for("ORIGINAL INTACT");
    tui.wait_exit();
}

#[test]
fn a_full_disk_keeps_the_work_and_the_old_file() {
    save_fails_with("full", "the disk is full");
}

#[test]
fn a_read_only_file_system_keeps_the_work_and_the_old_file() {
    save_fails_with("read-only", "the file system is read-only");
}
