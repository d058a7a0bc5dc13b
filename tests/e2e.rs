//! The real binary in a real pseudo-terminal: what a user sees, and what lands on disk.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use support::{Sandbox, keys};

#[test]
fn editing_a_cell_and_saving_changes_that_line_only() {
    let sandbox = Sandbox::new();
    let path = sandbox.example("coffee-shop");
    let before = std::fs::read_to_string(&path).unwrap();
    let mut tui = sandbox.spawn(&[path.to_str().unwrap()], 100, 30);
    tui.wait_for("1 Check it’s open");
    tui.send(keys::DOWN);
    tui.send(keys::ENTER);
    tui.wait_for("Touchpoint 1");
    tui.send(keys::END);
    tui.type_text(" (new!)");
    tui.send(keys::ENTER);
    tui.wait_for("● unsaved");
    tui.send(keys::CTRL_S);
    tui.wait_for("Saved");
    tui.send("q");
    assert!(tui.wait_exit());
    let after = std::fs::read_to_string(&path).unwrap();
    let changed: Vec<(&str, &str)> = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(before.lines().count(), after.lines().count());
    assert_eq!(
        changed,
        [(
            "        \"Mobile app home screen\",",
            "        \"Mobile app home screen (new!)\","
        )]
    );
}

#[test]
fn a_new_map_from_the_start_screen_asks_where_and_is_there_after_reopening() {
    let sandbox = Sandbox::new();
    let mut tui = sandbox.spawn(&[], 100, 30);
    tui.wait_for("New map from a template");
    tui.send(keys::ENTER);
    tui.wait_for("choose a template");
    tui.send(keys::ENTER);
    tui.wait_for("Title of the new map");
    tui.type_text("Gym sign-up");
    tui.send(keys::ENTER);
    // Where to save it: the folder cxmap was started in, unless the user says otherwise.
    tui.wait_for("Save the new map as");
    tui.wait_for("gym-sign-up.json");
    tui.send(keys::ENTER);
    tui.wait_for("1 Awareness");
    tui.send(keys::ENTER);
    tui.type_text("Find a gym near work");
    tui.send(keys::ENTER);
    // Down to the emotion lane (past the empty touchpoints), then +1.
    tui.send("jj1");
    tui.send(keys::CTRL_S);
    tui.wait_for("Saved");
    tui.send("q");
    assert!(tui.wait_exit());

    let saved = sandbox.path("gym-sign-up.json");
    let text = std::fs::read_to_string(&saved).unwrap();
    assert!(text.contains("\"title\": \"Gym sign-up\""));
    assert!(text.contains("\"goal\": \"Find a gym near work\""));

    let mut again = sandbox.spawn(&[], 100, 30);
    again.wait_for("Gym sign-up");
    again.wait_for("./gym-sign-up.json");
    // The newest map is selected: one Enter opens it.
    again.send(keys::ENTER);
    again.wait_for("Find a gym near work");
    again.wait_for("+1 positive");
    again.send("q");
    assert!(again.wait_exit());
}

#[test]
fn a_save_that_fails_says_why_and_keeps_the_work() {
    let sandbox = Sandbox::new();
    // The folder is there when the map opens (cxmap refuses a missing one at once) and
    // gone by the time it is saved.
    let path = sandbox.path("gone/map.json");
    std::fs::create_dir(path.parent().unwrap()).unwrap();
    let mut tui = sandbox.spawn(&[path.to_str().unwrap()], 100, 30);
    tui.wait_for("new, not saved yet");
    std::fs::remove_dir_all(path.parent().unwrap()).unwrap();
    tui.send("jj2");
    tui.send(keys::CTRL_S);
    tui.wait_for("Not saved");
    tui.wait_for("does not exist");
    tui.send("q");
    tui.wait_for("Save the changes");
    tui.escape_until_gone("Save the changes");
    tui.wait_for("+2 very positive");
    tui.send("q");
    tui.wait_for("Save the changes");
    tui.send("n");
    assert!(tui.wait_exit());
}

#[test]
fn a_terminal_resized_below_the_minimum_says_so_and_recovers() {
    let sandbox = Sandbox::new();
    let path = sandbox.example("online-store");
    let mut tui = sandbox.spawn(&[path.to_str().unwrap()], 100, 30);
    tui.wait_for("1 Awareness");
    tui.resize(50, 12);
    tui.wait_for("needs a terminal of at least");
    tui.resize(120, 40);
    tui.wait_for("1 Awareness");
    tui.send("q");
    assert!(tui.wait_exit());
}

