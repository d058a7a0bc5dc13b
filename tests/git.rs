//! cxmap with real git repositories in temporary folders: `diff --git`, the textconv
//! recipe under `git log -p`, and the merge driver on two branches.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::{Value, json};

const CANONICAL: &str = include_str!("fixtures/canonical.json");
const CXMAP: &str = env!("CARGO_BIN_EXE_cxmap");

/// A git repository in a temporary folder (a sandbox, so cxmap can run there in a
/// terminal too), isolated from the user's git settings.
struct Repo {
    sandbox: support::Sandbox,
}

impl Repo {
    fn new() -> Self {
        let repo = Repo {
            sandbox: support::Sandbox::new(),
        };
        std::fs::create_dir(repo.path("home")).unwrap();
        repo.git(&["init", "-q", "-b", "main"]);
        repo
    }

    fn path(&self, name: &str) -> PathBuf {
        self.sandbox.path(name)
    }

    fn command(&self, program: &str, args: &[&str]) -> Output {
        Command::new(program)
            .args(args)
            .current_dir(self.sandbox.dir.path())
            .env("HOME", self.path("home"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", self.path("home/.gitconfig"))
            .env("GIT_AUTHOR_NAME", "Ana")
            .env("GIT_AUTHOR_EMAIL", "ana@example.com")
            .env("GIT_COMMITTER_NAME", "Ana")
            .env("GIT_COMMITTER_EMAIL", "ana@example.com")
            .env("GIT_PAGER", "cat")
            .env("CXMAP_DATA_DIR", self.path("data"))
            .env("CXMAP_CONFIG_DIR", self.path("config"))
            .output()
            .unwrap_or_else(|e| panic!("{program} could not run (is it installed?): {e}"))
    }

    /// Runs git and insists that it succeeds.
    fn git(&self, args: &[&str]) -> String {
        let output = self.command("git", args);
        assert!(
            output.status.success(),
            "git {args:?} failed: {}{}",
            text(&output.stdout),
            text(&output.stderr)
        );
        text(&output.stdout)
    }

    fn cxmap(&self, args: &[&str]) -> Output {
        self.command(CXMAP, args)
    }

    fn write(&self, name: &str, map: &Value) {
        std::fs::write(self.path(name), serde_json::to_string_pretty(map).unwrap() + "\n").unwrap();
    }

    fn commit(&self, message: &str) {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "-m", message]);
    }

