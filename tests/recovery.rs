//! Never losing a workshop: the real binary killed, hung up on and raced, in a
//! pseudo-terminal, and what it leaves on disk each time.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;
mod tools;

use std::time::{Duration, Instant};

use support::{Sandbox, keys};

/// The issue asks for an exit within a second of SIGHUP; a shared 2-core CI machine gets
/// half a second of slack before this counts as a failure.
const HANGUP_LIMIT: Duration = Duration::from_millis(1500);

fn recover_and_check(sandbox: &Sandbox, map: &std::path::Path, expected: &str) {
    let mut again = sandbox.spawn(&[map.to_str().unwrap()], 100, 30);
    again.wait_for("Unsaved work on coffee-shop.json");
    again.send("y");
    again.wait_for("Recovered the unsaved work");
    again.wait_for(expected);
    again.send(keys::CTRL_S);
    again.wait_for("Saved");
    again.send("q");
    assert!(again.wait_exit());
    assert!(!sandbox.recovery_copy(map).exists(), "a save removes the copy");
}

#[test]
fn after_a_sigkill_the_edit_is_recovered() {
    let sandbox = Sandbox::new();
    let map = sandbox.example("coffee-shop");
    let mut tui = sandbox.spawn(&[map.to_str().unwrap()], 100, 30);
    tui.wait_for("1 Check it’s open");
    tui.send("jjjjj2");
    tui.wait_for("+2 very positive");
    sandbox.wait_for_file(&sandbox.recovery_copy(&map));
    tui.signal("KILL");
    assert!(tui.exit_within(Duration::from_secs(5)).is_some());
    recover_and_check(&sandbox, &map, "+2 very positive");
    assert!(std::fs::read_to_string(&map).unwrap().contains("\"score\": 2"));
}

#[test]
fn sighup_writes_the_copy_and_exits_within_a_second() {
    let sandbox = Sandbox::new();
    let map = sandbox.example("coffee-shop");
    let mut tui = sandbox.spawn(&[map.to_str().unwrap()], 100, 30);
    tui.wait_for("1 Check it’s open");
    tui.send("jjjjj-2");
    tui.wait_for("-2 very negative");
    let start = Instant::now();
    tui.signal("HUP");
    let code = tui.exit_within(HANGUP_LIMIT);
    assert_eq!(
        code,
        Some(129),
        "exit status 128 + SIGHUP, in {:?}",
        start.elapsed()
    );
    assert!(
        sandbox.recovery_copy(&map).exists(),
        "the copy is written before exiting"
    );
    recover_and_check(&sandbox, &map, "-2 very negative");
}

#[test]
fn a_terminal_that_goes_away_leaves_the_copy_and_no_spinning_process() {
    let test = "a_terminal_that_goes_away_leaves_the_copy_and_no_spinning_process";
    if !tools::present("python3", tools::runs("python3", &["-c", "import pty"]), test) {
        return;
    }
    let sandbox = Sandbox::new();
    let map = sandbox.example("coffee-shop");
    // Python's pty module closes the terminal for real (every handle on it), which the
    // Rust harness cannot do while its reader thread holds one.
    let host = r#"
import fcntl, os, pty, select, struct, sys, termios, time
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], [sys.argv[1], sys.argv[2]])
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
def drain(quiet):
    seen, last = b"", time.time()
    while time.time() - last < quiet:
        if select.select([fd], [], [], 0.05)[0]:
            seen += os.read(fd, 65536)
            last = time.time()
    return seen
end, shown = time.time() + 10, False
while not shown and time.time() < end:
    shown = b"cxmap" in drain(0.3)
assert shown, "no first screen"
os.write(fd, b"jjjjj2")
end, scored = time.time() + 10, b""
while b"very positive" not in scored and time.time() < end:
    scored += drain(0.05)
assert b"very positive" in scored, "the edit never showed"
os.close(fd)
start = time.time()
while time.time() - start < 5:
    done, status = os.waitpid(pid, os.WNOHANG)
    if done:
        print("exited %.3f" % (time.time() - start))
        sys.exit(0)
    time.sleep(0.01)
