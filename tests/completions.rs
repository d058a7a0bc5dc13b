//! `cxmap completions SHELL` and `cxmap man`: made from the clap definitions, so every
//! command, option and theme is in them; bash's script is run to complete a real line.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::{Command, Output};

fn cxmap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cxmap"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[test]
fn every_shell_gets_a_script_naming_the_commands_and_the_themes() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let script = stdout(&cxmap(&["completions", shell]));
        for word in ["completions", "memo", "theme", "color", "high-contrast"] {
            assert!(script.contains(word), "{shell}: {word} is missing");
        }
    }
    let refused = cxmap(&["completions", "tcsh"]);
    assert_eq!(refused.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains("bash") && stderr.contains("powershell"),
        "{stderr}"
    );
}

/// What bash completes `line` (the word being typed last) to, with cxmap's script loaded.
fn bash_completes(words: &[&str]) -> Vec<String> {
    let script = stdout(&cxmap(&["completions", "bash"]));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cxmap.bash");
    std::fs::write(&path, script).unwrap();
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let program = format!(
        "source '{}'; COMP_WORDS=({}); COMP_CWORD={}; COMP_LINE='{}'; COMP_POINT=${{#COMP_LINE}}; \
         _cxmap cxmap '{}' '{}'; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        path.display(),
        quoted.join(" "),
        words.len() - 1,
        words.join(" "),
        words.last().unwrap(),
        words.get(words.len().wrapping_sub(2)).unwrap_or(&"cxmap"),
    );
    let output = Command::new("bash").arg("-c").arg(program).output().unwrap();
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn bash_completes_commands_and_theme_names() {
    assert_eq!(bash_completes(&["cxmap", "comp"]), vec!["completions"]);
    let themes = bash_completes(&["cxmap", "--theme", ""]);
    assert_eq!(themes, vec!["dark", "light", "high-contrast", "monochrome"]);
}

#[test]
fn the_man_page_lists_commands_environment_and_files() {
    let page = stdout(&cxmap(&["man"]));
    assert!(page.starts_with(".ie") || page.contains(".TH cxmap 1"), "{page}");
    for part in [
        ".SH SYNOPSIS",
        "cxmap\\-check(1)",
        ".SH ENVIRONMENT",
        "NO_COLOR",
        "settings.json",
        "keys.toml",
        "VISUAL",
        "high\\-contrast",
    ] {
        assert!(page.contains(part), "{part} is missing:\n{page}");
    }
    if Command::new("man")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
    {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("cxmap.1");
        std::fs::write(&file, &page).unwrap();
        let shown = Command::new("man")
            .env("MANWIDTH", "100")
            .env("MAN_KEEP_FORMATTING", "")
            .arg("-l")
            .arg(&file)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&shown.stdout);
        assert!(
            text.contains("ENVIRONMENT") && text.contains("NO_COLOR"),
            "man shows:\n{text}"
        );
    }
}

#[test]
fn man_writes_a_page_per_command_into_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let said = stdout(&cxmap(&["man", "--dir", dir.path().to_str().unwrap()]));
    assert!(said.contains("man cxmap"), "{said}");
    for page in [
        "cxmap.1",
        "cxmap-check.1",
        "cxmap-completions.1",
        "cxmap-shadow-add.1",
    ] {
        let text = std::fs::read_to_string(dir.path().join(page)).unwrap();
        assert!(text.contains(".SH NAME"), "{page}");
    }
}