#[test]
fn a_terminal_too_small_to_draw_on_still_quits_when_nothing_is_unsaved() {
    let sandbox = Sandbox::new();
    let path = sandbox.example("online-store");
    let mut tui = sandbox.spawn(&[path.to_str().unwrap()], 50, 12);
    tui.wait_for("needs a terminal of at least");
    tui.wait_for("quits");
    tui.send("q");
    assert!(tui.wait_exit(), "q was swallowed: the only way out was to resize");
}

#[test]
fn the_example_flag_opens_a_copy_that_saves_into_the_data_folder() {
    let sandbox = Sandbox::new();
    let mut tui = sandbox.spawn(&["--example"], 100, 30);
    tui.wait_for("Little Kettle");
    tui.wait_for("copy of the example");
    tui.send(keys::CTRL_S);
    tui.wait_for("Saved");
    tui.send("q");
    assert!(tui.wait_exit());
    assert!(sandbox.data_dir().join("coffee-shop.json").exists());
    assert!(
        sandbox.data_dir().join("evidence/lid-spill.jpg").exists(),
        "the example's evidence is there to open beside the copy"
    );
    assert!(
        !sandbox.data_dir().join("evidence/cart-r450.png").exists(),
        "the other example's evidence stays out of the maps folder"
    );
}

#[test]
fn a_shadow_note_with_evidence_becomes_a_friction_point_and_both_are_saved_linked() {
    let sandbox = Sandbox::new();
    let path = sandbox.example("online-store");
    std::fs::create_dir_all(sandbox.path("evidence")).unwrap();
    std::fs::write(sandbox.path("evidence/kiosk-queue.jpg"), "jpeg").unwrap();
    let mut tui = sandbox.spawn(&[path.to_str().unwrap()], 80, 24);
    tui.wait_for("1 Awareness");
    tui.send("W");
    // The first note's form opens at its text; the observer field holds the login name
    // to change, and the name the note is kept with is remembered.
    tui.wait_for("New shadow note");
    tui.type_text("Kiosk queue of nine at noon");
    for _ in 0..3 {
        tui.send(keys::TAB);
    }
    tui.type_text("Lindiwe");
    for _ in 0..2 {
        tui.send(keys::TAB);
    }
    tui.type_text("evidence/ki");
    tui.send(keys::TAB);
    tui.wait_for("evidence/kiosk-queue.jpg");
    tui.send(keys::ENTER);
    tui.wait_for("Added the shadow note");
    tui.send("w");
    tui.wait_for("Shadow notes");
    tui.wait_for("Lindiwe");
    tui.send("p");
    tui.wait_for("now a friction point");
    tui.send(keys::CTRL_S);
    tui.wait_for("Saved");
    tui.send("q");
    assert!(tui.wait_exit());
    let saved = std::fs::read_to_string(&path).unwrap();
    let map = cxmap::format::parse(&saved).unwrap().map;
    let note = map
        .shadow
        .notes
        .iter()
        .find(|n| n.text == "Kiosk queue of nine at noon")
        .unwrap();
    assert_eq!(note.observer, "Lindiwe");
    assert_eq!(note.evidence, ["evidence/kiosk-queue.jpg"]);
    assert_eq!(note.stage, map.stages[0].id, "the grid's selected stage");
    let linked = note.friction.as_ref().expect("the note names its friction point");
    let (stage, at) = map.friction_position(linked).unwrap();
    assert_eq!(stage, 0);
    let friction = &map.stages[0].frictions[at];
    assert_eq!(friction.text, note.text);
    assert!(
        friction.evidence.is_empty(),
        "the photo stays on the note and reaches the point through the link"
    );
    let links = cxmap::model::NoteLinks::new(&map);
    assert_eq!(
        cxmap::model::friction_evidence(&map, &links, friction),
        ["evidence/kiosk-queue.jpg"]
    );
    assert_eq!(friction.channel, note.channel);
    let settings = std::fs::read_to_string(sandbox.path("config/settings.json")).unwrap();
    assert!(settings.contains("\"observer\": \"Lindiwe\""), "{settings}");
}

#[test]
fn a_memo_printed_on_the_terminal_says_how_to_write_the_page_to_send() {
    let sandbox = Sandbox::new();
    let path = sandbox.example("online-store");
    let mut tui = sandbox.spawn(&["memo", path.to_str().unwrap()], 200, 30);
    tui.wait_for("the page to send (one A4 page, photos inside): cxmap memo");
    tui.wait_for("online-store-memo.html");
    assert!(tui.wait_exit());
}