os.kill(pid, 9)
print("still running")
"#;
    let output = std::process::Command::new("python3")
        .args(["-c", host, env!("CARGO_BIN_EXE_cxmap"), map.to_str().unwrap()])
        .env("CXMAP_DATA_DIR", sandbox.data_dir())
        .env("CXMAP_CONFIG_DIR", sandbox.path("config"))
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{report}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let seconds: f64 = report
        .trim()
        .strip_prefix("exited ")
        .and_then(|s| s.parse().ok())
        .expect(&report);
    assert!(
        seconds < HANGUP_LIMIT.as_secs_f64(),
        "took {seconds} s to notice the terminal was gone"
    );
    let copy = std::fs::read_to_string(sandbox.recovery_copy(&map)).unwrap();
    assert!(
        copy.contains("\"score\": 2"),
        "the edit made just before the hang-up is in the copy"
    );
    assert!(
        !map.with_file_name(".coffee-shop.json.cxmap-lock").exists(),
        "the lock goes too"
    );
}

#[test]
fn a_second_cxmap_on_the_same_map_opens_it_read_only() {
    let sandbox = Sandbox::new();
    let map = sandbox.example("coffee-shop");
    let mut first = sandbox.spawn(&[map.to_str().unwrap()], 100, 30);
    first.wait_for("1 Check it’s open");
    let mut second = sandbox.spawn(&[map.to_str().unwrap()], 100, 30);
    second.wait_for("is open in another cxmap");
    second.send("y");
    second.wait_for("(read-only)");
    second.send("jjjjj2");
    second.wait_for("Read-only: another cxmap has this map open");
    second.send("q");
    assert!(second.wait_exit());
    first.send("q");
    assert!(first.wait_exit());
}

#[test]
fn a_file_changed_by_another_program_is_not_overwritten() {
    let sandbox = Sandbox::new();
    let map = sandbox.example("coffee-shop");
    let mut tui = sandbox.spawn(&[map.to_str().unwrap()], 100, 30);
    tui.wait_for("1 Check it’s open");
    let theirs = std::fs::read_to_string(&map)
        .unwrap()
        .replace("Little Kettle", "Little Teapot");
    std::fs::write(&map, &theirs).unwrap();
    tui.send("jjjjj2");
    tui.send(keys::CTRL_S);
    tui.wait_for("was changed on disk since you opened it");
    assert_eq!(std::fs::read_to_string(&map).unwrap(), theirs);
    tui.escape_until_gone("was changed on disk");
    tui.send("q");
    tui.wait_for("Save the changes");
    tui.send("n");
    assert!(tui.wait_exit());
    assert_eq!(std::fs::read_to_string(&map).unwrap(), theirs);
}

#[test]
fn escape_sequences_in_a_map_never_reach_the_terminal_raw() {
    let sandbox = Sandbox::new();
    let map = sandbox.path("hostile.json");
    std::fs::write(
        &map,
        r#"{"cxmap": 1, "title": "T\u001b]0;PWNED\u0007itle", "persona": "p\u009b2Jq",
            "stages": [{"id": "st-aaaa", "name": "S\u001b[31mRED", "goal": "g\u001b[2Jclear\u202egnp.exe",
            "touchpoints": ["t\u0007\u0008\u007f"], "frictions": [{"id": "fr-bbbb", "text": "f\u001bP+q\u001b\\"}]}]}"#,
    )
    .unwrap();
    let mut tui = sandbox.spawn(&[map.to_str().unwrap()], 100, 30);
    tui.wait_for("␛]0;PWNED␇");
    tui.wait_for("␛[31mRED");
    tui.send(keys::DOWN);
    tui.send(keys::DOWN);
    tui.send(keys::DOWN);
    tui.send(keys::DOWN);
    tui.send(keys::DOWN);
    tui.wait_for("f␛P+q␛\\");
    tui.send("q");
    assert!(tui.wait_exit());
    let raw = tui.raw_output();
    let contains = |needle: &[u8]| raw.windows(needle.len()).any(|w| w == needle);
    assert!(!contains(b"\x1b]0;PWNED"), "an OSC title change from the file");
    assert!(!contains(b"\x1b[31mRED"), "a colour change from the file");
    assert!(!contains(b"\x1b[2Jclear"), "a screen clear from the file");
    assert!(!contains(b"\x1bP+q"), "a device control string from the file");
    assert!(!contains("\u{9b}".as_bytes()), "a C1 control from the file");
    assert!(!contains("\u{202e}".as_bytes()), "a bidi override from the file");
    assert!(
        !raw.iter().any(|&b| b == 0x07 || b == 0x08 || b == 0x7f),
        "BEL, BS or DEL from the file"
    );
}

