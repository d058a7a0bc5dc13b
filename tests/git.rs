//! cxmap with real git repositories in temporary folders: `diff --git`, the textconv
//! recipe under `git log -p`, and the merge driver on two branches.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::{Value, json};

const CANONICAL: &str = include_str!("fixtures/canonical.json");
const CXMAP: &str = env!("CARGO_BIN_EXE_cxmap");

/// A git repository in a temporary folder, isolated from the user's git settings.
struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    fn new() -> Self {
        let repo = Repo {
            dir: tempfile::tempdir().unwrap(),
        };
        std::fs::create_dir(repo.dir.path().join("home")).unwrap();
        repo.git(&["init", "-q", "-b", "main"]);
        repo
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn command(&self, program: &str, args: &[&str]) -> Output {
        Command::new(program)
            .args(args)
            .current_dir(self.dir.path())
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