#[test]
fn the_export_menu_and_the_memo_write_beside_the_map() {
    let sandbox = Sandbox::new();
    let path = sandbox.example("online-store");
    let mut tui = sandbox.spawn(&[path.to_str().unwrap()], 100, 30);
    tui.wait_for("1 Awareness");
    tui.send("x");
    tui.wait_for("Export the map");
    tui.send(keys::RIGHT);
    tui.send(keys::ENTER);
    tui.wait_for("Wrote the CSV export to");
    let csv = sandbox.path("online-store.csv");
    assert!(
        std::fs::read_to_string(&csv)
            .unwrap()
            .starts_with("stage,stage id,lane,")
    );
    tui.send("x");
    tui.wait_for("Export the map");
    tui.send(keys::RIGHT);
    tui.send(keys::ENTER);
    tui.wait_for("already exists. Replace it");
    tui.send("n");
    tui.wait_for("Nothing written");
    tui.send("M");
    tui.wait_for("Friction memo preview");
    tui.wait_for("Bottom line: 21 friction points, 5 severe");
    tui.send("w");
    tui.wait_for("Write the friction memo");
    tui.send(keys::ENTER);
    tui.wait_for("Wrote the friction memo to");
    let memo = std::fs::read_to_string(sandbox.path("online-store-memo.html")).unwrap();
    assert!(memo.starts_with("<!DOCTYPE html>"), "{memo}");
    assert!(memo.contains("Friction memo: Ridgeline Outdoor"), "{memo}");
    tui.escape_until_gone("Friction memo preview");
    tui.wait_for("1 Awareness");
    tui.send("q");
    assert!(tui.wait_exit());
}

#[test]
fn a_friction_point_captured_with_its_form_and_votes_lands_on_disk() {
    let sandbox = Sandbox::new();
    let path = sandbox.path("checkout.json");
    let mut tui = sandbox.spawn(&[path.to_str().unwrap()], 100, 30);
    tui.wait_for("1 Awareness");
    for _ in 0..3 {
        tui.send(keys::DOWN);
    }
    tui.send("a");
    tui.wait_for("New friction point");
    tui.type_text("The delivery fee appears only at the last step");
    tui.send(keys::ENTER);
    tui.send(keys::ENTER);
    tui.wait_for("▲2 The delivery fee");
    tui.send(keys::ENTER);
    tui.wait_for("Friction point 1");
    tui.send(keys::TAB);
    tui.send("3");
    tui.send(keys::TAB);
    tui.type_text("Website");
    tui.send(keys::ENTER);
    tui.wait_for("▲3 The delivery fee");
    tui.send("v");
    tui.send("v");
    tui.wait_for("▲3 ●2 The delivery fee");
    tui.send(keys::CTRL_S);
    tui.wait_for("Saved");
    tui.send("q");
    assert!(tui.wait_exit());

    let text = std::fs::read_to_string(&path).unwrap();
    for expected in [
        "\"text\": \"The delivery fee appears only at the last step\"",
        "\"severity\": 3",
        "\"channel\": \"Website\"",
        "\"votes\": 2",
        "\"status\": \"open\"",
    ] {
        assert!(text.contains(expected), "{expected} missing from:\n{text}");
    }
}

#[test]
fn a_huge_window_is_drawn_clamped_and_still_saves() {
    let sandbox = Sandbox::new();
    let path = sandbox.example("coffee-shop");
    let drawn = (cxmap::terminal::MAX_COLUMNS, cxmap::terminal::MAX_ROWS);
    for window in [(4000, 4000), (u16::MAX, u16::MAX)] {
        let mut tui = sandbox.spawn_window(&[path.to_str().unwrap()], window, drawn);
        tui.wait_for("1 Check it’s open");
        let kib = tui.resident_kib();
        assert!(
            kib < 256 * 1024,
            "{window:?}: {kib} KiB resident; the drawn area is clamped"
        );
        if window.0 == u16::MAX {
            tui.send("jjjjj2");
            tui.send(keys::CTRL_S);
            tui.wait_for("Saved");
        }
        tui.send("q");
        let clean = tui.wait_exit();
        assert!(clean, "{window:?}: quits cleanly:\n{}", tui.screen().trim());
    }
    assert!(std::fs::read_to_string(&path).unwrap().contains("\"score\": 2"));
}

#[test]
fn present_mode_from_the_flag_turns_stages_and_gives_the_grid_back() {
    let sandbox = Sandbox::new();
    let path = sandbox.example("online-store");
    let mut tui = sandbox.spawn(&["--present", path.to_str().unwrap()], 80, 24);
    tui.wait_for("1/7  Awareness");
    tui.wait_for("Friction points · 2");
    tui.send("ll");
    tui.wait_for("3/7  Purchase");
    tui.wait_for("↓ 8 more lines");
    // Quick capture while presenting: the new point shows on the projector at once.
    tui.send("jjja");
    tui.type_text("Queue of nine at the till !3 @Ana");
    tui.send(keys::ENTER);
    tui.send(keys::ENTER);
    tui.wait_for("Friction points · 5");
    tui.wait_for("severe · owner Ana");
    tui.escape_until_gone("3/7  Purchase");
    tui.wait_for("Customer goal");
    tui.send("z");
    tui.wait_for("3/7  Purchase");
    tui.send("q");
    tui.wait_for("Customer goal");
    tui.send("q");
    tui.wait_for("don't save");
    tui.send("n");
    assert!(tui.wait_exit());
}