#[test]
fn two_cxmaps_saving_at_once_never_both_succeed() {
    let spec = cxmap::generate::Spec::SIZES[1];
    let bytes = cxmap::format::encode(&cxmap::generate::map(&spec));
    for round in 0..4 {
        let sandbox = Sandbox::new();
        let map = sandbox.path("big.json");
        std::fs::write(&map, &bytes).unwrap();
        let mut first = sandbox.spawn(&[map.to_str().unwrap()], 100, 30);
        first.wait_for("1 Awareness");
        let mut second = sandbox.spawn(&[map.to_str().unwrap()], 100, 30);
        second.wait_for("is open in another cxmap");
        second.send("n");
        second.wait_for("Editing anyway");
        first.send(keys::CTRL_T);
        first.wait_for("Map title");
        first.send(&format!("{}first{round}\r", keys::CTRL_U));
        second.send(keys::CTRL_T);
        second.wait_for("Map title");
        second.send(&format!("{}second{round}\r", keys::CTRL_U));
        first.wait_for("● unsaved");
        second.wait_for("● unsaved");
        first.send(keys::CTRL_S);
        second.send(keys::CTRL_S);
        let outcomes = ["Saved ", "changed on disk"];
        let (a, b) = (first.wait_for_any(&outcomes), second.wait_for_any(&outcomes));
        assert_ne!(
            (a, b),
            (0, 0),
            "round {round}: both said Saved, so one edit is gone"
        );
        let on_disk = std::fs::read_to_string(&map).unwrap();
        let winner = if a == 0 { "first" } else { "second" };
        assert!(
            on_disk.contains(&format!("\"title\": \"{winner}{round}\"")),
            "round {round}: the one that said Saved is on disk"
        );
    }
}

#[test]
fn a_data_folder_that_cannot_be_written_is_said_and_never_named_as_safe() {
    let sandbox = Sandbox::new();
    std::fs::write(sandbox.data_dir(), "a file where the data folder should be").unwrap();
    let map = sandbox.example("coffee-shop");
    let mut tui = sandbox.spawn(&[map.to_str().unwrap()], 100, 30);
    tui.wait_for("1 Check it’s open");
    tui.send("jjjjj2");
    tui.wait_for("No recovery copy");
    tui.signal("TERM");
    assert_eq!(tui.exit_within(HANGUP_LIMIT), Some(143));
    tui.wait_for("Unsaved work could NOT be kept");
    assert!(!tui.screen().contains("safe in"), "{}", tui.screen());
}

#[test]
fn text_typed_in_an_editor_survives_every_way_of_being_stopped() {
    for signal in ["KILL", "HUP", "TERM", "INT"] {
        let sandbox = Sandbox::new();
        let map = sandbox.example("coffee-shop");
        let mut tui = sandbox.spawn(&[map.to_str().unwrap()], 100, 30);
        tui.wait_for("1 Check it’s open");
        tui.send(keys::ENTER);
        tui.send(keys::CTRL_U);
        let typed = format!("Typed before {signal}");
        tui.type_text(&typed);
        tui.wait_for(&typed);
        let copy = sandbox.recovery_copy(&map);
        if signal == "KILL" {
            // Nothing can run after SIGKILL: the copy taken while typing pauses is it.
            sandbox.wait_for_file(&copy);
        }
        tui.signal(signal);
        assert!(tui.exit_within(HANGUP_LIMIT).is_some(), "{signal}: exits");
        let kept = std::fs::read_to_string(&copy).unwrap_or_default();
        assert!(kept.contains(&typed), "{signal}: the typed text is in the copy");
    }
}