    /// The README's recipe: `diff=cxmap merge=cxmap` for map files, and the two drivers.
    fn install_recipe(&self) {
        std::fs::write(self.path(".gitattributes"), "*.json diff=cxmap merge=cxmap\n").unwrap();
        let quoted = format!("'{CXMAP}'");
        self.git(&[
            "config",
            "diff.cxmap.textconv",
            &format!("{quoted} diff --textconv"),
        ]);
        self.git(&["config", "diff.cxmap.xfuncname", "^(stage .*|shadow)$"]);
        self.git(&["config", "merge.cxmap.name", "cxmap journey-map merge"]);
        self.git(&[
            "config",
            "merge.cxmap.driver",
            &format!("{quoted} merge %O %A %B"),
        ]);
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn canonical() -> Value {
    serde_json::from_str(CANONICAL).unwrap()
}

#[test]
fn diff_against_a_git_revision_names_the_change() {
    let repo = Repo::new();
    let mut map = canonical();
    repo.write("map.json", &map);
    repo.commit("first map");
    map["stages"][0]["frictions"][0]["severity"] = json!(2);
    repo.write("map.json", &map);

    let output = repo.cxmap(&["diff", "map.json", "--git", "HEAD"]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output.stderr));
    assert_eq!(text(&output.stdout), "fr-8c2a severity: 3 → 2\n");

    repo.commit("less severe");
    let same = repo.cxmap(&["diff", "map.json", "--git", "HEAD"]);
    assert_eq!(same.status.code(), Some(0));
    let earlier = repo.cxmap(&["diff", "map.json", "--git", "HEAD~1", "--format", "json"]);
    let document: Value = serde_json::from_slice(&earlier.stdout).unwrap();
    assert_eq!(document["from"], json!("HEAD~1:map.json"));
    assert_eq!(document["changes"][0]["field"], json!("severity"));

    let unknown = repo.cxmap(&["diff", "map.json", "--git", "no-such-branch"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(text(&unknown.stderr).contains("git has no map.json at no-such-branch"));
}

#[test]
fn git_log_with_the_textconv_recipe_shows_words() {
    let repo = Repo::new();
    repo.install_recipe();
    let mut map = canonical();
    repo.write("map.json", &map);
    repo.commit("first map");
    map["stages"][0]["frictions"][0]["severity"] = json!(2);
    map["stages"][1]["name"] = json!("Order on the app");
    repo.write("map.json", &map);
    repo.commit("triage");

    let log = repo.git(&["log", "-p", "-1", "--format=%s"]);
    for line in [
        "-  fr-8c2a severity: 3 (severe)",
        "+  fr-8c2a severity: 2 (major)",
        "-stage st-q7m2: Order ahead",
        "+stage st-q7m2: Order on the app",
    ] {
        assert!(log.lines().any(|l| l == line), "{line:?} not in\n{log}");
    }
    assert!(
        log.lines()
            .any(|l| l.starts_with("@@") && l.ends_with("stage st-3k9x: Discover")),
        "hunk headers name the stage:\n{log}"
    );
    assert!(!log.contains("\"severity\""), "no raw JSON in the log:\n{log}");
}

impl Repo {
    fn edit(&self, name: &str, change: impl FnOnce(&mut Value)) {
        let mut map: Value =
            serde_json::from_str(&std::fs::read_to_string(self.path(name)).unwrap()).unwrap();
        change(&mut map);
        self.write(name, &map);
    }

    fn shadow_note(&self, stage: &str, channel: &str, text: &str, observer: &str) {
        let args = [
            "shadow",
            "add",
            "map.json",
            "--stage",
            stage,
            "--channel",
            channel,
            "--text",
            text,
            "--observer",
            observer,
        ];
        let output = self.cxmap(&args);
        assert!(output.status.success(), "{}", text_of(&output.stderr));
    }
}

fn text_of(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// main with the canonical map; the recipe installed; a branch `ana` and a branch `bo`
/// made from it, each with `change` applied and committed.
fn two_branches(ana: impl FnOnce(&Repo), bo: impl FnOnce(&Repo)) -> Repo {
    let repo = Repo::new();
    repo.install_recipe();
    repo.write("map.json", &canonical());
    repo.commit("the map before the shadowing day");
    repo.git(&["checkout", "-q", "-b", "ana"]);
    ana(&repo);
    repo.commit("Ana's shadowing");
    repo.git(&["checkout", "-q", "-b", "bo", "main"]);
    bo(&repo);
    repo.commit("Bo's shadowing");
    repo.git(&["checkout", "-q", "ana"]);
    repo
}

#[test]
fn two_branches_of_shadowing_merge_with_no_conflict_and_pass_check() {
    let repo = two_branches(
        |r| {
            r.shadow_note("Discover", "Website", "Opening hours missing on mobile", "Ana");
            r.edit("map.json", |m| {
                m["stages"][0]["name"] = json!("Find");
                m["stages"][0]["frictions"][0]["votes"] = json!(4);
                let frictions = m["stages"][0]["frictions"].as_array_mut().unwrap();
                frictions.push(json!({"id": "fr-ana1", "text": "No prices on the menu PDF", "evidence": ["https://x.test/menu"]}));
            });
        },
        |r| {
            r.shadow_note(
                "Order ahead",
                "Mobile app",
                "The app logs out before payment",
                "Bo",
            );
            r.edit("map.json", |m| {
                m["stages"][1]["name"] = json!("Order on the app");
                m["stages"][0]["frictions"][0]["votes"] = json!(3);
                m["stages"][1]["frictions"] = json!([{"id": "fr-bo01", "text": "Card refused twice", "evidence": ["https://x.test/card"]}]);
            });
        },
    );
    let merge = repo.command("git", &["merge", "-q", "--no-edit", "bo"]);
    assert!(
        merge.status.success(),
        "{}{}",
        text_of(&merge.stdout),
        text_of(&merge.stderr)
    );

    let merged: Value =
        serde_json::from_str(&std::fs::read_to_string(repo.path("map.json")).unwrap()).unwrap();
    assert_eq!(merged["stages"][0]["name"], json!("Find"));
    assert_eq!(merged["stages"][1]["name"], json!("Order on the app"));
    assert_eq!(
        merged["stages"][0]["frictions"][0]["votes"],
        json!(2 + 2 + 1),
        "votes add up"
    );
    assert_eq!(merged["stages"][0]["frictions"][1]["id"], json!("fr-ana1"));
    assert_eq!(merged["stages"][1]["frictions"][0]["id"], json!("fr-bo01"));
    let notes: Vec<&str> = merged["shadow"]["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        notes,
        [
            "Hours page 404s on mobile",
            "Opening hours missing on mobile",
            "The app logs out before payment"
        ]
    );
    let check = repo.cxmap(&["check", "map.json"]);
    assert_eq!(check.status.code(), Some(0), "{}", text_of(&check.stdout));
    assert!(
        !text_of(&check.stdout).contains("error"),
        "{}",
        text_of(&check.stdout)
    );
    assert!(!text_of(&std::fs::read(repo.path("map.json")).unwrap()).contains("conflicts"));
}

#[test]
fn a_true_conflict_is_reported_kept_in_the_file_and_resolved_in_the_program() {
    let repo = two_branches(
        |r| {
            r.edit("map.json", |m| {
                m["stages"][0]["frictions"][0]["severity"] = json!(2)
            })
        },
        |r| {
            r.edit("map.json", |m| {
                m["stages"][0]["frictions"][0]["severity"] = json!(1)
            })
        },
    );
    let merge = repo.command("git", &["merge", "--no-edit", "bo"]);
    assert_eq!(merge.status.code(), Some(1), "git stops for the conflict");
    let said = format!("{}{}", text_of(&merge.stdout), text_of(&merge.stderr));
    assert!(
        said.contains("fr-8c2a severity: 2 in ours, 1 in theirs, 3 before"),
        "{said}"
    );
    assert!(
        said.contains("CONFLICT (content): Merge conflict in map.json"),
        "{said}"
    );
    assert!(repo.git(&["status", "--short"]).contains("UU map.json"));

    let text = std::fs::read_to_string(repo.path("map.json")).unwrap();
    assert!(
        !text.contains("<<<<<<<"),
        "no line markers: the file is still a map"
    );
    let merged: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        merged["stages"][0]["frictions"][0]["severity"],
        json!(2),
        "ours stands until chosen"
    );
    assert_eq!(
        merged["stages"][0]["frictions"][0]["conflicts"],
        json!({"severity": {"base": 3, "ours": 2, "theirs": 1}})
    );
    let check = repo.cxmap(&["check", "map.json"]);
    assert_eq!(check.status.code(), Some(1));
    let line = text.lines().position(|l| l.contains("\"severity\": {")).unwrap() + 1;
    assert!(
        text_of(&check.stdout).contains(&format!(
            "map.json:{line}:25: error: merge conflict: fr-8c2a severity"
        )),
        "{}",
        text_of(&check.stdout)
    );
}

#[test]
fn both_branches_adding_the_same_map_merge_from_an_empty_base() {
    let repo = Repo::new();
    repo.install_recipe();
    std::fs::write(repo.path("README"), "maps\n").unwrap();
    repo.commit("start");
    repo.git(&["checkout", "-q", "-b", "ana"]);
    let mut ana = canonical();
    ana["stages"][0]["frictions"][0]["owner"] = json!("Ana");
    repo.write("map.json", &ana);
    repo.commit("Ana's copy");
    repo.git(&["checkout", "-q", "-b", "bo", "main"]);
    let mut bo = canonical();
    bo["shadow"]["notes"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "sh-bo01", "stage": "st-q7m2", "text": "Queue"}));
    repo.write("map.json", &bo);
    repo.commit("Bo's copy");
    let merge = repo.command("git", &["merge", "--no-edit", "ana"]);
    let merged: Value =
        serde_json::from_str(&std::fs::read_to_string(repo.path("map.json")).unwrap()).unwrap();
    assert_eq!(
        merged["shadow"]["notes"].as_array().unwrap().len(),
        2,
        "both sides' notes"
    );
    assert_eq!(
        merged["stages"][0]["frictions"][0]["conflicts"]["owner"]["theirs"],
        json!("Ana")
    );
    assert_eq!(
        merge.status.code(),
        Some(1),
        "with no base, differing fields are conflicts"
    );
}