/// What the program asks of the terminal for the mouse (crossterm's capture, SGR 1006
/// reports) and what gives it back.
const MOUSE_ON: &str = "\x1b[?1000h";
const MOUSE_OFF: &str = "\x1b[?1000l";

fn count(haystack: &[u8], needle: &str) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle.as_bytes())
        .count()
}

#[test]
fn the_mouse_selects_scrolls_and_a_double_click_opens_the_editor() {
    let sandbox = Sandbox::new();
    let path = sandbox.example("online-store");
    let mut tui = sandbox.spawn(&[path.to_str().unwrap()], 100, 30);
    tui.wait_for("3 Purchase");
    tui.click_on("The cart is at R4");
    tui.wait_for("Friction 1/4 · 3 Purchase");
    tui.wheel_down_on("The cart is at R4");
    tui.wait_for("Friction 2/4 · 3 Purchase");
    // Two quick presses on the goal of Awareness: its editor opens in the detail pane.
    let (col, row) = tui.position_of("Find somewhere").unwrap();
    tui.send(&format!(
        "\x1b[<0;{col};{row}M\x1b[<0;{col};{row}m\x1b[<0;{col};{row}M\x1b[<0;{col};{row}m"
    ));
    tui.wait_for("Customer goal · Awareness");
    tui.wait_for("Enter keeps");
    tui.send(keys::END);
    tui.type_text(" (clicked)");
    tui.send(keys::ENTER);
    tui.wait_for("● unsaved");
    tui.send(keys::CTRL_S);
    tui.wait_for("Saved");
    tui.send("q");
    assert!(tui.wait_exit());
    let raw = tui.raw_output();
    assert_eq!(count(&raw, MOUSE_ON), 1, "the mouse is asked for once");
    assert!(count(&raw, MOUSE_OFF) >= 1, "and given back on the way out");
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.contains("before a hiking trip in three weeks (clicked)"));
}

#[test]
fn mouse_false_in_the_settings_leaves_the_mouse_to_the_terminal() {
    let sandbox = Sandbox::new();
    std::fs::create_dir_all(sandbox.path("config")).unwrap();
    std::fs::write(
        sandbox.path("config").join("settings.json"),
        r#"{"mouse": false}"#,
    )
    .unwrap();
    let path = sandbox.example("online-store");
    let mut tui = sandbox.spawn(&[path.to_str().unwrap()], 100, 30);
    tui.wait_for("3 Purchase");
    tui.send("q");
    assert!(tui.wait_exit());
    assert_eq!(count(&tui.raw_output(), MOUSE_ON), 0);
}

#[cfg(target_os = "linux")]
#[test]
fn a_suspended_program_gives_the_mouse_back_and_takes_it_again_when_continued() {
    let sandbox = Sandbox::new();
    let path = sandbox.example("online-store");
    let mut tui = sandbox.spawn(&[path.to_str().unwrap()], 100, 30);
    tui.wait_for("3 Purchase");
    tui.signal("TSTP");
    let stopped = || {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", tui.pid())).unwrap();
        stat.rsplit(')').next().unwrap().trim_start().starts_with('T')
    };
    let start = std::time::Instant::now();
    while !stopped() {
        assert!(start.elapsed() < support::PATIENCE, "the program never stopped");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    // What it wrote before stopping may still be on its way through the pty.
    let start = std::time::Instant::now();
    while count(&tui.raw_output(), "\x1b[?1049l") == 0 {
        assert!(
            start.elapsed() < support::PATIENCE,
            "the shell's screen never came back"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert_eq!(
        count(&tui.raw_output(), MOUSE_OFF),
        1,
        "the mouse is given back before stopping"
    );
    tui.signal("CONT");
    let start = std::time::Instant::now();
    while count(&tui.raw_output(), MOUSE_ON) < 2 {
        assert!(
            start.elapsed() < support::PATIENCE,
            "the mouse was not taken again"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    tui.wait_for("3 Purchase");
    tui.click_on("The cart is at R4");
    tui.wait_for("Friction 1/4 · 3 Purchase");
    tui.send("q");
    assert!(tui.wait_exit());
}
