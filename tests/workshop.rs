//! The live workshop from the command line: quick-capture tags in `cxmap shadow add`,
//! `cxmap council`, and `check` on channels spelled two ways.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

fn cxmap(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cxmap"))
        .args(args)
        .current_dir(dir)
        .env("CXMAP_DATA_DIR", dir.join("data"))
        .env("CXMAP_CONFIG_DIR", dir.join("config"))
        .env("USER", "amy")
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

fn map(dir: &Path, file: &str) -> cxmap::model::JourneyMap {
    cxmap::format::parse(&std::fs::read_to_string(dir.join(file)).unwrap())
        .unwrap()
        .map
}

#[test]
fn shadow_add_takes_the_channel_from_a_tag_matched_like_the_room_says_it() {
    let dir = tempfile::tempdir().unwrap();
    let store = example(dir.path(), "online-store");
    let before = map(dir.path(), &store);
    assert!(before.shadow.channels.iter().any(|c| c == "Contact-centre call"));
    let add = |text: &str, extra: &[&str]| {
        let mut args = vec!["shadow", "add", &store, "--stage", "support", "--text", text];
        args.extend_from_slice(extra);
        cxmap(dir.path(), &args)
    };
    let output = add("On hold for 14 minutes #contact_centre_call", &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let note = map(dir.path(), &store).shadow.notes.last().cloned().unwrap();
    assert_eq!(note.text, "On hold for 14 minutes");
    assert_eq!(note.channel, "Contact-centre call");

    let output = add("Label printed twice #EMAIL", &["--channel", "e-mail"]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "the tag and --channel agree: {}",
        stderr(&output)
    );
    let after = map(dir.path(), &store);
    assert_eq!(after.shadow.notes.last().unwrap().channel, "E-mail");
    assert_eq!(
        after.shadow.channels, before.shadow.channels,
        "no twin joined the list"
    );

    let output = add("Kiosk asleep #kiosk", &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("Added the channel \"Kiosk\""),
        "{}",
        stdout(&output)
    );
    assert_eq!(map(dir.path(), &store).shadow.channels.last().unwrap(), "Kiosk");
}

#[test]
fn shadow_add_refuses_tags_it_cannot_keep_and_leaves_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = example(dir.path(), "online-store");
    let before = std::fs::read(dir.path().join(&store)).unwrap();
    for (args, says) in [
        (
            vec!["--text", "Queue at the till !3 #store @Ana"],
            "severity 3 severe, channel store, owner Ana",
        ),
        (
            vec!["--text", "Banner #website", "--channel", "Store"],
            "--channel says \"Store\"",
        ),
        (vec!["--text", "No channel at all"], "or a #channel tag"),
        (vec!["--text", "#store"], "needs its --text"),
    ] {
        let mut all = vec!["shadow", "add", &store, "--stage", "1"];
        all.extend_from_slice(&args);
        let output = cxmap(dir.path(), &all);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert!(stderr(&output).contains(says), "{args:?}: {}", stderr(&output));
        assert!(stderr(&output).contains("the file was not changed"));
    }
    assert_eq!(std::fs::read(dir.path().join(&store)).unwrap(), before);
}

#[test]
fn council_prints_the_action_list_as_markdown_or_csv() {
    let dir = tempfile::tempdir().unwrap();
    let store = example(dir.path(), "online-store");
    let output = cxmap(dir.path(), &["council", &store]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.starts_with("# CX council: Ridgeline Outdoor"), "{text}");
    assert!(text.contains("| # | Friction point | Owner | Status | Stage | Channel | Votes | Severity |"));
    let rows: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| #"))
        .collect();
    assert_eq!(rows.len(), 3, "the council's three by default: {text}");
    assert!(
        rows[0].contains("| Naledi | open | 3 Purchase | Website | 6 | 3 severe |"),
        "{text}"
    );

    let output = cxmap(dir.path(), &["council", &store, "-f", "csv", "--all"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let records = stdout(&output);
    let header = records.lines().next().unwrap();
    assert_eq!(
        header,
        "rank,id,friction point,owner,status,stage,channel,votes,severity"
    );
    let open = map(dir.path(), &store)
        .stages
        .iter()
        .flat_map(|s| &s.frictions)
        .filter(|f| !f.status.is_closed())
        .count();
    assert_eq!(records.lines().count(), open + 1);

    let output = cxmap(dir.path(), &["council", &store, "-o", "council.md"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("council.md")).unwrap(),
        text
    );
    let again = cxmap(dir.path(), &["council", &store, "-o", "council.md"]);
    assert_eq!(again.status.code(), Some(1), "never replaced without --force");

    let output = cxmap(dir.path(), &["council", &store, "-f", "html"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("choose md or csv"));
}

#[test]
fn check_warns_about_channels_spelled_two_ways_where_the_second_one_is() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("twins.json"),
        "{\"cxmap\": 1, \"stages\": [{\"id\": \"st-a\", \"name\": \"Discover\", \"emotion\": {\"score\": -1},\n\
         \"frictions\": [{\"id\": \"fr-a\", \"text\": \"Menu PDF\", \"channel\": \"Email\",\n\
         \"evidence\": [\"https://x.example/a.png\"]}]}],\n\
         \"shadow\": {\"channels\": [\"E-mail\", \"Store\", \"Mobile app\"]}}\n",
    )
    .unwrap();
    let output = cxmap(dir.path(), &["check", "--strict", "twins.json"]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(
        text.contains("twins.json:2:61: warning: the channel \"Email\" looks like a twin of \"E-mail\""),
        "{text}"
    );
    assert_eq!(text.lines().count(), 1, "{text}");
}
